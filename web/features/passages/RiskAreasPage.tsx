import { DeleteOutlined, EditOutlined, PlusOutlined } from '@ant-design/icons';
import { useQueryClient } from '@tanstack/react-query';
import { App, Button, Card, Flex, Switch, Table, Tag, Typography } from 'antd';
import { useState, type HTMLAttributes } from 'react';
import { useTranslation } from 'react-i18next';
import { RISK_AREA_LEVEL_LABELS } from '../../../common/labels.ts';
import { useConfirm } from '../../app/confirm.ts';
import { formatDateTime } from '../../app/dates.ts';
import { can, useMe } from '../../app/session.ts';
import { useIsPhone } from '../../app/useIsPhone.ts';
import { useLanguage } from '../../app/useLanguage.ts';
import { PageHeader } from '../../components/PageHeader.tsx';
import { QueryError } from '../../components/QueryError.tsx';
import { RowAction } from '../../components/RowAction.tsx';
import { deleteRiskArea, RISK_AREAS_KEY, useRiskAreas, type RiskArea } from './passages.api.ts';
import { RiskAreaFormModal } from './risk-areas/RiskAreaFormModal.tsx';

/** 风险地区: where arrivals from are followed up. The organisation department keeps the list for the city. */
export function RiskAreasPage() {
  const { t } = useTranslation();
  const language = useLanguage();
  const { message } = App.useApp();
  const client = useQueryClient();
  const confirm = useConfirm();
  const phone = useIsPhone();
  const canWrite = can(useMe().data, 'riskAreas.write');
  const [activeOnly, setActiveOnly] = useState(true);
  const areas = useRiskAreas(activeOnly);
  const [editing, setEditing] = useState<RiskArea | 'new' | null>(null);

  function remove(area: RiskArea) {
    confirm({
      title: t('passages.riskAreas.deleteConfirm', { name: area.name }),
      content: t('passages.riskAreas.deleteHint'),
      okText: t('common.delete'),
      danger: true,
      testId: 'risk-area-delete-confirm',
      action: async () => {
        await deleteRiskArea(area.id);
        await client.invalidateQueries({ queryKey: [RISK_AREAS_KEY] });
        void message.success(t('common.deleted'));
      },
    });
  }

  return (
    <>
      <PageHeader
        title={t('passages.riskAreas.title')}
        extra={
          canWrite ? (
            <Button type="primary" icon={<PlusOutlined />} onClick={() => setEditing('new')} data-testid="risk-area-add">
              {t('passages.riskAreas.create')}
            </Button>
          ) : null
        }
      />
      <Card>
        <Flex align="center" gap={8} wrap style={{ marginBottom: 16 }}>
          <Switch
            checked={activeOnly}
            onChange={setActiveOnly}
            aria-label={t('passages.riskAreas.activeOnly')}
            data-testid="risk-areas-active"
          />
          <span>{t('passages.riskAreas.activeOnly')}</span>
          <Typography.Text type="secondary" style={{ fontSize: 13 }}>
            {t('passages.riskAreas.intro')}
          </Typography.Text>
        </Flex>
        {areas.isError ? <QueryError error={areas.error} onRetry={() => void areas.refetch()} /> : null}
        <Table<RiskArea>
          rowKey="id"
          loading={areas.isFetching}
          dataSource={areas.data ?? []}
          scroll={{ x: 'max-content' }}
          pagination={{ pageSize: 50, hideOnSinglePage: true }}
          onRow={(a) => ({ 'data-testid': `risk-area-row-${a.code}` }) as HTMLAttributes<HTMLElement>}
          columns={[
            {
              key: 'name',
              title: t('passages.riskAreas.division'),
              render: (_: unknown, a: RiskArea) => (
                <>
                  <div>{a.name}</div>
                  <Typography.Text type="secondary" style={{ fontSize: 12 }}>
                    {a.code}
                  </Typography.Text>
                </>
              ),
            },
            {
              key: 'level',
              title: t('passages.riskAreas.level'),
              render: (_: unknown, a: RiskArea) => (
                <Tag color={a.level === 'high' ? 'red' : 'orange'}>{RISK_AREA_LEVEL_LABELS[a.level][language]}</Tag>
              ),
            },
            {
              key: 'period',
              title: t('passages.riskAreas.period'),
              render: (_: unknown, a: RiskArea) => (
                <span style={{ whiteSpace: 'nowrap' }}>
                  {a.startsOn} – {a.endsOn ?? t('passages.riskAreas.untilLifted')}
                </span>
              ),
            },
            {
              key: 'active',
              title: t('passages.riskAreas.status'),
              render: (_: unknown, a: RiskArea) =>
                a.active ? (
                  <Tag color="red">{t('passages.riskAreas.active')}</Tag>
                ) : (
                  <Tag>{t('passages.riskAreas.inactive')}</Tag>
                ),
            },
            { key: 'note', title: t('passages.riskAreas.note'), render: (_: unknown, a: RiskArea) => a.note ?? '—' },
            {
              key: 'updatedAt',
              title: t('passages.riskAreas.updatedAt'),
              render: (_: unknown, a: RiskArea) => (
                <span style={{ whiteSpace: 'nowrap' }}>{formatDateTime(a.updatedAt).slice(0, 16)}</span>
              ),
            },
            ...(canWrite
              ? [
                  {
                    key: 'actions',
                    title: t('common.actions'),
                    fixed: phone ? undefined : ('right' as const),
                    render: (_: unknown, a: RiskArea) => (
                      <Flex>
                        <RowAction
                          icon={<EditOutlined />}
                          label={t('common.edit')}
                          onClick={() => setEditing(a)}
                          testId={`risk-area-edit-${a.id}`}
                        />
                        <RowAction
                          danger
                          icon={<DeleteOutlined />}
                          label={t('common.delete')}
                          onClick={() => remove(a)}
                          testId={`risk-area-delete-${a.id}`}
                        />
                      </Flex>
                    ),
                  },
                ]
              : []),
          ]}
          data-testid="risk-areas-table"
        />
      </Card>
      {editing ? <RiskAreaFormModal area={editing === 'new' ? null : editing} onClose={() => setEditing(null)} /> : null}
    </>
  );
}
