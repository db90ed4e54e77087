import type { FeatureMessages } from '../../platform/i18n.ts';

export const errandRunsMessages: FeatureMessages = {
  'zh-CN': {},
  en: {},
};
