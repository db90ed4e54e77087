import { Tag } from 'antd';
import type { VolunteerStatus } from '../../../common/enums.ts';
import { VOLUNTEER_STATUS_LABELS } from '../../../common/labels.ts';
import { useLanguage } from '../../app/useLanguage.ts';

const COLORS: Record<VolunteerStatus, string> = { active: 'green', paused: 'orange', withdrawn: 'default' };

export function VolunteerStatusTag({ status, testId }: { status: VolunteerStatus; testId?: string }) {
  const language = useLanguage();
  return (
    <Tag color={COLORS[status]} data-testid={testId}>
      {VOLUNTEER_STATUS_LABELS[status][language]}
    </Tag>
  );
}
