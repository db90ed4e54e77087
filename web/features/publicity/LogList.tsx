import { DeleteOutlined } from '@ant-design/icons';
import { Checkbox, Flex, Form, Input, Table, Typography } from 'antd';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { PUBLICITY_MATERIALS, type PublicityMaterial } from '../../../common/enums.ts';
import { PUBLICITY_MATERIAL_LABELS } from '../../../common/labels.ts';
import { formatDateTime } from '../../app/dates.ts';
import { useLanguage } from '../../app/useLanguage.ts';
import { useFilterWidth } from '../../components/filterWidth.ts';
import { SelectFilter } from '../../components/filters.tsx';
import { FormModal } from '../../components/FormModal.tsx';
import { QueryError } from '../../components/QueryError.tsx';
import { RowAction } from '../../components/RowAction.tsx';
import { textParam, useUrlPagedFilter } from '../../components/useUrlFilter.ts';
import { RegionTreeSelect } from '../regions/RegionTreeSelect.tsx';
import { MaterialTag } from './MaterialTag.tsx';
import { PeriodPicker, presetValue, type PeriodValue } from './PeriodPicker.tsx';
import { deleteLog, PUBLICITY_KEY, usePublicityLogs, type LogFilter, type PublicityLog } from './publicity.api.ts';

/** Where, in one cell: the region, the checkpoint, the place in words. */
export function WhereText({ log }: { log: PublicityLog }) {
  return (
    <Flex vertical style={{ lineHeight: 1.3 }}>
      <span>{log.checkpointName ?? log.place ?? log.regionName}</span>
      <Typography.Text type="secondary" style={{ fontSize: 12 }}>
        {[log.regionName, log.checkpointName ? log.place : null].filter(Boolean).join(' · ')}
      </Typography.Text>
    </Flex>
  );
}

function DeleteModal({ log, onClose }: { log: PublicityLog; onClose: () => void }) {
  const { t } = useTranslation();
  return (
    <FormModal<{ reason: string }>
      title={t('publicity.deleteTitle')}
      testId="publicity-delete"
      onClose={onClose}
      submit={(v) => deleteLog(log.id, v.reason.trim())}
      invalidate={[PUBLICITY_KEY]}
      success={t('publicity.deleted')}
      okText={t('publicity.delete')}
      intro={
        <Typography.Paragraph type="secondary">
          {t('publicity.deleteIntro')}
          <br />
          <MaterialTag material={log.material} /> {log.title} × {log.quantity} · {log.byName}
        </Typography.Paragraph>
      }
    >
      <Form.Item
        name="reason"
        label={t('publicity.deleteReason')}
        rules={[{ required: true, whitespace: true, message: t('publicity.deleteReasonRequired') }]}
      >
        <Input maxLength={200} placeholder={t('publicity.deleteReasonPlaceholder')} data-testid="publicity-delete-reason" />
      </Form.Item>
    </FormModal>
  );
}

/** 宣传记录: every entry of the area (staff), newest first, filtered; a wrong one is deleted with a reason. */
export function LogList() {
  const { t } = useTranslation();
  const language = useLanguage();
  const filterWidth = useFilterWidth();
  const { filter, change, page, pageSize, pagination, setPage } = useUrlPagedFilter<LogFilter>({ regionId: textParam });
  const [period, setPeriod] = useState<PeriodValue>(() => presetValue('all'));
  const logs = usePublicityLogs({ ...filter, from: period.from, to: period.to }, page, pageSize);
  const [deleting, setDeleting] = useState<PublicityLog | null>(null);

  return (
    <>
      <Flex wrap gap={8} style={{ marginBottom: 16 }} align="center">
        <PeriodPicker
          value={period}
          onChange={(v) => {
            setPeriod(v);
            setPage(1);
          }}
          testId="publicity-logs-period"
        />
        <RegionTreeSelect
          allowClear
          placeholder={t('publicity.filterRegion')}
          value={filter.regionId ?? null}
          onChange={change('regionId')}
          testId="publicity-filter-region"
          style={filterWidth(200)}
        />
        <SelectFilter<PublicityMaterial>
          label={t('publicity.filterMaterial')}
          value={filter.material}
          onChange={change('material')}
          options={PUBLICITY_MATERIALS.map((m) => ({ value: m, label: PUBLICITY_MATERIAL_LABELS[m][language] }))}
          style={filterWidth(140)}
          testId="publicity-filter-material"
        />
        <Checkbox
          checked={Boolean(filter.mine)}
          onChange={(e) => change('mine')(e.target.checked)}
          data-testid="publicity-filter-mine"
        >
          {t('publicity.onlyMine')}
        </Checkbox>
      </Flex>
      {logs.isError ? <QueryError error={logs.error} onRetry={() => void logs.refetch()} /> : null}
      <Table<PublicityLog>
        rowKey="id"
        size="small"
        loading={logs.isFetching}
        dataSource={logs.data?.items ?? []}
        scroll={{ x: 'max-content' }}
        pagination={pagination(logs.data?.total ?? 0)}
        locale={{ emptyText: t('publicity.empty') }}
        onRow={(l) => ({ 'data-testid': `publicity-row-${l.id}` }) as object}
        columns={[
          {
            key: 'time',
            title: t('publicity.time'),
            render: (_: unknown, l: PublicityLog) => (
              <span style={{ whiteSpace: 'nowrap' }}>{formatDateTime(l.doneAt).slice(0, 16)}</span>
            ),
          },
          {
            key: 'material',
            title: t('publicity.material'),
            render: (_: unknown, l: PublicityLog) => <MaterialTag material={l.material} />,
          },
          { key: 'what', title: t('publicity.what'), dataIndex: 'title' },
          {
            key: 'quantity',
            title: t('publicity.quantity'),
            align: 'right' as const,
            render: (_: unknown, l: PublicityLog) => (
              <span style={{ whiteSpace: 'nowrap' }}>
                <strong>{l.quantity.toLocaleString()}</strong> {t(`publicity.unit.${l.material}`)}
              </span>
            ),
          },
          { key: 'where', title: t('publicity.where'), render: (_: unknown, l: PublicityLog) => <WhereText log={l} /> },
          {
            key: 'by',
            title: t('publicity.by'),
            render: (_: unknown, l: PublicityLog) => (
              <Flex vertical style={{ lineHeight: 1.3 }}>
                <span>{l.byName}</span>
                {l.teamName ? (
                  <Typography.Text type="secondary" style={{ fontSize: 12 }}>
                    {l.teamName}
                  </Typography.Text>
                ) : null}
              </Flex>
            ),
          },
          { key: 'note', title: t('publicity.note'), dataIndex: 'note', render: (v: string | null) => v ?? '' },
          {
            key: 'actions',
            title: t('common.actions'),
            render: (_: unknown, l: PublicityLog) => (
              <RowAction
                icon={<DeleteOutlined />}
                label={t('publicity.delete')}
                danger
                onClick={() => setDeleting(l)}
                testId={`publicity-delete-${l.id}`}
              />
            ),
          },
        ]}
        data-testid="publicity-logs-table"
      />
      {deleting ? <DeleteModal log={deleting} onClose={() => setDeleting(null)} /> : null}
    </>
  );
}
