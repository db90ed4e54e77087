/** Strings of these pages; merged into web/app/i18n under the key `checkpoints`. en must have exactly the zh-CN keys. */
const zh = {
  title: '',
};

export const checkpointsI18n: { 'zh-CN': typeof zh; en: typeof zh } = {
  'zh-CN': zh,
  en: {
    title: '',
  },
};
