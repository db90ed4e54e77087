import { LANGUAGES, type Language } from '../../common/enums.ts';

/** The same name for the stored choice and the cookie the server reads for its messages. */
const KEY = 'redvest_lang';
const ONE_YEAR_SECONDS = 365 * 24 * 3600;

function isLanguage(value: unknown): value is Language {
  return (LANGUAGES as readonly unknown[]).includes(value);
}

function readCookie(name: string): string | undefined {
  return document.cookie
    .split('; ')
    .find((c) => c.startsWith(`${name}=`))
    ?.slice(name.length + 1);
}

/** This device's last choice; otherwise English only for a browser that asks for it before Chinese. */
export function initialLanguage(): Language {
  const stored = localStorage.getItem(KEY) ?? readCookie(KEY);
  if (isLanguage(stored)) return stored;
  for (const tag of navigator.languages) {
    if (tag.toLowerCase().startsWith('zh')) return 'zh-CN';
    if (tag.toLowerCase().startsWith('en')) return 'en';
  }
  return 'zh-CN';
}

export function rememberLanguage(language: Language): void {
  localStorage.setItem(KEY, language);
  document.cookie = `${KEY}=${language}; path=/; max-age=${ONE_YEAR_SECONDS}; SameSite=Lax`;
}

export function asLanguage(value: string | undefined): Language {
  return value === 'en' ? 'en' : 'zh-CN';
}
