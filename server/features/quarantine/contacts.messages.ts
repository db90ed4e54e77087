import type { FeatureMessages } from '../../platform/i18n.ts';

export const contactsMessages: FeatureMessages = {
  'zh-CN': {
    'field.contact.exposureFuture': '末次接触日期不能晚于今天',
  },
  en: {
    'field.contact.exposureFuture': 'The last exposure cannot be after today',
  },
};
