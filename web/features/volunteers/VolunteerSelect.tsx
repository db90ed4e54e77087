import { Select, Space, Tag } from 'antd';
import { useEffect, useState, type CSSProperties, type ReactNode } from 'react';
import { useTranslation } from 'react-i18next';
import { useVolunteers, type VolunteerSummary } from './volunteers.api.ts';

/**
 * Finds a volunteer by name (or the last digits of the mobile) on the server: the registry is far
 * too large to list. `initial` labels a value set before any search (an edited team's leader).
 */
export function VolunteerSelect({
  value,
  onChange,
  onPick,
  initial,
  placeholder,
  allowClear,
  regionId,
  testId,
  style,
}: {
  value?: string | null;
  onChange?: (id: string | null) => void;
  /** The picked volunteer's summary, for forms that depend on it (party member or not). */
  onPick?: (volunteer: VolunteerSummary | null) => void;
  initial?: { id: string; name: string } | null;
  placeholder?: string;
  allowClear?: boolean;
  regionId?: string | null;
  testId: string;
  style?: CSSProperties;
}) {
  const { t } = useTranslation();
  const [search, setSearch] = useState('');
  const [typed, setTyped] = useState('');
  // Searching as one types, but not on every key.
  useEffect(() => {
    const timer = setTimeout(() => setSearch(typed.trim()), 300);
    return () => clearTimeout(timer);
  }, [typed]);
  const digits = /^\d{4,11}$/.test(search);
  const found = useVolunteers({ q: digits ? undefined : search, mobile: digits ? search : undefined, regionId }, 1, 20);
  const items = found.data?.items ?? [];
  const options = items.map((v) => ({
    value: v.id,
    label: v.name,
    title: v.name,
    render: (
      <Space size={4} wrap>
        <span>{v.name}</span>
        {v.partyMember ? <Tag color="red">{t('person.partyMemberTag')}</Tag> : null}
        <span style={{ color: '#8c8c8c' }}>
          {v.mobile} · {v.regionName}
        </span>
      </Space>
    ),
  }));
  if (initial && value === initial.id && !items.some((v) => v.id === initial.id))
    options.unshift({ value: initial.id, label: initial.name, title: initial.name, render: <span>{initial.name}</span> });
  return (
    <Select<string>
      value={value ?? undefined}
      onChange={(id) => {
        onChange?.(id ?? null);
        onPick?.(items.find((v) => v.id === id) ?? null);
      }}
      placeholder={placeholder ?? t('volunteers.searchPlaceholder')}
      aria-label={placeholder ?? t('volunteers.searchPlaceholder')}
      allowClear={allowClear}
      loading={found.isFetching}
      showSearch={{ filterOption: false, onSearch: setTyped }}
      options={options}
      optionRender={(o) => (o.data as { render: ReactNode }).render}
      notFoundContent={found.isFetching ? null : t('volunteers.noMatch')}
      popupMatchSelectWidth={false}
      style={{ minWidth: 200, ...style }}
      data-testid={testId}
    />
  );
}
