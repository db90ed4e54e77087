import { useQuery } from '@tanstack/react-query';
import { Select } from 'antd';
import { useState } from 'react';
import { api, withQuery } from '../../app/api.ts';
import { CHECKPOINTS_KEY, type Checkpoint } from '../checkpoints/checkpoints.api.ts';

/** Enough to find a gate by a word of its name; a whole county has hundreds. */
const SEARCH_LIMIT = 30;

/** Active checkpoints in the caller's scope, searched by name or address on the server. */
export function CheckpointSearch({
  value,
  onChange,
  placeholder,
  testId,
}: {
  value?: string | null;
  onChange?: (id: string | null, checkpoint: Checkpoint | null) => void;
  placeholder: string;
  testId: string;
}) {
  const [q, setQ] = useState('');
  const found = useQuery({
    queryKey: [CHECKPOINTS_KEY, 'search', q],
    queryFn: async () =>
      (await api.get<{ items: Checkpoint[] }>(withQuery('/checkpoints', { q: q.trim(), status: 'active', limit: SEARCH_LIMIT })))
        .items,
    placeholderData: (previous) => previous,
  });
  const items = found.data ?? [];
  return (
    <Select<string>
      showSearch={{ filterOption: false, onSearch: setQ }}
      allowClear
      value={value ?? undefined}
      onChange={(id) => onChange?.(id ?? null, items.find((c) => c.id === id) ?? null)}
      placeholder={placeholder}
      aria-label={placeholder}
      loading={found.isFetching}
      options={items.map((c) => ({ value: c.id, label: `${c.name} · ${c.regionName}` }))}
      style={{ width: '100%' }}
      size="large"
      data-testid={testId}
    />
  );
}
