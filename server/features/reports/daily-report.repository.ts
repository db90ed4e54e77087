import { sql, type Kysely } from 'kysely';
import type { Scope } from '../../platform/access/actor.ts';
import { inRegionScope } from '../../platform/access/scope.ts';
import { startsWith } from '../../platform/db/dialect.ts';
import type { Database } from '../../platform/db/schema.ts';

type Q = Kysely<Database>;

export interface RegionRow {
  id: string;
  parentId: string | null;
  name: string;
  level: string;
  path: string;
}

export interface ReportRow {
  id: string;
  regionId: string;
  regionName: string;
  regionLevel: string;
  regionPath: string;
  day: string;
  version: number;
  generatedAt: string;
  generatedBy: string | null;
  generatedByName: string | null;
}

const REGION_COLUMNS = ['id', 'parentId', 'name', 'level', 'path'] as const;

export async function findRegion(q: Q, id: string): Promise<RegionRow | undefined> {
  return q.selectFrom('regions').select(REGION_COLUMNS).where('id', '=', id).executeTakeFirst();
}

/** Direct children of these regions, in tree order (as the region tree and the dashboard show them). */
export async function childrenOf(q: Q, parentIds: string[]): Promise<RegionRow[]> {
  const out: RegionRow[] = [];
  for (let i = 0; i < parentIds.length; i += 500) {
    out.push(
      ...(await q
        .selectFrom('regions')
        .select(REGION_COLUMNS)
        .where('parentId', 'in', parentIds.slice(i, i + 500))
        .orderBy('sortOrder')
        .orderBy('code')
        .orderBy('name')
        .execute()),
    );
  }
  return out;
}

/**
 * The regions whose staff report upward (the roots, counties and townships) that have no report
 * by the evening job for `day` yet, in tree order.
 */
export async function reportingRegionsWithoutJobReport(q: Q, day: string): Promise<RegionRow[]> {
  return q
    .selectFrom('regions as r')
    .select(['r.id', 'r.parentId', 'r.name', 'r.level', 'r.path'])
    .where((eb) => eb.or([eb('r.parentId', 'is', null), eb('r.level', 'in', ['county', 'township'])]))
    .where(({ not, exists, selectFrom }) =>
      not(
        exists(
          selectFrom('dailyReports as d')
            .select(sql<number>`1`.as('one'))
            .whereRef('d.regionId', '=', 'r.id')
            .where('d.day', '=', day)
            .where('d.generatedBy', 'is', null),
        ),
      ),
    )
    .orderBy('r.path')
    .execute();
}

function reports(q: Q) {
  return q
    .selectFrom('dailyReports as d')
    .innerJoin('regions as r', 'r.id', 'd.regionId')
    .leftJoin('accounts as a', 'a.id', 'd.generatedBy')
    .select([
      'd.id',
      'd.regionId',
      'r.name as regionName',
      'r.level as regionLevel',
      'r.path as regionPath',
      'd.day',
      'd.version',
      'd.generatedAt',
      'd.generatedBy',
      'a.name as generatedByName',
    ]);
}

const asReport = <T extends { version: number | string }>(r: T) => ({ ...r, version: Number(r.version) });

export async function findReport(q: Q, id: string): Promise<(ReportRow & { content: string }) | undefined> {
  const row = await reports(q).select('d.content').where('d.id', '=', id).executeTakeFirst();
  return row && asReport(row);
}

/** Every version of a region's report for a day, newest first. */
export async function versionsOf(q: Q, regionId: string, day: string): Promise<ReportRow[]> {
  const rows = await reports(q)
    .where('d.regionId', '=', regionId)
    .where('d.day', '=', day)
    .orderBy('d.version', 'desc')
    .execute();
  return rows.map(asReport);
}

export interface ListFilter {
  regionPath?: string;
  from?: string;
  to?: string;
  limit: number;
  offset: number;
}

/** The latest version of each region's report per day, in the scope: newest day first, then from the top of the tree. */
export async function listLatest(q: Q, scope: Scope, f: ListFilter): Promise<{ items: ReportRow[]; total: number }> {
  let base = reports(q)
    .where((eb) => inRegionScope(eb, scope, 'r.path'))
    .where(({ eb, selectFrom }) =>
      eb(
        'd.version',
        '=',
        selectFrom('dailyReports as v')
          .select((v) => v.fn.max('v.version').as('latest'))
          .whereRef('v.regionId', '=', 'd.regionId')
          .whereRef('v.day', '=', 'd.day'),
      ),
    );
  if (f.regionPath) base = base.where(() => startsWith('r.path', f.regionPath!));
  if (f.from) base = base.where('d.day', '>=', f.from);
  if (f.to) base = base.where('d.day', '<=', f.to);
  const [rows, count] = await Promise.all([
    base
      .orderBy('d.day', 'desc')
      .orderBy(sql`length(r.path)`)
      .orderBy('r.sortOrder')
      .orderBy('r.name')
      .limit(f.limit)
      .offset(f.offset)
      .execute(),
    base
      .clearSelect()
      .select((eb) => eb.fn.countAll().as('n'))
      .executeTakeFirstOrThrow(),
  ]);
  return { items: rows.map(asReport), total: Number(count.n) };
}

export interface NewReport {
  id: string;
  regionId: string;
  day: string;
  generatedAt: string;
  generatedBy: string | null;
  content: string;
}

/**
 * Stores a report as the next version of its region's day, answering that version. Null when another generation took
 * that version meanwhile, or (for the job) the region already has the job's report for the day:
 * the caller decides whether to try again.
 */
export async function insertNextVersion(q: Q, r: NewReport): Promise<number | null> {
  const last = await q
    .selectFrom('dailyReports')
    .select((eb) => eb.fn.max('version').as('v'))
    .where('regionId', '=', r.regionId)
    .where('day', '=', r.day)
    .executeTakeFirst();
  const version = Number(last?.v ?? 0) + 1;
  const result = await q
    .insertInto('dailyReports')
    .values({ ...r, version })
    .onConflict((oc) => oc.doNothing())
    .executeTakeFirst();
  return Number(result.numInsertedOrUpdatedRows ?? 0) > 0 ? version : null;
}
