import { MinusCircleOutlined, PlusOutlined } from '@ant-design/icons';
import { useQueryClient } from '@tanstack/react-query';
import { App, Button, Divider, Flex, Form, Input, Modal, type ButtonProps } from 'antd';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { MOBILE_PATTERN } from '../../../common/phone.ts';
import { api } from '../../app/api.ts';
import { useReportError } from '../../app/errors.ts';
import type { OneTimePassword } from '../../components/OneTimePasswordModal.tsx';
import { strongPasswordRule } from '../auth/password-rules.ts';
import { ACCOUNTS_KEY, type Account, type GrantInput } from './accounts.api.ts';
import { GrantFields } from './GrantFields.tsx';

interface AccountForm {
  login: string;
  name: string;
  mobile: string;
  password?: string;
  grants: GrantInput[];
}

/** On success hands back the generated one-time password, if the server made one. */
export function CreateAccountModal({
  onClose,
  onCreated,
}: {
  onClose: () => void;
  onCreated: (password: OneTimePassword | null) => void;
}) {
  const { t } = useTranslation();
  const { message } = App.useApp();
  const [form] = Form.useForm<AccountForm>();
  const client = useQueryClient();
  const report = useReportError();
  const [busy, setBusy] = useState(false);

  async function submit(values: AccountForm) {
    setBusy(true);
    const body = {
      login: values.login.trim(),
      name: values.name.trim(),
      mobile: values.mobile.trim(),
      ...(values.password ? { password: values.password } : {}),
      grants: (values.grants ?? []).map((g) => ({ role: g.role, regionId: g.role === 'admin' ? null : g.regionId })),
    };
    try {
      const created = await api.post<{ account: Account; initialPassword?: string }>('/accounts', body);
      await client.invalidateQueries({ queryKey: [ACCOUNTS_KEY] });
      void message.success(t('common.saved'));
      onCreated(
        created.initialPassword
          ? { name: created.account.name, login: created.account.login, password: created.initialPassword }
          : null,
      );
    } catch (e) {
      report(e, form);
    } finally {
      setBusy(false);
    }
  }

  const required = { required: true, whitespace: true, message: t('auth.required') };
  return (
    <Modal
      open
      title={t('accounts.createTitle')}
      width={640}
      onCancel={onClose}
      onOk={() => form.submit()}
      confirmLoading={busy}
      okText={t('common.save')}
      okButtonProps={{ 'data-testid': 'account-form-submit' } as ButtonProps}
      cancelButtonProps={{ 'data-testid': 'account-form-cancel' } as ButtonProps}
    >
      <Form
        form={form}
        layout="vertical"
        requiredMark={false}
        initialValues={{ grants: [{ role: undefined, regionId: null }] }}
        onFinish={(v) => void submit(v)}
      >
        <Flex wrap style={{ columnGap: 16 }}>
          <Form.Item name="login" label={t('accounts.login')} rules={[required]} style={{ flex: '1 1 200px' }}>
            <Input maxLength={40} autoComplete="off" autoFocus data-testid="account-form-login" />
          </Form.Item>
          <Form.Item name="name" label={t('accounts.name')} rules={[required]} style={{ flex: '1 1 200px' }}>
            <Input maxLength={40} autoComplete="off" data-testid="account-form-name" />
          </Form.Item>
        </Flex>
        <Flex wrap style={{ columnGap: 16 }}>
          <Form.Item
            name="mobile"
            label={t('accounts.mobile')}
            rules={[required, { pattern: new RegExp(MOBILE_PATTERN), message: t('auth.mobileInvalid') }]}
            style={{ flex: '1 1 200px' }}
          >
            <Input inputMode="numeric" maxLength={11} autoComplete="off" data-testid="account-form-mobile" />
          </Form.Item>
          <Form.Item
            name="password"
            label={t('accounts.passwordOptional')}
            rules={[strongPasswordRule(t)]}
            extra={t('accounts.passwordOptionalHint')}
            style={{ flex: '1 1 200px' }}
          >
            <Input.Password autoComplete="new-password" data-testid="account-form-password" />
          </Form.Item>
        </Flex>
        <Divider titlePlacement="start" plain>
          {t('accounts.grants')}
        </Divider>
        <Form.List name="grants">
          {(fields, { add, remove }) => (
            <>
              {fields.map((field, i) => (
                <Flex key={field.key} wrap align="flex-start" style={{ columnGap: 16 }}>
                  <GrantFields name={[field.name]} path={['grants', field.name]} testId={`account-form-grant-${i}`} />
                  <Button
                    type="text"
                    icon={<MinusCircleOutlined />}
                    aria-label={t('common.delete')}
                    onClick={() => remove(field.name)}
                    style={{ marginTop: 30 }}
                    data-testid={`account-form-grant-${i}-remove`}
                  />
                </Flex>
              ))}
              <Button
                type="dashed"
                block
                icon={<PlusOutlined />}
                onClick={() => add({ role: undefined, regionId: null })}
                data-testid="account-form-grant-add"
              >
                {t('accounts.addGrant')}
              </Button>
            </>
          )}
        </Form.List>
      </Form>
    </Modal>
  );
}
