import { ArrowLeftOutlined, DeleteOutlined, EditOutlined, PlusOutlined, UserAddOutlined } from '@ant-design/icons';
import { useQueryClient } from '@tanstack/react-query';
import { App, Button, Card, Descriptions, Empty, Flex, Skeleton, Space, Switch, Table, Tabs, Tag, Typography } from 'antd';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { Link, useNavigate, useParams } from 'react-router';
import { MEMBER_ROLE_TAGS, type MemberRoleTag } from '../../../common/enums.ts';
import { MEMBER_ROLE_TAG_LABELS } from '../../../common/labels.ts';
import { api, ApiError } from '../../app/api.ts';
import { useConfirm } from '../../app/confirm.ts';
import { formatDate } from '../../app/dates.ts';
import { useReportError } from '../../app/errors.ts';
import { NotFoundPage } from '../../app/pages.tsx';
import { can, useMe } from '../../app/session.ts';
import { useIsPhone } from '../../app/useIsPhone.ts';
import { useLanguage } from '../../app/useLanguage.ts';
import { PageHeader } from '../../components/PageHeader.tsx';
import { QueryError } from '../../components/QueryError.tsx';
import { RowAction } from '../../components/RowAction.tsx';
import { VolunteerStatusTag } from '../volunteers/VolunteerStatusTag.tsx';
import { AddMemberModal, BranchModal } from './MemberDialogs.tsx';
import { PostsTable } from './PostsPage.tsx';
import { TeamFormModal } from './TeamFormModal.tsx';
import { TeamKindTag } from './TeamTags.tsx';
import { BranchBadge } from './TeamsPage.tsx';
import { TEAMS_KEY, useTeam, type Member, type Team, type TeamDetail } from './teams.api.ts';

/** The four roles as tags: tapped on and off where the account may manage members, shown otherwise. */
function RoleTags({
  member,
  editable,
  onChange,
}: {
  member: Member;
  editable: boolean;
  onChange: (tags: MemberRoleTag[]) => void;
}) {
  const language = useLanguage();
  if (!editable) {
    return member.roleTags.length ? (
      <Flex wrap gap={4}>
        {member.roleTags.map((tag) => (
          <Tag key={tag} color="red" style={{ marginInlineEnd: 0 }}>
            {MEMBER_ROLE_TAG_LABELS[tag][language]}
          </Tag>
        ))}
      </Flex>
    ) : (
      <>—</>
    );
  }
  return (
    <Flex wrap gap={4} data-testid={`member-tags-${member.volunteerId}`}>
      {MEMBER_ROLE_TAGS.map((tag) => {
        const on = member.roleTags.includes(tag);
        return (
          <Tag.CheckableTag
            key={tag}
            checked={on}
            onChange={(checked) => onChange(MEMBER_ROLE_TAGS.filter((x) => (x === tag ? checked : member.roleTags.includes(x))))}
            style={{ border: `1px solid ${on ? 'transparent' : '#d9d9d9'}`, marginInlineEnd: 0 }}
            data-testid={`member-tag-${member.volunteerId}-${tag}`}
          >
            {MEMBER_ROLE_TAG_LABELS[tag][language]}
          </Tag.CheckableTag>
        );
      })}
    </Flex>
  );
}

function MembersTab({ team, canManage }: { team: TeamDetail; canManage: boolean }) {
  const { t } = useTranslation();
  const { message } = App.useApp();
  const client = useQueryClient();
  const confirm = useConfirm();
  const report = useReportError();
  const phone = useIsPhone();
  const [adding, setAdding] = useState(false);

  async function patch(member: Member, body: { roleTags?: MemberRoleTag[]; inBranch?: boolean }) {
    try {
      await api.patch(`/teams/${team.id}/members/${member.volunteerId}`, body);
      await client.invalidateQueries({ queryKey: [TEAMS_KEY] });
    } catch (e) {
      report(e);
    }
  }

  function remove(member: Member) {
    confirm({
      title: t('teams.removeMemberConfirm', { name: member.name, team: team.name }),
      okText: t('teams.removeMember'),
      danger: true,
      testId: 'member-remove-confirm',
      action: async () => {
        await api.delete(`/teams/${team.id}/members/${member.volunteerId}`);
        await client.invalidateQueries({ queryKey: [TEAMS_KEY] });
        void message.success(t('teams.memberRemoved'));
      },
    });
  }

  return (
    <>
      {canManage ? (
        <Flex justify="flex-end" style={{ marginBottom: 12 }}>
          <Button type="primary" icon={<UserAddOutlined />} onClick={() => setAdding(true)} data-testid="member-add">
            {t('teams.addMember')}
          </Button>
        </Flex>
      ) : null}
      <Table<Member>
        rowKey="volunteerId"
        dataSource={team.members}
        scroll={{ x: 'max-content' }}
        pagination={team.members.length > 20 ? { pageSize: 20 } : false}
        locale={{ emptyText: t('teams.noMembers') }}
        columns={[
          {
            key: 'name',
            title: t('person.name'),
            render: (_: unknown, m: Member) => (
              <Space size={4}>
                <Link to={`/volunteers/${m.volunteerId}`} data-testid={`member-${m.volunteerId}`}>
                  {m.name}
                </Link>
                {team.leader?.id === m.volunteerId ? <Tag color="blue">{t('teams.leader')}</Tag> : null}
                {team.branch?.secretary?.id === m.volunteerId ? <Tag color="red">{t('teams.branchSecretary')}</Tag> : null}
              </Space>
            ),
          },
          { key: 'mobile', title: t('person.mobile'), dataIndex: 'mobile' },
          {
            key: 'party',
            title: t('person.partyMember'),
            render: (_: unknown, m: Member) => (m.partyMember ? <Tag color="red">{t('person.partyMemberTag')}</Tag> : '—'),
          },
          {
            key: 'branch',
            title: t('teams.inBranch'),
            render: (_: unknown, m: Member) => {
              if (!m.partyMember || !team.branch) return '—';
              if (!canManage) return m.inBranch ? <Tag color="red">{t('teams.branchMember')}</Tag> : '—';
              return (
                <Switch
                  size="small"
                  checked={m.inBranch}
                  aria-label={t('teams.inBranch')}
                  onChange={(inBranch) => void patch(m, { inBranch })}
                  data-testid={`member-in-branch-${m.volunteerId}`}
                />
              );
            },
          },
          {
            key: 'roleTags',
            title: t('teams.roleTags'),
            render: (_: unknown, m: Member) => (
              <RoleTags member={m} editable={canManage} onChange={(roleTags) => void patch(m, { roleTags })} />
            ),
          },
          {
            key: 'status',
            title: t('volunteers.status'),
            render: (_: unknown, m: Member) => <VolunteerStatusTag status={m.status} />,
          },
          { key: 'joinedAt', title: t('teams.joinedAt'), dataIndex: 'joinedAt', render: (at: string) => formatDate(at) },
          ...(canManage
            ? [
                {
                  key: 'actions',
                  title: t('common.actions'),
                  fixed: phone ? undefined : ('right' as const),
                  render: (_: unknown, m: Member) => (
                    <RowAction
                      danger
                      icon={<DeleteOutlined />}
                      label={t('teams.removeMember')}
                      onClick={() => remove(m)}
                      testId={`member-remove-${m.volunteerId}`}
                    />
                  ),
                },
              ]
            : []),
        ]}
        data-testid="members-table"
      />
      {adding ? <AddMemberModal team={team} onClose={() => setAdding(false)} /> : null}
    </>
  );
}

function BranchTab({ team, canWrite }: { team: TeamDetail; canWrite: boolean }) {
  const { t } = useTranslation();
  const { message } = App.useApp();
  const client = useQueryClient();
  const confirm = useConfirm();
  const [editing, setEditing] = useState(false);
  const inBranch = team.members.filter((m) => m.inBranch);

  function dissolve() {
    confirm({
      title: t('teams.branchDissolveConfirm', { name: team.branch?.name ?? '' }),
      okText: t('teams.branchDissolve'),
      danger: true,
      testId: 'branch-dissolve-confirm',
      action: async () => {
        await api.delete(`/teams/${team.id}/branch`);
        await client.invalidateQueries({ queryKey: [TEAMS_KEY] });
        void message.success(t('common.saved'));
      },
    });
  }

  return (
    <>
      {team.branch ? (
        <Card
          size="small"
          title={
            <Space>
              <Tag color="red">{t('teams.branch')}</Tag>
              <span data-testid="branch-name">{team.branch.name}</span>
            </Space>
          }
          extra={
            canWrite ? (
              <Space size={0}>
                <RowAction
                  icon={<EditOutlined />}
                  label={t('common.edit')}
                  onClick={() => setEditing(true)}
                  testId="branch-edit"
                />
                <RowAction
                  danger
                  icon={<DeleteOutlined />}
                  label={t('teams.branchDissolve')}
                  onClick={dissolve}
                  testId="branch-dissolve"
                />
              </Space>
            ) : null
          }
          data-testid="branch-card"
        >
          <Descriptions
            size="small"
            column={1}
            items={[
              {
                key: 'secretary',
                label: t('teams.branchSecretary'),
                children: team.branch.secretary?.name ?? t('teams.noSecretary'),
              },
              {
                key: 'members',
                label: t('teams.branchMembersLabel'),
                children: inBranch.length ? (
                  <Flex wrap gap={4} data-testid="branch-members">
                    {inBranch.map((m) => (
                      <Tag key={m.volunteerId} style={{ marginInlineEnd: 0 }}>
                        {m.name}
                      </Tag>
                    ))}
                  </Flex>
                ) : (
                  t('teams.branchEmpty')
                ),
              },
            ]}
          />
          <Typography.Text type="secondary" style={{ fontSize: 12 }}>
            {t('teams.branchHowTo')}
          </Typography.Text>
        </Card>
      ) : (
        <Empty description={t('teams.noBranch')} data-testid="branch-none">
          {canWrite ? (
            <Button type="primary" icon={<PlusOutlined />} onClick={() => setEditing(true)} data-testid="branch-create">
              {t('teams.branchCreate')}
            </Button>
          ) : null}
        </Empty>
      )}
      {editing ? <BranchModal team={team} onClose={() => setEditing(false)} /> : null}
    </>
  );
}

function SubTeamsTab({ team, canWrite }: { team: TeamDetail; canWrite: boolean }) {
  const { t } = useTranslation();
  const navigate = useNavigate();
  const [adding, setAdding] = useState(false);
  return (
    <>
      {canWrite ? (
        <Flex justify="flex-end" style={{ marginBottom: 12 }}>
          <Button icon={<PlusOutlined />} onClick={() => setAdding(true)} data-testid="subteam-add">
            {t('teams.addSubTeam')}
          </Button>
        </Flex>
      ) : null}
      <Table<Team>
        rowKey="id"
        dataSource={team.subTeams}
        pagination={false}
        scroll={{ x: 'max-content' }}
        locale={{ emptyText: t('teams.noSubTeams') }}
        columns={[
          {
            key: 'name',
            title: t('teams.name'),
            render: (_: unknown, s: Team) => (
              <Link to={`/teams/${s.id}`} data-testid={`subteam-${s.id}`}>
                {s.name}
              </Link>
            ),
          },
          { key: 'kind', title: t('teams.kind'), render: (_: unknown, s: Team) => <TeamKindTag kind={s.kind} /> },
          { key: 'region', title: t('teams.region'), dataIndex: 'regionName' },
          { key: 'leader', title: t('teams.leader'), render: (_: unknown, s: Team) => s.leader?.name ?? '—' },
          { key: 'members', title: t('teams.members'), dataIndex: 'memberCount' },
          { key: 'branch', title: t('teams.branch'), render: (_: unknown, s: Team) => <BranchBadge compact team={s} /> },
        ]}
        data-testid="subteams-table"
      />
      {adding ? (
        <TeamFormModal
          team={null}
          parent={team}
          onClose={() => setAdding(false)}
          onCreated={(s) => void navigate(`/teams/${s.id}`)}
        />
      ) : null}
    </>
  );
}

/** One team: its members with their role tags, the temporary party branch, sub-teams and posts. */
export function TeamDetailPage() {
  const { t } = useTranslation();
  const { id = '' } = useParams();
  const navigate = useNavigate();
  const { message } = App.useApp();
  const client = useQueryClient();
  const confirm = useConfirm();
  const me = useMe().data;
  const team = useTeam(id);
  const [editing, setEditing] = useState(false);
  const [tab, setTab] = useState('members');

  if (team.isError) {
    if (team.error instanceof ApiError && team.error.status === 404) return <NotFoundPage />;
    return <QueryError error={team.error} onRetry={() => void team.refetch()} />;
  }
  if (!team.data) return <Skeleton active />;
  const d = team.data;
  const canWrite = can(me, 'teams.write');
  // Leaders manage the members of teams they lead; the server checks it again.
  const canManage = canWrite || (can(me, 'teams.members') && d.ledByMe);

  function remove() {
    confirm({
      title: t('teams.deleteConfirm', { name: d.name }),
      content: t('teams.deleteHint'),
      okText: t('common.delete'),
      danger: true,
      testId: 'team-delete-confirm',
      action: async () => {
        await api.delete(`/teams/${d.id}`);
        await client.invalidateQueries({ queryKey: [TEAMS_KEY] });
        void message.success(t('common.deleted'));
        void navigate(d.parentTeamId ? `/teams/${d.parentTeamId}` : '/teams', { replace: true });
      },
    });
  }

  return (
    <>
      <PageHeader
        title={
          <Space wrap>
            <Link to={d.parentTeamId ? `/teams/${d.parentTeamId}` : '/teams'} aria-label={t('teams.back')}>
              <ArrowLeftOutlined />
            </Link>
            <span data-testid="team-name">{d.name}</span>
            <TeamKindTag kind={d.kind} />
            {d.branch ? <BranchBadge team={d} /> : null}
          </Space>
        }
        extra={
          canWrite ? (
            <>
              <Button icon={<EditOutlined />} onClick={() => setEditing(true)} data-testid="team-edit">
                {t('common.edit')}
              </Button>
              <Button danger icon={<DeleteOutlined />} onClick={remove} data-testid="team-delete">
                {t('common.delete')}
              </Button>
            </>
          ) : null
        }
      />
      <Card style={{ marginBottom: 16 }}>
        <Descriptions
          size="small"
          column={{ xs: 1, sm: 2, lg: 4 }}
          items={[
            { key: 'region', label: t('teams.region'), children: d.regionName },
            {
              key: 'parent',
              label: t('teams.parent'),
              children: d.parentTeamId ? <Link to={`/teams/${d.parentTeamId}`}>{d.parentTeamName}</Link> : '—',
            },
            {
              key: 'leader',
              label: t('teams.leader'),
              children: d.leader ? <Link to={`/volunteers/${d.leader.id}`}>{d.leader.name}</Link> : '—',
            },
            { key: 'members', label: t('teams.members'), children: d.memberCount },
            ...(d.description
              ? [{ key: 'description', label: t('teams.description'), children: d.description, span: 'filled' as const }]
              : []),
          ]}
        />
      </Card>
      <Card>
        <Tabs
          activeKey={tab}
          onChange={setTab}
          items={[
            {
              key: 'members',
              label: <span data-testid="team-tab-members">{t('teams.tabMembers', { count: d.members.length })}</span>,
              children: <MembersTab team={d} canManage={canManage} />,
            },
            {
              key: 'branch',
              label: <span data-testid="team-tab-branch">{t('teams.branch')}</span>,
              children: <BranchTab team={d} canWrite={canWrite} />,
            },
            {
              key: 'subteams',
              label: <span data-testid="team-tab-subteams">{t('teams.tabSubTeams', { count: d.subTeams.length })}</span>,
              children: <SubTeamsTab team={d} canWrite={canWrite} />,
            },
            {
              key: 'posts',
              label: <span data-testid="team-tab-posts">{t('teams.tabPosts')}</span>,
              children: <PostsTable filter={{ teamId: d.id }} team={d} />,
            },
          ]}
        />
      </Card>
      {editing ? <TeamFormModal team={d} onClose={() => setEditing(false)} /> : null}
    </>
  );
}
