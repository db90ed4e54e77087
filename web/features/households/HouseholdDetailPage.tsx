import { ArrowLeftOutlined, DeleteOutlined, EditOutlined, EyeOutlined, PlusOutlined } from '@ant-design/icons';
import { App, Button, Card, Descriptions, Flex, Space, Table, Typography } from 'antd';
import { useEffect, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { Link, useNavigate, useParams } from 'react-router';
import { RESIDENT_RELATION_LABELS } from '../../../common/labels.ts';
import { api } from '../../app/api.ts';
import { useConfirm } from '../../app/confirm.ts';
import { formatDateTime } from '../../app/dates.ts';
import { can, useMe } from '../../app/session.ts';
import { useIsPhone } from '../../app/useIsPhone.ts';
import { useLanguage } from '../../app/useLanguage.ts';
import { PageHeader } from '../../components/PageHeader.tsx';
import { QueryError } from '../../components/QueryError.tsx';
import { RowAction } from '../../components/RowAction.tsx';
import { HouseholdFormModal } from './HouseholdFormModal.tsx';
import { HouseholdMemberModal } from './HouseholdMemberModal.tsx';
import { HousingTag } from './HouseholdTags.tsx';
import { HOUSEHOLDS_KEY, useHousehold, type Resident, type RevealedMember } from './households.api.ts';
import { useQueryClient } from '@tanstack/react-query';

export function HouseholdDetailPage() {
  const { t } = useTranslation();
  const language = useLanguage();
  const { id = '' } = useParams();
  const me = useMe().data;
  const canWrite = can(me, 'households.write');
  const canReveal = can(me, 'pii.reveal');
  const phone = useIsPhone();
  const navigate = useNavigate();
  const confirm = useConfirm();
  const client = useQueryClient();
  const { message } = App.useApp();
  const household = useHousehold(id);
  const [editing, setEditing] = useState(false);
  const [member, setMember] = useState<Resident | 'new' | null>(null);
  // Full numbers are kept only while this page shows this household.
  const [revealed, setRevealed] = useState<Record<string, RevealedMember>>({});
  useEffect(() => setRevealed({}), [id]);

  if (household.isError) return <QueryError error={household.error} onRetry={() => void household.refetch()} />;
  const h = household.data;
  if (!h) return <Card loading />;

  const refresh = () => client.invalidateQueries({ queryKey: [HOUSEHOLDS_KEY] });

  function reveal(m: Resident) {
    confirm({
      title: t('person.revealTitle'),
      content: t('person.revealConfirm'),
      okText: t('person.reveal'),
      testId: 'pii-reveal-confirm',
      action: async () => {
        const full = await api.post<RevealedMember>(`/households/${h!.id}/residents/${m.id}/reveal`);
        setRevealed((r) => ({ ...r, [m.id]: full }));
        void message.info(t('accounts.revealAudited'));
      },
    });
  }

  return (
    <>
      <PageHeader
        title={
          <Space>
            <Link to="/households" aria-label={t('households.back')} data-testid="household-back">
              <ArrowLeftOutlined />
            </Link>
            {h.address}
            {can(me, 'errands.manage') ? (
              <Link to={`/households/${h.id}/errand-card`} data-testid="household-errand-card">
                {t('errandOrders.card')}
              </Link>
            ) : null}
          </Space>
        }
        extra={
          canWrite ? (
            <>
              <Button icon={<EditOutlined />} onClick={() => setEditing(true)} data-testid="household-edit">
                {t('households.edit')}
              </Button>
              <Button
                danger
                icon={<DeleteOutlined />}
                onClick={() =>
                  confirm({
                    title: t('households.delete'),
                    content: `${t('households.deleteConfirm')} ${t('common.irreversible')}`,
                    danger: true,
                    testId: 'household-delete-confirm',
                    action: async () => {
                      await api.delete(`/households/${h.id}`);
                      await refresh();
                      void message.success(t('common.deleted'));
                      void navigate('/households');
                    },
                  })
                }
                data-testid="household-delete"
              >
                {t('households.delete')}
              </Button>
            </>
          ) : null
        }
      />
      <Card style={{ marginBottom: 16 }}>
        <Descriptions column={phone ? 1 : 3} size="small" data-testid="household-details">
          <Descriptions.Item label={t('households.region')}>{h.regionName}</Descriptions.Item>
          <Descriptions.Item label={t('households.place')}>
            {[h.building, h.unit, h.room].filter(Boolean).join(' ') || '—'}
          </Descriptions.Item>
          <Descriptions.Item label={t('households.housing')}>
            <HousingTag housing={h.housing} />
          </Descriptions.Item>
          <Descriptions.Item label={t('households.note')}>{h.note ?? '—'}</Descriptions.Item>
          <Descriptions.Item label={t('households.updatedAt')}>{formatDateTime(h.updatedAt)}</Descriptions.Item>
        </Descriptions>
      </Card>
      <Card
        title={
          <Flex justify="space-between" align="center">
            <Typography.Text strong>
              {t('households.members')}（{h.members.length}）
            </Typography.Text>
            {canWrite ? (
              <Button size="small" icon={<PlusOutlined />} onClick={() => setMember('new')} data-testid="household-member-add">
                {t('households.addMember')}
              </Button>
            ) : null}
          </Flex>
        }
      >
        <Table<Resident>
          rowKey="id"
          size="small"
          pagination={false}
          scroll={{ x: 'max-content' }}
          dataSource={h.members}
          locale={{ emptyText: t('households.noMembers') }}
          columns={[
            { key: 'name', title: t('person.name'), dataIndex: 'name' },
            {
              key: 'relation',
              title: t('households.relation'),
              render: (_: unknown, m: Resident) => RESIDENT_RELATION_LABELS[m.relation][language],
            },
            {
              key: 'idNumber',
              title: t('person.idNumber'),
              render: (_: unknown, m: Resident) => (
                <span data-testid={`household-member-id-${m.id}`}>{(revealed[m.id]?.idNumber ?? m.idNumber) || '—'}</span>
              ),
            },
            {
              key: 'mobile',
              title: t('person.mobile'),
              render: (_: unknown, m: Resident) => (revealed[m.id]?.mobile ?? m.mobile) || '—',
            },
            {
              key: 'actions',
              title: t('common.actions'),
              render: (_: unknown, m: Resident) => (
                <Space size={0}>
                  {canReveal && !revealed[m.id] && (m.idNumber || m.mobile) ? (
                    <RowAction
                      icon={<EyeOutlined />}
                      label={t('person.reveal')}
                      onClick={() => reveal(m)}
                      testId={`household-member-reveal-${m.id}`}
                    />
                  ) : null}
                  {canWrite ? (
                    <>
                      <RowAction
                        icon={<EditOutlined />}
                        label={t('common.edit')}
                        onClick={() => setMember(m)}
                        testId={`household-member-edit-${m.id}`}
                      />
                      <RowAction
                        danger
                        icon={<DeleteOutlined />}
                        label={t('households.removeMember')}
                        onClick={() =>
                          confirm({
                            title: t('households.removeMember'),
                            content: t('households.removeMemberConfirm', { name: m.name }),
                            danger: true,
                            testId: 'household-member-remove-confirm',
                            action: async () => {
                              await api.delete(`/households/${h.id}/residents/${m.id}`);
                              await refresh();
                            },
                          })
                        }
                        testId={`household-member-remove-${m.id}`}
                      />
                    </>
                  ) : null}
                </Space>
              ),
            },
          ]}
          data-testid="household-members"
        />
      </Card>
      {editing ? <HouseholdFormModal household={h} onClose={() => setEditing(false)} /> : null}
      {member ? (
        <HouseholdMemberModal household={h} member={member === 'new' ? null : member} onClose={() => setMember(null)} />
      ) : null}
    </>
  );
}
