import { PlusOutlined } from '@ant-design/icons';
import { Button, Card, Flex, Space, Table, Typography } from 'antd';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { Link, useNavigate } from 'react-router';
import { ROSTER_STATUSES, type RosterStatus } from '../../../common/enums.ts';
import { ROSTER_STATUS_LABELS } from '../../../common/labels.ts';
import { formatDateTime } from '../../app/dates.ts';
import { can, useMe } from '../../app/session.ts';
import { useIsPhone } from '../../app/useIsPhone.ts';
import { useLanguage } from '../../app/useLanguage.ts';
import { useFilterWidth } from '../../components/filterWidth.ts';
import { SelectFilter } from '../../components/filters.tsx';
import { oneOfParam, textParam, useUrlPagedFilter } from '../../components/useUrlFilter.ts';
import { PageHeader } from '../../components/PageHeader.tsx';
import { QueryError } from '../../components/QueryError.tsx';
import { RegionTreeSelect } from '../regions/RegionTreeSelect.tsx';
import { GenerateRosterModal } from './roster/GenerateRosterModal.tsx';
import { CoverageBar, RosterStatusTag } from './roster/RosterTags.tsx';
import { rosterDays } from './roster/time.ts';
import { useRosters, type RosterFilter, type RosterSummary } from './rosters.api.ts';

/** On a phone one column: the name to open it, then its status, dates and coverage under it. */
function PhoneRow({ roster: r }: { roster: RosterSummary }) {
  const { t } = useTranslation();
  return (
    <Space vertical size={4} style={{ width: '100%' }}>
      <Link to={`/rosters/${r.id}`} data-testid={`roster-open-${r.id}`}>
        {r.name}
      </Link>
      <Space size={6} wrap>
        <RosterStatusTag status={r.status} />
        <Typography.Text type="secondary" style={{ fontSize: 12 }}>
          {r.regionName} · {t('rosters.versionValue', { version: r.version })}
        </Typography.Text>
      </Space>
      <CoverageBar filled={r.filled} positions={r.positions} width="100%" />
    </Space>
  );
}

/** The rosters of the regions in scope, newest first, with how much of each is covered. */
export function RostersPage() {
  const { t } = useTranslation();
  const language = useLanguage();
  const navigate = useNavigate();
  const filterWidth = useFilterWidth();
  const phone = useIsPhone();
  const canPlan = can(useMe().data, 'duty.plan');
  const { filter, change, page, pageSize, pagination } = useUrlPagedFilter<RosterFilter>({
    regionId: textParam,
    status: oneOfParam(ROSTER_STATUSES),
  });
  const rosters = useRosters(filter, page, pageSize);
  const [generating, setGenerating] = useState(false);

  return (
    <>
      <PageHeader
        title={t('rosters.title')}
        extra={
          canPlan ? (
            <Button type="primary" icon={<PlusOutlined />} onClick={() => setGenerating(true)} data-testid="roster-generate">
              {t('rosters.generate')}
            </Button>
          ) : null
        }
      />
      <Card>
        <Flex wrap gap={8} style={{ marginBottom: 16 }}>
          <RegionTreeSelect
            allowClear
            placeholder={t('rosters.filterRegion')}
            value={filter.regionId ?? null}
            onChange={change('regionId')}
            testId="rosters-filter-region"
            style={filterWidth(220)}
          />
          <SelectFilter<RosterStatus>
            label={t('rosters.filterStatus')}
            value={filter.status}
            onChange={change('status')}
            options={ROSTER_STATUSES.map((s) => ({ value: s, label: ROSTER_STATUS_LABELS[s][language] }))}
            style={filterWidth(140)}
            testId="rosters-filter-status"
          />
        </Flex>
        {rosters.isError ? <QueryError error={rosters.error} onRetry={() => void rosters.refetch()} /> : null}
        <Table<RosterSummary>
          rowKey="id"
          loading={rosters.isFetching}
          dataSource={rosters.data?.items ?? []}
          scroll={{ x: 'max-content' }}
          pagination={pagination(rosters.data?.total ?? 0)}
          locale={{ emptyText: t('rosters.empty') }}
          columns={
            phone
              ? [{ key: 'roster', title: t('rosters.name'), render: (_: unknown, r: RosterSummary) => <PhoneRow roster={r} /> }]
              : [
                  {
                    key: 'name',
                    title: t('rosters.name'),
                    render: (_: unknown, r: RosterSummary) => (
                      <Link to={`/rosters/${r.id}`} data-testid={`roster-open-${r.id}`}>
                        {r.name}
                      </Link>
                    ),
                  },
                  { key: 'region', title: t('rosters.region'), dataIndex: 'regionName' },
                  {
                    key: 'dates',
                    title: t('rosters.dates'),
                    render: (_: unknown, r: RosterSummary) => (
                      <Space vertical size={0}>
                        <span style={{ whiteSpace: 'nowrap' }}>
                          {t('rosters.dateRange', { start: r.startsOn, end: r.endsOn })}
                        </span>
                        <Typography.Text type="secondary" style={{ fontSize: 12 }}>
                          {t('rosters.days', { count: rosterDays(r.startsOn, r.endsOn).length })}
                        </Typography.Text>
                      </Space>
                    ),
                  },
                  {
                    key: 'status',
                    title: t('rosters.status'),
                    render: (_: unknown, r: RosterSummary) => (
                      <Space vertical size={2}>
                        <RosterStatusTag status={r.status} />
                        {r.pendingSwaps ? (
                          <Typography.Text type="warning" style={{ fontSize: 12, whiteSpace: 'nowrap' }}>
                            {t('rosters.pendingSwaps', { count: r.pendingSwaps })}
                          </Typography.Text>
                        ) : null}
                      </Space>
                    ),
                  },
                  {
                    key: 'version',
                    title: t('rosters.version'),
                    render: (_: unknown, r: RosterSummary) => t('rosters.versionValue', { version: r.version }),
                  },
                  {
                    key: 'coverage',
                    title: t('rosters.coverage'),
                    render: (_: unknown, r: RosterSummary) => <CoverageBar filled={r.filled} positions={r.positions} />,
                  },
                  {
                    key: 'volunteers',
                    title: t('rosters.volunteersUsed'),
                    render: (_: unknown, r: RosterSummary) => t('rosters.peopleCount', { count: r.volunteerCount }),
                  },
                  {
                    key: 'published',
                    title: t('rosters.published'),
                    render: (_: unknown, r: RosterSummary) =>
                      r.publishedAt ? (
                        <span style={{ whiteSpace: 'nowrap' }}>
                          {t('rosters.publishedBy', { at: formatDateTime(r.publishedAt), name: r.publishedByName ?? '—' })}
                        </span>
                      ) : (
                        '—'
                      ),
                  },
                ]
          }
          data-testid="rosters-table"
        />
      </Card>
      {generating ? (
        <GenerateRosterModal onClose={() => setGenerating(false)} onCreated={(r) => void navigate(`/rosters/${r.id}`)} />
      ) : null}
    </>
  );
}
