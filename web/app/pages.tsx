import { Button, Result } from 'antd';
import { useTranslation } from 'react-i18next';
import { Link, Navigate } from 'react-router';
import { NAV_ITEMS } from './navigation.ts';
import { can, useMe } from './session.ts';

/** `/` opens the first page the account may use; a volunteer's is their own duty, whatever comes first in the menu. */
export function StartPage() {
  const { t } = useTranslation();
  const me = useMe().data;
  if (can(me, 'duty.self') && !can(me, 'duty.read')) return <Navigate to="/my-duty" replace />;
  const first = NAV_ITEMS.find((item) => can(me, item.permission));
  if (first) return <Navigate to={first.path} replace />;
  return <Result status="info" title={t('app.noPermission')} data-testid="no-permission" />;
}

export function NotFoundPage() {
  const { t } = useTranslation();
  return (
    <Result
      status="404"
      title={t('app.notFound')}
      extra={
        <Link to="/">
          <Button type="primary" data-testid="back-home">
            {t('app.backHome')}
          </Button>
        </Link>
      }
    />
  );
}
