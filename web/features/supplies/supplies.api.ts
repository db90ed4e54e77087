import { keepPreviousData, useQuery, useQueryClient } from '@tanstack/react-query';
import type { AllocationStatus, AllocationTarget, Language } from '../../../common/enums.ts';
import type { Movement, StockRow, Store, StoreDetail } from '../../../server/features/supplies/catalogue.schemas.ts';
import type { Ledger } from '../../../server/features/supplies/ledger.schemas.ts';
import type { Allocation, Donation, Transfer } from '../../../server/features/supplies/movements.schemas.ts';
import type { Item, Line } from '../../../server/features/supplies/supplies.schemas.ts';
import { api, withQuery } from '../../app/api.ts';
import { useEventStream } from '../../app/useEventStream.ts';

// The shapes are the server's (one source of truth).
export type { Allocation, Donation, Item, Ledger, Line, Movement, StockRow, Store, StoreDetail, Transfer };

/** Every supplies query starts with this: one movement changes stock, lists and the ledger alike. */
export const SUPPLIES_KEY = 'supplies';

const LIVE_EVENTS = [
  'supplies.stock',
  'supplies.lowStock',
  'supplies.donation',
  'supplies.allocation',
  'supplies.transfer',
] as const;

/** Refreshes the supplies pages when stock moves anywhere the account may see. */
export function useSuppliesLive(): void {
  const client = useQueryClient();
  useEventStream(LIVE_EVENTS, () => void client.invalidateQueries({ queryKey: [SUPPLIES_KEY] }));
}

export const itemName = (item: Pick<Item, 'nameZh' | 'nameEn'>, language: Language) =>
  language === 'en' ? item.nameEn : item.nameZh;
export const itemUnit = (item: Pick<Item, 'unitZh' | 'unitEn'>, language: Language) =>
  language === 'en' ? item.unitEn : item.unitZh;

/** 医用外科口罩 300 只 · 84消毒液 20 瓶 */
export function linesText(lines: readonly Line[], language: Language): string {
  return lines
    .map((l) => `${itemName(l.item, language)} ${l.quantity} ${itemUnit(l.item, language)}`)
    .join(language === 'en' ? ', ' : '、');
}

export function useItems(activeOnly = false) {
  return useQuery({
    queryKey: [SUPPLIES_KEY, 'items', activeOnly],
    queryFn: () => api.get<{ items: Item[]; canManage: boolean }>(withQuery('/supplies/items', { activeOnly })),
    staleTime: 60_000,
  });
}

export function useStores(filter: { regionId?: string | null; active?: boolean }, page = 1, pageSize = 100) {
  return useQuery({
    queryKey: [SUPPLIES_KEY, 'stores', filter, page, pageSize],
    queryFn: () =>
      api.get<{ items: Store[]; total: number }>(
        withQuery('/supplies/stores', { ...filter, limit: pageSize, offset: (page - 1) * pageSize }),
      ),
    placeholderData: keepPreviousData,
  });
}

export function useStore(id: string | undefined) {
  return useQuery({
    queryKey: [SUPPLIES_KEY, 'store', id],
    queryFn: () => api.get<StoreDetail>(`/supplies/stores/${encodeURIComponent(id ?? '')}`),
    enabled: !!id,
  });
}

export function useLowStock() {
  return useQuery({
    queryKey: [SUPPLIES_KEY, 'stock', 'low'],
    queryFn: () => api.get<{ items: StockRow[]; total: number }>(withQuery('/supplies/stock', { lowOnly: true, limit: 200 })),
  });
}

export function useMovements(storeId: string, itemId: string | null, page: number, pageSize: number) {
  return useQuery({
    queryKey: [SUPPLIES_KEY, 'movements', storeId, itemId, page, pageSize],
    queryFn: () =>
      api.get<{ items: Movement[]; total: number }>(
        withQuery(`/supplies/stores/${encodeURIComponent(storeId)}/movements`, {
          itemId,
          limit: pageSize,
          offset: (page - 1) * pageSize,
        }),
      ),
    placeholderData: keepPreviousData,
  });
}

export interface PeriodFilter {
  regionId?: string | null;
  storeId?: string | null;
  from?: string | null;
  to?: string | null;
}

export function useDonations(filter: PeriodFilter, page: number, pageSize: number) {
  return useQuery({
    queryKey: [SUPPLIES_KEY, 'donations', filter, page, pageSize],
    queryFn: () =>
      api.get<{ items: Donation[]; total: number }>(
        withQuery('/supplies/donations', { ...filter, limit: pageSize, offset: (page - 1) * pageSize }),
      ),
    placeholderData: keepPreviousData,
  });
}

export function useAllocations(
  filter: PeriodFilter & { status?: AllocationStatus | null; toKind?: AllocationTarget | null },
  page: number,
  pageSize: number,
) {
  return useQuery({
    queryKey: [SUPPLIES_KEY, 'allocations', filter, page, pageSize],
    queryFn: () =>
      api.get<{ items: Allocation[]; total: number }>(
        withQuery('/supplies/allocations', { ...filter, limit: pageSize, offset: (page - 1) * pageSize }),
      ),
    placeholderData: keepPreviousData,
  });
}

export function useToConfirm() {
  return useQuery({
    queryKey: [SUPPLIES_KEY, 'to-confirm'],
    queryFn: () => api.get<{ items: Allocation[] }>('/supplies/allocations/to-confirm'),
  });
}

export function useTransfers(filter: { regionId?: string | null; storeId?: string | null }, page: number, pageSize: number) {
  return useQuery({
    queryKey: [SUPPLIES_KEY, 'transfers', filter, page, pageSize],
    queryFn: () =>
      api.get<{ items: Transfer[]; total: number }>(
        withQuery('/supplies/transfers', { ...filter, limit: pageSize, offset: (page - 1) * pageSize }),
      ),
    placeholderData: keepPreviousData,
  });
}

export function useLedger(code: string | null, from: string | null, to: string | null) {
  return useQuery({
    queryKey: [SUPPLIES_KEY, 'ledger', code, from, to],
    queryFn: () => api.get<Ledger>(withQuery(`/supplies/ledger/${encodeURIComponent(code ?? '')}`, { from, to })),
    enabled: !!code,
  });
}
