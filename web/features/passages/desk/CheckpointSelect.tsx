import { Select } from 'antd';
import { useState, type CSSProperties } from 'react';
import { useCheckpoints } from '../../checkpoints/checkpoints.api.ts';
import { useDebounced } from '../useDebounced.ts';

/** A checkpoint found by name on the server, within a region when one is picked. */
export function CheckpointSelect({
  value,
  onChange,
  regionId,
  placeholder,
  testId,
  style,
}: {
  value: string | null | undefined;
  onChange: (id: string | null) => void;
  regionId: string | null | undefined;
  placeholder: string;
  testId: string;
  style?: CSSProperties;
}) {
  const [typed, setTyped] = useState('');
  const q = useDebounced(typed.trim());
  const checkpoints = useCheckpoints({ q, regionId }, 1, 50);
  return (
    <Select<string>
      allowClear
      value={value ?? undefined}
      onChange={(id) => onChange(id ?? null)}
      placeholder={placeholder}
      aria-label={placeholder}
      loading={checkpoints.isFetching}
      showSearch={{ filterOption: false, onSearch: setTyped }}
      options={(checkpoints.data?.items ?? []).map((c) => ({ value: c.id, label: `${c.name} · ${c.regionName}` }))}
      popupMatchSelectWidth={false}
      style={style}
      data-testid={testId}
    />
  );
}
