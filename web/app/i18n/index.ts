import i18n from 'i18next';
import { initReactI18next } from 'react-i18next';
import type { Language } from '../../../common/enums.ts';
import { setDateLanguage } from '../dates.ts';
import { initialLanguage, rememberLanguage } from '../language.ts';
import { en } from './en.ts';
import { zhCN, type Messages } from './zh-CN.ts';

declare module 'i18next' {
  interface CustomTypeOptions {
    defaultNS: 'translation';
    resources: { translation: Messages };
  }
}

const language = initialLanguage();

void i18n.use(initReactI18next).init({
  resources: { 'zh-CN': { translation: zhCN }, en: { translation: en } },
  lng: language,
  fallbackLng: 'zh-CN',
  supportedLngs: ['zh-CN', 'en'],
  load: 'currentOnly',
  initAsync: false,
  // React escapes what it renders.
  interpolation: { escapeValue: false },
});
setDateLanguage(language);
document.documentElement.lang = language;

/** Switches the UI and remembers the choice on this device (localStorage and the cookie the server reads). */
export async function applyLanguage(next: Language): Promise<void> {
  rememberLanguage(next);
  setDateLanguage(next);
  document.documentElement.lang = next;
  await i18n.changeLanguage(next);
}

export { i18n };
