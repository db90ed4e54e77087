import { Alert, App, Button, Card, Form, Input } from 'antd';
import { useQueryClient } from '@tanstack/react-query';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { useNavigate } from 'react-router';
import { api } from '../../app/api.ts';
import { useReportError } from '../../app/errors.ts';
import { ME_KEY } from '../../app/session.ts';
import { sameAsRule, strongPasswordRule } from './password-rules.ts';

interface PasswordForm {
  currentPassword: string;
  newPassword: string;
  confirm: string;
}

/** `forced`: shown in place of every page while the account must change a one-time password. */
export function ChangePasswordPage({ forced = false }: { forced?: boolean }) {
  const { t } = useTranslation();
  const { message } = App.useApp();
  const [form] = Form.useForm<PasswordForm>();
  const client = useQueryClient();
  const navigate = useNavigate();
  const report = useReportError();
  const [busy, setBusy] = useState(false);

  async function submit({ currentPassword, newPassword }: PasswordForm) {
    setBusy(true);
    try {
      await api.post('/auth/password', { currentPassword, newPassword });
      void message.success(t('auth.changed'));
      form.resetFields();
      await client.invalidateQueries({ queryKey: ME_KEY });
      if (!forced) await navigate('/');
    } catch (e) {
      report(e, form);
    } finally {
      setBusy(false);
    }
  }

  const required = { required: true, message: t('auth.required') };
  return (
    <Card title={t('auth.changeTitle')} style={{ maxWidth: 480, margin: '0 auto' }}>
      {forced ? (
        <Alert type="warning" showIcon title={t('auth.mustChange')} style={{ marginBottom: 16 }} data-testid="password-forced" />
      ) : null}
      <Form form={form} layout="vertical" onFinish={(v) => void submit(v)} requiredMark={false}>
        <Form.Item name="currentPassword" label={t('auth.currentPassword')} rules={[required]}>
          <Input.Password autoComplete="current-password" data-testid="password-current" />
        </Form.Item>
        <Form.Item
          name="newPassword"
          label={t('auth.newPassword')}
          rules={[required, strongPasswordRule(t)]}
          extra={t('auth.passwordRule')}
        >
          <Input.Password autoComplete="new-password" data-testid="password-new" />
        </Form.Item>
        <Form.Item
          name="confirm"
          label={t('auth.confirmPassword')}
          dependencies={['newPassword']}
          rules={[required, sameAsRule(t, 'newPassword')]}
        >
          <Input.Password autoComplete="new-password" data-testid="password-confirm" />
        </Form.Item>
        <Button type="primary" htmlType="submit" block loading={busy} data-testid="password-submit">
          {t('auth.changeSubmit')}
        </Button>
      </Form>
    </Card>
  );
}
