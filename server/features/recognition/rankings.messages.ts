import type { FeatureMessages } from '../../platform/i18n.ts';

export const rankingsMessages: FeatureMessages = {
  'zh-CN': {
    'field.recognition.toBeforeFrom': '结束日期不能早于开始日期',
  },
  en: {
    'field.recognition.toBeforeFrom': 'The end date cannot be before the start date',
  },
};
