import { Form, Input } from 'antd';
import { useTranslation } from 'react-i18next';
import { api } from '../../app/api.ts';
import { FormModal } from '../../components/FormModal.tsx';
import { LinesList } from './SuppliesBits.tsx';
import { SUPPLIES_KEY, type Allocation } from './supplies.api.ts';

/** The receiver signs for an allocation, once, with an optional note. */
export function ConfirmModal({ allocation, onClose }: { allocation: Allocation; onClose: () => void }) {
  const { t } = useTranslation();
  return (
    <FormModal<{ note?: string }>
      title={t('supplies.allocations.confirmTitle', { ref: allocation.ref })}
      testId="confirm-form"
      onClose={onClose}
      submit={(v) => api.post(`/supplies/allocations/${allocation.id}/confirm`, v.note?.trim() ? { note: v.note.trim() } : {})}
      invalidate={[SUPPLIES_KEY]}
      success={t('supplies.toConfirm.signed')}
      okText={t('supplies.allocations.confirm')}
      intro={
        <div style={{ marginBottom: 12 }}>
          <LinesList lines={allocation.lines} />
        </div>
      }
    >
      <Form.Item name="note" label={t('supplies.allocations.confirmNote')}>
        <Input maxLength={200} placeholder={t('supplies.allocations.confirmNoteHint')} data-testid="confirm-note" />
      </Form.Item>
    </FormModal>
  );
}
