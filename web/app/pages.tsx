import { Button, Flex, Result, Spin } from 'antd';
import { useEffect } from 'react';
import { useTranslation } from 'react-i18next';
import { Link, Navigate } from 'react-router';
import { leavesApp, loadPage, NAV_ITEMS } from './navigation.ts';
import { can, useMe } from './session.ts';

/**
 * `<Navigate replace>` that also crosses between the staff desk and the field app, whose pages
 * live in the other bundle and are loaded in full.
 */
export function Go({ to }: { to: string }) {
  const away = leavesApp(to);
  useEffect(() => {
    if (away) loadPage(to, true);
  }, [away, to]);
  if (!away) return <Navigate to={to} replace />;
  return (
    <Flex align="center" justify="center" style={{ minHeight: '50vh' }}>
      <Spin size="large" />
    </Flex>
  );
}

/** `/` opens the first page the account may use; a volunteer's is their own duty, whatever comes first in the menu. */
export function StartPage() {
  const { t } = useTranslation();
  const me = useMe().data;
  if (can(me, 'duty.self') && !can(me, 'duty.read')) return <Go to="/my-duty" />;
  const first = NAV_ITEMS.find((item) => can(me, item.permission));
  if (first) return <Go to={first.path} />;
  return <Result status="info" title={t('app.noPermission')} data-testid="no-permission" />;
}

export function NotFoundPage() {
  const { t } = useTranslation();
  return (
    <Result
      status="404"
      title={t('app.notFound')}
      extra={
        <Link to="/" reloadDocument={leavesApp('/')}>
          <Button type="primary" data-testid="back-home">
            {t('app.backHome')}
          </Button>
        </Link>
      }
    />
  );
}
