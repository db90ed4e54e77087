import { Table, Tag, Tooltip, Typography } from 'antd';
import dayjs from 'dayjs';
import { useLayoutEffect, useRef } from 'react';
import { useTranslation } from 'react-i18next';
import type { ReportSlot } from '../../../common/enums.ts';
import { slotStanding, type OwingCase } from '../../../common/report-slots.ts';
import { platformTimeZone } from '../../app/dates.ts';
import type { CaseDetail } from './cases.api.ts';

type Cell = CaseDetail['reports'][number]['morning'];

const CLOSING_EVENTS = new Set(['released', 'released_early', 'transferred']);

/** The case as the owing rule needs it; the closing instant is its release or transfer event. */
function owing(c: CaseDetail): OwingCase {
  const closed = c.closedOn ? c.events.findLast((e) => CLOSING_EVENTS.has(e.kind)) : undefined;
  return {
    startsOn: c.startsOn,
    endsOn: c.endsOn,
    openedAt: c.createdAt,
    closedAt: c.closedOn ? (closed?.at ?? dayjs.tz(c.closedOn, platformTimeZone()).endOf('day').toISOString()) : null,
  };
}

function SlotCell({
  c,
  date,
  cell,
  closesAt,
}: {
  c: OwingCase;
  date: string;
  cell: Cell;
  /** When the slot's window closes, local HH:MM, as the server is configured. */
  closesAt: string;
}) {
  const { t } = useTranslation();
  const closes = dayjs.tz(`${date} ${closesAt}`, platformTimeZone()).toDate();
  const standing = slotStanding(c, date, closes, cell !== null, new Date());
  if (standing === 'missed') return <Tag color="default">{t('cases.noReport')}</Tag>;
  if (standing !== 'reported' || !cell) {
    return (
      <Tooltip title={t(standing === 'not_due' ? 'cases.slotNotDue' : 'cases.slotNotOwed')}>
        <Typography.Text type="secondary" data-testid={`case-slot-${standing}`}>
          —
        </Typography.Text>
      </Tooltip>
    );
  }
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

/**
 * The last 14 days of morning and evening reports, days across, so gaps and fevers show at a
 * glance. Only owed slots count as missed: those before the case was opened, after it was closed
 * or still open show a dash, by the rule the missed-slot alerts follow.
 */
export function CaseReportGrid({ c }: { c: CaseDetail }) {
  const { t } = useTranslation();
  const rows = (['morning', 'evening'] as const).map((slot) => ({ slot, label: t(`cases.${slot}`) }));
  const span = owing(c);
  // On a narrow screen the grid scrolls: start at its end, the latest days.
  const box = useRef<HTMLDivElement>(null);
  useLayoutEffect(() => {
    const scroller = box.current?.querySelector('.ant-table-content');
    if (scroller) scroller.scrollLeft = scroller.scrollWidth;
  }, [c.reports.length]);
  return (
    <div ref={box}>
      <Table
        rowKey="slot"
        size="small"
        pagination={false}
        scroll={{ x: true }}
        dataSource={rows}
        data-testid="case-report-grid"
        columns={[
          { title: '', dataIndex: 'label', fixed: 'left', width: 48 },
          ...c.reports.map((d) => ({
            title: <span style={{ whiteSpace: 'nowrap' }}>{d.date.slice(5)}</span>,
            key: d.date,
            align: 'center' as const,
            render: (_: unknown, r: { slot: ReportSlot }) => (
              <SlotCell c={span} date={d.date} cell={d[r.slot]} closesAt={c.windowCloses[r.slot]} />
            ),
          })),
        ]}
      />
    </div>
  );
}
