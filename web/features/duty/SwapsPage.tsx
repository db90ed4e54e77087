import { Empty, Flex, Pagination, Segmented, Spin } from 'antd';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { SWAP_STATUSES, type SwapStatus } from '../../../common/enums.ts';
import { SWAP_STATUS_LABELS } from '../../../common/labels.ts';
import { useLanguage } from '../../app/useLanguage.ts';
import { PageHeader } from '../../components/PageHeader.tsx';
import { QueryError } from '../../components/QueryError.tsx';
import { usePaging } from '../../components/usePaging.ts';
import { DecisionModal, type Decision } from './swaps/DecisionModal.tsx';
import { SwapCard } from './swaps/SwapCard.tsx';
import { useSwaps, type SwapRequest } from './swaps.api.ts';

type StatusChoice = SwapStatus | 'all';

/** Waiting requests before decided ones, each group in the server’s order (newest first). */
function pendingFirst(items: SwapRequest[]): SwapRequest[] {
  return [...items].sort((a, b) => Number(b.status === 'pending') - Number(a.status === 'pending'));
}

export function SwapsPage() {
  const { t } = useTranslation();
  const language = useLanguage();
  const [status, setStatus] = useState<StatusChoice>('pending');
  const { page, pageSize, setPage } = usePaging(20);
  const swaps = useSwaps(status === 'all' ? null : status, page, pageSize);
  const [deciding, setDeciding] = useState<{ swap: SwapRequest; decision: Decision } | null>(null);
  const items = pendingFirst(swaps.data?.items ?? []);

  return (
    <>
      <PageHeader title={t('dutyNow.swapsTitle')} />
      <Flex style={{ marginBottom: 16, overflowX: 'auto' }}>
        <Segmented<StatusChoice>
          value={status}
          onChange={(next) => {
            setStatus(next);
            setPage(1);
          }}
          options={[
            ...SWAP_STATUSES.map((s) => ({ value: s, label: SWAP_STATUS_LABELS[s][language] })),
            { value: 'all' as const, label: t('dutyNow.swapAll') },
          ]}
          aria-label={t('dutyNow.swapStatus')}
          data-testid="swaps-filter-status"
        />
      </Flex>
      {swaps.isError ? <QueryError error={swaps.error} onRetry={() => void swaps.refetch()} /> : null}
      <Spin spinning={swaps.isFetching}>
        {swaps.data && !items.length ? (
          <Empty
            description={status === 'pending' ? t('dutyNow.swapsPendingEmpty') : t('dutyNow.swapsEmpty')}
            data-testid="swaps-empty"
          />
        ) : (
          <Flex vertical gap={12} data-testid="swaps-list">
            {items.map((swap) => (
              <SwapCard key={swap.id} swap={swap} onDecide={(decision) => setDeciding({ swap, decision })} />
            ))}
          </Flex>
        )}
      </Spin>
      {swaps.data && swaps.data.total > pageSize ? (
        <Flex justify="flex-end" style={{ marginTop: 12 }}>
          <Pagination
            size="small"
            current={page}
            pageSize={pageSize}
            total={swaps.data.total}
            showSizeChanger={false}
            showTotal={(count) => t('common.total', { count })}
            onChange={setPage}
          />
        </Flex>
      ) : null}
      {deciding ? <DecisionModal swap={deciding.swap} decision={deciding.decision} onClose={() => setDeciding(null)} /> : null}
    </>
  );
}
