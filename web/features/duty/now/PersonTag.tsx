import { Tag, Tooltip } from 'antd';
import { useTranslation } from 'react-i18next';
import type { AttendanceState } from '../../../../common/enums.ts';
import { ATTENDANCE_LABELS } from '../../../../common/labels.ts';
import { useLanguage } from '../../../app/useLanguage.ts';
import { clock } from '../my/dutyTime.ts';
import type { NowPerson } from '../now.api.ts';

/** At a glance from across the room: green at the post, orange expected, red missing, grey gone home. */
const COLORS: Record<AttendanceState, string> = {
  on_duty: 'green',
  due: 'orange',
  absent: 'red',
  done: 'default',
  upcoming: 'blue',
};

/** A person on a running shift, coloured by where they stand; the tooltip says when they checked in. */
export function PersonTag({ person }: { person: NowPerson }) {
  const { t } = useTranslation();
  const language = useLanguage();
  const state = ATTENDANCE_LABELS[person.attendance][language];
  const checkedIn = person.checkedInAt ? t('dutyNow.checkedInAt', { time: clock(person.checkedInAt) }) : null;
  return (
    <Tooltip title={checkedIn ? `${state} · ${checkedIn}` : state}>
      <Tag
        color={COLORS[person.attendance]}
        data-testid={`duty-now-person-${person.volunteerId}`}
        data-attendance={person.attendance}
        style={{ marginInlineEnd: 4 }}
      >
        {person.name}
      </Tag>
    </Tooltip>
  );
}
