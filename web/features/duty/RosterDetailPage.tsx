import { ArrowLeftOutlined, DeleteOutlined, FileExcelOutlined, ReloadOutlined, SendOutlined } from '@ant-design/icons';
import { useQueryClient } from '@tanstack/react-query';
import { App, Badge, Button, Card, Descriptions, Skeleton, Space, Tabs, Tag } from 'antd';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { Link, useNavigate, useParams } from 'react-router';
import { api, ApiError, download } from '../../app/api.ts';
import { useConfirm } from '../../app/confirm.ts';
import { formatDateTime } from '../../app/dates.ts';
import { useReportError } from '../../app/errors.ts';
import { NotFoundPage } from '../../app/pages.tsx';
import { can, useMe } from '../../app/session.ts';
import { PageHeader } from '../../components/PageHeader.tsx';
import { QueryError } from '../../components/QueryError.tsx';
import { BoardTab } from './roster/BoardTab.tsx';
import { HistoryTab } from './roster/HistoryTab.tsx';
import { PublishResultModal } from './roster/PublishResultModal.tsx';
import { RosterName } from './roster/RosterName.tsx';
import { RosterStatusTag } from './roster/RosterTags.tsx';
import { ShortageTab } from './roster/ShortageTab.tsx';
import { SummaryCards } from './roster/SummaryCards.tsx';
import { rosterDays } from './roster/time.ts';
import { ROSTERS_KEY, useRoster, type PublishResult, type RosterDetail } from './rosters.api.ts';

/** The planner's desk for one roster: its figures, the board to edit by hand, the shortage and the history. */
export function RosterDetailPage() {
  const { t } = useTranslation();
  const { id = '' } = useParams();
  const navigate = useNavigate();
  const { message } = App.useApp();
  const client = useQueryClient();
  const confirm = useConfirm();
  const report = useReportError();
  const canPlan = can(useMe().data, 'duty.plan');
  const roster = useRoster(id);
  const [tab, setTab] = useState('board');
  const [published, setPublished] = useState<PublishResult | null>(null);

  if (roster.isError) {
    if (roster.error instanceof ApiError && roster.error.status === 404) return <NotFoundPage />;
    return <QueryError error={roster.error} onRetry={() => void roster.refetch()} />;
  }
  if (!roster.data) return <Skeleton active />;
  const r: RosterDetail = roster.data;
  const draft = r.status === 'draft';
  const plannable = canPlan && draft;

  const refresh = () => client.invalidateQueries({ queryKey: [ROSTERS_KEY] });

  function regenerate() {
    confirm({
      title: t('rosters.regenerateConfirm'),
      content: t('rosters.regenerateHint'),
      okText: t('rosters.regenerate'),
      testId: 'roster-regenerate-confirm',
      action: async () => {
        await api.post<RosterDetail>(`/rosters/${r.id}/regenerate`);
        await refresh();
        void message.success(t('rosters.regenerated'));
      },
    });
  }

  function publish() {
    confirm({
      title: t('rosters.publishConfirm', { name: r.name }),
      content: t('rosters.publishHint'),
      okText: t('rosters.publish'),
      testId: 'roster-publish-confirm',
      action: async () => {
        setPublished(await api.post<PublishResult>(`/rosters/${r.id}/publish`));
        await refresh();
      },
    });
  }

  function remove() {
    confirm({
      title: t('rosters.deleteConfirm', { name: r.name }),
      content: t('rosters.deleteHint'),
      okText: t('common.delete'),
      danger: true,
      testId: 'roster-delete-confirm',
      action: async () => {
        await api.delete(`/rosters/${r.id}`);
        await refresh();
        void message.success(t('common.deleted'));
        void navigate('/rosters', { replace: true });
      },
    });
  }

  function exportExcel() {
    download(`/rosters/${r.id}/export`, `${r.name}.xlsx`).catch(report);
  }

  const rules = r.rules;
  return (
    <>
      <PageHeader
        title={
          <Space wrap>
            <Link to="/rosters" aria-label={t('rosters.back')}>
              <ArrowLeftOutlined />
            </Link>
            <RosterName roster={r} editable={plannable} />
            <RosterStatusTag status={r.status} />
            <Tag style={{ marginInlineEnd: 0 }} data-testid="roster-version">
              {t('rosters.versionValue', { version: r.version })}
            </Tag>
          </Space>
        }
        extra={
          <>
            {plannable ? (
              <>
                <Button icon={<ReloadOutlined />} onClick={regenerate} data-testid="roster-regenerate">
                  {t('rosters.regenerate')}
                </Button>
                <Button type="primary" icon={<SendOutlined />} onClick={publish} data-testid="roster-publish">
                  {t('rosters.publish')}
                </Button>
              </>
            ) : null}
            <Button icon={<FileExcelOutlined />} onClick={exportExcel} data-testid="roster-export">
              {t('rosters.export')}
            </Button>
            {plannable ? (
              <Button danger icon={<DeleteOutlined />} onClick={remove} data-testid="roster-delete">
                {t('common.delete')}
              </Button>
            ) : null}
          </>
        }
      />
      <Card size="small" style={{ marginBottom: 16 }}>
        <Descriptions
          size="small"
          column={{ xs: 1, sm: 2, lg: 4 }}
          items={[
            { key: 'region', label: t('rosters.region'), children: r.regionName },
            {
              key: 'dates',
              label: t('rosters.dates'),
              children: `${t('rosters.dateRange', { start: r.startsOn, end: r.endsOn })} · ${t('rosters.days', {
                count: rosterDays(r.startsOn, r.endsOn).length,
              })}`,
            },
            {
              key: 'rules',
              label: t('rosters.rules'),
              children: t('rosters.rulesSummary', {
                rest: rules.minRestHours,
                week: rules.maxShiftsPerWeek,
                day: rules.maxShiftsPerDay ? t('rosters.rulesDayLimit', { count: rules.maxShiftsPerDay }) : t('rosters.noLimit'),
              }),
            },
            {
              key: 'published',
              label: t('rosters.published'),
              children: r.publishedAt
                ? t('rosters.publishedBy', { at: formatDateTime(r.publishedAt), name: r.publishedByName ?? '—' })
                : '—',
            },
          ]}
        />
      </Card>
      <SummaryCards roster={r} />
      <Card>
        <Tabs
          activeKey={tab}
          onChange={setTab}
          items={[
            {
              key: 'board',
              label: <span data-testid="board-tab">{t('rosters.tabBoard')}</span>,
              children: <BoardTab roster={r} canPlan={canPlan} />,
            },
            {
              key: 'shortage',
              label: (
                <Space size={6} data-testid="shortage-tab">
                  {t('rosters.tabShortage')}
                  {r.shortage.uncoveredTotal ? <Badge count={r.shortage.uncoveredTotal} overflowCount={999} /> : null}
                </Space>
              ),
              children: <ShortageTab roster={r} />,
            },
            ...(draft
              ? []
              : [
                  {
                    key: 'history',
                    label: <span data-testid="history-tab">{t('rosters.tabHistory')}</span>,
                    children: <HistoryTab rosterId={r.id} />,
                  },
                ]),
          ]}
        />
      </Card>
      {published ? <PublishResultModal result={published} onClose={() => setPublished(null)} /> : null}
    </>
  );
}
