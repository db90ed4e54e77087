/** Strings of these pages; merged into web/app/i18n under the key `fieldIssues`. en must have exactly the zh-CN keys. */
const zh = {
  title: '问题台账',
};

export const fieldIssuesI18n: { 'zh-CN': typeof zh; en: typeof zh } = {
  'zh-CN': zh,
  en: {
    title: 'Issue ledger',
  },
};
