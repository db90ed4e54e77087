import type { FeatureMessages } from '../../platform/i18n.ts';

export const fieldIssuesMessages: FeatureMessages = {
  'zh-CN': {},
  en: {},
};
