import { Flex, Form, Input, Radio, Select, Switch } from 'antd';
import { useTranslation } from 'react-i18next';
import { GENDERS } from '../../../common/enums.ts';
import { GENDER_LABELS } from '../../../common/labels.ts';
import { useLanguage } from '../../app/useLanguage.ts';
import { AvailabilityGrid } from './AvailabilityGrid.tsx';
import { homeRegionRule, idNumberRule, mobileRule, OTHER_UNIT, type TreeNode } from './person.ts';
import { RegionCascader } from './RegionCascader.tsx';
import { SkillTags } from './SkillTags.tsx';

const HALF = { flex: '1 1 220px', minWidth: 0 };

/**
 * The person's fields inside a parent antd Form (values: PersonFormValues). `editing`: ID number
 * and mobile come masked, so they are blank and only sent when typed anew.
 */
export function PersonFields({
  units,
  tree,
  editing = false,
  testId,
}: {
  units: { id: string; name: string }[];
  tree: TreeNode[];
  editing?: boolean;
  testId: string;
}) {
  const { t } = useTranslation();
  const language = useLanguage();
  const form = Form.useFormInstance();
  const partyMember = Form.useWatch<boolean | undefined>('partyMember', form);
  const unitId = Form.useWatch<string | undefined>('unitId', form);
  const required = { required: true, whitespace: true, message: t('auth.required') };
  const keepHint = editing ? t('person.keepBlank') : undefined;

  return (
    <>
      <Flex wrap style={{ columnGap: 16 }}>
        <Form.Item name="name" label={t('person.name')} rules={[required]} style={HALF}>
          <Input maxLength={40} autoComplete="name" data-testid={`${testId}-name`} />
        </Form.Item>
        <Form.Item
          name="gender"
          label={t('person.gender')}
          rules={[{ required: true, message: t('auth.required') }]}
          style={HALF}
        >
          <Radio.Group
            optionType="button"
            buttonStyle="solid"
            options={GENDERS.map((g) => ({
              value: g,
              label: <span data-testid={`${testId}-gender-${g}`}>{GENDER_LABELS[g][language]}</span>,
            }))}
          />
        </Form.Item>
      </Flex>
      <Flex wrap style={{ columnGap: 16 }}>
        <Form.Item
          name="idNumber"
          label={t('person.idNumber')}
          required={!editing}
          rules={[idNumberRule(t, !editing)]}
          extra={keepHint}
          validateTrigger="onBlur"
          style={HALF}
        >
          <Input maxLength={18} autoComplete="off" placeholder={t('person.idNumberHint')} data-testid={`${testId}-id-number`} />
        </Form.Item>
        <Form.Item
          name="mobile"
          label={t('person.mobile')}
          rules={[...(editing ? [] : [required]), mobileRule(t)]}
          extra={keepHint}
          validateTrigger="onBlur"
          style={HALF}
        >
          <Input inputMode="numeric" maxLength={11} autoComplete="tel" data-testid={`${testId}-mobile`} />
        </Form.Item>
      </Flex>
      <Flex wrap style={{ columnGap: 16 }}>
        <Form.Item
          name="partyMember"
          label={t('person.partyMember')}
          valuePropName="checked"
          style={{ flex: '0 0 auto', minWidth: 120 }}
        >
          <Switch checkedChildren={t('common.yes')} unCheckedChildren={t('common.no')} data-testid={`${testId}-party-member`} />
        </Form.Item>
        {partyMember ? (
          <Form.Item name="partyBranch" label={t('person.partyBranch')} style={{ flex: '1 1 220px', minWidth: 0 }}>
            <Input maxLength={80} placeholder={t('person.partyBranchHint')} data-testid={`${testId}-party-branch`} />
          </Form.Item>
        ) : null}
      </Flex>
      <Flex wrap style={{ columnGap: 16 }}>
        <Form.Item name="unitId" label={t('person.unit')} style={HALF}>
          <Select
            allowClear
            showSearch={{ optionFilterProp: 'label' }}
            placeholder={t('person.unitPlaceholder')}
            options={[...units.map((u) => ({ value: u.id, label: u.name })), { value: OTHER_UNIT, label: t('person.unitOther') }]}
            data-testid={`${testId}-unit`}
          />
        </Form.Item>
        {unitId === OTHER_UNIT ? (
          <Form.Item name="unitName" label={t('person.unitName')} rules={[required]} style={HALF}>
            <Input maxLength={80} data-testid={`${testId}-unit-name`} />
          </Form.Item>
        ) : null}
      </Flex>
      <Form.Item
        name="regionId"
        label={t('person.region')}
        required
        rules={[homeRegionRule(t, tree)]}
        extra={t('person.regionHint')}
      >
        <RegionCascader tree={tree} testId={`${testId}-region`} />
      </Form.Item>
      <Form.Item name="homeAddress" label={t('person.homeAddress')} rules={[required]}>
        <Input maxLength={120} autoComplete="street-address" data-testid={`${testId}-home-address`} />
      </Form.Item>
      <Form.Item name="skills" label={t('person.skills')} extra={t('person.skillsHint')}>
        <SkillTags testId={`${testId}-skills`} />
      </Form.Item>
      <Form.Item name="availability" label={t('person.availability')} extra={t('person.availabilityHint')}>
        <AvailabilityGrid testId={`${testId}-availability`} />
      </Form.Item>
    </>
  );
}
