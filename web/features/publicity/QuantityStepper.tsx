import { MinusOutlined, PlusOutlined } from '@ant-design/icons';
import { Button, Flex, InputNumber, Tag } from 'antd';

const SIDE = { width: 52, height: 52, fontSize: 18, flex: 'none' } as const;
/** Posters go up in tens, leaflets in hundreds: one tap each. */
const JUMPS = [10, 50, 100];

/**
 * A quantity set by thumb: − and + by one, the number typed on the phone's keypad, and jumps for
 * the big counts. A form control (value/onChange).
 */
export function QuantityStepper({
  value,
  onChange,
  max,
  unit,
  labels,
  testId,
}: {
  value?: number | null;
  onChange?: (value: number) => void;
  max: number;
  unit: string;
  labels: { minus: string; plus: string };
  testId: string;
}) {
  const current = value ?? 0;
  const set = (v: number) => onChange?.(Math.min(max, Math.max(1, Math.round(v))));
  return (
    <Flex vertical gap={8}>
      <Flex align="center" gap={8}>
        <Button
          icon={<MinusOutlined />}
          style={SIDE}
          disabled={current <= 1}
          aria-label={labels.minus}
          onClick={() => set(current - 1)}
          data-testid={`${testId}-minus`}
        />
        <InputNumber<number>
          value={value ?? null}
          min={1}
          max={max}
          precision={0}
          inputMode="numeric"
          controls={false}
          onChange={(v) => (v === null ? undefined : set(v))}
          suffix={unit}
          style={{ flex: 1, minWidth: 0, height: 52, fontSize: 22, fontWeight: 600, display: 'flex', alignItems: 'center' }}
          data-testid={`${testId}-input`}
        />
        <Button
          icon={<PlusOutlined />}
          style={SIDE}
          disabled={current >= max}
          aria-label={labels.plus}
          onClick={() => set(current + 1)}
          data-testid={`${testId}-plus`}
        />
      </Flex>
      <Flex gap={8}>
        {JUMPS.map((n) => (
          <Tag.CheckableTag
            key={n}
            checked={false}
            onChange={() => set(current + n)}
            style={{ fontSize: 15, padding: '6px 14px', border: '1px solid #d9d9d9', marginInlineEnd: 0 }}
            data-testid={`${testId}-add-${n}`}
          >
            +{n}
          </Tag.CheckableTag>
        ))}
      </Flex>
    </Flex>
  );
}
