import { Button, Flex, Result, Spin } from 'antd';
import type { ReactNode } from 'react';
import { useTranslation } from 'react-i18next';
import { Navigate, Outlet, useLocation } from 'react-router';
import { can, useMe, useSetupNeeded, type Permission } from './session.ts';

function FullPageSpin() {
  return (
    <Flex align="center" justify="center" style={{ minHeight: '100vh' }}>
      <Spin size="large" />
    </Flex>
  );
}

function LoadError({ error, onRetry }: { error: Error; onRetry: () => void }) {
  const { t } = useTranslation();
  return (
    <Result
      status="warning"
      title={t('app.loadFailed')}
      subTitle={error.message}
      extra={
        <Button type="primary" onClick={onRetry} data-testid="gate-retry">
          {t('common.retry')}
        </Button>
      }
    />
  );
}

/** Until the first administrator exists, the only page is /setup; afterwards /setup is gone. */
export function SetupGate() {
  const { pathname } = useLocation();
  const setup = useSetupNeeded();
  if (setup.isPending) return <FullPageSpin />;
  if (setup.isError) return <LoadError error={setup.error} onRetry={() => void setup.refetch()} />;
  if (setup.data && pathname !== '/setup') return <Navigate to="/setup" replace />;
  if (!setup.data && pathname === '/setup') return <Navigate to="/login" replace />;
  return <Outlet />;
}

/** Signed-in pages; anyone else goes to the login page and comes back afterwards. */
export function RequireSession() {
  const location = useLocation();
  const me = useMe();
  if (me.isPending) return <FullPageSpin />;
  if (me.isError) return <LoadError error={me.error} onRetry={() => void me.refetch()} />;
  if (!me.data) return <Navigate to="/login" replace state={{ from: location.pathname + location.search }} />;
  return <Outlet />;
}

/** A page the account's permissions do not cover sends it to its start page. */
export function Allowed({ permission, children }: { permission: Permission; children: ReactNode }) {
  const me = useMe().data;
  return can(me, permission) ? children : <Navigate to="/" replace />;
}
