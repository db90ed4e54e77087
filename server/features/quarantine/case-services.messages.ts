import type { FeatureMessages } from '../../platform/i18n.ts';

export const caseServicesMessages: FeatureMessages = {
  'zh-CN': {
    CASE_SERVICE_STOPPED: '该服务已停止（或隔离已结束），不能再登记',
    'field.caseService.required': '请填写此项',
    'field.caseService.doneInFuture': '服务日期不能晚于今天',
    'field.caseService.doneTooOld': '只能补登 {days} 天以内的服务',
  },
  en: {
    CASE_SERVICE_STOPPED: 'This service has stopped (or the isolation has ended): nothing more can be logged',
    'field.caseService.required': 'Fill this in',
    'field.caseService.doneInFuture': 'The day cannot be after today',
    'field.caseService.doneTooOld': 'Visits can be logged up to {days} days late',
  },
};
