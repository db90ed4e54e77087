import { MinusOutlined, PlusOutlined } from '@ant-design/icons';
import { Button, Flex, Typography } from 'antd';
import type { CSSProperties } from 'react';
import { useTranslation } from 'react-i18next';

/** The readings a thermometer gun shows most: one tap each. */
const QUICK = [360, 362, 364, 366, 368, 370, 372];

const FEVER_RED = '#cf1322';

/** Tenths of a degree, so steps of 0.1 never drift (36.6 + 0.1 ≠ 36.7 in floating point). */
const tenths = (c: number) => Math.round(c * 10);

export function formatTemperature(c: number): string {
  return c.toFixed(1);
}

/** A wheel of the phone's own (a native select): a thumb spins to 38 or .6 faster than it taps. */
function Wheel({
  value,
  options,
  onPick,
  label,
  placeholder,
  color,
  testId,
}: {
  value: number | null;
  options: number[];
  /** Shown until a reading is set (a re-measure not taken yet). */
  placeholder: string;
  onPick: (n: number) => void;
  label: string;
  color: string | undefined;
  testId: string;
}) {
  const style: CSSProperties = {
    appearance: 'none',
    border: 'none',
    borderBottom: '2px dashed #bfbfbf',
    background: 'transparent',
    font: 'inherit',
    color,
    padding: 0,
    textAlign: 'center',
    cursor: 'pointer',
  };
  return (
    <select
      value={value === null ? '' : String(value)}
      onChange={(e) => onPick(Number(e.target.value))}
      aria-label={label}
      style={style}
      data-testid={testId}
    >
      {value === null ? (
        <option value="" disabled>
          {placeholder}
        </option>
      ) : null}
      {options.map((n) => (
        <option key={n} value={n}>
          {n}
        </option>
      ))}
    </select>
  );
}

/**
 * 35.0–42.0 °C in steps of 0.1, without a keyboard: − and + by 0.1, the usual readings as one
 * tap, and two wheels (degrees, tenths) for anything else. At the fever threshold it turns red.
 */
export function TemperaturePicker({
  value,
  onChange,
  min,
  max,
  threshold,
  start,
  optional,
  id,
  testId,
}: {
  value?: number | null;
  onChange?: (value: number | null) => void;
  min: number;
  max: number;
  threshold: number;
  /** Where − and + start when nothing is set yet (a re-measure starts from the first reading). */
  start: number;
  /** A vehicle's driver may go unmeasured: a chip says so. */
  optional?: boolean;
  /** Form.Item's field id: the form scrolls to a field with a problem by it. */
  id?: string;
  testId: string;
}) {
  const { t } = useTranslation();
  const lo = tenths(min);
  const hi = tenths(max);
  const current = value === null || value === undefined ? null : tenths(value);
  const fever = current !== null && current >= tenths(threshold);
  const color = fever ? FEVER_RED : undefined;
  const set = (n: number) => onChange?.(Math.min(hi, Math.max(lo, n)) / 10);
  const step = (delta: number) => set((current ?? tenths(start)) + (current === null ? 0 : delta));

  const whole = current === null ? null : Math.floor(current / 10);
  const tenth = current === null ? null : current % 10;
  const wholes: number[] = [];
  for (let w = Math.floor(lo / 10); w <= Math.floor(hi / 10); w++) wholes.push(w);
  const side = { width: 56, height: 56, fontSize: 20, flex: 'none' } as const;

  return (
    <div
      id={id}
      style={{
        border: `2px solid ${fever ? FEVER_RED : '#d9d9d9'}`,
        background: fever ? '#fff1f0' : '#fff',
        borderRadius: 12,
        padding: 10,
      }}
      data-testid={testId}
      data-fever={fever}
    >
      <Flex align="center" justify="space-between" gap={8}>
        <Button
          icon={<MinusOutlined />}
          style={side}
          aria-label={t('passages.entry.tempDown')}
          disabled={current !== null && current <= lo}
          onClick={() => step(-1)}
          data-testid={`${testId}-minus`}
        />
        <Flex align="baseline" justify="center" style={{ fontSize: 40, fontWeight: 700, lineHeight: 1.2, color, minWidth: 0 }}>
          <Wheel
            value={whole}
            options={wholes}
            onPick={(w) => set(w * 10 + (tenth ?? 0))}
            label={t('passages.entry.tempWhole')}
            placeholder="--"
            color={color}
            testId={`${testId}-whole`}
          />
          <span>.</span>
          <Wheel
            value={tenth}
            options={[0, 1, 2, 3, 4, 5, 6, 7, 8, 9]}
            onPick={(d) => set((whole ?? Math.floor(tenths(start) / 10)) * 10 + d)}
            label={t('passages.entry.tempTenth')}
            placeholder="-"
            color={color}
            testId={`${testId}-tenth`}
          />
          <span style={{ fontSize: 20, marginInlineStart: 4 }}>°C</span>
        </Flex>
        <Button
          icon={<PlusOutlined />}
          style={side}
          aria-label={t('passages.entry.tempUp')}
          disabled={current !== null && current >= hi}
          onClick={() => step(1)}
          data-testid={`${testId}-plus`}
        />
      </Flex>
      <div style={{ display: 'grid', gridTemplateColumns: `repeat(${QUICK.length}, 1fr)`, gap: 4, marginTop: 10 }}>
        {QUICK.map((n) => (
          <Button
            key={n}
            type={n === current ? 'primary' : 'default'}
            style={{ height: 44, padding: 0, fontSize: 15, minWidth: 0 }}
            onClick={() => set(n)}
            data-testid={`${testId}-quick-${n / 10}`}
          >
            {formatTemperature(n / 10)}
          </Button>
        ))}
      </div>
      {optional || fever ? (
        <Flex align="center" justify="space-between" gap={8} style={{ marginTop: 8 }}>
          {fever ? (
            <Typography.Text strong style={{ color: FEVER_RED }} data-testid={`${testId}-fever`}>
              {t('passages.entry.feverMark', { threshold: formatTemperature(threshold) })}
            </Typography.Text>
          ) : (
            <span />
          )}
          {optional ? (
            <Button
              type={current === null ? 'primary' : 'default'}
              style={{ height: 40, borderRadius: 20 }}
              aria-pressed={current === null}
              onClick={() => onChange?.(null)}
              data-testid={`${testId}-none`}
            >
              {t('passages.entry.notMeasured')}
            </Button>
          ) : null}
        </Flex>
      ) : null}
    </div>
  );
}
