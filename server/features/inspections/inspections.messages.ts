import type { FeatureMessages } from '../../platform/i18n.ts';

export const inspectionsMessages: FeatureMessages = {
  'zh-CN': {},
  en: {},
};
