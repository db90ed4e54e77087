import { MenuOutlined } from '@ant-design/icons';
import { Button, Drawer, Flex, Layout, Spin } from 'antd';
import { Suspense, useEffect, useRef, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { Outlet, useLocation } from 'react-router';
import { LanguageSwitch } from '../../components/LanguageSwitch.tsx';
import { NotificationBell } from '../../components/NotificationBell.tsx';
import { ChangePasswordPage } from '../../features/auth/ChangePasswordPage.tsx';
import { useMe } from '../session.ts';
import { useIsPhone } from '../useIsPhone.ts';
import { Brand } from './Brand.tsx';
import { SideMenu } from './SideMenu.tsx';
import { UserMenu } from './UserMenu.tsx';

const HEADER_STYLE = {
  display: 'flex',
  alignItems: 'center',
  gap: 8,
  background: '#fff',
  borderBottom: '1px solid #f0f0f0',
  position: 'sticky',
  top: 0,
  zIndex: 10,
} as const;

/**
 * The desk's side panel stays in view while the page scrolls, and a menu taller than the window
 * (an admin's runs to some 1,550 px) scrolls on its own under the brand.
 */
const SIDER_STYLE = {
  borderInlineEnd: '1px solid #f0f0f0',
  position: 'sticky',
  top: 0,
  height: '100vh',
} as const;

const SIDER_MENU_STYLE = {
  flex: 1,
  minHeight: 0,
  overflowY: 'auto',
  // The page behind does not start scrolling when the menu reaches its end.
  overscrollBehavior: 'contain',
  scrollbarWidth: 'thin',
} as const;

/** Side menu on a desk, a drawer behind a menu button on a phone. */
export function AppLayout() {
  const { t } = useTranslation();
  const me = useMe().data;
  const phone = useIsPhone();
  const [drawerOpen, setDrawerOpen] = useState(false);
  const { pathname } = useLocation();
  const menuBox = useRef<HTMLDivElement>(null);
  // A page opened by its address (or a reload) shows its menu entry, even one far down the menu.
  useEffect(() => {
    const box = menuBox.current;
    const item = box?.querySelector('.ant-menu-item-selected');
    if (!box || !item) return;
    const b = box.getBoundingClientRect();
    const r = item.getBoundingClientRect();
    if (r.top < b.top || r.bottom > b.bottom) box.scrollTop += r.top - b.top - (b.height - r.height) / 2;
  }, [pathname, me]);
  if (!me) return null;

  // A one-time or reset password is changed before anything else is reachable.
  const content = me.mustChangePassword ? (
    <ChangePasswordPage forced />
  ) : (
    <Suspense fallback={<Spin style={{ display: 'block', marginTop: 64 }} />}>
      <Outlet />
    </Suspense>
  );
  const menu = me.mustChangePassword ? null : <SideMenu me={me} onNavigate={() => setDrawerOpen(false)} />;

  return (
    <Layout style={{ minHeight: '100vh' }}>
      {phone ? null : (
        <Layout.Sider width={216} theme="light" style={SIDER_STYLE}>
          <Flex vertical style={{ height: '100%' }}>
            <div style={{ padding: '16px 16px 12px' }}>
              <Brand />
            </div>
            <div ref={menuBox} style={SIDER_MENU_STYLE} data-testid="side-menu">
              {menu}
            </div>
          </Flex>
        </Layout.Sider>
      )}
      <Layout style={{ minWidth: 0 }}>
        <Layout.Header style={{ ...HEADER_STYLE, padding: phone ? '0 8px' : '0 24px' }}>
          {phone ? (
            <>
              {menu ? (
                <Button
                  type="text"
                  icon={<MenuOutlined />}
                  aria-label={t('nav.menu')}
                  onClick={() => setDrawerOpen(true)}
                  data-testid="nav-toggle"
                />
              ) : null}
              <Brand compact />
            </>
          ) : null}
          <Flex align="center" gap={8} style={{ marginInlineStart: 'auto' }}>
            <LanguageSwitch />
            {me.mustChangePassword ? null : <NotificationBell />}
            <UserMenu me={me} compact={phone} />
          </Flex>
        </Layout.Header>
        <Layout.Content className="rv-page" style={{ padding: phone ? 12 : 24 }}>
          {content}
        </Layout.Content>
      </Layout>
      {phone && menu ? (
        <Drawer
          placement="left"
          size={240}
          open={drawerOpen}
          onClose={() => setDrawerOpen(false)}
          title={<Brand compact />}
          styles={{ body: { padding: 0 } }}
          data-testid="nav-drawer"
        >
          {menu}
        </Drawer>
      ) : null}
    </Layout>
  );
}
