import { Table, Tag } from 'antd';
import { useTranslation } from 'react-i18next';
import type { RosterChangeAction } from '../../../../common/enums.ts';
import { ROSTER_CHANGE_ACTION_LABELS } from '../../../../common/labels.ts';
import { formatDateTime } from '../../../app/dates.ts';
import { useLanguage } from '../../../app/useLanguage.ts';
import { QueryError } from '../../../components/QueryError.tsx';
import { useRosterChanges, type RosterChange } from '../rosters.api.ts';
import { shiftWhen } from './time.ts';

const ACTION_COLORS: Record<RosterChangeAction, string> = { assign: 'green', unassign: 'red', swap: 'blue' };

/** What changed after publishing, newest first: the record a published roster keeps. */
export function HistoryTab({ rosterId }: { rosterId: string }) {
  const { t } = useTranslation();
  const language = useLanguage();
  const changes = useRosterChanges(rosterId);
  return (
    <>
      {changes.isError ? <QueryError error={changes.error} onRetry={() => void changes.refetch()} /> : null}
      <Table<RosterChange>
        rowKey={(c, i) => `${c.version}-${c.at}-${i}`}
        size="small"
        loading={changes.isFetching}
        dataSource={changes.data ?? []}
        pagination={(changes.data?.length ?? 0) > 20 ? { pageSize: 20 } : false}
        scroll={{ x: 'max-content' }}
        locale={{ emptyText: t('rosters.noChanges') }}
        columns={[
          { key: 'version', title: t('rosters.version'), render: (_: unknown, c: RosterChange) => `v${c.version}` },
          {
            key: 'at',
            title: t('rosters.at'),
            render: (_: unknown, c: RosterChange) => <span style={{ whiteSpace: 'nowrap' }}>{formatDateTime(c.at)}</span>,
          },
          { key: 'by', title: t('rosters.by'), render: (_: unknown, c: RosterChange) => c.byName ?? '—' },
          {
            key: 'action',
            title: t('rosters.action'),
            render: (_: unknown, c: RosterChange) => (
              <Tag color={ACTION_COLORS[c.action]} style={{ marginInlineEnd: 0 }}>
                {ROSTER_CHANGE_ACTION_LABELS[c.action][language]}
              </Tag>
            ),
          },
          { key: 'checkpoint', title: t('rosters.checkpoint'), dataIndex: 'checkpointName' },
          {
            key: 'shift',
            title: t('rosters.shift'),
            render: (_: unknown, c: RosterChange) => (
              <span style={{ whiteSpace: 'nowrap' }}>{shiftWhen(c.startsAt, c.endsAt, language)}</span>
            ),
          },
          { key: 'volunteer', title: t('rosters.volunteer'), dataIndex: 'volunteerName' },
          { key: 'other', title: t('rosters.other'), render: (_: unknown, c: RosterChange) => c.otherVolunteerName ?? '—' },
          { key: 'reason', title: t('rosters.reason'), render: (_: unknown, c: RosterChange) => c.reason ?? '—' },
        ]}
        data-testid="history-table"
      />
    </>
  );
}
