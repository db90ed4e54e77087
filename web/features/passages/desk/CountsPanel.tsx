import { DatePicker, Flex, Table, Typography } from 'antd';
import dayjs, { type Dayjs } from 'dayjs';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { can, useMe } from '../../../app/session.ts';
import { useFilterWidth } from '../../../components/filterWidth.ts';
import { QueryError } from '../../../components/QueryError.tsx';
import { today } from '../../duty/roster/time.ts';
import { RegionTreeSelect } from '../../regions/RegionTreeSelect.tsx';
import { usePassageCounts, type CountTotals, type PassageCounts } from '../passages.api.ts';
import { CheckpointSelect } from './CheckpointSelect.tsx';

const DAY = 'YYYY-MM-DD';
/** The server answers at most this many days at once. */
const MAX_DAYS = 31;
/** The last week by default: what a morning meeting looks back on. */
const DEFAULT_DAYS = 7;

const NUMBERS: (keyof CountTotals)[] = ['entries', 'passers', 'vehicles', 'fevers', 'riskArrivals', 'leaflets'];

/** 每日统计: one row per checkpoint and day with entries, and the totals under them. */
export function CountsPanel() {
  const { t } = useTranslation();
  const filterWidth = useFilterWidth();
  const me = useMe().data;
  const [regionId, setRegionId] = useState<string | null>(null);
  const [checkpointId, setCheckpointId] = useState<string | null>(null);
  const [range, setRange] = useState<[Dayjs, Dayjs]>(() => {
    const end = dayjs(today());
    return [end.subtract(DEFAULT_DAYS - 1, 'day'), end];
  });
  const [picking, setPicking] = useState<Dayjs | null>(null);
  const counts = usePassageCounts({ regionId, checkpointId, from: range[0].format(DAY), to: range[1].format(DAY) });
  const label = (key: keyof CountTotals) => t(`passages.counts.${key}`);

  return (
    <>
      <Flex wrap gap={8} style={{ marginBottom: 16 }}>
        <RegionTreeSelect
          allowClear
          placeholder={t('passages.filterRegion')}
          value={regionId}
          onChange={setRegionId}
          testId="passage-counts-region"
          style={filterWidth(200)}
        />
        {can(me, 'checkpoints.read') ? (
          <CheckpointSelect
            value={checkpointId}
            onChange={setCheckpointId}
            regionId={regionId}
            placeholder={t('passages.filterCheckpoint')}
            testId="passage-counts-checkpoint"
            style={filterWidth(200)}
          />
        ) : null}
        <DatePicker.RangePicker
          value={range}
          allowClear={false}
          onCalendarChange={(picked) => setPicking(picked?.[0] ?? null)}
          onOpenChange={() => setPicking(null)}
          // A range the server would refuse cannot be picked: at most 31 days from the first day chosen.
          disabledDate={(d) => !!picking && Math.abs(d.diff(picking, 'day')) >= MAX_DAYS}
          onChange={(picked) => {
            if (picked?.[0] && picked[1]) setRange([picked[0], picked[1]]);
          }}
          style={filterWidth(250)}
          data-testid="passage-counts-range"
        />
      </Flex>
      {counts.isError ? <QueryError error={counts.error} onRetry={() => void counts.refetch()} /> : null}
      <Table<PassageCounts>
        rowKey={(r) => `${r.checkpointId}-${r.date}`}
        size="small"
        loading={counts.isFetching}
        dataSource={counts.data?.items ?? []}
        scroll={{ x: 'max-content' }}
        pagination={{ pageSize: 50, hideOnSinglePage: true, showTotal: (count) => t('common.total', { count }) }}
        columns={[
          {
            key: 'date',
            title: t('passages.counts.date'),
            dataIndex: 'date',
            render: (d: string) => <span style={{ whiteSpace: 'nowrap' }}>{d}</span>,
          },
          {
            key: 'checkpoint',
            title: t('passages.checkpoint'),
            render: (_: unknown, r: PassageCounts) => (
              <>
                <div>{r.checkpointName}</div>
                <Typography.Text type="secondary" style={{ fontSize: 12 }}>
                  {r.regionName}
                </Typography.Text>
              </>
            ),
          },
          ...NUMBERS.map((key) => ({
            key,
            title: label(key),
            align: 'right' as const,
            render: (_: unknown, r: PassageCounts) => (
              <Typography.Text type={(key === 'fevers' || key === 'riskArrivals') && r[key] > 0 ? 'danger' : undefined}>
                {r[key]}
              </Typography.Text>
            ),
          })),
        ]}
        summary={() =>
          counts.data ? (
            <Table.Summary fixed>
              <Table.Summary.Row data-testid="passage-counts-totals">
                <Table.Summary.Cell index={0} colSpan={2}>
                  <Typography.Text strong>{t('passages.counts.totals')}</Typography.Text>
                </Table.Summary.Cell>
                {NUMBERS.map((key, i) => (
                  <Table.Summary.Cell key={key} index={i + 2} align="right">
                    <Typography.Text strong>{counts.data.totals[key]}</Typography.Text>
                  </Table.Summary.Cell>
                ))}
              </Table.Summary.Row>
            </Table.Summary>
          ) : null
        }
        data-testid="passage-counts-table"
      />
    </>
  );
}
