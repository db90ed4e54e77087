import { Button, Table, type TableColumnsType } from 'antd';
import { useTranslation } from 'react-i18next';
import type { Figures } from '../../../common/dashboard-figures.ts';
import type { DashboardChild } from './dashboard.api.ts';
import type { DashboardMessages } from './dashboard.i18n.ts';
import { rate, type TileFormat } from './tiles.ts';
import { useFigureFormat } from './useFigureFormat.ts';

interface Column {
  key: keyof DashboardMessages['columns'];
  format: TileFormat;
  value: (f: Figures) => number | null;
  /** Drawn in red when above zero. */
  alarm?: boolean;
}

const COLUMNS: Column[] = [
  { key: 'volunteersActive', format: 'count', value: (f) => f.volunteersActive },
  { key: 'volunteersOnPost', format: 'count', value: (f) => f.volunteersOnPost },
  { key: 'checkpoints', format: 'count', value: (f) => f.checkpoints },
  { key: 'attendanceRate', format: 'percent', value: (f) => rate(f.attendancePresent, f.attendanceDue) },
  { key: 'households', format: 'count', value: (f) => f.households },
  { key: 'screenedRate', format: 'percent', value: (f) => rate(f.householdsScreened, f.households) },
  { key: 'casesActive', format: 'count', value: (f) => f.casesActive },
  { key: 'reportsMissed', format: 'count', value: (f) => f.reportsMissed },
  { key: 'alertsFeverOpen', format: 'count', value: (f) => f.alertsFeverOpen, alarm: true },
  { key: 'errandsOpen', format: 'count', value: (f) => f.errandsOpen },
  { key: 'errandsOverdue', format: 'count', value: (f) => f.errandsOverdue, alarm: true },
  { key: 'disinfectionArea', format: 'count', value: (f) => f.disinfectionAreaM2 },
];

/** A rate with nothing to divide by sorts below every real rate. */
const sortValue = (v: number | null) => v ?? -1;

/** The areas below with their main figures, sortable by any column; a name drills down. */
export function ChildrenTable({
  items,
  onDrill,
  alarmColor,
  scrollY,
}: {
  items: DashboardChild[];
  onDrill: (regionId: string) => void;
  alarmColor: string;
  scrollY?: number;
}) {
  const { t } = useTranslation();
  const { format } = useFigureFormat();
  const columns: TableColumnsType<DashboardChild> = [
    {
      key: 'region',
      title: t('dashboard.children.region'),
      fixed: 'left',
      sorter: (a, b) => a.region.name.localeCompare(b.region.name, 'zh-CN'),
      render: (_: unknown, c: DashboardChild) =>
        c.hasChildren ? (
          <Button
            type="link"
            size="small"
            style={{ padding: 0 }}
            onClick={() => onDrill(c.region.id)}
            data-testid={`dashboard-child-${c.region.name}`}
          >
            {c.region.name}
          </Button>
        ) : (
          <span data-testid={`dashboard-child-${c.region.name}`}>{c.region.name}</span>
        ),
    },
    ...COLUMNS.map((col) => ({
      key: col.key,
      title: t(`dashboard.columns.${col.key}`),
      align: 'right' as const,
      sorter: (a: DashboardChild, b: DashboardChild) => sortValue(col.value(a.figures)) - sortValue(col.value(b.figures)),
      render: (_: unknown, c: DashboardChild) => {
        const value = col.value(c.figures);
        return (
          <span style={col.alarm && (value ?? 0) > 0 ? { color: alarmColor, fontWeight: 600 } : undefined}>
            {format(value, col.format)}
          </span>
        );
      },
    })),
  ];
  return (
    <Table<DashboardChild>
      rowKey={(c) => c.region.id}
      size="small"
      pagination={false}
      dataSource={items}
      columns={columns}
      scroll={{ x: 'max-content', ...(scrollY ? { y: scrollY } : {}) }}
      showSorterTooltip={false}
      data-testid="dashboard-children-table"
    />
  );
}
