import type { Kysely } from 'kysely';
import type { Scope } from '../../platform/access/actor.ts';
import { inRegionScope } from '../../platform/access/scope.ts';
import { startsWith, toNumber } from '../../platform/db/dialect.ts';
import type { Database, PublicityLogTable } from '../../platform/db/schema.ts';
import type { FigureRow } from '../dashboard/figure-sources.ts';
import type { PathSum } from './publicity.rules.ts';

type Q = Kysely<Database>;

function base(q: Q) {
  return q
    .selectFrom('publicityLogs as l')
    .innerJoin('regions as r', 'r.id', 'l.regionId')
    .innerJoin('accounts as a', 'a.id', 'l.byAccountId')
    .leftJoin('checkpoints as c', 'c.id', 'l.checkpointId')
    .leftJoin('teams as t', 't.id', 'l.teamId')
    .select([
      'l.id',
      'l.material',
      'l.title',
      'l.quantity',
      'l.regionId',
      'r.name as regionName',
      'r.path as regionPath',
      'l.checkpointId',
      'c.name as checkpointName',
      'l.place',
      'l.doneAt',
      'l.doneOn',
      'l.byAccountId',
      'a.name as byName',
      'l.teamId',
      't.name as teamName',
      'l.note',
      'l.createdAt',
    ]);
}

export type LogRow = Awaited<ReturnType<ReturnType<typeof base>['executeTakeFirstOrThrow']>>;

export async function findLog(q: Q, id: string): Promise<LogRow | undefined> {
  return base(q).where('l.id', '=', id).executeTakeFirst();
}

export interface LogFilter {
  regionPath?: string;
  checkpointId?: string;
  material?: string;
  from?: string;
  to?: string;
  byAccountId?: string;
  limit: number;
  offset: number;
}

export async function listLogs(q: Q, scope: Scope, f: LogFilter): Promise<{ items: LogRow[]; total: number }> {
  let query = base(q).where((eb) => inRegionScope(eb, scope, 'r.path'));
  if (f.regionPath) query = query.where(startsWith('r.path', f.regionPath));
  if (f.checkpointId) query = query.where('l.checkpointId', '=', f.checkpointId);
  if (f.material) query = query.where('l.material', '=', f.material);
  if (f.from) query = query.where('l.doneOn', '>=', f.from);
  if (f.to) query = query.where('l.doneOn', '<=', f.to);
  if (f.byAccountId) query = query.where('l.byAccountId', '=', f.byAccountId);
  const [items, count] = await Promise.all([
    query.orderBy('l.doneAt', 'desc').orderBy('l.id', 'desc').limit(f.limit).offset(f.offset).execute(),
    query
      .clearSelect()
      .select((eb) => eb.fn.countAll().as('n'))
      .executeTakeFirstOrThrow(),
  ]);
  return { items, total: toNumber(count.n as number | string) };
}

export async function insertLog(q: Q, row: PublicityLogTable): Promise<void> {
  await q.insertInto('publicityLogs').values(row).execute();
}

export async function deleteLog(q: Q, id: string): Promise<boolean> {
  const result = await q.deleteFrom('publicityLogs').where('id', '=', id).executeTakeFirst();
  return Number(result.numDeletedRows) > 0;
}

/** Entries and quantities per region path and material, in scope, under a region, within dates. */
export async function sumsByPath(
  q: Q,
  scope: Scope,
  f: { regionPaths: readonly string[]; from?: string; to?: string },
): Promise<PathSum[]> {
  if (f.regionPaths.length === 0) return [];
  let query = q
    .selectFrom('publicityLogs as l')
    .innerJoin('regions as r', 'r.id', 'l.regionId')
    .select((eb) => [
      'r.path as regionPath',
      'l.material',
      eb.fn.countAll().as('entries'),
      eb.fn.sum<number | string>('l.quantity').as('quantity'),
    ])
    .where((eb) => inRegionScope(eb, scope, 'r.path'))
    .where((eb) => eb.or(f.regionPaths.map((p) => startsWith('r.path', p))));
  if (f.from) query = query.where('l.doneOn', '>=', f.from);
  if (f.to) query = query.where('l.doneOn', '<=', f.to);
  const rows = await query.groupBy(['r.path', 'l.material']).execute();
  return rows.map((r) => ({
    regionPath: r.regionPath,
    material: r.material,
    entries: toNumber(r.entries as number | string),
    quantity: toNumber(r.quantity),
  }));
}

export interface RegionFacts {
  id: string;
  name: string;
  level: string;
  path: string;
  hasChildren: boolean;
}

function regionFacts(q: Q) {
  return q
    .selectFrom('regions as r')
    .select((eb) => [
      'r.id',
      'r.name',
      'r.level',
      'r.path',
      eb.exists(eb.selectFrom('regions as k').select('k.id').whereRef('k.parentId', '=', 'r.id')).as('hasChildren'),
    ]);
}

const toFacts = (r: { id: string; name: string; level: string; path: string; hasChildren: unknown }): RegionFacts => ({
  id: r.id,
  name: r.name,
  level: r.level,
  path: r.path,
  hasChildren: r.hasChildren === true || Number(r.hasChildren) === 1,
});

/** The regions one level below, in the tree's order. */
export async function childrenOf(q: Q, parentId: string): Promise<RegionFacts[]> {
  const rows = await regionFacts(q)
    .where('r.parentId', '=', parentId)
    .orderBy('r.sortOrder')
    .orderBy('r.code')
    .orderBy('r.name')
    .execute();
  return rows.map(toFacts);
}

export async function regionsByPaths(q: Q, paths: readonly string[]): Promise<RegionFacts[]> {
  if (paths.length === 0) return [];
  return (
    await regionFacts(q)
      .where('r.path', 'in', [...paths])
      .orderBy('r.path')
      .execute()
  ).map(toFacts);
}

export async function rootRegions(q: Q): Promise<RegionFacts[]> {
  return (await regionFacts(q).where('r.parentId', 'is', null).orderBy('r.sortOrder').orderBy('r.code').execute()).map(toFacts);
}

/** The teams a signed-in volunteer belongs to or leads (through their volunteer record). */
export async function teamsOfAccount(q: Q, accountId: string): Promise<{ id: string; name: string }[]> {
  return q
    .selectFrom('teams as t')
    .innerJoin('volunteers as v', (j) => j.on('v.accountId', '=', accountId))
    .select(['t.id', 't.name'])
    .where((eb) =>
      eb.or([
        eb('t.leaderVolunteerId', '=', eb.ref('v.id')),
        eb.exists(
          eb
            .selectFrom('teamMembers as m')
            .select('m.teamId')
            .whereRef('m.teamId', '=', 't.id')
            .whereRef('m.volunteerId', '=', 'v.id'),
        ),
      ]),
    )
    .orderBy('t.name')
    .limit(50)
    .execute();
}

export async function findTeam(q: Q, id: string): Promise<{ id: string; name: string; regionPath: string } | undefined> {
  return q
    .selectFrom('teams as t')
    .innerJoin('regions as r', 'r.id', 't.regionId')
    .select(['t.id', 't.name', 'r.path as regionPath'])
    .where('t.id', '=', id)
    .executeTakeFirst();
}

/** Publicity entries per log region done on a day, from the (region_id, done_on) index: the dashboard's figure. */
export async function dayFigures(q: Q, day: string): Promise<FigureRow[]> {
  const rows = await q
    .selectFrom('publicityLogs')
    .select((eb) => ['regionId', eb.fn.countAll<number | string>().as('n')])
    .where('doneOn', '=', day)
    .groupBy('regionId')
    .execute();
  return rows.map((r) => ({ regionId: r.regionId, values: { publicityActivities: toNumber(r.n) } }));
}
