import { Tag } from 'antd';
import { PUBLICITY_MATERIALS, type PublicityMaterial } from '../../../common/enums.ts';
import { PUBLICITY_MATERIAL_LABELS } from '../../../common/labels.ts';
import { useLanguage } from '../../app/useLanguage.ts';

/** Thumb-sized, in a 2-column grid on a 390 px phone. */
const CHIP = {
  fontSize: 15,
  padding: '10px 8px',
  marginInlineEnd: 0,
  borderRadius: 8,
  textAlign: 'center',
  whiteSpace: 'normal',
  lineHeight: 1.3,
} as const;

/** The material as one tap; a form control (value/onChange). */
export function MaterialChips({
  value,
  onChange,
  testId,
}: {
  value?: PublicityMaterial | null;
  onChange?: (value: PublicityMaterial) => void;
  testId: string;
}) {
  const language = useLanguage();
  return (
    <div style={{ display: 'grid', gridTemplateColumns: 'repeat(auto-fill, minmax(140px, 1fr))', gap: 8 }} data-testid={testId}>
      {PUBLICITY_MATERIALS.map((m) => {
        const on = value === m;
        return (
          <Tag.CheckableTag
            key={m}
            checked={on}
            onChange={() => onChange?.(m)}
            style={{ ...CHIP, border: `1px solid ${on ? 'transparent' : '#d9d9d9'}` }}
            data-testid={`${testId}-${m}`}
          >
            {PUBLICITY_MATERIAL_LABELS[m][language]}
          </Tag.CheckableTag>
        );
      })}
    </div>
  );
}
