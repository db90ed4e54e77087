import { Card, Flex, Tag, Typography } from 'antd';
import dayjs from 'dayjs';
import type { ReactNode } from 'react';
import { useTranslation } from 'react-i18next';
import { ERRAND_PAYMENT_LABELS, ERRAND_STATUS_LABELS } from '../../../common/labels.ts';
import { formatDateTime } from '../../app/dates.ts';
import { useLanguage } from '../../app/useLanguage.ts';
import { proofPhotoUrl, type Card as ErrandCardData } from './myErrands.api.ts';

const STATUS_COLOURS: Record<ErrandCardData['status'], string> = {
  new: 'gold',
  claimed: 'blue',
  purchasing: 'geekblue',
  delivering: 'purple',
  delivered: 'green',
  confirmed: 'green',
  cancelled: 'default',
};

/** Today's times as HH:mm; another day's with its date, so a deadline tomorrow never reads as today. */
function shortTime(iso: string): string {
  const full = formatDateTime(iso);
  return full.slice(0, 10) === formatDateTime(new Date().toISOString()).slice(0, 10) ? full.slice(11, 16) : full.slice(5, 16);
}

/**
 * One order on the volunteer's phone: the address large (where to go), what to buy, by when; the
 * acts that fit its status sit at the bottom.
 */
export function ErrandCard({ card, actions }: { card: ErrandCardData; actions?: ReactNode }) {
  const { t } = useTranslation();
  const language = useLanguage();
  const waiting = card.status === 'new';
  const deadline = waiting ? card.claimBy : card.deliverBy;
  const open = !['delivered', 'confirmed', 'cancelled'].includes(card.status);
  const late = open && dayjs(deadline).isBefore(dayjs());
  return (
    <Card size="small" data-testid="errand-card" data-ref={card.ref}>
      <Flex justify="space-between" align="center" gap={8} wrap>
        <Typography.Text type="secondary" style={{ fontSize: 13 }}>
          {card.ref} · {card.regionName}
        </Typography.Text>
        <Flex gap={4}>
          {card.escalated && waiting ? <Tag color="volcano">{t('myErrands.escalated')}</Tag> : null}
          <Tag color={STATUS_COLOURS[card.status]} style={{ marginInlineEnd: 0 }}>
            {ERRAND_STATUS_LABELS[card.status][language]}
          </Tag>
        </Flex>
      </Flex>
      <Typography.Paragraph strong style={{ fontSize: 17, margin: '6px 0 2px' }}>
        {card.address}
      </Typography.Paragraph>
      <Typography.Text type="secondary" style={{ fontSize: 13 }}>
        {card.contactName}
        {card.contactMobile ? ` · ${t('myErrands.mobileMasked', { mobile: card.contactMobile })}` : ''}
      </Typography.Text>
      <ul style={{ margin: '8px 0', paddingInlineStart: 20 }}>
        {card.items.map((item, i) => (
          <li key={i}>
            {item.name}{' '}
            <Typography.Text strong>{t('myErrands.quantity', { quantity: item.quantity, unit: item.unit })}</Typography.Text>
            {item.note ? <Typography.Text type="secondary">（{item.note}）</Typography.Text> : null}
          </li>
        ))}
      </ul>
      {card.note ? (
        <Typography.Paragraph style={{ margin: 0 }}>{t('myErrands.note', { note: card.note })}</Typography.Paragraph>
      ) : null}
      <Flex wrap gap={8} style={{ fontSize: 13, marginTop: 4 }}>
        <Typography.Text type="secondary">
          {t('myErrands.payment', { payment: ERRAND_PAYMENT_LABELS[card.payment][language] })}
        </Typography.Text>
        {card.claimedBy && !waiting ? (
          <Typography.Text type="secondary">{t('myErrands.heldBy', { name: card.claimedBy.name })}</Typography.Text>
        ) : null}
        {open ? (
          <Typography.Text type={late ? 'danger' : 'secondary'} strong={late}>
            {t(waiting ? 'myErrands.claimBy' : 'myErrands.deliverBy', { time: shortTime(deadline) })}
            {late ? ` · ${t('myErrands.overdue')}` : ''}
          </Typography.Text>
        ) : null}
        {card.deliveredAt ? (
          <Typography.Text type="secondary">{t('myErrands.deliveredAt', { time: shortTime(card.deliveredAt) })}</Typography.Text>
        ) : null}
      </Flex>
      {card.proofNote ? <Typography.Paragraph style={{ margin: '4px 0 0' }}>{card.proofNote}</Typography.Paragraph> : null}
      {card.hasProofPhoto ? (
        <img
          src={proofPhotoUrl(card.id)}
          alt={t('myErrands.proofPhoto')}
          style={{ marginTop: 8, maxWidth: 160, maxHeight: 120, borderRadius: 6, objectFit: 'cover' }}
        />
      ) : null}
      {actions ? (
        <Flex wrap gap={8} justify="flex-end" style={{ marginTop: 10 }}>
          {actions}
        </Flex>
      ) : null}
    </Card>
  );
}
