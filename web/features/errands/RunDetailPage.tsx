import { PrinterOutlined, UploadOutlined } from '@ant-design/icons';
import { Button, Card, Descriptions, Flex, Form, InputNumber, Modal, Select, Table, Tag, Typography, Upload } from 'antd';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { useParams } from 'react-router';
import { formatDateTime } from '../../app/dates.ts';
import { useReportError } from '../../app/errors.ts';
import { QueryError } from '../../components/QueryError.tsx';
import { renamedFields } from './fieldPaths.ts';
import { receiptUrl, useRecordShop, useRun, useUploadReceipt, yuan, type Run } from './runs.api.ts';

type List = Run['lists'][number];

/** Printing shows only the part asked for: the shopping list, or the slips (one per bag, a page each). */
const PRINT_CSS = `
@media print {
  body * { visibility: hidden; }
  .print-on, .print-on * { visibility: visible; }
  .print-on { position: absolute; left: 0; top: 0; width: 100%; }
  .no-print { display: none !important; }
  .errand-slip { page-break-after: always; }
}`;

/** A run: the shopping list by shop (print), what was paid and the receipt per shop, and the bag slips. */
export function RunDetailPage() {
  const { id = '' } = useParams();
  const { t } = useTranslation();
  const run = useRun(id);
  const [printing, setPrinting] = useState<'list' | 'slips' | null>(null);
  const [recording, setRecording] = useState<List | null>(null);
  const upload = useUploadReceipt(id);
  const report = useReportError();

  if (run.error) return <QueryError error={run.error} onRetry={() => void run.refetch()} />;
  if (!run.data) return null;
  const r = run.data;
  const print = (what: 'list' | 'slips') => {
    setPrinting(what);
    setTimeout(() => {
      window.print();
      setPrinting(null);
    }, 50);
  };

  return (
    <Flex vertical gap={16}>
      <style>{PRINT_CSS}</style>
      <Flex justify="space-between" wrap gap={8} className="no-print">
        <Typography.Title level={3}>
          {r.ref}{' '}
          <Tag color={r.status === 'bought' ? 'green' : 'orange'}>
            {t(`errandRuns.${r.status === 'bought' ? 'bought' : 'open'}`)}
          </Tag>
        </Typography.Title>
        <Flex gap={8}>
          <Button icon={<PrinterOutlined />} onClick={() => print('list')} data-testid="print-list">
            {t('errandRuns.printList')}
          </Button>
          <Button icon={<PrinterOutlined />} onClick={() => print('slips')}>
            {t('errandRuns.printSlips')}
          </Button>
        </Flex>
      </Flex>
      <Descriptions size="small" column={{ xs: 1, sm: 2 }} className="no-print">
        <Descriptions.Item label={t('errandRuns.post')}>{`${r.post.name}（${r.region.name}）`}</Descriptions.Item>
        <Descriptions.Item
          label={t('errandRuns.createdAt')}
        >{`${formatDateTime(r.createdAt)} ${r.createdBy ?? ''}`}</Descriptions.Item>
        <Descriptions.Item label={t('errandRuns.orders')}>{r.orders.length}</Descriptions.Item>
        <Descriptions.Item label={t('errandRuns.amount')}>{yuan(r.totalFen)}</Descriptions.Item>
        {r.note ? <Descriptions.Item label={t('errandRuns.note')}>{r.note}</Descriptions.Item> : null}
      </Descriptions>

      <div className={printing === 'list' ? 'print-on' : ''} data-testid="shopping-list">
        {printing === 'list' ? (
          <Typography.Title level={4}>{t('errandRuns.shoppingList', { ref: r.ref })}</Typography.Title>
        ) : null}
        {r.lists.map((list) => (
          <Card
            key={list.shop?.id ?? 'none'}
            size="small"
            style={{ marginBottom: 12 }}
            title={list.shop ? `${list.shop.name}${list.shop.address ? ` · ${list.shop.address}` : ''}` : t('errandRuns.noShop')}
            extra={
              list.paid ? (
                <span>
                  {t('errandRuns.paid', { amount: yuan(list.paid.amountFen) })} ·{' '}
                  {list.paid.paidBy ? t('errandRuns.paidBy', { name: list.paid.paidBy.name }) : t('errandRuns.paidByCommunity')}
                  {list.paid.hasReceipt && list.shop ? (
                    <>
                      {' · '}
                      <a className="no-print" href={receiptUrl(r.id, list.shop.id)} target="_blank" rel="noreferrer">
                        {t('errandRuns.viewReceipt')}
                      </a>
                    </>
                  ) : null}
                </span>
              ) : (
                <Typography.Text type="secondary">{t('errandRuns.notPaid')}</Typography.Text>
              )
            }
          >
            <Table
              size="small"
              rowKey="product"
              pagination={false}
              dataSource={list.lines}
              columns={[
                { title: t('errandRuns.product'), dataIndex: 'name' },
                { title: t('errandRuns.quantity'), render: (_, l) => `${l.quantity} ${l.unit}` },
                { title: t('errandRuns.bags'), dataIndex: 'orders' },
                { title: t('errandRuns.cost'), dataIndex: 'costFen', render: yuan },
              ]}
            />
            {r.canManage && list.shop ? (
              <Flex gap={8} style={{ marginTop: 8 }} className="no-print">
                <Button type="primary" size="small" onClick={() => setRecording(list)} data-testid={`record-${list.shop.name}`}>
                  {t('errandRuns.record')}
                </Button>
                {list.paid ? (
                  <Upload
                    accept="image/jpeg,image/png,image/webp"
                    showUploadList={false}
                    beforeUpload={(file) => {
                      upload.mutate({ shopId: list.shop!.id, file }, { onError: (e) => report(e) });
                      return false;
                    }}
                  >
                    <Button size="small" icon={<UploadOutlined />} loading={upload.isPending}>
                      {t('errandRuns.uploadReceipt')}
                    </Button>
                  </Upload>
                ) : null}
              </Flex>
            ) : null}
          </Card>
        ))}
      </div>

      <div className={printing === 'slips' ? 'print-on' : ''}>
        <Typography.Title level={5} className="no-print">
          {t('errandRuns.orders')}
        </Typography.Title>
        {r.orders.map((o) => (
          <Card key={o.id} size="small" className="errand-slip" style={{ marginBottom: 8 }}>
            {printing === 'slips' ? <Typography.Title level={5}>{t('errandRuns.slipTitle')}</Typography.Title> : null}
            <Typography.Text strong>{o.ref}</Typography.Text> ·{' '}
            {t('errandRuns.slipFor', { name: o.contactName, address: o.address })}
            {o.contactMobile ? ` · ${o.contactMobile}` : ''}
            <ul style={{ margin: '4px 0' }}>
              {o.items.map((i) => (
                <li key={i.id}>
                  {i.name} {i.quantity} {i.unit}
                  {i.costFen !== null ? ` · ${yuan(i.costFen)}` : ''}
                </li>
              ))}
            </ul>
            {o.note ? <div>{o.note}</div> : null}
            <Typography.Text strong>{t('errandRuns.slipDue', { amount: yuan(o.amountDueFen) })}</Typography.Text>
          </Card>
        ))}
      </div>
      {recording?.shop ? <RecordShopModal run={r} list={recording} onClose={() => setRecording(null)} /> : null}
    </Flex>
  );
}

function RecordShopModal({ run, list, onClose }: { run: Run; list: List; onClose: () => void }) {
  const { t } = useTranslation();
  const [form] = Form.useForm();
  const record = useRecordShop(run.id);
  const report = useReportError();
  const fen = (yuanValue: number | null | undefined) => Math.round((yuanValue ?? 0) * 100);
  return (
    <Modal
      open
      title={`${t('errandRuns.record')} · ${list.shop!.name}`}
      onCancel={onClose}
      confirmLoading={record.isPending}
      onOk={() => form.submit()}
    >
      <Form
        form={form}
        layout="vertical"
        initialValues={{ amount: list.paid ? list.paid.amountFen / 100 : undefined, payer: list.paid?.paidBy?.id ?? null }}
        onFinish={(v: { amount: number; payer: string | null; prices?: (number | null | undefined)[] }) => {
          // Only the prices filled in are sent; `line` finds the field of the server's `prices.<n>`.
          const priced = list.lines
            .map((l, line) => ({ product: l.product, value: v.prices?.[line], line }))
            .filter((p) => p.value !== null && p.value !== undefined);
          const prices = priced.map((p) => ({ product: p.product, amountFen: fen(p.value) }));
          const rename = (path: string) => {
            const n = /^prices\.(\d+)/.exec(path)?.[1];
            if (n !== undefined) return `prices.${priced[Number(n)]?.line ?? n}`;
            return path === 'amountFen' ? 'amount' : path === 'paidByVolunteerId' ? 'payer' : path;
          };
          record.mutate(
            {
              shopId: list.shop!.id,
              amountFen: fen(v.amount),
              paidByVolunteerId: v.payer ?? null,
              ...(prices.length ? { prices } : {}),
            },
            { onSuccess: onClose, onError: (e) => report(renamedFields(e, rename), form) },
          );
        }}
      >
        <Form.Item name="amount" label={t('errandRuns.amountYuan')} rules={[{ required: true }]}>
          <InputNumber min={0} max={100000} precision={2} style={{ width: '100%' }} />
        </Form.Item>
        <Form.Item name="payer" label={t('errandRuns.payer')}>
          <Select
            allowClear
            placeholder={t('errandRuns.paidByCommunity')}
            options={run.people.map((p) => ({ value: p.id, label: p.name }))}
          />
        </Form.Item>
        <Typography.Text type="secondary">{t('errandRuns.pricesHelp')}</Typography.Text>
        <Typography.Paragraph strong style={{ marginTop: 8 }}>
          {t('errandRuns.prices')}
        </Typography.Paragraph>
        {list.lines.map((l, line) => (
          <Form.Item key={l.product} name={['prices', line]} label={`${l.name} ${l.quantity} ${l.unit}`}>
            <InputNumber min={0} max={100000} precision={2} style={{ width: '100%' }} />
          </Form.Item>
        ))}
      </Form>
    </Modal>
  );
}
