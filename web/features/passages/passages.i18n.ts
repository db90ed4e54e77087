/** Strings of these pages; merged into web/app/i18n under the key `passages`. en must have exactly the zh-CN keys. */
const zh = {
  title: '卡点登记',
};

export const passagesI18n: { 'zh-CN': typeof zh; en: typeof zh } = {
  'zh-CN': zh,
  en: {
    title: 'Passage log',
  },
};
