import { Button, Tooltip } from 'antd';
import type { ReactNode } from 'react';
import { useIsPhone } from '../app/useIsPhone.ts';

/** A table row's action: icon and text on a desk; on a phone the icon alone, so the row stays narrow. */
export function RowAction({
  icon,
  label,
  danger,
  onClick,
  testId,
}: {
  icon: ReactNode;
  label: string;
  danger?: boolean;
  onClick: () => void;
  testId: string;
}) {
  const phone = useIsPhone();
  if (phone) {
    return (
      <Tooltip title={label}>
        <Button type="link" danger={danger} icon={icon} aria-label={label} onClick={onClick} data-testid={testId} />
      </Tooltip>
    );
  }
  return (
    <Button type="link" danger={danger} icon={icon} onClick={onClick} data-testid={testId}>
      {label}
    </Button>
  );
}
