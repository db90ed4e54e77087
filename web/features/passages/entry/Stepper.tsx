import { MinusOutlined, PlusOutlined } from '@ant-design/icons';
import { Button, Flex } from 'antd';

const SIDE = { width: 48, height: 48, fontSize: 18 } as const;

/** A small count (occupants, leaflets) set by thumb: − value +, no keyboard. */
export function Stepper({
  value,
  onChange,
  min,
  max,
  label,
  testId,
}: {
  value?: number;
  onChange?: (value: number) => void;
  min: number;
  max: number;
  /** Read out for the buttons, which show only − and +. */
  label: string;
  testId: string;
}) {
  const current = value ?? min;
  return (
    <Flex align="center" gap={4} data-testid={testId}>
      <Button
        icon={<MinusOutlined />}
        style={SIDE}
        disabled={current <= min}
        aria-label={`${label} −1`}
        onClick={() => onChange?.(current - 1)}
        data-testid={`${testId}-minus`}
      />
      <span
        style={{ minWidth: 44, textAlign: 'center', fontSize: 22, fontWeight: 600 }}
        aria-live="polite"
        data-testid={`${testId}-value`}
      >
        {current}
      </span>
      <Button
        icon={<PlusOutlined />}
        style={SIDE}
        disabled={current >= max}
        aria-label={`${label} +1`}
        onClick={() => onChange?.(current + 1)}
        data-testid={`${testId}-plus`}
      />
    </Flex>
  );
}
