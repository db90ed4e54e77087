import { Tag } from 'antd';
import type { PostKind, TeamKind } from '../../../common/enums.ts';
import { POST_KIND_LABELS, TEAM_KIND_LABELS } from '../../../common/labels.ts';
import { useLanguage } from '../../app/useLanguage.ts';

const TEAM_COLORS: Record<TeamKind, string> = {
  shock: 'red',
  vanguard: 'volcano',
  emergency: 'orange',
  volunteer_service: 'blue',
  work_group: 'cyan',
};

export function TeamKindTag({ kind }: { kind: TeamKind }) {
  const language = useLanguage();
  return <Tag color={TEAM_COLORS[kind]}>{TEAM_KIND_LABELS[kind][language]}</Tag>;
}

const POST_COLORS: Record<PostKind, string> = { vanguard_post: 'red', model_post: 'gold', responsibility_zone: 'magenta' };

export function PostKindTag({ kind }: { kind: PostKind }) {
  const language = useLanguage();
  return <Tag color={POST_COLORS[kind]}>{POST_KIND_LABELS[kind][language]}</Tag>;
}
