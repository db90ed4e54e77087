import { BellOutlined } from '@ant-design/icons';
import { Badge, Button, Drawer, Empty, Flex, Skeleton, Typography } from 'antd';
import dayjs from 'dayjs';
import relativeTime from 'dayjs/plugin/relativeTime';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { formatDateTime } from '../app/dates.ts';
import { useReportError } from '../app/errors.ts';
import { useGo } from '../app/navigation.ts';
import { useMarkRead, useNotifications, useUnreadCount, type NotificationOut } from '../app/notifications.api.ts';
import { useIsPhone } from '../app/useIsPhone.ts';
import { QueryError } from './QueryError.tsx';

dayjs.extend(relativeTime);

function Item({ item, onOpen }: { item: NotificationOut; onOpen: (item: NotificationOut) => void }) {
  const unread = item.readAt === null;
  return (
    <button
      type="button"
      onClick={() => onOpen(item)}
      data-testid={`notification-item-${item.id}`}
      data-unread={unread}
      style={{
        display: 'block',
        width: '100%',
        padding: '12px 16px',
        textAlign: 'start',
        font: 'inherit',
        color: 'inherit',
        cursor: 'pointer',
        background: unread ? '#fff1f0' : '#fff',
        border: 'none',
        borderBottom: '1px solid #f0f0f0',
      }}
    >
      <Flex gap={8} align="baseline">
        <Badge status={unread ? 'error' : 'default'} style={{ visibility: unread ? 'visible' : 'hidden' }} />
        <Flex vertical gap={2} style={{ minWidth: 0 }}>
          <Typography.Text strong={unread}>{item.text}</Typography.Text>
          <Typography.Text type="secondary" style={{ fontSize: 12 }} title={formatDateTime(item.createdAt)}>
            {dayjs(item.createdAt).fromNow()}
          </Typography.Text>
        </Flex>
      </Flex>
    </button>
  );
}

/** The account's inbox behind a bell in the header: roster published, swap decided, a no-show at a checkpoint. */
export function NotificationBell() {
  const { t } = useTranslation();
  const phone = useIsPhone();
  // A notice may lead to the other app (a roster published → /my-duty, a field page): a full load then.
  const go = useGo();
  const report = useReportError();
  const [open, setOpen] = useState(false);
  const unread = useUnreadCount().data ?? 0;
  const list = useNotifications(open);
  const markRead = useMarkRead();
  const items = list.data?.pages.flatMap((p) => p.items) ?? [];

  async function openItem(item: NotificationOut) {
    try {
      if (item.readAt === null) await markRead({ ids: [item.id] });
    } catch (e) {
      report(e);
    }
    if (item.link?.startsWith('/')) {
      setOpen(false);
      go(item.link);
    }
  }

  async function readAll() {
    try {
      await markRead({ all: true });
    } catch (e) {
      report(e);
    }
  }

  let body;
  if (list.isError) body = <QueryError error={list.error} onRetry={() => void list.refetch()} />;
  else if (!list.data) body = <Skeleton active style={{ padding: 16 }} />;
  else if (!items.length) body = <Empty description={t('myDuty.notifications.empty')} style={{ marginTop: 48 }} />;
  else
    body = (
      <>
        {items.map((item) => (
          <Item key={item.id} item={item} onOpen={(i) => void openItem(i)} />
        ))}
        {list.hasNextPage ? (
          <Button
            type="link"
            block
            loading={list.isFetchingNextPage}
            onClick={() => void list.fetchNextPage()}
            data-testid="notification-more"
          >
            {t('myDuty.notifications.more')}
          </Button>
        ) : null}
      </>
    );

  return (
    <>
      <Badge count={unread} size="small" offset={[-4, 4]} data-testid="notification-count">
        <Button
          type="text"
          icon={<BellOutlined style={{ fontSize: 18 }} />}
          aria-label={t('myDuty.notifications.open', { count: unread })}
          onClick={() => setOpen(true)}
          data-testid="notification-bell"
          data-unread={unread}
        />
      </Badge>
      <Drawer
        open={open}
        onClose={() => setOpen(false)}
        title={t('myDuty.notifications.title')}
        placement="right"
        size={phone ? '100%' : 400}
        styles={{ body: { padding: 0 } }}
        extra={
          <Button size="small" disabled={!unread} onClick={() => void readAll()} data-testid="notification-read-all">
            {t('myDuty.notifications.readAll')}
          </Button>
        }
        data-testid="notification-drawer"
      >
        {body}
      </Drawer>
    </>
  );
}
