import { Select } from 'antd';
import type { CSSProperties } from 'react';
import { ROLES, type Role } from '../../../common/enums.ts';
import { ROLE_LABELS } from '../../../common/labels.ts';
import { useLanguage } from '../../app/useLanguage.ts';

export function RoleSelect(props: {
  value?: Role | null;
  onChange?: (role: Role | null) => void;
  placeholder?: string;
  allowClear?: boolean;
  testId: string;
  style?: CSSProperties;
  /** Offer only these roles (e.g. the ones the signed-in account may hand out). */
  only?: readonly Role[];
}) {
  const language = useLanguage();
  return (
    <Select<Role>
      value={props.value ?? undefined}
      onChange={(role) => props.onChange?.(role ?? null)}
      placeholder={props.placeholder}
      aria-label={props.placeholder}
      allowClear={props.allowClear}
      options={ROLES.filter((role) => !props.only || props.only.includes(role)).map((role) => ({
        value: role,
        label: ROLE_LABELS[role][language],
      }))}
      popupMatchSelectWidth={false}
      style={{ minWidth: 160, ...props.style }}
      data-testid={props.testId}
    />
  );
}
