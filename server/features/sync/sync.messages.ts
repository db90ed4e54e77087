import type { FeatureMessages } from '../../platform/i18n.ts';

export const syncMessages: FeatureMessages = {
  'zh-CN': {
    CONFLICT_RESOLVED: '这条离线记录已由他人处理',
    'sync.reason.checkInReassigned':
      '{made} 的签到属于{checkpoint} {time} 的班次，但该班次在签到送达前已调整给他人，已留待队长核实',
    'sync.reason.checkOutReassigned':
      '{made} 的签退属于{checkpoint} {time} 的班次，但该班次在签退送达前已调整给他人，已留待队长核实',
    'sync.reason.caseReleased': '{made} 填写的健康上报送达时，隔离已于 {closed} 结束（解除或转出），已留给社区医生核实',
    'notify.sync.conflict': '有一条离线记录需要核实：{reason}',
  },
  en: {
    CONFLICT_RESOLVED: 'Someone has already settled this offline entry',
    'sync.reason.checkInReassigned':
      'The check-in made {made} is for the shift at {checkpoint}, {time}, which was reassigned before it arrived; kept for the team leader to settle',
    'sync.reason.checkOutReassigned':
      'The check-out made {made} is for the shift at {checkpoint}, {time}, which was reassigned before it arrived; kept for the team leader to settle',
    'sync.reason.caseReleased':
      'The health report made {made} arrived after the isolation ended ({closed}, released or transferred); kept for the community doctor to review',
    'notify.sync.conflict': 'An offline entry needs checking: {reason}',
  },
};
