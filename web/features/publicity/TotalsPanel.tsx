import { Breadcrumb, Button, Card, Empty, Flex, Table, Typography } from 'antd';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { PUBLICITY_MATERIALS, type PublicityMaterial } from '../../../common/enums.ts';
import { PUBLICITY_MATERIAL_LABELS } from '../../../common/labels.ts';
import { useLanguage } from '../../app/useLanguage.ts';
import { QueryError } from '../../components/QueryError.tsx';
import { MATERIAL_HEX } from './MaterialTag.tsx';
import { PeriodPicker, presetValue, type PeriodValue } from './PeriodPicker.tsx';
import { usePublicityTotals, type TotalsRow } from './publicity.api.ts';

interface Crumb {
  id: string | null;
  name: string;
}

/** A quantity with its number of entries beneath, as the report counts them: "120 张 · 6 次". */
function Sum({ quantity, entries, unit }: { quantity: number; entries: number; unit: string }) {
  const { t } = useTranslation();
  if (!entries) return <Typography.Text type="secondary">—</Typography.Text>;
  return (
    <Flex vertical align="end" style={{ lineHeight: 1.2 }}>
      <span style={{ fontSize: 16, fontWeight: 600, whiteSpace: 'nowrap' }}>
        {quantity.toLocaleString()} <span style={{ fontSize: 12, fontWeight: 400 }}>{unit}</span>
      </span>
      <Typography.Text type="secondary" style={{ fontSize: 12, whiteSpace: 'nowrap' }}>
        {t('publicity.entries', { count: entries })}
      </Typography.Text>
    </Flex>
  );
}

/**
 * 区域统计: for the region shown, one row per region below it with what was put up or handed out,
 * per material, over a period. A row with regions below it opens them; the trail leads back.
 */
export function TotalsPanel() {
  const { t } = useTranslation();
  const language = useLanguage();
  const [period, setPeriod] = useState<PeriodValue>(() => presetValue('all'));
  const [trail, setTrail] = useState<Crumb[]>([]);
  const current = trail.at(-1)?.id ?? null;
  const totals = usePublicityTotals({ regionId: current, from: period.from, to: period.to });
  const data = totals.data;
  const open = (row: TotalsRow) => {
    // The first answer names the caller's area; it becomes the trail's start.
    const base = trail.length || !data?.region ? trail : [{ id: data.region.id, name: data.region.name }];
    setTrail([...base, { id: row.regionId, name: row.regionName }]);
  };
  const crumbs: Crumb[] = trail.length ? trail : data?.region ? [{ id: data.region.id, name: data.region.name }] : [];
  const unit = (m: PublicityMaterial) => t(`publicity.unit.${m}`);

  return (
    <Flex vertical gap={16}>
      <Flex wrap gap={12} justify="space-between" align="center">
        <PeriodPicker value={period} onChange={setPeriod} testId="publicity-totals-period" />
        <Breadcrumb
          items={[
            ...(data?.region === null && !trail.length ? [{ key: 'mine', title: t('publicity.totalsMyAreas') }] : []),
            ...crumbs.map((c, i) => ({
              key: c.id ?? 'root',
              title:
                i < crumbs.length - 1 ? (
                  <a onClick={() => setTrail(crumbs.slice(0, i + 1))} data-testid={`publicity-crumb-${i}`}>
                    {c.name}
                  </a>
                ) : (
                  c.name
                ),
            })),
          ]}
          data-testid="publicity-totals-trail"
        />
      </Flex>
      {totals.isError ? <QueryError error={totals.error} onRetry={() => void totals.refetch()} /> : null}
      {data ? (
        <Flex wrap gap={12} data-testid="publicity-totals-summary">
          {PUBLICITY_MATERIALS.map((m) => (
            <Card
              key={m}
              size="small"
              style={{ minWidth: 150, flex: '1 1 150px', borderTop: `3px solid ${MATERIAL_HEX[m]}` }}
              data-testid={`publicity-total-${m}`}
            >
              <Typography.Text type="secondary">{PUBLICITY_MATERIAL_LABELS[m][language]}</Typography.Text>
              <div style={{ fontSize: 24, fontWeight: 600 }}>
                {data.totals.materials[m].quantity.toLocaleString()}{' '}
                <span style={{ fontSize: 13, fontWeight: 400 }}>{unit(m)}</span>
              </div>
              <Typography.Text type="secondary" style={{ fontSize: 12 }}>
                {t('publicity.entries', { count: data.totals.materials[m].entries })}
              </Typography.Text>
            </Card>
          ))}
        </Flex>
      ) : null}
      <Table<TotalsRow>
        rowKey={(r) => `${r.regionId}${r.self ? '-self' : ''}`}
        size="small"
        loading={totals.isFetching}
        dataSource={data?.items ?? []}
        pagination={false}
        scroll={{ x: 'max-content' }}
        locale={{ emptyText: <Empty description={t('publicity.totalsEmpty')} /> }}
        onRow={(r) => ({ 'data-testid': `publicity-totals-row-${r.regionId}${r.self ? '-self' : ''}` }) as object}
        columns={[
          {
            key: 'region',
            title: t('publicity.totalsRegion'),
            fixed: 'left' as const,
            render: (_: unknown, r: TotalsRow) =>
              r.self ? (
                <Typography.Text type="secondary">{t('publicity.totalsSelf', { name: r.regionName })}</Typography.Text>
              ) : r.hasChildren ? (
                <Button type="link" style={{ padding: 0 }} onClick={() => open(r)} data-testid={`publicity-open-${r.regionId}`}>
                  {r.regionName}
                </Button>
              ) : (
                r.regionName
              ),
          },
          ...PUBLICITY_MATERIALS.map((m) => ({
            key: m,
            title: PUBLICITY_MATERIAL_LABELS[m][language],
            align: 'right' as const,
            sorter: (a: TotalsRow, b: TotalsRow) => a.materials[m].quantity - b.materials[m].quantity,
            render: (_: unknown, r: TotalsRow) => (
              <Sum quantity={r.materials[m].quantity} entries={r.materials[m].entries} unit={unit(m)} />
            ),
          })),
          {
            key: 'entries',
            title: t('publicity.totalsEntries'),
            align: 'right' as const,
            sorter: (a: TotalsRow, b: TotalsRow) => a.entries - b.entries,
            render: (_: unknown, r: TotalsRow) => <strong>{r.entries}</strong>,
          },
        ]}
        data-testid="publicity-totals-table"
      />
      <Typography.Text type="secondary">{t('publicity.totalsHint')}</Typography.Text>
    </Flex>
  );
}
