import type { FeatureMessages } from '../../platform/i18n.ts';

export const followUpsMessages: FeatureMessages = {
  'zh-CN': {},
  en: {},
};
