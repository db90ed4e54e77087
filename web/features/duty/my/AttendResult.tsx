import { CheckCircleFilled } from '@ant-design/icons';
import { Alert, Flex, Result, Typography } from 'antd';
import { useTranslation } from 'react-i18next';
import { clock } from '../dutyTime.ts';
import type { Attended } from './useAttend.ts';

/** What was just recorded, plain enough to show a team leader on the spot. */
export function AttendResult({ attended }: { attended: Attended }) {
  const { t } = useTranslation();
  const { action, duty, located, madeAt } = attended;
  const out = action === 'check-out';
  if (!duty)
    // Kept on the phone: it is recorded at the time pressed once the network returns.
    return (
      <Result
        status="info"
        title={t(out ? 'sync.attend.keptOut' : 'sync.attend.keptIn')}
        subTitle={t(out ? 'myDuty.checkIn.checkedOutAt' : 'myDuty.checkIn.checkedInAt', { time: clock(madeAt) })}
        style={{ padding: '16px 0' }}
        data-testid="check-in-result"
        data-action={action}
        data-queued="true"
      />
    );
  const at = out ? duty.checkedOutAt : duty.checkedInAt;
  return (
    <Result
      icon={<CheckCircleFilled style={{ color: '#52c41a' }} />}
      title={out ? t('myDuty.checkIn.checkedOut') : t('myDuty.checkIn.checkedIn')}
      style={{ padding: '16px 0' }}
      data-testid="check-in-result"
      data-action={action}
      subTitle={
        <Flex vertical gap={4} align="center">
          {at ? (
            <Typography.Text style={{ fontSize: 18 }} data-testid="check-in-result-time">
              {out ? t('myDuty.checkIn.checkedOutAt', { time: clock(at) }) : t('myDuty.checkIn.checkedInAt', { time: clock(at) })}
            </Typography.Text>
          ) : null}
          {out && duty.hours !== null ? (
            <Typography.Text strong style={{ fontSize: 18 }} data-testid="check-in-result-hours">
              {t('myDuty.checkIn.servedHours', { hours: duty.hours.toFixed(1) })}
            </Typography.Text>
          ) : null}
          {out ? <Typography.Text type="secondary">{t('myDuty.checkIn.thanks')}</Typography.Text> : null}
          {located ? null : (
            <Alert type="warning" showIcon title={t('myDuty.checkIn.noLocation')} data-testid="check-in-no-location" />
          )}
        </Flex>
      }
    />
  );
}
