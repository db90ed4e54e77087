import { useQueryClient } from '@tanstack/react-query';
import { Segmented } from 'antd';
import { useTranslation } from 'react-i18next';
import { LANGUAGES, type Language } from '../../common/enums.ts';
import { api } from '../app/api.ts';
import { useReportError } from '../app/errors.ts';
import { applyLanguage } from '../app/i18n/index.ts';
import { asLanguage } from '../app/language.ts';
import { ME_KEY, useMe, type Me } from '../app/session.ts';

/** 中文 / English. Remembered on this device and, when signed in, on the account too. */
export function LanguageSwitch() {
  const { t, i18n } = useTranslation();
  const me = useMe().data;
  const client = useQueryClient();
  const report = useReportError();

  async function change(language: Language) {
    await applyLanguage(language);
    if (!me) return;
    const updated: Me = { ...me, language };
    client.setQueryData<Me | null>(ME_KEY, updated);
    try {
      await api.put('/auth/language', { language });
    } catch (e) {
      report(e);
    }
  }

  return (
    <Segmented<Language>
      size="small"
      aria-label={t('language.label')}
      data-testid="language-switch"
      value={asLanguage(i18n.language)}
      options={LANGUAGES.map((l) => ({ value: l, label: <span data-testid={`language-${l}`}>{t(`language.${l}`)}</span> }))}
      onChange={(l) => void change(l)}
    />
  );
}
