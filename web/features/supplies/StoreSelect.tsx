import { Select } from 'antd';
import { useTranslation } from 'react-i18next';
import { useStores } from './supplies.api.ts';

/** The open stores in the caller's area, by name and place. */
export function StoreSelect({
  value,
  onChange,
  exclude,
  disabled,
  testId,
}: {
  value?: string | null;
  onChange?: (id: string | null) => void;
  exclude?: string | null;
  disabled?: boolean;
  testId: string;
}) {
  const { t } = useTranslation();
  const stores = useStores({ active: true }, 1, 500);
  return (
    <Select<string>
      value={value ?? undefined}
      onChange={(id) => onChange?.(id ?? null)}
      disabled={disabled}
      showSearch={{ optionFilterProp: 'label' }}
      loading={stores.isPending}
      aria-label={t('supplies.store')}
      options={(stores.data?.items ?? [])
        .filter((s) => s.id !== exclude)
        .map((s) => ({ value: s.id, label: `${s.name}（${s.regionName}）` }))}
      data-testid={testId}
    />
  );
}
