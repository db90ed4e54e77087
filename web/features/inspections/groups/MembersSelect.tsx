import { Select } from 'antd';
import { useEffect, useState, type CSSProperties } from 'react';
import { useTranslation } from 'react-i18next';
import { useAccountSearch } from '../inspections.api.ts';

/** A picked member as the form keeps it: the id, and the name to show (and to offer as leader). */
export interface MemberValue {
  value: string;
  label: string;
}

/** Finds accounts by name or login on the server and keeps the picked ones with their names. */
export function MembersSelect({
  value,
  onChange,
  testId,
  style,
}: {
  value?: MemberValue[];
  onChange?: (members: MemberValue[]) => void;
  testId: string;
  style?: CSSProperties;
}) {
  const { t } = useTranslation();
  const [typed, setTyped] = useState('');
  const [q, setQ] = useState('');
  // Searching as one types, but not on every key.
  useEffect(() => {
    const timer = setTimeout(() => setQ(typed.trim()), 300);
    return () => clearTimeout(timer);
  }, [typed]);
  const found = useAccountSearch(q);
  const options = (found.data ?? []).map((a) => ({ value: a.id, label: `${a.name}（${a.login}）` }));
  return (
    <Select<MemberValue[]>
      mode="multiple"
      labelInValue
      value={value ?? []}
      onChange={(picked) => onChange?.(picked.map((p) => ({ value: p.value, label: String(p.label) })))}
      placeholder={t('inspections.groups.membersPlaceholder')}
      aria-label={t('inspections.groups.members')}
      loading={found.isFetching}
      showSearch={{ filterOption: false, onSearch: setTyped }}
      options={options}
      notFoundContent={found.isFetching ? null : t('inspections.groups.noAccount')}
      style={{ width: '100%', ...style }}
      data-testid={testId}
    />
  );
}
