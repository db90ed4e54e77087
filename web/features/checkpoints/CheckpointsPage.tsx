import {
  DeleteOutlined,
  DownloadOutlined,
  EditOutlined,
  FileExcelOutlined,
  PlusOutlined,
  PrinterOutlined,
} from '@ant-design/icons';
import { useQueryClient } from '@tanstack/react-query';
import { App, Button, Card, Flex, Input, Table, Tooltip, Typography } from 'antd';
import { useState, type HTMLAttributes } from 'react';
import { useTranslation } from 'react-i18next';
import {
  CHECKPOINT_KINDS,
  CHECKPOINT_STATUSES,
  RISK_LEVELS,
  type CheckpointKind,
  type CheckpointStatus,
  type RiskLevel,
} from '../../../common/enums.ts';
import { CHECKPOINT_KIND_LABELS, CHECKPOINT_STATUS_LABELS, RISK_LABELS } from '../../../common/labels.ts';
import { api, download, withQuery } from '../../app/api.ts';
import { useConfirm } from '../../app/confirm.ts';
import { useReportError } from '../../app/errors.ts';
import { can, useMe } from '../../app/session.ts';
import { useIsPhone } from '../../app/useIsPhone.ts';
import { useLanguage } from '../../app/useLanguage.ts';
import { useFilterWidth } from '../../components/filterWidth.ts';
import { SelectFilter } from '../../components/filters.tsx';
import { oneOfParam, textParam, useUrlPagedFilter } from '../../components/useUrlFilter.ts';
import { PageHeader } from '../../components/PageHeader.tsx';
import { QueryError } from '../../components/QueryError.tsx';
import { RowAction } from '../../components/RowAction.tsx';
import { RegionTreeSelect } from '../regions/RegionTreeSelect.tsx';
import { CheckpointFormModal } from './CheckpointFormModal.tsx';
import { CheckpointImportModal } from './CheckpointImportModal.tsx';
import {
  CHECKPOINTS_KEY,
  placardsUrl,
  placardUrl,
  useCheckpoints,
  type Checkpoint,
  type CheckpointFilter,
} from './checkpoints.api.ts';
import { CheckpointStatusTag, OpeningText, RiskTag, ShiftsSummary } from './CheckpointTags.tsx';

/** The placard is a printable page of the server's: a plain link into a new tab, so the browser prints it. */
function PlacardLink({ checkpoint }: { checkpoint: Checkpoint }) {
  const { t } = useTranslation();
  const phone = useIsPhone();
  return (
    <Tooltip title={phone ? t('checkpoints.placard') : undefined}>
      <Button
        type="link"
        icon={<PrinterOutlined />}
        href={placardUrl(checkpoint.id)}
        target="_blank"
        rel="noopener"
        aria-label={t('checkpoints.placard')}
        data-testid={`placard-link-${checkpoint.id}`}
      >
        {phone ? null : t('checkpoints.placard')}
      </Button>
    </Tooltip>
  );
}

export function CheckpointsPage() {
  const { t } = useTranslation();
  const language = useLanguage();
  const { message } = App.useApp();
  const client = useQueryClient();
  const confirm = useConfirm();
  const report = useReportError();
  const phone = useIsPhone();
  const filterWidth = useFilterWidth();
  const canWrite = can(useMe().data, 'checkpoints.write');
  const { filter, change, page, pageSize, pagination } = useUrlPagedFilter<CheckpointFilter>({
    regionId: textParam,
    status: oneOfParam(CHECKPOINT_STATUSES),
  });
  const checkpoints = useCheckpoints(filter, page, pageSize);
  const [editing, setEditing] = useState<Checkpoint | 'new' | null>(null);
  const [importing, setImporting] = useState(false);
  const [exporting, setExporting] = useState(false);

  function remove(checkpoint: Checkpoint) {
    confirm({
      title: t('checkpoints.deleteConfirm', { name: checkpoint.name }),
      content: t('checkpoints.deleteHint'),
      okText: t('common.delete'),
      danger: true,
      testId: 'checkpoint-delete-confirm',
      action: async () => {
        await api.delete(`/checkpoints/${checkpoint.id}`);
        await client.invalidateQueries({ queryKey: [CHECKPOINTS_KEY] });
        void message.success(t('common.deleted'));
      },
    });
  }

  async function exportList() {
    setExporting(true);
    try {
      await download(withQuery('/checkpoints/export', { regionId: filter.regionId }), t('checkpoints.exportFile'));
    } catch (e) {
      report(e);
    } finally {
      setExporting(false);
    }
  }

  const regionId = filter.regionId ?? null;
  return (
    <>
      <PageHeader
        title={t('checkpoints.title')}
        extra={
          <>
            <Tooltip title={regionId ? undefined : t('checkpoints.batchPlacardsHint')}>
              <Button
                icon={<PrinterOutlined />}
                disabled={!regionId}
                href={regionId ? placardsUrl(regionId) : undefined}
                target="_blank"
                rel="noopener"
                data-testid="checkpoint-placards"
              >
                {t('checkpoints.batchPlacards')}
              </Button>
            </Tooltip>
            <Button
              icon={<DownloadOutlined />}
              loading={exporting}
              onClick={() => void exportList()}
              data-testid="checkpoint-export"
            >
              {t('checkpoints.export')}
            </Button>
            {canWrite ? (
              <>
                <Button icon={<FileExcelOutlined />} onClick={() => setImporting(true)} data-testid="checkpoint-import">
                  {t('checkpoints.import')}
                </Button>
                <Button type="primary" icon={<PlusOutlined />} onClick={() => setEditing('new')} data-testid="checkpoint-add">
                  {t('checkpoints.create')}
                </Button>
              </>
            ) : null}
          </>
        }
      />
      <Card>
        <Flex wrap gap={8} style={{ marginBottom: 16 }}>
          <Input.Search
            allowClear
            placeholder={t('checkpoints.filterName')}
            aria-label={t('checkpoints.filterName')}
            onSearch={(q) => change('q')(q)}
            style={filterWidth(180)}
            data-testid="checkpoints-filter-q"
          />
          <RegionTreeSelect
            allowClear
            placeholder={t('checkpoints.filterRegion')}
            value={regionId}
            onChange={change('regionId')}
            testId="checkpoints-filter-region"
            style={filterWidth(220)}
          />
          <SelectFilter<CheckpointKind>
            label={t('checkpoints.filterKind')}
            value={filter.kind}
            onChange={change('kind')}
            options={CHECKPOINT_KINDS.map((k) => ({ value: k, label: CHECKPOINT_KIND_LABELS[k][language] }))}
            style={filterWidth(140)}
            testId="checkpoints-filter-kind"
          />
          <SelectFilter<RiskLevel>
            label={t('checkpoints.filterRisk')}
            value={filter.risk}
            onChange={change('risk')}
            options={[...RISK_LEVELS].reverse().map((r) => ({ value: r, label: RISK_LABELS[r][language] }))}
            style={filterWidth(130)}
            testId="checkpoints-filter-risk"
          />
          <SelectFilter<CheckpointStatus>
            label={t('checkpoints.filterStatus')}
            value={filter.status}
            onChange={change('status')}
            options={CHECKPOINT_STATUSES.map((s) => ({ value: s, label: CHECKPOINT_STATUS_LABELS[s][language] }))}
            style={filterWidth(120)}
            testId="checkpoints-filter-status"
          />
        </Flex>
        {checkpoints.isError ? <QueryError error={checkpoints.error} onRetry={() => void checkpoints.refetch()} /> : null}
        <Table<Checkpoint>
          rowKey="id"
          loading={checkpoints.isFetching}
          dataSource={checkpoints.data?.items ?? []}
          scroll={{ x: 'max-content' }}
          pagination={pagination(checkpoints.data?.total ?? 0)}
          onRow={(c) => ({ 'data-testid': `checkpoint-row-${c.name}` }) as HTMLAttributes<HTMLElement>}
          columns={[
            {
              key: 'name',
              title: t('checkpoints.name'),
              render: (_: unknown, c: Checkpoint) => (
                <>
                  <div>{c.name}</div>
                  <Typography.Text type="secondary" style={{ fontSize: 12 }}>
                    {CHECKPOINT_KIND_LABELS[c.kind][language]}
                  </Typography.Text>
                </>
              ),
            },
            {
              key: 'place',
              title: t('checkpoints.place'),
              render: (_: unknown, c: Checkpoint) => (
                <>
                  <div>{c.regionName}</div>
                  {c.address ? (
                    <Typography.Text type="secondary" style={{ fontSize: 12 }}>
                      {c.address}
                    </Typography.Text>
                  ) : null}
                </>
              ),
            },
            { key: 'risk', title: t('checkpoints.risk'), render: (_: unknown, c: Checkpoint) => <RiskTag risk={c.risk} /> },
            {
              key: 'opening',
              title: t('checkpoints.opening'),
              render: (_: unknown, c: Checkpoint) => <OpeningText checkpoint={c} />,
            },
            {
              key: 'shifts',
              title: t('checkpoints.shifts'),
              render: (_: unknown, c: Checkpoint) => <ShiftsSummary checkpoint={c} />,
            },
            { key: 'team', title: t('checkpoints.team'), render: (_: unknown, c: Checkpoint) => c.teamName ?? '—' },
            {
              key: 'status',
              title: t('checkpoints.status'),
              render: (_: unknown, c: Checkpoint) => <CheckpointStatusTag status={c.status} />,
            },
            {
              key: 'actions',
              title: t('common.actions'),
              fixed: phone ? undefined : ('right' as const),
              render: (_: unknown, c: Checkpoint) => (
                <Flex>
                  {canWrite ? (
                    <RowAction
                      icon={<EditOutlined />}
                      label={t('common.edit')}
                      onClick={() => setEditing(c)}
                      testId={`checkpoint-edit-${c.id}`}
                    />
                  ) : null}
                  <PlacardLink checkpoint={c} />
                  {canWrite ? (
                    <RowAction
                      danger
                      icon={<DeleteOutlined />}
                      label={t('common.delete')}
                      onClick={() => remove(c)}
                      testId={`checkpoint-delete-${c.id}`}
                    />
                  ) : null}
                </Flex>
              ),
            },
          ]}
          data-testid="checkpoints-table"
        />
      </Card>
      {editing ? <CheckpointFormModal checkpoint={editing === 'new' ? null : editing} onClose={() => setEditing(null)} /> : null}
      {importing ? <CheckpointImportModal onClose={() => setImporting(false)} /> : null}
    </>
  );
}
