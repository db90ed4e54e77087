import { useQueryClient } from '@tanstack/react-query';
import { App, Form, Input, Modal, Select, type ButtonProps } from 'antd';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { UNIT_KINDS, type UnitKind } from '../../../common/enums.ts';
import { UNIT_KIND_LABELS } from '../../../common/labels.ts';
import { api } from '../../app/api.ts';
import { useReportError } from '../../app/errors.ts';
import { useLanguage } from '../../app/useLanguage.ts';
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
  const { message } = App.useApp();
  const [form] = Form.useForm<UnitForm>();
  const client = useQueryClient();
  const report = useReportError();
  const [busy, setBusy] = useState(false);

  async function submit(values: UnitForm) {
    setBusy(true);
    const body = {
      name: values.name.trim(),
      kind: values.kind,
      regionId: values.regionId,
      contact: values.contact?.trim() || null,
    };
    try {
      if (unit) await api.patch(`/units/${unit.id}`, body);
      else await api.post('/units', body);
      await client.invalidateQueries({ queryKey: [UNITS_KEY] });
      void message.success(t('common.saved'));
      onClose();
    } catch (e) {
      report(e, form);
    } finally {
      setBusy(false);
    }
  }

  const required = { required: true, message: t('auth.required') };
  return (
    <Modal
      open
      title={unit ? t('units.editTitle') : t('units.createTitle')}
      onCancel={onClose}
      onOk={() => form.submit()}
      confirmLoading={busy}
      okText={t('common.save')}
      okButtonProps={{ 'data-testid': 'unit-form-submit' } as ButtonProps}
      cancelButtonProps={{ 'data-testid': 'unit-form-cancel' } as ButtonProps}
    >
      <Form
        form={form}
        layout="vertical"
        requiredMark={false}
        initialValues={unit ? { name: unit.name, kind: unit.kind, regionId: unit.regionId, contact: unit.contact ?? '' } : {}}
        onFinish={(v) => void submit(v)}
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
      </Form>
    </Modal>
  );
}
