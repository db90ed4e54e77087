import { useQueryClient } from '@tanstack/react-query';
import { App, Button, Card, Flex, Tag, Typography } from 'antd';
import { useTranslation } from 'react-i18next';
import type { SwapStatus } from '../../../../common/enums.ts';
import { SWAP_STATUS_LABELS } from '../../../../common/labels.ts';
import { useConfirm } from '../../../app/confirm.ts';
import { formatDateTime } from '../../../app/dates.ts';
import { useLanguage } from '../../../app/useLanguage.ts';
import { QueryError } from '../../../components/QueryError.tsx';
import { cancelSwap, MY_DUTY_KEY, useMySwaps, type SwapRequest } from '../me.api.ts';
import { useDutyTime } from '../dutyTime.ts';

const COLORS: Record<SwapStatus, string> = { pending: 'gold', approved: 'green', rejected: 'red', cancelled: 'default' };

function SwapCard({ swap }: { swap: SwapRequest }) {
  const { t } = useTranslation();
  const language = useLanguage();
  const time = useDutyTime();
  const confirm = useConfirm();
  const { message } = App.useApp();
  const client = useQueryClient();
  const testId = `my-swap-${swap.id}`;

  function cancel() {
    confirm({
      title: t('myDuty.swap.cancelTitle'),
      okText: t('myDuty.swap.cancel'),
      danger: true,
      testId: 'swap-cancel-confirm',
      action: async () => {
        await cancelSwap(swap.id);
        await client.invalidateQueries({ queryKey: MY_DUTY_KEY });
        void message.success(t('myDuty.swap.cancelled'));
      },
    });
  }

  return (
    <Card size="small" styles={{ body: { padding: 12 } }} data-testid={testId} data-status={swap.status}>
      <Flex vertical gap={4}>
        <Flex justify="space-between" align="center" gap={8}>
          <Typography.Text strong>{swap.shift.checkpointName}</Typography.Text>
          <Tag color={COLORS[swap.status]} data-testid={`${testId}-status`}>
            {SWAP_STATUS_LABELS[swap.status][language]}
          </Tag>
        </Flex>
        <Typography.Text>{time.when(swap.shift.startsAt, swap.shift.endsAt)}</Typography.Text>
        <Typography.Text>{t('myDuty.swap.with', { name: swap.target.name })}</Typography.Text>
        {swap.targetShift ? (
          <Typography.Text type="secondary">
            {t('myDuty.swap.exchangeFor', {
              what: `${swap.targetShift.checkpointName} ${time.when(swap.targetShift.startsAt, swap.targetShift.endsAt)}`,
            })}
          </Typography.Text>
        ) : null}
        {swap.note ? <Typography.Text type="secondary">“{swap.note}”</Typography.Text> : null}
        {swap.decidedAt && swap.decidedByName ? (
          <Typography.Text type="secondary">
            {t('myDuty.swap.decidedBy', { name: swap.decidedByName, time: formatDateTime(swap.decidedAt) })}
          </Typography.Text>
        ) : null}
        {swap.decisionReason ? (
          <Typography.Text type="secondary">{t('myDuty.swap.reason', { reason: swap.decisionReason })}</Typography.Text>
        ) : null}
        {swap.status === 'pending' ? (
          <Button
            danger
            onClick={cancel}
            style={{ alignSelf: 'flex-start', marginTop: 4 }}
            data-testid={`swap-cancel-${swap.id}`}
          >
            {t('myDuty.swap.cancel')}
          </Button>
        ) : null}
      </Flex>
    </Card>
  );
}

/** The volunteer's own swap requests, newest first, with a way back out of a pending one. */
export function MySwaps() {
  const { t } = useTranslation();
  const swaps = useMySwaps();
  return (
    <Flex vertical gap={8} data-testid="my-swaps">
      <Typography.Title level={5} style={{ margin: 0 }}>
        {t('myDuty.swap.mine')}
      </Typography.Title>
      {swaps.isError ? <QueryError error={swaps.error} onRetry={() => void swaps.refetch()} /> : null}
      {swaps.data && !swaps.data.items.length ? (
        <Typography.Text type="secondary">{t('myDuty.swap.mineEmpty')}</Typography.Text>
      ) : null}
      {swaps.data?.items.map((swap) => (
        <SwapCard key={swap.id} swap={swap} />
      ))}
    </Flex>
  );
}
