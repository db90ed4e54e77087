import type { FeatureMessages } from '../../platform/i18n.ts';

export const passagesMessages: FeatureMessages = {
  'zh-CN': {},
  en: {},
};
