import { Card, Checkbox, Empty, Flex, Input, Pagination, Segmented, Table, Tag, Typography } from 'antd';
import type { KeyboardEvent } from 'react';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { RISK_LEVELS, type RiskLevel } from '../../../../common/enums.ts';
import { RISK_LABELS } from '../../../../common/labels.ts';
import { useIsPhone } from '../../../app/useIsPhone.ts';
import { useLanguage } from '../../../app/useLanguage.ts';
import { useFilterWidth } from '../../../components/filterWidth.ts';
import { SelectFilter, usePagedFilter } from '../../../components/filters.tsx';
import { QueryError } from '../../../components/QueryError.tsx';
import { RegionTreeSelect } from '../../regions/RegionTreeSelect.tsx';
import { useBoard, type BoardFilter, type BoardRow, type BoardShift, type RosterDetail } from '../rosters.api.ts';
import { RiskTag } from '../../checkpoints/CheckpointTags.tsx';
import { PersonTag } from './RosterTags.tsx';
import { ShiftDrawer } from './ShiftDrawer.tsx';
import { dayLabel, rosterDays, shiftDay, shiftTime, today } from './time.ts';

/** One shift in a cell: its hours, its people, and what it still lacks. Opens the drawer. */
function ShiftBlock({ shift, published, onOpen }: { shift: BoardShift; published: boolean; onOpen: () => void }) {
  const { t } = useTranslation();
  const missing = Math.max(0, shift.required - shift.assignments.length);
  const onKey = (e: KeyboardEvent) => {
    if (e.key === 'Enter' || e.key === ' ') {
      e.preventDefault();
      onOpen();
    }
  };
  return (
    <div
      role="button"
      tabIndex={0}
      onClick={onOpen}
      onKeyDown={onKey}
      style={{
        border: `1px solid ${missing ? '#ffa39e' : '#f0f0f0'}`,
        background: missing ? '#fff1f0' : '#fafafa',
        borderRadius: 4,
        padding: '3px 6px',
        cursor: 'pointer',
      }}
      data-testid={`board-shift-${shift.id}`}
    >
      <Flex justify="space-between" align="center" gap={4}>
        <Typography.Text style={{ fontSize: 12, fontWeight: 500, whiteSpace: 'nowrap' }}>
          {shiftTime(shift.startsAt, shift.endsAt)}
        </Typography.Text>
        {missing ? (
          <Tag color="red" style={{ marginInlineEnd: 0, fontSize: 11, lineHeight: '16px', paddingInline: 4 }}>
            {t('rosters.short', { count: missing })}
          </Tag>
        ) : null}
      </Flex>
      {shift.assignments.length ? (
        <Flex wrap gap={3} style={{ marginTop: 2 }}>
          {shift.assignments.map((a) => (
            <PersonTag key={a.id} assignment={a} published={published} />
          ))}
        </Flex>
      ) : null}
    </div>
  );
}

function DayShifts({
  shifts,
  published,
  onOpen,
}: {
  shifts: BoardShift[];
  published: boolean;
  onOpen: (shift: BoardShift) => void;
}) {
  return (
    <Flex vertical gap={4}>
      {shifts.map((s) => (
        <ShiftBlock key={s.id} shift={s} published={published} onOpen={() => onOpen(s)} />
      ))}
    </Flex>
  );
}

function CheckpointCell({ row }: { row: BoardRow }) {
  return (
    <Flex vertical gap={2} data-testid={`board-row-${row.checkpoint.id}`}>
      <Typography.Text strong>{row.checkpoint.name}</Typography.Text>
      <Flex wrap gap={4} align="center">
        <RiskTag risk={row.checkpoint.risk} />
        <Typography.Text type="secondary" style={{ fontSize: 12 }}>
          {row.checkpoint.regionName}
        </Typography.Text>
      </Flex>
    </Flex>
  );
}

function byDay(row: BoardRow): Map<string, BoardShift[]> {
  const days = new Map<string, BoardShift[]>();
  for (const s of row.shifts) {
    const day = shiftDay(s.startsAt);
    days.set(day, [...(days.get(day) ?? []), s]);
  }
  return days;
}

/** Checkpoints × days on a desk; on a phone one card per checkpoint with the shifts of the chosen day. */
export function BoardTab({ roster, canPlan }: { roster: RosterDetail; canPlan: boolean }) {
  const { t } = useTranslation();
  const language = useLanguage();
  const phone = useIsPhone();
  const filterWidth = useFilterWidth();
  const { filter, change, page, pageSize, pagination } = usePagedFilter<BoardFilter>();
  const board = useBoard(roster.id, filter, page, pageSize);
  const [open, setOpen] = useState<{ row: BoardRow; shift: BoardShift } | null>(null);
  const days = rosterDays(roster.startsOn, roster.endsOn);
  // A phone shows one day at a time: today while the roster runs, else its first day.
  const [day, setDay] = useState<string | null>(null);
  const phoneDay = day ?? (days.includes(today()) ? today() : days[0]!);
  const published = roster.status === 'published';
  const rows = board.data?.items ?? [];
  const total = board.data?.total ?? 0;

  // The drawer follows the board: after an edit it shows the refreshed shift, or the last one seen if filtered away.
  const fresh = open
    ? rows.find((r) => r.checkpoint.id === open.row.checkpoint.id)?.shifts.find((s) => s.id === open.shift.id)
    : undefined;

  return (
    <>
      <Flex wrap gap={8} align="center" style={{ marginBottom: 12 }}>
        <RegionTreeSelect
          allowClear
          placeholder={t('rosters.filterRegion')}
          value={filter.regionId ?? null}
          onChange={change('regionId')}
          testId="board-filter-region"
          style={filterWidth(200)}
        />
        <SelectFilter<RiskLevel>
          label={t('rosters.filterRisk')}
          value={filter.risk}
          onChange={change('risk')}
          options={[...RISK_LEVELS].reverse().map((r) => ({ value: r, label: RISK_LABELS[r][language] }))}
          style={filterWidth(130)}
          testId="board-filter-risk"
        />
        <Input.Search
          allowClear
          maxLength={60}
          placeholder={t('rosters.filterQ')}
          aria-label={t('rosters.filterQ')}
          onSearch={(q) => change('q')(q)}
          style={filterWidth(180)}
          data-testid="board-filter-q"
        />
        <Checkbox
          checked={!!filter.short}
          onChange={(e) => change('short')(e.target.checked || null)}
          data-testid="board-filter-short"
        >
          {t('rosters.onlyShort')}
        </Checkbox>
        <Typography.Text type="secondary" style={{ fontSize: 12 }}>
          {t('rosters.hint')}
        </Typography.Text>
      </Flex>
      {board.isError ? <QueryError error={board.error} onRetry={() => void board.refetch()} /> : null}
      {phone ? (
        <Flex vertical gap={12} data-testid="board-list">
          <div style={{ overflowX: 'auto' }}>
            <Segmented<string>
              value={phoneDay}
              onChange={setDay}
              options={days.map((d) => ({
                value: d,
                label: <span data-testid={`board-day-${d}`}>{dayLabel(d, language)}</span>,
              }))}
            />
          </div>
          {rows.length === 0 && !board.isFetching ? <Empty description={t('rosters.emptyBoard')} /> : null}
          {rows.map((row) => {
            const shifts = byDay(row).get(phoneDay) ?? [];
            return (
              <Card key={row.checkpoint.id} size="small" title={<CheckpointCell row={row} />}>
                {shifts.length ? (
                  <div style={{ display: 'grid', gridTemplateColumns: 'repeat(auto-fill, minmax(130px, 1fr))', gap: 6 }}>
                    {shifts.map((s) => (
                      <ShiftBlock key={s.id} shift={s} published={published} onOpen={() => setOpen({ row, shift: s })} />
                    ))}
                  </div>
                ) : (
                  <Typography.Text type="secondary">{t('rosters.noShifts')}</Typography.Text>
                )}
              </Card>
            );
          })}
          {total > pageSize ? <Pagination size="small" simple {...pagination(total)} /> : null}
        </Flex>
      ) : (
        <Table<BoardRow>
          rowKey={(row) => row.checkpoint.id}
          size="small"
          bordered
          loading={board.isFetching}
          dataSource={rows}
          pagination={pagination(total)}
          scroll={{ x: 'max-content' }}
          locale={{ emptyText: t('rosters.emptyBoard') }}
          columns={[
            {
              key: 'checkpoint',
              title: t('rosters.checkpoint'),
              fixed: 'left',
              width: 180,
              render: (_: unknown, row: BoardRow) => <CheckpointCell row={row} />,
            },
            ...days.map((d) => ({
              key: d,
              title: <span style={{ whiteSpace: 'nowrap' }}>{dayLabel(d, language)}</span>,
              width: 150,
              onCell: () => ({ style: { verticalAlign: 'top' as const } }),
              render: (_: unknown, row: BoardRow) => {
                const shifts = row.shifts.filter((s) => shiftDay(s.startsAt) === d);
                return shifts.length ? (
                  <DayShifts shifts={shifts} published={published} onOpen={(shift) => setOpen({ row, shift })} />
                ) : null;
              },
            })),
          ]}
          data-testid="board-table"
        />
      )}
      {open ? (
        <ShiftDrawer
          roster={roster}
          checkpoint={open.row.checkpoint}
          shift={fresh ?? open.shift}
          canPlan={canPlan}
          onClose={() => setOpen(null)}
        />
      ) : null}
    </>
  );
}
