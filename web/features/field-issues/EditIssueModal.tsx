import { Form } from 'antd';
import { useTranslation } from 'react-i18next';
import { FormModal } from '../../components/FormModal.tsx';
import { RegionTreeSelect } from '../regions/RegionTreeSelect.tsx';
import { UnitSelect } from '../volunteers/UnitSelect.tsx';
import { DeadlineField } from './DeadlineField.tsx';
import { FIELD_ISSUES_KEY, issueActions, type FieldIssue, type UpdateFieldIssueInput } from './fieldIssues.api.ts';

interface Values {
  ownerRegionId: string;
  ownerUnitId: string | null;
  deadline: string;
}

/** Only what changed is sent: the timeline's "edited" entry then says exactly that. */
function changes(issue: FieldIssue, v: Values): UpdateFieldIssueInput {
  const body: UpdateFieldIssueInput = {};
  if (v.ownerRegionId !== issue.ownerRegion.id) body.ownerRegionId = v.ownerRegionId;
  if ((v.ownerUnitId ?? null) !== (issue.ownerUnit?.id ?? null)) body.ownerUnitId = v.ownerUnitId ?? null;
  if (Date.parse(v.deadline) !== Date.parse(issue.deadline)) body.deadline = v.deadline;
  return body;
}

/** 修改负责方/期限: hand the issue to another level or unit, or give it more (or less) time. */
export function EditIssueModal({ issue, onClose }: { issue: FieldIssue; onClose: () => void }) {
  const { t } = useTranslation();
  return (
    <FormModal<Values>
      title={t('fieldIssues.editTitle')}
      testId="field-issue-edit"
      onClose={onClose}
      invalidate={[FIELD_ISSUES_KEY]}
      initialValues={{ ownerRegionId: issue.ownerRegion.id, ownerUnitId: issue.ownerUnit?.id ?? null, deadline: issue.deadline }}
      submit={async (v) => {
        const body = changes(issue, v);
        if (Object.keys(body).length) await issueActions.update(issue.id, body);
      }}
    >
      <Form.Item
        name="ownerRegionId"
        label={t('fieldIssues.ownerRegion')}
        extra={t('fieldIssues.ownerRegionHint')}
        rules={[{ required: true, message: t('fieldIssues.noteRequired') }]}
      >
        <RegionTreeSelect testId="field-issue-edit-owner" style={{ width: '100%' }} />
      </Form.Item>
      <Form.Item name="ownerUnitId" label={t('fieldIssues.ownerUnit')}>
        <UnitSelect allowClear placeholder={t('fieldIssues.noUnit')} testId="field-issue-edit-unit" style={{ width: '100%' }} />
      </Form.Item>
      <Form.Item
        name="deadline"
        label={t('fieldIssues.deadline')}
        rules={[
          {
            validator: async (_, v: string | undefined) => {
              if (!v || Date.parse(v) <= Date.now()) throw new Error(t('fieldIssues.deadlineFuture'));
            },
          },
        ]}
      >
        <DeadlineField testId="field-issue-edit-deadline" />
      </Form.Item>
    </FormModal>
  );
}
