import { DatePicker, Flex, Form, Input, Select } from 'antd';
import dayjs, { type Dayjs } from 'dayjs';
import { useTranslation } from 'react-i18next';
import { POST_KINDS, type PostKind } from '../../../common/enums.ts';
import { POST_KIND_LABELS } from '../../../common/labels.ts';
import { api } from '../../app/api.ts';
import { useLanguage } from '../../app/useLanguage.ts';
import { FormModal } from '../../components/FormModal.tsx';
import { useIdempotentCreate } from '../../components/idempotency.ts';
import { RegionTreeSelect } from '../regions/RegionTreeSelect.tsx';
import { today } from '../volunteers/VolunteerDialogs.tsx';
import { VolunteerSelect } from '../volunteers/VolunteerSelect.tsx';
import { POSTS_KEY, type Post, type Team } from './teams.api.ts';
import { TeamSelect } from './TeamSelect.tsx';

interface PostForm {
  kind: PostKind;
  name: string;
  volunteerId: string;
  regionId: string;
  teamId?: string | null;
  description?: string;
  startsOn: Dayjs;
  endsOn?: Dayjs | null;
}

/** `post` null: a new post; `team` presets its team and region (from the team's page). */
export function PostFormModal({ post, team, onClose }: { post: Post | null; team?: Team | null; onClose: () => void }) {
  const { t } = useTranslation();
  const language = useLanguage();
  const create = useIdempotentCreate();

  async function submit(v: PostForm) {
    const body = {
      kind: v.kind,
      name: v.name.trim(),
      volunteerId: v.volunteerId,
      regionId: v.regionId,
      teamId: v.teamId ?? null,
      description: v.description?.trim() || null,
      startsOn: v.startsOn.format('YYYY-MM-DD'),
      endsOn: v.endsOn ? v.endsOn.format('YYYY-MM-DD') : null,
    };
    if (post) await api.patch<Post>(`/posts/${post.id}`, body);
    else await create<Post>('/posts', body);
  }

  const initial: Partial<PostForm> = post
    ? {
        kind: post.kind,
        name: post.name,
        volunteerId: post.volunteer.id,
        regionId: post.regionId,
        teamId: post.teamId,
        description: post.description ?? undefined,
        startsOn: dayjs(post.startsOn),
        endsOn: post.endsOn ? dayjs(post.endsOn) : null,
      }
    : { kind: 'vanguard_post', startsOn: today(), ...(team ? { teamId: team.id, regionId: team.regionId } : {}) };
  const teamRef = post?.teamId ? { id: post.teamId, name: post.teamName ?? '' } : team ? { id: team.id, name: team.name } : null;
  const required = { required: true, message: t('auth.required') };

  return (
    <FormModal<PostForm>
      title={post ? t('posts.editTitle') : t('posts.createTitle')}
      testId="post-form"
      onClose={onClose}
      initialValues={initial}
      submit={submit}
      invalidate={[POSTS_KEY]}
    >
      <Form.Item name="kind" label={t('posts.kind')} rules={[required]}>
        <Select
          options={POST_KINDS.map((k) => ({ value: k, label: POST_KIND_LABELS[k][language] }))}
          data-testid="post-form-kind"
        />
      </Form.Item>
      <Form.Item name="name" label={t('posts.name')} rules={[{ ...required, whitespace: true }]}>
        <Input maxLength={60} placeholder={t('posts.namePlaceholder')} data-testid="post-form-name" />
      </Form.Item>
      <Form.Item name="volunteerId" label={t('posts.holder')} rules={[required]} extra={t('posts.holderHint')}>
        <VolunteerSelect initial={post?.volunteer ?? null} testId="post-form-holder" style={{ width: '100%' }} />
      </Form.Item>
      <Form.Item name="regionId" label={t('posts.region')} rules={[required]}>
        <RegionTreeSelect testId="post-form-region" style={{ width: '100%' }} />
      </Form.Item>
      <Form.Item name="teamId" label={t('posts.team')}>
        <TeamSelect allowClear initial={teamRef} testId="post-form-team" style={{ width: '100%' }} />
      </Form.Item>
      <Flex wrap style={{ columnGap: 16 }}>
        <Form.Item name="startsOn" label={t('posts.startsOn')} rules={[required]} style={{ flex: '1 1 160px' }}>
          <DatePicker allowClear={false} style={{ width: '100%' }} data-testid="post-form-starts" />
        </Form.Item>
        <Form.Item
          name="endsOn"
          label={t('posts.endsOn')}
          dependencies={['startsOn']}
          rules={[
            ({ getFieldValue }) => ({
              validator: async (_, end: Dayjs | null | undefined) => {
                const start = getFieldValue('startsOn') as Dayjs | undefined;
                if (end && start && end.isBefore(start, 'day')) throw new Error(t('posts.endsBeforeStart'));
              },
            }),
          ]}
          extra={t('posts.endsHint')}
          style={{ flex: '1 1 160px' }}
        >
          <DatePicker style={{ width: '100%' }} data-testid="post-form-ends" />
        </Form.Item>
      </Flex>
      <Form.Item name="description" label={t('posts.description')}>
        <Input.TextArea maxLength={500} showCount autoSize={{ minRows: 2 }} data-testid="post-form-description" />
      </Form.Item>
    </FormModal>
  );
}
