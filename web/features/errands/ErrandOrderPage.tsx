import { DeleteOutlined, PlusOutlined } from '@ant-design/icons';
import { Alert, Button, Flex, Input, InputNumber, Radio, Result, Skeleton, Tag, Typography } from 'antd';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { Link, useParams } from 'react-router';
import { ERRAND_PAYMENTS, type ErrandPayment } from '../../../common/enums.ts';
import { ERRAND_PAYMENT_LABELS, ERRAND_STATUS_LABELS } from '../../../common/labels.ts';
import { ApiError } from '../../app/api.ts';
import { formatDateTime } from '../../app/dates.ts';
import { useReportError } from '../../app/errors.ts';
import { useLanguage } from '../../app/useLanguage.ts';
import { QueryError } from '../../components/QueryError.tsx';
import { AuthCard } from '../auth/AuthCard.tsx';
import { ResidentAnnouncements } from '../publicity/ResidentAnnouncements.tsx';
import { useErrandPage, useSubmitOrder, type ErrandPage, type Goods } from './errands.api.ts';
import { STATUS_COLOR } from './ErrandOrderParts.tsx';

interface FreeLine {
  key: number;
  name: string;
  unit: string;
  quantity: number;
}

/** A catalogue row: name and unit, and a big −/+ stepper that stops at the goods' limit. */
function GoodsRow({ g, value, onChange }: { g: Goods; value: number; onChange: (v: number) => void }) {
  const { t } = useTranslation();
  const language = useLanguage();
  const name = language === 'en' ? g.nameEn : g.nameZh;
  const unit = language === 'en' ? g.unitEn : g.unitZh;
  return (
    <Flex justify="space-between" align="center" style={{ padding: '6px 0', borderBottom: '1px solid #f0f0f0' }}>
      <div>
        <Typography.Text strong={value > 0}>{name}</Typography.Text>
        <br />
        <Typography.Text type="secondary" style={{ fontSize: 12 }}>
          {unit} · {t('errandOrders.max', { max: g.maxQuantity })}
        </Typography.Text>
      </div>
      <Flex align="center" gap={6}>
        <Button shape="circle" disabled={value <= 0} onClick={() => onChange(Math.max(0, value - 1))} aria-label="−">
          −
        </Button>
        <Typography.Text style={{ minWidth: 24, textAlign: 'center' }} data-testid={`goods-qty-${g.code}`}>
          {value}
        </Typography.Text>
        <Button
          shape="circle"
          type={value > 0 ? 'primary' : 'default'}
          disabled={value >= g.maxQuantity}
          onClick={() => onChange(Math.min(g.maxQuantity, value + 1))}
          aria-label="+"
          data-testid={`goods-add-${g.code}`}
        >
          +
        </Button>
      </Flex>
    </Flex>
  );
}

function OrderForm({ token, page }: { token: string; page: ErrandPage }) {
  const { t } = useTranslation();
  const language = useLanguage();
  const submit = useSubmitOrder(token);
  const report = useReportError();
  const [counts, setCounts] = useState<Record<string, number>>({});
  const [free, setFree] = useState<FreeLine[]>([]);
  const [contactName, setContactName] = useState('');
  const [contactMobile, setContactMobile] = useState('');
  const [address, setAddress] = useState('');
  const [note, setNote] = useState('');
  const [payment, setPayment] = useState<ErrandPayment>('on_delivery');
  const [placed, setPlaced] = useState<{ id: string; ref: string } | null>(null);

  const items = [
    ...page.goods.filter((g) => (counts[g.id] ?? 0) > 0).map((g) => ({ goodsId: g.id, quantity: counts[g.id]! })),
    ...free.filter((f) => f.name.trim()).map((f) => ({ name: f.name.trim(), unit: f.unit.trim(), quantity: f.quantity })),
  ];
  const full = page.limits.ordersToday >= page.limits.ordersPerDay;

  async function send() {
    try {
      const order = await submit.mutateAsync({
        items,
        contactName: contactName.trim(),
        contactMobile: contactMobile.trim() || null,
        address: address.trim() || null,
        note: note.trim() || null,
        payment,
      });
      setPlaced(order);
      setCounts({});
      setFree([]);
      setNote('');
    } catch (e) {
      report(e);
    }
  }

  if (placed) {
    return (
      <Result
        status="success"
        title={t('errandOrders.placed', { ref: placed.ref })}
        data-testid="errand-placed"
        extra={
          <Link to={`/e/${token}/orders/${placed.id}`} data-testid="errand-placed-open">
            <Button type="primary" size="large">
              {t('errandOrders.steps')}
            </Button>
          </Link>
        }
      />
    );
  }
  if (full) return <Alert type="warning" showIcon title={t('errandOrders.limitReached')} data-testid="errand-limit" />;
  return (
    <Flex vertical gap={12} data-testid="errand-form">
      <Typography.Text strong>{t('errandOrders.goods')}</Typography.Text>
      <div>
        {page.goods.map((g) => (
          <GoodsRow key={g.id} g={g} value={counts[g.id] ?? 0} onChange={(v) => setCounts({ ...counts, [g.id]: v })} />
        ))}
      </div>
      <Typography.Text strong>{t('errandOrders.other')}</Typography.Text>
      {free.map((f, i) => (
        <Flex key={f.key} gap={6} align="center">
          <Input
            placeholder={t('errandOrders.otherName')}
            value={f.name}
            maxLength={40}
            onChange={(e) => setFree(free.map((x, j) => (j === i ? { ...x, name: e.target.value } : x)))}
            data-testid={`free-name-${i}`}
          />
          <Input
            placeholder={t('errandOrders.otherUnit')}
            value={f.unit}
            maxLength={10}
            style={{ width: 64 }}
            onChange={(e) => setFree(free.map((x, j) => (j === i ? { ...x, unit: e.target.value } : x)))}
            data-testid={`free-unit-${i}`}
          />
          <InputNumber
            min={0.5}
            max={page.limits.maxFreeQuantity}
            step={0.5}
            value={f.quantity}
            style={{ width: 72 }}
            onChange={(v) => setFree(free.map((x, j) => (j === i ? { ...x, quantity: v ?? 1 } : x)))}
          />
          <Button
            type="text"
            icon={<DeleteOutlined />}
            aria-label={t('errandOrders.remove')}
            onClick={() => setFree(free.filter((_, j) => j !== i))}
          />
        </Flex>
      ))}
      {items.length < page.limits.maxLines ? (
        <Button
          icon={<PlusOutlined />}
          onClick={() => setFree([...free, { key: Date.now(), name: '', unit: '', quantity: 1 }])}
          data-testid="free-add"
        >
          {t('errandOrders.addOther')}
        </Button>
      ) : null}
      <Input
        size="large"
        placeholder={t('errandOrders.contactName')}
        value={contactName}
        maxLength={20}
        onChange={(e) => setContactName(e.target.value)}
        data-testid="errand-contact"
      />
      <Input
        size="large"
        inputMode="tel"
        placeholder={t('errandOrders.contactMobile')}
        value={contactMobile}
        maxLength={11}
        onChange={(e) => setContactMobile(e.target.value)}
        data-testid="errand-mobile"
      />
      <Input
        placeholder={t('errandOrders.address')}
        value={address}
        maxLength={120}
        onChange={(e) => setAddress(e.target.value)}
      />
      <Input.TextArea
        rows={2}
        placeholder={t('errandOrders.note')}
        value={note}
        maxLength={200}
        showCount
        onChange={(e) => setNote(e.target.value)}
        data-testid="errand-note"
      />
      <div>
        <Typography.Text>{t('errandOrders.payment')}</Typography.Text>
        <Radio.Group
          value={payment}
          onChange={(e) => setPayment(e.target.value as ErrandPayment)}
          optionType="button"
          buttonStyle="solid"
          style={{ display: 'flex', marginTop: 8 }}
          options={ERRAND_PAYMENTS.map((p) => ({ value: p, label: ERRAND_PAYMENT_LABELS[p][language] }))}
        />
      </div>
      <Button
        type="primary"
        size="large"
        block
        disabled={items.length === 0 || !contactName.trim()}
        loading={submit.isPending}
        onClick={() => void send()}
        data-testid="errand-submit"
      >
        {items.length ? t('errandOrders.submit') : t('errandOrders.empty')}
      </Button>
    </Flex>
  );
}

/**
 * 红色代办's phone page behind the household's card (`/e/<token>`) or an isolated person's health
 * link: no account. The catalogue with steppers, free-text items, and the household's orders.
 */
export function ErrandOrderPage() {
  const { t } = useTranslation();
  const language = useLanguage();
  const { token = '' } = useParams();
  const page = useErrandPage(token);

  let content;
  if (page.isError) {
    content =
      page.error instanceof ApiError && page.error.status === 404 ? (
        <Result
          status="404"
          title={t('errandOrders.invalid')}
          subTitle={t('errandOrders.invalidHint')}
          data-testid="errand-invalid"
        />
      ) : (
        <QueryError error={page.error} onRetry={() => void page.refetch()} />
      );
  } else if (!page.data) {
    content = <Skeleton active />;
  } else {
    const p = page.data;
    content = (
      <Flex vertical gap={16}>
        <div>
          {p.personName ? (
            <Typography.Title level={5} style={{ margin: 0 }}>
              {t('errandOrders.hello', { name: p.personName })}
            </Typography.Title>
          ) : null}
          <Typography.Text data-testid="errand-address">{t('errandOrders.where', { address: p.address })}</Typography.Text>
          <br />
          {p.post ? (
            <Typography.Text type="secondary">
              {t('errandOrders.post', { name: p.post.name })}
              {p.post.phone ? (
                <>
                  {' · '}
                  <a href={`tel:${p.post.phone}`}>{t('errandOrders.postPhone', { phone: p.post.phone })}</a>
                </>
              ) : null}
            </Typography.Text>
          ) : (
            <Typography.Text type="secondary">{t('errandOrders.noPost')}</Typography.Text>
          )}
          <br />
          <Typography.Text type="secondary" data-testid="errand-limits">
            {t('errandOrders.limits', { today: p.limits.ordersToday, perDay: p.limits.ordersPerDay })}
          </Typography.Text>
        </div>
        <ResidentAnnouncements token={token} link="e" />
        {p.orders.length ? (
          <div data-testid="errand-my-orders">
            <Typography.Text strong>{t('errandOrders.myOrders')}</Typography.Text>
            {p.orders.map((o) => (
              <Link key={o.id} to={`/e/${token}/orders/${o.id}`} data-testid="errand-my-order">
                <Flex justify="space-between" style={{ padding: '6px 0', borderBottom: '1px solid #f0f0f0' }}>
                  <span>
                    {o.ref} · {t('errandOrders.items', { count: o.itemCount })}
                    <br />
                    <Typography.Text type="secondary" style={{ fontSize: 12 }}>
                      {formatDateTime(o.createdAt)}
                    </Typography.Text>
                  </span>
                  <Tag color={STATUS_COLOR[o.status]}>{ERRAND_STATUS_LABELS[o.status][language]}</Tag>
                </Flex>
              </Link>
            ))}
          </div>
        ) : null}
        <OrderForm token={token} page={p} />
      </Flex>
    );
  }
  return (
    <AuthCard title={t('errandOrders.title')} width={480}>
      {content}
    </AuthCard>
  );
}
