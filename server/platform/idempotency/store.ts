/**
 * Idempotency records (issue 3). A record is claimed INSIDE the transaction of the write it
 * guards, so it exists exactly when the write does: a crash before commit leaves neither, and a
 * retry runs again; a crash after commit leaves both, and a retry can never write twice.
 */
import type { Kysely } from 'kysely';
import { nowIso } from '../db/ids.ts';
import type { Database } from '../db/schema.ts';
import { AppError } from '../errors.ts';

/** Answers are replayed for a day; the housekeeping job removes older records. */
export const IDEMPOTENCY_TTL_MS = 24 * 3600_000;

/** A request carrying a key: claimed by its write's transaction, completed with its answer. */
export interface IdempotencyClaim {
  /** The account id, or `public` for routes without a session. */
  scope: string;
  key: string;
  requestHash: string;
  /** Set once the write's transaction has inserted the record. */
  claimed: boolean;
}

export async function findRecord(q: Kysely<Database>, scope: string, key: string) {
  return q.selectFrom('idempotencyKeys').selectAll().where('scope', '=', scope).where('key', '=', key).executeTakeFirst();
}

/**
 * Inserts the record as the first statement of the write's transaction. A concurrent request with
 * the same key waits on the unique index until the first commits, then finds it and backs off,
 * before it has written anything of its own.
 */
export async function claimInTransaction(trx: Kysely<Database>, claim: IdempotencyClaim): Promise<void> {
  if (claim.claimed) return;
  const inserted = await trx
    .insertInto('idempotencyKeys')
    .values({
      scope: claim.scope,
      key: claim.key,
      requestHash: claim.requestHash,
      state: 'in_flight',
      statusCode: null,
      contentType: null,
      body: null,
      createdAt: nowIso(),
    })
    .onConflict((oc) => oc.columns(['scope', 'key']).doNothing())
    .returning('key')
    .executeTakeFirst();
  if (!inserted) throw new AppError(409, 'IDEMPOTENCY_IN_FLIGHT');
  claim.claimed = true;
}

/** Stores the answer to replay. A route that wrote nothing (so claimed nothing) gets its record now. */
export async function completeRecord(
  q: Kysely<Database>,
  claim: IdempotencyClaim,
  answer: { statusCode: number; contentType: string; body: string },
): Promise<void> {
  if (claim.claimed) {
    await q
      .updateTable('idempotencyKeys')
      .set({ state: 'done', ...answer })
      .where('scope', '=', claim.scope)
      .where('key', '=', claim.key)
      .execute();
    return;
  }
  await q
    .insertInto('idempotencyKeys')
    .values({ scope: claim.scope, key: claim.key, requestHash: claim.requestHash, state: 'done', ...answer, createdAt: nowIso() })
    .onConflict((oc) => oc.columns(['scope', 'key']).doNothing())
    .execute();
}

export async function purgeIdempotencyKeys(q: Kysely<Database>, now = new Date()): Promise<number> {
  const result = await q
    .deleteFrom('idempotencyKeys')
    .where('createdAt', '<', nowIso(new Date(now.getTime() - IDEMPOTENCY_TTL_MS)))
    .executeTakeFirst();
  return Number(result.numDeletedRows);
}
