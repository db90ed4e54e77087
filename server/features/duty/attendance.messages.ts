import type { FeatureMessages } from '../../platform/i18n.ts';

export const attendanceMessages: FeatureMessages = {
  'zh-CN': {
    DUTY_NOT_HERE: '此时您在本卡点没有可签到的班次。{next}',
    DUTY_NEXT_SHIFT: '您在本卡点的下一班是 {month}月{day}日 {start}–{end}',
    DUTY_NO_NEXT_SHIFT: '近期您在本卡点没有排班',
    DUTY_ALREADY_CHECKED_IN: '您已签到本班次，无需重复签到',
    DUTY_NOT_ON_DUTY: '您在本卡点没有正在值守的班次（尚未签到，或已过签退时间）',
    'field.duty.toBeforeFrom': '结束日期不能早于开始日期',
    'notify.duty.absent': '{volunteer} 未按时到岗：{checkpoint}，{month}月{day}日 {start}–{end} 班次',
  },
  en: {
    DUTY_NOT_HERE: 'You have no shift to check in to at this checkpoint now. {next}',
    DUTY_NEXT_SHIFT: 'Your next shift here is on {month}/{day}, {start}–{end}',
    DUTY_NO_NEXT_SHIFT: 'You have no upcoming shift at this checkpoint',
    DUTY_ALREADY_CHECKED_IN: 'You have already checked in for this shift',
    DUTY_NOT_ON_DUTY: 'You are not on duty at this checkpoint (not checked in, or the check-out time has passed)',
    'field.duty.toBeforeFrom': 'The end date cannot be before the start date',
    'notify.duty.absent': '{volunteer} has not checked in at {checkpoint} for the {month}/{day} {start}–{end} shift',
  },
};
