import { Alert, Checkbox, Form, Input, Select } from 'antd';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { MEMBER_ROLE_TAGS, type MemberRoleTag } from '../../../common/enums.ts';
import { MEMBER_ROLE_TAG_LABELS } from '../../../common/labels.ts';
import { api } from '../../app/api.ts';
import { useLanguage } from '../../app/useLanguage.ts';
import { FormModal } from '../../components/FormModal.tsx';
import { useIdempotentCreate } from '../../components/idempotency.ts';
import type { VolunteerSummary } from '../volunteers/volunteers.api.ts';
import { VolunteerSelect } from '../volunteers/VolunteerSelect.tsx';
import { TEAMS_KEY, type TeamDetail } from './teams.api.ts';

interface MemberForm {
  volunteerId: string;
  roleTags: MemberRoleTag[];
  inBranch: boolean;
}

/** Adds a volunteer to the team; only a party member can join its temporary party branch. */
export function AddMemberModal({ team, onClose }: { team: TeamDetail; onClose: () => void }) {
  const { t } = useTranslation();
  const language = useLanguage();
  const create = useIdempotentCreate();
  const [form] = Form.useForm<MemberForm>();
  const [picked, setPicked] = useState<VolunteerSummary | null>(null);
  const canBranch = !!team.branch && !!picked?.partyMember;

  return (
    <FormModal<MemberForm>
      form={form}
      title={t('teams.addMemberTitle', { name: team.name })}
      okText={t('teams.addMember')}
      testId="member-form"
      onClose={onClose}
      initialValues={{ roleTags: [], inBranch: false }}
      submit={(v) =>
        create(`/teams/${team.id}/members`, {
          volunteerId: v.volunteerId,
          roleTags: v.roleTags ?? [],
          inBranch: canBranch && !!v.inBranch,
        })
      }
      invalidate={[TEAMS_KEY]}
      success={t('teams.memberAdded')}
    >
      <Form.Item name="volunteerId" label={t('teams.memberVolunteer')} rules={[{ required: true, message: t('auth.required') }]}>
        <VolunteerSelect
          onPick={(v) => {
            setPicked(v);
            if (!v?.partyMember) form.setFieldValue('inBranch', false);
          }}
          testId="member-form-volunteer"
          style={{ width: '100%' }}
        />
      </Form.Item>
      {picked && picked.status !== 'active' ? (
        <Alert type="warning" showIcon title={t('teams.memberNotActive')} style={{ marginBottom: 16 }} />
      ) : null}
      <Form.Item name="roleTags" label={t('teams.roleTags')}>
        <Checkbox.Group
          options={MEMBER_ROLE_TAGS.map((tag) => ({
            value: tag,
            label: <span data-testid={`member-form-tag-${tag}`}>{MEMBER_ROLE_TAG_LABELS[tag][language]}</span>,
          }))}
        />
      </Form.Item>
      <Form.Item
        name="inBranch"
        valuePropName="checked"
        extra={!team.branch ? t('teams.noBranchYet') : picked && !picked.partyMember ? t('teams.branchPartyOnly') : undefined}
      >
        <Checkbox disabled={!canBranch} data-testid="member-form-in-branch">
          {t('teams.joinBranch')}
        </Checkbox>
      </Form.Item>
    </FormModal>
  );
}

interface BranchForm {
  name: string;
  secretaryVolunteerId?: string | null;
}

/** Sets up or edits the team's temporary party branch (临时党支部). */
export function BranchModal({ team, onClose }: { team: TeamDetail; onClose: () => void }) {
  const { t } = useTranslation();
  const partyMembers = team.members.filter((m) => m.partyMember);

  return (
    <FormModal<BranchForm>
      title={team.branch ? t('teams.branchEditTitle') : t('teams.branchCreateTitle')}
      testId="branch-form"
      onClose={onClose}
      initialValues={{
        name: team.branch?.name ?? t('teams.branchDefaultName', { name: team.name }),
        secretaryVolunteerId: team.branch?.secretary?.id ?? null,
      }}
      submit={(v) =>
        api.put(`/teams/${team.id}/branch`, { name: v.name.trim(), secretaryVolunteerId: v.secretaryVolunteerId ?? null })
      }
      invalidate={[TEAMS_KEY]}
    >
      <Form.Item
        name="name"
        label={t('teams.branchName')}
        rules={[{ required: true, whitespace: true, message: t('auth.required') }]}
      >
        <Input maxLength={60} data-testid="branch-form-name" />
      </Form.Item>
      <Form.Item name="secretaryVolunteerId" label={t('teams.branchSecretary')} extra={t('teams.branchSecretaryHint')}>
        <Select
          allowClear
          placeholder={partyMembers.length ? undefined : t('teams.noPartyMembers')}
          options={partyMembers.map((m) => ({ value: m.volunteerId, label: m.name }))}
          data-testid="branch-form-secretary"
        />
      </Form.Item>
    </FormModal>
  );
}
