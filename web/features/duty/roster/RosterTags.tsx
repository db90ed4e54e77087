import { Progress, Tag, Tooltip } from 'antd';
import { useTranslation } from 'react-i18next';
import type { AttendanceState, RiskLevel, RosterStatus } from '../../../../common/enums.ts';
import { ASSIGNMENT_SOURCE_LABELS, ATTENDANCE_LABELS, RISK_LABELS, ROSTER_STATUS_LABELS } from '../../../../common/labels.ts';
import { useLanguage } from '../../../app/useLanguage.ts';
import type { AssignmentOut } from '../rosters.api.ts';

/** Risk 4 is the red of an alarm, 1 a calm green; the same scale in tags, bars and cards. */
export const RISK_COLORS: Record<RiskLevel, { tag: string; bar: string }> = {
  4: { tag: 'red', bar: '#cf1322' },
  3: { tag: 'orange', bar: '#d46b08' },
  2: { tag: 'gold', bar: '#d4b106' },
  1: { tag: 'green', bar: '#389e0d' },
};

const ATTENDANCE_COLORS: Record<AttendanceState, string> = {
  upcoming: 'default',
  due: 'blue',
  on_duty: 'green',
  done: 'geekblue',
  absent: 'red',
};

export function RiskTag({ risk }: { risk: RiskLevel }) {
  const language = useLanguage();
  return (
    <Tag color={RISK_COLORS[risk].tag} style={{ marginInlineEnd: 0 }}>
      {RISK_LABELS[risk][language]}
    </Tag>
  );
}

export function RosterStatusTag({ status }: { status: RosterStatus }) {
  const language = useLanguage();
  return (
    <Tag color={status === 'published' ? 'green' : 'default'} style={{ marginInlineEnd: 0 }} data-testid="roster-status">
      {ROSTER_STATUS_LABELS[status][language]}
    </Tag>
  );
}

export function AttendanceTag({ state }: { state: AttendanceState }) {
  const language = useLanguage();
  return (
    <Tag color={ATTENDANCE_COLORS[state]} style={{ marginInlineEnd: 0 }}>
      {ATTENDANCE_LABELS[state][language]}
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
