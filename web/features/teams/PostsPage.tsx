import { DeleteOutlined, EditOutlined, PlusOutlined } from '@ant-design/icons';
import { useQueryClient } from '@tanstack/react-query';
import { App, Button, Card, Flex, Select, Space, Table } from 'antd';
import { useState, type ReactNode } from 'react';
import { useTranslation } from 'react-i18next';
import { Link } from 'react-router';
import { POST_KINDS, type PostKind } from '../../../common/enums.ts';
import { POST_KIND_LABELS } from '../../../common/labels.ts';
import { api } from '../../app/api.ts';
import { useConfirm } from '../../app/confirm.ts';
import { can, useMe } from '../../app/session.ts';
import { useIsPhone } from '../../app/useIsPhone.ts';
import { useLanguage } from '../../app/useLanguage.ts';
import { useFilterWidth } from '../../components/filterWidth.ts';
import { PageHeader } from '../../components/PageHeader.tsx';
import { QueryError } from '../../components/QueryError.tsx';
import { RowAction } from '../../components/RowAction.tsx';
import { usePaging } from '../../components/usePaging.ts';
import { RegionTreeSelect } from '../regions/RegionTreeSelect.tsx';
import { PostFormModal } from './PostFormModal.tsx';
import { PostKindTag } from './TeamTags.tsx';
import { POSTS_KEY, usePosts, type Post, type PostFilter, type Team } from './teams.api.ts';

/** Posts under a filter, with create / edit / delete for holders of teams.write. `team` fixes the filter to one team. */
export function PostsTable({ filter, team, toolbar }: { filter: PostFilter; team?: Team; toolbar?: ReactNode }) {
  const { t } = useTranslation();
  const { message } = App.useApp();
  const client = useQueryClient();
  const confirm = useConfirm();
  const phone = useIsPhone();
  const canWrite = can(useMe().data, 'teams.write');
  const { page, pageSize, pagination } = usePaging();
  const posts = usePosts(filter, page, pageSize);
  const [editing, setEditing] = useState<Post | 'new' | null>(null);

  function remove(post: Post) {
    confirm({
      title: t('posts.deleteConfirm', { name: post.name }),
      okText: t('common.delete'),
      danger: true,
      testId: 'post-delete-confirm',
      action: async () => {
        await api.delete(`/posts/${post.id}`);
        await client.invalidateQueries({ queryKey: [POSTS_KEY] });
        void message.success(t('common.deleted'));
      },
    });
  }

  return (
    <>
      <Flex wrap gap={8} justify="space-between" style={{ marginBottom: 12 }}>
        <Flex wrap gap={8}>
          {toolbar}
        </Flex>
        {canWrite ? (
          <Button icon={<PlusOutlined />} onClick={() => setEditing('new')} data-testid="post-create">
            {t('posts.create')}
          </Button>
        ) : null}
      </Flex>
      {posts.isError ? <QueryError error={posts.error} onRetry={() => void posts.refetch()} /> : null}
      <Table<Post>
        rowKey="id"
        loading={posts.isFetching}
        dataSource={posts.data?.items ?? []}
        scroll={{ x: 'max-content' }}
        pagination={pagination(posts.data?.total ?? 0)}
        locale={{ emptyText: t('posts.empty') }}
        columns={[
          { key: 'kind', title: t('posts.kind'), render: (_: unknown, p: Post) => <PostKindTag kind={p.kind} /> },
          { key: 'name', title: t('posts.name'), dataIndex: 'name' },
          {
            key: 'holder',
            title: t('posts.holder'),
            render: (_: unknown, p: Post) => <Link to={`/volunteers/${p.volunteer.id}`}>{p.volunteer.name}</Link>,
          },
          { key: 'region', title: t('posts.region'), dataIndex: 'regionName' },
          ...(team
            ? []
            : [
                {
                  key: 'team',
                  title: t('posts.team'),
                  render: (_: unknown, p: Post) => (p.teamId ? <Link to={`/teams/${p.teamId}`}>{p.teamName}</Link> : '—'),
                },
              ]),
          {
            key: 'dates',
            title: t('posts.dates'),
            render: (_: unknown, p: Post) => `${p.startsOn} ~ ${p.endsOn ?? t('posts.open')}`,
          },
          { key: 'description', title: t('posts.description'), dataIndex: 'description', render: (d: string | null) => d ?? '—' },
          ...(canWrite
            ? [
                {
                  key: 'actions',
                  title: t('common.actions'),
                  fixed: phone ? undefined : ('right' as const),
                  render: (_: unknown, p: Post) => (
                    <Space size={0}>
                      <RowAction
                        icon={<EditOutlined />}
                        label={t('common.edit')}
                        onClick={() => setEditing(p)}
                        testId={`post-edit-${p.id}`}
                      />
                      <RowAction
                        danger
                        icon={<DeleteOutlined />}
                        label={t('common.delete')}
                        onClick={() => remove(p)}
                        testId={`post-delete-${p.id}`}
                      />
                    </Space>
                  ),
                },
              ]
            : []),
        ]}
        data-testid="posts-table"
      />
      {editing ? <PostFormModal post={editing === 'new' ? null : editing} team={team} onClose={() => setEditing(null)} /> : null}
    </>
  );
}

/** 党员先锋岗 · 示范岗 · 党员责任区 across the account's area. */
export function PostsPage() {
  const { t } = useTranslation();
  const language = useLanguage();
  const filterWidth = useFilterWidth();
  const [filter, setFilter] = useState<PostFilter>({});
  return (
    <>
      <PageHeader title={t('posts.title')} />
      <Card>
        <PostsTable
          key={JSON.stringify(filter)}
          filter={filter}
          toolbar={
            <>
              <Select<PostKind>
                allowClear
                placeholder={t('posts.filterKind')}
                aria-label={t('posts.filterKind')}
                value={filter.kind ?? undefined}
                onChange={(kind) => setFilter((f) => ({ ...f, kind: kind ?? null }))}
                options={POST_KINDS.map((k) => ({ value: k, label: POST_KIND_LABELS[k][language] }))}
                style={filterWidth(160)}
                data-testid="posts-filter-kind"
              />
              <RegionTreeSelect
                allowClear
                placeholder={t('pledges.filterRegion')}
                value={filter.regionId ?? null}
                onChange={(regionId) => setFilter((f) => ({ ...f, regionId }))}
                testId="posts-filter-region"
                style={filterWidth(220)}
              />
            </>
          }
        />
      </Card>
    </>
  );
}
