import { Tag } from 'antd';
import type { AttendanceState } from '../../../../common/enums.ts';
import { ATTENDANCE_LABELS } from '../../../../common/labels.ts';
import { useLanguage } from '../../../app/useLanguage.ts';

const COLORS: Record<AttendanceState, string> = {
  upcoming: 'default',
  due: 'orange',
  on_duty: 'green',
  done: 'blue',
  absent: 'red',
};

export function AttendanceTag({ state, testId }: { state: AttendanceState; testId?: string }) {
  const language = useLanguage();
  return (
    <Tag color={COLORS[state]} data-testid={testId} data-state={state}>
      {ATTENDANCE_LABELS[state][language]}
    </Tag>
  );
}
