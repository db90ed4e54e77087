import { Form, Input, Select } from 'antd';
import { useTranslation } from 'react-i18next';
import { UNIT_KINDS, type UnitKind } from '../../../common/enums.ts';
import { UNIT_KIND_LABELS } from '../../../common/labels.ts';
import { api } from '../../app/api.ts';
import { useLanguage } from '../../app/useLanguage.ts';
import { FormModal } from '../../components/FormModal.tsx';
import { RegionTreeSelect } from '../regions/RegionTreeSelect.tsx';
import { UNITS_KEY, type Unit } from './units.api.ts';

interface UnitForm {
  name: string;
  kind: UnitKind;
  regionId: string;
  contact?: string;
}

/** `unit` null: a new unit. */
export function UnitFormModal({ unit, onClose }: { unit: Unit | null; onClose: () => void }) {
  const { t } = useTranslation();
  const language = useLanguage();

  async function submit(values: UnitForm) {
    const body = {
      name: values.name.trim(),
      kind: values.kind,
      regionId: values.regionId,
      contact: values.contact?.trim() || null,
    };
    if (unit) await api.patch(`/units/${unit.id}`, body);
    else await api.post('/units', body);
  }

  const required = { required: true, message: t('auth.required') };
  return (
    <FormModal<UnitForm>
      title={unit ? t('units.editTitle') : t('units.createTitle')}
      testId="unit-form"
      onClose={onClose}
      initialValues={unit ? { name: unit.name, kind: unit.kind, regionId: unit.regionId, contact: unit.contact ?? '' } : {}}
      submit={submit}
      invalidate={[UNITS_KEY]}
    >
      <Form.Item name="name" label={t('units.name')} rules={[{ ...required, whitespace: true }]}>
        <Input maxLength={80} autoFocus data-testid="unit-form-name" />
      </Form.Item>
      <Form.Item name="kind" label={t('units.kind')} rules={[required]}>
        <Select
          options={UNIT_KINDS.map((k) => ({ value: k, label: UNIT_KIND_LABELS[k][language] }))}
          data-testid="unit-form-kind"
        />
      </Form.Item>
      <Form.Item name="regionId" label={t('units.region')} rules={[required]}>
        <RegionTreeSelect testId="unit-form-region" style={{ width: '100%' }} />
      </Form.Item>
      <Form.Item name="contact" label={t('units.contact')}>
        <Input maxLength={80} data-testid="unit-form-contact" />
      </Form.Item>
    </FormModal>
  );
}
