import { DatePicker, Flex, Switch, Table, Tag, Typography } from 'antd';
import type { Dayjs } from 'dayjs';
import type { HTMLAttributes } from 'react';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { formatDateTime } from '../../../app/dates.ts';
import { useFilterWidth } from '../../../components/filterWidth.ts';
import { usePagedFilter } from '../../../components/filters.tsx';
import { QueryError } from '../../../components/QueryError.tsx';
import { RatingsAverage } from '../InspectionTags.tsx';
import { useInspections, type InspectionFilter, type InspectionSummary } from '../inspections.api.ts';
import { DAY } from './dateRange.ts';
import { VisitDrawer } from './VisitDrawer.tsx';

function Toggle({
  label,
  checked,
  onChange,
  testId,
}: {
  label: string;
  checked: boolean;
  onChange: (on: boolean) => void;
  testId: string;
}) {
  return (
    <Flex gap={6} align="center">
      <Switch size="small" checked={checked} onChange={onChange} aria-label={label} data-testid={testId} />
      <span>{label}</span>
    </Flex>
  );
}

/** The visits in the region picked above, newest first; a row opens the visit in full. */
export function VisitsTab({ regionId }: { regionId: string | null }) {
  const { t } = useTranslation();
  const filterWidth = useFilterWidth();
  const { filter, change, page, pageSize, pagination } = usePagedFilter<Omit<InspectionFilter, 'regionId'>>();
  const [range, setRange] = useState<[Dayjs, Dayjs] | null>(null);
  const [open, setOpen] = useState<string | null>(null);
  const visits = useInspections({ ...filter, regionId }, page, pageSize);

  return (
    <>
      <Flex wrap gap={12} align="center" style={{ marginBottom: 16 }}>
        <DatePicker.RangePicker
          value={range}
          onChange={(picked) => {
            const next = picked?.[0] && picked[1] ? ([picked[0], picked[1]] as [Dayjs, Dayjs]) : null;
            setRange(next);
            change('from')(next?.[0].format(DAY) ?? null);
            change('to')(next?.[1].format(DAY) ?? null);
          }}
          placeholder={[t('inspections.visits.from'), t('inspections.visits.to')]}
          style={filterWidth(260)}
          data-testid="visits-filter-range"
        />
        <Toggle
          label={t('inspections.visits.mine')}
          checked={!!filter.mine}
          onChange={change('mine')}
          testId="visits-filter-mine"
        />
        <Toggle
          label={t('inspections.visits.withAbsences')}
          checked={!!filter.withAbsences}
          onChange={change('withAbsences')}
          testId="visits-filter-absences"
        />
      </Flex>
      {visits.isError ? <QueryError error={visits.error} onRetry={() => void visits.refetch()} /> : null}
      <Table<InspectionSummary>
        rowKey="id"
        size="small"
        loading={visits.isFetching}
        dataSource={visits.data?.items ?? []}
        scroll={{ x: 'max-content' }}
        pagination={pagination(visits.data?.total ?? 0)}
        onRow={(v) =>
          ({
            onClick: () => setOpen(v.id),
            style: { cursor: 'pointer' },
            'data-testid': `visit-row-${v.checkpointName}`,
          }) as HTMLAttributes<HTMLElement>
        }
        columns={[
          {
            key: 'visitedAt',
            title: t('inspections.visits.visitedAt'),
            render: (_: unknown, v: InspectionSummary) => (
              <span style={{ whiteSpace: 'nowrap' }}>{formatDateTime(v.visitedAt)}</span>
            ),
          },
          {
            key: 'checkpoint',
            title: t('inspections.visits.checkpoint'),
            render: (_: unknown, v: InspectionSummary) => (
              <>
                <div>{v.checkpointName}</div>
                <Typography.Text type="secondary" style={{ fontSize: 12 }}>
                  {v.regionName}
                </Typography.Text>
              </>
            ),
          },
          {
            key: 'inspector',
            title: t('inspections.visits.inspector'),
            render: (_: unknown, v: InspectionSummary) => (
              <>
                <div>{v.inspector.name}</div>
                {v.groupName ? (
                  <Typography.Text type="secondary" style={{ fontSize: 12 }}>
                    {v.groupName}
                  </Typography.Text>
                ) : null}
              </>
            ),
          },
          {
            key: 'present',
            title: t('inspections.visits.presentOfExpected'),
            render: (_: unknown, v: InspectionSummary) => `${v.present} / ${v.expected}`,
          },
          {
            key: 'absent',
            title: t('inspections.visits.absent'),
            render: (_: unknown, v: InspectionSummary) =>
              v.absent ? (
                <Tag color="red" data-testid={`visit-absent-${v.id}`}>
                  {v.absent}
                </Tag>
              ) : (
                <Typography.Text type="secondary">0</Typography.Text>
              ),
          },
          {
            key: 'ratings',
            title: t('inspections.visits.ratings'),
            render: (_: unknown, v: InspectionSummary) => <RatingsAverage ratings={v.ratings} testId={`visit-ratings-${v.id}`} />,
          },
          {
            key: 'findings',
            title: t('inspections.visits.findings'),
            render: (_: unknown, v: InspectionSummary) => (
              <Typography.Text ellipsis={{ tooltip: v.findings }} style={{ maxWidth: 240 }}>
                {v.findings ?? '—'}
              </Typography.Text>
            ),
          },
        ]}
        data-testid="visits-table"
      />
      <VisitDrawer id={open} onClose={() => setOpen(null)} />
    </>
  );
}
