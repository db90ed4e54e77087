import { queryOptions, useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import type { AssignInput, Card, MyErrands, StepInput, StepResult } from '../../../server/features/errands/dispatch.schemas.ts';
import { api } from '../../app/api.ts';
import { useEventStream } from '../../app/useEventStream.ts';
import { submitEntry, type SubmitResult } from '../../field/sync/outbox.ts';

// The shapes are the server's (one source of truth).
export type { Card, MyErrands, StepResult };

export const MY_ERRANDS_KEY = 'my-errands';

/** Every step of an order is published as `errandOrder.<step>`; any of them may change the lists. */
const LIVE_EVENTS = [
  'errandOrder.created',
  'errandOrder.claimed',
  'errandOrder.assigned',
  'errandOrder.released',
  'errandOrder.purchasing',
  'errandOrder.delivering',
  'errandOrder.delivered',
  'errandOrder.cancelled',
  'errandOrder.escalated',
  'errandOrder.bundled',
];

/** The open errands of the volunteer's posts and their own. */
export const myErrandsQuery = queryOptions({
  queryKey: [MY_ERRANDS_KEY],
  queryFn: () => api.get<MyErrands>('/errands/my-orders'),
});

/** The volunteer's errands, refreshed the moment an order of their posts is placed, claimed or moved. */
export function useMyErrands() {
  const client = useQueryClient();
  useEventStream(LIVE_EVENTS, () => void client.invalidateQueries({ queryKey: [MY_ERRANDS_KEY] }));
  return useQuery(myErrandsQuery);
}

const orderPath = (id: string, what: string) => `/errands/orders/${encodeURIComponent(id)}/${what}`;

export type ErrandAct =
  | { act: 'claim' }
  | { act: 'step'; body: StepInput }
  | { act: 'assign'; body: AssignInput }
  | { act: 'release' | 'cancel'; body: { reason: string } }
  | { act: 'deliver'; body: { note: string } };

/** The acts of the one carrying the order, made at the door or in the shop, maybe without network. */
const FIELD_ACTS = new Set<ErrandAct['act']>(['claim', 'step', 'deliver']);

/** The answer was kept on the phone to be sent later (no network), not recorded yet. */
export const keptOffline = (result: unknown): boolean => (result as SubmitResult<unknown> | null)?.sent === false;

/**
 * One act on an order; the lists refresh after it, whatever the answer (a lost race shows who won).
 * Claim, step and deliver-by-note go through the field app's outbox with the time they were made;
 * the leader's acts (assign, release, cancel) and the photo upload need the network.
 */
export function useErrandAct() {
  const client = useQueryClient();
  return useMutation({
    // The outbox decides what to do without network; the mutation must not wait for it.
    networkMode: 'always',
    mutationFn: async ({
      id,
      summary,
      ...a
    }: ErrandAct & { id: string; summary?: string }): Promise<SubmitResult<StepResult>> => {
      const body = 'body' in a ? a.body : {};
      if (!FIELD_ACTS.has(a.act)) return { sent: true, data: await api.post<StepResult>(orderPath(id, a.act), body) };
      return submitEntry<StepResult>({
        kind: 'errandStep',
        method: 'POST',
        url: `/api/v1${orderPath(id, a.act)}`,
        body: { ...body },
        madeAtField: 'at',
        summary: summary ?? '',
      });
    },
    onSettled: () => client.invalidateQueries({ queryKey: [MY_ERRANDS_KEY] }),
  });
}

/**
 * Delivered with a photo (already shrunk by the phone) and an optional note: through the outbox
 * like every step, so without network the photo waits on the phone and goes up later.
 */
export function deliverWithPhoto(
  id: string,
  photo: Blob,
  note: string | undefined,
  summary: string,
  onProgress: (percent: number) => void,
): Promise<SubmitResult<StepResult>> {
  return submitEntry<StepResult>(
    {
      kind: 'errandStep',
      method: 'POST',
      url: `/api/v1${orderPath(id, 'deliver-photo')}`,
      body: note?.trim() ? { note: note.trim() } : {},
      madeAtField: 'at',
      summary,
      upload: photo,
    },
    { onProgress },
  );
}

/** Where the browser loads an order's delivery photo (the session cookie goes with it). */
export const proofPhotoUrl = (id: string) => `/api/v1${orderPath(id, 'proof-photo')}`;
