import type { FeatureMessages } from '../../platform/i18n.ts';

export const teamsMessages: FeatureMessages = {
  'zh-CN': {},
  en: {},
};
