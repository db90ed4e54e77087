import { DatePicker, Form, Input, Select } from 'antd';
import type { Dayjs } from 'dayjs';
import { useTranslation } from 'react-i18next';
import { FormModal } from '../../components/FormModal.tsx';
import { assignCase, CASES_KEY, extendCase, releaseCase, transferCase, useAssignees, type CaseDetail } from './cases.api.ts';

export type CaseAction = 'assign' | 'extend' | 'early' | 'transfer';

function Reason() {
  const { t } = useTranslation();
  return (
    <Form.Item
      name="reason"
      label={t('cases.reason')}
      rules={[{ required: true, whitespace: true, message: t('cases.reasonRequired') }]}
    >
      <Input.TextArea rows={3} maxLength={200} showCount data-testid="case-action-reason" />
    </Form.Item>
  );
}

/** The dialogs of a case's acts: change people, extend, release early, transfer to hospital. */
export function CaseActionModal({ c, action, onClose }: { c: CaseDetail; action: CaseAction; onClose: () => void }) {
  const { t } = useTranslation();
  const assignees = useAssignees(action === 'assign' ? c.regionId : null);
  const people = (list: { id: string; name: string }[] | undefined) => (list ?? []).map((p) => ({ value: p.id, label: p.name }));
  const common = { testId: `case-${action}-form`, onClose, invalidate: [CASES_KEY] };
  switch (action) {
    case 'assign':
      return (
        <FormModal<{ gridWorkerId?: string; medicalObserverId?: string; volunteerId?: string }>
          {...common}
          title={t('cases.edit')}
          initialValues={{
            gridWorkerId: c.gridWorker?.id,
            medicalObserverId: c.medicalObserver?.id,
            volunteerId: c.volunteer?.id,
          }}
          submit={(v) =>
            assignCase(c.id, {
              gridWorkerId: v.gridWorkerId ?? null,
              medicalObserverId: v.medicalObserverId ?? null,
              volunteerId: v.volunteerId ?? null,
            })
          }
        >
          <Form.Item name="gridWorkerId" label={t('cases.gridWorker')}>
            <Select allowClear options={people(assignees.data?.gridWorkers)} />
          </Form.Item>
          <Form.Item name="medicalObserverId" label={t('cases.medicalObserver')}>
            <Select allowClear options={people(assignees.data?.medicalObservers)} />
          </Form.Item>
          <Form.Item name="volunteerId" label={t('cases.volunteer')}>
            <Select allowClear showSearch optionFilterProp="label" options={people(assignees.data?.volunteers)} />
          </Form.Item>
        </FormModal>
      );
    case 'extend':
      return (
        <FormModal<{ endsOn: Dayjs; reason: string }>
          {...common}
          title={t('cases.extend')}
          submit={(v) => extendCase(c.id, { endsOn: v.endsOn.format('YYYY-MM-DD'), reason: v.reason.trim() })}
        >
          <Form.Item name="endsOn" label={t('cases.newEndsOn')} rules={[{ required: true, message: t('cases.newEndsOn') }]}>
            <DatePicker style={{ width: '100%' }} disabledDate={(d) => d.format('YYYY-MM-DD') <= c.endsOn} />
          </Form.Item>
          <Reason />
        </FormModal>
      );
    case 'early':
      return (
        <FormModal<{ reason: string }>
          {...common}
          title={t('cases.releaseEarly')}
          success={t('cases.released')}
          submit={(v) => releaseCase(c.id, { early: true, reason: v.reason.trim() })}
        >
          <Reason />
        </FormModal>
      );
    case 'transfer':
      return (
        <FormModal<{ hospital: string; reason: string }>
          {...common}
          title={t('cases.transfer')}
          submit={(v) => transferCase(c.id, { hospital: v.hospital.trim(), reason: v.reason.trim() })}
        >
          <Form.Item
            name="hospital"
            label={t('cases.hospital')}
            rules={[{ required: true, whitespace: true, message: t('cases.hospitalRequired') }]}
          >
            <Input maxLength={100} data-testid="case-transfer-hospital" />
          </Form.Item>
          <Reason />
        </FormModal>
      );
  }
}
