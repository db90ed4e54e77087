import { LoginOutlined, LogoutOutlined } from '@ant-design/icons';
import { Alert, Button, Card, Divider, Flex, Result, Skeleton, Typography } from 'antd';
import { useTranslation } from 'react-i18next';
import { Link, useParams } from 'react-router';
import { ApiError } from '../../app/api.ts';
import { QueryError } from '../../components/QueryError.tsx';
import { useCheckInPage, type CheckInPageData, type MyDuty } from './me.api.ts';
import { AttendPanel } from './my/AttendPanel.tsx';
import { AttendResult } from './my/AttendResult.tsx';
import { CheckpointTitle, DutyFacts, PlaceLine } from './my/DutyFacts.tsx';
import { assumeAttended, useAttend } from './my/useAttend.ts';

const COLUMN = { width: '100%', maxWidth: 520, margin: '0 auto' } as const;

function ToMyDuty() {
  const { t } = useTranslation();
  return (
    <Link to="/my-duty">
      <Button block size="large" data-testid="check-in-my-duty">
        {t('myDuty.checkIn.toMyDuty')}
      </Button>
    </Link>
  );
}

/** No shift of the caller here now: say so, and where and when they are expected instead. */
function NothingHere({ next }: { next: MyDuty | null }) {
  const { t } = useTranslation();
  return (
    <Flex vertical gap={12} data-testid="check-in-no-duty">
      <Result
        status="info"
        title={t('myDuty.checkIn.noDutyHere')}
        subTitle={t('myDuty.checkIn.noDutyHereIntro')}
        style={{ padding: '8px 0' }}
      />
      <Typography.Text strong>{t('myDuty.checkIn.nextAnywhere')}</Typography.Text>
      {next ? (
        <Card size="small" data-testid="check-in-next">
          <Flex vertical gap={8}>
            <CheckpointTitle name={next.checkpoint.name} kind={next.checkpoint.kind} />
            <DutyFacts duty={next} testId="check-in-next" />
          </Flex>
        </Card>
      ) : (
        <Typography.Text type="secondary">{t('myDuty.checkIn.noNext')}</Typography.Text>
      )}
      <ToMyDuty />
    </Flex>
  );
}

function Checkpoint({ code, data }: { code: string; data: CheckInPageData }) {
  const { t } = useTranslation();
  const attend = useAttend(code);
  const { checkpoint } = data;
  // After a check-out the server no longer counts the shift as "here now"; the page keeps showing what was just done.
  const known = data.duty ?? attend.result?.duty ?? null;
  // An act still on the phone shows as done, so the next button is the right one.
  const duty = known ? assumeAttended(known, attend.result) : null;
  return (
    <Card styles={{ body: { padding: 16 } }} data-testid="check-in-page" data-checkpoint={checkpoint.id}>
      <Flex vertical gap={8}>
        <Typography.Text type="secondary">{t('myDuty.checkIn.title')}</Typography.Text>
        <CheckpointTitle name={checkpoint.name} kind={checkpoint.kind} large />
        <PlaceLine regionName={checkpoint.regionName} address={checkpoint.address} />
      </Flex>
      <Divider style={{ margin: '16px 0' }} />
      {attend.result ? <AttendResult attended={attend.result} /> : null}
      {duty ? (
        <Flex vertical gap={16}>
          <Flex vertical gap={8} data-testid="check-in-duty" data-assignment={duty.assignmentId}>
            <Typography.Text strong>{t('myDuty.checkIn.yourDuty')}</Typography.Text>
            <DutyFacts duty={duty} large hidePlace testId="check-in-duty" />
          </Flex>
          <AttendPanel duty={duty} attend={attend} />
          {attend.result ? <ToMyDuty /> : null}
        </Flex>
      ) : (
        <NothingHere next={data.nextDuty} />
      )}
    </Card>
  );
}

/**
 * Opened without network and never read before: the code alone is enough to check in or out (the
 * server finds the shift when the act arrives, at the time it was pressed).
 */
function OfflineAttend({ code }: { code: string }) {
  const { t } = useTranslation();
  const attend = useAttend(code);
  const busy = attend.phase !== 'idle';
  const big = { height: 64, fontSize: 22, fontWeight: 600 } as const;
  return (
    <Card styles={{ body: { padding: 16 } }} data-testid="check-in-page" data-offline="true">
      <Flex vertical gap={12}>
        <Typography.Text type="secondary">{t('myDuty.checkIn.title')}</Typography.Text>
        <Alert type="warning" showIcon title={t('sync.attend.offlineTitle')} description={t('sync.attend.offlineIntro')} />
        {attend.result ? <AttendResult attended={attend.result} /> : null}
        {attend.error ? <Alert type="error" showIcon title={attend.error} data-testid="check-in-error" role="alert" /> : null}
        {attend.result?.action === 'check-in' ? null : (
          <Button
            type="primary"
            size="large"
            block
            icon={<LoginOutlined />}
            loading={busy}
            disabled={attend.result?.action === 'check-out'}
            onClick={() => void attend.attend('check-in')}
            style={big}
            data-testid="check-in-button"
          >
            {t('myDuty.checkIn.checkIn')}
          </Button>
        )}
        {attend.result?.action === 'check-out' ? null : (
          <Button
            color="primary"
            variant="outlined"
            size="large"
            block
            icon={<LogoutOutlined />}
            loading={busy}
            onClick={() => void attend.attend('check-out')}
            style={big}
            data-testid="check-out-button"
          >
            {t('myDuty.checkIn.checkOut')}
          </Button>
        )}
        <ToMyDuty />
      </Flex>
    </Card>
  );
}

/** No answer at all (no network), as opposed to an answer that says no. */
function unreachable(q: { error: unknown; fetchStatus: string }): boolean {
  return q.fetchStatus === 'paused' || (q.error instanceof ApiError && q.error.status === 0);
}

/** 卡点签到: opened from the QR code on the checkpoint's placard, on the volunteer's phone. */
export function CheckInPage() {
  const { t } = useTranslation();
  const { code = '' } = useParams();
  const page = useCheckInPage(code);
  let body;
  if (page.error instanceof ApiError && (page.error.status === 404 || page.error.status === 400))
    body = (
      <Card>
        <Result
          status="warning"
          title={t('myDuty.checkIn.notFound')}
          subTitle={t('myDuty.checkIn.notFoundIntro')}
          data-testid="check-in-not-found"
          extra={<ToMyDuty />}
        />
      </Card>
    );
  // A refresh that failed for want of network keeps the page as last read.
  else if (page.data) body = <Checkpoint code={code} data={page.data} />;
  else if (unreachable(page)) body = <OfflineAttend code={code} />;
  else if (page.isError) body = <QueryError error={page.error} onRetry={() => void page.refetch()} />;
  else body = <Skeleton active paragraph={{ rows: 6 }} />;
  return <div style={COLUMN}>{body}</div>;
}
