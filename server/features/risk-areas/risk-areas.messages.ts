import type { FeatureMessages } from '../../platform/i18n.ts';

export const riskAreasMessages: FeatureMessages = {
  'zh-CN': {},
  en: {},
};
