import { Checkbox, DatePicker, Flex, Form, Input, Radio } from 'antd';
import dayjs, { type Dayjs } from 'dayjs';
import { useTranslation } from 'react-i18next';
import { DONOR_KINDS, type DonorKind } from '../../../common/enums.ts';
import { DONOR_KIND_LABELS } from '../../../common/labels.ts';
import { platformTimeZone } from '../../app/dates.ts';
import { useLanguage } from '../../app/useLanguage.ts';
import { FormModal } from '../../components/FormModal.tsx';
import { useIdempotentCreate } from '../../components/idempotency.ts';
import { UnitSelect } from '../volunteers/UnitSelect.tsx';
import { LinesEditor, linesOf, type LineValue } from './LinesEditor.tsx';
import { StoreSelect } from './StoreSelect.tsx';
import { SUPPLIES_KEY, type Donation } from './supplies.api.ts';

interface DonationForm {
  storeId: string;
  donorKind: DonorKind;
  donorUnitId?: string | null;
  donorName?: string;
  donorMobile?: string;
  anonymous?: boolean;
  receivedOn: Dayjs;
  note?: string;
  lines: LineValue[];
}

/** 登记捐赠: who gave what, into which store, on which day. */
export function DonationFormModal({ storeId, onClose }: { storeId?: string; onClose: () => void }) {
  const { t } = useTranslation();
  const language = useLanguage();
  const create = useIdempotentCreate();
  const [form] = Form.useForm<DonationForm>();
  const kind = Form.useWatch('donorKind', form);
  const today = dayjs().tz(platformTimeZone());

  async function submit(v: DonationForm) {
    await create<Donation>('/supplies/donations', {
      storeId: v.storeId,
      donorKind: v.donorKind,
      ...(v.donorKind === 'unit' && v.donorUnitId ? { donorUnitId: v.donorUnitId } : {}),
      ...(v.donorName?.trim() ? { donorName: v.donorName.trim() } : {}),
      ...(v.donorMobile?.trim() ? { donorMobile: v.donorMobile.trim() } : {}),
      anonymous: Boolean(v.anonymous),
      receivedOn: v.receivedOn.format('YYYY-MM-DD'),
      ...(v.note?.trim() ? { note: v.note.trim() } : {}),
      lines: linesOf(v.lines),
    });
  }

  return (
    <FormModal<DonationForm>
      title={t('supplies.donations.createTitle')}
      testId="donation-form"
      form={form}
      onClose={onClose}
      submit={submit}
      invalidate={[SUPPLIES_KEY]}
      okText={t('supplies.donations.create')}
      width={680}
      initialValues={{ storeId, donorKind: 'unit', receivedOn: today, lines: [{}] }}
    >
      <Form.Item name="storeId" label={t('supplies.store')} rules={[{ required: true, message: t('supplies.required') }]}>
        <StoreSelect disabled={!!storeId} testId="donation-form-store" />
      </Form.Item>
      <Flex wrap style={{ columnGap: 16 }}>
        <Form.Item name="donorKind" label={t('supplies.donations.donorKind')} style={{ flex: '1 1 200px' }}>
          <Radio.Group
            optionType="button"
            options={DONOR_KINDS.map((k) => ({ value: k, label: DONOR_KIND_LABELS[k][language] }))}
            data-testid="donation-form-kind"
          />
        </Form.Item>
        <Form.Item
          name="receivedOn"
          label={t('supplies.donations.receivedOn')}
          rules={[{ required: true, message: t('supplies.required') }]}
          style={{ flex: '1 1 200px' }}
        >
          <DatePicker
            allowClear={false}
            disabledDate={(d) => d.isAfter(today, 'day')}
            style={{ width: '100%' }}
            data-testid="donation-form-date"
          />
        </Form.Item>
      </Flex>
      {kind === 'unit' ? (
        <Form.Item name="donorUnitId" label={t('supplies.donations.donorUnit')} extra={t('supplies.donations.donorUnitHint')}>
          <UnitSelect allowClear testId="donation-form-unit" style={{ width: '100%' }} />
        </Form.Item>
      ) : null}
      <Flex wrap style={{ columnGap: 16 }}>
        <Form.Item name="donorName" label={t('supplies.donations.donorName')} style={{ flex: '2 1 240px' }}>
          <Input maxLength={60} data-testid="donation-form-name" />
        </Form.Item>
        <Form.Item name="donorMobile" label={t('supplies.donations.donorMobile')} style={{ flex: '1 1 180px' }}>
          <Input maxLength={11} inputMode="tel" data-testid="donation-form-mobile" />
        </Form.Item>
      </Flex>
      {kind === 'unit' ? (
        <Form.Item name="anonymous" valuePropName="checked">
          <Checkbox data-testid="donation-form-anonymous">{t('supplies.donations.anonymous')}</Checkbox>
        </Form.Item>
      ) : null}
      <Form.Item label={t('supplies.lines')} required>
        <LinesEditor />
      </Form.Item>
      <Form.Item name="note" label={t('supplies.note')}>
        <Input.TextArea maxLength={300} autoSize={{ minRows: 1, maxRows: 3 }} data-testid="donation-form-note" />
      </Form.Item>
    </FormModal>
  );
}
