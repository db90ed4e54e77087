import { Button, Card, Flex, Segmented, Statistic, Table, Typography } from 'antd';
import dayjs from 'dayjs';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { QueryError } from '../../components/QueryError.tsx';
import { useTotals, type Totals, type TotalsFilter } from './disinfection.api.ts';
import { squareMetres } from './DisinfectionTags.tsx';
import { platformToday } from './disinfectionTime.ts';

type Preset = 'today' | 'days7' | 'month' | 'all';
const PRESETS: Preset[] = ['today', 'days7', 'month', 'all'];

/** The period a preset stands for, in the platform's calendar. */
function periodOf(preset: Preset): Omit<TotalsFilter, 'regionId'> {
  const today = platformToday().format('YYYY-MM-DD');
  switch (preset) {
    case 'today':
      return { from: today, to: today };
    case 'days7':
      return { from: dayjs(today).subtract(6, 'day').format('YYYY-MM-DD'), to: today };
    case 'month':
      return { from: `${today.slice(0, 8)}01`, to: today };
    case 'all':
      return { all: true };
  }
}

type Child = Totals['children'][number];

/**
 * 消杀总量: operations, m² and people under a region for a period, per child region. "All time"
 * first, so the report's "50 times, 3,000,000 m²" is what the page opens on; a child row drills down.
 */
export function TotalsCard({ regionId, onRegion }: { regionId: string | null; onRegion: (id: string | null) => void }) {
  const { t } = useTranslation();
  const [preset, setPreset] = useState<Preset>('all');
  const totals = useTotals({ regionId, ...periodOf(preset) });
  const data = totals.data;
  const period = data?.from
    ? t('disinfection.totals.periodRange', { from: data.from, to: data.to })
    : t('disinfection.totals.periodAll');
  return (
    <Card
      title={t('disinfection.totals.title')}
      style={{ marginBottom: 16 }}
      extra={
        <Segmented<Preset>
          value={preset}
          onChange={setPreset}
          options={PRESETS.map((p) => ({
            value: p,
            label: <span data-testid={`totals-preset-${p}`}>{t(`disinfection.totals.${p}`)}</span>,
          }))}
        />
      }
    >
      {totals.isError ? <QueryError error={totals.error} onRetry={() => void totals.refetch()} /> : null}
      {data ? (
        <>
          <Typography.Paragraph strong style={{ fontSize: 16 }} data-testid="totals-headline">
            {t('disinfection.totals.headline', {
              region: data.region.name,
              period,
              operations: data.total.operations.toLocaleString('en-US'),
              area: squareMetres(data.total.areaM2),
            })}
          </Typography.Paragraph>
          <Flex gap={32} wrap style={{ marginBottom: 12 }}>
            <Statistic
              title={t('disinfection.totals.operations')}
              value={data.total.operations}
              data-testid="totals-operations"
            />
            <Statistic title={t('disinfection.totals.area')} value={Math.round(data.total.areaM2)} data-testid="totals-area" />
            <Statistic title={t('disinfection.totals.people')} value={data.total.people} />
          </Flex>
          {data.homes.operations ? (
            <Typography.Paragraph type="secondary">
              {t('disinfection.totals.homes', { count: data.homes.operations, area: squareMetres(data.homes.areaM2) })}
            </Typography.Paragraph>
          ) : null}
          <Table<Child>
            rowKey="regionId"
            size="small"
            pagination={false}
            loading={totals.isFetching}
            dataSource={data.children.filter((c) => c.operations > 0 || data.children.length <= 12)}
            scroll={{ x: 'max-content' }}
            columns={[
              {
                key: 'name',
                title: t('disinfection.totals.child'),
                render: (_: unknown, c: Child) => (
                  <Button
                    type="link"
                    size="small"
                    style={{ padding: 0 }}
                    onClick={() => onRegion(c.regionId)}
                    data-testid={`totals-child-${c.name}`}
                  >
                    {c.name}
                  </Button>
                ),
              },
              {
                key: 'ops',
                title: t('disinfection.totals.operations'),
                align: 'right',
                render: (_: unknown, c: Child) => c.operations,
              },
              {
                key: 'area',
                title: t('disinfection.totals.area'),
                align: 'right',
                render: (_: unknown, c: Child) => squareMetres(c.areaM2),
              },
              {
                key: 'people',
                title: t('disinfection.totals.people'),
                align: 'right',
                render: (_: unknown, c: Child) => c.people,
              },
            ]}
            summary={() =>
              data.direct.operations ? (
                <Table.Summary.Row>
                  <Table.Summary.Cell index={0}>{t('disinfection.totals.direct')}</Table.Summary.Cell>
                  <Table.Summary.Cell index={1} align="right">
                    {data.direct.operations}
                  </Table.Summary.Cell>
                  <Table.Summary.Cell index={2} align="right">
                    {squareMetres(data.direct.areaM2)}
                  </Table.Summary.Cell>
                  <Table.Summary.Cell index={3} align="right">
                    {data.direct.people}
                  </Table.Summary.Cell>
                </Table.Summary.Row>
              ) : null
            }
          />
        </>
      ) : null}
    </Card>
  );
}
