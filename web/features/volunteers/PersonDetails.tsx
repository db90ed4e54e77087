import { Descriptions, Space, Tag, type DescriptionsProps } from 'antd';
import { useTranslation } from 'react-i18next';
import { GENDER_LABELS } from '../../../common/labels.ts';
import { useIsPhone } from '../../app/useIsPhone.ts';
import { useLanguage } from '../../app/useLanguage.ts';
import { AvailabilityGrid } from './AvailabilityGrid.tsx';
import { SkillList } from './SkillTags.tsx';
import { RevealButton, useReveal } from './useReveal.tsx';
import type { PersonOut } from './volunteers.api.ts';

/** A person as a pledge or the registry holds them, masked, with the audited reveal for those allowed. */
export function PersonDetails({
  person,
  revealPath,
  testId,
  before = [],
  after = [],
  column,
}: {
  person: PersonOut;
  revealPath: string;
  testId: string;
  before?: DescriptionsProps['items'];
  after?: DescriptionsProps['items'];
  column?: DescriptionsProps['column'];
}) {
  const { t } = useTranslation();
  const language = useLanguage();
  const phone = useIsPhone();
  const { allowed, revealed, reveal } = useReveal(revealPath);
  const withReveal = (value: string, which: 'id-number' | 'mobile') => (
    <Space size={4} wrap>
      <span data-testid={`${testId}-${which}`}>{value}</span>
      {allowed && !revealed ? <RevealButton onClick={reveal} testId={`${testId}-reveal-${which}`} /> : null}
    </Space>
  );
  const items: DescriptionsProps['items'] = [
    ...(before ?? []),
    { key: 'gender', label: t('person.gender'), children: GENDER_LABELS[person.gender][language] },
    { key: 'idNumber', label: t('person.idNumber'), children: withReveal(revealed?.idNumber ?? person.idNumber, 'id-number') },
    { key: 'mobile', label: t('person.mobile'), children: withReveal(revealed?.mobile ?? person.mobile, 'mobile') },
    {
      key: 'party',
      label: t('person.partyMember'),
      children: person.partyMember ? (
        <Space size={4} wrap>
          <Tag color="red">{t('person.partyMemberTag')}</Tag>
          {person.partyBranch}
        </Space>
      ) : (
        t('common.no')
      ),
    },
    { key: 'unit', label: t('person.unit'), children: person.unitName ?? '—' },
    { key: 'region', label: t('person.region'), children: person.regionName },
    { key: 'address', label: t('person.homeAddress'), children: person.homeAddress },
    { key: 'skills', label: t('person.skills'), children: <SkillList skills={person.skills} /> },
    {
      key: 'availability',
      label: t('person.availability'),
      children: person.availability.length ? (
        <AvailabilityGrid readOnly value={person.availability} testId={`${testId}-availability`} />
      ) : (
        t('person.availabilityNone')
      ),
    },
    ...(after ?? []),
  ];
  // Labels above values on a phone: a narrow label column would break 身份证号 into one character a line.
  return (
    <Descriptions
      bordered
      size="small"
      layout={phone ? 'vertical' : 'horizontal'}
      column={column ?? 1}
      items={items}
      data-testid={testId}
    />
  );
}
