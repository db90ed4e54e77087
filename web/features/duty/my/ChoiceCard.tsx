import { CheckCircleFilled } from '@ant-design/icons';
import { Flex } from 'antd';
import type { ReactNode } from 'react';

/** A whole-width choice a thumb can hit: one of a list, picked by tapping anywhere on it. */
export function ChoiceCard({
  selected,
  onSelect,
  testId,
  children,
}: {
  selected: boolean;
  onSelect: () => void;
  testId: string;
  children: ReactNode;
}) {
  return (
    <button
      type="button"
      role="radio"
      aria-checked={selected}
      onClick={onSelect}
      data-testid={testId}
      style={{
        display: 'block',
        width: '100%',
        minHeight: 48,
        padding: '10px 12px',
        textAlign: 'start',
        font: 'inherit',
        color: 'inherit',
        cursor: 'pointer',
        background: selected ? '#fff1f0' : '#fff',
        border: `${selected ? 2 : 1}px solid ${selected ? '#c41d1d' : '#d9d9d9'}`,
        borderRadius: 8,
      }}
    >
      <Flex align="center" gap={8} justify="space-between">
        <span style={{ minWidth: 0 }}>{children}</span>
        {selected ? <CheckCircleFilled style={{ color: '#c41d1d', fontSize: 18 }} /> : null}
      </Flex>
    </button>
  );
}
