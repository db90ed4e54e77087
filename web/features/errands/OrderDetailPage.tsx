import { Button, Card, Descriptions, Flex, Skeleton, Table, Tag, Typography } from 'antd';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { Link, useParams } from 'react-router';
import { ERRAND_CHANNEL_LABELS, ERRAND_PAYMENT_LABELS, ERRAND_STATUS_LABELS } from '../../../common/labels.ts';
import { formatDateTime } from '../../app/dates.ts';
import { useReportError } from '../../app/errors.ts';
import { can, useMe } from '../../app/session.ts';
import { useLanguage } from '../../app/useLanguage.ts';
import { PageHeader } from '../../components/PageHeader.tsx';
import { QueryError } from '../../components/QueryError.tsx';
import { OrderSteps, STATUS_COLOR, yuanText } from './ErrandOrderParts.tsx';
import { useOrder, useRevealOrder, type OrderDetail } from './errands.api.ts';

/** One order for the staff: who, where, what, its deadlines, and every step with who took it. */
export function OrderDetailPage() {
  const { t } = useTranslation();
  const language = useLanguage();
  const { id = '' } = useParams();
  const order = useOrder(id);
  const reveal = useRevealOrder();
  const report = useReportError();
  const canReveal = can(useMe().data, 'pii.reveal');
  const [mobile, setMobile] = useState<string | null>(null);

  if (order.isError) return <QueryError error={order.error} onRetry={() => void order.refetch()} />;
  if (!order.data) return <Skeleton active />;
  const o = order.data;
  const show = async () => {
    try {
      setMobile((await reveal.mutateAsync(id)).contactMobile);
    } catch (e) {
      report(e);
    }
  };
  return (
    <>
      <PageHeader
        title={
          <Flex gap={8} align="center">
            {t('errandOrders.detail')} {o.ref}
            <Tag color={STATUS_COLOR[o.status]} data-testid="errand-detail-status">
              {ERRAND_STATUS_LABELS[o.status][language]}
            </Tag>
            {o.overdue ? <Tag color="red">{t('errandOrders.overdue')}</Tag> : null}
            {o.escalationLevel > 0 ? <Tag color="orange">{t('errandOrders.escalated')}</Tag> : null}
          </Flex>
        }
      />
      <Flex gap={16} wrap align="start">
        <Card style={{ flex: '2 1 420px' }}>
          <Descriptions column={1} size="small" bordered>
            <Descriptions.Item label={t('errandOrders.region')}>{o.region.name}</Descriptions.Item>
            <Descriptions.Item label={t('errandOrders.filterPost')}>{o.post?.name ?? '—'}</Descriptions.Item>
            <Descriptions.Item label={t('errandOrders.contact')}>
              {o.contactName} {mobile ?? o.contactMobile ?? ''}
              {o.contactMobile && !mobile && canReveal ? (
                <Button type="link" size="small" onClick={() => void show()} data-testid="errand-reveal">
                  {t('errandOrders.reveal')}
                </Button>
              ) : null}
            </Descriptions.Item>
            <Descriptions.Item label={t('errandOrders.shopAddress')}>{o.address}</Descriptions.Item>
            {o.note ? <Descriptions.Item label={t('errandOrders.note')}>{o.note}</Descriptions.Item> : null}
            <Descriptions.Item label={t('errandOrders.paymentPreferred')}>
              {ERRAND_PAYMENT_LABELS[o.payment][language]}
            </Descriptions.Item>
            <Descriptions.Item label={t('errandOrders.channel')}>{ERRAND_CHANNEL_LABELS[o.channel][language]}</Descriptions.Item>
            <Descriptions.Item label={t('errandOrders.runnerCol')}>{o.claimedBy?.name ?? '—'}</Descriptions.Item>
            <Descriptions.Item label={t('errandOrders.status')}>
              {t('errandOrders.claimBy', { time: formatDateTime(o.claimBy) })}；
              {t('errandOrders.deliverBy', { time: formatDateTime(o.deliverBy) })}
            </Descriptions.Item>
            {o.amountDueFen !== null ? (
              <Descriptions.Item label={t('errandOrders.due')}>
                {t('errandOrders.amountDue', { amount: yuanText(o.amountDueFen) })}
              </Descriptions.Item>
            ) : null}
            <Descriptions.Item label={t('errandOrders.paidCol')}>
              <span data-testid="errand-detail-paid">
                {o.paidMethod && o.paidFen > 0
                  ? t('errandOrders.paidAs', {
                      amount: yuanText(o.paidFen),
                      method: ERRAND_PAYMENT_LABELS[o.paidMethod][language],
                    })
                  : t('errandOrders.unpaid')}
              </span>
            </Descriptions.Item>
            {o.proofNote ? (
              <Descriptions.Item label={t('errandOrders.steps')}>
                {t('errandOrders.proof', { note: o.proofNote })}
              </Descriptions.Item>
            ) : null}
            {o.rating !== null ? (
              <Descriptions.Item label={t('errandOrders.rating')}>
                {t('errandOrders.rated', { rating: o.rating })} {o.comment ?? ''}
              </Descriptions.Item>
            ) : null}
            {o.issueId ? (
              <Descriptions.Item label={t('errandOrders.complain')}>
                <Link to={`/field-issues/${o.issueId}`}>{t('errandOrders.complained')}</Link>
              </Descriptions.Item>
            ) : null}
          </Descriptions>
          <Table<OrderDetail['items'][number]>
            style={{ marginTop: 16 }}
            rowKey="id"
            size="small"
            pagination={false}
            dataSource={o.items}
            columns={[
              {
                key: 'name',
                title: t('errandOrders.otherName'),
                render: (_: unknown, i) => (i.note ? `${i.name}（${i.note}）` : i.name),
              },
              { key: 'qty', title: t('errandOrders.otherUnit'), render: (_: unknown, i) => `${i.quantity} ${i.unit}` },
              { key: 'cost', title: '¥', render: (_: unknown, i) => (i.costFen === null ? '—' : yuanText(i.costFen)) },
            ]}
          />
        </Card>
        <Card title={t('errandOrders.steps')} style={{ flex: '1 1 300px' }}>
          <OrderSteps steps={o.steps} />
          <Typography.Text type="secondary">{formatDateTime(o.createdAt)}</Typography.Text>
        </Card>
      </Flex>
    </>
  );
}
