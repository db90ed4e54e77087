/**
 * 送达 (delivered): the one way an order is marked delivered, with its contactless proof — a
 * photo the server keeps, a note, or both — and the volunteer's service record for it.
 */
import type { Kysely } from 'kysely';
import { auditWrite, type CallContext } from '../../platform/audit/audit.ts';
import { calendarDate } from '../../platform/dates.ts';
import { nowIso } from '../../platform/db/ids.ts';
import type { Database } from '../../platform/db/schema.ts';
import type { Deps } from '../../platform/deps.ts';
import { recordFile, type writeImage } from '../../platform/files/stored-files.ts';
import type { VolunteersService } from '../volunteers/volunteers.service.ts';
import { moveOrder } from './order-steps.ts';
import type { OrderRow } from './orders.repository.ts';

export interface DeliveryProof {
  note: string | null;
  /** The bytes already on disk (writeImage); their row is added in the delivery's transaction. */
  photo: Awaited<ReturnType<typeof writeImage>> | null;
}

/** Hours from claim to delivery, to the hundredth: what the service record counts. */
export function errandHours(claimedAt: string | null, deliveredAt: string): number | null {
  if (!claimedAt) return null;
  const ms = new Date(deliveredAt).getTime() - new Date(claimedAt).getTime();
  return ms >= 0 ? Math.round(ms / 36_000) / 100 : null;
}

export async function deliveredSteps(
  deps: Deps,
  volunteers: Pick<VolunteersService, 'recordService'>,
  trx: Kysely<Database>,
  call: CallContext,
  order: OrderRow,
  proof: DeliveryProof,
  /** When it was delivered (made on the phone, maybe offline); now by default. */
  at: string = nowIso(),
): Promise<void> {
  const now = at;
  if (proof.photo)
    await recordFile(trx, proof.photo, { kind: 'errand_proof', regionId: order.regionId, createdBy: call.actorId });
  await moveOrder(trx, deps.events, order, 'delivered', {
    by: call.actorId,
    at,
    set: { proofNote: proof.note, proofFileId: proof.photo?.id ?? null },
    // The resident's page shows the note and whether a photo was taken.
    detail: { note: proof.note, photo: proof.photo !== null },
  });
  if (order.claimedBy) {
    await volunteers.recordService(trx, {
      volunteerId: order.claimedBy,
      kind: 'errand',
      sourceId: order.id,
      title: `代办跑腿（${order.ref}）`,
      hours: errandHours(order.claimedAt, now),
      occurredOn: calendarDate(deps.config.timeZone, new Date(now)),
      createdBy: call.actorId,
    });
  }
  await auditWrite(trx, call, 'errandOrder.deliver', 'errand_order', order.id, order.regionPath, {
    note: proof.note,
    photoFileId: proof.photo?.id ?? null,
  });
}
