import { Alert, Button, Card, Empty, Flex, Tag, Typography } from 'antd';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { CASE_SERVICE_KIND_LABELS } from '../../../common/labels.ts';
import { useLanguage } from '../../app/useLanguage.ts';
import { PageHeader } from '../../components/PageHeader.tsx';
import { QueryError } from '../../components/QueryError.tsx';
import { useMyServices, type CaseService } from './cases.api.ts';
import { ServiceLogModal } from './ServiceLogModal.tsx';

/** 我的服务: a volunteer's home visits to isolated households on the phone, due ones first, logged at the door. */
export function MyServicesPage() {
  const { t } = useTranslation();
  const language = useLanguage();
  const services = useMyServices();
  const [logging, setLogging] = useState<CaseService | null>(null);
  const items = services.data?.items ?? [];
  return (
    <>
      <PageHeader title={t('cases.mine')} />
      {services.isError ? <QueryError error={services.error} onRetry={() => void services.refetch()} /> : null}
      {services.isSuccess && items.length === 0 ? <Empty description={t('cases.mineEmpty')} /> : null}
      <Flex vertical gap={12}>
        {items.map((s) => (
          <Card key={s.id} size="small" data-testid="my-service">
            <Flex justify="space-between" align="center">
              <Typography.Text strong>{CASE_SERVICE_KIND_LABELS[s.kind][language]}</Typography.Text>
              {s.due ? <Tag color="gold">{t('cases.due')}</Tag> : <Tag>{`${t('cases.nextOn')} ${s.nextOn}`}</Tag>}
            </Flex>
            <div style={{ fontSize: 16, margin: '6px 0' }}>{s.address ?? s.regionName}</div>
            <Typography.Text type="secondary">
              {s.personName} · {s.mobile ?? '—'} · {s.caseRef}
            </Typography.Text>
            {s.note ? <Alert type="info" message={s.note} style={{ marginTop: 8 }} /> : null}
            <Flex justify="space-between" align="center" style={{ marginTop: 8 }}>
              <Typography.Text type="secondary">
                {t('cases.everyDaysValue', { count: s.everyDays })} · {t('cases.lastDone')} {s.lastDoneOn ?? '—'}
              </Typography.Text>
              <Button type="primary" onClick={() => setLogging(s)} data-testid="my-service-log">
                {t('cases.logDone')}
              </Button>
            </Flex>
          </Card>
        ))}
      </Flex>
      {logging ? <ServiceLogModal service={logging} onClose={() => setLogging(null)} /> : null}
    </>
  );
}
