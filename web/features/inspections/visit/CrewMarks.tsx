import { CheckOutlined, CloseOutlined } from '@ant-design/icons';
import { Button, Empty, Flex, Typography } from 'antd';
import type { ReactNode } from 'react';
import { useTranslation } from 'react-i18next';
import type { InspectionMark } from '../../../../common/enums.ts';
import { INSPECTION_MARK_LABELS } from '../../../../common/labels.ts';
import { useLanguage } from '../../../app/useLanguage.ts';
import { AttendanceTag } from '../../duty/AttendanceTag.tsx';
import { clock } from '../../duty/dutyTime.ts';
import { shiftTime } from '../../duty/roster/time.ts';
import type { CrewMember } from '../inspections.api.ts';

export type Marks = Record<string, InspectionMark>;

/** What the inspector starts from: at the post if the person checked in and is still there, else missing. */
export function defaultMarks(crew: CrewMember[]): Marks {
  return Object.fromEntries(crew.map((m) => [m.assignmentId, m.attendance === 'on_duty' ? 'present' : 'absent']));
}

const MARK_STYLE: Record<InspectionMark, { color: 'green' | 'red'; icon: ReactNode }> = {
  present: { color: 'green', icon: <CheckOutlined /> },
  absent: { color: 'red', icon: <CloseOutlined /> },
};

/** Two thumb-sized buttons; the chosen one filled, so the state reads from arm's length. */
function MarkToggle({
  value,
  onChange,
  testId,
}: {
  value: InspectionMark;
  onChange: (mark: InspectionMark) => void;
  testId: string;
}) {
  const language = useLanguage();
  return (
    <Flex gap={8} role="radiogroup" data-testid={testId} data-mark={value}>
      {(['present', 'absent'] as const).map((mark) => (
        <Button
          key={mark}
          block
          size="large"
          role="radio"
          aria-checked={value === mark}
          color={MARK_STYLE[mark].color}
          variant={value === mark ? 'solid' : 'outlined'}
          icon={MARK_STYLE[mark].icon}
          onClick={() => onChange(mark)}
          style={{ height: 48 }}
          data-testid={`${testId}-${mark}`}
        >
          {INSPECTION_MARK_LABELS[mark][language]}
        </Button>
      ))}
    </Flex>
  );
}

function CrewRow({ member, mark, onMark }: { member: CrewMember; mark: InspectionMark; onMark: (mark: InspectionMark) => void }) {
  const { t } = useTranslation();
  return (
    <Flex
      vertical
      gap={8}
      style={{ padding: 12, border: '1px solid #f0f0f0', borderRadius: 8 }}
      data-testid={`visit-crew-${member.name}`}
      data-assignment={member.assignmentId}
    >
      <Flex wrap align="center" gap={8} justify="space-between">
        <Typography.Text strong style={{ fontSize: 16 }}>
          {member.name}
        </Typography.Text>
        <AttendanceTag state={member.attendance} testId={`visit-crew-${member.name}-attendance`} />
      </Flex>
      <Typography.Text type="secondary">
        {[
          shiftTime(member.startsAt, member.endsAt),
          member.teamNames.length ? member.teamNames.join(t('inspections.listSeparator')) : null,
          member.checkedInAt ? t('inspections.visit.checkedInAt', { time: clock(member.checkedInAt) }) : null,
        ]
          .filter(Boolean)
          .join(' · ')}
      </Typography.Text>
      <MarkToggle value={mark} onChange={onMark} testId={`visit-mark-${member.name}`} />
    </Flex>
  );
}

/** Everyone the roster has on post at this moment, each to be confirmed present or absent. */
export function CrewMarks({ crew, marks, onChange }: { crew: CrewMember[]; marks: Marks; onChange: (marks: Marks) => void }) {
  const { t } = useTranslation();
  if (!crew.length) return <Empty description={t('inspections.visit.noCrew')} data-testid="visit-no-crew" />;
  return (
    <Flex vertical gap={8} data-testid="visit-crew">
      {crew.map((member) => (
        <CrewRow
          key={member.assignmentId}
          member={member}
          mark={marks[member.assignmentId] ?? 'absent'}
          onMark={(mark) => onChange({ ...marks, [member.assignmentId]: mark })}
        />
      ))}
    </Flex>
  );
}
