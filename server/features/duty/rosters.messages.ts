import type { FeatureMessages } from '../../platform/i18n.ts';

export const rostersMessages: FeatureMessages = {
  'zh-CN': {},
  en: {},
};
