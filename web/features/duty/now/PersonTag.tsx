import { Tag, Tooltip } from 'antd';
import { useTranslation } from 'react-i18next';
import { ATTENDANCE_LABELS } from '../../../../common/labels.ts';
import { useLanguage } from '../../../app/useLanguage.ts';
import { ATTENDANCE_COLORS } from '../AttendanceTag.tsx';
import { clock } from '../dutyTime.ts';
import type { NowPerson } from '../now.api.ts';

/** A person on a running shift, coloured by where they stand; the tooltip says when they checked in. */
export function PersonTag({ person }: { person: NowPerson }) {
  const { t } = useTranslation();
  const language = useLanguage();
  const state = ATTENDANCE_LABELS[person.attendance][language];
  const checkedIn = person.checkedInAt ? t('dutyNow.checkedInAt', { time: clock(person.checkedInAt) }) : null;
  return (
    <Tooltip title={checkedIn ? `${state} · ${checkedIn}` : state}>
      <Tag
        color={ATTENDANCE_COLORS[person.attendance]}
        data-testid={`duty-now-person-${person.volunteerId}`}
        data-attendance={person.attendance}
        style={{ marginInlineEnd: 4 }}
      >
        {person.name}
      </Tag>
    </Tooltip>
  );
}
