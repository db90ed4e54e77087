import { Form, Input, Select } from 'antd';
import { useTranslation } from 'react-i18next';
import { TEAM_KINDS, type TeamKind } from '../../../common/enums.ts';
import { TEAM_KIND_LABELS } from '../../../common/labels.ts';
import { api } from '../../app/api.ts';
import { useLanguage } from '../../app/useLanguage.ts';
import { FormModal } from '../../components/FormModal.tsx';
import { useIdempotentCreate } from '../../components/idempotency.ts';
import { RegionTreeSelect } from '../regions/RegionTreeSelect.tsx';
import { VolunteerSelect } from '../volunteers/VolunteerSelect.tsx';
import { TEAMS_KEY, type Team } from './teams.api.ts';
import { TeamSelect } from './TeamSelect.tsx';

interface TeamForm {
  name: string;
  kind: TeamKind;
  regionId: string;
  parentTeamId?: string | null;
  leaderVolunteerId?: string | null;
  description?: string;
}

/** `team` null: a new team; with `parent`, a sub-team (分队) of it, in its region by default. */
export function TeamFormModal({
  team,
  parent,
  onClose,
  onCreated,
}: {
  team: Team | null;
  parent?: Team | null;
  onClose: () => void;
  onCreated?: (team: Team) => void;
}) {
  const { t } = useTranslation();
  const language = useLanguage();
  const create = useIdempotentCreate();

  async function submit(v: TeamForm) {
    const body = {
      name: v.name.trim(),
      kind: v.kind,
      regionId: v.regionId,
      parentTeamId: v.parentTeamId ?? null,
      leaderVolunteerId: v.leaderVolunteerId ?? null,
      description: v.description?.trim() || null,
    };
    if (team) await api.patch<Team>(`/teams/${team.id}`, body);
    else onCreated?.(await create<Team>('/teams', body));
  }

  const initial: Partial<TeamForm> = team
    ? {
        name: team.name,
        kind: team.kind,
        regionId: team.regionId,
        parentTeamId: team.parentTeamId,
        leaderVolunteerId: team.leader?.id ?? null,
        description: team.description ?? undefined,
      }
    : parent
      ? { kind: parent.kind, regionId: parent.regionId, parentTeamId: parent.id }
      : {};
  const parentRef = team?.parentTeamId
    ? { id: team.parentTeamId, name: team.parentTeamName ?? '' }
    : parent
      ? { id: parent.id, name: parent.name }
      : null;
  const required = { required: true, message: t('auth.required') };

  return (
    <FormModal<TeamForm>
      title={team ? t('teams.editTitle') : parent ? t('teams.createSubTitle', { name: parent.name }) : t('teams.createTitle')}
      testId="team-form"
      onClose={onClose}
      initialValues={initial}
      submit={submit}
      invalidate={[TEAMS_KEY]}
    >
      <Form.Item name="name" label={t('teams.name')} rules={[{ ...required, whitespace: true }]}>
        <Input maxLength={60} placeholder={t('teams.namePlaceholder')} data-testid="team-form-name" />
      </Form.Item>
      <Form.Item name="kind" label={t('teams.kind')} rules={[required]}>
        <Select
          options={TEAM_KINDS.map((k) => ({ value: k, label: TEAM_KIND_LABELS[k][language] }))}
          data-testid="team-form-kind"
        />
      </Form.Item>
      <Form.Item name="regionId" label={t('teams.region')} rules={[required]} extra={t('teams.regionHint')}>
        <RegionTreeSelect testId="team-form-region" style={{ width: '100%' }} />
      </Form.Item>
      <Form.Item name="parentTeamId" label={t('teams.parent')} extra={t('teams.parentHint')}>
        <TeamSelect
          allowClear
          initial={parentRef}
          exclude={team?.id}
          disabled={!!parent}
          testId="team-form-parent"
          style={{ width: '100%' }}
        />
      </Form.Item>
      <Form.Item name="leaderVolunteerId" label={t('teams.leader')} extra={t('teams.leaderHint')}>
        <VolunteerSelect allowClear initial={team?.leader ?? null} testId="team-form-leader" style={{ width: '100%' }} />
      </Form.Item>
      <Form.Item name="description" label={t('teams.description')}>
        <Input.TextArea maxLength={500} showCount autoSize={{ minRows: 2 }} data-testid="team-form-description" />
      </Form.Item>
    </FormModal>
  );
}
