import {
  CalendarOutlined,
  DeleteOutlined,
  EditOutlined,
  MoreOutlined,
  PauseCircleOutlined,
  PlayCircleOutlined,
} from '@ant-design/icons';
import { useQueryClient } from '@tanstack/react-query';
import { App, Button, Dropdown, Flex, Input, Switch, Table, Tag, Typography } from 'antd';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { PLACE_KINDS, type PlaceKind } from '../../../common/enums.ts';
import { PLACE_KIND_LABELS } from '../../../common/labels.ts';
import { useConfirm } from '../../app/confirm.ts';
import { useReportError } from '../../app/errors.ts';
import { useLanguage } from '../../app/useLanguage.ts';
import { useFilterWidth } from '../../components/filterWidth.ts';
import { SelectFilter, usePagedFilter } from '../../components/filters.tsx';
import { QueryError } from '../../components/QueryError.tsx';
import { RowAction } from '../../components/RowAction.tsx';
import { DISINFECTION_KEY, deletePlace, updatePlace, usePlaces, type Place, type PlaceFilter } from './disinfection.api.ts';
import { squareMetres } from './DisinfectionTags.tsx';
import { PlaceFormModal } from './PlaceFormModal.tsx';
import { ScheduleFormModal } from './ScheduleFormModal.tsx';

/** 消杀点位: the places of the region picked above, with their active and overdue schedules. */
export function PlacesTab({ regionId, canPlan }: { regionId: string | null; canPlan: boolean }) {
  const { t } = useTranslation();
  const language = useLanguage();
  const { message } = App.useApp();
  const client = useQueryClient();
  const report = useReportError();
  const confirm = useConfirm();
  const filterWidth = useFilterWidth();
  const { filter, change, page, pageSize, pagination } = usePagedFilter<Omit<PlaceFilter, 'regionId'>>();
  const places = usePlaces({ ...filter, regionId }, page, pageSize);
  const [editing, setEditing] = useState<Place | null>(null);
  const [scheduling, setScheduling] = useState<Place | null>(null);

  async function setActive(p: Place, active: boolean) {
    try {
      await updatePlace(p.id, { active });
      await client.invalidateQueries({ queryKey: [DISINFECTION_KEY] });
      void message.success(t('common.saved'));
    } catch (e) {
      report(e);
    }
  }

  return (
    <>
      <Flex wrap gap={12} align="center" style={{ marginBottom: 16 }}>
        <Input.Search
          allowClear
          placeholder={t('disinfection.places.search')}
          onSearch={(q) => change('q')(q)}
          style={filterWidth(220)}
          data-testid="places-filter-q"
        />
        <SelectFilter<PlaceKind>
          label={t('disinfection.places.kind')}
          value={filter.kind}
          onChange={change('kind')}
          options={PLACE_KINDS.map((k) => ({ value: k, label: PLACE_KIND_LABELS[k][language] }))}
          style={filterWidth(150)}
          testId="places-filter-kind"
        />
        <Flex gap={6} align="center">
          <Switch size="small" checked={!!filter.overdue} onChange={change('overdue')} data-testid="places-filter-overdue" />
          <span>{t('disinfection.places.overdueOnly')}</span>
        </Flex>
      </Flex>
      {places.isError ? <QueryError error={places.error} onRetry={() => void places.refetch()} /> : null}
      <Table<Place>
        rowKey="id"
        size="small"
        loading={places.isFetching}
        dataSource={places.data?.items ?? []}
        scroll={{ x: 'max-content' }}
        pagination={pagination(places.data?.total ?? 0)}
        locale={{ emptyText: t('disinfection.places.empty') }}
        columns={[
          {
            key: 'name',
            title: t('disinfection.places.name'),
            render: (_: unknown, p: Place) => (
              <>
                <div data-testid={`place-row-${p.name}`}>
                  {p.name} {p.active ? null : <Tag>{t('disinfection.places.inactive')}</Tag>}
                </div>
                <Typography.Text type="secondary" style={{ fontSize: 12 }}>
                  {p.address ? `${p.regionName} · ${p.address}` : p.regionName}
                </Typography.Text>
              </>
            ),
          },
          {
            key: 'kind',
            title: t('disinfection.places.kind'),
            render: (_: unknown, p: Place) => PLACE_KIND_LABELS[p.kind][language],
          },
          {
            key: 'area',
            title: t('disinfection.places.usualArea'),
            align: 'right',
            render: (_: unknown, p: Place) => (p.areaM2 === null ? '—' : squareMetres(p.areaM2)),
          },
          {
            key: 'schedules',
            title: t('disinfection.places.schedules'),
            render: (_: unknown, p: Place) => (
              <>
                {p.schedules}{' '}
                {p.overdue ? (
                  <Tag color="red" data-testid={`place-overdue-${p.name}`}>
                    {t('disinfection.places.overdue')} {p.overdue}
                  </Tag>
                ) : null}
              </>
            ),
          },
          { key: 'last', title: t('disinfection.places.lastDone'), render: (_: unknown, p: Place) => p.lastDoneOn ?? '—' },
          {
            key: 'actions',
            title: '',
            fixed: 'right',
            render: (_: unknown, p: Place) =>
              canPlan ? (
                <Flex gap={0} wrap={false} align="center">
                  {p.active ? (
                    <RowAction
                      icon={<CalendarOutlined />}
                      label={t('disinfection.schedules.add')}
                      onClick={() => setScheduling(p)}
                      testId={`place-schedule-${p.name}`}
                    />
                  ) : null}
                  <RowAction
                    icon={<EditOutlined />}
                    label={t('common.edit')}
                    onClick={() => setEditing(p)}
                    testId={`place-edit-${p.name}`}
                  />
                  <Dropdown
                    trigger={['click']}
                    menu={{
                      items: [
                        {
                          key: 'active',
                          icon: p.active ? <PauseCircleOutlined /> : <PlayCircleOutlined />,
                          label: (
                            <span data-testid={`place-active-${p.name}`}>
                              {p.active ? t('disinfection.places.deactivate') : t('disinfection.places.activate')}
                            </span>
                          ),
                          onClick: () => void setActive(p, !p.active),
                        },
                        {
                          key: 'delete',
                          danger: true,
                          icon: <DeleteOutlined />,
                          label: <span data-testid={`place-delete-${p.name}`}>{t('disinfection.places.delete')}</span>,
                          onClick: () =>
                            confirm({
                              title: t('disinfection.places.deleteConfirm', { name: p.name }),
                              danger: true,
                              okText: t('disinfection.places.delete'),
                              testId: 'place-delete-confirm',
                              action: async () => {
                                await deletePlace(p.id);
                                await client.invalidateQueries({ queryKey: [DISINFECTION_KEY] });
                                void message.success(t('disinfection.places.deleted'));
                              },
                            }),
                        },
                      ],
                    }}
                  >
                    <Button
                      type="link"
                      icon={<MoreOutlined />}
                      aria-label={t('common.actions')}
                      data-testid={`place-more-${p.name}`}
                    />
                  </Dropdown>
                </Flex>
              ) : null,
          },
        ]}
      />
      {editing ? <PlaceFormModal place={editing} onClose={() => setEditing(null)} /> : null}
      {scheduling ? <ScheduleFormModal place={scheduling} schedule={null} onClose={() => setScheduling(null)} /> : null}
    </>
  );
}
