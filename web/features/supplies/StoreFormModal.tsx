import { useQuery } from '@tanstack/react-query';
import { Form, Input, Select } from 'antd';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { api, withQuery } from '../../app/api.ts';
import { FormModal } from '../../components/FormModal.tsx';
import { RegionTreeSelect } from '../regions/RegionTreeSelect.tsx';
import { SUPPLIES_KEY, type Store } from './supplies.api.ts';

interface StoreForm {
  regionId: string;
  name: string;
  address?: string;
  keeperAccountId?: string | null;
}

/** Accounts of the caller's area, found by name or login, to name a store's keeper. */
function KeeperSelect({
  value,
  onChange,
  initial,
}: {
  value?: string | null;
  onChange?: (id: string | null) => void;
  initial?: { id: string; name: string } | null;
}) {
  const { t } = useTranslation();
  const [q, setQ] = useState('');
  const found = useQuery({
    queryKey: ['accounts', 'keeper-search', q],
    queryFn: () =>
      api.get<{ items: { id: string; name: string; login: string }[] }>(
        withQuery('/accounts', { q: q.trim(), status: 'active', limit: 20 }),
      ),
    placeholderData: (previous) => previous,
  });
  const options = (found.data?.items ?? []).map((a) => ({ value: a.id, label: `${a.name}（${a.login}）` }));
  if (initial && value === initial.id && !options.some((o) => o.value === initial.id))
    options.unshift({ value: initial.id, label: initial.name });
  return (
    <Select<string>
      allowClear
      showSearch={{ filterOption: false, onSearch: setQ }}
      value={value ?? undefined}
      onChange={(id) => onChange?.(id ?? null)}
      options={options}
      loading={found.isFetching}
      aria-label={t('supplies.keeper')}
      data-testid="store-form-keeper"
    />
  );
}

/** `store` null: a new store (at a city, county or community). */
export function StoreFormModal({ store, onClose }: { store: Store | null; onClose: () => void }) {
  const { t } = useTranslation();
  async function submit(v: StoreForm) {
    const body = {
      name: v.name.trim(),
      address: v.address?.trim() || undefined,
      keeperAccountId: v.keeperAccountId ?? undefined,
    };
    if (store)
      await api.patch(`/supplies/stores/${store.id}`, {
        ...body,
        address: v.address?.trim() || null,
        keeperAccountId: v.keeperAccountId ?? null,
      });
    else await api.post('/supplies/stores', { ...body, regionId: v.regionId });
  }
  return (
    <FormModal<StoreForm>
      title={store ? t('supplies.stores.editTitle') : t('supplies.stores.createTitle')}
      testId="store-form"
      onClose={onClose}
      submit={submit}
      invalidate={[SUPPLIES_KEY]}
      initialValues={
        store
          ? {
              name: store.name,
              address: store.address ?? '',
              keeperAccountId: store.keeper?.id ?? null,
              regionId: store.regionId,
            }
          : {}
      }
    >
      {store ? null : (
        <Form.Item
          name="regionId"
          label={t('supplies.region')}
          extra={t('supplies.stores.regionHint')}
          rules={[{ required: true, message: t('supplies.required') }]}
        >
          <RegionTreeSelect testId="store-form-region" style={{ width: '100%' }} />
        </Form.Item>
      )}
      <Form.Item
        name="name"
        label={t('supplies.stores.name')}
        rules={[{ required: true, whitespace: true, message: t('supplies.required') }]}
      >
        <Input maxLength={60} data-testid="store-form-name" />
      </Form.Item>
      <Form.Item name="address" label={t('supplies.stores.address')}>
        <Input maxLength={200} data-testid="store-form-address" />
      </Form.Item>
      <Form.Item name="keeperAccountId" label={t('supplies.keeper')} extra={t('supplies.stores.keeperHint')}>
        <KeeperSelect initial={store?.keeper ?? null} />
      </Form.Item>
    </FormModal>
  );
}
