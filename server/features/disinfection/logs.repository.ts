import { sql, type Expression, type Kysely, type SqlBool } from 'kysely';
import type { Scope } from '../../platform/access/actor.ts';
import { toNumber } from '../../platform/db/dialect.ts';
import { inScopedRegions } from '../../platform/db/listing.ts';
import { placeLabel } from '../../platform/db/place-label.ts';
import type { Database, DisinfectionLogTable } from '../../platform/db/schema.ts';
import type { FigureRow } from '../dashboard/figure-sources.ts';

type Q = Kysely<Database>;

/** A log with what lists show of it. A home's case is named by its reference only: no name, no address. */
function logBase(q: Q) {
  return q
    .selectFrom('disinfectionLogs as l')
    .innerJoin('regions as r', 'r.id', 'l.regionId')
    .leftJoin('regions as rp', 'rp.id', 'r.parentId')
    .leftJoin('disinfectionPlaces as p', 'p.id', 'l.placeId')
    .leftJoin('isolationCases as c', 'c.id', 'l.caseId')
    .innerJoin('accounts as a', 'a.id', 'l.byAccountId')
    .leftJoin('teams as t', 't.id', 'l.teamId')
    .leftJoin('accounts as so', 'so.id', 'l.signedOffBy')
    .select([
      'l.id',
      'l.regionId',
      placeLabel('r', 'rp').as('regionName'),
      'r.path as regionPath',
      'l.placeId',
      'p.name as placeName',
      'p.kind as placeKind',
      'l.caseId',
      'c.ref as caseRef',
      'l.caseServiceId',
      'l.scheduleId',
      'l.doneAt',
      'l.doneOn',
      'l.byAccountId',
      'a.name as byName',
      'l.teamId',
      't.name as teamName',
      'l.people',
      'l.areaM2',
      'l.agent',
      'l.concentration',
      'l.method',
      'l.contactMinutes',
      'l.note',
      'l.signedOffBy',
      'so.name as signedOffByName',
      'l.signedOffAt',
      'l.signOffNote',
      'l.createdAt',
    ]);
}

type RawLog = Awaited<ReturnType<ReturnType<typeof logBase>['executeTakeFirstOrThrow']>>;
export type LogRow = Omit<RawLog, 'areaM2' | 'people'> & { areaM2: number; people: number };

const toLog = (r: RawLog): LogRow => ({ ...r, areaM2: Number(r.areaM2), people: Number(r.people) });

const newestFirst = <T extends ReturnType<typeof logBase>>(query: T) =>
  query.orderBy('l.doneAt', 'desc').orderBy('l.id', 'desc') as T;

export async function findLog(q: Q, id: string): Promise<LogRow | undefined> {
  const row = await logBase(q).where('l.id', '=', id).executeTakeFirst();
  return row && toLog(row);
}

export interface LogFilter {
  regionPath?: string;
  placeId?: string;
  from?: string;
  to?: string;
  signed?: boolean;
  site?: 'place' | 'home';
  limit: number;
  offset: number;
}

function logConditions(q: Q, scope: Scope, f: LogFilter): Expression<SqlBool>[] {
  const where: Expression<SqlBool>[] = [];
  const regions = inScopedRegions(q, 'l.regionId', scope, f.regionPath);
  if (regions) where.push(regions);
  const col = (c: string) => sql.ref(`l.${c}`);
  if (f.placeId) where.push(sql<SqlBool>`${col('placeId')} = ${f.placeId}`);
  if (f.from) where.push(sql<SqlBool>`${col('doneOn')} >= ${f.from}`);
  if (f.to) where.push(sql<SqlBool>`${col('doneOn')} <= ${f.to}`);
  if (f.signed !== undefined) where.push(sql<SqlBool>`${col('signedOffAt')} ${f.signed ? sql`IS NOT NULL` : sql`IS NULL`}`);
  if (f.site) where.push(sql<SqlBool>`${col(f.site === 'place' ? 'placeId' : 'caseId')} IS NOT NULL`);
  return where;
}

export async function listLogs(q: Q, scope: Scope, f: LogFilter): Promise<{ items: LogRow[]; total: number }> {
  const where = logConditions(q, scope, f);
  const rows = await newestFirst(logBase(q).where((eb) => eb.and(where)))
    .limit(f.limit)
    .offset(f.offset)
    .execute();
  const total = await q
    .selectFrom('disinfectionLogs as l')
    .select((eb) => eb.fn.countAll().as('n'))
    .where((eb) => eb.and(where))
    .executeTakeFirstOrThrow();
  return { items: rows.map(toLog), total: toNumber(total.n as number | string) };
}

/** The caller's own entries, newest first. */
export async function logsBy(q: Q, accountId: string, limit: number): Promise<LogRow[]> {
  return (
    await newestFirst(logBase(q).where('l.byAccountId', '=', accountId))
      .limit(limit)
      .execute()
  ).map(toLog);
}

/** An isolated household's disinfection visits, newest first. */
export async function logsOfCase(q: Q, caseId: string, limit: number): Promise<LogRow[]> {
  return (
    await newestFirst(logBase(q).where('l.caseId', '=', caseId))
      .limit(limit)
      .execute()
  ).map(toLog);
}

/** The last visit day of each case service (home disinfection), for the services lists. */
export async function lastDoneByCaseService(q: Q, serviceIds: readonly string[]): Promise<Map<string, string>> {
  const out = new Map<string, string>();
  for (let i = 0; i < serviceIds.length; i += 500) {
    const rows = await q
      .selectFrom('disinfectionLogs')
      .select((eb) => ['caseServiceId', eb.fn.max('doneOn').as('d')])
      .where('caseServiceId', 'in', serviceIds.slice(i, i + 500))
      .groupBy('caseServiceId')
      .execute();
    for (const r of rows) if (r.caseServiceId && r.d) out.set(r.caseServiceId, r.d as string);
  }
  return out;
}

export async function insertLog(q: Q, row: DisinfectionLogTable): Promise<void> {
  await q.insertInto('disinfectionLogs').values(row).execute();
}

/** Signs a log off unless someone already has; false when it was signed (a race lost). */
export async function signOff(q: Q, id: string, by: string, at: string, note: string | null): Promise<boolean> {
  const res = await q
    .updateTable('disinfectionLogs')
    .set({ signedOffBy: by, signedOffAt: at, signOffNote: note })
    .where('id', '=', id)
    .where('signedOffAt', 'is', null)
    .executeTakeFirst();
  return Number(res.numUpdatedRows) === 1;
}

// ---------------------------------------------------------------- totals

export interface RegionRef {
  id: string;
  name: string;
  level: string;
  path: string;
}

export async function findRegion(q: Q, id: string): Promise<RegionRef | undefined> {
  return q.selectFrom('regions').select(['id', 'name', 'level', 'path']).where('id', '=', id).executeTakeFirst();
}

/** The region's children (the top regions for null), in their order. */
export async function childRegions(q: Q, parentId: string | null): Promise<RegionRef[]> {
  return q
    .selectFrom('regions')
    .select(['id', 'name', 'level', 'path'])
    .where('parentId', parentId === null ? 'is' : '=', parentId)
    .orderBy('sortOrder')
    .orderBy('code')
    .orderBy('name')
    .execute();
}

export interface TotalsRow {
  /** The child region the logs lie under; null for logs on the region itself. */
  childId: string | null;
  homes: boolean;
  operations: number;
  areaM2: number;
  people: number;
}

/**
 * Operations, m² and people under a region, per child region and split homes / places, in one
 * grouped statement: first summed per log region over the period (the regions under it as an
 * `IN`, so the (region_id, done_on) index is walked region by region), then each log region placed
 * under the child whose path is a prefix of its own.
 */
export async function totalsUnder(
  q: Q,
  region: { id: string; path: string },
  period: { from: string; to: string } | null,
): Promise<TotalsRow[]> {
  let perRegion = q
    .selectFrom('disinfectionLogs as l')
    .select((eb) => [
      'l.regionId',
      sql<number>`CASE WHEN ${sql.ref('l.caseId')} IS NULL THEN 0 ELSE 1 END`.as('home'),
      eb.fn.countAll().as('ops'),
      eb.fn.sum<number | string>('l.areaM2').as('area'),
      eb.fn.sum<number | string>('l.people').as('people'),
    ]);
  const under = inScopedRegions(q, 'l.regionId', { all: true }, region.path);
  if (under) perRegion = perRegion.where(under);
  if (period) perRegion = perRegion.where('l.doneOn', '>=', period.from).where('l.doneOn', '<=', period.to);
  const rows = await q
    .selectFrom(perRegion.groupBy(['l.regionId', sql`CASE WHEN ${sql.ref('l.caseId')} IS NULL THEN 0 ELSE 1 END`]).as('t'))
    .innerJoin('regions as r', 'r.id', 't.regionId')
    .leftJoin('regions as child', (j) =>
      j
        .on('child.parentId', '=', region.id)
        .on(sql<SqlBool>`substr(${sql.ref('r.path')}, 1, length(${sql.ref('child.path')})) = ${sql.ref('child.path')}`),
    )
    .select((eb) => [
      'child.id as childId',
      't.home',
      eb.fn.sum<number | string>('t.ops').as('operations'),
      eb.fn.sum<number | string>('t.area').as('areaM2'),
      eb.fn.sum<number | string>('t.people').as('people'),
    ])
    .groupBy(['child.id', 't.home'])
    .execute();
  return rows.map((r) => ({
    childId: r.childId,
    homes: Number(r.home) === 1,
    operations: toNumber(r.operations),
    areaM2: Number(r.areaM2 ?? 0),
    people: toNumber(r.people),
  }));
}

/**
 * Operations, m² and people per log region on a day, homes and places alike, read from the
 * covering (region_id, done_on, …) index: the dashboard's figures. A log counts on the day it was
 * done, so one entered later still lands on its day.
 */
export async function dayFigures(q: Q, day: string): Promise<FigureRow[]> {
  const rows = await q
    .selectFrom('disinfectionLogs')
    .select((eb) => [
      'regionId',
      eb.fn.countAll<number | string>().as('ops'),
      eb.fn.sum<number | string>('areaM2').as('area'),
      eb.fn.sum<number | string>('people').as('people'),
    ])
    .where('doneOn', '=', day)
    .groupBy('regionId')
    .execute();
  return rows.map((r) => ({
    regionId: r.regionId,
    values: {
      disinfectionOps: toNumber(r.ops),
      disinfectionAreaM2: Math.round(Number(r.area ?? 0) * 100) / 100,
      disinfectionPeople: toNumber(r.people),
    },
  }));
}
