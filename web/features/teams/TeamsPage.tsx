import { DeleteOutlined, EditOutlined, PlusOutlined } from '@ant-design/icons';
import { useQueryClient } from '@tanstack/react-query';
import { App, Badge, Button, Card, Flex, Input, Space, Table, Tag, Tooltip } from 'antd';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { Link, useNavigate } from 'react-router';
import { TEAM_KINDS, type TeamKind } from '../../../common/enums.ts';
import { TEAM_KIND_LABELS } from '../../../common/labels.ts';
import { api } from '../../app/api.ts';
import { useConfirm } from '../../app/confirm.ts';
import { can, useMe } from '../../app/session.ts';
import { useIsPhone } from '../../app/useIsPhone.ts';
import { useLanguage } from '../../app/useLanguage.ts';
import { useFilterWidth } from '../../components/filterWidth.ts';
import { SelectFilter } from '../../components/filters.tsx';
import { textParam, useUrlPagedFilter } from '../../components/useUrlFilter.ts';
import { PageHeader } from '../../components/PageHeader.tsx';
import { QueryError } from '../../components/QueryError.tsx';
import { RowAction } from '../../components/RowAction.tsx';
import { RegionTreeSelect } from '../regions/RegionTreeSelect.tsx';
import { TeamFormModal } from './TeamFormModal.tsx';
import { TeamKindTag } from './TeamTags.tsx';
import { TEAMS_KEY, useTeams, type Team, type TeamFilter } from './teams.api.ts';

/**
 * The branch as a badge: a team with a temporary party branch shows it at a glance. In tables the
 * badge is short (the full name is in its tooltip); names like 驿城区党员突击队第一分队临时党支部 are long.
 */
export function BranchBadge({ team, compact }: { team: Team; compact?: boolean }) {
  const { t } = useTranslation();
  if (!team.branch) return <span style={{ color: '#8c8c8c' }}>—</span>;
  return (
    <Tooltip title={compact ? team.branch.name : t('teams.branchMembers', { count: team.branch.memberCount })}>
      <Tag color="red" data-testid={`team-branch-${team.id}`}>
        {compact ? t('teams.branchShort', { count: team.branch.memberCount }) : team.branch.name}
      </Tag>
    </Tooltip>
  );
}

export function TeamsPage() {
  const { t } = useTranslation();
  const language = useLanguage();
  const { message } = App.useApp();
  const client = useQueryClient();
  const confirm = useConfirm();
  const navigate = useNavigate();
  const phone = useIsPhone();
  const filterWidth = useFilterWidth();
  const canWrite = can(useMe().data, 'teams.write');
  const { filter, change, page, pageSize, pagination } = useUrlPagedFilter<TeamFilter>({ regionId: textParam });
  const teams = useTeams(filter, page, pageSize);
  const [editing, setEditing] = useState<Team | 'new' | null>(null);

  function remove(team: Team) {
    confirm({
      title: t('teams.deleteConfirm', { name: team.name }),
      content: t('teams.deleteHint'),
      okText: t('common.delete'),
      danger: true,
      testId: 'team-delete-confirm',
      action: async () => {
        await api.delete(`/teams/${team.id}`);
        await client.invalidateQueries({ queryKey: [TEAMS_KEY] });
        void message.success(t('common.deleted'));
      },
    });
  }

  return (
    <>
      <PageHeader
        title={t('teams.title')}
        extra={
          canWrite ? (
            <Button type="primary" icon={<PlusOutlined />} onClick={() => setEditing('new')} data-testid="team-create">
              {t('teams.create')}
            </Button>
          ) : null
        }
      />
      <Card>
        <Flex wrap gap={8} style={{ marginBottom: 16 }}>
          <Input.Search
            allowClear
            placeholder={t('teams.filterName')}
            aria-label={t('teams.filterName')}
            onSearch={(q) => change('q')(q)}
            style={filterWidth(200)}
            data-testid="teams-filter-q"
          />
          <SelectFilter<TeamKind>
            label={t('teams.filterKind')}
            value={filter.kind}
            onChange={change('kind')}
            options={TEAM_KINDS.map((k) => ({ value: k, label: TEAM_KIND_LABELS[k][language] }))}
            style={filterWidth(160)}
            testId="teams-filter-kind"
          />
          <RegionTreeSelect
            allowClear
            placeholder={t('pledges.filterRegion')}
            value={filter.regionId ?? null}
            onChange={change('regionId')}
            testId="teams-filter-region"
            style={filterWidth(220)}
          />
        </Flex>
        {teams.isError ? <QueryError error={teams.error} onRetry={() => void teams.refetch()} /> : null}
        <Table<Team>
          rowKey="id"
          loading={teams.isFetching}
          dataSource={teams.data?.items ?? []}
          scroll={{ x: 'max-content' }}
          pagination={pagination(teams.data?.total ?? 0)}
          columns={[
            {
              key: 'name',
              title: t('teams.name'),
              render: (_: unknown, team: Team) => (
                <Space size={4}>
                  <Link to={`/teams/${team.id}`} data-testid={`team-open-${team.id}`}>
                    {team.name}
                  </Link>
                  {team.ledByMe ? <Tag color="blue">{t('teams.ledByMe')}</Tag> : null}
                </Space>
              ),
            },
            { key: 'kind', title: t('teams.kind'), render: (_: unknown, team: Team) => <TeamKindTag kind={team.kind} /> },
            { key: 'branch', title: t('teams.branch'), render: (_: unknown, team: Team) => <BranchBadge compact team={team} /> },
            { key: 'region', title: t('teams.region'), dataIndex: 'regionName' },
            {
              key: 'parent',
              title: t('teams.parent'),
              render: (_: unknown, team: Team) =>
                team.parentTeamId ? <Link to={`/teams/${team.parentTeamId}`}>{team.parentTeamName}</Link> : '—',
            },
            { key: 'leader', title: t('teams.leader'), render: (_: unknown, team: Team) => team.leader?.name ?? '—' },
            {
              key: 'members',
              title: t('teams.members'),
              render: (_: unknown, team: Team) => (
                <Space size={12}>
                  <Badge count={team.memberCount} showZero color="#595959" overflowCount={9999} />
                  {team.subTeamCount ? (
                    <span style={{ color: '#8c8c8c' }}>{t('teams.subTeamCount', { count: team.subTeamCount })}</span>
                  ) : null}
                </Space>
              ),
            },
            ...(canWrite
              ? [
                  {
                    key: 'actions',
                    title: t('common.actions'),
                    fixed: phone ? undefined : ('right' as const),
                    render: (_: unknown, team: Team) => (
                      <Space size={0}>
                        <RowAction
                          icon={<EditOutlined />}
                          label={t('common.edit')}
                          onClick={() => setEditing(team)}
                          testId={`team-edit-${team.id}`}
                        />
                        <RowAction
                          danger
                          icon={<DeleteOutlined />}
                          label={t('common.delete')}
                          onClick={() => remove(team)}
                          testId={`team-delete-${team.id}`}
                        />
                      </Space>
                    ),
                  },
                ]
              : []),
          ]}
          data-testid="teams-table"
        />
      </Card>
      {editing ? (
        <TeamFormModal
          team={editing === 'new' ? null : editing}
          onClose={() => setEditing(null)}
          onCreated={(team) => void navigate(`/teams/${team.id}`)}
        />
      ) : null}
    </>
  );
}
