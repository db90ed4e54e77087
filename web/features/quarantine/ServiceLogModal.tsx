import { Form, Input } from 'antd';
import { useTranslation } from 'react-i18next';
import { FormModal } from '../../components/FormModal.tsx';
import { useIdempotentCreate } from '../../components/idempotency.ts';
import { DisinfectionLogFields, JOB_DEFAULTS, jobBody, type JobFieldValues } from '../disinfection/DisinfectionLogFields.tsx';
import { CASES_KEY, type CaseService, type LogServiceInput } from './cases.api.ts';

/**
 * Logging a visit: what each kind must say (a disinfection the same fields as any disinfection job,
 * since it is one; supplies the items; counselling a note).
 */
export function ServiceLogModal({ service, onClose }: { service: CaseService; onClose: () => void }) {
  const { t } = useTranslation();
  const create = useIdempotentCreate();
  const required = [{ required: true, whitespace: true, message: t('cases.required') }];
  return (
    <FormModal<JobFieldValues & { items?: string; note?: string }>
      title={t('cases.logDone')}
      testId="service-log-form"
      onClose={onClose}
      invalidate={[CASES_KEY]}
      success={t('cases.logged')}
      initialValues={service.kind === 'disinfection' ? JOB_DEFAULTS : {}}
      submit={(v) => {
        const body: LogServiceInput = {
          ...(service.kind === 'disinfection' ? jobBody(v) : {}),
          ...(v.items?.trim() ? { items: v.items.trim() } : {}),
          ...(v.note?.trim() ? { note: v.note.trim() } : {}),
        };
        return create(`/quarantine/services/${service.id}/logs`, body);
      }}
    >
      {service.kind === 'disinfection' ? (
        <DisinfectionLogFields testId="service-log" maxArea={100_000} maxPeople={20} requireConcentration />
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
