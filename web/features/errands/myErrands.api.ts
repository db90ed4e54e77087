import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import type { AssignInput, Card, MyErrands, StepInput, StepResult } from '../../../server/features/errands/dispatch.schemas.ts';
import { api, upload } from '../../app/api.ts';
import { useEventStream } from '../../app/useEventStream.ts';

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

/** The volunteer's errands, refreshed the moment an order of their posts is placed, claimed or moved. */
export function useMyErrands() {
  const client = useQueryClient();
  useEventStream(LIVE_EVENTS, () => void client.invalidateQueries({ queryKey: [MY_ERRANDS_KEY] }));
  return useQuery({ queryKey: [MY_ERRANDS_KEY], queryFn: () => api.get<MyErrands>('/errands/my-orders') });
}

const orderPath = (id: string, what: string) => `/errands/orders/${encodeURIComponent(id)}/${what}`;

export type ErrandAct =
  | { act: 'claim' }
  | { act: 'step'; body: StepInput }
  | { act: 'assign'; body: AssignInput }
  | { act: 'release' | 'cancel'; body: { reason: string } }
  | { act: 'deliver'; body: { note: string } };

/** One act on an order; the lists refresh after it, whatever the answer (a lost race shows who won). */
export function useErrandAct() {
  const client = useQueryClient();
  return useMutation({
    mutationFn: ({ id, ...a }: ErrandAct & { id: string }) =>
      api.post<StepResult>(orderPath(id, a.act), 'body' in a ? a.body : {}),
    onSettled: () => client.invalidateQueries({ queryKey: [MY_ERRANDS_KEY] }),
  });
}

/** Delivered with a photo (already shrunk by the phone) and an optional note. */
export function deliverWithPhoto(id: string, photo: Blob, note: string | undefined, onProgress: (percent: number) => void) {
  const query = note?.trim() ? `?note=${encodeURIComponent(note.trim())}` : '';
  return upload<StepResult>(`${orderPath(id, 'deliver-photo')}${query}`, photo, photo.type || 'image/jpeg', onProgress);
}

/** Where the browser loads an order's delivery photo (the session cookie goes with it). */
export const proofPhotoUrl = (id: string) => `/api/v1${orderPath(id, 'proof-photo')}`;
