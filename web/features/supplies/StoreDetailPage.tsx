import {
  ArrowLeftOutlined,
  HistoryOutlined,
  ImportOutlined,
  SendOutlined,
  SettingOutlined,
  SwapOutlined,
} from '@ant-design/icons';
import { Button, Card, Descriptions, Table, Tag, Typography } from 'antd';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { Link, useParams } from 'react-router';
import { REGION_LEVEL_LABELS, SUPPLY_CATEGORY_LABELS } from '../../../common/labels.ts';
import { formatDateTime } from '../../app/dates.ts';
import { can, useMe } from '../../app/session.ts';
import { useLanguage } from '../../app/useLanguage.ts';
import { PageHeader } from '../../components/PageHeader.tsx';
import { QueryError } from '../../components/QueryError.tsx';
import { RowAction } from '../../components/RowAction.tsx';
import { AllocationFormModal } from './AllocationFormModal.tsx';
import { DonationFormModal } from './DonationFormModal.tsx';
import { MovementsDrawer, ThresholdsModal } from './StockDialogs.tsx';
import { TransferFormModal } from './TransferFormModal.tsx';
import { itemName, itemUnit, useStore, useSuppliesLive, type StockRow } from './supplies.api.ts';

type Dialog = 'donate' | 'send' | 'transfer' | 'thresholds' | null;

/** One store: every item's stock, threshold and low flag; receive, send out, transfer; the history of an item. */
export function StoreDetailPage() {
  const { id = '' } = useParams();
  const { t } = useTranslation();
  const language = useLanguage();
  const me = useMe().data;
  const store = useStore(id);
  const [dialog, setDialog] = useState<Dialog>(null);
  const [history, setHistory] = useState<StockRow | null>(null);
  useSuppliesLive();
  const s = store.data;
  const moves = can(me, 'supplies.move') && s?.active;

  return (
    <>
      <Link to="/supplies/stores">
        <Button type="link" icon={<ArrowLeftOutlined />} style={{ paddingLeft: 0 }} data-testid="store-back">
          {t('supplies.stock.back')}
        </Button>
      </Link>
      <PageHeader
        title={s?.name ?? ''}
        extra={
          s ? (
            <>
              {moves ? (
                <>
                  <Button
                    type="primary"
                    icon={<ImportOutlined />}
                    onClick={() => setDialog('donate')}
                    data-testid="store-receive"
                  >
                    {t('supplies.stock.receive')}
                  </Button>
                  <Button icon={<SendOutlined />} onClick={() => setDialog('send')} data-testid="store-send">
                    {t('supplies.stock.send')}
                  </Button>
                  <Button icon={<SwapOutlined />} onClick={() => setDialog('transfer')} data-testid="store-transfer">
                    {t('supplies.stock.transfer')}
                  </Button>
                </>
              ) : null}
              {can(me, 'supplies.manage') ? (
                <Button icon={<SettingOutlined />} onClick={() => setDialog('thresholds')} data-testid="store-thresholds">
                  {t('supplies.stock.thresholds')}
                </Button>
              ) : null}
            </>
          ) : null
        }
      />
      {store.isError ? <QueryError error={store.error} onRetry={() => void store.refetch()} /> : null}
      {s ? (
        <>
          <Card size="small" style={{ marginBottom: 16 }}>
            <Descriptions size="small" column={{ xs: 1, sm: 2, md: 4 }}>
              <Descriptions.Item label={t('supplies.region')}>
                {s.regionName} · {REGION_LEVEL_LABELS[s.regionLevel][language]}
              </Descriptions.Item>
              <Descriptions.Item label={t('supplies.keeper')}>{s.keeper?.name ?? t('supplies.none')}</Descriptions.Item>
              <Descriptions.Item label={t('supplies.stores.address')}>{s.address ?? t('supplies.none')}</Descriptions.Item>
              <Descriptions.Item label={t('supplies.stores.lowItems')}>
                {s.lowItems ? <Tag color="red">{s.lowItems}</Tag> : 0}
              </Descriptions.Item>
            </Descriptions>
          </Card>
          <Card>
            <Table<StockRow>
              rowKey={(r) => r.item.id}
              dataSource={s.stock}
              pagination={false}
              size="middle"
              scroll={{ x: 'max-content' }}
              onRow={(r) => ({ style: r.low ? { background: '#fff1f0' } : {} })}
              columns={[
                {
                  key: 'item',
                  title: t('supplies.item'),
                  render: (_: unknown, r: StockRow) => (
                    <Typography.Text strong={r.low}>{itemName(r.item, language)}</Typography.Text>
                  ),
                },
                {
                  key: 'category',
                  title: t('supplies.category'),
                  render: (_: unknown, r: StockRow) => SUPPLY_CATEGORY_LABELS[r.item.category][language],
                },
                {
                  key: 'quantity',
                  title: t('supplies.quantity'),
                  align: 'right' as const,
                  render: (_: unknown, r: StockRow) => (
                    <span data-testid={`stock-${r.item.code}`}>
                      <Typography.Text strong type={r.low ? 'danger' : undefined}>
                        {r.quantity.toLocaleString()}
                      </Typography.Text>{' '}
                      {itemUnit(r.item, language)}
                    </span>
                  ),
                },
                {
                  key: 'lowAt',
                  title: t('supplies.threshold'),
                  align: 'right' as const,
                  render: (_: unknown, r: StockRow) => (r.lowAt === null ? t('supplies.none') : r.lowAt.toLocaleString()),
                },
                {
                  key: 'flag',
                  title: '',
                  render: (_: unknown, r: StockRow) =>
                    r.low ? (
                      <Tag color="red" data-testid={`low-${r.item.code}`}>
                        {t('supplies.lowFlag')}
                      </Tag>
                    ) : null,
                },
                {
                  key: 'updatedAt',
                  title: t('supplies.stock.updatedAt'),
                  render: (_: unknown, r: StockRow) => (r.updatedAt ? formatDateTime(r.updatedAt) : t('supplies.none')),
                },
                {
                  key: 'actions',
                  title: t('supplies.actions'),
                  render: (_: unknown, r: StockRow) => (
                    <RowAction
                      icon={<HistoryOutlined />}
                      label={t('supplies.stock.history')}
                      onClick={() => setHistory(r)}
                      testId={`history-${r.item.code}`}
                    />
                  ),
                },
              ]}
              data-testid="stock-table"
            />
          </Card>
          {dialog === 'donate' ? <DonationFormModal storeId={s.id} onClose={() => setDialog(null)} /> : null}
          {dialog === 'send' ? <AllocationFormModal storeId={s.id} onClose={() => setDialog(null)} /> : null}
          {dialog === 'transfer' ? <TransferFormModal fromStoreId={s.id} onClose={() => setDialog(null)} /> : null}
          {dialog === 'thresholds' ? <ThresholdsModal store={s} onClose={() => setDialog(null)} /> : null}
          {history ? <MovementsDrawer storeId={s.id} row={history} onClose={() => setHistory(null)} /> : null}
        </>
      ) : null}
    </>
  );
}
