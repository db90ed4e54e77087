import type { FeatureMessages } from '../../platform/i18n.ts';

export const healthReportsMessages: FeatureMessages = {
  'zh-CN': {
    HEALTH_LINK_INVALID: '该健康上报链接无效、已停用或已过期；如仍在隔离期内，请联系您的网格员重新领取上报卡',
    HEALTH_REPORT_DONE: '本时段已上报，无需重复提交',
    HEALTH_REPORT_NOT_DUE: '还未到上报时间，请在 {from} 之后上报',
    REMEASURE_NOT_DUE: '当前没有需要复测的体温记录',
    HEALTH_CASE_NOT_ACTIVE: '该隔离人员已解除隔离或已转出',
    'field.health.token': '链接格式不正确',
    'field.health.temperature': '体温须在 35.0–42.0 °C 之间，保留一位小数',
    'field.health.slotOutsideCase': '该日期不在隔离期内',
    'field.health.slotAhead': '该时段尚未开始',
  },
  en: {
    HEALTH_LINK_INVALID:
      'This health report link is invalid, stopped or expired; if you are still in isolation, ask your grid worker for a new card',
    HEALTH_REPORT_DONE: 'This slot is already reported',
    HEALTH_REPORT_NOT_DUE: 'Not time to report yet; report after {from}',
    REMEASURE_NOT_DUE: 'No reading is waiting for a re-measure',
    HEALTH_CASE_NOT_ACTIVE: 'This person has been released or transferred',
    'field.health.token': 'Malformed link',
    'field.health.temperature': 'Temperature must be 35.0–42.0 °C with one decimal',
    'field.health.slotOutsideCase': 'This date is outside the isolation period',
    'field.health.slotAhead': 'This slot has not started yet',
  },
};
