import { sql, type Kysely } from 'kysely';
import { nowIso } from '../db/ids.ts';
import type { Database } from '../db/schema.ts';

/**
 * Fixed-window counters kept in the database, so every instance sees the same counts.
 * A window that has passed restarts at 1; nothing locks anyone out for longer than a window.
 */
export async function countHit(q: Kysely<Database>, key: string, windowSeconds: number, now = new Date()): Promise<number> {
  const nowText = nowIso(now);
  const cutoff = nowIso(new Date(now.getTime() - windowSeconds * 1000));
  const row = await q
    .insertInto('rateLimits')
    .values({ key, windowStart: nowText, count: 1 })
    .onConflict((oc) =>
      oc.column('key').doUpdateSet({
        count: sql<number>`CASE WHEN rate_limits.window_start < ${cutoff} THEN 1 ELSE rate_limits.count + 1 END`,
        windowStart: sql<string>`CASE WHEN rate_limits.window_start < ${cutoff} THEN ${nowText} ELSE rate_limits.window_start END`,
      }),
    )
    .returning(['count'])
    .executeTakeFirstOrThrow();
  return Number(row.count);
}

/** Current count in the window, and seconds until it resets (0 when there is none). */
export async function peekHits(
  q: Kysely<Database>,
  key: string,
  windowSeconds: number,
  now = new Date(),
): Promise<{ count: number; retryAfter: number }> {
  const row = await q.selectFrom('rateLimits').select(['count', 'windowStart']).where('key', '=', key).executeTakeFirst();
  if (!row) return { count: 0, retryAfter: 0 };
  const ends = new Date(row.windowStart).getTime() + windowSeconds * 1000;
  if (ends <= now.getTime()) return { count: 0, retryAfter: 0 };
  return { count: Number(row.count), retryAfter: Math.ceil((ends - now.getTime()) / 1000) };
}

export async function clearHits(q: Kysely<Database>, key: string): Promise<void> {
  await q.deleteFrom('rateLimits').where('key', '=', key).execute();
}
