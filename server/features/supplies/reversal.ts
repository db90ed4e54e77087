/**
 * Reversing a record recorded by mistake: new movements cancel each of its movements (the
 * originals stay), in one transaction with the record's own mark, its audit record and events.
 */
import type { Kysely } from 'kysely';
import { auditWrite, type CallContext } from '../../platform/audit/audit.ts';
import { calendarDate } from '../../platform/dates.ts';
import { isUniqueViolation } from '../../platform/db/dialect.ts';
import type { Database } from '../../platform/db/schema.ts';
import { transact } from '../../platform/db/transact.ts';
import type { Deps } from '../../platform/deps.ts';
import { conflict, type AppError } from '../../platform/errors.ts';
import { findItems } from './catalogue.repository.ts';
import type { NewMovement, StockEngine, StoreFacts } from './stock.engine.ts';
import { originalMovements, type SourceColumn } from './stock.repository.ts';

export interface Reversal {
  column: SourceColumn;
  id: string;
  reason: string;
  accountId: string;
  stores: StoreFacts[];
  /** Marks the record reversed inside the transaction; false when another request did first. */
  mark: (trx: Kysely<Database>) => Promise<boolean>;
  /** What to answer when `mark` found it done already. */
  taken: () => AppError;
  audit: { action: string; entityType: string; regionPath: string; ref: string };
  /** The live event, at each of these region paths. */
  event: { type: string; entityType: string; regionPaths: string[] };
}

/**
 * Refused with the same 409 as any movement when a level would go below zero (a donation partly
 * sent out since cannot be reversed whole); `reverses_id` is unique, so a movement is cancelled
 * at most once even when two reversals race.
 */
export async function reverseRecord(deps: Deps, engine: StockEngine, call: CallContext, r: Reversal): Promise<void> {
  const {
    db: { db },
    events,
    config: { timeZone },
  } = deps;
  const originals = await originalMovements(db, r.column, r.id);
  const items = new Map(
    (
      await findItems(
        db,
        originals.map((m) => m.itemId),
      )
    ).map((i) => [i.id, i]),
  );
  const moves: NewMovement[] = originals.map((m) => ({
    storeId: m.storeId,
    itemId: m.itemId,
    delta: -Number(m.delta),
    kind: 'reversal',
    [r.column]: r.id,
    reversesId: m.id,
    note: r.reason,
  }));
  await engine.guard(
    () => moves,
    items,
    async () => {
      try {
        await transact(db, call, async (trx) => {
          if (!(await r.mark(trx))) throw r.taken();
          await engine.move(
            trx,
            moves,
            { accountId: r.accountId, onDate: calendarDate(timeZone) },
            items,
            new Map(r.stores.map((s) => [s.id, s])),
          );
          await auditWrite(trx, call, r.audit.action, r.audit.entityType, r.id, r.audit.regionPath, {
            ref: r.audit.ref,
            reason: r.reason,
          });
          for (const regionPath of new Set(r.event.regionPaths)) {
            await events.publish(trx, {
              type: r.event.type,
              permission: 'supplies.read',
              regionPath,
              entityType: r.event.entityType,
              entityId: r.id,
            });
          }
        });
      } catch (e) {
        if (isUniqueViolation(e)) throw conflict('ALREADY_REVERSED');
        throw e;
      }
    },
  );
}
