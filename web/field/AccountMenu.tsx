import { DesktopOutlined, KeyOutlined, LogoutOutlined, UserOutlined } from '@ant-design/icons';
import { Button, Dropdown, type MenuProps } from 'antd';
import { useTranslation } from 'react-i18next';
import { isFieldPath } from '../../common/field-paths.ts';
import { useConfirm } from '../app/confirm.ts';
import { useReportError } from '../app/errors.ts';
import { loadPage, NAV_ITEMS } from '../app/navigation.ts';
import { can, useLogout, type Me } from '../app/session.ts';
import { clearFieldData } from './sync/outbox.ts';

/** Whether the account has pages on the staff desk (a volunteer's issue ledger, a leader's rosters). */
export function hasDesk(me: Me): boolean {
  return NAV_ITEMS.some((item) => !isFieldPath(item.path) && can(me, item.permission));
}

/**
 * The account: who is signed in, the way to the staff desk, the password (a desk page), logout.
 * Logout clears what the phone keeps for the account (waiting entries, cached answers), asking
 * first when entries have not been sent; the login form then takes the page's place.
 */
export function AccountMenu({ me }: { me: Me }) {
  const { t } = useTranslation();
  const endSession = useLogout();
  const report = useReportError();
  const confirm = useConfirm();

  const signOut = () => endSession().catch((e: unknown) => report(e));

  async function logout() {
    const cleared = await clearFieldData();
    if (cleared.cleared) {
      await signOut();
      return;
    }
    confirm({
      title: t('sync.logout.title', { count: cleared.unsent }),
      content: t('sync.logout.content'),
      okText: t('sync.logout.ok'),
      danger: true,
      testId: 'field-logout-discard',
      action: async () => {
        await clearFieldData({ force: true });
        await signOut();
      },
    });
  }

  const items: MenuProps['items'] = [
    { key: 'who', label: `${me.name} · ${me.login}`, disabled: true },
    { type: 'divider' },
    ...(hasDesk(me)
      ? [{ key: 'desk', icon: <DesktopOutlined />, label: <span data-testid="field-staff-desk">{t('field.staffDesk')}</span> }]
      : []),
    {
      key: 'password',
      icon: <KeyOutlined />,
      label: <span data-testid="header-change-password">{t('header.changePassword')}</span>,
    },
    { key: 'logout', icon: <LogoutOutlined />, label: <span data-testid="header-logout">{t('header.logout')}</span> },
  ];

  return (
    <Dropdown
      trigger={['click']}
      menu={{
        items,
        onClick: ({ key }) => {
          // The desk and its password page are the other bundle: a full page load.
          if (key === 'desk') loadPage('/');
          if (key === 'password') loadPage('/password');
          if (key === 'logout') logout().catch((e: unknown) => report(e));
        },
      }}
    >
      <Button type="text" icon={<UserOutlined />} aria-label={t('header.account')} data-testid="user-menu" />
    </Dropdown>
  );
}
