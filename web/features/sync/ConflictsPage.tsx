import { Button, Card, Empty, Flex, Pagination, Segmented, Table, Typography } from 'antd';
import { useState, type HTMLAttributes } from 'react';
import { useTranslation } from 'react-i18next';
import {
  OFFLINE_CONFLICT_KINDS,
  OFFLINE_CONFLICT_STATUSES,
  type OfflineConflictKind,
  type OfflineConflictStatus,
} from '../../../common/enums.ts';
import { OFFLINE_CONFLICT_KIND_LABELS, OFFLINE_CONFLICT_STATUS_LABELS } from '../../../common/labels.ts';
import { useIsPhone } from '../../app/useIsPhone.ts';
import { useLanguage } from '../../app/useLanguage.ts';
import { useFilterWidth } from '../../components/filterWidth.ts';
import { SelectFilter } from '../../components/filters.tsx';
import { PageHeader } from '../../components/PageHeader.tsx';
import { QueryError } from '../../components/QueryError.tsx';
import { oneOfParam, textParam, useUrlPagedFilter } from '../../components/useUrlFilter.ts';
import { useLiveRefresh } from '../passages/useLiveRefresh.ts';
import { RegionTreeSelect } from '../regions/RegionTreeSelect.tsx';
import { ConflictDrawer } from './ConflictDrawer.tsx';
import { ConflictKindTag, ConflictState, ConflictTimes, ConflictWho, minuteOf, useLateness } from './ConflictParts.tsx';
import { ResolveConflictModal } from './ResolveConflictModal.tsx';
import { CONFLICTS_KEY, useConflicts, type Conflict, type ConflictFilter } from './sync.api.ts';

const ALL = 'all';
const LIVE = ['conflict.recorded', 'conflict.resolved'];

/**
 * 离线冲突: entries made offline that arrived when they could no longer be applied as made (a
 * check-in for a shift given to someone else meanwhile, a report for a case released meanwhile),
 * kept for the team leader or the case's staff to check and settle with a note.
 */
export function ConflictsPage() {
  const { t } = useTranslation();
  const language = useLanguage();
  const phone = useIsPhone();
  const filterWidth = useFilterWidth();
  const lateness = useLateness();
  const { filter, change, page, pageSize, setPage, pagination } = useUrlPagedFilter<ConflictFilter>(
    { status: oneOfParam(OFFLINE_CONFLICT_STATUSES), kind: oneOfParam(OFFLINE_CONFLICT_KINDS), regionId: textParam },
    { defaults: { status: 'open' } },
  );
  const list = useConflicts(filter, page, pageSize);
  const [opened, setOpened] = useState<Conflict | null>(null);
  const [resolving, setResolving] = useState<Conflict | null>(null);
  useLiveRefresh(LIVE, CONFLICTS_KEY);
  const items = list.data?.items ?? [];
  // The drawer follows the list while the conflict is in it, and keeps it (resolved, say) once it has left.
  const shown = opened ? (items.find((c) => c.id === opened.id) ?? opened) : null;

  const actions = (c: Conflict) => (
    <Flex gap={8}>
      <Button size="small" onClick={() => setOpened(c)} data-testid={`conflict-details-${c.id}`}>
        {t('conflicts.details')}
      </Button>
      {c.status === 'open' ? (
        <Button size="small" type="primary" onClick={() => setResolving(c)} data-testid={`conflict-resolve-${c.id}`}>
          {t('conflicts.resolve')}
        </Button>
      ) : null}
    </Flex>
  );

  return (
    <>
      <PageHeader title={t('conflicts.title')} />
      <Card>
        <Typography.Paragraph type="secondary">{t('conflicts.intro')}</Typography.Paragraph>
        <Flex wrap gap={8} style={{ marginBottom: 16 }} align="center">
          <Segmented<OfflineConflictStatus | typeof ALL>
            value={filter.status ?? ALL}
            onChange={(v) => change('status')(v === ALL ? null : v)}
            options={[
              ...OFFLINE_CONFLICT_STATUSES.map((s) => ({ value: s, label: OFFLINE_CONFLICT_STATUS_LABELS[s][language] })),
              { value: ALL, label: t('conflicts.all') },
            ]}
            block={phone}
            style={phone ? { width: '100%' } : undefined}
            data-testid="conflicts-status"
          />
          <RegionTreeSelect
            allowClear
            placeholder={t('conflicts.filterRegion')}
            value={filter.regionId ?? null}
            onChange={change('regionId')}
            testId="conflicts-region"
            style={filterWidth(220)}
          />
          <SelectFilter<OfflineConflictKind>
            label={t('conflicts.filterKind')}
            value={filter.kind ?? null}
            onChange={change('kind')}
            options={OFFLINE_CONFLICT_KINDS.map((k) => ({ value: k, label: OFFLINE_CONFLICT_KIND_LABELS[k][language] }))}
            style={filterWidth(240)}
            testId="conflicts-kind"
          />
        </Flex>
        {list.isError ? <QueryError error={list.error} onRetry={() => void list.refetch()} /> : null}
        {phone ? (
          <Flex vertical gap={12}>
            {list.data && !items.length ? <Empty description={t('conflicts.empty')} /> : null}
            {items.map((c) => (
              <Card key={c.id} size="small" data-testid={`conflict-card-${c.id}`}>
                <Flex vertical gap={6}>
                  <Flex gap={6} wrap align="center">
                    <ConflictKindTag kind={c.kind} />
                    <Typography.Text type="secondary">{c.region.name}</Typography.Text>
                  </Flex>
                  <ConflictWho conflict={c} />
                  <Typography.Paragraph style={{ margin: 0 }}>{c.reason}</Typography.Paragraph>
                  <ConflictTimes conflict={c} />
                  <ConflictState conflict={c} />
                  {actions(c)}
                </Flex>
              </Card>
            ))}
            {(list.data?.total ?? 0) > pageSize ? (
              <Pagination simple current={page} pageSize={pageSize} total={list.data?.total ?? 0} onChange={setPage} />
            ) : null}
          </Flex>
        ) : (
          <Table<Conflict>
            rowKey="id"
            loading={list.isFetching}
            dataSource={items}
            scroll={{ x: 'max-content' }}
            pagination={pagination(list.data?.total ?? 0)}
            locale={{ emptyText: t('conflicts.empty') }}
            onRow={(c) => ({ 'data-testid': `conflict-row-${c.id}` }) as HTMLAttributes<HTMLElement>}
            columns={[
              {
                key: 'reason',
                title: t('conflicts.reason'),
                render: (_: unknown, c: Conflict) => (
                  <Flex vertical gap={4} style={{ minWidth: 240, maxWidth: 320 }}>
                    <Flex gap={6} wrap align="center">
                      <ConflictKindTag kind={c.kind} />
                      <Typography.Text type="secondary">{c.region.name}</Typography.Text>
                    </Flex>
                    <span>{c.reason}</span>
                  </Flex>
                ),
              },
              { key: 'who', title: t('conflicts.who'), render: (_: unknown, c: Conflict) => <ConflictWho conflict={c} /> },
              {
                key: 'made',
                title: t('conflicts.madeAt'),
                render: (_: unknown, c: Conflict) => <span data-testid={`conflict-made-${c.id}`}>{minuteOf(c.madeAt)}</span>,
              },
              {
                key: 'received',
                title: t('conflicts.receivedAt'),
                render: (_: unknown, c: Conflict) => (
                  <Flex vertical>
                    <span data-testid={`conflict-received-${c.id}`}>{minuteOf(c.receivedAt)}</span>
                    <Typography.Text type="secondary">{lateness(c)}</Typography.Text>
                  </Flex>
                ),
              },
              {
                key: 'status',
                title: t('conflicts.status'),
                render: (_: unknown, c: Conflict) => <ConflictState conflict={c} />,
              },
              { key: 'actions', title: '', fixed: 'right', render: (_: unknown, c: Conflict) => actions(c) },
            ]}
          />
        )}
      </Card>
      <ConflictDrawer conflict={shown} onClose={() => setOpened(null)} onResolve={setResolving} />
      {resolving ? (
        <ResolveConflictModal
          conflict={resolving}
          onClose={() => setResolving(null)}
          onResolved={(c) => setOpened((o) => (o?.id === c.id ? c : o))}
        />
      ) : null}
    </>
  );
}
