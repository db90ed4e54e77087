import type { FeatureMessages } from '../../platform/i18n.ts';

export const attendanceMessages: FeatureMessages = {
  'zh-CN': {},
  en: {},
};
