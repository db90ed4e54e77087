import type { Kysely, Transaction } from 'kysely';
import type { CallContext } from '../audit/audit.ts';
import { claimInTransaction } from '../idempotency/store.ts';
import type { Database } from './schema.ts';

/**
 * The one way a service runs a write: one transaction (DESIGN.md §4.5), which first claims the
 * request's Idempotency-Key when it carries one, so the key and the write commit together.
 */
export function transact<T>(db: Kysely<Database>, call: CallContext, fn: (trx: Transaction<Database>) => Promise<T>): Promise<T> {
  return db.transaction().execute(async (trx) => {
    if (call.idempotency) await claimInTransaction(trx, call.idempotency);
    return fn(trx);
  });
}
