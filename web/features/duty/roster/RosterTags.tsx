import { Progress, Tag, Tooltip } from 'antd';
import { useTranslation } from 'react-i18next';
import type { RosterStatus } from '../../../../common/enums.ts';
import { ASSIGNMENT_SOURCE_LABELS, ATTENDANCE_LABELS, ROSTER_STATUS_LABELS } from '../../../../common/labels.ts';
import { useLanguage } from '../../../app/useLanguage.ts';
import { ATTENDANCE_COLORS } from '../AttendanceTag.tsx';
import type { AssignmentOut } from '../rosters.api.ts';

export function RosterStatusTag({ status }: { status: RosterStatus }) {
  const language = useLanguage();
  return (
    <Tag color={status === 'published' ? 'green' : 'default'} style={{ marginInlineEnd: 0 }} data-testid="roster-status">
      {ROSTER_STATUS_LABELS[status][language]}
    </Tag>
  );
}

/**
 * A person on a shift as a small tag: coloured by attendance once the roster is published (who is
 * at the gate is what matters then), plain before; the tooltip says how they got there.
 */
export function PersonTag({ assignment: a, published }: { assignment: AssignmentOut; published: boolean }) {
  const language = useLanguage();
  const how = ASSIGNMENT_SOURCE_LABELS[a.source][language];
  return (
    <Tooltip title={published ? `${how} · ${ATTENDANCE_LABELS[a.attendance][language]}` : how}>
      <Tag
        color={published ? ATTENDANCE_COLORS[a.attendance] : a.source === 'optimiser' ? 'default' : 'purple'}
        style={{ marginInlineEnd: 0, fontSize: 12, lineHeight: '18px', paddingInline: 4 }}
      >
        {a.volunteerName}
      </Tag>
    </Tooltip>
  );
}

/** Filled against required as a bar and in words: '已排 N / 需 M 人次'. */
export function CoverageBar({ filled, positions, width = 160 }: { filled: number; positions: number; width?: number | string }) {
  const { t } = useTranslation();
  const percent = positions ? Math.floor((filled / positions) * 1000) / 10 : 100;
  return (
    <div style={{ width, minWidth: 120 }}>
      <Progress
        percent={percent}
        size="small"
        status={filled >= positions ? 'success' : 'normal'}
        strokeColor={filled >= positions ? undefined : percent >= 90 ? '#d4b106' : '#cf1322'}
        style={{ margin: 0 }}
      />
      <div style={{ fontSize: 12, color: '#595959', whiteSpace: 'nowrap' }}>
        {t('rosters.coverageText', { filled, positions })}
      </div>
    </div>
  );
}
