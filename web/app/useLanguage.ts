import { useTranslation } from 'react-i18next';
import type { Language } from '../../common/enums.ts';
import { asLanguage } from './language.ts';

/** The UI language as the `common/labels.ts` tables key it. */
export function useLanguage(): Language {
  return asLanguage(useTranslation().i18n.language);
}
