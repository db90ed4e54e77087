import { Select } from 'antd';
import type { CSSProperties } from 'react';
import { useUnits } from '../units/units.api.ts';

/** Work units in the account's scope, searchable by name (a city has about a hundred). */
export function useUnitOptions() {
  const units = useUnits({ page: 1, pageSize: 500 });
  return { units: units.data?.items ?? [], loading: units.isPending };
}

export function UnitSelect({
  value,
  onChange,
  placeholder,
  allowClear,
  testId,
  style,
}: {
  value?: string | null;
  onChange?: (id: string | null) => void;
  placeholder?: string;
  allowClear?: boolean;
  testId: string;
  style?: CSSProperties;
}) {
  const { units, loading } = useUnitOptions();
  return (
    <Select<string>
      value={value ?? undefined}
      onChange={(id) => onChange?.(id ?? null)}
      placeholder={placeholder}
      aria-label={placeholder}
      allowClear={allowClear}
      loading={loading}
      showSearch={{ optionFilterProp: 'label' }}
      // County units share names (县卫健委 in every county), so the region tells them apart.
      options={units.map((u) => ({ value: u.id, label: `${u.name}（${u.regionName}）` }))}
      popupMatchSelectWidth={false}
      style={{ minWidth: 160, ...style }}
      data-testid={testId}
    />
  );
}
