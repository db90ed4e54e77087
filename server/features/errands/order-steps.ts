import type { Kysely } from 'kysely';
import type { ErrandEventKind, ErrandStatus } from '../../../common/enums.ts';
import { newId, nowIso } from '../../platform/db/ids.ts';
import type { Database, ErrandOrderTable } from '../../platform/db/schema.ts';
import { conflict } from '../../platform/errors.ts';
import type { EventPublisher } from '../../platform/events/publisher.ts';
import { canMove, STATUS_AT } from './errands.rules.ts';

type Q = Kysely<Database>;

/** What a step needs to know of the order it moves; `OrderRow` (orders.repository.ts) has it. */
export interface StepOrder {
  id: string;
  ref: string;
  status: ErrandStatus;
  postId: string | null;
  /** The order's region (its grid): the event's region, so the post's volunteers receive it. */
  regionPath: string;
}

export interface Step {
  /** The account acting; null for the resident (through their link) or the system (a job). */
  by: string | null;
  /** Stored on the step as JSON: only what the resident's page and the numbers may show. */
  detail?: Record<string, unknown> | null;
  /** Columns set with the move (e.g. claimedBy, cancelReason, proofNote). */
  set?: Partial<Omit<ErrandOrderTable, 'id' | 'status'>>;
  /** The step's kind when it is not the status itself (an assignment moves to claimed). */
  kind?: ErrandEventKind;
  /** When the step was made on the phone (maybe offline); now by default. Its receipt is always now. */
  at?: string;
}

/**
 * The one way an order changes status (issue 8): checks the status machine, sets the status and
 * the column keeping when it was reached, records the step for the resident's page, and publishes
 * `errandOrder.<kind>` for the post's volunteers and the staff lists. The update is conditional on
 * the status the caller read, so of two volunteers claiming at once exactly one wins; the other
 * gets 409 ORDER_MOVED and its transaction writes nothing.
 */
export async function moveOrder(trx: Q, events: EventPublisher, order: StepOrder, to: ErrandStatus, step: Step): Promise<void> {
  if (!canMove(order.status, to)) throw conflict('ORDER_STATUS', { status: order.status });
  const received = nowIso();
  const at = step.at ?? received;
  const atColumn = to === 'new' ? {} : { [STATUS_AT[to]]: at };
  const r = await trx
    .updateTable('errandOrders')
    .set({ ...step.set, ...atColumn, status: to, updatedAt: received })
    .where('id', '=', order.id)
    .where('status', '=', order.status)
    .executeTakeFirst();
  if (Number(r.numUpdatedRows) !== 1) throw conflict('ORDER_MOVED');
  await recordStep(trx, events, { ...order, status: to }, step.kind ?? (to as ErrandEventKind), step, at, received);
}

/**
 * A step that does not change the status (escalated, bundled, paid, rated, complaint, or the
 * order's creation): recorded and published the same way as a move.
 */
export async function recordStep(
  trx: Q,
  events: EventPublisher,
  order: StepOrder,
  kind: ErrandEventKind,
  step: Pick<Step, 'by' | 'detail'>,
  at: string = nowIso(),
  receivedAt: string = nowIso(),
): Promise<void> {
  await trx
    .insertInto('errandOrderEvents')
    .values({
      id: newId(),
      orderId: order.id,
      kind,
      detail: step.detail ? JSON.stringify(step.detail) : null,
      byAccountId: step.by,
      at,
      receivedAt,
    })
    .execute();
  await events.publish(trx, {
    type: `errandOrder.${kind}`,
    permission: 'errands.run',
    regionPath: order.regionPath,
    entityType: 'errand_order',
    entityId: order.id,
    data: { ref: order.ref, status: order.status, postId: order.postId },
  });
}
