import type { Kysely, Transaction } from 'kysely';
import type { CallContext } from '../audit/audit.ts';
import { claimInTransaction } from '../idempotency/store.ts';
import type { Database } from './schema.ts';

/**
 * The one way a service runs a write: one transaction (DESIGN.md §4.5), which first claims the
 * request's Idempotency-Key when it carries one, so the key and the write commit together.
 */
export async function transact<T>(
  db: Kysely<Database>,
  call: CallContext,
  fn: (trx: Transaction<Database>) => Promise<T>,
): Promise<T> {
  const claim = call.idempotency;
  const claimedBefore = claim?.claimed ?? false;
  try {
    return await db.transaction().execute(async (trx) => {
      if (claim) await claimInTransaction(trx, claim);
      return fn(trx);
    });
  } catch (error) {
    // The claim rolled back with the write: a service that retries (a unique clash on a drawn
    // code) must claim again, or its answer would never be stored and a resend would write twice.
    if (claim && !claimedBefore) claim.claimed = false;
    throw error;
  }
}
