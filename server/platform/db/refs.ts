import type { Kysely } from 'kysely';
import type { Database } from './schema.ts';

/**
 * The next of the day's references, `CODE-20260201-0001`, numbered per code and day by a counter
 * row (`day_refs`). The upsert takes the row's lock until the transaction ends, so parallel writers
 * on PostgreSQL queue for the number instead of reading the same maximum and colliding; call it
 * inside the write's transaction, before anything the number must be in step with.
 */
export async function nextRef(q: Kysely<Database>, code: string, date: string): Promise<string> {
  const prefix = `${code}-${date.replaceAll('-', '')}-`;
  const { last } = await q
    .insertInto('dayRefs')
    .values({ prefix, last: 1 })
    .onConflict((oc) => oc.column('prefix').doUpdateSet((eb) => ({ last: eb('dayRefs.last', '+', 1) })))
    .returning('last')
    .executeTakeFirstOrThrow();
  return `${prefix}${String(last).padStart(4, '0')}`;
}

/**
 * Numbers the records of a bulk load (the demo) in the order it makes them, as `nextRef` would;
 * `save` then moves the day counters past them, so the next real record gets the next number.
 */
export function refNumbering() {
  const last = new Map<string, number>();
  return {
    next(code: string, date: string): string {
      const prefix = `${code}-${date.replaceAll('-', '')}-`;
      const n = (last.get(prefix) ?? 0) + 1;
      last.set(prefix, n);
      return `${prefix}${String(n).padStart(4, '0')}`;
    },
    async save(q: Kysely<Database>): Promise<void> {
      for (const [prefix, n] of last) {
        await q
          .insertInto('dayRefs')
          .values({ prefix, last: n })
          .onConflict((oc) =>
            oc.column('prefix').doUpdateSet((eb) => ({
              last: eb.case().when('dayRefs.last', '<', n).then(n).else(eb.ref('dayRefs.last')).end(),
            })),
          )
          .execute();
      }
    },
  };
}
