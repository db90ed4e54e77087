import { keepPreviousData, useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import type { ErrandLedger } from '../../../server/features/errands/ledger.schemas.ts';
import type { Numbers, NumbersBy } from '../../../server/features/errands/numbers.schemas.ts';
import type { Run, RunOrder } from '../../../server/features/errands/runs.schemas.ts';
import type { OrderMoney, Settlement } from '../../../server/features/errands/settlement.schemas.ts';
import { api, upload, withQuery } from '../../app/api.ts';
import { useEventStream } from '../../app/useEventStream.ts';

// The shapes are the server's (one source of truth).
export type { ErrandLedger, Numbers, NumbersBy, OrderMoney, Run, RunOrder, Settlement };

export const RUNS_KEY = 'errand-runs';

export interface RunSummary {
  id: string;
  ref: string;
  status: Run['status'];
  post: { id: string; name: string };
  note: string | null;
  orders: number;
  amountFen: number;
  createdAt: string;
  createdBy: string | null;
  boughtAt: string | null;
}

/** ¥12.50 from 1250 fen. */
export const yuan = (fen: number | null | undefined) => (fen === null || fen === undefined ? '—' : `¥${(fen / 100).toFixed(2)}`);

/** Runs, settlement and numbers follow every order step and run change the account may see. */
function useRunsLive() {
  const client = useQueryClient();
  useEventStream(
    ['errandRun.created', 'errandRun.updated', 'errandRun.bought', 'errandOrder.paid', 'errandPayout.created'],
    () => void client.invalidateQueries({ queryKey: [RUNS_KEY] }),
  );
}

export function useRuns(f: { postId?: string; status?: string }) {
  useRunsLive();
  return useQuery({
    queryKey: [RUNS_KEY, 'list', f],
    queryFn: () => api.get<{ items: RunSummary[]; total: number }>(withQuery('/errands/runs', { ...f, limit: 100 })),
    placeholderData: keepPreviousData,
  });
}

export function useCandidates(postId: string | null) {
  return useQuery({
    queryKey: [RUNS_KEY, 'candidates', postId],
    queryFn: () =>
      api.get<{ post: { id: string; name: string }; canManage: boolean; items: RunOrder[] }>(
        withQuery('/errands/runs/candidates', { postId: postId! }),
      ),
    enabled: postId !== null,
  });
}

export function useRun(id: string) {
  useRunsLive();
  return useQuery({ queryKey: [RUNS_KEY, 'run', id], queryFn: () => api.get<Run>(`/errands/runs/${encodeURIComponent(id)}`) });
}

function useRunWrite<I>(write: (input: I) => Promise<Run>) {
  const client = useQueryClient();
  return useMutation({
    mutationFn: write,
    onSuccess: (run) => {
      client.setQueryData([RUNS_KEY, 'run', run.id], run);
      void client.invalidateQueries({ queryKey: [RUNS_KEY] });
    },
  });
}

export const useCreateRun = () =>
  useRunWrite((input: { postId: string; orderIds: string[]; note?: string }) => api.post<Run>('/errands/runs', input));

export const useAssignShops = (id: string) =>
  useRunWrite((items: { itemId: string; shopId: string }[]) => api.put<Run>(`/errands/runs/${id}/items`, { items }));

export const useRecordShop = (id: string) =>
  useRunWrite(
    (input: {
      shopId: string;
      amountFen: number;
      paidByVolunteerId: string | null;
      prices?: { product: string; amountFen: number }[];
    }) => {
      const { shopId, ...body } = input;
      return api.put<Run>(`/errands/runs/${id}/shops/${shopId}`, body);
    },
  );

export const useUploadReceipt = (id: string) =>
  useRunWrite((input: { shopId: string; file: File }) =>
    upload<Run>(`/errands/runs/${id}/shops/${input.shopId}/receipt`, input.file, input.file.type, () => undefined),
  );

export const receiptUrl = (runId: string, shopId: string) => `/api/v1/errands/runs/${runId}/shops/${shopId}/receipt`;

export function useSettlement(f: { regionId?: string; from?: string; to?: string }) {
  useRunsLive();
  return useQuery({
    queryKey: [RUNS_KEY, 'settlement', f],
    queryFn: () => api.get<Settlement>(withQuery('/errands/settlement', f)),
    placeholderData: keepPreviousData,
  });
}

export function usePay() {
  const client = useQueryClient();
  return useMutation({
    mutationFn: (input: {
      orderId: string;
      paidFen: number;
      method: OrderMoney['payment'];
      collectedByVolunteerId: string | null;
    }) => {
      const { orderId, ...body } = input;
      return api.put<OrderMoney>(`/errands/orders/${orderId}/payment`, body);
    },
    onSuccess: () => void client.invalidateQueries({ queryKey: [RUNS_KEY] }),
  });
}

export function useCreatePayout() {
  const client = useQueryClient();
  return useMutation({
    mutationFn: (input: {
      regionId: string;
      volunteerId: string;
      direction: 'reimburse' | 'hand_in';
      amountFen: number;
      note?: string;
    }) => api.post('/errands/payouts', input),
    onSuccess: () => void client.invalidateQueries({ queryKey: [RUNS_KEY] }),
  });
}

export function useNumbers(f: { regionId?: string; from?: string; to?: string; by: NumbersBy }) {
  useRunsLive();
  return useQuery({
    queryKey: [RUNS_KEY, 'numbers', f],
    queryFn: () => api.get<Numbers>(withQuery('/errands/numbers', f)),
    placeholderData: keepPreviousData,
  });
}

export function useErrandLedger(code: string, f: { from?: string; to?: string }) {
  return useQuery({
    queryKey: [RUNS_KEY, 'ledger', code, f],
    queryFn: () => api.get<ErrandLedger>(withQuery(`/errands/ledger/${encodeURIComponent(code)}`, f)),
  });
}
