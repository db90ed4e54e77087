import { Drawer, Form, InputNumber, Table, Tag, Typography } from 'antd';
import { useTranslation } from 'react-i18next';
import { MOVEMENT_KIND_LABELS } from '../../../common/labels.ts';
import { api } from '../../app/api.ts';
import { formatDateTime } from '../../app/dates.ts';
import { useLanguage } from '../../app/useLanguage.ts';
import { FormModal } from '../../components/FormModal.tsx';
import { usePaging } from '../../components/usePaging.ts';
import {
  itemName,
  itemUnit,
  SUPPLIES_KEY,
  useMovements,
  type Movement,
  type StockRow,
  type StoreDetail,
} from './supplies.api.ts';

/** Low-stock thresholds of a store, one field per item; only changed ones are sent. */
export function ThresholdsModal({ store, onClose }: { store: StoreDetail; onClose: () => void }) {
  const { t } = useTranslation();
  const language = useLanguage();
  const current = new Map(store.stock.map((s) => [s.item.id, s.lowAt]));
  const rows = store.stock.filter((s) => s.item.active);
  async function submit(v: { lowAt: Record<string, number | null | undefined> }) {
    const items = rows
      .map((s) => ({ itemId: s.item.id, lowAt: v.lowAt[s.item.id] ?? null }))
      .filter((x) => x.lowAt !== (current.get(x.itemId) ?? null));
    if (items.length) await api.put(`/supplies/stores/${store.id}/thresholds`, { items });
  }
  return (
    <FormModal<{ lowAt: Record<string, number | null | undefined> }>
      title={t('supplies.stock.thresholdsTitle')}
      testId="thresholds-form"
      onClose={onClose}
      submit={submit}
      invalidate={[SUPPLIES_KEY]}
      initialValues={{ lowAt: Object.fromEntries(rows.map((s) => [s.item.id, s.lowAt ?? undefined])) }}
      intro={<Typography.Paragraph type="secondary">{t('supplies.stock.thresholdsHint')}</Typography.Paragraph>}
      width={560}
    >
      {rows.map((s) => (
        <Form.Item
          key={s.item.id}
          name={['lowAt', s.item.id]}
          label={`${itemName(s.item, language)}（${itemUnit(s.item, language)}）`}
          style={{ marginBottom: 8 }}
          layout="horizontal"
          labelCol={{ span: 12 }}
        >
          <InputNumber min={1} max={10_000_000} precision={0} style={{ width: 160 }} data-testid={`threshold-${s.item.code}`} />
        </Form.Item>
      ))}
    </FormModal>
  );
}

/** A store's movements of one item, newest first: what came in, what went out, what was reversed. */
export function MovementsDrawer({ storeId, row, onClose }: { storeId: string; row: StockRow; onClose: () => void }) {
  const { t } = useTranslation();
  const language = useLanguage();
  const { page, pageSize, pagination } = usePaging(20);
  const movements = useMovements(storeId, row.item.id, page, pageSize);
  return (
    <Drawer
      open
      onClose={onClose}
      size="large"
      title={t('supplies.stock.historyTitle', { item: itemName(row.item, language) })}
      data-testid="movements"
    >
      <Table<Movement>
        rowKey="id"
        size="small"
        loading={movements.isFetching}
        dataSource={movements.data?.items ?? []}
        pagination={pagination(movements.data?.total ?? 0)}
        scroll={{ x: 'max-content' }}
        columns={[
          { key: 'at', title: t('supplies.movement.at'), render: (_: unknown, m: Movement) => formatDateTime(m.at) },
          {
            key: 'kind',
            title: t('supplies.movement.kind'),
            render: (_: unknown, m: Movement) => (
              <>
                {MOVEMENT_KIND_LABELS[m.kind][language]}
                {m.reversed ? <Tag style={{ marginLeft: 4 }}>{t('supplies.movement.reversed')}</Tag> : null}
              </>
            ),
          },
          {
            key: 'delta',
            title: t('supplies.movement.delta'),
            align: 'right' as const,
            render: (_: unknown, m: Movement) => (
              <Typography.Text type={m.delta < 0 ? 'danger' : 'success'}>
                {m.delta > 0 ? `+${m.delta}` : m.delta} {itemUnit(m.item, language)}
              </Typography.Text>
            ),
          },
          {
            key: 'source',
            title: t('supplies.movement.source'),
            render: (_: unknown, m: Movement) => m.source?.ref ?? t('supplies.none'),
          },
          { key: 'by', title: t('supplies.by'), render: (_: unknown, m: Movement) => m.by.name },
          { key: 'note', title: t('supplies.note'), render: (_: unknown, m: Movement) => m.note ?? '' },
        ]}
      />
    </Drawer>
  );
}
