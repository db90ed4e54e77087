import type { Kysely } from 'kysely';
import { toNumber } from '../db/dialect.ts';
import type { Database } from '../db/schema.ts';

type Q = Kysely<Database>;

export interface NotificationRow {
  id: string;
  kind: string;
  /** JSON text of the message params. */
  params: string;
  link: string | null;
  createdAt: string;
  readAt: string | null;
}

/** An account's notifications, newest first. */
export async function listNotifications(
  q: Q,
  accountId: string,
  filter: { unread: boolean; limit: number; offset: number },
): Promise<{ items: NotificationRow[]; total: number }> {
  let query = q.selectFrom('notifications').where('accountId', '=', accountId);
  if (filter.unread) query = query.where('readAt', 'is', null);
  const count = await query.select((eb) => eb.fn.countAll<number | string>().as('n')).executeTakeFirstOrThrow();
  const items = await query
    .select(['id', 'kind', 'params', 'link', 'createdAt', 'readAt'])
    .orderBy('createdAt', 'desc')
    .orderBy('id', 'desc')
    .limit(filter.limit)
    .offset(filter.offset)
    .execute();
  return { items, total: toNumber(count.n) };
}

export async function unreadCount(q: Q, accountId: string): Promise<number> {
  const row = await q
    .selectFrom('notifications')
    .select((eb) => eb.fn.countAll<number | string>().as('n'))
    .where('accountId', '=', accountId)
    .where('readAt', 'is', null)
    .executeTakeFirstOrThrow();
  return toNumber(row.n);
}

/** Marks the account's own unread notifications read: these ids, or all. Others' ids match nothing. */
export async function markRead(q: Q, accountId: string, which: readonly string[] | 'all', at: string): Promise<number> {
  if (which !== 'all' && which.length === 0) return 0;
  let query = q.updateTable('notifications').set({ readAt: at }).where('accountId', '=', accountId).where('readAt', 'is', null);
  if (which !== 'all') query = query.where('id', 'in', [...which]);
  const r = await query.executeTakeFirst();
  return Number(r.numUpdatedRows);
}
