import { Tag } from 'antd';
import type { HousingStatus } from '../../../common/enums.ts';
import { HOUSING_STATUS_LABELS } from '../../../common/labels.ts';
import { useLanguage } from '../../app/useLanguage.ts';

const COLORS: Record<HousingStatus, string> = { owner: 'green', rented: 'gold', vacant: 'default' };

export function HousingTag({ housing }: { housing: HousingStatus }) {
  const language = useLanguage();
  return <Tag color={COLORS[housing]}>{HOUSING_STATUS_LABELS[housing][language]}</Tag>;
}
