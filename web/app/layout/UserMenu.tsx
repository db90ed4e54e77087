import { DownOutlined, KeyOutlined, LogoutOutlined, UserOutlined } from '@ant-design/icons';
import { Button, Dropdown } from 'antd';
import { useTranslation } from 'react-i18next';
import { useNavigate } from 'react-router';
import { useReportError } from '../errors.ts';
import { forgetCachedAnswers } from '../../field/offline-cache.ts';
import { useLogout, type Me } from '../session.ts';

export function UserMenu({ me, compact }: { me: Me; compact: boolean }) {
  const { t } = useTranslation();
  const navigate = useNavigate();
  const endSession = useLogout();
  const report = useReportError();

  async function logout() {
    try {
      await endSession();
    } catch (e) {
      report(e);
      return;
    }
    // What the field app's worker kept for this account offline (its duty, lists) goes with it.
    await forgetCachedAnswers().catch(() => undefined);
    await navigate('/login', { replace: true });
  }

  return (
    <Dropdown
      trigger={['click']}
      menu={{
        items: [
          { key: 'who', label: `${me.name} · ${me.login}`, disabled: true },
          { type: 'divider' },
          {
            key: 'password',
            icon: <KeyOutlined />,
            label: <span data-testid="header-change-password">{t('header.changePassword')}</span>,
          },
          { key: 'logout', icon: <LogoutOutlined />, label: <span data-testid="header-logout">{t('header.logout')}</span> },
        ],
        onClick: ({ key }) => {
          if (key === 'password') void navigate('/password');
          if (key === 'logout') void logout();
        },
      }}
    >
      <Button type="text" icon={<UserOutlined />} aria-label={t('header.account')} data-testid="user-menu">
        {compact ? null : (
          <>
            {me.name} <DownOutlined style={{ fontSize: 10 }} />
          </>
        )}
      </Button>
    </Dropdown>
  );
}
