import { CloudOutlined, DisconnectOutlined, ExclamationCircleFilled, SendOutlined } from '@ant-design/icons';
import { Alert, Button, Drawer, Empty, Flex, Tag, Typography } from 'antd';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { useLocation } from 'react-router';
import { formatDateTime } from '../../app/dates.ts';
import { dismissEntry, flushOutbox, retryEntry, type OutboxEntry, type OutboxNotice } from './outbox.ts';
import { contextOfPage } from './queue.ts';
import { useOutbox } from './useOutbox.ts';

const STATUS_COLOR = { waiting: 'blue', sending: 'processing', refused: 'red' } as const;

function EntryRow({ entry: e }: { entry: OutboxEntry }) {
  const { t } = useTranslation();
  const [busy, setBusy] = useState(false);
  const act = (work: () => Promise<void>) => {
    setBusy(true);
    void work().finally(() => setBusy(false));
  };
  return (
    <Flex
      vertical
      gap={4}
      style={{ padding: '10px 0', borderTop: '1px solid #f0f0f0' }}
      data-testid={`sync-entry-${e.key}`}
      data-status={e.status}
      data-kind={e.kind}
    >
      <Flex justify="space-between" align="center" gap={8}>
        <Typography.Text strong>{t(`sync.kind.${e.kind}`)}</Typography.Text>
        <Tag color={STATUS_COLOR[e.status]} style={{ marginInlineEnd: 0 }}>
          {t(`sync.status.${e.status}`)}
        </Tag>
      </Flex>
      {e.summary ? <Typography.Text>{e.summary}</Typography.Text> : null}
      <Typography.Text type="secondary" style={{ fontSize: 13 }}>
        {t('sync.madeAt', { time: formatDateTime(e.madeAt) })}
        {e.tries ? ` · ${t('sync.tries', { count: e.tries })}` : ''}
      </Typography.Text>
      {e.status === 'refused' ? (
        <>
          <Typography.Text type="danger" data-testid={`sync-entry-reason-${e.key}`}>
            {t('sync.refusedReason', {
              reason: [e.error?.message, ...Object.values(e.error?.fields ?? {})].filter(Boolean).join(' · '),
            })}
          </Typography.Text>
          <Flex gap={8}>
            <Button size="small" loading={busy} onClick={() => act(() => retryEntry(e.key))} data-testid={`sync-retry-${e.key}`}>
              {t('sync.retry')}
            </Button>
            <Button size="small" danger onClick={() => act(() => dismissEntry(e.key))} data-testid={`sync-dismiss-${e.key}`}>
              {t('sync.dismiss')}
            </Button>
          </Flex>
        </>
      ) : null}
    </Flex>
  );
}

function NoticeRow({ notice: n }: { notice: OutboxNotice }) {
  const { t } = useTranslation();
  return (
    <Alert
      type="warning"
      showIcon
      data-testid={`sync-notice-${n.key}`}
      title={`${t(`sync.kind.${n.kind}`)} · ${t('sync.flagged')}`}
      description={
        <Flex vertical gap={2}>
          {n.summary ? <span>{n.summary}</span> : null}
          <span>{t('sync.madeAt', { time: formatDateTime(n.madeAt) })}</span>
          {n.conflict.reason ? <span>{t('sync.flaggedReason', { reason: n.conflict.reason })}</span> : null}
          <span>{t('sync.flaggedIntro')}</span>
        </Flex>
      }
      closable={{ 'aria-label': t('sync.dismiss') }}
      onClose={() => void dismissEntry(n.key)}
    />
  );
}

/**
 * The field app's header control: online or offline, and how many entries wait on this phone.
 * Tapping it lists them (what, when made, whether refused and why), with "send now".
 */
export function SyncIndicator() {
  const { t } = useTranslation();
  const { pathname } = useLocation();
  const { online, waiting, refused, entries, notices } = useOutbox(contextOfPage(pathname));
  const [open, setOpen] = useState(false);
  const [sending, setSending] = useState(false);
  const attention = refused > 0 || notices.length > 0;
  const state = online ? t('sync.online') : t('sync.offline');

  const sendNow = () => {
    setSending(true);
    void flushOutbox().finally(() => setSending(false));
  };

  return (
    <>
      <Button
        type="text"
        size="small"
        onClick={() => setOpen(true)}
        aria-label={t('sync.open', { state, count: waiting })}
        data-testid="sync-indicator"
        data-online={String(online)}
        data-waiting={waiting}
        style={{ paddingInline: 6, color: online ? undefined : '#d46b08' }}
      >
        <Flex align="center" gap={4}>
          {online ? <CloudOutlined /> : <DisconnectOutlined />}
          <span>{state}</span>
          {/* Always in the page (the tests read it), shown only when something waits. */}
          <span
            data-testid="sync-waiting-count"
            hidden={waiting === 0}
            style={{
              minWidth: 18,
              padding: '0 5px',
              borderRadius: 9,
              fontSize: 12,
              lineHeight: '18px',
              color: '#fff',
              background: online ? '#1677ff' : '#fa8c16',
            }}
          >
            {waiting}
          </span>
          {attention ? <ExclamationCircleFilled style={{ color: '#cf1322' }} data-testid="sync-attention" /> : null}
        </Flex>
      </Button>
      <Drawer
        open={open}
        onClose={() => setOpen(false)}
        placement="bottom"
        size="70%"
        title={t('sync.title')}
        data-testid="sync-drawer"
        extra={
          waiting ? (
            <Button type="primary" icon={<SendOutlined />} loading={sending} onClick={sendNow} data-testid="sync-send-now">
              {t('sync.sendNow')}
            </Button>
          ) : null
        }
      >
        <Flex vertical gap={12}>
          <Typography.Text type="secondary">{online ? t('sync.intro') : t('sync.offlineIntro')}</Typography.Text>
          {notices.map((n) => (
            <NoticeRow key={n.key} notice={n} />
          ))}
          <div data-testid="sync-entries">
            {entries.length ? (
              entries.map((e) => <EntryRow key={e.key} entry={e} />)
            ) : (
              <Empty image={Empty.PRESENTED_IMAGE_SIMPLE} description={t('sync.empty')} />
            )}
          </div>
        </Flex>
      </Drawer>
    </>
  );
}
