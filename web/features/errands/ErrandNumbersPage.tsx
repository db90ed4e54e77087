import { DatePicker, Flex, Select, Table, Typography } from 'antd';
import type { Dayjs } from 'dayjs';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { QueryError } from '../../components/QueryError.tsx';
import { useNumbers, yuan, type Numbers, type NumbersBy } from './runs.api.ts';

const BY: NumbersBy[] = ['grid', 'community', 'county', 'day'];
const BY_KEY = { grid: 'byGrid', community: 'byCommunity', county: 'byCounty', day: 'byDay' } as const;

/** 代办数据: orders, time to claim and to delivery, share on time and amounts, by grid, community, county or day. */
export function ErrandNumbersPage() {
  const { t } = useTranslation();
  const [by, setBy] = useState<NumbersBy>('community');
  const [range, setRange] = useState<[Dayjs | null, Dayjs | null] | null>(null);
  const n = useNumbers({
    by,
    ...(range?.[0] ? { from: range[0].format('YYYY-MM-DD') } : {}),
    ...(range?.[1] ? { to: range[1].format('YYYY-MM-DD') } : {}),
  });
  const minutes = (m: number | null) => (m === null ? '—' : String(Math.round(m)));
  const share = (s: number | null) => (s === null ? '—' : `${Math.round(s * 100)}%`);
  const rows: Numbers['rows'] = n.data ? [...n.data.rows, { ...n.data.total, name: t('errandRuns.totalRow') }] : [];
  return (
    <Flex vertical gap={16}>
      <Typography.Title level={3}>{t('errandRuns.numbersTitle')}</Typography.Title>
      <Flex gap={8} wrap>
        <Select
          value={by}
          onChange={setBy}
          style={{ width: 140 }}
          options={BY.map((b) => ({ value: b, label: t(`errandRuns.${BY_KEY[b]}`) }))}
        />
        <DatePicker.RangePicker value={range} onChange={(v) => setRange(v)} />
      </Flex>
      {n.error ? <QueryError error={n.error} onRetry={() => void n.refetch()} /> : null}
      {n.data ? <Typography.Text type="secondary">{`${n.data.from} ~ ${n.data.to}`}</Typography.Text> : null}
      <Table
        size="small"
        rowKey="key"
        pagination={false}
        scroll={{ x: true }}
        loading={n.isLoading}
        dataSource={rows}
        data-testid="errand-numbers"
        columns={[
          { title: t('errandRuns.name'), dataIndex: 'name' },
          { title: t('errandRuns.orders'), dataIndex: 'orders' },
          { title: t('errandRuns.delivered'), dataIndex: 'delivered' },
          { title: t('errandRuns.openCount'), dataIndex: 'open' },
          { title: t('errandRuns.cancelled'), dataIndex: 'cancelled' },
          { title: t('errandRuns.medianClaim'), dataIndex: 'medianClaimMinutes', render: minutes },
          { title: t('errandRuns.medianDelivery'), dataIndex: 'medianDeliveryMinutes', render: minutes },
          { title: t('errandRuns.onTime'), dataIndex: 'onTimeShare', render: share },
          { title: t('errandRuns.due'), dataIndex: 'dueFen', render: yuan },
          { title: t('errandRuns.paidCol'), dataIndex: 'paidFen', render: yuan },
        ]}
      />
    </Flex>
  );
}
