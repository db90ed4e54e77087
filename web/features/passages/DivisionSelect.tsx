import { Select } from 'antd';
import { useState, type CSSProperties } from 'react';
import { useTranslation } from 'react-i18next';
import { useDivisions, type Division } from './passages.api.ts';

/**
 * Any province, city or county of China (GB/T 2260), found by name ('武汉', '江岸') or by the
 * start of its code; the full name shows, so 朝阳区 of Beijing and of Changchun are told apart.
 */
export function DivisionSelect({
  value,
  onChange,
  initial,
  placeholder,
  allowClear = true,
  disabled,
  size,
  testId,
  style,
}: {
  value?: string | null;
  onChange?: (code: string | null, division: Division | null) => void;
  /** Names a value set before any search (an entry being edited, a risk area's code). */
  initial?: { code: string; name: string } | null;
  placeholder?: string;
  allowClear?: boolean;
  disabled?: boolean;
  size?: 'large' | 'middle';
  testId: string;
  style?: CSSProperties;
}) {
  const { t } = useTranslation();
  const [typed, setTyped] = useState('');
  const q = typed.trim();
  const divisions = useDivisions(q);
  const found = divisions.data;
  const options = found.map((d) => ({ value: d.code, label: d.fullName }));
  if (initial && value === initial.code && !options.some((o) => o.value === initial.code))
    options.unshift({ value: initial.code, label: initial.name });
  const label = placeholder ?? t('passages.division.placeholder');
  return (
    <Select<string>
      value={value ?? undefined}
      onChange={(code) => onChange?.(code ?? null, found.find((d) => d.code === code) ?? null)}
      placeholder={label}
      aria-label={label}
      allowClear={allowClear}
      disabled={disabled}
      size={size}
      loading={divisions.isFetching}
      showSearch={{ filterOption: false, onSearch: setTyped }}
      notFoundContent={q ? t('passages.division.none') : t('passages.division.typeHint')}
      options={options}
      style={{ minWidth: 200, ...style }}
      data-testid={testId}
    />
  );
}
