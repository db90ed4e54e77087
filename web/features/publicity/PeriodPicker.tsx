import { DatePicker, Flex, Segmented } from 'antd';
import dayjs from 'dayjs';
import { useTranslation } from 'react-i18next';
import { PERIODS, periodRange, type Period } from './period.ts';

const DAY = 'YYYY-MM-DD';

export interface PeriodValue {
  preset: Period | null;
  from: string | null;
  to: string | null;
}

export const presetValue = (preset: Period): PeriodValue => ({ preset, ...periodRange(preset) });

/** Today, 7 days, this month, all in one tap; or any dates. */
export function PeriodPicker({
  value,
  onChange,
  testId,
}: {
  value: PeriodValue;
  onChange: (v: PeriodValue) => void;
  testId: string;
}) {
  const { t } = useTranslation();
  return (
    <Flex wrap gap={8} align="center">
      <Segmented<Period | 'custom'>
        value={value.preset ?? 'custom'}
        onChange={(p) => (p === 'custom' ? onChange({ ...value, preset: null }) : onChange(presetValue(p)))}
        options={[
          ...PERIODS.map((p) => ({ value: p, label: <span data-testid={`${testId}-${p}`}>{t(`publicity.period.${p}`)}</span> })),
          { value: 'custom' as const, label: <span data-testid={`${testId}-custom`}>{t('publicity.periodCustom')}</span> },
        ]}
      />
      {value.preset === null ? (
        <DatePicker.RangePicker
          allowEmpty={[true, true]}
          value={[value.from ? dayjs(value.from) : null, value.to ? dayjs(value.to) : null]}
          onChange={(range) =>
            onChange({ preset: null, from: range?.[0]?.format(DAY) ?? null, to: range?.[1]?.format(DAY) ?? null })
          }
          placeholder={[t('publicity.filterFrom'), t('publicity.filterTo')]}
          data-testid={`${testId}-range`}
        />
      ) : null}
    </Flex>
  );
}
