import { Flex, Form, Input } from 'antd';
import { useTranslation } from 'react-i18next';
import { FormModal } from '../../components/FormModal.tsx';
import { useIdempotentCreate } from '../../components/idempotency.ts';
import { LinesEditor, linesOf, type LineValue } from './LinesEditor.tsx';
import { StoreSelect } from './StoreSelect.tsx';
import { SUPPLIES_KEY, useStore } from './supplies.api.ts';

interface TransferForm {
  fromStoreId: string;
  toStoreId: string;
  note?: string;
  lines: LineValue[];
}

/** 库间调拨: from one store of the caller's area to another. */
export function TransferFormModal({ fromStoreId, onClose }: { fromStoreId?: string; onClose: () => void }) {
  const { t } = useTranslation();
  const create = useIdempotentCreate();
  const [form] = Form.useForm<TransferForm>();
  const from = Form.useWatch('fromStoreId', form) ?? fromStoreId;
  const store = useStore(from);
  return (
    <FormModal<TransferForm>
      title={t('supplies.transfers.createTitle')}
      testId="transfer-form"
      form={form}
      onClose={onClose}
      submit={(v) =>
        create('/supplies/transfers', {
          fromStoreId: v.fromStoreId,
          toStoreId: v.toStoreId,
          ...(v.note?.trim() ? { note: v.note.trim() } : {}),
          lines: linesOf(v.lines),
        })
      }
      invalidate={[SUPPLIES_KEY]}
      okText={t('supplies.transfers.create')}
      width={680}
      initialValues={{ fromStoreId, lines: [{}] }}
    >
      <Flex wrap style={{ columnGap: 16 }}>
        <Form.Item
          name="fromStoreId"
          label={t('supplies.transfers.fromStore')}
          rules={[{ required: true, message: t('supplies.required') }]}
          style={{ flex: '1 1 240px' }}
        >
          <StoreSelect disabled={!!fromStoreId} testId="transfer-form-from" />
        </Form.Item>
        <Form.Item
          name="toStoreId"
          label={t('supplies.transfers.toStore')}
          rules={[{ required: true, message: t('supplies.required') }]}
          style={{ flex: '1 1 240px' }}
        >
          <StoreSelect exclude={from} testId="transfer-form-to" />
        </Form.Item>
      </Flex>
      <Form.Item label={t('supplies.lines')} required>
        <LinesEditor stock={store.data?.stock ?? []} />
      </Form.Item>
      <Form.Item name="note" label={t('supplies.note')}>
        <Input maxLength={200} data-testid="transfer-form-note" />
      </Form.Item>
    </FormModal>
  );
}
