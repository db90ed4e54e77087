import { useQueryClient } from '@tanstack/react-query';
import { App, Form, Modal, type ButtonProps } from 'antd';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { api } from '../../app/api.ts';
import { useReportError } from '../../app/errors.ts';
import { ACCOUNTS_KEY, type Account, type GrantInput } from './accounts.api.ts';
import { GrantFields } from './GrantFields.tsx';

export function GrantModal({ account, onClose }: { account: Account; onClose: () => void }) {
  const { t } = useTranslation();
  const { message } = App.useApp();
  const [form] = Form.useForm<GrantInput>();
  const client = useQueryClient();
  const report = useReportError();
  const [busy, setBusy] = useState(false);

  async function submit(values: GrantInput) {
    setBusy(true);
    try {
      await api.post(`/accounts/${account.id}/grants`, {
        role: values.role,
        regionId: values.role === 'admin' ? null : values.regionId,
      });
      await client.invalidateQueries({ queryKey: [ACCOUNTS_KEY] });
      void message.success(t('accounts.granted'));
      onClose();
    } catch (e) {
      report(e, form);
    } finally {
      setBusy(false);
    }
  }

  return (
    <Modal
      open
      title={t('accounts.grantTitle', { name: account.name })}
      onCancel={onClose}
      onOk={() => form.submit()}
      confirmLoading={busy}
      okText={t('accounts.grant')}
      okButtonProps={{ 'data-testid': 'grant-form-submit' } as ButtonProps}
      cancelButtonProps={{ 'data-testid': 'grant-form-cancel' } as ButtonProps}
    >
      <Form
        form={form}
        layout="vertical"
        requiredMark={false}
        initialValues={{ regionId: null }}
        onFinish={(v) => void submit(v)}
      >
        <GrantFields name={[]} testId="grant-form" />
      </Form>
    </Modal>
  );
}
