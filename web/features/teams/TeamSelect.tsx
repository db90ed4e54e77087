import { Select } from 'antd';
import { useEffect, useState, type CSSProperties } from 'react';
import { useTranslation } from 'react-i18next';
import { useTeams } from './teams.api.ts';

/** Finds a team by name on the server; `initial` labels a value set before any search. */
export function TeamSelect({
  value,
  onChange,
  initial,
  exclude,
  placeholder,
  allowClear,
  disabled,
  testId,
  style,
}: {
  value?: string | null;
  onChange?: (id: string | null) => void;
  initial?: { id: string; name: string } | null;
  /** A team cannot be its own parent. */
  exclude?: string;
  placeholder?: string;
  allowClear?: boolean;
  disabled?: boolean;
  testId: string;
  style?: CSSProperties;
}) {
  const { t } = useTranslation();
  const [typed, setTyped] = useState('');
  const [q, setQ] = useState('');
  useEffect(() => {
    const timer = setTimeout(() => setQ(typed), 300);
    return () => clearTimeout(timer);
  }, [typed]);
  const teams = useTeams({ q }, 1, 50);
  const options = (teams.data?.items ?? [])
    .filter((team) => team.id !== exclude)
    .map((team) => ({ value: team.id, label: team.name }));
  if (initial && value === initial.id && !options.some((o) => o.value === initial.id))
    options.unshift({ value: initial.id, label: initial.name });
  return (
    <Select<string>
      value={value ?? undefined}
      onChange={(id) => onChange?.(id ?? null)}
      placeholder={placeholder ?? t('teams.searchPlaceholder')}
      aria-label={placeholder ?? t('teams.searchPlaceholder')}
      allowClear={allowClear}
      disabled={disabled}
      loading={teams.isFetching}
      showSearch={{ filterOption: false, onSearch: setTyped }}
      options={options}
      popupMatchSelectWidth={false}
      style={{ minWidth: 200, ...style }}
      data-testid={testId}
    />
  );
}
