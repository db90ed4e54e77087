import { Form, Input, Select } from 'antd';
import { useTranslation } from 'react-i18next';
import { RESIDENT_RELATIONS, type ResidentRelation } from '../../../common/enums.ts';
import { idCardProblem } from '../../../common/idcard.ts';
import { RESIDENT_RELATION_LABELS } from '../../../common/labels.ts';
import { isValidMobile } from '../../../common/phone.ts';
import { api } from '../../app/api.ts';
import { useLanguage } from '../../app/useLanguage.ts';
import { FormModal } from '../../components/FormModal.tsx';
import { useIdempotentCreate } from '../../components/idempotency.ts';
import { HOUSEHOLDS_KEY, type Household, type Resident } from './households.api.ts';

interface MemberForm {
  name: string;
  relation: ResidentRelation;
  idNumber?: string;
  mobile?: string;
}

/**
 * Adds a member, or edits one. An edit shows the masked numbers only as placeholders: left blank,
 * the stored ID number and mobile stay; typed, they replace them.
 */
export function HouseholdMemberModal({
  household,
  member,
  onClose,
}: {
  household: Household;
  member: Resident | null;
  onClose: () => void;
}) {
  const { t } = useTranslation();
  const language = useLanguage();
  const create = useIdempotentCreate();
  const required = { required: true, message: t('auth.required') };

  async function submit(v: MemberForm) {
    const idNumber = v.idNumber?.trim().toUpperCase() || null;
    const mobile = v.mobile?.trim() || null;
    if (member) {
      await api.patch<Household>(`/households/${household.id}/residents/${member.id}`, {
        name: v.name.trim(),
        relation: v.relation,
        ...(idNumber ? { idNumber } : {}),
        ...(mobile ? { mobile } : {}),
      });
    } else {
      await create<Household>(`/households/${household.id}/residents`, {
        name: v.name.trim(),
        relation: v.relation,
        idNumber,
        mobile,
      });
    }
  }

  return (
    <FormModal<MemberForm>
      title={member ? t('households.editMember') : t('households.addMember')}
      testId="household-member-form"
      onClose={onClose}
      initialValues={
        member ? { name: member.name, relation: member.relation } : { relation: household.members.length ? 'child' : 'head' }
      }
      submit={submit}
      invalidate={[HOUSEHOLDS_KEY]}
    >
      <Form.Item name="name" label={t('person.name')} rules={[{ ...required, whitespace: true }]}>
        <Input maxLength={40} data-testid="household-member-name" />
      </Form.Item>
      <Form.Item name="relation" label={t('households.relation')} rules={[required]}>
        <Select
          options={RESIDENT_RELATIONS.map((r) => ({ value: r, label: RESIDENT_RELATION_LABELS[r][language] }))}
          data-testid="household-member-relation"
        />
      </Form.Item>
      <Form.Item
        name="idNumber"
        label={t('households.idNumberOptional')}
        extra={member?.idNumber ? t('person.keepBlank') : undefined}
        rules={[
          {
            validator: async (_, value?: string) => {
              const problem = value?.trim() ? idCardProblem(value.trim()) : null;
              if (problem) throw new Error(t(`person.idProblem.${problem}`));
            },
          },
        ]}
      >
        <Input maxLength={18} placeholder={member?.idNumber ?? undefined} data-testid="household-member-id" />
      </Form.Item>
      <Form.Item
        name="mobile"
        label={t('households.mobileOptional')}
        extra={member?.mobile ? t('person.keepBlank') : undefined}
        rules={[
          {
            validator: async (_, value?: string) => {
              if (value?.trim() && !isValidMobile(value.trim())) throw new Error(t('auth.mobileInvalid'));
            },
          },
        ]}
      >
        <Input
          maxLength={11}
          inputMode="numeric"
          placeholder={member?.mobile ?? undefined}
          data-testid="household-member-mobile"
        />
      </Form.Item>
    </FormModal>
  );
}
