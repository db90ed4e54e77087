/** Strings of these pages; merged into web/app/i18n under the key `inspections`. en must have exactly the zh-CN keys. */
const zh = {
  title: '督查',
};

export const inspectionsI18n: { 'zh-CN': typeof zh; en: typeof zh } = {
  'zh-CN': zh,
  en: {
    title: 'Inspections',
  },
};
