import { useQuery } from '@tanstack/react-query';
import { Form, Input, Radio, Select } from 'antd';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { ALLOCATION_TARGETS, type AllocationTarget } from '../../../common/enums.ts';
import { ALLOCATION_TARGET_LABELS } from '../../../common/labels.ts';
import { api, withQuery } from '../../app/api.ts';
import { useLanguage } from '../../app/useLanguage.ts';
import { FormModal } from '../../components/FormModal.tsx';
import { useIdempotentCreate } from '../../components/idempotency.ts';
import { CheckpointSearch } from '../field-issues/CheckpointSearch.tsx';
import { RegionTreeSelect } from '../regions/RegionTreeSelect.tsx';
import { TeamSelect } from '../teams/TeamSelect.tsx';
import { LinesEditor, linesOf, type LineValue } from './LinesEditor.tsx';
import { StoreSelect } from './StoreSelect.tsx';
import { SUPPLIES_KEY, useStore } from './supplies.api.ts';

interface AllocationForm {
  storeId: string;
  toKind: AllocationTarget;
  toId: string;
  purpose?: string;
  lines: LineValue[];
}

/** Households found by address on the server (a community has thousands). */
function HouseholdSearch({ value, onChange }: { value?: string | null; onChange?: (id: string | null) => void }) {
  const { t } = useTranslation();
  const [q, setQ] = useState('');
  const found = useQuery({
    queryKey: ['households', 'supplies-search', q],
    queryFn: () =>
      api.get<{ items: { id: string; address: string; regionName: string }[] }>(
        withQuery('/households', { q: q.trim(), limit: 20 }),
      ),
    enabled: q.trim().length > 0,
    placeholderData: (previous) => previous,
  });
  return (
    <Select<string>
      showSearch={{ filterOption: false, onSearch: setQ }}
      allowClear
      value={value ?? undefined}
      onChange={(id) => onChange?.(id ?? null)}
      placeholder={t('supplies.allocations.pickHousehold')}
      aria-label={t('supplies.allocations.pickHousehold')}
      loading={found.isFetching}
      options={(found.data?.items ?? []).map((h) => ({ value: h.id, label: `${h.address} · ${h.regionName}` }))}
      data-testid="allocation-form-household"
    />
  );
}

/** 调拨出库: from a store to a checkpoint, a team, a community or a household in its area. */
export function AllocationFormModal({ storeId, onClose }: { storeId?: string; onClose: () => void }) {
  const { t } = useTranslation();
  const language = useLanguage();
  const create = useIdempotentCreate();
  const [form] = Form.useForm<AllocationForm>();
  const chosenStore = Form.useWatch('storeId', form) ?? storeId;
  const toKind = Form.useWatch('toKind', form);
  const store = useStore(chosenStore);

  async function submit(v: AllocationForm) {
    await create('/supplies/allocations', {
      storeId: v.storeId,
      toKind: v.toKind,
      toId: v.toId,
      ...(v.purpose?.trim() ? { purpose: v.purpose.trim() } : {}),
      lines: linesOf(v.lines),
    });
  }

  return (
    <FormModal<AllocationForm>
      title={t('supplies.allocations.createTitle')}
      testId="allocation-form"
      form={form}
      onClose={onClose}
      submit={submit}
      invalidate={[SUPPLIES_KEY]}
      okText={t('supplies.allocations.create')}
      width={680}
      initialValues={{ storeId, toKind: 'checkpoint', lines: [{}] }}
    >
      <Form.Item name="storeId" label={t('supplies.store')} rules={[{ required: true, message: t('supplies.required') }]}>
        <StoreSelect disabled={!!storeId} testId="allocation-form-store" />
      </Form.Item>
      <Form.Item name="toKind" label={t('supplies.allocations.toKind')}>
        <Radio.Group
          optionType="button"
          options={ALLOCATION_TARGETS.map((k) => ({ value: k, label: ALLOCATION_TARGET_LABELS[k][language] }))}
          onChange={() => form.setFieldValue('toId', undefined)}
          data-testid="allocation-form-kind"
        />
      </Form.Item>
      <Form.Item name="toId" label={t('supplies.allocations.toId')} rules={[{ required: true, message: t('supplies.required') }]}>
        {toKind === 'team' ? (
          <TeamSelect placeholder={t('supplies.allocations.pickTeam')} testId="allocation-form-team" style={{ width: '100%' }} />
        ) : toKind === 'region' ? (
          <RegionTreeSelect
            placeholder={t('supplies.allocations.pickRegion')}
            testId="allocation-form-region"
            style={{ width: '100%' }}
          />
        ) : toKind === 'household' ? (
          <HouseholdSearch />
        ) : (
          <CheckpointSearch placeholder={t('supplies.allocations.pickCheckpoint')} testId="allocation-form-checkpoint" />
        )}
      </Form.Item>
      <Form.Item name="purpose" label={t('supplies.allocations.purpose')}>
        <Input maxLength={200} data-testid="allocation-form-purpose" />
      </Form.Item>
      <Form.Item label={t('supplies.lines')} required>
        <LinesEditor stock={store.data?.stock ?? []} />
      </Form.Item>
    </FormModal>
  );
}
