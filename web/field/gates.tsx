import { Button, Flex, Result, Spin, Typography } from 'antd';
import { useQueryClient } from '@tanstack/react-query';
import { useEffect, type ReactNode } from 'react';
import { useTranslation } from 'react-i18next';
import { Outlet } from 'react-router';
import { loadPage } from '../app/navigation.ts';
import { can, useMe, type Me, type Permission } from '../app/session.ts';
import { QueryError } from '../components/QueryError.tsx';
import { AuthCard } from '../features/auth/AuthCard.tsx';
import { LoginForm } from '../features/auth/LoginPage.tsx';
import { setOutboxAccount } from './sync/outbox.ts';

export function FullPageSpin() {
  return (
    <Flex align="center" justify="center" style={{ minHeight: '100vh' }}>
      <Spin size="large" />
    </Flex>
  );
}

/** The page's own requests go first on a slow line; the warm-up waits this long after them. */
const WARM_UP_DELAY_MS = 3_000;

/**
 * Keeps what the account's pages show offline fresh on the phone (./warm-up.ts, loaded when
 * first needed): after sign-in or start, when the network returns, when the worker takes over.
 */
function useWarmUp(me: Me | null | undefined) {
  const client = useQueryClient();
  useEffect(() => {
    if (!me) return;
    const start = (force: boolean) => () =>
      void import('./warm-up.ts').then((m) => m.warmUp(client, me, force)).catch(() => undefined);
    const timer = setTimeout(start(false), WARM_UP_DELAY_MS);
    const online = start(false);
    const controlled = start(true);
    window.addEventListener('online', online);
    navigator.serviceWorker?.addEventListener('controllerchange', controlled);
    return () => {
      clearTimeout(timer);
      window.removeEventListener('online', online);
      navigator.serviceWorker?.removeEventListener('controllerchange', controlled);
    };
  }, [client, me]);
}

/**
 * The volunteer's pages need an account. Without a session the login form stands in place of the
 * page: the address stays, so the page the QR code or link opened is there right after sign-in
 * (the staff desk's /login would lose it, and is another bundle to download on a slow line).
 */
export function FieldSession() {
  const { t } = useTranslation();
  const me = useMe();
  useWarmUp(me.data);
  const account = me.data?.id ?? null;
  useEffect(() => setOutboxAccount(account), [account]);
  if (me.isPending) return <FullPageSpin />;
  if (me.isError)
    return (
      <div style={{ padding: 12 }}>
        <QueryError error={me.error} onRetry={() => void me.refetch()} />
      </div>
    );
  if (!me.data)
    return (
      <AuthCard title={t('field.signInTitle')}>
        <Typography.Paragraph type="secondary">{t('field.signInHint')}</Typography.Paragraph>
        <LoginForm />
      </AuthCard>
    );
  return <Outlet />;
}

/** A page the account's permissions do not cover says so, with the way to the account's start page. */
export function FieldAllowed({ permission, children }: { permission: Permission; children: ReactNode }) {
  const { t } = useTranslation();
  const me = useMe().data;
  if (can(me, permission)) return children;
  return (
    <Result
      status="403"
      title={t('field.notAllowed')}
      data-testid="field-not-allowed"
      extra={
        <Button type="primary" onClick={() => loadPage('/')} data-testid="field-to-start">
          {t('field.toStart')}
        </Button>
      }
    />
  );
}
