import type { FeatureMessages } from '../../platform/i18n.ts';

export const errandDispatchMessages: FeatureMessages = {
  'zh-CN': {},
  en: {},
};
