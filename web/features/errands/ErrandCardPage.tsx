import { Alert, Button, Card, Descriptions, Flex, Typography } from 'antd';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { useParams } from 'react-router';
import { formatDate } from '../../app/dates.ts';
import { useReportError } from '../../app/errors.ts';
import { PageHeader } from '../../components/PageHeader.tsx';
import { QrCode } from '../../components/QrCode.tsx';
import { useIssueLink, useLinkState, type IssuedLink } from './errands.api.ts';

/** Only the card prints (A6), whatever the desk around it. */
const PRINT_CSS = `
@page { size: A6; margin: 8mm; }
@media print {
  body * { visibility: hidden; }
  .errand-card, .errand-card * { visibility: visible; }
  .errand-card { position: absolute; left: 0; top: 0; width: 100%; box-shadow: none; border: none; }
  .no-print { display: none !important; }
}`;

/**
 * The household's errand card (代办卡) with its QR code, like the health card: the link exists
 * only in this answer (the server keeps its hash), so a new card makes the old one stop working.
 */
export function ErrandCardPage() {
  const { t } = useTranslation();
  const { id = '' } = useParams();
  const state = useLinkState(id);
  const issue = useIssueLink();
  const report = useReportError();
  const [card, setCard] = useState<IssuedLink | null>(null);
  const make = async () => {
    try {
      setCard(await issue.mutateAsync(id));
    } catch (e) {
      report(e);
    }
  };
  const url = card ? `${window.location.origin}${card.path}` : '';
  return (
    <>
      <style>{PRINT_CSS}</style>
      <div className="no-print">
        <PageHeader title={t('errandOrders.card')} />
        <Flex gap={8} wrap style={{ marginBottom: 16 }}>
          <Button
            type={card ? 'default' : 'primary'}
            loading={issue.isPending}
            onClick={() => void make()}
            data-testid="errand-card-issue"
          >
            {card || state.data?.live ? t('errandOrders.cardReissue') : t('errandOrders.cardIssue')}
          </Button>
          {card ? (
            <Button type="primary" onClick={() => window.print()} data-testid="errand-card-print">
              {t('errandOrders.cardPrint')}
            </Button>
          ) : null}
        </Flex>
        <Alert type="info" showIcon title={t('errandOrders.cardOnce')} style={{ marginBottom: 16, maxWidth: 640 }} />
        {card ? (
          <Typography.Text code copyable={{ text: url }} style={{ wordBreak: 'break-all' }} data-testid="errand-card-link">
            {url}
          </Typography.Text>
        ) : null}
      </div>
      {card ? (
        <Card className="errand-card" style={{ maxWidth: 420, marginTop: 16 }} data-testid="errand-card">
          <Typography.Title level={4} style={{ textAlign: 'center', marginTop: 0 }}>
            {t('errandOrders.title')}
          </Typography.Title>
          <Flex justify="center" style={{ margin: '8px 0 16px' }}>
            <QrCode text={url} size={200} alt={t('errandOrders.cardQr')} testId="errand-card-qr" />
          </Flex>
          <Descriptions column={1} size="small" bordered>
            <Descriptions.Item label={t('errandOrders.shopAddress')}>{card.household.address}</Descriptions.Item>
            <Descriptions.Item label={t('errandOrders.region')}>{card.household.regionName}</Descriptions.Item>
            {card.post ? <Descriptions.Item label={t('errandOrders.filterPost')}>{card.post.name}</Descriptions.Item> : null}
            {card.post?.phone ? (
              <Descriptions.Item label={t('errandOrders.postPhoneCol')}>{card.post.phone}</Descriptions.Item>
            ) : null}
            <Descriptions.Item label={t('errandOrders.status')}>
              {t('errandOrders.cardExpires', { date: formatDate(card.expiresAt) })}
            </Descriptions.Item>
          </Descriptions>
          <Typography.Paragraph style={{ marginTop: 12, marginBottom: 0 }}>{t('errandOrders.cardScan')}</Typography.Paragraph>
        </Card>
      ) : null}
    </>
  );
}
