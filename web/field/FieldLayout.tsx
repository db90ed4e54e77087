import { Flex, Layout, Spin } from 'antd';
import { Suspense } from 'react';
import { Outlet } from 'react-router';
import { Brand } from '../app/layout/Brand.tsx';
import { useMe } from '../app/session.ts';
import { LanguageSwitch } from '../components/LanguageSwitch.tsx';
import { NotificationBell } from '../components/NotificationBell.tsx';
import { ChangePasswordPage } from '../features/auth/ChangePasswordPage.tsx';
import { AccountMenu } from './AccountMenu.tsx';
import { SyncIndicator } from './sync/SyncIndicator.tsx';
import { TAB_BAR_HEIGHT, TabBar } from './TabBar.tsx';

const HEADER_STYLE = {
  display: 'flex',
  alignItems: 'center',
  gap: 8,
  height: 52,
  lineHeight: 'normal',
  padding: '0 8px 0 12px',
  background: '#fff',
  borderBottom: '1px solid #f0f0f0',
  position: 'sticky',
  top: 0,
  zIndex: 10,
} as const;

/**
 * Phone first: a top bar (brand, the outbox's indicator, language, notifications, account) and
 * the account's field pages as tabs along the bottom, within reach of a thumb.
 */
export function FieldLayout() {
  const me = useMe().data;
  if (!me) return null;

  // A one-time or reset password is changed before anything else is reachable.
  const content = me.mustChangePassword ? (
    <ChangePasswordPage forced />
  ) : (
    <Suspense fallback={<Spin style={{ display: 'block', marginTop: 64 }} />}>
      <Outlet />
    </Suspense>
  );

  return (
    <Layout style={{ minHeight: '100vh' }}>
      <Layout.Header style={HEADER_STYLE}>
        <Brand compact />
        <Flex align="center" gap={4} style={{ marginInlineStart: 'auto' }}>
          <SyncIndicator />
          <LanguageSwitch />
          {me.mustChangePassword ? null : <NotificationBell />}
          <AccountMenu me={me} />
        </Flex>
      </Layout.Header>
      <Layout.Content
        className="rv-page"
        style={{ padding: 12, paddingBottom: 12 + TAB_BAR_HEIGHT, maxWidth: 720, width: '100%', margin: '0 auto' }}
      >
        {content}
      </Layout.Content>
      {me.mustChangePassword ? null : <TabBar me={me} />}
    </Layout>
  );
}
