/** Strings of the field app's shell; merged into web/app/i18n under the key `field`. en must have exactly the zh-CN keys. */
const zh = {
  more: '更多',
  staffDesk: '打开工作台',
  signInTitle: '登录后继续',
  signInHint: '登录后打开本页。',
  notAllowed: '您的账号不能使用本页',
  toStart: '返回首页',
  logoutFailed: '退出失败，请稍后再试',
};

export const fieldI18n: { 'zh-CN': typeof zh; en: typeof zh } = {
  'zh-CN': zh,
  en: {
    more: 'More',
    staffDesk: 'Open the staff desk',
    signInTitle: 'Sign in to continue',
    signInHint: 'This page opens once you are signed in.',
    notAllowed: 'Your account cannot use this page',
    toStart: 'Back to start',
    logoutFailed: 'Could not sign out; please try again later',
  },
};
