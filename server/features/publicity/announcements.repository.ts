import type { Kysely } from 'kysely';
import type { Scope } from '../../platform/access/actor.ts';
import { inRegionScope } from '../../platform/access/scope.ts';
import { startsWith, toNumber } from '../../platform/db/dialect.ts';
import type { AnnouncementTable, Database } from '../../platform/db/schema.ts';
import type { AnnouncementStatus } from './announcements.schemas.ts';

type Q = Kysely<Database>;

function base(q: Q) {
  return q
    .selectFrom('announcements as n')
    .innerJoin('regions as r', 'r.id', 'n.regionId')
    .leftJoin('accounts as c', 'c.id', 'n.createdBy')
    .leftJoin('accounts as w', 'w.id', 'n.withdrawnBy')
    .select([
      'n.id',
      'n.regionId',
      'r.name as regionName',
      'r.level as regionLevel',
      'r.path as regionPath',
      'n.title',
      'n.body',
      'n.publishAt',
      'n.expiresAt',
      'n.withdrawnAt',
      'w.name as withdrawnByName',
      'c.name as createdByName',
      'n.createdAt',
    ]);
}

export type AnnouncementRow = Awaited<ReturnType<ReturnType<typeof base>['executeTakeFirstOrThrow']>>;

export async function findAnnouncement(q: Q, id: string): Promise<AnnouncementRow | undefined> {
  return base(q).where('n.id', '=', id).executeTakeFirst();
}

type Base = ReturnType<typeof base>;

/** The state as of `now`, in SQL, the same as `announcementStatus`. */
function inStatus(query: Base, status: AnnouncementStatus, now: string): Base {
  switch (status) {
    case 'withdrawn':
      return query.where('n.withdrawnAt', 'is not', null);
    case 'scheduled':
      return query.where('n.withdrawnAt', 'is', null).where('n.publishAt', '>', now);
    case 'expired':
      return query.where('n.withdrawnAt', 'is', null).where('n.publishAt', '<=', now).where('n.expiresAt', '<=', now);
    case 'current':
      return query.where('n.withdrawnAt', 'is', null).where('n.publishAt', '<=', now).where('n.expiresAt', '>', now);
  }
}

export async function listAnnouncements(
  q: Q,
  scope: Scope,
  f: { regionPath?: string; status?: AnnouncementStatus; now: string; limit: number; offset: number },
): Promise<{ items: AnnouncementRow[]; total: number }> {
  let query = base(q).where((eb) => inRegionScope(eb, scope, 'r.path'));
  if (f.regionPath) query = query.where(startsWith('r.path', f.regionPath));
  if (f.status) query = inStatus(query, f.status, f.now);
  const [items, count] = await Promise.all([
    query.orderBy('n.publishAt', 'desc').orderBy('n.id', 'desc').limit(f.limit).offset(f.offset).execute(),
    query
      .clearSelect()
      .select((eb) => eb.fn.countAll().as('n'))
      .executeTakeFirstOrThrow(),
  ]);
  return { items, total: toNumber(count.n as number | string) };
}

/** Current announcements addressed to any of these regions (a resident's region and those above it), newest first. */
export async function currentFor(q: Q, regionIds: readonly string[], now: string, limit: number): Promise<AnnouncementRow[]> {
  if (regionIds.length === 0) return [];
  return inStatus(base(q).where('n.regionId', 'in', [...regionIds]), 'current', now)
    .orderBy('n.publishAt', 'desc')
    .orderBy('n.id', 'desc')
    .limit(limit)
    .execute();
}

export async function insertAnnouncement(q: Q, row: AnnouncementTable): Promise<void> {
  await q.insertInto('announcements').values(row).execute();
}

/** Withdraws it unless someone already did; whether this call did. */
export async function withdraw(q: Q, id: string, by: string, now: string): Promise<boolean> {
  const result = await q
    .updateTable('announcements')
    .set({ withdrawnAt: now, withdrawnBy: by, updatedAt: now })
    .where('id', '=', id)
    .where('withdrawnAt', 'is', null)
    .executeTakeFirst();
  return Number(result.numUpdatedRows) > 0;
}
