import { Button } from 'antd';
import type { ReactNode } from 'react';

export interface Choice<V extends string> {
  value: V;
  label: ReactNode;
  /** A choice that means trouble (an origin in a risk area): red, so it is never picked unawares. */
  danger?: boolean;
}

/**
 * Tappable buttons for one value. `block`: equal-width tall buttons across the row (a segmented
 * toggle for the thumb); otherwise chips that wrap. `allowNone`: tapping the chosen one again
 * clears it (for an optional field).
 */
export function Choices<V extends string>({
  value,
  onChange,
  options,
  block,
  allowNone,
  id,
  testId,
}: {
  value?: V | null;
  onChange?: (value: V | null) => void;
  options: readonly Choice<V>[];
  block?: boolean;
  allowNone?: boolean;
  /** Form.Item's field id: the form scrolls to a field with a problem by it. */
  id?: string;
  testId: string;
}) {
  return (
    <div
      id={id}
      role="group"
      style={{ display: 'flex', flexWrap: block ? 'nowrap' : 'wrap', gap: block ? 0 : 8, width: block ? '100%' : undefined }}
      data-testid={testId}
    >
      {options.map((o, i) => {
        const chosen = o.value === value;
        return (
          <Button
            key={o.value}
            type={chosen ? 'primary' : 'default'}
            danger={o.danger}
            aria-pressed={chosen}
            onClick={() => onChange?.(chosen && allowNone ? null : o.value)}
            style={
              block
                ? {
                    flex: 1,
                    height: 56,
                    fontSize: 20,
                    fontWeight: 600,
                    minWidth: 0,
                    borderRadius: i === 0 ? '8px 0 0 8px' : i === options.length - 1 ? '0 8px 8px 0' : 0,
                    marginInlineStart: i === 0 ? 0 : -1,
                  }
                : { height: 40, minWidth: 48, fontSize: 15, borderRadius: 20 }
            }
            data-testid={`${testId}-${o.value}`}
          >
            {o.label}
          </Button>
        );
      })}
    </div>
  );
}
