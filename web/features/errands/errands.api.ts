/** 红色代办 on the web: the resident's page behind their link, and the staff's orders, posts and shops. */
import { keepPreviousData, useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import type { ErrandStatus } from '../../../common/enums.ts';
import type { ErrandPage, IssuedLink, LinkState } from '../../../server/features/errands/errand-links.schemas.ts';
import type {
  Goods,
  Order,
  OrderDetail,
  PublicOrder,
  ResidentOrderInput,
  StaffOrderInput,
} from '../../../server/features/errands/orders.schemas.ts';
import type {
  CreatePostInput,
  CreateShopInput,
  Post,
  Shop,
  UpdatePostInput,
  UpdateShopInput,
} from '../../../server/features/errands/posts.schemas.ts';
import { api, request, withQuery } from '../../app/api.ts';
import { useIdempotentCreate } from '../../components/idempotency.ts';

export type { ErrandPage, Goods, IssuedLink, Order, OrderDetail, Post, PublicOrder, Shop };

export const ERRANDS_KEY = 'errands';

const link = (token: string) => `/e/${encodeURIComponent(token)}`;

// ---- the resident ----

export function useErrandPage(token: string) {
  return useQuery({ queryKey: [ERRANDS_KEY, 'page', token], queryFn: () => api.get<ErrandPage>(link(token)), retry: false });
}

export function usePublicOrder(token: string, id: string | null) {
  return useQuery({
    queryKey: [ERRANDS_KEY, 'public', token, id],
    queryFn: () => api.get<PublicOrder>(`${link(token)}/orders/${id}`),
    enabled: Boolean(id),
    retry: false,
    // The resident watches the steps come in while the volunteer works.
    refetchInterval: 30_000,
  });
}

export function useSubmitOrder(token: string) {
  const client = useQueryClient();
  const create = useIdempotentCreate();
  return useMutation({
    mutationFn: (body: ResidentOrderInput) => create<PublicOrder>(`${link(token)}/orders`, body),
    onSuccess: () => client.invalidateQueries({ queryKey: [ERRANDS_KEY, 'page', token] }),
  });
}

/** confirm | rating | complaint on one of the household's orders. */
export function useOrderAction(token: string, id: string) {
  const client = useQueryClient();
  return useMutation({
    mutationFn: ({ action, body }: { action: 'confirm' | 'rating' | 'complaint'; body?: unknown }) =>
      request<PublicOrder>('POST', `${link(token)}/orders/${id}/${action}`, body ?? {}),
    onSuccess: (order) => {
      client.setQueryData([ERRANDS_KEY, 'public', token, id], order);
      void client.invalidateQueries({ queryKey: [ERRANDS_KEY, 'page', token] });
    },
  });
}

// ---- staff ----

export interface OrderFilter {
  regionId?: string | null;
  status?: ErrandStatus | null;
  postId?: string | null;
  from?: string | null;
  to?: string | null;
  overdue?: boolean;
}

export function useOrders(f: OrderFilter, page: number, pageSize: number) {
  return useQuery({
    queryKey: [ERRANDS_KEY, 'orders', f, page, pageSize],
    queryFn: () =>
      api.get<{ items: Order[]; total: number }>(
        withQuery('/errands/orders', {
          regionId: f.regionId ?? undefined,
          status: f.status ?? undefined,
          postId: f.postId ?? undefined,
          from: f.from ?? undefined,
          to: f.to ?? undefined,
          overdue: f.overdue ? true : undefined,
          limit: pageSize,
          offset: (page - 1) * pageSize,
        }),
      ),
    placeholderData: keepPreviousData,
  });
}

export function useOrder(id: string) {
  return useQuery({ queryKey: [ERRANDS_KEY, 'order', id], queryFn: () => api.get<OrderDetail>(`/errands/orders/${id}`) });
}

export function useRevealOrder() {
  return useMutation({ mutationFn: (id: string) => api.post<{ contactMobile: string | null }>(`/errands/orders/${id}/reveal`) });
}

export function useCreateStaffOrder() {
  const client = useQueryClient();
  const create = useIdempotentCreate();
  return useMutation({
    mutationFn: (body: StaffOrderInput) => create<OrderDetail>('/errands/orders', body),
    onSuccess: () => client.invalidateQueries({ queryKey: [ERRANDS_KEY, 'orders'] }),
  });
}

export function useGoods() {
  return useQuery({
    queryKey: [ERRANDS_KEY, 'goods'],
    queryFn: () => api.get<{ items: Goods[] }>('/errands/goods'),
    staleTime: Infinity,
  });
}

export function usePosts(regionId: string | null, page = 1, pageSize = 100) {
  return useQuery({
    queryKey: [ERRANDS_KEY, 'posts', regionId, page, pageSize],
    queryFn: () =>
      api.get<{ items: Post[]; total: number }>(
        withQuery('/errands/posts', { regionId: regionId ?? undefined, limit: pageSize, offset: (page - 1) * pageSize }),
      ),
    placeholderData: keepPreviousData,
  });
}

export function useSavePost() {
  const client = useQueryClient();
  const create = useIdempotentCreate();
  return useMutation({
    mutationFn: ({ id, body }: { id: string | null; body: CreatePostInput | UpdatePostInput }) =>
      id ? api.patch<Post>(`/errands/posts/${id}`, body) : create<Post>('/errands/posts', body),
    onSuccess: () => client.invalidateQueries({ queryKey: [ERRANDS_KEY, 'posts'] }),
  });
}

export function useShops(regionId: string | null, page = 1, pageSize = 100) {
  return useQuery({
    queryKey: [ERRANDS_KEY, 'shops', regionId, page, pageSize],
    queryFn: () =>
      api.get<{ items: Shop[]; total: number }>(
        withQuery('/errands/shops', { regionId: regionId ?? undefined, limit: pageSize, offset: (page - 1) * pageSize }),
      ),
    placeholderData: keepPreviousData,
  });
}

export function useSaveShop() {
  const client = useQueryClient();
  const create = useIdempotentCreate();
  return useMutation({
    mutationFn: ({ id, body }: { id: string | null; body: CreateShopInput | UpdateShopInput }) =>
      id ? api.patch<Shop>(`/errands/shops/${id}`, body) : create<Shop>('/errands/shops', body),
    onSuccess: () => client.invalidateQueries({ queryKey: [ERRANDS_KEY, 'shops'] }),
  });
}

export function useLinkState(householdId: string) {
  return useQuery({
    queryKey: [ERRANDS_KEY, 'link', householdId],
    queryFn: () => api.get<LinkState>(`/errands/households/${householdId}/link`),
  });
}

export function useIssueLink() {
  const client = useQueryClient();
  return useMutation({
    mutationFn: (householdId: string) => api.post<IssuedLink>(`/errands/households/${householdId}/link`),
    onSuccess: (_r, householdId) => client.invalidateQueries({ queryKey: [ERRANDS_KEY, 'link', householdId] }),
  });
}
