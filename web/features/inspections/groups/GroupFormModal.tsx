import { Form, Input, Select, type FormInstance } from 'antd';
import { useEffect } from 'react';
import { useTranslation } from 'react-i18next';
import { INSPECTION_GROUP_KINDS, type InspectionGroupKind } from '../../../../common/enums.ts';
import { INSPECTION_GROUP_KIND_LABELS } from '../../../../common/labels.ts';
import { ApiError } from '../../../app/api.ts';
import { useLanguage } from '../../../app/useLanguage.ts';
import { FormModal } from '../../../components/FormModal.tsx';
import { useIdempotentCreate } from '../../../components/idempotency.ts';
import { useRegionTree } from '../../regions/regions.api.ts';
import { RegionTreeSelect } from '../../regions/RegionTreeSelect.tsx';
import { INSPECTIONS_KEY, updateGroup, type InspectionGroup } from '../inspections.api.ts';
import { AreaSelect, subtreeIds } from './AreaSelect.tsx';
import { MembersSelect, type MemberValue } from './MembersSelect.tsx';

interface GroupForm {
  name: string;
  kind: InspectionGroupKind;
  regionId: string;
  areaRegionIds: string[];
  memberAccountIds: MemberValue[];
  leaderAccountId?: string | null;
  note?: string;
}

/** A problem with one picked area or member (`areaRegionIds.2`) goes under the whole list. */
function placeErrors(error: unknown): unknown {
  if (!(error instanceof ApiError)) return error;
  const fields = Object.fromEntries(Object.entries(error.fields).map(([path, text]) => [path.replace(/\.\d+$/, ''), text]));
  return new ApiError(error.status, error.code, error.message, fields, error.rows);
}

function initialOf(group: InspectionGroup | null): Partial<GroupForm> {
  if (!group) return { kind: 'liaison', areaRegionIds: [], memberAccountIds: [] };
  return {
    name: group.name,
    kind: group.kind,
    regionId: group.regionId,
    areaRegionIds: group.area.map((a) => a.regionId),
    memberAccountIds: group.members.map((m) => ({ value: m.accountId, label: `${m.name}（${m.login}）` })),
    leaderAccountId: group.leader?.accountId ?? null,
    note: group.note ?? undefined,
  };
}

/**
 * Keeps the picks consistent as the form changes: areas outside a newly chosen region and a
 * leader no longer among the members are dropped rather than sent to be refused.
 */
function useConsistentPicks(form: FormInstance<GroupForm>) {
  const tree = useRegionTree();
  const regionId = Form.useWatch('regionId', form);
  const members = Form.useWatch('memberAccountIds', form);
  const leader = Form.useWatch('leaderAccountId', form);
  useEffect(() => {
    if (!regionId || !tree.data) return;
    const inside = subtreeIds(tree.data, regionId);
    const areas: string[] = form.getFieldValue('areaRegionIds') ?? [];
    if (areas.some((id) => !inside.has(id)))
      form.setFieldValue(
        'areaRegionIds',
        areas.filter((id) => inside.has(id)),
      );
  }, [regionId, tree.data, form]);
  useEffect(() => {
    if (leader && members && !members.some((m) => m.value === leader)) form.setFieldValue('leaderAccountId', null);
  }, [leader, members, form]);
  return { regionId: regionId ?? null, members: members ?? [] };
}

/** `group` null: a new group. Its region cannot change later: the region's managers own it. */
export function GroupFormModal({ group, onClose }: { group: InspectionGroup | null; onClose: () => void }) {
  const { t } = useTranslation();
  const language = useLanguage();
  const create = useIdempotentCreate();
  const [form] = Form.useForm<GroupForm>();
  const { regionId, members } = useConsistentPicks(form);

  async function submit(v: GroupForm) {
    const fields = {
      name: v.name.trim(),
      kind: v.kind,
      areaRegionIds: v.areaRegionIds,
      memberAccountIds: v.memberAccountIds.map((m) => m.value),
      leaderAccountId: v.leaderAccountId ?? null,
      note: v.note?.trim() || null,
    };
    if (group) await updateGroup(group.id, fields);
    else await create<InspectionGroup>('/inspection-groups', { ...fields, regionId: v.regionId });
  }

  const required = { required: true, message: t('auth.required') };
  return (
    <FormModal<GroupForm>
      title={group ? t('inspections.groups.editTitle') : t('inspections.groups.createTitle')}
      testId="group-form"
      form={form}
      onClose={onClose}
      initialValues={initialOf(group)}
      submit={submit}
      invalidate={[INSPECTIONS_KEY]}
      placeErrors={placeErrors}
      width={600}
    >
      <Form.Item name="name" label={t('inspections.groups.name')} rules={[{ ...required, whitespace: true }]}>
        <Input maxLength={40} placeholder={t('inspections.groups.namePlaceholder')} data-testid="group-form-name" />
      </Form.Item>
      <Form.Item name="kind" label={t('inspections.groups.kind')} rules={[required]}>
        <Select
          options={INSPECTION_GROUP_KINDS.map((k) => ({ value: k, label: INSPECTION_GROUP_KIND_LABELS[k][language] }))}
          data-testid="group-form-kind"
        />
      </Form.Item>
      <Form.Item
        name="regionId"
        label={t('inspections.groups.region')}
        rules={[required]}
        extra={group ? t('inspections.groups.regionFixed') : t('inspections.groups.regionHint')}
      >
        <RegionTreeSelect disabled={!!group} testId="group-form-region" style={{ width: '100%' }} />
      </Form.Item>
      <Form.Item
        name="areaRegionIds"
        label={t('inspections.groups.area')}
        rules={[{ ...required, type: 'array', min: 1 }]}
        extra={t('inspections.groups.areaHint')}
      >
        <AreaSelect within={regionId} testId="group-form-area" />
      </Form.Item>
      <Form.Item name="memberAccountIds" label={t('inspections.groups.members')} extra={t('inspections.groups.membersHint')}>
        <MembersSelect testId="group-form-members" />
      </Form.Item>
      <Form.Item name="leaderAccountId" label={t('inspections.groups.leader')}>
        <Select
          allowClear
          placeholder={members.length ? t('inspections.groups.leaderPlaceholder') : t('inspections.groups.leaderFirstMembers')}
          disabled={!members.length}
          options={members.map((m) => ({ value: m.value, label: m.label }))}
          data-testid="group-form-leader"
        />
      </Form.Item>
      <Form.Item name="note" label={t('inspections.groups.note')}>
        <Input.TextArea maxLength={500} showCount autoSize={{ minRows: 2 }} data-testid="group-form-note" />
      </Form.Item>
    </FormModal>
  );
}
