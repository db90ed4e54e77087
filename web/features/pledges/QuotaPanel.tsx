import { DeleteOutlined, EditOutlined, PlusOutlined } from '@ant-design/icons';
import { useQueryClient } from '@tanstack/react-query';
import { App, Button, Form, InputNumber, Progress, Radio, Space, Table, Tag, Typography } from 'antd';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { api } from '../../app/api.ts';
import { useConfirm } from '../../app/confirm.ts';
import { useIsPhone } from '../../app/useIsPhone.ts';
import { FormModal } from '../../components/FormModal.tsx';
import { QueryError } from '../../components/QueryError.tsx';
import { RowAction } from '../../components/RowAction.tsx';
import { RegionTreeSelect } from '../regions/RegionTreeSelect.tsx';
import { UnitSelect } from '../volunteers/UnitSelect.tsx';
import { PLEDGES_KEY, useQuotas, type Quota } from './pledges.api.ts';

interface QuotaForm {
  kind: 'unit' | 'region';
  unitId?: string;
  regionId?: string;
  quota: number;
}

function QuotaModal({ quota, onClose }: { quota: Quota | null; onClose: () => void }) {
  const { t } = useTranslation();
  const [form] = Form.useForm<QuotaForm>();
  const kind = Form.useWatch('kind', form);

  const required = { required: true, message: t('auth.required') };
  return (
    <FormModal<QuotaForm>
      form={form}
      title={quota ? t('quotas.editTitle') : t('quotas.createTitle')}
      testId="quota-form"
      cancelTestId={false}
      onClose={onClose}
      initialValues={
        quota
          ? {
              kind: quota.unitId ? 'unit' : 'region',
              unitId: quota.unitId ?? undefined,
              regionId: quota.regionId ?? undefined,
              quota: quota.quota,
            }
          : { kind: 'unit', quota: 10 }
      }
      submit={(v) =>
        api.put('/pledge-quotas', {
          ...(v.kind === 'unit' ? { unitId: v.unitId } : { regionId: v.regionId }),
          quota: v.quota,
        })
      }
      invalidate={[PLEDGES_KEY, 'quotas']}
    >
      <Form.Item name="kind" label={t('quotas.kind')}>
        <Radio.Group
          disabled={!!quota}
          optionType="button"
          options={[
            { value: 'unit', label: t('quotas.kindUnit') },
            { value: 'region', label: t('quotas.kindRegion') },
          ]}
        />
      </Form.Item>
      {kind === 'region' ? (
        <Form.Item name="regionId" label={t('quotas.region')} rules={[required]}>
          <RegionTreeSelect disabled={!!quota} testId="quota-form-region" style={{ width: '100%' }} />
        </Form.Item>
      ) : (
        <Form.Item name="unitId" label={t('quotas.unit')} rules={[required]}>
          <UnitSelect testId="quota-form-unit" style={{ width: '100%' }} />
        </Form.Item>
      )}
      <Form.Item name="quota" label={t('quotas.quota')} rules={[required]} extra={t('quotas.quotaHint')}>
        <InputNumber min={0} max={100000} precision={0} style={{ width: 160 }} data-testid="quota-form-quota" />
      </Form.Item>
    </FormModal>
  );
}

/** Selection quotas per unit and per home region: approvals stop at the number set here. */
export function QuotaPanel() {
  const { t } = useTranslation();
  const { message } = App.useApp();
  const client = useQueryClient();
  const confirm = useConfirm();
  const phone = useIsPhone();
  const quotas = useQuotas();
  const [editing, setEditing] = useState<Quota | 'new' | null>(null);

  function remove(q: Quota) {
    confirm({
      title: t('quotas.deleteConfirm', { name: q.unitName ?? q.regionName ?? '' }),
      okText: t('common.delete'),
      danger: true,
      testId: 'quota-delete-confirm',
      action: async () => {
        await api.delete(`/pledge-quotas/${q.id}`);
        await client.invalidateQueries({ queryKey: [PLEDGES_KEY, 'quotas'] });
        void message.success(t('common.deleted'));
      },
    });
  }

  return (
    <>
      <Space wrap style={{ marginBottom: 16, width: '100%', justifyContent: 'space-between' }}>
        <Typography.Text type="secondary">{t('quotas.intro')}</Typography.Text>
        <Button icon={<PlusOutlined />} onClick={() => setEditing('new')} data-testid="quota-create">
          {t('quotas.create')}
        </Button>
      </Space>
      {quotas.isError ? <QueryError error={quotas.error} onRetry={() => void quotas.refetch()} /> : null}
      <Table<Quota>
        rowKey="id"
        loading={quotas.isFetching}
        dataSource={quotas.data ?? []}
        pagination={false}
        scroll={{ x: 'max-content' }}
        locale={{ emptyText: t('quotas.empty') }}
        columns={[
          {
            key: 'target',
            title: t('quotas.target'),
            render: (_: unknown, q: Quota) => (
              <Space size={4}>
                <Tag>{q.unitId ? t('quotas.kindUnit') : t('quotas.kindRegion')}</Tag>
                {q.unitName ?? q.regionName}
              </Space>
            ),
          },
          {
            key: 'usage',
            title: t('quotas.usage'),
            render: (_: unknown, q: Quota) => (
              <Space size={8} data-testid={`quota-usage-${q.id}`}>
                <Progress
                  percent={q.quota ? Math.min(100, Math.round((q.used / q.quota) * 100)) : 100}
                  status={q.used >= q.quota ? 'exception' : 'normal'}
                  showInfo={false}
                  style={{ width: phone ? 80 : 160, margin: 0 }}
                />
                <span style={{ whiteSpace: 'nowrap' }}>
                  {q.used} / {q.quota}
                </span>
                {q.used >= q.quota ? <Tag color="red">{t('quotas.full')}</Tag> : null}
              </Space>
            ),
          },
          {
            key: 'actions',
            title: t('common.actions'),
            render: (_: unknown, q: Quota) => (
              <Space size={0}>
                <RowAction
                  icon={<EditOutlined />}
                  label={t('common.edit')}
                  onClick={() => setEditing(q)}
                  testId={`quota-edit-${q.id}`}
                />
                <RowAction
                  danger
                  icon={<DeleteOutlined />}
                  label={t('common.delete')}
                  onClick={() => remove(q)}
                  testId={`quota-delete-${q.id}`}
                />
              </Space>
            ),
          },
        ]}
        data-testid="quotas-table"
      />
      {editing ? <QuotaModal quota={editing === 'new' ? null : editing} onClose={() => setEditing(null)} /> : null}
    </>
  );
}
