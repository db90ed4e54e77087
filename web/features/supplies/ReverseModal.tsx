import { Alert, Form, Input } from 'antd';
import { useTranslation } from 'react-i18next';
import { api } from '../../app/api.ts';
import { FormModal } from '../../components/FormModal.tsx';
import { SUPPLIES_KEY } from './supplies.api.ts';

/** Reverses a donation, allocation or transfer recorded by mistake, with a reason. */
export function ReverseModal({
  kind,
  record,
  onClose,
}: {
  kind: 'donations' | 'allocations' | 'transfers';
  record: { id: string; ref: string };
  onClose: () => void;
}) {
  const { t } = useTranslation();
  return (
    <FormModal<{ reason: string }>
      title={t('supplies.reverse.title', { ref: record.ref })}
      testId="reverse-form"
      onClose={onClose}
      submit={(v) => api.post(`/supplies/${kind}/${record.id}/reverse`, { reason: v.reason.trim() })}
      invalidate={[SUPPLIES_KEY]}
      success={t('supplies.reverse.done')}
      okText={t('supplies.reverse.action')}
      intro={<Alert type="warning" showIcon title={t('supplies.reverse.intro')} style={{ marginBottom: 16 }} />}
    >
      <Form.Item
        name="reason"
        label={t('supplies.reverse.reason')}
        rules={[{ required: true, whitespace: true, message: t('supplies.required') }]}
      >
        <Input maxLength={200} placeholder={t('supplies.reverse.reasonHint')} autoFocus data-testid="reverse-reason" />
      </Form.Item>
    </FormModal>
  );
}
