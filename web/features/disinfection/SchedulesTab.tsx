import { EditOutlined, PauseCircleOutlined, PlayCircleOutlined } from '@ant-design/icons';
import { useQueryClient } from '@tanstack/react-query';
import { App, Flex, Table, Typography } from 'antd';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { PLACE_KIND_LABELS } from '../../../common/labels.ts';
import { useReportError } from '../../app/errors.ts';
import { useLanguage } from '../../app/useLanguage.ts';
import { useFilterWidth } from '../../components/filterWidth.ts';
import { SelectFilter, usePagedFilter } from '../../components/filters.tsx';
import { QueryError } from '../../components/QueryError.tsx';
import { RowAction } from '../../components/RowAction.tsx';
import {
  DISINFECTION_KEY,
  updateSchedule,
  useSchedules,
  type Schedule,
  type ScheduleFilter,
  type ScheduleState,
} from './disinfection.api.ts';
import { everyLabel, ScheduleStateTag } from './DisinfectionTags.tsx';
import { ScheduleFormModal } from './ScheduleFormModal.tsx';

const STATES: ScheduleState[] = ['overdue', 'due', 'upcoming', 'paused'];

/** 消杀计划: the schedules of the region picked above, the most overdue first; pause, resume, change. */
export function SchedulesTab({ regionId, canPlan }: { regionId: string | null; canPlan: boolean }) {
  const { t } = useTranslation();
  const language = useLanguage();
  const { message } = App.useApp();
  const client = useQueryClient();
  const report = useReportError();
  const filterWidth = useFilterWidth();
  const { filter, change, page, pageSize, pagination } = usePagedFilter<Omit<ScheduleFilter, 'regionId'>>();
  const schedules = useSchedules({ ...filter, regionId }, page, pageSize);
  const [editing, setEditing] = useState<Schedule | null>(null);

  async function setActive(s: Schedule, active: boolean) {
    try {
      await updateSchedule(s.id, { active });
      await client.invalidateQueries({ queryKey: [DISINFECTION_KEY] });
      void message.success(t('common.saved'));
    } catch (e) {
      report(e);
    }
  }

  const stateLabel = (s: ScheduleState) =>
    s === 'overdue' ? t('disinfection.places.overdue') : t(`disinfection.schedules.${s}`);

  return (
    <>
      <Flex wrap gap={12} align="center" style={{ marginBottom: 16 }}>
        <SelectFilter<ScheduleState>
          label={t('disinfection.schedules.state')}
          value={filter.state}
          onChange={change('state')}
          options={STATES.map((s) => ({ value: s, label: stateLabel(s) }))}
          style={filterWidth(160)}
          testId="schedules-filter-state"
        />
      </Flex>
      {schedules.isError ? <QueryError error={schedules.error} onRetry={() => void schedules.refetch()} /> : null}
      <Table<Schedule>
        rowKey="id"
        size="small"
        loading={schedules.isFetching}
        dataSource={schedules.data?.items ?? []}
        scroll={{ x: 'max-content' }}
        pagination={pagination(schedules.data?.total ?? 0)}
        locale={{ emptyText: t('disinfection.schedules.empty') }}
        columns={[
          {
            key: 'place',
            title: t('disinfection.schedules.place'),
            render: (_: unknown, s: Schedule) => (
              <>
                <div>{s.place.name}</div>
                <Typography.Text type="secondary" style={{ fontSize: 12 }}>
                  {PLACE_KIND_LABELS[s.place.kind][language]} · {s.regionName}
                </Typography.Text>
              </>
            ),
          },
          {
            key: 'every',
            title: t('disinfection.schedules.every'),
            render: (_: unknown, s: Schedule) => everyLabel(s.everyDays, t),
          },
          {
            key: 'next',
            title: t('disinfection.schedules.nextOn'),
            render: (_: unknown, s: Schedule) => (
              <Flex gap={6} align="center" wrap>
                <span style={{ whiteSpace: 'nowrap' }}>{s.nextOn}</span>
                <ScheduleStateTag schedule={s} testId={`schedule-state-${s.place.name}`} />
              </Flex>
            ),
          },
          {
            key: 'who',
            title: t('disinfection.schedules.assignee'),
            render: (_: unknown, s: Schedule) => s.team?.name ?? s.volunteer?.name ?? '—',
          },
          { key: 'last', title: t('disinfection.schedules.lastDone'), render: (_: unknown, s: Schedule) => s.lastDoneOn ?? '—' },
          { key: 'note', title: t('disinfection.schedules.note'), render: (_: unknown, s: Schedule) => s.note ?? '' },
          {
            key: 'actions',
            title: '',
            render: (_: unknown, s: Schedule) =>
              canPlan ? (
                <Flex gap={0} wrap>
                  <RowAction
                    icon={<EditOutlined />}
                    label={t('common.edit')}
                    onClick={() => setEditing(s)}
                    testId={`schedule-edit-${s.place.name}`}
                  />
                  <RowAction
                    icon={s.active ? <PauseCircleOutlined /> : <PlayCircleOutlined />}
                    label={s.active ? t('disinfection.schedules.pause') : t('disinfection.schedules.resume')}
                    onClick={() => void setActive(s, !s.active)}
                    testId={`schedule-active-${s.place.name}`}
                  />
                </Flex>
              ) : null,
          },
        ]}
      />
      {editing ? <ScheduleFormModal place={null} schedule={editing} onClose={() => setEditing(null)} /> : null}
    </>
  );
}
