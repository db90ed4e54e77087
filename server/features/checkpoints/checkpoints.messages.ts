import type { FeatureMessages } from '../../platform/i18n.ts';

export const checkpointsMessages: FeatureMessages = {
  'zh-CN': {},
  en: {},
};
