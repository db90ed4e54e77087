import { Button, DatePicker, Flex, Table, type TableColumnsType } from 'antd';
import type { Dayjs } from 'dayjs';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { Link } from 'react-router';
import { formatDateTime } from '../../app/dates.ts';
import { PageHeader } from '../../components/PageHeader.tsx';
import { QueryError } from '../../components/QueryError.tsx';
import { useFilterWidth } from '../../components/filterWidth.ts';
import { usePaging } from '../../components/usePaging.ts';
import { RegionTreeSelect } from '../regions/RegionTreeSelect.tsx';
import { GenerateReportModal } from './GenerateReportModal.tsx';
import { useDailyReports, useLiveReports, type DailyReportList } from './reports.api.ts';

type Item = DailyReportList['items'][number];

/** 疫情防控日报: the reports of the caller's area, newest day first, and generating one now. */
export function DailyReportsPage() {
  const { t } = useTranslation();
  const [regionId, setRegionId] = useState<string | null>(null);
  const [range, setRange] = useState<[Dayjs | null, Dayjs | null] | null>(null);
  const [generating, setGenerating] = useState(false);
  const { page, pageSize, setPage, pagination } = usePaging();
  const filterWidth = useFilterWidth();
  const filter = {
    regionId,
    from: range?.[0]?.format('YYYY-MM-DD') ?? null,
    to: range?.[1]?.format('YYYY-MM-DD') ?? null,
  };
  const reports = useDailyReports(filter, page, pageSize);
  useLiveReports();

  const columns: TableColumnsType<Item> = [
    { title: t('reports.day'), dataIndex: 'day', width: 120 },
    {
      title: t('reports.region'),
      key: 'region',
      render: (_, r) => (
        <Link to={`/reports/daily/${r.id}`} data-testid={`report-open-${r.region.id}-${r.day}`}>
          {r.region.name}
        </Link>
      ),
    },
    { title: t('reports.version'), dataIndex: 'version', width: 80, align: 'right' },
    { title: t('reports.generatedAt'), key: 'at', width: 180, render: (_, r) => formatDateTime(r.generatedAt) },
    {
      title: t('reports.generatedBy'),
      key: 'by',
      width: 140,
      render: (_, r) => r.generatedBy?.name ?? t('reports.byJob'),
    },
  ];

  return (
    <>
      <PageHeader
        title={t('reports.title')}
        extra={
          <Button type="primary" onClick={() => setGenerating(true)} data-testid="report-generate-open">
            {t('reports.generate')}
          </Button>
        }
      />
      <Flex wrap gap={8} style={{ marginBottom: 16 }}>
        <RegionTreeSelect
          value={regionId}
          onChange={(id) => {
            setRegionId(id);
            setPage(1);
          }}
          placeholder={t('reports.filterRegion')}
          allowClear
          testId="report-filter-region"
          style={filterWidth(240)}
        />
        <DatePicker.RangePicker
          allowEmpty={[true, true]}
          value={range}
          onChange={(v) => {
            setRange(v);
            setPage(1);
          }}
          placeholder={[t('reports.filterFrom'), t('reports.filterTo')]}
          style={filterWidth(250)}
          data-testid="report-filter-range"
        />
      </Flex>
      {reports.isError ? (
        <QueryError error={reports.error} onRetry={() => void reports.refetch()} />
      ) : (
        <Table<Item>
          rowKey="id"
          size="small"
          columns={columns}
          dataSource={reports.data?.items ?? []}
          loading={reports.isFetching}
          pagination={pagination(reports.data?.total ?? 0)}
          locale={{ emptyText: t('reports.empty') }}
          scroll={{ x: 'max-content' }}
          data-testid="report-list"
        />
      )}
      {generating ? <GenerateReportModal regionId={regionId} onClose={() => setGenerating(false)} /> : null}
    </>
  );
}
