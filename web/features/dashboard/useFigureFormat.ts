import { useMemo } from 'react';
import { useTranslation } from 'react-i18next';
import type { TFunction } from 'i18next';
import type { Language } from '../../../common/enums.ts';
import { useLanguage } from '../../app/useLanguage.ts';
import type { TileDetail, TileFormat } from './tiles.ts';

/** Shown for a rate with nothing to divide by, or a median of no orders. */
export const NO_VALUE = '—';

/**
 * Figures as the dashboard prints them: thousands separators, one decimal for rates, units. The
 * functions stay the same until the language changes, so charts built from them are not redrawn.
 */
export function useFigureFormat() {
  const { t } = useTranslation();
  const language = useLanguage();
  return useMemo(() => formatters(t, language), [t, language]);
}

function formatters(t: TFunction, language: Language) {
  const whole = new Intl.NumberFormat(language, { maximumFractionDigits: 0 });
  const number = (value: number) => whole.format(value);
  const format = (value: number | null, kind: TileFormat): string => {
    if (value === null) return NO_VALUE;
    switch (kind) {
      case 'count':
        return number(value);
      case 'percent':
        return `${(value * 100).toFixed(1)}%`;
      case 'minutes':
        return t('dashboard.unit.minutes', { value: number(value) });
      case 'area':
        return t('dashboard.unit.area', { value: number(value) });
    }
  };
  const detail = (d: TileDetail): string => {
    const values = Object.fromEntries(
      Object.entries(d.values).map(([name, value]) => [name, format(value, d.formats?.[name] ?? 'count')]),
    );
    return t(`dashboard.detail.${d.key}`, { replace: values });
  };
  return { number, format, detail };
}
