import { Flex, Tag } from 'antd';
import { FIELD_ISSUE_CATEGORIES, type FieldIssueCategory } from '../../../common/enums.ts';
import { FIELD_ISSUE_CATEGORY_LABELS } from '../../../common/labels.ts';
import { useLanguage } from '../../app/useLanguage.ts';

/** Thumb-sized: a volunteer picks the category at the gate with gloves on. */
const CHIP = { fontSize: 15, padding: '8px 14px', marginInlineEnd: 0, borderRadius: 18, lineHeight: '22px' } as const;

/** The category as one tap on a chip; a form control (value/onChange). */
export function CategoryChips({
  value,
  onChange,
  testId,
}: {
  value?: FieldIssueCategory | null;
  onChange?: (value: FieldIssueCategory) => void;
  testId: string;
}) {
  const language = useLanguage();
  return (
    <Flex wrap gap={8} data-testid={testId}>
      {FIELD_ISSUE_CATEGORIES.map((c) => {
        const on = value === c;
        return (
          <Tag.CheckableTag
            key={c}
            checked={on}
            onChange={() => onChange?.(c)}
            style={{ ...CHIP, border: `1px solid ${on ? 'transparent' : '#d9d9d9'}` }}
            data-testid={`${testId}-${c}`}
          >
            {FIELD_ISSUE_CATEGORY_LABELS[c][language]}
          </Tag.CheckableTag>
        );
      })}
    </Flex>
  );
}
