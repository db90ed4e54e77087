import { Select } from 'antd';
import { useEffect, useState, type CSSProperties } from 'react';
import { useTranslation } from 'react-i18next';
import { usePlaces } from './disinfection.api.ts';

/** Finds a place by name on the server (a city has thousands); clearing it is `null`. */
export function PlacePicker({
  value,
  onChange,
  regionId,
  testId,
  style,
}: {
  value: string | null;
  onChange: (id: string | null) => void;
  regionId: string | null;
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
  const places = usePlaces({ regionId, q }, 1, 30);
  return (
    <Select<string>
      allowClear
      showSearch
      filterOption={false}
      value={value ?? undefined}
      onChange={(id) => onChange(id ?? null)}
      onSearch={setTyped}
      placeholder={t('disinfection.logs.place')}
      aria-label={t('disinfection.logs.place')}
      loading={places.isFetching}
      options={(places.data?.items ?? []).map((p) => ({ value: p.id, label: p.name }))}
      style={style}
      data-testid={testId}
    />
  );
}
