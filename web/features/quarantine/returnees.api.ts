import { keepPreviousData, useQuery } from '@tanstack/react-query';
import type { Measure } from '../../../common/enums.ts';
import type { FollowUp } from '../../../server/features/quarantine/follow-ups.schemas.ts';
import type {
  CreateReturneeInput,
  MeasureInput,
  PersonReveal,
  Returnee,
  UpdateReturneeInput,
} from '../../../server/features/quarantine/returnees.schemas.ts';
import { api, withQuery } from '../../app/api.ts';

// The shapes are the server's (one source of truth).
export type { CreateReturneeInput, MeasureInput, PersonReveal, Returnee, UpdateReturneeInput };

export const RETURNEES_KEY = 'returnees';
/** What the server publishes when a returnee is registered, corrected or given a measure. */
export const RETURNEE_EVENTS = ['returnee.created', 'returnee.updated', 'returnee.measured'] as const;

export interface ReturneeFilter {
  regionId?: string | null;
  from?: string | null;
  to?: string | null;
  measure?: Measure | null;
  pending?: boolean | null;
}

export function useReturnees(filter: ReturneeFilter, page: number, pageSize: number) {
  return useQuery({
    queryKey: [RETURNEES_KEY, 'list', filter, page, pageSize],
    queryFn: () =>
      api.get<{ items: Returnee[]; total: number }>(
        withQuery('/returnees', { ...filter, limit: pageSize, offset: (page - 1) * pageSize }),
      ),
    placeholderData: keepPreviousData,
  });
}

export function updateReturnee(id: string, body: UpdateReturneeInput) {
  return api.patch<Returnee>(`/returnees/${id}`, body);
}

export function decideMeasure(id: string, body: MeasureInput) {
  return api.post<Returnee>(`/returnees/${id}/measure`, body);
}

export function revealReturnee(id: string) {
  return api.post<PersonReveal>(`/returnees/${id}/reveal`);
}

/** The follow-up task a registration starts from (its person and origin prefill the form). */
export function useFollowUpToRegister(id: string | null) {
  return useQuery({
    queryKey: ['followUps', 'one', id],
    queryFn: () => api.get<FollowUp>(`/follow-ups/${id}`),
    enabled: id !== null,
  });
}
