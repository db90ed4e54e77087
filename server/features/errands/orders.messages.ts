import type { FeatureMessages } from '../../platform/i18n.ts';

export const errandOrdersMessages: FeatureMessages = {
  'zh-CN': {},
  en: {},
};
