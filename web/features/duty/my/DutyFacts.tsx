import { ClockCircleOutlined, EnvironmentOutlined, TeamOutlined } from '@ant-design/icons';
import { Flex, Tag, Typography } from 'antd';
import type { ReactNode } from 'react';
import { useTranslation } from 'react-i18next';
import { CHECKPOINT_KIND_LABELS } from '../../../../common/labels.ts';
import { useLanguage } from '../../../app/useLanguage.ts';
import type { MyDuty } from '../me.api.ts';
import { AttendanceTag } from '../AttendanceTag.tsx';
import { clock, useDutyTime } from '../dutyTime.ts';

function Line({ icon, children }: { icon: ReactNode; children: ReactNode }) {
  return (
    <Flex gap={8} align="baseline">
      <Typography.Text type="secondary">{icon}</Typography.Text>
      <span style={{ minWidth: 0 }}>{children}</span>
    </Flex>
  );
}

/** The checkpoint's name with its kind: what the volunteer looks for on the street. */
export function CheckpointTitle({ name, kind, large }: { name: string; kind: MyDuty['checkpoint']['kind']; large?: boolean }) {
  const language = useLanguage();
  return (
    <Flex wrap align="center" gap={8}>
      <Typography.Text strong style={{ fontSize: large ? 20 : 16 }}>
        {name}
      </Typography.Text>
      <Tag>{CHECKPOINT_KIND_LABELS[kind][language]}</Tag>
    </Flex>
  );
}

/** Where it is: the place label, then the street address when the checkpoint has one. */
export function PlaceLine({ regionName, address }: { regionName: string; address: string | null }) {
  return <Line icon={<EnvironmentOutlined />}>{address ? `${regionName} · ${address}` : regionName}</Line>;
}

/** Time, place, attendance and teammates of one shift. */
export function DutyFacts({
  duty,
  large,
  hidePlace,
  testId,
}: {
  duty: MyDuty;
  large?: boolean;
  /** Under a heading that already names the place (the check-in page). */
  hidePlace?: boolean;
  testId: string;
}) {
  const { t } = useTranslation();
  const time = useDutyTime();
  // What the volunteer did or may do about the shift, in one line beside its state.
  let note: string | null = null;
  if (duty.autoClosed) note = t('myDuty.autoClosed');
  else if (duty.checkedOutAt) note = t('myDuty.checkedOutAt', { time: clock(duty.checkedOutAt) });
  else if (duty.checkedInAt) note = t('myDuty.checkedInAt', { time: clock(duty.checkedInAt) });
  else if (duty.attendance === 'upcoming') note = t('myDuty.checkInOpensAt', { time: clock(duty.checkInOpensAt) });
  return (
    <Flex vertical gap={6}>
      <Line icon={<ClockCircleOutlined />}>
        <Typography.Text strong={large} style={{ fontSize: large ? 18 : undefined }} data-testid={`${testId}-time`}>
          {time.when(duty.startsAt, duty.endsAt)}
        </Typography.Text>
      </Line>
      {hidePlace ? null : <PlaceLine regionName={duty.checkpoint.regionName} address={duty.checkpoint.address} />}
      <Flex wrap align="center" gap={8}>
        <AttendanceTag state={duty.attendance} testId={`${testId}-state`} />
        {note ? <Typography.Text type="secondary">{note}</Typography.Text> : null}
        {duty.hours !== null ? (
          <Typography.Text strong data-testid={`${testId}-hours`}>
            {t('myDuty.hours', { hours: duty.hours.toFixed(1) })}
          </Typography.Text>
        ) : null}
        {duty.pendingSwap ? <Tag color="gold">{t('myDuty.swapPending')}</Tag> : null}
      </Flex>
      <Line icon={<TeamOutlined />}>
        {duty.teammates.length ? (
          <span>{t('myDuty.teammates', { names: duty.teammates.join(t('myDuty.listSeparator')) })}</span>
        ) : (
          <Typography.Text type="secondary">{t('myDuty.noTeammates')}</Typography.Text>
        )}
      </Line>
    </Flex>
  );
}
