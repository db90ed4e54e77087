import { DeleteOutlined, EditOutlined, PlusOutlined } from '@ant-design/icons';
import { useQueryClient } from '@tanstack/react-query';
import { App, Button, Card, Flex, Input, Select, Space, Table } from 'antd';
import { useState } from 'react';
import { usePaging } from '../../components/usePaging.ts';
import { useTranslation } from 'react-i18next';
import { UNIT_KINDS, type UnitKind } from '../../../common/enums.ts';
import { UNIT_KIND_LABELS } from '../../../common/labels.ts';
import { api } from '../../app/api.ts';
import { useConfirm } from '../../app/confirm.ts';
import { can, useMe } from '../../app/session.ts';
import { useLanguage } from '../../app/useLanguage.ts';
import { PageHeader } from '../../components/PageHeader.tsx';
import { useFilterWidth } from '../../components/filterWidth.ts';
import { QueryError } from '../../components/QueryError.tsx';
import { RowAction } from '../../components/RowAction.tsx';
import { useIsPhone } from '../../app/useIsPhone.ts';
import { RegionTreeSelect } from '../regions/RegionTreeSelect.tsx';
import { UnitFormModal } from './UnitFormModal.tsx';
import { UNITS_KEY, useUnits, type Unit } from './units.api.ts';

export function UnitsPage() {
  const { t } = useTranslation();
  const language = useLanguage();
  const { message } = App.useApp();
  const client = useQueryClient();
  const confirm = useConfirm();
  const canWrite = can(useMe().data, 'units.write');
  const [regionId, setRegionId] = useState<string | null>(null);
  const [kind, setKind] = useState<UnitKind | null>(null);
  const [q, setQ] = useState('');
  const { page, pageSize, setPage, pagination } = usePaging();
  const [editing, setEditing] = useState<Unit | 'new' | null>(null);
  const units = useUnits({ regionId, kind, q, page, pageSize });
  const phone = useIsPhone();
  const filterWidth = useFilterWidth();

  function remove(unit: Unit) {
    confirm({
      title: t('units.deleteConfirm', { name: unit.name }),
      content: t('common.irreversible'),
      okText: t('common.delete'),
      danger: true,
      testId: 'unit-delete-confirm',
      action: async () => {
        await api.delete(`/units/${unit.id}`);
        await client.invalidateQueries({ queryKey: [UNITS_KEY] });
        void message.success(t('common.deleted'));
      },
    });
  }

  return (
    <>
      <PageHeader
        title={t('units.title')}
        extra={
          canWrite ? (
            <Button type="primary" icon={<PlusOutlined />} onClick={() => setEditing('new')} data-testid="unit-create">
              {t('units.create')}
            </Button>
          ) : null
        }
      />
      <Card>
        <Flex wrap gap={8} style={{ marginBottom: 16 }}>
          <RegionTreeSelect
            allowClear
            placeholder={t('units.filterRegion')}
            value={regionId}
            onChange={(id) => {
              setRegionId(id);
              setPage(1);
            }}
            testId="units-filter-region"
            style={filterWidth(240)}
          />
          <Select<UnitKind>
            allowClear
            placeholder={t('units.filterKind')}
            aria-label={t('units.filterKind')}
            value={kind ?? undefined}
            onChange={(k) => {
              setKind(k ?? null);
              setPage(1);
            }}
            options={UNIT_KINDS.map((k) => ({ value: k, label: UNIT_KIND_LABELS[k][language] }))}
            style={filterWidth(180)}
            data-testid="units-filter-kind"
          />
          <Input.Search
            allowClear
            placeholder={t('units.searchName')}
            aria-label={t('units.searchName')}
            onSearch={(value) => {
              setQ(value);
              setPage(1);
            }}
            style={filterWidth(240)}
            data-testid="units-filter-q"
          />
        </Flex>
        {units.isError ? <QueryError error={units.error} onRetry={() => void units.refetch()} /> : null}
        <Table<Unit>
          rowKey="id"
          loading={units.isFetching}
          dataSource={units.data?.items ?? []}
          scroll={{ x: 'max-content' }}
          pagination={pagination(units.data?.total ?? 0)}
          columns={[
            { key: 'name', title: t('units.name'), dataIndex: 'name' },
            { key: 'kind', title: t('units.kind'), dataIndex: 'kind', render: (k: UnitKind) => UNIT_KIND_LABELS[k][language] },
            { key: 'region', title: t('units.region'), dataIndex: 'regionName' },
            { key: 'contact', title: t('units.contact'), dataIndex: 'contact', render: (c: string | null) => c ?? '—' },
            ...(canWrite
              ? [
                  {
                    key: 'actions',
                    title: t('common.actions'),
                    fixed: phone ? undefined : ('right' as const),
                    render: (_: unknown, unit: Unit) => (
                      <Space size={0}>
                        <RowAction
                          icon={<EditOutlined />}
                          label={t('common.edit')}
                          onClick={() => setEditing(unit)}
                          testId={`unit-edit-${unit.id}`}
                        />
                        <RowAction
                          danger
                          icon={<DeleteOutlined />}
                          label={t('common.delete')}
                          onClick={() => remove(unit)}
                          testId={`unit-delete-${unit.id}`}
                        />
                      </Space>
                    ),
                  },
                ]
              : []),
          ]}
          data-testid="units-table"
        />
      </Card>
      {editing ? <UnitFormModal unit={editing === 'new' ? null : editing} onClose={() => setEditing(null)} /> : null}
    </>
  );
}
