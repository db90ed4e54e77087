import { Flex, Tag } from 'antd';
import { SKILLS, type Skill } from '../../../common/enums.ts';
import { SKILL_LABELS } from '../../../common/labels.ts';
import { useLanguage } from '../../app/useLanguage.ts';

/** Skills as tags to tap on and off; a form control (value / onChange). */
export function SkillTags({
  value = [],
  onChange,
  testId,
}: {
  value?: Skill[];
  onChange?: (skills: Skill[]) => void;
  testId: string;
}) {
  const language = useLanguage();
  return (
    <Flex wrap gap={8} data-testid={testId}>
      {SKILLS.map((skill) => {
        const on = value.includes(skill);
        return (
          <Tag.CheckableTag
            key={skill}
            checked={on}
            onChange={(checked) => onChange?.(SKILLS.filter((s) => (s === skill ? checked : value.includes(s))))}
            style={{
              fontSize: 14,
              padding: '4px 12px',
              border: `1px solid ${on ? 'transparent' : '#d9d9d9'}`,
              marginInlineEnd: 0,
            }}
            data-testid={`${testId}-${skill}`}
          >
            {SKILL_LABELS[skill][language]}
          </Tag.CheckableTag>
        );
      })}
    </Flex>
  );
}

/** Read-only skills, for tables and details. */
export function SkillList({ skills }: { skills: Skill[] }) {
  const language = useLanguage();
  if (!skills.length) return <>—</>;
  return (
    <Flex wrap gap={4}>
      {SKILLS.filter((s) => skills.includes(s)).map((s) => (
        <Tag key={s} style={{ marginInlineEnd: 0 }}>
          {SKILL_LABELS[s][language]}
        </Tag>
      ))}
    </Flex>
  );
}
