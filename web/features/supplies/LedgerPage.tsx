import { PrinterOutlined } from '@ant-design/icons';
import { Alert, Button, DatePicker, Empty, Flex, Select, Table, Typography } from 'antd';
import type { Dayjs } from 'dayjs';
import { useMemo, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { ALLOCATION_TARGET_LABELS } from '../../../common/labels.ts';
import { formatDateTime } from '../../app/dates.ts';
import { useLanguage } from '../../app/useLanguage.ts';
import { QueryError } from '../../components/QueryError.tsx';
import { useRegionTree, type RegionNode } from '../regions/regions.api.ts';
import { itemName, itemUnit, useLedger, type Item, type Ledger } from './supplies.api.ts';

/** Only the ledger prints, on A4, without the menus and the controls. */
const PRINT_CSS = `
@page { size: A4; margin: 14mm; }
.supplies-ledger { background: #fff; padding: 16px 20px; }
.supplies-ledger h1 { text-align: center; font-size: 22px; letter-spacing: 2px; margin: 0 0 4px; }
.supplies-ledger h2 { font-size: 16px; margin: 20px 0 8px; }
.supplies-ledger .meta { text-align: center; color: #555; margin-bottom: 8px; }
@media print {
  body * { visibility: hidden; }
  .supplies-ledger, .supplies-ledger * { visibility: visible; }
  .supplies-ledger { position: absolute; left: 0; top: 0; width: 100%; padding: 0; }
  .no-print { display: none !important; }
}`;

type LedgerLine = Ledger['donations'][number]['lines'][number];

function flatten(nodes: RegionNode[]): RegionNode[] {
  return nodes.flatMap((n) => [n, ...flatten(n.children)]);
}

/** The printed sheet: in, out, across, totals; nothing personal (the server sends nothing personal). */
function LedgerSheet({ ledger }: { ledger: Ledger }) {
  const { t } = useTranslation();
  const language = useLanguage();
  const items = new Map<string, Item>(ledger.items.map((i) => [i.id, i]));
  const lineText = (lines: LedgerLine[]) =>
    lines
      .map((l) => {
        const item = items.get(l.itemId);
        return item ? `${itemName(item, language)} ${l.quantity} ${itemUnit(item, language)}` : '';
      })
      .join(language === 'en' ? ', ' : '、');
  const small = { size: 'small' as const, pagination: false as const, bordered: true };
  return (
    <div className="supplies-ledger" data-testid="ledger-sheet">
      <h1>{t('supplies.ledger.heading', { region: ledger.region.name })}</h1>
      <div className="meta">
        {ledger.from || ledger.to
          ? t('supplies.ledger.period', {
              from: ledger.from ?? '—',
              to: ledger.to ?? formatDateTime(ledger.generatedAt).slice(0, 10),
            })
          : t('supplies.ledger.periodAll', { to: formatDateTime(ledger.generatedAt).slice(0, 10) })}
        {' · '}
        {t('supplies.ledger.generatedAt', { at: formatDateTime(ledger.generatedAt) })}
      </div>
      {ledger.truncated ? <Alert type="warning" title={t('supplies.ledger.truncated')} /> : null}
      <h2>{t('supplies.ledger.inTitle')}</h2>
      <Table
        {...small}
        rowKey="ref"
        dataSource={ledger.donations}
        columns={[
          { key: 'on', title: t('supplies.date'), dataIndex: 'on', width: 110 },
          {
            key: 'donor',
            title: t('supplies.ledger.donor'),
            render: (_: unknown, d: Ledger['donations'][number]) =>
              d.donor.name ?? (d.donor.kind === 'person' ? t('supplies.ledger.person') : t('supplies.ledger.anonymousUnit')),
          },
          { key: 'lines', title: t('supplies.lines'), render: (_: unknown, d: Ledger['donations'][number]) => lineText(d.lines) },
          { key: 'store', title: t('supplies.store'), dataIndex: 'storeName' },
          { key: 'ref', title: t('supplies.ref'), dataIndex: 'ref', width: 150 },
        ]}
      />
      <h2>{t('supplies.ledger.outTitle')}</h2>
      <Table
        {...small}
        rowKey="ref"
        dataSource={ledger.allocations}
        columns={[
          { key: 'on', title: t('supplies.date'), dataIndex: 'on', width: 110 },
          {
            key: 'to',
            title: t('supplies.ledger.receiver'),
            render: (_: unknown, a: Ledger['allocations'][number]) =>
              a.toKind === 'household'
                ? t('supplies.ledger.household', { community: a.toName })
                : `${ALLOCATION_TARGET_LABELS[a.toKind][language]} · ${a.toName}`,
          },
          {
            key: 'lines',
            title: t('supplies.lines'),
            render: (_: unknown, a: Ledger['allocations'][number]) => lineText(a.lines),
          },
          {
            key: 'signed',
            title: t('supplies.allocations.status'),
            width: 90,
            render: (_: unknown, a: Ledger['allocations'][number]) =>
              a.confirmed ? t('supplies.ledger.signed') : t('supplies.ledger.notSigned'),
          },
          { key: 'ref', title: t('supplies.ref'), dataIndex: 'ref', width: 150 },
        ]}
      />
      {ledger.transfers.length ? (
        <>
          <h2>{t('supplies.ledger.transfersTitle')}</h2>
          <Table
            {...small}
            rowKey="ref"
            dataSource={ledger.transfers}
            columns={[
              { key: 'on', title: t('supplies.date'), dataIndex: 'on', width: 110 },
              {
                key: 'direction',
                title: t('supplies.ledger.direction'),
                width: 70,
                render: (_: unknown, x: Ledger['transfers'][number]) =>
                  x.direction === 'in' ? t('supplies.ledger.in') : t('supplies.ledger.out'),
              },
              { key: 'from', title: t('supplies.transfers.fromStore'), dataIndex: 'fromStore' },
              { key: 'to', title: t('supplies.transfers.toStore'), dataIndex: 'toStore' },
              {
                key: 'lines',
                title: t('supplies.lines'),
                render: (_: unknown, x: Ledger['transfers'][number]) => lineText(x.lines),
              },
            ]}
          />
        </>
      ) : null}
      <h2>{t('supplies.ledger.totalsTitle')}</h2>
      <Table
        {...small}
        rowKey="itemId"
        dataSource={ledger.totals}
        columns={[
          {
            key: 'item',
            title: t('supplies.item'),
            render: (_: unknown, x: Ledger['totals'][number]) => {
              const item = items.get(x.itemId);
              return item ? `${itemName(item, language)}（${itemUnit(item, language)}）` : x.itemId;
            },
          },
          { key: 'donated', title: t('supplies.ledger.donated'), dataIndex: 'donated', align: 'right' as const },
          { key: 'in', title: t('supplies.ledger.transferredIn'), dataIndex: 'transferredIn', align: 'right' as const },
          { key: 'allocated', title: t('supplies.ledger.allocated'), dataIndex: 'allocated', align: 'right' as const },
          { key: 'out', title: t('supplies.ledger.transferredOut'), dataIndex: 'transferredOut', align: 'right' as const },
          { key: 'stock', title: t('supplies.ledger.inStock'), dataIndex: 'inStock', align: 'right' as const },
        ]}
      />
      <Typography.Paragraph type="secondary" style={{ marginTop: 16 }}>
        {t('supplies.ledger.footer')}
      </Typography.Paragraph>
    </div>
  );
}

/** 捐赠物资公示: the public ledger of a county (or the city), for a period, ready to print and post. */
export function LedgerPage() {
  const { t } = useTranslation();
  const tree = useRegionTree();
  const choices = useMemo(
    () => flatten(tree.data ?? []).filter((r) => (r.level === 'county' || r.level === 'city') && r.code),
    [tree.data],
  );
  const [picked, setPicked] = useState<string | null>(null);
  const code = picked ?? choices.find((r) => r.level === 'county')?.code ?? choices[0]?.code ?? null;
  const [range, setRange] = useState<[Dayjs | null, Dayjs | null] | null>(null);
  const ledger = useLedger(code, range?.[0]?.format('YYYY-MM-DD') ?? null, range?.[1]?.format('YYYY-MM-DD') ?? null);
  return (
    <>
      <style>{PRINT_CSS}</style>
      <Flex className="no-print" wrap gap={8} justify="space-between" style={{ marginBottom: 16 }}>
        <Flex wrap gap={8}>
          <Select<string>
            showSearch={{ optionFilterProp: 'label' }}
            value={code ?? undefined}
            onChange={setPicked}
            placeholder={t('supplies.ledger.pickRegion')}
            aria-label={t('supplies.ledger.pickRegion')}
            options={choices.map((r) => ({ value: r.code!, label: `${r.name}（${r.code}）` }))}
            style={{ minWidth: 220 }}
            data-testid="ledger-region"
          />
          <DatePicker.RangePicker
            value={range}
            onChange={setRange}
            placeholder={[t('supplies.from'), t('supplies.to')]}
            data-testid="ledger-dates"
          />
        </Flex>
        <Button
          type="primary"
          icon={<PrinterOutlined />}
          onClick={() => window.print()}
          disabled={!ledger.data}
          data-testid="ledger-print"
        >
          {t('supplies.ledger.print')}
        </Button>
      </Flex>
      {ledger.isError ? <QueryError error={ledger.error} onRetry={() => void ledger.refetch()} /> : null}
      {!code && tree.isSuccess ? <Empty description={t('supplies.ledger.notCounty')} /> : null}
      {ledger.data ? <LedgerSheet ledger={ledger.data} /> : null}
    </>
  );
}
