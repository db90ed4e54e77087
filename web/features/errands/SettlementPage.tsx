import { Alert, Button, DatePicker, Flex, Form, InputNumber, Modal, Select, Table, Typography } from 'antd';
import type { Dayjs } from 'dayjs';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { ERRAND_PAYMENTS } from '../../../common/enums.ts';
import { ERRAND_PAYMENT_LABELS } from '../../../common/labels.ts';
import { useReportError } from '../../app/errors.ts';
import { useLanguage } from '../../app/useLanguage.ts';
import { QueryError } from '../../components/QueryError.tsx';
import { useFilterWidth } from '../../components/filterWidth.ts';
import { RegionTreeSelect } from '../regions/RegionTreeSelect.tsx';
import { renamedFields } from './fieldPaths.ts';
import { usePay, useSettlement, yuan, type OrderMoney } from './runs.api.ts';

/** The pay dialog's fields hold yuan and a picked person; the server names them in fen and by id. */
const PAY_FIELDS: Record<string, string> = { paidFen: 'paid', collectedByVolunteerId: 'collector' };

/** 代办结算: each order's money, households owing, and every volunteer's balance with the community. */
export function SettlementPage() {
  const { t } = useTranslation();
  const language = useLanguage();
  const width = useFilterWidth();
  const [regionId, setRegionId] = useState<string | null>(null);
  const [range, setRange] = useState<[Dayjs | null, Dayjs | null] | null>(null);
  const [paying, setPaying] = useState<OrderMoney | null>(null);
  const f = {
    ...(regionId ? { regionId } : {}),
    ...(range?.[0] ? { from: range[0].format('YYYY-MM-DD') } : {}),
    ...(range?.[1] ? { to: range[1].format('YYYY-MM-DD') } : {}),
  };
  const s = useSettlement(f);
  if (s.error) return <QueryError error={s.error} onRetry={() => void s.refetch()} />;
  const d = s.data;
  return (
    <Flex vertical gap={16}>
      <Typography.Title level={3}>{t('errandRuns.settlementTitle')}</Typography.Title>
      <Flex wrap gap={8}>
        <RegionTreeSelect
          allowClear
          placeholder={t('errandRuns.filterRegion')}
          value={regionId}
          onChange={setRegionId}
          testId="settlement-region"
          style={width(240)}
        />
        <DatePicker.RangePicker value={range} onChange={(v) => setRange(v)} style={width(320)} />
      </Flex>
      {d ? (
        <Alert
          type="info"
          title={t('errandRuns.totals', {
            due: yuan(d.totals.dueFen),
            paid: yuan(d.totals.paidFen),
            outstanding: yuan(d.totals.outstandingFen),
            owed: yuan(d.totals.owedToVolunteersFen),
            held: yuan(d.totals.heldByVolunteersFen),
          })}
        />
      ) : null}
      <Typography.Title level={5}>{t('errandRuns.volunteersTitle')}</Typography.Title>
      <Typography.Text type="secondary">{t('errandRuns.balanceHelp')}</Typography.Text>
      <Table
        size="small"
        rowKey={(v) => v.volunteer.id}
        pagination={false}
        scroll={{ x: true }}
        dataSource={d?.volunteers ?? []}
        data-testid="settlement-volunteers"
        columns={[
          { title: t('errandRuns.volunteer'), render: (_, v) => v.volunteer.name },
          { title: t('errandRuns.advanced'), dataIndex: 'advancedFen', render: yuan },
          { title: t('errandRuns.reimbursed'), dataIndex: 'reimbursedFen', render: yuan },
          { title: t('errandRuns.collected'), dataIndex: 'collectedFen', render: yuan },
          { title: t('errandRuns.handedIn'), dataIndex: 'handedInFen', render: yuan },
          {
            title: t('errandRuns.balance'),
            dataIndex: 'balanceFen',
            render: (fen: number) => (
              <Typography.Text type={fen > 0 ? 'danger' : fen < 0 ? 'warning' : undefined}>{yuan(fen)}</Typography.Text>
            ),
          },
        ]}
      />
      <Typography.Title level={5}>{t('errandRuns.householdsTitle')}</Typography.Title>
      <Table
        size="small"
        rowKey="key"
        pagination={false}
        scroll={{ x: true }}
        dataSource={d?.households ?? []}
        columns={[
          { title: t('errandRuns.name'), dataIndex: 'contactName' },
          { title: t('errandRuns.region'), dataIndex: 'address' },
          { title: t('errandRuns.orders'), dataIndex: 'orders' },
          { title: t('errandRuns.due'), dataIndex: 'dueFen', render: yuan },
          { title: t('errandRuns.paidCol'), dataIndex: 'paidFen', render: yuan },
          { title: t('errandRuns.outstanding'), dataIndex: 'outstandingFen', render: yuan },
        ]}
      />
      <Typography.Title level={5}>{t('errandRuns.ordersTitle')}</Typography.Title>
      <Table<OrderMoney>
        size="small"
        rowKey="id"
        scroll={{ x: true }}
        loading={s.isLoading}
        dataSource={d?.orders ?? []}
        columns={[
          { title: t('errandRuns.ref'), dataIndex: 'ref' },
          { title: t('errandRuns.period'), dataIndex: 'orderedOn' },
          { title: t('errandRuns.name'), dataIndex: 'contactName' },
          { title: t('errandRuns.due'), dataIndex: 'amountDueFen', render: yuan },
          { title: t('errandRuns.paidCol'), dataIndex: 'paidFen', render: yuan },
          { title: t('errandRuns.outstanding'), dataIndex: 'outstandingFen', render: yuan },
          {
            title: t('errandRuns.payment'),
            dataIndex: 'payment',
            render: (p: OrderMoney['payment']) => ERRAND_PAYMENT_LABELS[p][language],
          },
          {
            title: t('errandRuns.paidMethod'),
            dataIndex: 'paidMethod',
            render: (p: OrderMoney['paidMethod']) => (p ? ERRAND_PAYMENT_LABELS[p][language] : '—'),
          },
          { title: t('errandRuns.collectedBy'), render: (_, o) => o.collectedBy?.name ?? '—' },
          {
            title: '',
            render: (_, o) => (
              <Button size="small" onClick={() => setPaying(o)}>
                {t('errandRuns.markPaid')}
              </Button>
            ),
          },
        ]}
      />
      {paying ? (
        <PayModal order={paying} volunteers={d?.volunteers.map((v) => v.volunteer) ?? []} onClose={() => setPaying(null)} />
      ) : null}
    </Flex>
  );
}

function PayModal({
  order,
  volunteers,
  onClose,
}: {
  order: OrderMoney;
  volunteers: { id: string; name: string }[];
  onClose: () => void;
}) {
  const { t } = useTranslation();
  const language = useLanguage();
  const [form] = Form.useForm();
  const pay = usePay();
  const report = useReportError();
  const people = [...new Map([...(order.collectedBy ? [order.collectedBy] : []), ...volunteers].map((v) => [v.id, v])).values()];
  return (
    <Modal
      open
      title={`${t('errandRuns.markPaid')} · ${order.ref}`}
      onCancel={onClose}
      onOk={() => form.submit()}
      confirmLoading={pay.isPending}
    >
      <Form
        form={form}
        layout="vertical"
        initialValues={{
          paid: (order.amountDueFen ?? order.paidFen) / 100,
          method: order.paidMethod ?? order.payment,
          collector: order.collectedBy?.id ?? null,
        }}
        onFinish={(v: { paid: number; method: OrderMoney['payment']; collector: string | null }) =>
          pay.mutate(
            {
              orderId: order.id,
              paidFen: Math.round(v.paid * 100),
              method: v.method,
              collectedByVolunteerId: v.collector ?? null,
            },
            {
              onSuccess: onClose,
              onError: (e) =>
                report(
                  renamedFields(e, (path) => PAY_FIELDS[path] ?? path),
                  form,
                ),
            },
          )
        }
      >
        <Form.Item name="paid" label={t('errandRuns.paidFen')} rules={[{ required: true }]}>
          <InputNumber min={0} max={10000} precision={2} style={{ width: '100%' }} />
        </Form.Item>
        <Form.Item name="method" label={t('errandRuns.method')}>
          <Select options={ERRAND_PAYMENTS.map((p) => ({ value: p, label: ERRAND_PAYMENT_LABELS[p][language] }))} />
        </Form.Item>
        <Form.Item name="collector" label={t('errandRuns.collectedBy')}>
          <Select allowClear options={people.map((p) => ({ value: p.id, label: p.name }))} />
        </Form.Item>
      </Form>
    </Modal>
  );
}
