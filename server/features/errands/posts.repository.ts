import type { Kysely } from 'kysely';
import type { RegionLevel } from '../../../common/enums.ts';
import type { Scope } from '../../platform/access/actor.ts';
import { inRegionScope } from '../../platform/access/scope.ts';
import { startsWith, toBool, toNumber } from '../../platform/db/dialect.ts';
import type { Database, ErrandPostTable } from '../../platform/db/schema.ts';

type Q = Kysely<Database>;

function base(q: Q) {
  return q
    .selectFrom('errandPosts as p')
    .innerJoin('regions as r', 'r.id', 'p.regionId')
    .innerJoin('teams as t', 't.id', 'p.teamId')
    .leftJoin('volunteers as l', 'l.id', 't.leaderVolunteerId')
    .select([
      'p.id',
      'p.regionId',
      'r.name as regionName',
      'r.level as regionLevel',
      'r.path as regionPath',
      'p.teamId',
      't.name as teamName',
      't.leaderVolunteerId',
      'l.name as leaderName',
      'p.name',
      'p.address',
      'p.phone',
      'p.responseMinutes',
      'p.active',
      'p.updatedAt',
    ]);
}

/** A post with its grid (or community), its team and the team's leader (the post leader). */
export interface PostRow {
  id: string;
  region: { id: string; name: string; level: RegionLevel };
  regionPath: string;
  team: { id: string; name: string };
  leader: { id: string; name: string } | null;
  name: string;
  address: string | null;
  phone: string | null;
  responseMinutes: number | null;
  active: boolean;
  updatedAt: string;
}

function toRow(r: Awaited<ReturnType<ReturnType<typeof base>['executeTakeFirstOrThrow']>>): PostRow {
  return {
    id: r.id,
    region: { id: r.regionId, name: r.regionName, level: r.regionLevel as RegionLevel },
    regionPath: r.regionPath,
    team: { id: r.teamId, name: r.teamName },
    leader: r.leaderVolunteerId ? { id: r.leaderVolunteerId, name: r.leaderName ?? '' } : null,
    name: r.name,
    address: r.address,
    phone: r.phone,
    responseMinutes: r.responseMinutes === null ? null : toNumber(r.responseMinutes),
    active: toBool(r.active),
    updatedAt: r.updatedAt,
  };
}

export async function findPost(q: Q, id: string): Promise<PostRow | undefined> {
  const row = await base(q).where('p.id', '=', id).executeTakeFirst();
  return row && toRow(row);
}

export async function listPosts(
  q: Q,
  scope: Scope,
  f: { regionPath?: string; active?: boolean; limit: number; offset: number },
): Promise<{ items: PostRow[]; total: number }> {
  let query = base(q).where((eb) => inRegionScope(eb, scope, 'r.path'));
  if (f.regionPath) query = query.where(startsWith('r.path', f.regionPath));
  if (f.active !== undefined) query = query.where('p.active', '=', f.active ? 1 : 0);
  const count = await query
    .clearSelect()
    .select((eb) => eb.fn.countAll<number | string>().as('n'))
    .executeTakeFirstOrThrow();
  const rows = await query.orderBy('r.path').orderBy('p.name').limit(f.limit).offset(f.offset).execute();
  return { items: rows.map(toRow), total: toNumber(count.n) };
}

/**
 * The post an order of this region goes to: an active post of the region itself (a grid), else
 * of the region above it (the community). Among several, the oldest.
 */
export async function postServing(q: Q, regionPath: string): Promise<PostRow | undefined> {
  const ids = regionPath.split('/').filter(Boolean).slice(-2).reverse();
  for (const regionId of ids) {
    const row = await base(q)
      .where('p.regionId', '=', regionId)
      .where('p.active', '=', 1)
      .orderBy('p.createdAt')
      .orderBy('p.id')
      .executeTakeFirst();
    if (row) return toRow(row);
  }
  return undefined;
}

export async function insertPost(q: Q, row: ErrandPostTable): Promise<void> {
  await q.insertInto('errandPosts').values(row).execute();
}

export async function updatePost(q: Q, id: string, set: Partial<ErrandPostTable>): Promise<void> {
  await q.updateTable('errandPosts').set(set).where('id', '=', id).execute();
}

/** The region path and leader of a team, for checking a post's team. */
export async function teamFacts(q: Q, teamId: string): Promise<{ regionPath: string } | undefined> {
  return q
    .selectFrom('teams as t')
    .innerJoin('regions as r', 'r.id', 't.regionId')
    .select('r.path as regionPath')
    .where('t.id', '=', teamId)
    .executeTakeFirst();
}
