import { keepPreviousData, useQuery } from '@tanstack/react-query';
import type { AccountStatus, Language, Role } from '../../../common/enums.ts';
import { api, withQuery } from '../../app/api.ts';
import type { Grant } from '../../app/session.ts';

export interface Account {
  id: string;
  login: string;
  name: string;
  /** Masked; the full number only through the audited reveal. */
  mobile: string;
  status: AccountStatus;
  language: Language;
  mustChangePassword: boolean;
  createdAt: string;
  grants: Grant[];
}

export interface AccountFilter {
  q?: string;
  regionId?: string | null;
  role?: Role | null;
  status?: AccountStatus | null;
  page: number;
  pageSize: number;
}

export interface GrantInput {
  role: Role;
  regionId: string | null;
}

export const ACCOUNTS_KEY = 'accounts';

export function useAccounts({ page, pageSize, ...filter }: AccountFilter) {
  return useQuery({
    queryKey: [ACCOUNTS_KEY, filter, page, pageSize],
    queryFn: () =>
      api.get<{ items: Account[]; total: number }>(
        withQuery('/accounts', { ...filter, q: filter.q?.trim(), limit: pageSize, offset: (page - 1) * pageSize }),
      ),
    placeholderData: keepPreviousData,
  });
}
