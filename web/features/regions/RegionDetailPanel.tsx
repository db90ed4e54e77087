import { DeleteOutlined, DragOutlined, EditOutlined, PlusOutlined } from '@ant-design/icons';
import { useQueryClient } from '@tanstack/react-query';
import { App, Breadcrumb, Button, Card, Descriptions, Flex, Skeleton, Tooltip } from 'antd';
import { useTranslation } from 'react-i18next';
import { childLevel } from '../../../common/enums.ts';
import { REGION_LEVEL_LABELS } from '../../../common/labels.ts';
import { api } from '../../app/api.ts';
import { useConfirm } from '../../app/confirm.ts';
import { useLanguage } from '../../app/useLanguage.ts';
import { QueryError } from '../../components/QueryError.tsx';
import { REGIONS_KEY, useRegion, type RegionDetail } from './regions.api.ts';

export interface RegionActions {
  addChild: (region: RegionDetail) => void;
  edit: (region: RegionDetail) => void;
  move: (region: RegionDetail) => void;
  deleted: () => void;
}

export function RegionDetailPanel({ id, canWrite, actions }: { id: string; canWrite: boolean; actions: RegionActions }) {
  const { t } = useTranslation();
  const language = useLanguage();
  const { message } = App.useApp();
  const client = useQueryClient();
  const confirm = useConfirm();
  const detail = useRegion(id);

  if (detail.isPending)
    return (
      <Card>
        <Skeleton active />
      </Card>
    );
  if (detail.isError) return <QueryError error={detail.error} onRetry={() => void detail.refetch()} />;
  const region = detail.data;
  const childOf = childLevel(region.level);

  function remove() {
    confirm({
      title: t('regions.deleteConfirm', { name: region.name }),
      content: t('common.irreversible'),
      okText: t('common.delete'),
      danger: true,
      testId: 'region-delete-confirm',
      action: async () => {
        await api.delete(`/regions/${region.id}`);
        client.removeQueries({ queryKey: [REGIONS_KEY, 'detail', region.id] });
        await client.invalidateQueries({ queryKey: [REGIONS_KEY] });
        void message.success(t('common.deleted'));
        actions.deleted();
      },
    });
  }

  const toolbar = canWrite ? (
    <Flex wrap gap={8}>
      <Tooltip title={childOf ? null : t('regions.gridNoChildren')}>
        <Button icon={<PlusOutlined />} disabled={!childOf} onClick={() => actions.addChild(region)} data-testid="region-add">
          {t('regions.addChild')}
        </Button>
      </Tooltip>
      <Button icon={<EditOutlined />} onClick={() => actions.edit(region)} data-testid="region-edit">
        {t('common.edit')}
      </Button>
      <Tooltip title={region.parentId ? null : t('regions.cityCannotMove')}>
        <Button
          icon={<DragOutlined />}
          disabled={!region.parentId}
          onClick={() => actions.move(region)}
          data-testid="region-move"
        >
          {t('regions.move')}
        </Button>
      </Tooltip>
      <Button danger icon={<DeleteOutlined />} onClick={remove} data-testid="region-delete">
        {t('common.delete')}
      </Button>
    </Flex>
  ) : null;

  return (
    <Card title={region.name} data-testid="region-detail">
      <Descriptions
        column={1}
        size="small"
        bordered
        styles={{ label: { width: 140 } }}
        items={[
          { key: 'level', label: t('regions.level'), children: REGION_LEVEL_LABELS[region.level][language] },
          { key: 'code', label: t('regions.code'), children: region.code ?? t('regions.codeNone') },
          {
            key: 'path',
            label: t('regions.path'),
            children: region.ancestors.length ? (
              <Breadcrumb items={region.ancestors.map((a) => ({ key: a.id, title: a.name }))} />
            ) : (
              t('regions.pathTop')
            ),
          },
          {
            key: 'children',
            label: t('regions.usageChildren'),
            children: <span data-testid="region-usage-children">{region.usage.children}</span>,
          },
          {
            key: 'units',
            label: t('regions.usageUnits'),
            children: <span data-testid="region-usage-units">{region.usage.units}</span>,
          },
          {
            key: 'grants',
            label: t('regions.usageGrants'),
            children: <span data-testid="region-usage-grants">{region.usage.grants}</span>,
          },
          {
            key: 'records',
            label: t('regions.usageRecords'),
            children: <span data-testid="region-usage-records">{region.usage.records}</span>,
          },
        ]}
      />
      {toolbar ? <div style={{ marginTop: 16 }}>{toolbar}</div> : null}
    </Card>
  );
}
