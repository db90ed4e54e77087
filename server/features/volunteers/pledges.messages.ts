import type { FeatureMessages } from '../../platform/i18n.ts';

export const pledgesMessages: FeatureMessages = {
  'zh-CN': {},
  en: {},
};
