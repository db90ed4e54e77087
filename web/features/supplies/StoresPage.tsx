import { EditOutlined, PlusOutlined, WarningOutlined } from '@ant-design/icons';
import { Badge, Button, Card, Empty, Flex, List, Space, Table, Tag, Typography } from 'antd';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { Link } from 'react-router';
import { REGION_LEVEL_LABELS } from '../../../common/labels.ts';
import { can, useMe } from '../../app/session.ts';
import { useLanguage } from '../../app/useLanguage.ts';
import { PageHeader } from '../../components/PageHeader.tsx';
import { QueryError } from '../../components/QueryError.tsx';
import { RowAction } from '../../components/RowAction.tsx';
import { useFilterWidth } from '../../components/filterWidth.ts';
import { textParam, useUrlPagedFilter } from '../../components/useUrlFilter.ts';
import { RegionTreeSelect } from '../regions/RegionTreeSelect.tsx';
import { StoreFormModal } from './StoreFormModal.tsx';
import { itemName, itemUnit, useLowStock, useStores, useSuppliesLive, type Store } from './supplies.api.ts';

/** Items below their threshold across the stores in scope, each a link to its store. */
function LowStockCard() {
  const { t } = useTranslation();
  const language = useLanguage();
  const low = useLowStock();
  const items = low.data?.items ?? [];
  return (
    <Card
      size="small"
      title={
        <Space>
          <WarningOutlined style={{ color: items.length ? '#d4380d' : undefined }} />
          {t('supplies.low.title')}
          {items.length ? <Badge count={low.data?.total} /> : null}
        </Space>
      }
      style={{ marginBottom: 16 }}
      data-testid="low-stock"
    >
      {low.isError ? <QueryError error={low.error} onRetry={() => void low.refetch()} /> : null}
      {low.isSuccess && items.length === 0 ? <Typography.Text type="secondary">{t('supplies.low.empty')}</Typography.Text> : null}
      {items.length ? (
        <List
          size="small"
          dataSource={items}
          renderItem={(r) => (
            <List.Item data-testid="low-stock-item">
              <Link to={`/supplies/stores/${r.storeId}`}>{r.storeName}</Link>
              <span>
                <Typography.Text strong>{itemName(r.item, language)}</Typography.Text>{' '}
                <Typography.Text type="danger">
                  {t('supplies.low.left', { quantity: r.quantity, unit: itemUnit(r.item, language), lowAt: r.lowAt })}
                </Typography.Text>
              </span>
            </List.Item>
          )}
        />
      ) : null}
    </Card>
  );
}

/** 物资库存: the stores in the caller's area, low items first, and a new store for managers. */
export function StoresPage() {
  const { t } = useTranslation();
  const language = useLanguage();
  const canManage = can(useMe().data, 'supplies.manage');
  const filterWidth = useFilterWidth();
  const { filter, change, page, pageSize, pagination } = useUrlPagedFilter<{ regionId: string | null }>({ regionId: textParam });
  const regionId = filter.regionId ?? null;
  const stores = useStores({ regionId }, page, pageSize);
  const [editing, setEditing] = useState<Store | 'new' | null>(null);
  useSuppliesLive();

  return (
    <>
      <PageHeader
        title={t('supplies.stores.title')}
        extra={
          canManage ? (
            <Button type="primary" icon={<PlusOutlined />} onClick={() => setEditing('new')} data-testid="store-create">
              {t('supplies.stores.create')}
            </Button>
          ) : null
        }
      />
      <LowStockCard />
      <Card>
        <Flex wrap gap={8} style={{ marginBottom: 16 }}>
          <RegionTreeSelect
            allowClear
            placeholder={t('supplies.stores.filterRegion')}
            value={regionId}
            onChange={change('regionId')}
            testId="stores-filter-region"
            style={filterWidth(260)}
          />
        </Flex>
        {stores.isError ? <QueryError error={stores.error} onRetry={() => void stores.refetch()} /> : null}
        <Table<Store>
          rowKey="id"
          loading={stores.isFetching}
          dataSource={stores.data?.items ?? []}
          locale={{ emptyText: <Empty description={t('supplies.stores.empty')} /> }}
          pagination={pagination(stores.data?.total ?? 0)}
          scroll={{ x: 'max-content' }}
          columns={[
            {
              key: 'name',
              title: t('supplies.stores.name'),
              render: (_: unknown, s: Store) => (
                <Space size={4}>
                  <Link to={`/supplies/stores/${s.id}`} data-testid={`store-open-${s.id}`}>
                    {s.name}
                  </Link>
                  {s.active ? null : <Tag>{t('supplies.stores.closed')}</Tag>}
                </Space>
              ),
            },
            {
              key: 'level',
              title: t('supplies.stores.level'),
              render: (_: unknown, s: Store) => REGION_LEVEL_LABELS[s.regionLevel][language],
            },
            { key: 'region', title: t('supplies.region'), dataIndex: 'regionName' },
            {
              key: 'keeper',
              title: t('supplies.keeper'),
              render: (_: unknown, s: Store) => s.keeper?.name ?? t('supplies.none'),
            },
            {
              key: 'low',
              title: t('supplies.stores.lowItems'),
              render: (_: unknown, s: Store) =>
                s.lowItems ? <Tag color="red">{s.lowItems}</Tag> : <Typography.Text type="secondary">0</Typography.Text>,
            },
            ...(canManage
              ? [
                  {
                    key: 'actions',
                    title: t('supplies.actions'),
                    render: (_: unknown, s: Store) => (
                      <RowAction
                        icon={<EditOutlined />}
                        label={t('common.edit')}
                        onClick={() => setEditing(s)}
                        testId={`store-edit-${s.id}`}
                      />
                    ),
                  },
                ]
              : []),
          ]}
          data-testid="stores-table"
        />
      </Card>
      {editing ? <StoreFormModal store={editing === 'new' ? null : editing} onClose={() => setEditing(null)} /> : null}
    </>
  );
}
