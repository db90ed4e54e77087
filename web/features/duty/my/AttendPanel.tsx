import { LoginOutlined, LogoutOutlined } from '@ant-design/icons';
import { Alert, Button, Flex, Typography } from 'antd';
import { useTranslation } from 'react-i18next';
import { useConfirm } from '../../../app/confirm.ts';
import type { MyDuty } from '../me.api.ts';
import { clock } from '../dutyTime.ts';
import { DutyLinks } from './NextDutyCard.tsx';
import type { useAttend } from './useAttend.ts';

const BIG = { height: 64, fontSize: 22, fontWeight: 600 } as const;

/** The one big button the volunteer came for, or why there is none right now. */
export function AttendPanel({ duty, attend }: { duty: MyDuty; attend: ReturnType<typeof useAttend> }) {
  const { t } = useTranslation();
  const confirm = useConfirm();
  const busy = attend.phase !== 'idle';
  const busyText = attend.phase === 'locating' ? t('myDuty.checkIn.locating') : t('myDuty.checkIn.sending');

  function checkOut() {
    const early = Date.parse(duty.endsAt) > Date.now();
    confirm({
      title: t('myDuty.checkIn.confirmOut'),
      content: early ? t('myDuty.checkIn.confirmOutEarly', { time: clock(duty.endsAt) }) : t('myDuty.checkIn.confirmOutNormal'),
      okText: t('myDuty.checkIn.checkOut'),
      testId: 'check-out-confirm',
      action: () => attend.attend('check-out'),
    });
  }

  let action;
  if (duty.canCheckIn)
    action = (
      <Button
        type="primary"
        size="large"
        block
        icon={<LoginOutlined />}
        loading={busy}
        onClick={() => void attend.attend('check-in')}
        style={BIG}
        data-testid="check-in-button"
      >
        {busy ? busyText : t('myDuty.checkIn.checkIn')}
      </Button>
    );
  else if (duty.canCheckOut)
    action = (
      <Button
        color="primary"
        variant="outlined"
        size="large"
        block
        icon={<LogoutOutlined />}
        loading={busy}
        onClick={checkOut}
        style={BIG}
        data-testid="check-out-button"
      >
        {busy ? busyText : t('myDuty.checkIn.checkOut')}
      </Button>
    );
  else if (Date.parse(duty.checkInOpensAt) > Date.now())
    action = (
      <Alert
        type="info"
        showIcon
        title={t('myDuty.checkIn.notYet', { time: clock(duty.checkInOpensAt) })}
        data-testid="check-in-not-yet"
      />
    );
  else if (duty.attendance !== 'done')
    action = <Alert type="info" showIcon title={t('myDuty.checkIn.closed')} data-testid="check-in-closed" />;

  return (
    <Flex vertical gap={12}>
      {attend.error ? <Alert type="error" showIcon title={attend.error} data-testid="check-in-error" role="alert" /> : null}
      {action}
      <DutyLinks duty={duty} />
      {duty.canCheckIn ? (
        <Typography.Text type="secondary" style={{ fontSize: 13 }}>
          {t('myDuty.checkIn.locationHint')}
        </Typography.Text>
      ) : null}
    </Flex>
  );
}
