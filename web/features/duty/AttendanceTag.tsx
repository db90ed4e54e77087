import { Tag } from 'antd';
import type { AttendanceState } from '../../../common/enums.ts';
import { ATTENDANCE_LABELS } from '../../../common/labels.ts';
import { useLanguage } from '../../app/useLanguage.ts';

/**
 * Where a person stands, the same colour on every duty page: green at the post, orange expected,
 * red missing, blue done, grey not yet due.
 */
export const ATTENDANCE_COLORS: Record<AttendanceState, string> = {
  upcoming: 'default',
  due: 'orange',
  on_duty: 'green',
  done: 'blue',
  absent: 'red',
};

export function AttendanceTag({ state, testId }: { state: AttendanceState; testId?: string }) {
  const language = useLanguage();
  return (
    <Tag color={ATTENDANCE_COLORS[state]} data-testid={testId} data-state={state} style={{ marginInlineEnd: 0 }}>
      {ATTENDANCE_LABELS[state][language]}
    </Tag>
  );
}
