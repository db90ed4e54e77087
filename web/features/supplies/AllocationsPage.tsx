import { CheckOutlined, PlusOutlined, RollbackOutlined, SwapOutlined } from '@ant-design/icons';
import { Button, Card, Empty, Flex, Select, Space, Table, Tabs, Tag, Typography } from 'antd';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { ALLOCATION_STATUSES, ALLOCATION_TARGETS, type AllocationStatus, type AllocationTarget } from '../../../common/enums.ts';
import { ALLOCATION_STATUS_LABELS, ALLOCATION_TARGET_LABELS } from '../../../common/labels.ts';
import { formatDateTime } from '../../app/dates.ts';
import { can, useMe } from '../../app/session.ts';
import { useIsPhone } from '../../app/useIsPhone.ts';
import { useLanguage } from '../../app/useLanguage.ts';
import { PageHeader } from '../../components/PageHeader.tsx';
import { QueryError } from '../../components/QueryError.tsx';
import { RowAction } from '../../components/RowAction.tsx';
import { useFilterWidth } from '../../components/filterWidth.ts';
import { usePaging } from '../../components/usePaging.ts';
import { RegionTreeSelect } from '../regions/RegionTreeSelect.tsx';
import { AllocationFormModal } from './AllocationFormModal.tsx';
import { ConfirmModal } from './ConfirmModal.tsx';
import { ReverseModal } from './ReverseModal.tsx';
import { AllocationStatusTag, LinesList, ReversalNote } from './SuppliesBits.tsx';
import { TransferFormModal } from './TransferFormModal.tsx';
import { useAllocations, useSuppliesLive, useTransfers, type Allocation, type Transfer } from './supplies.api.ts';

function AllocationsTable({ regionId }: { regionId: string | null }) {
  const { t } = useTranslation();
  const language = useLanguage();
  const filterWidth = useFilterWidth();
  const mayMove = can(useMe().data, 'supplies.move');
  const phone = useIsPhone();
  const [status, setStatus] = useState<AllocationStatus | null>(null);
  const [toKind, setToKind] = useState<AllocationTarget | null>(null);
  const { page, pageSize, setPage, pagination } = usePaging(20);
  const list = useAllocations({ regionId, status, toKind }, page, pageSize);
  const [confirming, setConfirming] = useState<Allocation | null>(null);
  const [reversing, setReversing] = useState<Allocation | null>(null);
  return (
    <>
      <Flex wrap gap={8} style={{ marginBottom: 16 }}>
        <Select<AllocationStatus>
          allowClear
          placeholder={t('supplies.allocations.status')}
          aria-label={t('supplies.allocations.status')}
          value={status ?? undefined}
          onChange={(v) => {
            setStatus(v ?? null);
            setPage(1);
          }}
          options={ALLOCATION_STATUSES.map((s) => ({ value: s, label: ALLOCATION_STATUS_LABELS[s][language] }))}
          style={filterWidth(160)}
          data-testid="allocations-filter-status"
        />
        <Select<AllocationTarget>
          allowClear
          placeholder={t('supplies.allocations.toKind')}
          aria-label={t('supplies.allocations.toKind')}
          value={toKind ?? undefined}
          onChange={(v) => {
            setToKind(v ?? null);
            setPage(1);
          }}
          options={ALLOCATION_TARGETS.map((k) => ({ value: k, label: ALLOCATION_TARGET_LABELS[k][language] }))}
          style={filterWidth(160)}
          data-testid="allocations-filter-kind"
        />
      </Flex>
      {list.isError ? <QueryError error={list.error} onRetry={() => void list.refetch()} /> : null}
      <Table<Allocation>
        rowKey="id"
        loading={list.isFetching}
        dataSource={list.data?.items ?? []}
        locale={{ emptyText: <Empty description={t('supplies.allocations.empty')} /> }}
        pagination={pagination(list.data?.total ?? 0)}
        scroll={{ x: 'max-content' }}
        columns={[
          {
            key: 'ref',
            title: t('supplies.ref'),
            render: (_: unknown, a: Allocation) => (
              <Space direction="vertical" size={0}>
                {a.ref}
                <Typography.Text type="secondary" style={{ fontSize: 12 }}>
                  {a.store.name} · {formatDateTime(a.sentAt).slice(0, 16)}
                </Typography.Text>
              </Space>
            ),
          },
          {
            key: 'target',
            title: t('supplies.allocations.target'),
            render: (_: unknown, a: Allocation) => (
              <Space direction="vertical" size={0}>
                <Space size={4}>
                  <Tag>{ALLOCATION_TARGET_LABELS[a.target.kind][language]}</Tag>
                  {a.target.name}
                </Space>
                <Typography.Text type="secondary" style={{ fontSize: 12 }}>
                  {[a.target.regionName, a.purpose].filter(Boolean).join(' · ')}
                </Typography.Text>
              </Space>
            ),
          },
          {
            key: 'lines',
            title: t('supplies.lines'),
            render: (_: unknown, a: Allocation) => (
              <>
                <LinesList lines={a.lines} />
                <ReversalNote reversal={a.reversal} />
              </>
            ),
          },
          {
            key: 'status',
            title: t('supplies.allocations.status'),
            render: (_: unknown, a: Allocation) => (
              <Space direction="vertical" size={0}>
                <AllocationStatusTag status={a.status} />
                {a.confirmedBy ? (
                  <Typography.Text type="secondary" style={{ fontSize: 12 }}>
                    {a.confirmedBy.name} {a.confirmedAt ? formatDateTime(a.confirmedAt) : ''}
                  </Typography.Text>
                ) : null}
                {a.confirmNote ? <Typography.Text style={{ fontSize: 12 }}>{a.confirmNote}</Typography.Text> : null}
              </Space>
            ),
          },
          {
            key: 'actions',
            title: t('supplies.actions'),
            fixed: phone ? undefined : ('right' as const),
            render: (_: unknown, a: Allocation) => (
              <Space size={0}>
                {a.canConfirm ? (
                  <RowAction
                    icon={<CheckOutlined />}
                    label={t('supplies.allocations.confirm')}
                    onClick={() => setConfirming(a)}
                    testId={`allocation-confirm-${a.id}`}
                  />
                ) : null}
                {mayMove && a.status === 'sent' ? (
                  <RowAction
                    danger
                    icon={<RollbackOutlined />}
                    label={t('supplies.reverse.action')}
                    onClick={() => setReversing(a)}
                    testId={`allocation-reverse-${a.id}`}
                  />
                ) : null}
              </Space>
            ),
          },
        ]}
        data-testid="allocations-table"
      />
      {confirming ? <ConfirmModal allocation={confirming} onClose={() => setConfirming(null)} /> : null}
      {reversing ? <ReverseModal kind="allocations" record={reversing} onClose={() => setReversing(null)} /> : null}
    </>
  );
}

function TransfersTable({ regionId }: { regionId: string | null }) {
  const { t } = useTranslation();
  const mayMove = can(useMe().data, 'supplies.move');
  const { page, pageSize, pagination } = usePaging(20);
  const list = useTransfers({ regionId }, page, pageSize);
  const [reversing, setReversing] = useState<Transfer | null>(null);
  return (
    <>
      {list.isError ? <QueryError error={list.error} onRetry={() => void list.refetch()} /> : null}
      <Table<Transfer>
        rowKey="id"
        loading={list.isFetching}
        dataSource={list.data?.items ?? []}
        locale={{ emptyText: <Empty description={t('supplies.transfers.empty')} /> }}
        pagination={pagination(list.data?.total ?? 0)}
        scroll={{ x: 'max-content' }}
        columns={[
          { key: 'ref', title: t('supplies.ref'), dataIndex: 'ref' },
          { key: 'at', title: t('supplies.transfers.at'), render: (_: unknown, x: Transfer) => formatDateTime(x.at) },
          { key: 'from', title: t('supplies.transfers.fromStore'), render: (_: unknown, x: Transfer) => x.from.name },
          { key: 'to', title: t('supplies.transfers.toStore'), render: (_: unknown, x: Transfer) => x.to.name },
          {
            key: 'lines',
            title: t('supplies.lines'),
            render: (_: unknown, x: Transfer) => (
              <>
                <LinesList lines={x.lines} />
                <ReversalNote reversal={x.reversal} />
              </>
            ),
          },
          { key: 'note', title: t('supplies.note'), render: (_: unknown, x: Transfer) => x.note ?? '' },
          { key: 'by', title: t('supplies.by'), render: (_: unknown, x: Transfer) => x.by.name },
          ...(mayMove
            ? [
                {
                  key: 'actions',
                  title: t('supplies.actions'),
                  render: (_: unknown, x: Transfer) =>
                    x.reversal ? (
                      <Tag>{t('supplies.movement.reversed')}</Tag>
                    ) : (
                      <RowAction
                        danger
                        icon={<RollbackOutlined />}
                        label={t('supplies.reverse.action')}
                        onClick={() => setReversing(x)}
                        testId={`transfer-reverse-${x.id}`}
                      />
                    ),
                },
              ]
            : []),
        ]}
        data-testid="transfers-table"
      />
      {reversing ? <ReverseModal kind="transfers" record={reversing} onClose={() => setReversing(null)} /> : null}
    </>
  );
}

/** 物资调拨: allocations out (with their receipt) and transfers between stores. */
export function AllocationsPage() {
  const { t } = useTranslation();
  const mayMove = can(useMe().data, 'supplies.move');
  const filterWidth = useFilterWidth();
  const [regionId, setRegionId] = useState<string | null>(null);
  const [dialog, setDialog] = useState<'send' | 'transfer' | null>(null);
  useSuppliesLive();
  return (
    <>
      <PageHeader
        title={t('supplies.allocations.title')}
        extra={
          mayMove ? (
            <>
              <Button type="primary" icon={<PlusOutlined />} onClick={() => setDialog('send')} data-testid="allocation-create">
                {t('supplies.allocations.create')}
              </Button>
              <Button icon={<SwapOutlined />} onClick={() => setDialog('transfer')} data-testid="transfer-create">
                {t('supplies.transfers.create')}
              </Button>
            </>
          ) : null
        }
      />
      <Card>
        <RegionTreeSelect
          allowClear
          placeholder={t('supplies.stores.filterRegion')}
          value={regionId}
          onChange={setRegionId}
          testId="allocations-filter-region"
          style={{ ...filterWidth(260), marginBottom: 8 }}
        />
        <Tabs
          items={[
            {
              key: 'allocations',
              label: t('supplies.allocations.tabAllocations'),
              children: <AllocationsTable regionId={regionId} />,
            },
            { key: 'transfers', label: t('supplies.allocations.tabTransfers'), children: <TransfersTable regionId={regionId} /> },
          ]}
          data-testid="allocations-tabs"
        />
      </Card>
      {dialog === 'send' ? <AllocationFormModal onClose={() => setDialog(null)} /> : null}
      {dialog === 'transfer' ? <TransferFormModal onClose={() => setDialog(null)} /> : null}
    </>
  );
}
