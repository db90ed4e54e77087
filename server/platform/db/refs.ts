import type { Kysely } from 'kysely';
import { isUniqueViolation } from './dialect.ts';
import type { Database } from './schema.ts';

/** Tables whose records carry a day-numbered reference (unique `ref` column). */
export type RefTable = 'donations' | 'allocations' | 'transfers' | 'errandOrders' | 'errandRuns';

/** The next of the day's references, `PREFIX-20260201-0001`, numbered per day and prefix. */
export async function nextRef(q: Kysely<Database>, table: RefTable, code: string, date: string): Promise<string> {
  const prefix = `${code}-${date.replaceAll('-', '')}-`;
  const row = await q
    .selectFrom(table)
    .select((eb) => eb.fn.max('ref').as('ref'))
    .where('ref', 'like', `${prefix}%`)
    .executeTakeFirst();
  const last = row?.ref ? Number(String(row.ref).slice(prefix.length)) || 0 : 0;
  return `${prefix}${String(last + 1).padStart(4, '0')}`;
}

/** Runs a write again when a parallel one took the same day's number first (the unique index said so). */
export async function withFreshRef<T>(write: () => Promise<T>): Promise<T> {
  for (let attempt = 0; ; attempt++) {
    try {
      return await write();
    } catch (e) {
      if (attempt < 4 && isUniqueViolation(e)) continue;
      throw e;
    }
  }
}
