import { Col, Form, Input, Select } from 'antd';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import type { PersonOut, PlaceOut } from '../../../server/features/quarantine/returnees.schemas.ts';
import { useHouseholds } from '../households/households.api.ts';
import { useDebounced } from '../passages/useDebounced.ts';
import { RegionTreeSelect } from '../regions/RegionTreeSelect.tsx';

/** The person and place a returnee and a close contact share, as the form holds them. */
export interface PersonForm {
  regionId: string;
  householdId?: string | null;
  name: string;
  idNumber?: string;
  mobile?: string;
  address?: string;
}

type Registered = PersonOut & PlaceOut;

/** What an edit starts from: the place in full; name, ID number and mobile are masked, so they stay empty. */
export function personInitialValues(p: Registered): Partial<PersonForm> {
  return { regionId: p.regionId, householdId: p.householdId, address: p.address ?? undefined };
}

/** The request's person and place fields, blanks as null. */
export function personInput(v: PersonForm) {
  return {
    regionId: v.regionId,
    householdId: v.householdId ?? null,
    name: v.name.trim(),
    idNumber: v.idNumber?.trim() || null,
    mobile: v.mobile?.trim() || null,
    address: v.address?.trim() || null,
  };
}

/**
 * A correction's body: the masked name, ID number and mobile are never sent back, so a field left
 * empty keeps what is stored.
 */
export function personPatch<B extends { name: string; idNumber?: string | null; mobile?: string | null }>(body: B) {
  const { name, idNumber, mobile, ...rest } = body;
  return { ...rest, ...(name ? { name } : {}), ...(idNumber ? { idNumber } : {}), ...(mobile ? { mobile } : {}) };
}

/**
 * The household (一户一档) of the chosen place, found by building-unit-room or address. The current
 * one keeps its label before any search has loaded it; picking one fills an empty address.
 */
function HouseholdSelect({
  regionId,
  current,
  testId,
  value,
  onChange,
}: {
  regionId: string | undefined;
  current: { id: string; address: string } | null;
  testId: string;
  value?: string | null;
  onChange?: (v: string | null) => void;
}) {
  const { t } = useTranslation();
  const form = Form.useFormInstance<PersonForm>();
  const [typed, setTyped] = useState('');
  const q = useDebounced(typed.trim(), 250);
  const households = useHouseholds({ regionId: regionId ?? null, q }, 1, 20);
  const found = households.data?.items ?? [];
  const options = found.map((h) => ({ value: h.id, label: h.address }));
  if (current && value === current.id && !found.some((h) => h.id === current.id)) {
    options.unshift({ value: current.id, label: current.address });
  }
  return (
    <Select<string>
      allowClear
      showSearch
      filterOption={false}
      disabled={!regionId}
      placeholder={t('returnees.householdHint')}
      value={value ?? undefined}
      onSearch={setTyped}
      onChange={(id) => {
        onChange?.(id ?? null);
        const picked = found.find((h) => h.id === id);
        if (picked && !form.getFieldValue('address')) form.setFieldValue('address', picked.address);
      }}
      options={options}
      loading={households.isFetching}
      data-testid={testId}
    />
  );
}

/**
 * Place, household, name, mobile, ID number and address, in the form of a returnee or a close
 * contact (`testId`-region, -household, -name, -mobile, -id-number, -address). Editing, the masked
 * values show as placeholders and an empty field keeps what is stored.
 */
export function PersonFields({ testId, existing }: { testId: string; existing?: Registered }) {
  const { t } = useTranslation();
  const form = Form.useFormInstance<PersonForm>();
  const regionId = Form.useWatch('regionId', form);
  const current =
    existing?.householdId && existing.householdAddress ? { id: existing.householdId, address: existing.householdAddress } : null;
  return (
    <>
      <Col xs={24} sm={12}>
        <Form.Item
          name="regionId"
          label={t('returnees.region')}
          rules={[{ required: true, message: t('returnees.regionRequired') }]}
        >
          {/* A household belongs to one place: another place drops it. */}
          <RegionTreeSelect testId={`${testId}-region`} onChange={() => form.setFieldValue('householdId', null)} />
        </Form.Item>
      </Col>
      <Col xs={24} sm={12}>
        <Form.Item name="householdId" label={t('returnees.household')}>
          <HouseholdSelect regionId={regionId} current={current} testId={`${testId}-household`} />
        </Form.Item>
      </Col>
      <Col xs={24} sm={8}>
        <Form.Item
          name="name"
          label={t('returnees.name')}
          rules={existing ? [] : [{ required: true, whitespace: true, message: t('returnees.nameRequired') }]}
        >
          <Input maxLength={30} placeholder={existing?.name} data-testid={`${testId}-name`} />
        </Form.Item>
      </Col>
      <Col xs={24} sm={8}>
        <Form.Item name="mobile" label={t('returnees.mobile')}>
          <Input
            maxLength={11}
            inputMode="numeric"
            placeholder={existing?.mobile ?? undefined}
            data-testid={`${testId}-mobile`}
          />
        </Form.Item>
      </Col>
      <Col xs={24} sm={8}>
        <Form.Item name="idNumber" label={t('returnees.idNumber')}>
          <Input maxLength={18} placeholder={existing?.idNumber ?? undefined} data-testid={`${testId}-id-number`} />
        </Form.Item>
      </Col>
      <Col span={24}>
        <Form.Item name="address" label={t('returnees.address')}>
          <Input maxLength={120} data-testid={`${testId}-address`} />
        </Form.Item>
      </Col>
    </>
  );
}
