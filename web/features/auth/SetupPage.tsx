import { Alert, Button, Form, Input } from 'antd';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { useNavigate } from 'react-router';
import { MOBILE_PATTERN } from '../../../common/phone.ts';
import { api } from '../../app/api.ts';
import { useReportError } from '../../app/errors.ts';
import { useSignedIn, type Me } from '../../app/session.ts';
import { AuthCard } from './AuthCard.tsx';
import { sameAsRule, strongPasswordRule } from './password-rules.ts';

interface SetupForm {
  code: string;
  login: string;
  name: string;
  mobile: string;
  password: string;
  confirm: string;
}

export function SetupPage() {
  const { t } = useTranslation();
  const [form] = Form.useForm<SetupForm>();
  const signedIn = useSignedIn();
  const navigate = useNavigate();
  const report = useReportError();
  const [busy, setBusy] = useState(false);

  async function submit({ confirm: _confirm, ...values }: SetupForm) {
    setBusy(true);
    try {
      const me = await api.post<Me>('/setup', { ...values, code: values.code.trim(), login: values.login.trim() });
      signedIn(me);
      await navigate('/', { replace: true });
    } catch (e) {
      report(e, form);
    } finally {
      setBusy(false);
    }
  }

  const required = { required: true, whitespace: true, message: t('auth.required') };
  return (
    <AuthCard title={t('auth.setupTitle')} width={480}>
      <Alert type="info" showIcon title={t('auth.setupIntro')} style={{ marginBottom: 16 }} />
      <Form form={form} layout="vertical" onFinish={(v) => void submit(v)} requiredMark={false}>
        <Form.Item name="code" label={t('auth.setupCode')} rules={[required]} extra={t('auth.setupCodeHint')}>
          <Input autoComplete="off" autoFocus data-testid="setup-code" />
        </Form.Item>
        <Form.Item name="login" label={t('auth.login')} rules={[required]}>
          <Input autoComplete="username" data-testid="setup-login" />
        </Form.Item>
        <Form.Item name="name" label={t('auth.name')} rules={[required]}>
          <Input autoComplete="name" data-testid="setup-name" />
        </Form.Item>
        <Form.Item
          name="mobile"
          label={t('auth.mobile')}
          rules={[required, { pattern: new RegExp(MOBILE_PATTERN), message: t('auth.mobileInvalid') }]}
        >
          <Input inputMode="numeric" autoComplete="tel" maxLength={11} data-testid="setup-mobile" />
        </Form.Item>
        <Form.Item
          name="password"
          label={t('auth.password')}
          rules={[required, strongPasswordRule(t)]}
          extra={t('auth.passwordRule')}
        >
          <Input.Password autoComplete="new-password" data-testid="setup-password" />
        </Form.Item>
        <Form.Item
          name="confirm"
          label={t('auth.confirmPassword')}
          dependencies={['password']}
          rules={[required, sameAsRule(t, 'password')]}
        >
          <Input.Password autoComplete="new-password" data-testid="setup-confirm" />
        </Form.Item>
        <Button type="primary" htmlType="submit" block loading={busy} data-testid="setup-submit">
          {t('auth.setupSubmit')}
        </Button>
      </Form>
    </AuthCard>
  );
}
