import { ArrowLeftOutlined, EditOutlined, SwapOutlined, TrophyOutlined } from '@ant-design/icons';
import { Button, Card, Col, Empty, Flex, Row, Skeleton, Space, Statistic, Table, Tag, Timeline, Typography } from 'antd';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { Link, useParams } from 'react-router';
import { POST_KIND_LABELS, SERVICE_KIND_LABELS, TEAM_KIND_LABELS } from '../../../common/labels.ts';
import { SERVICE_KINDS, type PostKind, type ServiceKind, type TeamKind } from '../../../common/enums.ts';
import { ApiError } from '../../app/api.ts';
import { formatDate, formatDateTime } from '../../app/dates.ts';
import { can, useMe } from '../../app/session.ts';
import { useLanguage } from '../../app/useLanguage.ts';
import { PageHeader } from '../../components/PageHeader.tsx';
import { QueryError } from '../../components/QueryError.tsx';
import { NotFoundPage } from '../../app/pages.tsx';
import { CertificatesCard } from '../recognition/CertificatesCard.tsx';
import { PersonDetails } from './PersonDetails.tsx';
import { useVolunteerPosts, useVolunteerTeams, type PostRef, type TeamRef } from './related.ts';
import { CommendationModal, StatusModal } from './VolunteerDialogs.tsx';
import { VolunteerFormModal } from './VolunteerFormModal.tsx';
import { VolunteerStatusTag } from './VolunteerStatusTag.tsx';
import { useServiceRecord, useVolunteer, type ServiceEntry, type Volunteer } from './volunteers.api.ts';

function ServiceRecordCard({ volunteer, canWrite }: { volunteer: Volunteer; canWrite: boolean }) {
  const { t } = useTranslation();
  const language = useLanguage();
  const record = useServiceRecord(volunteer.id);
  const [commending, setCommending] = useState(false);
  const totals = record.data?.totals;
  const kinds = SERVICE_KINDS.filter((k) => (totals?.byKind[k] ?? 0) > 0);
  return (
    <Card
      title={t('volunteers.serviceRecord')}
      extra={
        canWrite ? (
          <Button size="small" icon={<TrophyOutlined />} onClick={() => setCommending(true)} data-testid="volunteer-commend">
            {t('volunteers.commend')}
          </Button>
        ) : null
      }
      data-testid="volunteer-service"
    >
      {record.isError ? <QueryError error={record.error} onRetry={() => void record.refetch()} /> : null}
      {totals ? (
        <Flex wrap gap={32} style={{ marginBottom: 16 }}>
          <Statistic title={t('volunteers.hours')} value={totals.hours} precision={1} />
          <Statistic title={t('volunteers.entries')} value={totals.entries} />
          {kinds.map((k) => (
            <Statistic key={k} title={SERVICE_KIND_LABELS[k][language]} value={totals.byKind[k] ?? 0} />
          ))}
        </Flex>
      ) : null}
      <Table<ServiceEntry>
        size="small"
        rowKey="id"
        loading={record.isFetching}
        dataSource={record.data?.items ?? []}
        pagination={(record.data?.items.length ?? 0) > 10 ? { pageSize: 10 } : false}
        scroll={{ x: 'max-content' }}
        locale={{ emptyText: t('volunteers.noService') }}
        columns={[
          { key: 'on', title: t('volunteers.occurredOn'), dataIndex: 'occurredOn', width: 120 },
          {
            key: 'kind',
            title: t('volunteers.serviceKind'),
            dataIndex: 'kind',
            render: (k: ServiceKind) => (
              <Tag color={k === 'commendation' ? 'gold' : 'blue'}>{SERVICE_KIND_LABELS[k][language]}</Tag>
            ),
          },
          {
            key: 'title',
            title: t('volunteers.serviceTitle'),
            render: (_: unknown, e: ServiceEntry) => (
              <>
                {e.title}
                {e.reason ? (
                  <Typography.Paragraph
                    type="secondary"
                    style={{ margin: 0, fontSize: 12, whiteSpace: 'normal', maxWidth: 480 }}
                    data-testid={`service-reason-${e.id}`}
                  >
                    {e.reason}
                  </Typography.Paragraph>
                ) : null}
              </>
            ),
          },
          { key: 'hours', title: t('volunteers.hours'), dataIndex: 'hours', render: (h: number | null) => h ?? '—' },
        ]}
        data-testid="volunteer-service-table"
      />
      {commending ? <CommendationModal volunteerId={volunteer.id} onClose={() => setCommending(false)} /> : null}
    </Card>
  );
}

function TeamsCard({ volunteerId }: { volunteerId: string }) {
  const { t } = useTranslation();
  const language = useLanguage();
  const teams = useVolunteerTeams(volunteerId, true);
  return (
    <Card title={t('volunteers.teams')} data-testid="volunteer-teams">
      {teams.isError ? <QueryError error={teams.error} onRetry={() => void teams.refetch()} /> : null}
      <Table<TeamRef>
        size="small"
        rowKey="id"
        loading={teams.isFetching}
        dataSource={teams.data ?? []}
        pagination={false}
        scroll={{ x: 'max-content' }}
        locale={{ emptyText: t('volunteers.noTeams') }}
        columns={[
          {
            key: 'name',
            title: t('teams.name'),
            render: (_: unknown, team: TeamRef) => (
              <Link to={`/teams/${team.id}`} data-testid={`volunteer-team-${team.id}`}>
                {team.name}
              </Link>
            ),
          },
          { key: 'kind', title: t('teams.kind'), dataIndex: 'kind', render: (k: TeamKind) => TEAM_KIND_LABELS[k][language] },
          { key: 'region', title: t('teams.region'), dataIndex: 'regionName' },
          {
            key: 'branch',
            title: t('teams.branch'),
            render: (_: unknown, team: TeamRef) => (team.branch ? <Tag color="red">{team.branch.name}</Tag> : '—'),
          },
        ]}
      />
    </Card>
  );
}

function PostsCard({ volunteerId }: { volunteerId: string }) {
  const { t } = useTranslation();
  const language = useLanguage();
  const posts = useVolunteerPosts(volunteerId, true);
  return (
    <Card title={t('volunteers.posts')} data-testid="volunteer-posts">
      {posts.isError ? <QueryError error={posts.error} onRetry={() => void posts.refetch()} /> : null}
      <Table<PostRef>
        size="small"
        rowKey="id"
        loading={posts.isFetching}
        dataSource={posts.data ?? []}
        pagination={false}
        scroll={{ x: 'max-content' }}
        locale={{ emptyText: t('volunteers.noPosts') }}
        columns={[
          {
            key: 'kind',
            title: t('posts.kind'),
            dataIndex: 'kind',
            render: (k: PostKind) => <Tag color="red">{POST_KIND_LABELS[k][language]}</Tag>,
          },
          { key: 'name', title: t('posts.name'), dataIndex: 'name' },
          { key: 'region', title: t('posts.region'), dataIndex: 'regionName' },
          {
            key: 'dates',
            title: t('posts.dates'),
            render: (_: unknown, p: PostRef) => `${p.startsOn} ~ ${p.endsOn ?? t('posts.open')}`,
          },
        ]}
      />
    </Card>
  );
}

/** One volunteer: who they are (masked), their status and its history, teams, posts and service record. */
export function VolunteerDetailPage() {
  const { t } = useTranslation();
  const { id = '' } = useParams();
  const me = useMe().data;
  const canWrite = can(me, 'volunteers.write');
  const canTeams = can(me, 'teams.read');
  const volunteer = useVolunteer(id);
  const [editing, setEditing] = useState(false);
  const [changingStatus, setChangingStatus] = useState(false);

  if (volunteer.isError) {
    if (volunteer.error instanceof ApiError && volunteer.error.status === 404) return <NotFoundPage />;
    return <QueryError error={volunteer.error} onRetry={() => void volunteer.refetch()} />;
  }
  if (!volunteer.data) return <Skeleton active />;
  const v = volunteer.data;

  return (
    <>
      <PageHeader
        title={
          <Space wrap>
            <Link to="/volunteers" aria-label={t('volunteers.back')}>
              <ArrowLeftOutlined />
            </Link>
            <span data-testid="volunteer-name">{v.name}</span>
            {v.partyMember ? <Tag color="red">{t('person.partyMemberTag')}</Tag> : null}
            <VolunteerStatusTag status={v.status} testId="volunteer-status" />
          </Space>
        }
        extra={
          canWrite ? (
            <>
              <Button icon={<SwapOutlined />} onClick={() => setChangingStatus(true)} data-testid="volunteer-change-status">
                {t('volunteers.changeStatus')}
              </Button>
              <Button icon={<EditOutlined />} onClick={() => setEditing(true)} data-testid="volunteer-edit">
                {t('common.edit')}
              </Button>
            </>
          ) : null
        }
      />
      <Row gutter={[16, 16]}>
        <Col xs={24} xl={14}>
          <Card title={t('volunteers.person')}>
            <PersonDetails
              person={v}
              revealPath={`/volunteers/${v.id}/reveal`}
              testId="volunteer-detail"
              column={{ xs: 1, sm: 1, md: 2, lg: 2, xl: 1, xxl: 2 }}
              after={[
                { key: 'account', label: t('volunteers.account'), children: v.accountLogin ?? t('volunteers.noAccount') },
                {
                  key: 'source',
                  label: t('volunteers.source'),
                  children: v.pledgeId ? t('volunteers.fromPledge') : t('volunteers.fromRegistry'),
                },
                { key: 'createdAt', label: t('volunteers.createdAt'), children: formatDateTime(v.createdAt) },
              ]}
            />
          </Card>
        </Col>
        <Col xs={24} xl={10}>
          <Flex vertical gap={16}>
            <Card title={t('volunteers.statusCard')} data-testid="volunteer-status-card">
              <Space wrap style={{ marginBottom: 16 }}>
                <VolunteerStatusTag status={v.status} />
                <Typography.Text type="secondary">
                  {t('volunteers.since', { date: v.statusSince.length > 10 ? formatDate(v.statusSince) : v.statusSince })}
                </Typography.Text>
                {v.statusReason ? <Typography.Text>{v.statusReason}</Typography.Text> : null}
              </Space>
              {v.statusHistory.length ? (
                <Timeline
                  items={v.statusHistory.map((h, i) => ({
                    key: i,
                    color: h.status === 'active' ? 'green' : h.status === 'paused' ? 'orange' : 'gray',
                    content: (
                      <>
                        <VolunteerStatusTag status={h.status} /> {h.effectiveOn}
                        {h.reason ? ` · ${h.reason}` : ''}
                        <div>
                          <Typography.Text type="secondary" style={{ fontSize: 12 }}>
                            {formatDateTime(h.at)} · {h.byName ?? '—'}
                          </Typography.Text>
                        </div>
                      </>
                    ),
                  }))}
                  data-testid="volunteer-status-history"
                />
              ) : (
                <Empty image={Empty.PRESENTED_IMAGE_SIMPLE} description={t('volunteers.noHistory')} />
              )}
            </Card>
            {canTeams ? <TeamsCard volunteerId={v.id} /> : null}
            {canTeams ? <PostsCard volunteerId={v.id} /> : null}
          </Flex>
        </Col>
        <Col span={24}>
          <ServiceRecordCard volunteer={v} canWrite={canWrite} />
        </Col>
        <Col span={24}>
          <CertificatesCard volunteer={v} canWrite={canWrite} />
        </Col>
      </Row>
      {editing ? <VolunteerFormModal volunteer={v} onClose={() => setEditing(false)} /> : null}
      {changingStatus ? <StatusModal volunteer={v} onClose={() => setChangingStatus(false)} /> : null}
    </>
  );
}
