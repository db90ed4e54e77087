import { Table, Tag, Tooltip } from 'antd';
import { useTranslation } from 'react-i18next';
import type { CaseDetail } from './cases.api.ts';

type Cell = CaseDetail['reports'][number]['morning'];

function SlotCell({ cell }: { cell: Cell }) {
  const { t } = useTranslation();
  if (!cell) return <Tag color="default">{t('cases.noReport')}</Tag>;
  const color = cell.fever ? 'red' : cell.symptoms > 0 || cell.help ? 'orange' : 'green';
  return (
    <Tooltip title={cell.late ? t('cases.lateReport') : undefined}>
      <Tag color={color} style={{ marginInlineEnd: 0 }}>
        {cell.temperature === null ? '—' : `${cell.temperature.toFixed(1)}°C`}
        {cell.symptoms > 0 ? ` +${cell.symptoms}` : ''}
        {cell.help ? ' !' : ''}
      </Tag>
    </Tooltip>
  );
}

/** The last 14 days of morning and evening reports, days across, so gaps and fevers show at a glance. */
export function CaseReportGrid({ reports }: { reports: CaseDetail['reports'] }) {
  const { t } = useTranslation();
  const rows = (['morning', 'evening'] as const).map((slot) => ({ slot, label: t(`cases.${slot}`) }));
  return (
    <Table
      rowKey="slot"
      size="small"
      pagination={false}
      scroll={{ x: true }}
      dataSource={rows}
      data-testid="case-report-grid"
      columns={[
        { title: '', dataIndex: 'label', fixed: 'left', width: 48 },
        ...reports.map((d) => ({
          title: d.date.slice(5),
          key: d.date,
          align: 'center' as const,
          render: (_: unknown, r: { slot: 'morning' | 'evening' }) => <SlotCell cell={d[r.slot]} />,
        })),
      ]}
    />
  );
}
