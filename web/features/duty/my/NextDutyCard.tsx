import { QrcodeOutlined } from '@ant-design/icons';
import { Alert, Card, Flex, Typography } from 'antd';
import { useTranslation } from 'react-i18next';
import type { MyDuty } from '../me.api.ts';
import { CheckpointTitle, DutyFacts } from './DutyFacts.tsx';
import { SwapAction } from './SwapAction.tsx';

/** Under way, or open for check-in: the card says "now" rather than "next". */
export function isCurrent(duty: MyDuty): boolean {
  return duty.canCheckIn || duty.canCheckOut || duty.attendance === 'on_duty' || duty.attendance === 'due';
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
        {duty.attendance === 'done' ? null : (
          <Alert type="info" showIcon icon={<QrcodeOutlined />} title={t('myDuty.checkInHint')} data-testid="my-duty-hint" />
        )}
        <SwapAction duty={duty} onSwap={onSwap} block />
      </Flex>
    </Card>
  );
}
