import { Form, Input, InputNumber } from 'antd';
import { useTranslation } from 'react-i18next';
import { FormModal } from '../../components/FormModal.tsx';
import { useIdempotentCreate } from '../../components/idempotency.ts';
import { CASES_KEY, type CaseService, type LogServiceInput } from './cases.api.ts';

/** Logging a visit: what each kind must say (disinfection its area, agent and concentration; supplies the items). */
export function ServiceLogModal({ service, onClose }: { service: CaseService; onClose: () => void }) {
  const { t } = useTranslation();
  const create = useIdempotentCreate();
  const required = [{ required: true, whitespace: true, message: t('cases.required') }];
  return (
    <FormModal<{ areaM2?: number; agent?: string; concentration?: string; items?: string; note?: string }>
      title={t('cases.logDone')}
      testId="service-log-form"
      onClose={onClose}
      invalidate={[CASES_KEY]}
      success={t('cases.logged')}
      initialValues={service.kind === 'disinfection' ? { agent: '含氯消毒剂', concentration: '500 mg/L' } : {}}
      submit={(v) => {
        const body: LogServiceInput = {
          ...(v.areaM2 !== undefined && v.areaM2 !== null ? { areaM2: v.areaM2 } : {}),
          ...(v.agent?.trim() ? { agent: v.agent.trim() } : {}),
          ...(v.concentration?.trim() ? { concentration: v.concentration.trim() } : {}),
          ...(v.items?.trim() ? { items: v.items.trim() } : {}),
          ...(v.note?.trim() ? { note: v.note.trim() } : {}),
        };
        return create(`/quarantine/services/${service.id}/logs`, body);
      }}
    >
      {service.kind === 'disinfection' ? (
        <>
          <Form.Item name="areaM2" label={t('cases.areaM2')} rules={[{ required: true, message: t('cases.required') }]}>
            <InputNumber min={1} max={100000} style={{ width: '100%' }} inputMode="decimal" data-testid="service-log-area" />
          </Form.Item>
          <Form.Item name="agent" label={t('cases.agent')} rules={required}>
            <Input maxLength={60} />
          </Form.Item>
          <Form.Item name="concentration" label={t('cases.concentration')} rules={required}>
            <Input maxLength={60} />
          </Form.Item>
        </>
      ) : null}
      {service.kind === 'supplies' ? (
        <Form.Item name="items" label={t('cases.items')} rules={required}>
          <Input.TextArea rows={2} maxLength={300} data-testid="service-log-items" />
        </Form.Item>
      ) : null}
      <Form.Item name="note" label={t('cases.note')} rules={service.kind === 'counselling' ? required : []}>
        <Input.TextArea rows={2} maxLength={300} />
      </Form.Item>
    </FormModal>
  );
}
