import type { FeatureMessages } from '../../platform/i18n.ts';

export const volunteersMessages: FeatureMessages = {
  'zh-CN': {},
  en: {},
};
