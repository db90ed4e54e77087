import { Alert, Button, Descriptions, Flex, Input, Rate, Result, Skeleton, Tag, Typography } from 'antd';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { Link, useParams } from 'react-router';
import { ERRAND_PAYMENT_LABELS, ERRAND_STATUS_LABELS } from '../../../common/labels.ts';
import { ApiError } from '../../app/api.ts';
import { formatDateTime } from '../../app/dates.ts';
import { useReportError } from '../../app/errors.ts';
import { useLanguage } from '../../app/useLanguage.ts';
import { QueryError } from '../../components/QueryError.tsx';
import { AuthCard } from '../auth/AuthCard.tsx';
import { OrderSteps, STATUS_COLOR, yuanText } from './ErrandOrderParts.tsx';
import { useOrderAction, usePublicOrder, type PublicOrder } from './errands.api.ts';

/** Confirm receipt, rate once, complain once: what the resident can still do with the order. */
function Actions({ token, order }: { token: string; order: PublicOrder }) {
  const { t } = useTranslation();
  const act = useOrderAction(token, order.id);
  const report = useReportError();
  const [rating, setRating] = useState(5);
  const [comment, setComment] = useState('');
  const [complaint, setComplaint] = useState<string | null>(null);
  const run = async (action: 'confirm' | 'rating' | 'complaint', body?: unknown) => {
    try {
      await act.mutateAsync({ action, body });
      if (action === 'complaint') setComplaint(null);
    } catch (e) {
      report(e);
    }
  };
  const arrived = order.status === 'delivered' || order.status === 'confirmed';
  return (
    <Flex vertical gap={12}>
      {order.status === 'delivered' ? (
        <Button
          type="primary"
          size="large"
          block
          loading={act.isPending}
          onClick={() => void run('confirm')}
          data-testid="errand-confirm"
        >
          {t('errandOrders.confirm')}
        </Button>
      ) : null}
      {arrived && order.rating === null ? (
        <Flex vertical gap={8} data-testid="errand-rate-form">
          <Typography.Text strong>{t('errandOrders.rate')}</Typography.Text>
          <Rate value={rating} onChange={setRating} style={{ fontSize: 32 }} aria-label={t('errandOrders.rating')} />
          <Input.TextArea
            rows={2}
            maxLength={200}
            value={comment}
            onChange={(e) => setComment(e.target.value)}
            placeholder={t('errandOrders.comment')}
          />
          <Button
            block
            loading={act.isPending}
            onClick={() => void run('rating', { rating, comment: comment.trim() || null })}
            data-testid="errand-rate"
          >
            {t('errandOrders.send')}
          </Button>
        </Flex>
      ) : null}
      {order.rating !== null ? (
        <Typography.Text data-testid="errand-rated">
          {t('errandOrders.rated', { rating: order.rating })}
          {order.comment ? `：${order.comment}` : ''}
        </Typography.Text>
      ) : null}
      {order.complained ? (
        <Alert type="info" showIcon title={t('errandOrders.complained')} data-testid="errand-complained" />
      ) : complaint === null ? (
        <Button type="link" danger onClick={() => setComplaint('')} data-testid="errand-complain-open">
          {t('errandOrders.complain')}
        </Button>
      ) : (
        <Flex vertical gap={8}>
          <Input.TextArea
            rows={3}
            maxLength={500}
            showCount
            value={complaint}
            onChange={(e) => setComplaint(e.target.value)}
            placeholder={t('errandOrders.complaint')}
            data-testid="errand-complaint"
          />
          <Button
            danger
            block
            disabled={complaint.trim().length < 2}
            loading={act.isPending}
            onClick={() => void run('complaint', { text: complaint.trim() })}
            data-testid="errand-complain"
          >
            {t('errandOrders.send')}
          </Button>
        </Flex>
      )}
    </Flex>
  );
}

/** One order of the household, with every step: the page the order number leads to. */
export function ErrandOrderStatusPage() {
  const { t } = useTranslation();
  const language = useLanguage();
  const { token = '', id = '' } = useParams();
  const order = usePublicOrder(token, id);

  let content;
  if (order.isError) {
    content =
      order.error instanceof ApiError && order.error.status === 404 ? (
        <Result status="404" title={t('errandOrders.invalid')} subTitle={t('errandOrders.invalidHint')} />
      ) : (
        <QueryError error={order.error} onRetry={() => void order.refetch()} />
      );
  } else if (!order.data) {
    content = <Skeleton active />;
  } else {
    const o = order.data;
    content = (
      <Flex vertical gap={16} data-testid="errand-status">
        <Flex justify="space-between" align="center">
          <Typography.Title level={5} style={{ margin: 0 }} data-testid="errand-ref">
            {o.ref}
          </Typography.Title>
          <Tag color={STATUS_COLOR[o.status]} data-testid="errand-status-tag">
            {ERRAND_STATUS_LABELS[o.status][language]}
          </Tag>
        </Flex>
        {o.status === 'cancelled' ? (
          <Alert type="warning" showIcon title={t('errandOrders.cancelled', { reason: o.cancelReason ?? '' })} />
        ) : null}
        <Descriptions column={1} size="small">
          {o.status === 'new' ? (
            <Descriptions.Item label={t('errandOrders.status')}>
              {t('errandOrders.claimBy', { time: formatDateTime(o.claimBy) })}
            </Descriptions.Item>
          ) : null}
          {['claimed', 'purchasing', 'delivering'].includes(o.status) ? (
            <Descriptions.Item label={t('errandOrders.status')}>
              {t('errandOrders.deliverBy', { time: formatDateTime(o.deliverBy) })}
            </Descriptions.Item>
          ) : null}
          {o.claimedBy ? <Descriptions.Item label={t('errandOrders.runnerCol')}>{o.claimedBy}</Descriptions.Item> : null}
          <Descriptions.Item label={t('errandOrders.contact')}>{o.contactName}</Descriptions.Item>
          <Descriptions.Item label={t('errandOrders.shopAddress')}>{o.address}</Descriptions.Item>
          <Descriptions.Item label={t('errandOrders.payment')}>{ERRAND_PAYMENT_LABELS[o.payment][language]}</Descriptions.Item>
          {o.amountDueFen !== null ? (
            <Descriptions.Item label={t('errandOrders.due')}>
              {t('errandOrders.amountDue', { amount: yuanText(o.amountDueFen) })}
            </Descriptions.Item>
          ) : null}
          {o.proofNote ? (
            <Descriptions.Item label={t('errandOrders.steps')}>
              {t('errandOrders.proof', { note: o.proofNote })}
            </Descriptions.Item>
          ) : null}
        </Descriptions>
        <div>
          {o.items.map((i) => (
            <Flex key={i.id} justify="space-between" style={{ padding: '4px 0', borderBottom: '1px solid #f0f0f0' }}>
              <span>
                {i.name}
                {i.note ? <Typography.Text type="secondary">（{i.note}）</Typography.Text> : null}
              </span>
              <span>
                {i.quantity} {i.unit}
              </span>
            </Flex>
          ))}
        </div>
        <div>
          <Typography.Text strong>{t('errandOrders.steps')}</Typography.Text>
          <div style={{ marginTop: 12 }}>
            <OrderSteps steps={o.steps} />
          </div>
        </div>
        <Actions token={token} order={o} />
        <Link to={`/e/${token}`}>{t('errandOrders.back')}</Link>
      </Flex>
    );
  }
  return (
    <AuthCard title={t('errandOrders.title')} width={480}>
      {content}
    </AuthCard>
  );
}
