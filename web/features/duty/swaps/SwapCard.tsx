import { ArrowRightOutlined, SwapOutlined } from '@ant-design/icons';
import { Alert, Button, Card, Flex, Tag, Typography } from 'antd';
import { useTranslation } from 'react-i18next';
import type { SwapStatus } from '../../../../common/enums.ts';
import { SWAP_STATUS_LABELS } from '../../../../common/labels.ts';
import { formatDateTime } from '../../../app/dates.ts';
import { useLanguage } from '../../../app/useLanguage.ts';
import { shiftWhen } from '../roster/time.ts';
import type { SwapRequest, SwapShift } from '../swaps.api.ts';
import type { Decision } from './DecisionModal.tsx';

const COLORS: Record<SwapStatus, string> = { pending: 'gold', approved: 'green', rejected: 'red', cancelled: 'default' };

function ShiftLine({ label, shift }: { label: string; shift: SwapShift }) {
  const { t } = useTranslation();
  const language = useLanguage();
  return (
    <div>
      <Typography.Text type="secondary">{t('dutyNow.fieldLabel', { label })}</Typography.Text>
      <Typography.Text strong>{shift.checkpointName}</Typography.Text> {shiftWhen(shift.startsAt, shift.endsAt, language)}
    </div>
  );
}

/** One request: who gives which shift to whom, what approving would break, and the decision buttons. */
export function SwapCard({ swap, onDecide }: { swap: SwapRequest; onDecide: (decision: Decision) => void }) {
  const { t } = useTranslation();
  const language = useLanguage();
  const pending = swap.status === 'pending';
  return (
    <Card
      size="small"
      title={
        <Flex wrap gap={6} align="center">
          <span data-testid={`swap-requester-${swap.id}`}>{swap.requester.name}</span>
          {swap.targetShift ? <SwapOutlined /> : <ArrowRightOutlined />}
          <span data-testid={`swap-target-${swap.id}`}>{swap.target.name}</span>
          <Tag color={COLORS[swap.status]} data-testid={`swap-status-${swap.id}`} data-status={swap.status}>
            {SWAP_STATUS_LABELS[swap.status][language]}
          </Tag>
        </Flex>
      }
      extra={
        <Typography.Text type="secondary" style={{ fontSize: 12 }}>
          {t('dutyNow.requestedAt', { time: formatDateTime(swap.createdAt) })}
        </Typography.Text>
      }
      data-testid={`swap-row-${swap.id}`}
    >
      <Flex vertical gap={4}>
        <div>
          <Typography.Text type="secondary">{t('dutyNow.fieldLabel', { label: t('dutyNow.roster') })}</Typography.Text>
          {swap.rosterName}
        </div>
        <ShiftLine label={t('dutyNow.swapShift')} shift={swap.shift} />
        {swap.targetShift ? (
          <ShiftLine label={t('dutyNow.targetShift')} shift={swap.targetShift} />
        ) : (
          <Typography.Text type="secondary">{t('dutyNow.takeOver')}</Typography.Text>
        )}
        {swap.note ? (
          <div>
            <Typography.Text type="secondary">{t('dutyNow.fieldLabel', { label: t('dutyNow.swapNote') })}</Typography.Text>
            {swap.note}
          </div>
        ) : null}
        {swap.violations.length ? (
          <Alert
            type="error"
            showIcon
            title={t('dutyNow.violations')}
            description={
              <ul style={{ margin: 0, paddingInlineStart: 20 }}>
                {swap.violations.map((v) => (
                  <li key={v.code + v.message}>{v.message}</li>
                ))}
              </ul>
            }
            data-testid={`swap-violations-${swap.id}`}
          />
        ) : null}
        {swap.decidedAt ? (
          <Typography.Text type="secondary" style={{ fontSize: 12 }}>
            {t('dutyNow.decided', { name: swap.decidedByName ?? '—', time: formatDateTime(swap.decidedAt) })}
            {swap.decisionReason ? ` · ${t('dutyNow.decisionReason', { reason: swap.decisionReason })}` : ''}
          </Typography.Text>
        ) : null}
        {pending ? (
          <Flex wrap gap={8} justify="flex-end" style={{ marginTop: 4 }}>
            <Button danger onClick={() => onDecide('reject')} data-testid={`swap-reject-${swap.id}`}>
              {t('dutyNow.reject')}
            </Button>
            <Button type="primary" onClick={() => onDecide('approve')} data-testid={`swap-approve-${swap.id}`}>
              {t('dutyNow.approve')}
            </Button>
          </Flex>
        ) : null}
      </Flex>
    </Card>
  );
}
