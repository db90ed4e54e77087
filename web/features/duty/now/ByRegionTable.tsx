import { Button, Progress, Table } from 'antd';
import { useTranslation } from 'react-i18next';
import type { DutyNow } from '../now.api.ts';

type RegionTally = DutyNow['byRegion'][number];

/** The chosen region's children; a click on one narrows the whole page to it. */
export function ByRegionTable({ rows, onOpen }: { rows: RegionTally[]; onOpen: (regionId: string) => void }) {
  const { t } = useTranslation();
  return (
    <Table<RegionTally>
      size="small"
      rowKey="regionId"
      dataSource={rows}
      pagination={rows.length > 10 ? { pageSize: 10, showSizeChanger: false } : false}
      scroll={{ x: 'max-content' }}
      columns={[
        {
          key: 'region',
          title: t('dutyNow.regionName'),
          render: (_: unknown, r: RegionTally) => (
            <Button
              type="link"
              size="small"
              style={{ padding: 0 }}
              aria-label={t('dutyNow.drillDown', { name: r.regionName })}
              onClick={() => onOpen(r.regionId)}
              data-testid={`duty-now-region-${r.regionId}`}
            >
              {r.regionName}
            </Button>
          ),
        },
        { key: 'required', title: t('dutyNow.totals.required'), dataIndex: 'required', align: 'right' },
        { key: 'onDuty', title: t('dutyNow.totals.onDuty'), dataIndex: 'onDuty', align: 'right' },
        {
          key: 'absent',
          title: t('dutyNow.totals.absent'),
          dataIndex: 'absent',
          align: 'right',
          render: (n: number) => (n ? <span style={{ color: '#cf1322' }}>{n}</span> : n),
        },
        {
          key: 'rate',
          title: t('dutyNow.rate'),
          render: (_: unknown, r: RegionTally) => (
            <Progress
              size="small"
              style={{ width: 120, margin: 0 }}
              percent={r.required ? Math.round((r.onDuty / r.required) * 100) : 0}
              status={r.absent ? 'exception' : 'normal'}
            />
          ),
        },
      ]}
      data-testid="duty-now-by-region"
    />
  );
}
