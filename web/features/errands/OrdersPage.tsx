import { PhoneOutlined } from '@ant-design/icons';
import { Button, Card, Checkbox, DatePicker, Empty, Flex, Table, Tag, Typography } from 'antd';
import type { Dayjs } from 'dayjs';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { Link } from 'react-router';
import { ERRAND_STATUSES, type ErrandStatus } from '../../../common/enums.ts';
import { ERRAND_CHANNEL_LABELS, ERRAND_STATUS_LABELS } from '../../../common/labels.ts';
import { formatDateTime } from '../../app/dates.ts';
import { can, useMe } from '../../app/session.ts';
import { useLanguage } from '../../app/useLanguage.ts';
import { PageHeader } from '../../components/PageHeader.tsx';
import { QueryError } from '../../components/QueryError.tsx';
import { SelectFilter } from '../../components/filters.tsx';
import { useFilterWidth } from '../../components/filterWidth.ts';
import { flagParam, textParam, useUrlPagedFilter } from '../../components/useUrlFilter.ts';
import { RegionTreeSelect } from '../regions/RegionTreeSelect.tsx';
import { STATUS_COLOR } from './ErrandOrderParts.tsx';
import { OrderFormModal } from './OrderFormModal.tsx';
import { useOrders, usePosts, type Order, type OrderFilter } from './errands.api.ts';

const day = (d: Dayjs | null) => (d ? d.format('YYYY-MM-DD') : null);

/** 代办订单: every order in the caller's area, by region, status, post, day and overdue. */
export function OrdersPage() {
  const { t } = useTranslation();
  const language = useLanguage();
  const width = useFilterWidth();
  const canOrder = can(useMe().data, 'errands.order');
  const { filter, change, page, pageSize, pagination } = useUrlPagedFilter<OrderFilter>({
    regionId: textParam,
    overdue: flagParam,
  });
  const orders = useOrders(filter, page, pageSize);
  const posts = usePosts(filter.regionId ?? null);
  const [entering, setEntering] = useState(false);

  return (
    <>
      <PageHeader
        title={t('errandOrders.ordersTitle')}
        extra={
          canOrder ? (
            <Button type="primary" icon={<PhoneOutlined />} onClick={() => setEntering(true)} data-testid="errand-order-new">
              {t('errandOrders.newOrder')}
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
            testId="errand-filter-region"
            style={width(220)}
          />
          <SelectFilter<ErrandStatus>
            label={t('errandOrders.filterStatus')}
            value={filter.status}
            onChange={change('status')}
            options={ERRAND_STATUSES.map((s) => ({ value: s, label: ERRAND_STATUS_LABELS[s][language] }))}
            style={width(140)}
            testId="errand-filter-status"
          />
          <SelectFilter<string>
            label={t('errandOrders.filterPost')}
            value={filter.postId}
            onChange={change('postId')}
            options={(posts.data?.items ?? []).map((p) => ({ value: p.id, label: p.name }))}
            style={width(180)}
            testId="errand-filter-post"
          />
          <DatePicker.RangePicker
            onChange={(r) => {
              change('from')(day(r?.[0] ?? null));
              change('to')(day(r?.[1] ?? null));
            }}
            style={width(260)}
          />
          <Checkbox
            checked={Boolean(filter.overdue)}
            onChange={(e) => change('overdue')(e.target.checked || undefined)}
            data-testid="errand-filter-overdue"
          >
            {t('errandOrders.filterOverdue')}
          </Checkbox>
        </Flex>
        {orders.isError ? <QueryError error={orders.error} onRetry={() => void orders.refetch()} /> : null}
        <Table<Order>
          rowKey="id"
          loading={orders.isFetching}
          dataSource={orders.data?.items ?? []}
          locale={{ emptyText: <Empty description={t('errandOrders.noOrders')} /> }}
          pagination={pagination(orders.data?.total ?? 0)}
          scroll={{ x: 'max-content' }}
          columns={[
            {
              key: 'ref',
              title: t('errandOrders.ref'),
              render: (_: unknown, o: Order) => (
                <Link to={`/errands/orders/${o.id}`} data-testid={`errand-order-${o.ref}`}>
                  {o.ref}
                </Link>
              ),
            },
            {
              key: 'status',
              title: t('errandOrders.status'),
              render: (_: unknown, o: Order) => (
                <Flex gap={4} wrap>
                  <Tag color={STATUS_COLOR[o.status]}>{ERRAND_STATUS_LABELS[o.status][language]}</Tag>
                  {o.overdue ? <Tag color="red">{t('errandOrders.overdue')}</Tag> : null}
                  {o.escalationLevel > 0 ? <Tag color="orange">{t('errandOrders.escalated')}</Tag> : null}
                </Flex>
              ),
            },
            { key: 'region', title: t('errandOrders.region'), render: (_: unknown, o: Order) => o.region.name },
            { key: 'post', title: t('errandOrders.filterPost'), render: (_: unknown, o: Order) => o.post?.name ?? '—' },
            {
              key: 'contact',
              title: t('errandOrders.contact'),
              render: (_: unknown, o: Order) => (
                <span>
                  {o.contactName}
                  <br />
                  <Typography.Text type="secondary">{o.address}</Typography.Text>
                </span>
              ),
            },
            {
              key: 'items',
              title: t('errandOrders.goods'),
              render: (_: unknown, o: Order) => o.items.map((i) => i.name).join('、'),
            },
            { key: 'runner', title: t('errandOrders.runnerCol'), render: (_: unknown, o: Order) => o.claimedBy?.name ?? '—' },
            {
              key: 'channel',
              title: t('errandOrders.channel'),
              render: (_: unknown, o: Order) => ERRAND_CHANNEL_LABELS[o.channel][language],
            },
            { key: 'created', title: t('errandOrders.createdAt'), render: (_: unknown, o: Order) => formatDateTime(o.createdAt) },
          ]}
        />
      </Card>
      {entering ? <OrderFormModal onClose={() => setEntering(false)} /> : null}
    </>
  );
}
