import { EyeOutlined, NotificationOutlined, StopOutlined } from '@ant-design/icons';
import { Button, Card, Drawer, Flex, Form, Input, Modal, Segmented, Table, Typography } from 'antd';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { formatDateTime } from '../../app/dates.ts';
import { useFilterWidth } from '../../components/filterWidth.ts';
import { usePagedFilter } from '../../components/filters.tsx';
import { FormModal } from '../../components/FormModal.tsx';
import { PageHeader } from '../../components/PageHeader.tsx';
import { QueryError } from '../../components/QueryError.tsx';
import { RowAction } from '../../components/RowAction.tsx';
import { useLiveRefresh } from '../passages/useLiveRefresh.ts';
import { RegionTreeSelect } from '../regions/RegionTreeSelect.tsx';
import { AnnouncementCard } from './AnnouncementCard.tsx';
import { PhoneFrame, StatusTag } from './AnnouncementBits.tsx';
import { CreateAnnouncementModal } from './CreateAnnouncementModal.tsx';
import {
  ANNOUNCEMENTS_KEY,
  useAnnouncements,
  useReaching,
  withdrawAnnouncement,
  type Announcement,
  type AnnouncementFilter,
  type AnnouncementStatus,
} from './publicity.api.ts';

const STATUSES: AnnouncementStatus[] = ['current', 'scheduled', 'expired', 'withdrawn'];
const LIVE_EVENTS = ['announcement.published', 'announcement.withdrawn'] as const;

function WithdrawModal({ a, onClose }: { a: Announcement; onClose: () => void }) {
  const { t } = useTranslation();
  return (
    <FormModal<{ reason: string }>
      title={t('publicity.announcements.withdrawTitle')}
      testId="announcement-withdraw"
      onClose={onClose}
      submit={(v) => withdrawAnnouncement(a.id, v.reason.trim())}
      invalidate={[ANNOUNCEMENTS_KEY]}
      success={t('publicity.announcements.withdrawn')}
      okText={t('publicity.announcements.withdraw')}
      intro={
        <Typography.Paragraph type="secondary">
          {t('publicity.announcements.withdrawIntro')}
          <br />
          <strong>{a.title}</strong>
        </Typography.Paragraph>
      }
    >
      <Form.Item
        name="reason"
        label={t('publicity.announcements.withdrawReason')}
        rules={[{ required: true, whitespace: true, message: t('publicity.announcements.withdrawReasonRequired') }]}
      >
        <Input maxLength={200} data-testid="announcement-withdraw-reason" />
      </Form.Item>
    </FormModal>
  );
}

/** What residents of a picked region see now, each card as their phone shows it. */
function ReachingDrawer({ onClose }: { onClose: () => void }) {
  const { t } = useTranslation();
  const [regionId, setRegionId] = useState<string | null>(null);
  const reaching = useReaching(regionId);
  return (
    <Drawer
      open
      onClose={onClose}
      title={t('publicity.announcements.reachingTitle')}
      size={440}
      data-testid="announcement-reaching"
    >
      <RegionTreeSelect
        value={regionId}
        onChange={setRegionId}
        placeholder={t('publicity.announcements.reachingPick')}
        testId="announcement-reaching-region"
        style={{ width: '100%', marginBottom: 16 }}
      />
      {regionId ? (
        <PhoneFrame>
          {reaching.data?.length ? (
            reaching.data.map((a) => <AnnouncementCard key={a.id} a={a} testId={`reaching-${a.id}`} />)
          ) : (
            <Typography.Text type="secondary">{t('publicity.announcements.reachingEmpty')}</Typography.Text>
          )}
        </PhoneFrame>
      ) : null}
    </Drawer>
  );
}

/** 居民公告 at the desk: publish to a region's residents, see what is showing, scheduled or over, withdraw. */
export function AnnouncementsPage() {
  const { t } = useTranslation();
  const filterWidth = useFilterWidth();
  useLiveRefresh(LIVE_EVENTS, ANNOUNCEMENTS_KEY);
  const { filter, change, page, pageSize, pagination } = usePagedFilter<AnnouncementFilter>();
  const list = useAnnouncements(filter, page, pageSize);
  const [creating, setCreating] = useState(false);
  const [reaching, setReaching] = useState(false);
  const [viewing, setViewing] = useState<Announcement | null>(null);
  const [withdrawing, setWithdrawing] = useState<Announcement | null>(null);

  return (
    <>
      <PageHeader
        title={t('publicity.announcements.title')}
        extra={
          <>
            <Button icon={<EyeOutlined />} onClick={() => setReaching(true)} data-testid="announcement-reaching-open">
              {t('publicity.announcements.reaching')}
            </Button>
            <Button
              type="primary"
              icon={<NotificationOutlined />}
              onClick={() => setCreating(true)}
              data-testid="announcement-create-open"
            >
              {t('publicity.announcements.create')}
            </Button>
          </>
        }
      />
      <Card>
        <Flex wrap gap={8} style={{ marginBottom: 16 }}>
          <RegionTreeSelect
            allowClear
            placeholder={t('publicity.announcements.filterRegion')}
            value={filter.regionId ?? null}
            onChange={change('regionId')}
            testId="announcement-filter-region"
            style={filterWidth(220)}
          />
          <Segmented<AnnouncementStatus | 'all'>
            value={filter.status ?? 'all'}
            onChange={(s) => change('status')(s === 'all' ? null : s)}
            options={[
              {
                value: 'all',
                label: <span data-testid="announcement-filter-all">{t('publicity.announcements.allStatuses')}</span>,
              },
              ...STATUSES.map((s) => ({
                value: s,
                label: <span data-testid={`announcement-filter-${s}`}>{t(`publicity.announcements.statuses.${s}`)}</span>,
              })),
            ]}
          />
        </Flex>
        {list.isError ? <QueryError error={list.error} onRetry={() => void list.refetch()} /> : null}
        <Table<Announcement>
          rowKey="id"
          size="small"
          loading={list.isFetching}
          dataSource={list.data?.items ?? []}
          scroll={{ x: 'max-content' }}
          pagination={pagination(list.data?.total ?? 0)}
          locale={{ emptyText: t('publicity.announcements.empty') }}
          onRow={(a) => ({ 'data-testid': `announcement-row-${a.id}` }) as object}
          columns={[
            {
              key: 'title',
              title: t('publicity.announcements.titleLabel'),
              width: 320,
              render: (_: unknown, a: Announcement) => (
                <Flex vertical style={{ width: 300 }}>
                  <strong>{a.title}</strong>
                  <Typography.Text type="secondary" ellipsis style={{ fontSize: 12, width: 300 }}>
                    {a.body.replace(/\s+/g, ' ')}
                  </Typography.Text>
                </Flex>
              ),
            },
            { key: 'region', title: t('publicity.announcements.region'), dataIndex: 'regionName' },
            {
              key: 'status',
              title: t('publicity.announcements.status'),
              render: (_: unknown, a: Announcement) => (
                <Flex vertical gap={2}>
                  <span>
                    <StatusTag status={a.status} />
                  </span>
                  {a.withdrawnAt ? (
                    <Typography.Text type="secondary" style={{ fontSize: 12, whiteSpace: 'nowrap' }}>
                      {t('publicity.announcements.withdrawnBy', {
                        name: a.withdrawnByName ?? '—',
                        at: formatDateTime(a.withdrawnAt).slice(5, 16),
                      })}
                    </Typography.Text>
                  ) : null}
                </Flex>
              ),
            },
            {
              key: 'period',
              title: t('publicity.announcements.period'),
              render: (_: unknown, a: Announcement) => (
                <span style={{ whiteSpace: 'nowrap' }}>
                  {formatDateTime(a.publishAt).slice(5, 16)} → {formatDateTime(a.expiresAt).slice(5, 16)}
                </span>
              ),
            },
            {
              key: 'by',
              title: t('publicity.announcements.createdBy'),
              render: (_: unknown, a: Announcement) => a.createdByName ?? '—',
            },
            {
              key: 'actions',
              title: t('common.actions'),
              render: (_: unknown, a: Announcement) => (
                <Flex>
                  <RowAction
                    icon={<EyeOutlined />}
                    label={t('publicity.announcements.view')}
                    onClick={() => setViewing(a)}
                    testId={`announcement-view-${a.id}`}
                  />
                  {a.status === 'current' || a.status === 'scheduled' ? (
                    <RowAction
                      icon={<StopOutlined />}
                      label={t('publicity.announcements.withdraw')}
                      danger
                      onClick={() => setWithdrawing(a)}
                      testId={`announcement-withdraw-${a.id}`}
                    />
                  ) : null}
                </Flex>
              ),
            },
          ]}
          data-testid="announcements-table"
        />
      </Card>
      {creating ? <CreateAnnouncementModal onClose={() => setCreating(false)} /> : null}
      {withdrawing ? <WithdrawModal a={withdrawing} onClose={() => setWithdrawing(null)} /> : null}
      {reaching ? <ReachingDrawer onClose={() => setReaching(false)} /> : null}
      {viewing ? (
        <Modal open footer={null} onCancel={() => setViewing(null)} title={t('publicity.announcements.preview')} width={420}>
          <PhoneFrame>
            <AnnouncementCard a={{ ...viewing, fromName: viewing.regionName }} testId="announcement-view" />
          </PhoneFrame>
        </Modal>
      ) : null}
    </>
  );
}
