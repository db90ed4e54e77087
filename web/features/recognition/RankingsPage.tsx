import { DownloadOutlined } from '@ant-design/icons';
import { Button, DatePicker, Flex, Segmented, Select, Table, Typography } from 'antd';
import dayjs from 'dayjs';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { RANKING_METRICS, RANKING_SUBJECTS, type RankingMetric, type RankingSubject } from '../../../common/enums.ts';
import { RANKING_METRIC_LABELS, RANKING_SUBJECT_LABELS } from '../../../common/labels.ts';
import { useReportError } from '../../app/errors.ts';
import { can, useMe } from '../../app/session.ts';
import { useLanguage } from '../../app/useLanguage.ts';
import { PageHeader } from '../../components/PageHeader.tsx';
import { QueryError } from '../../components/QueryError.tsx';
import { useFilterWidth } from '../../components/filterWidth.ts';
import { usePaging } from '../../components/usePaging.ts';
import { RegionTreeSelect } from '../regions/RegionTreeSelect.tsx';
import { PERIOD_PRESETS, periodOf, presetOf, type Period, type PeriodPreset } from './period.ts';
import { rankingColumns } from './rankingColumns.tsx';
import { downloadRanking, useRanking, type RankingFilter, type RankingItem } from './recognition.api.ts';

/**
 * 表彰与排行: who served most in an area over a period (volunteers, teams, units), as the
 * organisation department picks whom to commend; the same list as an Excel file.
 */
export function RankingsPage() {
  const { t } = useTranslation();
  const language = useLanguage();
  const report = useReportError();
  const canTeams = can(useMe().data, 'teams.read');
  const filterWidth = useFilterWidth();
  const { page, pageSize, setPage, pagination } = usePaging();
  const [subject, setSubject] = useState<RankingSubject>('volunteer');
  const [regionId, setRegionId] = useState<string | null>(null);
  const [period, setPeriod] = useState<Period>(() => periodOf('all'));
  const [metric, setMetric] = useState<RankingMetric>('hours');
  const [exporting, setExporting] = useState(false);
  const filter: RankingFilter = { subject, regionId, metric, ...period };
  const ranking = useRanking(filter, page, pageSize);
  const data = ranking.data;

  /** Any new filter starts again at the first place. */
  const refilter =
    <V,>(set: (value: V) => void) =>
    (value: V) => {
      set(value);
      setPage(1);
    };

  async function exportFile() {
    setExporting(true);
    try {
      await downloadRanking(filter);
    } catch (e) {
      report(e);
    } finally {
      setExporting(false);
    }
  }

  return (
    <>
      <PageHeader
        title={t('recognition.title')}
        extra={
          <Button icon={<DownloadOutlined />} loading={exporting} onClick={() => void exportFile()} data-testid="ranking-export">
            {t('recognition.export')}
          </Button>
        }
      />
      <Flex wrap gap={8} align="center" style={{ marginBottom: 12 }}>
        <Segmented<RankingSubject>
          value={subject}
          onChange={refilter(setSubject)}
          options={RANKING_SUBJECTS.map((s) => ({
            value: s,
            label: <span data-testid={`ranking-subject-${s}`}>{RANKING_SUBJECT_LABELS[s][language]}</span>,
          }))}
        />
        <RegionTreeSelect
          value={regionId}
          onChange={refilter(setRegionId)}
          placeholder={t('recognition.filterRegion')}
          allowClear
          testId="ranking-region"
          style={filterWidth(240)}
        />
        <Select<RankingMetric>
          value={metric}
          onChange={refilter(setMetric)}
          aria-label={t('recognition.metric')}
          prefix={<Typography.Text type="secondary">{t('recognition.metric')}</Typography.Text>}
          options={RANKING_METRICS.map((m) => ({ value: m, label: RANKING_METRIC_LABELS[m][language] }))}
          style={filterWidth(220)}
          data-testid="ranking-metric"
        />
      </Flex>
      <Flex wrap gap={8} align="center" style={{ marginBottom: 16 }}>
        <Segmented<PeriodPreset | 'custom'>
          value={presetOf(period) ?? 'custom'}
          onChange={(p) => {
            if (p !== 'custom') refilter(setPeriod)(periodOf(p));
          }}
          options={PERIOD_PRESETS.map((p) => ({
            value: p,
            label: <span data-testid={`ranking-period-${p}`}>{t(`recognition.period.${p}`)}</span>,
          }))}
        />
        {/* The picker drops data-* attributes, so the browser tests find it by its wrapper. */}
        <span data-testid="ranking-range" style={filterWidth(260)}>
          <DatePicker.RangePicker
            allowClear={false}
            value={[dayjs(period.from), dayjs(period.to)]}
            disabledDate={(d) => d.isAfter(dayjs(periodOf('all').to), 'day')}
            onChange={(range) => {
              const [from, to] = range ?? [];
              if (from && to) refilter(setPeriod)({ from: from.format('YYYY-MM-DD'), to: to.format('YYYY-MM-DD') });
            }}
            placeholder={[t('recognition.filterFrom'), t('recognition.filterTo')]}
            style={{ width: '100%' }}
          />
        </span>
        {data ? (
          <Typography.Text type="secondary" data-testid="ranking-summary">
            {t('recognition.summary', { region: data.region.name, from: data.from, to: data.to })}
          </Typography.Text>
        ) : null}
      </Flex>
      {ranking.isError ? (
        <QueryError error={ranking.error} onRetry={() => void ranking.refetch()} />
      ) : (
        <Table<RankingItem>
          rowKey="id"
          size="small"
          columns={rankingColumns({ subject, metric, language, t, canTeams })}
          dataSource={data?.items ?? []}
          loading={ranking.isFetching}
          pagination={pagination(data?.total ?? 0)}
          locale={{ emptyText: t('recognition.empty') }}
          scroll={{ x: 'max-content' }}
          data-testid="ranking-table"
        />
      )}
    </>
  );
}
