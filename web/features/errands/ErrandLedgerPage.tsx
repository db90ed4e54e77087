import { PrinterOutlined } from '@ant-design/icons';
import { Alert, Button, Flex, Table, Typography } from 'antd';
import { useTranslation } from 'react-i18next';
import { useParams } from 'react-router';
import { ERRAND_STATUS_LABELS } from '../../../common/labels.ts';
import { formatDateTime } from '../../app/dates.ts';
import { useLanguage } from '../../app/useLanguage.ts';
import { QueryError } from '../../components/QueryError.tsx';
import { useErrandLedger, yuan } from './runs.api.ts';

/** 代办公示: the public, printable errand ledger of a community (masked names, amounts, counts). */
export function ErrandLedgerPage() {
  const { code = '' } = useParams();
  const { t } = useTranslation();
  const language = useLanguage();
  const l = useErrandLedger(code, {});
  if (l.error) return <QueryError error={l.error} onRetry={() => void l.refetch()} />;
  if (!l.data) return null;
  const d = l.data;
  return (
    <Flex
      vertical
      gap={12}
      style={{ maxWidth: 960, margin: '0 auto', padding: 16, background: '#fff' }}
      data-testid="errand-ledger"
    >
      <Typography.Title level={3} style={{ textAlign: 'center' }}>
        {t('errandRuns.ledgerTitle', { region: d.region.name })}
      </Typography.Title>
      <Typography.Text style={{ textAlign: 'center' }} type="secondary">
        {t('errandRuns.ledgerPeriod', { from: d.from, to: d.to })} · {formatDateTime(d.generatedAt)}
      </Typography.Text>
      <Button className="no-print" icon={<PrinterOutlined />} onClick={() => window.print()} style={{ alignSelf: 'flex-end' }}>
        {t('errandRuns.print')}
      </Button>
      <Alert
        type="info"
        title={t('errandRuns.ledgerTotals', {
          orders: d.totals.orders,
          delivered: d.totals.delivered,
          runs: d.totals.runs,
          bought: yuan(d.totals.boughtFen),
          due: yuan(d.totals.dueFen),
          paid: yuan(d.totals.paidFen),
        })}
      />
      <Typography.Title level={5}>{t('errandRuns.ledgerRuns')}</Typography.Title>
      <Table
        size="small"
        rowKey="ref"
        pagination={false}
        bordered
        scroll={{ x: 720 }}
        dataSource={d.runs}
        columns={[
          { title: t('errandRuns.ref'), dataIndex: 'ref' },
          { title: t('errandRuns.period'), dataIndex: 'on' },
          { title: t('errandRuns.post'), dataIndex: 'postName' },
          { title: t('errandRuns.orders'), dataIndex: 'orders' },
          { title: t('errandRuns.shops'), render: (_, r) => r.shops.map((s) => `${s.name} ${yuan(s.amountFen)}`).join('；') },
          { title: t('errandRuns.amount'), dataIndex: 'totalFen', render: yuan },
        ]}
      />
      <Typography.Title level={5}>{t('errandRuns.ledgerOrders')}</Typography.Title>
      <Table
        size="small"
        rowKey="ref"
        pagination={false}
        bordered
        scroll={{ x: 720 }}
        dataSource={d.orders}
        columns={[
          { title: t('errandRuns.ref'), dataIndex: 'ref' },
          { title: t('errandRuns.period'), dataIndex: 'on' },
          { title: t('errandRuns.name'), dataIndex: 'name' },
          {
            title: t('errandRuns.status'),
            dataIndex: 'status',
            render: (s: keyof typeof ERRAND_STATUS_LABELS) => ERRAND_STATUS_LABELS[s][language],
          },
          { title: t('errandRuns.due'), dataIndex: 'amountDueFen', render: yuan },
          { title: t('errandRuns.paidCol'), dataIndex: 'paidFen', render: yuan },
        ]}
      />
    </Flex>
  );
}
