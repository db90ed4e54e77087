import { LockOutlined, UserOutlined } from '@ant-design/icons';
import { Alert, Button, Form, Input } from 'antd';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { Navigate, useLocation, useNavigate } from 'react-router';
import { api, ApiError } from '../../app/api.ts';
import { useMe, useSignedIn, type Me } from '../../app/session.ts';
import { AuthCard } from './AuthCard.tsx';

interface LoginValues {
  login: string;
  password: string;
}

/** Where a signed-out visitor was going before the login page. */
function returnPath(state: unknown): string {
  const from = (state as { from?: unknown } | null)?.from;
  return typeof from === 'string' && from.startsWith('/') && !from.startsWith('/login') ? from : '/';
}

export function LoginPage() {
  const { t } = useTranslation();
  const me = useMe();
  const navigate = useNavigate();
  const location = useLocation();

  if (me.data) return <Navigate to={returnPath(location.state)} replace />;

  return (
    <AuthCard title={t('auth.loginTitle')}>
      <LoginForm onSignedIn={() => navigate(returnPath(location.state), { replace: true })} />
    </AuthCard>
  );
}

/**
 * The sign-in form itself; `onSignedIn` runs once the session is kept. The field app shows it in
 * place of a page that needs an account, so the address (and the page after sign-in) stays.
 */
export function LoginForm({ onSignedIn }: { onSignedIn?: () => void | Promise<void> }) {
  const { t } = useTranslation();
  const [form] = Form.useForm<LoginValues>();
  const signedIn = useSignedIn();
  const [error, setError] = useState<string | null>(null);
  const [busy, setBusy] = useState(false);

  async function submit(values: LoginValues) {
    setBusy(true);
    setError(null);
    try {
      const account = await api.post<Me>('/auth/login', { login: values.login.trim(), password: values.password });
      signedIn(account);
      await onSignedIn?.();
    } catch (e) {
      // Wrong password, too many attempts and a disabled account each have their own server message.
      setError(e instanceof ApiError ? e.message : String(e));
      form.setFieldValue('password', '');
    } finally {
      setBusy(false);
    }
  }

  return (
    <>
      {error ? (
        <Alert type="error" showIcon title={error} style={{ marginBottom: 16 }} data-testid="login-error" role="alert" />
      ) : null}
      <Form form={form} layout="vertical" onFinish={(v) => void submit(v)} requiredMark={false}>
        <Form.Item
          name="login"
          label={t('auth.login')}
          rules={[{ required: true, whitespace: true, message: t('auth.required') }]}
        >
          <Input
            prefix={<UserOutlined />}
            placeholder={t('auth.loginHint')}
            autoComplete="username"
            autoFocus
            data-testid="login-name"
          />
        </Form.Item>
        <Form.Item name="password" label={t('auth.password')} rules={[{ required: true, message: t('auth.required') }]}>
          <Input.Password prefix={<LockOutlined />} autoComplete="current-password" data-testid="login-password" />
        </Form.Item>
        <Button type="primary" htmlType="submit" block loading={busy} data-testid="login-submit">
          {t('auth.submit')}
        </Button>
      </Form>
    </>
  );
}
