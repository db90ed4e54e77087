import { Alert, Button, Card, Descriptions, Flex, Segmented, Typography } from 'antd';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { useParams } from 'react-router';
import { formatDate } from '../../app/dates.ts';
import { useReportError } from '../../app/errors.ts';
import { PageHeader } from '../../components/PageHeader.tsx';
import { QrCode } from '../../components/QrCode.tsx';
import { useIssueCard, type Card as CardData } from './health.api.ts';

/** Only the card prints, on its own sheet (A4, or A6 to hand out), whatever the desk around it. */
const printCss = (size: 'A4' | 'A6') => `
@page { size: ${size}; margin: 10mm; }
@media print {
  body * { visibility: hidden; }
  .health-card, .health-card * { visibility: visible; }
  .health-card { position: absolute; left: 0; top: 0; width: 100%; box-shadow: none; border: none; }
  .no-print { display: none !important; }
}`;

/**
 * The printed card (上报卡) of an isolation case: the person's QR code to report twice a day. The
 * link exists only in this answer (the server keeps its hash), so a new card replaces the old one.
 */
export function HealthCardPage() {
  const { t } = useTranslation();
  const { id = '' } = useParams();
  const issue = useIssueCard();
  const report = useReportError();
  const [card, setCard] = useState<CardData | null>(null);
  const [size, setSize] = useState<'A4' | 'A6'>('A6');

  async function make() {
    try {
      setCard(await issue.mutateAsync(id));
    } catch (e) {
      report(e);
    }
  }

  const url = card ? `${window.location.origin}${card.path}` : '';
  // The link stops at a local midnight (platform zone): its last valid day is the one before.
  const lastDay = card ? formatDate(new Date(Date.parse(card.expiresAt) - 1).toISOString()) : '';
  const big = size === 'A4';
  return (
    <>
      <style>{printCss(size)}</style>
      <div className="no-print">
        <PageHeader title={t('health.card.title')} />
        <Flex gap={8} wrap style={{ marginBottom: 16 }}>
          <Button
            type={card ? 'default' : 'primary'}
            loading={issue.isPending}
            onClick={() => void make()}
            data-testid="card-issue"
          >
            {card ? t('health.card.reissue') : t('health.card.issue')}
          </Button>
          {card ? (
            <>
              <Segmented value={size} onChange={(v) => setSize(v as 'A4' | 'A6')} options={['A6', 'A4']} />
              <Button type="primary" onClick={() => window.print()} data-testid="card-print">
                {t('health.card.print')}
              </Button>
            </>
          ) : null}
        </Flex>
        <Alert type="info" showIcon title={t('health.card.once')} style={{ marginBottom: 16, maxWidth: 640 }} />
        {card ? (
          <Flex vertical gap={4} style={{ marginBottom: 16, maxWidth: 640 }}>
            <Typography.Text type="secondary">{t('health.card.link')}</Typography.Text>
            <Typography.Text
              code
              copyable={{ text: url, tooltips: [t('health.card.copy'), t('health.card.copied')] }}
              style={{ userSelect: 'all', wordBreak: 'break-all' }}
              data-testid="card-link"
            >
              {url}
            </Typography.Text>
          </Flex>
        ) : null}
      </div>
      {card ? (
        <Card className="health-card" style={{ maxWidth: big ? 720 : 420 }} data-testid="health-card">
          <Typography.Title level={big ? 2 : 4} style={{ textAlign: 'center', marginTop: 0 }}>
            {t('health.card.title')}
          </Typography.Title>
          <Flex justify="center" style={{ margin: '8px 0 16px' }}>
            <QrCode text={url} size={big ? 320 : 200} alt={t('health.card.qr')} testId="card-qr" />
          </Flex>
          <Descriptions column={1} size="small" bordered>
            <Descriptions.Item label={t('health.card.name')}>{card.case.personName}</Descriptions.Item>
            <Descriptions.Item label={t('health.card.ref')}>{card.case.ref}</Descriptions.Item>
            <Descriptions.Item label={t('health.card.region')}>{card.case.regionName}</Descriptions.Item>
            <Descriptions.Item label={t('health.card.period')}>
              {card.case.startsOn} — {card.case.endsOn}
            </Descriptions.Item>
            <Descriptions.Item label={t('health.card.windows')}>
              {t('health.slot.morning')} {card.windows.morning.from}–{card.windows.morning.to}；{t('health.slot.evening')}{' '}
              {card.windows.evening.from}–{card.windows.evening.to}
            </Descriptions.Item>
            <Descriptions.Item label={t('health.card.expires')}>
              <span data-testid="card-expires">{t('health.card.expiresOn', { date: lastDay })}</span>
            </Descriptions.Item>
          </Descriptions>
          <Typography.Paragraph style={{ marginTop: 12, marginBottom: 4 }}>{t('health.card.scan')}</Typography.Paragraph>
          <Typography.Paragraph type="secondary" style={{ marginBottom: 0 }}>
            {t('health.card.rules')}
          </Typography.Paragraph>
        </Card>
      ) : null}
    </>
  );
}
