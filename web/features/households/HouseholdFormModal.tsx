import { Flex, Form, Input, Select } from 'antd';
import { useTranslation } from 'react-i18next';
import { HOUSING_STATUSES, type HousingStatus } from '../../../common/enums.ts';
import { HOUSING_STATUS_LABELS } from '../../../common/labels.ts';
import { api } from '../../app/api.ts';
import { useLanguage } from '../../app/useLanguage.ts';
import { FormModal } from '../../components/FormModal.tsx';
import { useIdempotentCreate } from '../../components/idempotency.ts';
import { RegionTreeSelect } from '../regions/RegionTreeSelect.tsx';
import { HOUSEHOLDS_KEY, type Household } from './households.api.ts';

interface HouseholdForm {
  regionId: string;
  building?: string;
  unit?: string;
  room?: string;
  address: string;
  housing: HousingStatus;
  note?: string;
}

/** `household` null: a new household, in `regionId` when the list was narrowed to a grid. */
export function HouseholdFormModal({
  household,
  regionId,
  onClose,
  onCreated,
}: {
  household: Household | null;
  regionId?: string | null;
  onClose: () => void;
  onCreated?: (household: Household) => void;
}) {
  const { t } = useTranslation();
  const language = useLanguage();
  const create = useIdempotentCreate();
  const [form] = Form.useForm<HouseholdForm>();
  const required = { required: true, message: t('auth.required') };

  async function submit(v: HouseholdForm) {
    const body = {
      regionId: v.regionId,
      building: v.building?.trim() || null,
      unit: v.unit?.trim() || null,
      room: v.room?.trim() || null,
      address: v.address.trim(),
      housing: v.housing,
      note: v.note?.trim() || null,
    };
    if (household) await api.patch<Household>(`/households/${household.id}`, body);
    else onCreated?.(await create<Household>('/households', body));
  }

  /** The address most people write: building, unit and room run together, filled in until typed by hand. */
  function suggestAddress() {
    const { building, unit, room, address } = form.getFieldsValue();
    if (address?.trim()) return;
    const parts = [building, unit, room].map((p) => p?.trim()).filter(Boolean);
    if (parts.length) form.setFieldValue('address', parts.join(''));
  }

  return (
    <FormModal<HouseholdForm>
      title={household ? t('households.edit') : t('households.create')}
      testId="household-form"
      form={form}
      onClose={onClose}
      initialValues={
        household
          ? {
              regionId: household.regionId,
              building: household.building ?? undefined,
              unit: household.unit ?? undefined,
              room: household.room ?? undefined,
              address: household.address,
              housing: household.housing,
              note: household.note ?? undefined,
            }
          : { regionId: regionId ?? undefined, housing: 'owner' }
      }
      submit={submit}
      invalidate={[HOUSEHOLDS_KEY]}
    >
      <Form.Item name="regionId" label={t('households.region')} extra={t('households.regionHint')} rules={[required]}>
        <RegionTreeSelect testId="household-form-region" />
      </Form.Item>
      <Flex gap={8}>
        <Form.Item name="building" label={t('households.building')} style={{ flex: 1 }}>
          <Input maxLength={20} placeholder="3号楼" onBlur={suggestAddress} data-testid="household-form-building" />
        </Form.Item>
        <Form.Item name="unit" label={t('households.unit')} style={{ flex: 1 }}>
          <Input maxLength={20} placeholder="2单元" onBlur={suggestAddress} data-testid="household-form-unit" />
        </Form.Item>
        <Form.Item name="room" label={t('households.room')} style={{ flex: 1 }}>
          <Input maxLength={20} placeholder="1802" onBlur={suggestAddress} data-testid="household-form-room" />
        </Form.Item>
      </Flex>
      <Form.Item name="address" label={t('households.address')} rules={[{ ...required, whitespace: true }]}>
        <Input maxLength={120} data-testid="household-form-address" />
      </Form.Item>
      <Form.Item name="housing" label={t('households.housing')} rules={[required]}>
        <Select
          options={HOUSING_STATUSES.map((h) => ({ value: h, label: HOUSING_STATUS_LABELS[h][language] }))}
          data-testid="household-form-housing"
        />
      </Form.Item>
      <Form.Item name="note" label={t('households.note')}>
        <Input.TextArea maxLength={500} autoSize={{ minRows: 2, maxRows: 4 }} data-testid="household-form-note" />
      </Form.Item>
    </FormModal>
  );
}
