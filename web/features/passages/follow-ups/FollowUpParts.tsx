import { CheckOutlined, EyeOutlined, HomeOutlined, UserAddOutlined } from '@ant-design/icons';
import { Button, Flex, Tag, Typography } from 'antd';
import type { ReactNode } from 'react';
import { useTranslation } from 'react-i18next';
import type { FollowUpStatus } from '../../../../common/enums.ts';
import { FOLLOW_UP_STATUS_LABELS, PASSAGE_DIRECTION_LABELS } from '../../../../common/labels.ts';
import { formatDateTime } from '../../../app/dates.ts';
import { useLanguage } from '../../../app/useLanguage.ts';
import { OriginText, TemperatureText } from '../PassageBits.tsx';
import type { FollowUp, FollowUpPerson } from '../passages.api.ts';

const STATUS_COLORS: Record<FollowUpStatus, string> = { open: 'red', in_progress: 'orange', closed: 'green' };

export function FollowUpStatusTag({ status }: { status: FollowUpStatus }) {
  const language = useLanguage();
  return (
    <Tag color={STATUS_COLORS[status]} style={{ marginInlineEnd: 0 }}>
      {FOLLOW_UP_STATUS_LABELS[status][language]}
    </Tag>
  );
}

/** The person as the list may show them: masked unless revealed. */
export function PersonText({
  task,
  revealed,
  hideEmpty,
}: {
  task: FollowUp;
  revealed: FollowUpPerson | undefined;
  /** On a card a missing person is simply left out rather than shown as a dash. */
  hideEmpty?: boolean;
}) {
  const name = revealed ? revealed.personName : task.personName;
  const mobile = revealed ? revealed.personMobile : task.personMobile;
  const plate = revealed ? revealed.plate : task.details.plate;
  const parts = [name, mobile, plate].filter(Boolean);
  if (!parts.length) return hideEmpty ? null : <Typography.Text type="secondary">—</Typography.Text>;
  return <span data-testid={`follow-up-person-${task.id}`}>{parts.join(' · ')}</span>;
}

/** What the person was seen with: reading, origin, gate and time. */
export function FollowUpFacts({ task }: { task: FollowUp }) {
  const { t } = useTranslation();
  const language = useLanguage();
  const d = task.details;
  return (
    <Flex vertical gap={2}>
      {d.temperature !== undefined && d.temperature !== null ? (
        <span>
          {t('passages.followUps.temperature')}{' '}
          <TemperatureText temperature={d.temperature} remeasured={d.remeasured ?? null} fever={task.kind === 'fever'} />
        </span>
      ) : null}
      {d.originName ? (
        <span>
          {t('passages.followUps.origin')} <OriginText name={d.originName} risky={!!d.riskAreaName} />
        </span>
      ) : null}
      <Typography.Text type="secondary" style={{ fontSize: 12 }}>
        {[
          d.checkpointName,
          d.direction ? PASSAGE_DIRECTION_LABELS[d.direction][language] : null,
          formatDateTime(d.occurredAt).slice(0, 16),
        ]
          .filter(Boolean)
          .join(' · ')}
      </Typography.Text>
    </Flex>
  );
}

/**
 * 查看 / 接手 / 登记为返乡人员 / 办结, as far as the caller may and the task's state allows.
 * Registering the person as a returnee closes the task in the same write.
 */
export function FollowUpActions({
  task,
  canReveal,
  canHandle,
  revealed,
  onReveal,
  onTake,
  onClose,
  onRegister,
}: {
  task: FollowUp;
  canReveal: boolean;
  canHandle: boolean;
  revealed: boolean;
  onReveal: (task: FollowUp) => void;
  onTake: (task: FollowUp) => void;
  onClose: (task: FollowUp) => void;
  /** Absent: the caller may not register returnees. */
  onRegister?: ((task: FollowUp) => void) | undefined;
}) {
  const { t } = useTranslation();
  const hasPerson = !!(task.personName || task.personMobile || task.details.plate);
  const actions: { key: string; shown: boolean; icon: ReactNode; label: string; run: (task: FollowUp) => void }[] = [
    {
      key: 'reveal',
      shown: canReveal && hasPerson && !revealed,
      icon: <EyeOutlined />,
      label: t('passages.reveal'),
      run: onReveal,
    },
    {
      key: 'take',
      shown: canHandle && task.status === 'open',
      icon: <UserAddOutlined />,
      label: t('passages.followUps.take'),
      run: onTake,
    },
    {
      key: 'register',
      shown: canHandle && !!onRegister && task.status !== 'closed',
      icon: <HomeOutlined />,
      label: t('passages.followUps.register'),
      run: (task) => onRegister?.(task),
    },
    {
      key: 'close',
      shown: canHandle && task.status !== 'closed',
      icon: <CheckOutlined />,
      label: t('passages.followUps.close'),
      run: onClose,
    },
  ];
  return (
    <Flex wrap>
      {actions
        .filter((a) => a.shown)
        .map((a) => (
          // Labelled on a phone too: a task card has the room, and a doctor should not guess at icons.
          <Button
            key={a.key}
            type="link"
            icon={a.icon}
            onClick={() => a.run(task)}
            style={{ paddingInline: 6 }}
            data-testid={`follow-up-${a.key}-${task.id}`}
          >
            {a.label}
          </Button>
        ))}
    </Flex>
  );
}
