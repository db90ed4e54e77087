import { EditOutlined, PlusOutlined } from '@ant-design/icons';
import type { UseQueryResult } from '@tanstack/react-query';
import { Button, Card, Empty, Flex, Table } from 'antd';
import type { ColumnsType } from 'antd/es/table';
import { useState, type ReactNode } from 'react';
import { useTranslation } from 'react-i18next';
import { can, useMe } from '../../app/session.ts';
import { PageHeader } from '../../components/PageHeader.tsx';
import { QueryError } from '../../components/QueryError.tsx';
import { RowAction } from '../../components/RowAction.tsx';
import { usePagedFilter } from '../../components/filters.tsx';
import { useFilterWidth } from '../../components/filterWidth.ts';
import { RegionTreeSelect } from '../regions/RegionTreeSelect.tsx';

/**
 * The errand service's set-up lists (posts, shops): filtered by region, paged, and for those who
 * may manage them a new button and an edit action opening the item's form.
 */
export function RegionItemsPage<T extends { id: string }>(props: {
  title: string;
  newLabel: string;
  empty: string;
  /** `errand-post` → errand-post-new, errand-posts, errand-posts-region, errand-post-edit-<id>. */
  testId: string;
  useItems: (regionId: string | null, page: number, pageSize: number) => UseQueryResult<{ items: T[]; total: number }>;
  columns: ColumnsType<T>;
  /** The form for a new item (null) or a change to one. */
  form: (item: T | null, onClose: () => void) => ReactNode;
}) {
  const { t } = useTranslation();
  const width = useFilterWidth();
  const canManage = can(useMe().data, 'errands.manage');
  const { filter, change, page, pageSize, pagination } = usePagedFilter<{ regionId?: string | null }>();
  const items = props.useItems(filter.regionId ?? null, page, pageSize);
  const [editing, setEditing] = useState<T | 'new' | null>(null);
  const edit: ColumnsType<T> = canManage
    ? [
        {
          key: 'actions',
          title: t('common.actions'),
          render: (_: unknown, item: T) => (
            <RowAction
              icon={<EditOutlined />}
              label={t('common.edit')}
              onClick={() => setEditing(item)}
              testId={`${props.testId}-edit-${item.id}`}
            />
          ),
        },
      ]
    : [];

  return (
    <>
      <PageHeader
        title={props.title}
        extra={
          canManage ? (
            <Button type="primary" icon={<PlusOutlined />} onClick={() => setEditing('new')} data-testid={`${props.testId}-new`}>
              {props.newLabel}
            </Button>
          ) : null
        }
      />
      <Card>
        <Flex wrap gap={8} style={{ marginBottom: 16 }}>
          <RegionTreeSelect
            allowClear
            placeholder={t('errandOrders.filterRegion')}
            value={filter.regionId ?? null}
            onChange={change('regionId')}
            testId={`${props.testId}s-region`}
            style={width(240)}
          />
        </Flex>
        {items.isError ? <QueryError error={items.error} onRetry={() => void items.refetch()} /> : null}
        <Table<T>
          rowKey="id"
          loading={items.isFetching}
          dataSource={items.data?.items ?? []}
          locale={{ emptyText: <Empty description={props.empty} /> }}
          pagination={pagination(items.data?.total ?? 0)}
          scroll={{ x: 'max-content' }}
          data-testid={`${props.testId}s`}
          columns={[...props.columns, ...edit]}
        />
      </Card>
      {editing ? props.form(editing === 'new' ? null : editing, () => setEditing(null)) : null}
    </>
  );
}
