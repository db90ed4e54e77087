import { DeleteOutlined, EditOutlined, PlusOutlined } from '@ant-design/icons';
import { App, Button, Card, Flex, Input, Switch, Table, Tag, Tooltip, Typography } from 'antd';
import { useState, type HTMLAttributes } from 'react';
import { useTranslation } from 'react-i18next';
import { INSPECTION_GROUP_KINDS, type InspectionGroupKind } from '../../../common/enums.ts';
import { INSPECTION_GROUP_KIND_LABELS } from '../../../common/labels.ts';
import { useConfirm } from '../../app/confirm.ts';
import { can, useMe } from '../../app/session.ts';
import { useIsPhone } from '../../app/useIsPhone.ts';
import { useLanguage } from '../../app/useLanguage.ts';
import { useFilterWidth } from '../../components/filterWidth.ts';
import { SelectFilter } from '../../components/filters.tsx';
import { PageHeader } from '../../components/PageHeader.tsx';
import { QueryError } from '../../components/QueryError.tsx';
import { RowAction } from '../../components/RowAction.tsx';
import { RegionTreeSelect } from '../regions/RegionTreeSelect.tsx';
import { GroupFormModal } from './groups/GroupFormModal.tsx';
import { GroupKindTag } from './InspectionTags.tsx';
import { useDeleteGroup, useInspectionGroups, type GroupFilter, type InspectionGroup } from './inspections.api.ts';

/** A long list of names folds into a count; all of them on hover. */
const SHOWN_NAMES = 3;

function Names({ names, testId }: { names: string[]; testId: string }) {
  const { t } = useTranslation();
  if (!names.length) return <Typography.Text type="secondary">—</Typography.Text>;
  const shown = names.slice(0, SHOWN_NAMES).join(t('inspections.listSeparator'));
  const text = names.length > SHOWN_NAMES ? t('inspections.groups.andMore', { names: shown, count: names.length }) : shown;
  return (
    <Tooltip title={names.length > SHOWN_NAMES ? names.join(t('inspections.listSeparator')) : undefined}>
      <span data-testid={testId}>{text}</span>
    </Tooltip>
  );
}

/** 督查组: the liaison and discipline groups of an area, who is in them and where they inspect. */
export function InspectionGroupsPage() {
  const { t } = useTranslation();
  const language = useLanguage();
  const { message } = App.useApp();
  const deleteGroup = useDeleteGroup();
  const confirm = useConfirm();
  const phone = useIsPhone();
  const filterWidth = useFilterWidth();
  const canManage = can(useMe().data, 'inspections.groups');
  const [filter, setFilter] = useState<GroupFilter>({});
  const groups = useInspectionGroups(filter);
  const [editing, setEditing] = useState<InspectionGroup | 'new' | null>(null);
  const change =
    <K extends keyof GroupFilter>(key: K) =>
    (value: GroupFilter[K]) =>
      setFilter((f) => ({ ...f, [key]: value }));

  function remove(group: InspectionGroup) {
    confirm({
      title: t('inspections.groups.deleteConfirm', { name: group.name }),
      content: t('inspections.groups.deleteHint'),
      okText: t('common.delete'),
      danger: true,
      testId: 'group-delete-confirm',
      action: () => deleteGroup(group.id).then(() => void message.success(t('common.deleted'))),
    });
  }

  return (
    <>
      <PageHeader
        title={t('inspections.groups.title')}
        extra={
          canManage ? (
            <Button type="primary" icon={<PlusOutlined />} onClick={() => setEditing('new')} data-testid="group-add">
              {t('inspections.groups.create')}
            </Button>
          ) : null
        }
      />
      <Card>
        <Flex wrap gap={8} align="center" style={{ marginBottom: 16 }}>
          <Input.Search
            allowClear
            placeholder={t('inspections.groups.filterName')}
            aria-label={t('inspections.groups.filterName')}
            onSearch={change('q')}
            style={filterWidth(180)}
            data-testid="groups-filter-q"
          />
          <RegionTreeSelect
            allowClear
            placeholder={t('inspections.groups.filterRegion')}
            value={filter.regionId ?? null}
            onChange={change('regionId')}
            testId="groups-filter-region"
            style={filterWidth(220)}
          />
          <SelectFilter<InspectionGroupKind>
            label={t('inspections.groups.filterKind')}
            value={filter.kind}
            onChange={change('kind')}
            options={INSPECTION_GROUP_KINDS.map((k) => ({ value: k, label: INSPECTION_GROUP_KIND_LABELS[k][language] }))}
            style={filterWidth(160)}
            testId="groups-filter-kind"
          />
          <Flex gap={6} align="center">
            <Switch
              size="small"
              checked={!!filter.mine}
              onChange={change('mine')}
              aria-label={t('inspections.groups.mine')}
              data-testid="groups-filter-mine"
            />
            <span>{t('inspections.groups.mine')}</span>
          </Flex>
        </Flex>
        {groups.isError ? <QueryError error={groups.error} onRetry={() => void groups.refetch()} /> : null}
        <Table<InspectionGroup>
          rowKey="id"
          loading={groups.isFetching}
          dataSource={groups.data?.items ?? []}
          scroll={{ x: 'max-content' }}
          pagination={{ pageSize: 20, hideOnSinglePage: true, showTotal: (count) => t('common.total', { count }) }}
          onRow={(g) => ({ 'data-testid': `group-row-${g.name}` }) as HTMLAttributes<HTMLElement>}
          columns={[
            {
              key: 'name',
              title: t('inspections.groups.name'),
              render: (_: unknown, g: InspectionGroup) => (
                <Flex vertical gap={2}>
                  <span>{g.name}</span>
                  {g.note ? (
                    <Typography.Text type="secondary" ellipsis={{ tooltip: g.note }} style={{ fontSize: 12, maxWidth: 180 }}>
                      {g.note}
                    </Typography.Text>
                  ) : null}
                </Flex>
              ),
            },
            {
              key: 'kind',
              title: t('inspections.groups.kind'),
              render: (_: unknown, g: InspectionGroup) => <GroupKindTag kind={g.kind} />,
            },
            { key: 'region', title: t('inspections.groups.regionShort'), dataIndex: 'regionName' },
            {
              key: 'area',
              title: t('inspections.groups.area'),
              render: (_: unknown, g: InspectionGroup) => (
                <Flex wrap gap={4} style={{ maxWidth: 200 }} data-testid={`group-area-${g.id}`}>
                  {g.area.map((a) => (
                    <Tag key={a.regionId} style={{ marginInlineEnd: 0 }}>
                      {a.name}
                    </Tag>
                  ))}
                </Flex>
              ),
            },
            {
              key: 'members',
              title: t('inspections.groups.people'),
              render: (_: unknown, g: InspectionGroup) => (
                <Flex vertical gap={2}>
                  <span>
                    {g.leader ? (
                      t('inspections.groups.leaderIs', { name: g.leader.name })
                    ) : (
                      <Typography.Text type="secondary">{t('inspections.groups.noLeader')}</Typography.Text>
                    )}
                  </span>
                  <Typography.Text type="secondary" style={{ fontSize: 12 }}>
                    <Names names={g.members.map((m) => m.name)} testId={`group-members-${g.id}`} />
                  </Typography.Text>
                </Flex>
              ),
            },
            {
              key: 'visitsToday',
              title: t('inspections.groups.visitsToday'),
              render: (_: unknown, g: InspectionGroup) => <span data-testid={`group-visits-${g.id}`}>{g.visitsToday}</span>,
            },
            ...(canManage
              ? [
                  {
                    key: 'actions',
                    title: t('common.actions'),
                    fixed: phone ? undefined : ('right' as const),
                    render: (_: unknown, g: InspectionGroup) => (
                      <Flex>
                        <RowAction
                          icon={<EditOutlined />}
                          label={t('common.edit')}
                          onClick={() => setEditing(g)}
                          testId={`group-edit-${g.id}`}
                        />
                        <RowAction
                          danger
                          icon={<DeleteOutlined />}
                          label={t('common.delete')}
                          onClick={() => remove(g)}
                          testId={`group-delete-${g.id}`}
                        />
                      </Flex>
                    ),
                  },
                ]
              : []),
          ]}
          data-testid="groups-table"
        />
      </Card>
      {editing ? <GroupFormModal group={editing === 'new' ? null : editing} onClose={() => setEditing(null)} /> : null}
    </>
  );
}
