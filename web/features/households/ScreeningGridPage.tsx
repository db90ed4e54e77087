import { useQueryClient } from '@tanstack/react-query';
import { Button, Card, Drawer, Empty, Flex, Input, Segmented, Skeleton, Tag, Typography } from 'antd';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { useNavigate, useParams } from 'react-router';
import { formatDateTime } from '../../app/dates.ts';
import { QueryError } from '../../components/QueryError.tsx';
import { useDebounced } from '../passages/useDebounced.ts';
import { useLiveRefresh } from '../passages/useLiveRefresh.ts';
import {
  SCREENING_EVENTS,
  SCREENING_KEY,
  useFieldCampaigns,
  useGridHouseholds,
  type FieldHousehold,
  type HouseholdState,
  type StateCounts,
} from './screening.api.ts';
import { ScreeningVisitForm } from './ScreeningVisitForm.tsx';

const STATE_COLOR: Record<HouseholdState, string> = { not_visited: 'default', revisit: 'orange', done: 'green' };
const STATES: HouseholdState[] = ['not_visited', 'revisit', 'done'];
const COUNT_OF: Record<HouseholdState, keyof StateCounts> = { not_visited: 'notVisited', revisit: 'revisit', done: 'done' };

/** A household as the door plate reads: building, unit, room; the address where there is none. */
const plate = (h: FieldHousehold) => [h.building, h.unit, h.room].filter(Boolean).join(' ') || h.address;

/** A tab's name over its count, so four fit across a phone. */
function StateLabel({ label, count }: { label: string; count: number | undefined }) {
  return (
    <div style={{ lineHeight: 1.25, padding: '4px 0' }}>
      <div style={{ fontSize: 17, fontWeight: 600 }}>{count ?? '–'}</div>
      <div style={{ fontSize: 13 }}>{label}</div>
    </div>
  );
}

/**
 * The grid's households on the phone, a page of cards at a time in door-plate order: search by
 * door plate, filter by state (counts on the tabs), tap to record a visit.
 */
export function ScreeningGridPage() {
  const { campaignId = '', gridId = '' } = useParams();
  const { t } = useTranslation();
  const navigate = useNavigate();
  const client = useQueryClient();
  const [typed, setTyped] = useState('');
  const q = useDebounced(typed.trim(), 250);
  const [state, setState] = useState<HouseholdState | null>('not_visited');
  const [open, setOpen] = useState<FieldHousehold | null>(null);
  const households = useGridHouseholds(campaignId, gridId, q, state);
  const pages = households.data?.pages;
  const items = pages?.flatMap((p) => p.items) ?? [];
  const last = pages?.at(-1);
  const counts = last?.counts;
  const grid = useFieldCampaigns()
    .data?.items.find((c) => c.id === campaignId)
    ?.grids.find((g) => g.regionId === gridId);
  useLiveRefresh(SCREENING_EVENTS, SCREENING_KEY);

  return (
    <div style={{ maxWidth: 560, margin: '0 auto' }}>
      <Flex align="center" gap={8} style={{ marginBottom: 12 }}>
        <Button size="large" onClick={() => void navigate('/screening/visit')}>
          {t('screening.field.back')}
        </Button>
        <Typography.Title level={4} style={{ margin: 0 }}>
          {grid ? `${grid.communityName} ${grid.name}` : ''}
        </Typography.Title>
      </Flex>
      {grid ? (
        <Typography.Paragraph type="secondary">
          {t('screening.field.progress', { reached: grid.reached, households: grid.households })}
          {grid.notReached ? ` · ${t('screening.field.revisits', { count: grid.notReached })}` : ''}
        </Typography.Paragraph>
      ) : null}
      <Input.Search
        size="large"
        allowClear
        value={typed}
        onChange={(e) => setTyped(e.target.value)}
        placeholder={t('screening.field.search')}
        style={{ marginBottom: 10 }}
        data-testid="screening-search"
      />
      <Segmented<HouseholdState | 'all'>
        block
        size="large"
        value={state ?? 'all'}
        onChange={(v) => setState(v === 'all' ? null : v)}
        options={[
          ...STATES.map((s) => ({
            value: s,
            label: <StateLabel label={t(`screening.field.${s}`)} count={counts?.[COUNT_OF[s]]} />,
          })),
          {
            value: 'all' as const,
            label: (
              <StateLabel
                label={t('screening.field.all')}
                count={counts ? counts.notVisited + counts.revisit + counts.done : undefined}
              />
            ),
          },
        ]}
        style={{ marginBottom: 12 }}
        data-testid="screening-state"
      />
      {households.isError ? <QueryError error={households.error} onRetry={() => void households.refetch()} /> : null}
      {households.isPending ? <Skeleton active /> : null}
      {last && items.length === 0 ? <Empty description={t('screening.field.empty')} /> : null}
      <Flex vertical gap={8}>
        {items.map((h) => (
          <Card
            key={h.id}
            hoverable
            onClick={() => setOpen(h)}
            styles={{ body: { padding: '14px 16px' } }}
            data-testid={`household-${h.id}`}
          >
            <Flex justify="space-between" align="center">
              <div>
                <Typography.Text strong style={{ fontSize: 17 }}>
                  {plate(h)}
                </Typography.Text>
                {h.lastVisit ? (
                  <div>
                    <Typography.Text type="secondary" style={{ fontSize: 13 }}>
                      {t('screening.field.lastVisit', {
                        time: formatDateTime(h.lastVisit.visitedAt),
                        who: h.lastVisit.visitedByName,
                      })}
                    </Typography.Text>
                  </div>
                ) : null}
              </div>
              <Tag color={STATE_COLOR[h.state]} style={{ fontSize: 14, padding: '2px 10px' }}>
                {t(`screening.field.${h.state}`)}
              </Tag>
            </Flex>
          </Card>
        ))}
      </Flex>
      {last && items.length > 0 ? (
        <Flex vertical align="center" gap={8} style={{ margin: '16px 0 24px' }}>
          <Typography.Text type="secondary">
            {t('screening.field.shown', { shown: items.length, total: last.total })}
          </Typography.Text>
          {households.hasNextPage ? (
            <Button
              size="large"
              block
              loading={households.isFetchingNextPage}
              onClick={() => void households.fetchNextPage()}
              data-testid="screening-more"
            >
              {t('screening.field.loadMore')}
            </Button>
          ) : null}
        </Flex>
      ) : null}
      <Drawer
        open={open !== null}
        onClose={() => setOpen(null)}
        placement="bottom"
        height="90%"
        title={open ? `${t('screening.field.record')} · ${plate(open)}` : ''}
        destroyOnHidden
      >
        {open ? (
          <ScreeningVisitForm
            campaignId={campaignId}
            householdId={open.id}
            onDone={() => {
              setOpen(null);
              void client.invalidateQueries({ queryKey: [SCREENING_KEY] });
            }}
          />
        ) : null}
      </Drawer>
    </div>
  );
}
