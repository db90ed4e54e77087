import { ExclamationCircleOutlined, FormOutlined, QrcodeOutlined } from '@ant-design/icons';
import { Alert, Button, Card, Flex, Typography } from 'antd';
import { useTranslation } from 'react-i18next';
import { Link } from 'react-router';
import { can, useMe } from '../../../app/session.ts';
import type { MyDuty } from '../me.api.ts';
import { CheckpointTitle, DutyFacts } from './DutyFacts.tsx';
import { SwapAction } from './SwapAction.tsx';

/** Under way, or open for check-in: the card says "now" rather than "next". */
export function isCurrent(duty: MyDuty): boolean {
  return duty.canCheckIn || duty.canCheckOut || duty.attendance === 'on_duty' || duty.attendance === 'due';
}

/** At the post: the passage log and the issue ledger are open to the volunteer for this checkpoint. */
function onPost(duty: MyDuty): boolean {
  return isCurrent(duty) && !duty.checkedOutAt;
}

/**
 * What a volunteer does at the post besides checking in: log passers, report a problem. Shown only
 * while on the shift, when the server lets them log there; the main one is filled once checked in.
 */
export function DutyLinks({ duty }: { duty: MyDuty }) {
  const { t } = useTranslation();
  const me = useMe().data;
  if (!onPost(duty)) return null;
  const big = { height: 52, fontSize: 17 } as const;
  const log = can(me, 'passages.write');
  const raise = can(me, 'fieldIssues.raise');
  if (!log && !raise) return null;
  return (
    <Flex gap={8} data-testid="my-duty-links">
      {log ? (
        <Link to={`/passage/${duty.checkpoint.id}`} style={{ flex: 1 }}>
          <Button
            block
            type={duty.attendance === 'on_duty' ? 'primary' : 'default'}
            icon={<FormOutlined />}
            style={big}
            data-testid="my-duty-log-passages"
          >
            {t('myDuty.logPassages')}
          </Button>
        </Link>
      ) : null}
      {raise ? (
        <Link to={`/field-issues/new?checkpointId=${duty.checkpoint.id}`} reloadDocument style={{ flex: 1 }}>
          <Button block icon={<ExclamationCircleOutlined />} style={big} data-testid="my-duty-raise-issue">
            {t('myDuty.raiseIssue')}
          </Button>
        </Link>
      ) : null}
    </Flex>
  );
}

/** The shift that matters now, large enough to read at arm's length on the street. */
export function NextDutyCard({ duty, onSwap }: { duty: MyDuty; onSwap: (duty: MyDuty) => void }) {
  const { t } = useTranslation();
  const current = isCurrent(duty);
  return (
    <Card
      style={{ borderColor: current ? '#c41d1d' : undefined, borderWidth: current ? 2 : 1 }}
      styles={{ body: { padding: 16 } }}
      data-testid="my-duty-next"
      data-assignment={duty.assignmentId}
    >
      <Flex vertical gap={12}>
        <Typography.Text type={current ? 'danger' : 'secondary'} strong>
          {current ? t('myDuty.current') : t('myDuty.next')}
        </Typography.Text>
        <CheckpointTitle name={duty.checkpoint.name} kind={duty.checkpoint.kind} large />
        <DutyFacts duty={duty} large testId="my-duty-next" />
        <DutyLinks duty={duty} />
        {duty.attendance === 'done' ? null : (
          <Alert type="info" showIcon icon={<QrcodeOutlined />} title={t('myDuty.checkInHint')} data-testid="my-duty-hint" />
        )}
        <SwapAction duty={duty} onSwap={onSwap} block />
      </Flex>
    </Card>
  );
}
