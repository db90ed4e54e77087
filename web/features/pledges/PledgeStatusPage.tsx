import { CheckCircleFilled, ClockCircleFilled, CloseCircleFilled, HourglassFilled } from '@ant-design/icons';
import { Alert, Button, Descriptions, Result, Skeleton } from 'antd';
import type { ReactNode } from 'react';
import { useTranslation } from 'react-i18next';
import { Link, useParams } from 'react-router';
import type { PledgeStatus } from '../../../common/enums.ts';
import { ApiError } from '../../app/api.ts';
import { formatDateTime } from '../../app/dates.ts';
import { QueryError } from '../../components/QueryError.tsx';
import { AuthCard } from '../auth/AuthCard.tsx';
import { usePledgeStatus } from './pledges.api.ts';

const ICONS: Record<PledgeStatus, ReactNode> = {
  pending: <ClockCircleFilled style={{ color: '#1677ff' }} />,
  approved: <CheckCircleFilled style={{ color: '#52c41a' }} />,
  rejected: <CloseCircleFilled style={{ color: '#8c8c8c' }} />,
  waitlisted: <HourglassFilled style={{ color: '#faad14' }} />,
};

/** What the submitter sees through the link from their receipt: where the pledge stands, and why. */
export function PledgeStatusPage() {
  const { t } = useTranslation();
  const { token = '' } = useParams();
  const status = usePledgeStatus(token);

  let content;
  if (status.isError) {
    content =
      status.error instanceof ApiError && status.error.status === 404 ? (
        <Result
          status="404"
          title={t('pledgeStatus.notFound')}
          subTitle={t('pledgeStatus.notFoundHint')}
          data-testid="pledge-status-missing"
        />
      ) : (
        <QueryError error={status.error} onRetry={() => void status.refetch()} />
      );
  } else if (!status.data) {
    content = <Skeleton active />;
  } else {
    const p = status.data;
    content = (
      <>
        <Result
          icon={ICONS[p.status]}
          title={<span data-testid="pledge-status">{t(`pledgeStatus.title.${p.status}`)}</span>}
          subTitle={t(`pledgeStatus.explain.${p.status}`)}
          style={{ padding: '8px 0 16px' }}
        />
        {p.decisionReason && p.status !== 'approved' && p.status !== 'pending' ? (
          <Alert
            type={p.status === 'rejected' ? 'warning' : 'info'}
            showIcon
            title={t('pledgeStatus.reason')}
            description={p.decisionReason}
            style={{ marginBottom: 16 }}
            data-testid="pledge-status-reason"
          />
        ) : null}
        <Descriptions column={1} size="small" bordered>
          <Descriptions.Item label={t('pledge.reference')}>
            <span data-testid="pledge-status-reference">{p.reference}</span>
          </Descriptions.Item>
          <Descriptions.Item label={t('person.name')}>{p.name}</Descriptions.Item>
          <Descriptions.Item label={t('person.region')}>{p.regionName}</Descriptions.Item>
          <Descriptions.Item label={t('person.unit')}>{p.unitName ?? '—'}</Descriptions.Item>
          <Descriptions.Item label={t('pledgeStatus.submittedAt')}>{formatDateTime(p.submittedAt)}</Descriptions.Item>
          {p.decidedAt ? (
            <Descriptions.Item label={t('pledgeStatus.decidedAt')}>{formatDateTime(p.decidedAt)}</Descriptions.Item>
          ) : null}
        </Descriptions>
      </>
    );
  }

  return (
    <AuthCard title={t('pledgeStatus.heading')} width={560}>
      {content}
      <div style={{ textAlign: 'center', marginTop: 16 }}>
        <Link to="/pledge">
          <Button type="link" data-testid="pledge-status-new">
            {t('pledgeStatus.newPledge')}
          </Button>
        </Link>
      </div>
    </AuthCard>
  );
}
