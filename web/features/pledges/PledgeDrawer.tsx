import { Button, Drawer, Flex, Skeleton, Space, Tag, Typography } from 'antd';
import { useTranslation } from 'react-i18next';
import { Link } from 'react-router';
import type { PledgeDecision } from '../../../common/enums.ts';
import { formatDateTime } from '../../app/dates.ts';
import { useIsPhone } from '../../app/useIsPhone.ts';
import { QueryError } from '../../components/QueryError.tsx';
import { PersonDetails } from '../volunteers/PersonDetails.tsx';
import { HealthFlags, PledgeStatusTag } from './PledgeTags.tsx';
import { usePledge, type Pledge } from './pledges.api.ts';

/** The whole pledge as submitted, with its decision and the reviewer's actions. */
export function PledgeDrawer({
  id,
  onClose,
  onDecide,
}: {
  id: string | null;
  onClose: () => void;
  onDecide: (decision: PledgeDecision, pledge: Pledge) => void;
}) {
  const { t } = useTranslation();
  const phone = useIsPhone();
  const pledge = usePledge(id);
  const p = pledge.data;
  const open = id !== null;

  const actions =
    p && p.status !== 'approved' ? (
      <Flex wrap gap={8} justify="flex-end">
        {p.status !== 'waitlisted' ? (
          <Button onClick={() => onDecide('waitlist', p)} data-testid="pledge-drawer-waitlist">
            {t('pledges.action.waitlist')}
          </Button>
        ) : null}
        {p.status !== 'rejected' ? (
          <Button danger onClick={() => onDecide('reject', p)} data-testid="pledge-drawer-reject">
            {t('pledges.action.reject')}
          </Button>
        ) : null}
        <Button type="primary" onClick={() => onDecide('approve', p)} data-testid="pledge-drawer-approve">
          {t('pledges.action.approve')}
        </Button>
      </Flex>
    ) : null;

  return (
    <Drawer
      open={open}
      onClose={onClose}
      size={phone ? '100%' : 640}
      title={
        p ? (
          <Space wrap>
            {p.name}
            <Typography.Text type="secondary" style={{ fontWeight: 'normal' }}>
              {p.reference}
            </Typography.Text>
            <PledgeStatusTag status={p.status} />
          </Space>
        ) : (
          t('pledges.detail')
        )
      }
      footer={actions}
      data-testid="pledge-drawer"
    >
      {pledge.isError ? <QueryError error={pledge.error} onRetry={() => void pledge.refetch()} /> : null}
      {!p ? (
        <Skeleton active />
      ) : (
        <PersonDetails
          person={p}
          revealPath={`/pledges/${p.id}/reveal`}
          testId="pledge-detail"
          after={[
            { key: 'health', label: t('pledges.health'), children: <HealthFlags pledge={p} detailed /> },
            ...(p.healthNote ? [{ key: 'healthNote', label: t('pledge.healthNote'), children: p.healthNote }] : []),
            {
              key: 'pledgeText',
              label: t('pledge.pledgeText'),
              children: p.pledgeText ? (
                <Typography.Paragraph style={{ whiteSpace: 'pre-wrap', marginBottom: 0 }}>{p.pledgeText}</Typography.Paragraph>
              ) : (
                '—'
              ),
            },
            { key: 'submittedAt', label: t('pledgeStatus.submittedAt'), children: formatDateTime(p.submittedAt) },
            ...(p.decidedAt
              ? [
                  {
                    key: 'decided',
                    label: t('pledges.decidedBy'),
                    children: `${formatDateTime(p.decidedAt)} · ${p.decidedByName ?? '—'}`,
                  },
                ]
              : []),
            ...(p.decisionReason ? [{ key: 'reason', label: t('pledgeStatus.reason'), children: p.decisionReason }] : []),
            ...(p.volunteerId
              ? [
                  {
                    key: 'volunteer',
                    label: t('pledges.volunteer'),
                    children: (
                      <Link to={`/volunteers/${p.volunteerId}`} data-testid="pledge-drawer-volunteer">
                        <Tag color="green">{t('pledges.openVolunteer')}</Tag>
                      </Link>
                    ),
                  },
                ]
              : []),
          ]}
        />
      )}
    </Drawer>
  );
}
