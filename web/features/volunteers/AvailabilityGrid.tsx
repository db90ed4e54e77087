import { CheckOutlined } from '@ant-design/icons';
import { Button, Flex, Typography } from 'antd';
import { useTranslation } from 'react-i18next';
import { TIME_BANDS, type TimeBand } from '../../../common/enums.ts';
import { TIME_BAND_LABELS, WEEKDAY_LABELS } from '../../../common/labels.ts';
import { useIsPhone } from '../../app/useIsPhone.ts';
import { useLanguage } from '../../app/useLanguage.ts';
import { WEEKDAYS, type Slot, type Weekday } from './volunteers.api.ts';

/** A thumb's width on the form; smaller where the grid is only shown, so it fits a phone's detail card. */
const CELL = 34;
const CELL_SHOWN = 26;
const RED = '#c41d1d';

const has = (value: Slot[], weekday: number, band: TimeBand) => value.some((s) => s.weekday === weekday && s.band === band);

/** Kept in week order, so the same choice is always sent (and compared) the same way. */
function sorted(slots: Slot[]): Slot[] {
  return [...slots].sort((a, b) => a.weekday - b.weekday || TIME_BANDS.indexOf(a.band) - TIME_BANDS.indexOf(b.band));
}

function all(days: readonly Weekday[]): Slot[] {
  return days.flatMap((weekday) => TIME_BANDS.map((band) => ({ weekday, band })));
}

/**
 * Weekday × time band toggles, big enough for a thumb on a 375px phone. A weekday heading toggles
 * its column, a band its row; the presets cover the usual answers in one tap.
 */
export function AvailabilityGrid({
  value = [],
  onChange,
  readOnly,
  testId,
}: {
  value?: Slot[];
  onChange?: (slots: Slot[]) => void;
  readOnly?: boolean;
  testId: string;
}) {
  const { t } = useTranslation();
  const language = useLanguage();
  const phone = useIsPhone();
  const size = readOnly && phone ? CELL_SHOWN : CELL;
  const set = (slots: Slot[]) => onChange?.(sorted(slots));
  const toggle = (weekday: Weekday, band: TimeBand) =>
    set(
      has(value, weekday, band)
        ? value.filter((s) => !(s.weekday === weekday && s.band === band))
        : [...value, { weekday, band }],
    );
  const toggleMany = (slots: Slot[]) => {
    const allOn = slots.every((s) => has(value, s.weekday, s.band));
    const rest = value.filter((v) => !slots.some((s) => s.weekday === v.weekday && s.band === v.band));
    set(allOn ? rest : [...rest, ...slots]);
  };

  const head = { width: size, textAlign: 'center' as const, fontSize: 12, padding: 0, height: 24 };
  return (
    <div data-testid={testId}>
      {readOnly ? null : (
        <Flex wrap gap={8} style={{ marginBottom: 8 }}>
          <Button size="small" onClick={() => set(all(WEEKDAYS))} autoInsertSpace={false} data-testid={`${testId}-everyday`}>
            {t('person.presetEveryday')}
          </Button>
          <Button
            size="small"
            onClick={() => set(all([1, 2, 3, 4, 5]))}
            autoInsertSpace={false}
            data-testid={`${testId}-weekdays`}
          >
            {t('person.presetWeekdays')}
          </Button>
          <Button size="small" onClick={() => set(all([6, 7]))} autoInsertSpace={false} data-testid={`${testId}-weekend`}>
            {t('person.presetWeekend')}
          </Button>
          <Button size="small" type="text" onClick={() => set([])} autoInsertSpace={false} data-testid={`${testId}-clear`}>
            {t('person.presetClear')}
          </Button>
        </Flex>
      )}
      <table style={{ borderCollapse: 'separate', borderSpacing: 3 }} role="grid" aria-label={t('person.availability')}>
        <thead>
          <tr>
            <th />
            {WEEKDAYS.map((weekday) => (
              <th key={weekday} style={{ fontWeight: 'normal' }}>
                {readOnly ? (
                  <span style={{ ...head, display: 'inline-block', lineHeight: '24px' }}>
                    {WEEKDAY_LABELS[weekday][language]}
                  </span>
                ) : (
                  <Button
                    type="text"
                    size="small"
                    style={head}
                    onClick={() => toggleMany(TIME_BANDS.map((band) => ({ weekday, band })))}
                    data-testid={`${testId}-day-${weekday}`}
                  >
                    {WEEKDAY_LABELS[weekday][language]}
                  </Button>
                )}
              </th>
            ))}
          </tr>
        </thead>
        <tbody>
          {TIME_BANDS.map((band) => (
            <tr key={band}>
              <th style={{ fontWeight: 'normal', textAlign: 'start', paddingInlineEnd: 4, whiteSpace: 'nowrap' }}>
                {readOnly ? (
                  <Typography.Text style={{ fontSize: 12 }} title={TIME_BAND_LABELS[band][language]}>
                    {t(`person.bandShort.${band}`)}
                  </Typography.Text>
                ) : (
                  <Button
                    type="text"
                    size="small"
                    style={{ fontSize: 12, paddingInline: 2 }}
                    title={TIME_BAND_LABELS[band][language]}
                    onClick={() => toggleMany(WEEKDAYS.map((weekday) => ({ weekday, band })))}
                    data-testid={`${testId}-band-${band}`}
                  >
                    {t(`person.bandShort.${band}`)}
                  </Button>
                )}
              </th>
              {WEEKDAYS.map((weekday) => {
                const on = has(value, weekday, band);
                const label = `${WEEKDAY_LABELS[weekday][language]} ${TIME_BAND_LABELS[band][language]}`;
                const style = {
                  width: size,
                  height: size,
                  borderRadius: 6,
                  border: `1px solid ${on ? RED : '#d9d9d9'}`,
                  background: on ? RED : '#fff',
                  color: '#fff',
                  display: 'inline-flex',
                  alignItems: 'center',
                  justifyContent: 'center',
                  padding: 0,
                  cursor: readOnly ? 'default' : 'pointer',
                };
                return (
                  <td key={weekday} style={{ padding: 0 }}>
                    {readOnly ? (
                      <span style={style} aria-label={label} title={label}>
                        {on ? <CheckOutlined /> : null}
                      </span>
                    ) : (
                      <button
                        type="button"
                        role="checkbox"
                        aria-checked={on}
                        aria-label={label}
                        title={label}
                        style={style}
                        onClick={() => toggle(weekday, band)}
                        data-testid={`${testId}-${weekday}-${band}`}
                      >
                        {on ? <CheckOutlined /> : null}
                      </button>
                    )}
                  </td>
                );
              })}
            </tr>
          ))}
        </tbody>
      </table>
      <Typography.Text type="secondary" style={{ fontSize: 12 }}>
        {TIME_BANDS.map((band) => TIME_BAND_LABELS[band][language]).join(' · ')}
      </Typography.Text>
    </div>
  );
}
