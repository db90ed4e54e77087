import { Flex, Form, Input, InputNumber, Switch, Tag, Typography } from 'antd';
import { useTranslation } from 'react-i18next';
import { REGION_LEVEL_LABELS } from '../../../common/labels.ts';
import { useLanguage } from '../../app/useLanguage.ts';
import { FormModal } from '../../components/FormModal.tsx';
import { RegionTreeSelect } from '../regions/RegionTreeSelect.tsx';
import { TeamSelect } from '../teams/TeamSelect.tsx';
import { ERRANDS_KEY, usePosts, useSavePost, type Post } from './errands.api.ts';
import { RegionItemsPage } from './RegionItemsPage.tsx';

interface PostForm {
  regionId: string;
  teamId: string;
  name: string;
  address?: string;
  phone?: string;
  responseMinutes?: number | null;
  active: boolean;
}

/** A new post (`post` null) or a change to one; the server's field problems land under their fields. */
function PostFormModal({ post, onClose }: { post: Post | null; onClose: () => void }) {
  const { t } = useTranslation();
  const save = useSavePost();
  const submit = (v: PostForm) => {
    const fields = {
      teamId: v.teamId,
      name: v.name.trim(),
      address: v.address?.trim() || null,
      phone: v.phone?.trim() || null,
      responseMinutes: v.responseMinutes ?? null,
    };
    return save.mutateAsync(
      post ? { id: post.id, body: { ...fields, active: v.active } } : { id: null, body: { regionId: v.regionId, ...fields } },
    );
  };
  const initial: Partial<PostForm> = post
    ? {
        regionId: post.region.id,
        teamId: post.team.id,
        name: post.name,
        address: post.address ?? undefined,
        phone: post.phone ?? undefined,
        responseMinutes: post.responseMinutes,
        active: post.active,
      }
    : { active: true };
  const required = { required: true, message: t('auth.required') };
  return (
    <FormModal<PostForm>
      title={post ? t('errandOrders.editPost') : t('errandOrders.newPost')}
      testId="errand-post-form"
      onClose={onClose}
      initialValues={initial}
      submit={submit}
      invalidate={[ERRANDS_KEY, 'posts']}
    >
      <Form.Item name="regionId" label={t('errandOrders.postRegion')} rules={[required]} extra={t('errandOrders.postRegionHint')}>
        <RegionTreeSelect disabled={Boolean(post)} testId="errand-post-region" style={{ width: '100%' }} />
      </Form.Item>
      <Form.Item name="name" label={t('errandOrders.postName')} rules={[{ ...required, whitespace: true }]}>
        <Input maxLength={40} placeholder={t('errandOrders.postNamePlaceholder')} data-testid="errand-post-name" />
      </Form.Item>
      <Form.Item name="teamId" label={t('errandOrders.postTeam')} rules={[required]} extra={t('errandOrders.postTeamHint')}>
        <TeamSelect initial={post?.team ?? null} testId="errand-post-team" style={{ width: '100%' }} />
      </Form.Item>
      <Flex wrap style={{ columnGap: 16 }}>
        <Form.Item name="phone" label={t('errandOrders.postPhoneCol')} style={{ flex: '1 1 180px' }}>
          <Input maxLength={20} inputMode="tel" data-testid="errand-post-phone" />
        </Form.Item>
        <Form.Item name="responseMinutes" label={t('errandOrders.responseMinutes')} style={{ flex: '1 1 180px' }}>
          <InputNumber min={5} max={1440} precision={0} style={{ width: '100%' }} data-testid="errand-post-minutes" />
        </Form.Item>
      </Flex>
      <Form.Item name="address" label={t('errandOrders.shopAddress')}>
        <Input maxLength={120} />
      </Form.Item>
      {post ? (
        <Form.Item name="active" label={t('errandOrders.active')} valuePropName="checked" extra={t('errandOrders.postCloseHint')}>
          <Switch data-testid="errand-post-active" />
        </Form.Item>
      ) : null}
    </FormModal>
  );
}

/** 代办岗: the grids' (or communities') errand posts, who staffs them and their duty phone. */
export function PostsPage() {
  const { t } = useTranslation();
  const language = useLanguage();
  return (
    <RegionItemsPage<Post>
      title={t('errandOrders.postsTitle')}
      newLabel={t('errandOrders.newPost')}
      empty={t('errandOrders.noPosts')}
      testId="errand-post"
      useItems={usePosts}
      form={(post, onClose) => <PostFormModal post={post} onClose={onClose} />}
      columns={[
        {
          key: 'name',
          title: t('errandOrders.postName'),
          render: (_: unknown, p: Post) => (
            <Flex gap={6} align="center">
              <span>{p.name}</span>
              {p.active ? null : <Tag>{t('errandOrders.closed')}</Tag>}
            </Flex>
          ),
        },
        {
          key: 'region',
          title: t('errandOrders.postRegion'),
          render: (_: unknown, p: Post) => (
            <span>
              {p.region.name}
              <Typography.Text type="secondary"> · {REGION_LEVEL_LABELS[p.region.level][language]}</Typography.Text>
            </span>
          ),
        },
        { key: 'team', title: t('errandOrders.postTeam'), render: (_: unknown, p: Post) => p.team.name },
        { key: 'leader', title: t('errandOrders.postLeader'), render: (_: unknown, p: Post) => p.leader?.name ?? '—' },
        { key: 'phone', title: t('errandOrders.postPhoneCol'), render: (_: unknown, p: Post) => p.phone ?? '—' },
        {
          key: 'minutes',
          title: t('errandOrders.responseCol'),
          render: (_: unknown, p: Post) =>
            p.responseMinutes === null ? t('errandOrders.byDefault') : t('errandOrders.minutes', { count: p.responseMinutes }),
        },
      ]}
    />
  );
}
