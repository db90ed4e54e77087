import { sql, type Kysely, type RawBuilder } from 'kysely';
import type { CampaignStatus, ScreeningOutcome } from '../../../common/enums.ts';
import type { Scope } from '../../platform/access/actor.ts';
import { inRegionScope } from '../../platform/access/scope.ts';
import { containsInsensitive, startsWith, toNumber, type DialectName } from '../../platform/db/dialect.ts';
import { placeLabel } from '../../platform/db/place-label.ts';
import type {
  Database,
  ScreeningAssignmentTable,
  ScreeningCampaignTable,
  ScreeningVisitTable,
} from '../../platform/db/schema.ts';
import type { FigureRow } from '../dashboard/figure-sources.ts';
import { doorPlateSpellings, parseDoorPlate } from './door-plate.ts';
import type { Assignment, Campaign, FieldHousehold, HouseholdState, StateCounts } from './screening.schemas.ts';

type Q = Kysely<Database>;

export interface CampaignRow extends Campaign {
  regionPath: string;
  regionLevel: string;
}

function campaigns(q: Q) {
  return q
    .selectFrom('screeningCampaigns as c')
    .innerJoin('regions', 'regions.id', 'c.regionId')
    .select([
      'c.id',
      'c.name',
      'c.regionId',
      'regions.name as regionName',
      'regions.path as regionPath',
      'regions.level as regionLevel',
      'c.startsOn',
      'c.endsOn',
      'c.status',
      'c.note',
      'c.createdAt',
      'c.updatedAt',
    ]);
}

type RawCampaign = Awaited<ReturnType<ReturnType<typeof campaigns>['executeTakeFirstOrThrow']>>;
const toCampaign = (r: RawCampaign): CampaignRow => ({ ...r, status: r.status as CampaignStatus });

export async function findCampaign(q: Q, id: string): Promise<CampaignRow | undefined> {
  const row = await campaigns(q).where('c.id', '=', id).executeTakeFirst();
  return row && toCampaign(row);
}

export async function listCampaigns(
  q: Q,
  scope: Scope,
  f: { regionPath?: string; status?: CampaignStatus; limit: number; offset: number },
): Promise<{ items: CampaignRow[]; total: number }> {
  let query = campaigns(q).where((eb) => inRegionScope(eb, scope, 'regions.path'));
  if (f.regionPath) query = query.where(startsWith('regions.path', f.regionPath));
  if (f.status) query = query.where('c.status', '=', f.status);
  const total = await query
    .clearSelect()
    .select((eb) => eb.fn.countAll().as('n'))
    .executeTakeFirstOrThrow();
  const rows = await query
    .orderBy('c.status')
    .orderBy('c.startsOn', 'desc')
    .orderBy('c.id', 'desc')
    .limit(f.limit)
    .offset(f.offset)
    .execute();
  return { items: rows.map(toCampaign), total: toNumber(total.n as number | string) };
}

/** Active campaigns whose region lies on the way to (or under) one of `paths`: where a caller may work. */
export async function activeCampaigns(q: Q, ids: readonly string[] | null, scope: Scope | null): Promise<CampaignRow[]> {
  let query = campaigns(q).where('c.status', '=', 'active');
  if (ids) {
    if (ids.length === 0) return [];
    query = query.where('c.id', 'in', ids);
  }
  if (scope) query = query.where((eb) => inRegionScope(eb, scope, 'regions.path'));
  return (await query.orderBy('c.startsOn', 'desc').orderBy('c.id').execute()).map(toCampaign);
}

export async function insertCampaign(q: Q, row: ScreeningCampaignTable): Promise<void> {
  await q.insertInto('screeningCampaigns').values(row).execute();
}

export async function updateCampaign(
  q: Q,
  id: string,
  values: Partial<Pick<ScreeningCampaignTable, 'name' | 'startsOn' | 'endsOn' | 'note' | 'status' | 'updatedAt'>>,
): Promise<void> {
  await q.updateTable('screeningCampaigns').set(values).where('id', '=', id).execute();
}

export interface RegionNode {
  id: string;
  parentId: string | null;
  name: string;
  level: string;
  path: string;
}

/** The region and every region under it, parents first. */
export async function regionsUnder(q: Q, path: string): Promise<RegionNode[]> {
  return q
    .selectFrom('regions')
    .select(['id', 'parentId', 'name', 'level', 'path'])
    .where(startsWith('path', path))
    .orderBy('path')
    .execute();
}

export interface RegionRef {
  id: string;
  path: string;
  level: string;
  name: string;
}

export async function findRegion(q: Q, id: string): Promise<RegionRef | undefined> {
  return q.selectFrom('regions').select(['id', 'path', 'level', 'name']).where('id', '=', id).executeTakeFirst();
}

/** The grids under a region with their community's name in front ("东高社区 第一网格"), and who visits them. */
export async function gridsWithAssignments(q: Q, campaignId: string, path: string): Promise<Assignment[]> {
  const rows = await q
    .selectFrom('regions')
    .leftJoin('regions as parentRegion', 'parentRegion.id', 'regions.parentId')
    .leftJoin('screeningAssignments as a', (j) => j.onRef('a.regionId', '=', 'regions.id').on('a.campaignId', '=', campaignId))
    .leftJoin('volunteers', 'volunteers.id', 'a.volunteerId')
    .leftJoin('teams', 'teams.id', 'a.teamId')
    .select([
      'regions.id as regionId',
      placeLabel('regions', 'parentRegion').as('regionName'),
      'volunteers.id as volunteerId',
      'volunteers.name as volunteerName',
      'teams.id as teamId',
      'teams.name as teamName',
    ])
    .where('regions.level', '=', 'grid')
    .where(startsWith('regions.path', path))
    .orderBy('regions.path')
    .execute();
  return rows.map((r) => ({
    regionId: r.regionId,
    regionName: r.regionName,
    volunteer: r.volunteerId ? { id: r.volunteerId, name: r.volunteerName ?? '' } : null,
    team: r.teamId ? { id: r.teamId, name: r.teamName ?? '' } : null,
  }));
}

export async function replaceAssignments(q: Q, campaignId: string, rows: ScreeningAssignmentTable[]): Promise<void> {
  await q.deleteFrom('screeningAssignments').where('campaignId', '=', campaignId).execute();
  if (rows.length) await q.insertInto('screeningAssignments').values(rows).execute();
}

/** Grids of active campaigns given to the volunteer or to one of their teams. */
export async function assignedGrids(
  q: Q,
  who: { volunteerId: string | null; teamIds: readonly string[] },
): Promise<{ campaignId: string; regionId: string }[]> {
  if (!who.volunteerId && who.teamIds.length === 0) return [];
  return q
    .selectFrom('screeningAssignments as a')
    .innerJoin('screeningCampaigns as c', 'c.id', 'a.campaignId')
    .select(['a.campaignId', 'a.regionId'])
    .where('c.status', '=', 'active')
    .where((eb) =>
      eb.or([
        ...(who.volunteerId ? [eb('a.volunteerId', '=', who.volunteerId)] : []),
        ...(who.teamIds.length ? [eb('a.teamId', 'in', who.teamIds)] : []),
      ]),
    )
    .execute();
}

/** Grids named as the phone lists them, with their community. */
export async function gridNames(
  q: Q,
  ids: readonly string[],
): Promise<{ id: string; name: string; communityName: string; path: string }[]> {
  if (ids.length === 0) return [];
  const rows = await q
    .selectFrom('regions')
    .leftJoin('regions as parentRegion', 'parentRegion.id', 'regions.parentId')
    .select(['regions.id', 'regions.name', 'regions.path', 'parentRegion.name as communityName'])
    .where('regions.id', 'in', ids)
    .orderBy('regions.path')
    .execute();
  return rows.map((r) => ({ ...r, communityName: r.communityName ?? '' }));
}

/** The region and every region under it, parents first, with its households from `household_tallies`. */
export async function regionsWithHouseholds(q: Q, path: string): Promise<(RegionNode & { households: number })[]> {
  const rows = await q
    .selectFrom('regions')
    .leftJoin('householdTallies as t', 't.regionId', 'regions.id')
    .select(['regions.id', 'regions.parentId', 'regions.name', 'regions.level', 'regions.path', 't.households'])
    .where(startsWith('regions.path', path))
    .orderBy('regions.path')
    .execute();
  return rows.map((r) => ({ ...r, households: r.households ?? 0 }));
}

/** Households per region from `household_tallies` (kept by every household write): one row a region. */
export async function householdCounts(q: Q, regionIds: readonly string[]): Promise<Map<string, number>> {
  const out = new Map<string, number>();
  for (let i = 0; i < regionIds.length; i += 500) {
    const rows = await q
      .selectFrom('householdTallies')
      .select(['regionId', 'households'])
      .where('regionId', 'in', regionIds.slice(i, i + 500))
      .execute();
    for (const r of rows) out.set(r.regionId, r.households);
  }
  return out;
}

export interface VisitCounts {
  reached: number;
  notReached: number;
  fever: number;
  riskReturns: number;
  outsiders: number;
}

/** A campaign's latest visits summed per region, from `screening_tallies`: one row a region visited. */
export async function visitCounts(q: Q, campaignId: string, regionIds?: readonly string[]): Promise<Map<string, VisitCounts>> {
  const out = new Map<string, VisitCounts>();
  const read = (ids?: readonly string[]) => {
    let query = q
      .selectFrom('screeningTallies')
      .select(['regionId', 'reached', 'notReached', 'fever', 'riskReturns', 'outsiders'])
      .where('campaignId', '=', campaignId);
    if (ids) query = query.where('regionId', 'in', ids);
    return query.execute();
  };
  const batches = regionIds ? [] : [await read()];
  for (let i = 0; regionIds && i < regionIds.length; i += 500) batches.push(await read(regionIds.slice(i, i + 500)));
  for (const { regionId, ...counts } of batches.flat()) out.set(regionId, counts);
  return out;
}

type Findings = Pick<ScreeningVisitTable, 'regionId' | 'outcome' | 'feverCount' | 'symptoms' | 'riskReturn' | 'outsiders'>;

/** Adds what a latest visit counts for (sign 1) or stops counting for (sign −1) to its region's delta. */
function addVisit(into: Map<string, VisitCounts>, v: Findings, sign: 1 | -1): void {
  let d = into.get(v.regionId);
  if (!d) into.set(v.regionId, (d = { reached: 0, notReached: 0, fever: 0, riskReturns: 0, outsiders: 0 }));
  if (v.outcome !== 'reached') {
    d.notReached += sign;
    return;
  }
  d.reached += sign;
  if (v.feverCount > 0 || v.symptoms === 1) d.fever += sign;
  d.riskReturns += sign * v.riskReturn;
  d.outsiders += sign * v.outsiders;
}

/**
 * Adds deltas to the campaign's tallies (an upsert: the first visit of a region makes its row).
 * Regions in a fixed order, so writers on PostgreSQL lock the rows alike (no deadlock).
 */
async function tallyVisits(q: Q, campaignId: string, deltas: ReadonlyMap<string, VisitCounts>): Promise<void> {
  const rows = [...deltas]
    .filter(([, d]) => d.reached || d.notReached || d.fever || d.riskReturns || d.outsiders)
    .sort(([a], [b]) => (a < b ? -1 : a > b ? 1 : 0))
    .map(([regionId, d]) => ({ campaignId, regionId, ...d }));
  for (let i = 0; i < rows.length; i += 500) {
    await q
      .insertInto('screeningTallies')
      .values(rows.slice(i, i + 500))
      .onConflict((oc) =>
        oc.columns(['campaignId', 'regionId']).doUpdateSet((eb) => ({
          reached: eb('screeningTallies.reached', '+', eb.ref('excluded.reached')),
          notReached: eb('screeningTallies.notReached', '+', eb.ref('excluded.notReached')),
          fever: eb('screeningTallies.fever', '+', eb.ref('excluded.fever')),
          riskReturns: eb('screeningTallies.riskReturns', '+', eb.ref('excluded.riskReturns')),
          outsiders: eb('screeningTallies.outsiders', '+', eb.ref('excluded.outsiders')),
        })),
      )
      .execute();
  }
}

export interface HouseholdRef {
  id: string;
  regionId: string;
  regionPath: string;
  regionLevel: string;
  address: string;
}

export async function findHousehold(q: Q, id: string): Promise<HouseholdRef | undefined> {
  return q
    .selectFrom('households')
    .innerJoin('regions', 'regions.id', 'households.regionId')
    .select([
      'households.id',
      'households.regionId',
      'regions.path as regionPath',
      'regions.level as regionLevel',
      'households.address',
    ])
    .where('households.id', '=', id)
    .executeTakeFirst();
}

/**
 * Holds the household for the rest of the transaction, so two visits recorded at the same moment
 * cannot both stay `latest` (SQLite already writes one transaction at a time).
 */
export async function lockHousehold(q: Q, dialect: DialectName, id: string): Promise<void> {
  if (dialect === 'postgres') await q.selectFrom('households').select('id').where('id', '=', id).forUpdate().execute();
}

/** The household's head (or first registered resident), for the follow-up's contact. */
export async function contactOf(q: Q, householdId: string): Promise<{ name: string; mobile: string | null } | undefined> {
  return q
    .selectFrom('residents')
    .select(['name', 'mobile'])
    .where('householdId', '=', householdId)
    .orderBy(sql`CASE WHEN ${sql.ref('relation')} = 'head' THEN 0 ELSE 1 END`)
    .orderBy('createdAt')
    .limit(1)
    .executeTakeFirst();
}

/**
 * Makes the new visit the household's latest in the campaign: the previous one stops counting
 * (its findings leave its region's tally) and the new one counts (in the household's region now).
 * The caller holds the household (`lockHousehold`), so no other visit moves these rows meanwhile.
 */
/**
 * Adds a visit as the household's latest in the campaign, unless a later one is already there: a
 * visit kept on a phone offline may arrive after a newer one, and coverage counts the newest.
 */
export async function insertLatestVisit(q: Q, row: ScreeningVisitTable): Promise<void> {
  const newer = await q
    .selectFrom('screeningVisits')
    .select('id')
    .where('householdId', '=', row.householdId)
    .where('campaignId', '=', row.campaignId)
    .where('latest', '=', 1)
    .where('visitedAt', '>', row.visitedAt)
    .executeTakeFirst();
  if (newer) {
    await q
      .insertInto('screeningVisits')
      .values({ ...row, latest: 0 })
      .execute();
    return;
  }
  const previous = await q
    .updateTable('screeningVisits')
    .set({ latest: 0 })
    .where('householdId', '=', row.householdId)
    .where('campaignId', '=', row.campaignId)
    .where('latest', '=', 1)
    .returning(['regionId', 'outcome', 'feverCount', 'symptoms', 'riskReturn', 'outsiders'])
    .execute();
  await q.insertInto('screeningVisits').values(row).execute();
  const deltas = new Map<string, VisitCounts>();
  for (const p of previous) addVisit(deltas, p, -1);
  addVisit(deltas, row, 1);
  await tallyVisits(q, row.campaignId, deltas);
}

/**
 * Keys that order a door-plate part as people count: "3号楼" before "12号楼" (a leading number as
 * a number), numbered before lettered ("A座"), blank last; then the text itself for ties.
 */
function naturalOrder(dialect: DialectName, column: string): RawBuilder<unknown>[] {
  const col = sql.ref(column);
  const numbered = dialect === 'postgres' ? sql`${col} ~ '^[0-9]'` : sql`${col} GLOB '[0-9]*'`;
  // SQLite's CAST reads the longest leading integer ("12号楼" → 12); PostgreSQL needs it cut out.
  const number = dialect === 'postgres' ? sql`CAST(substring(${col} from '^[0-9]+') AS numeric)` : sql`CAST(${col} AS INTEGER)`;
  return [
    sql`CASE WHEN ${col} IS NULL OR ${col} = '' THEN 2 WHEN ${numbered} THEN 0 ELSE 1 END`,
    sql`CASE WHEN ${numbered} THEN ${number} END`,
    sql`COALESCE(${col}, '')`,
  ];
}

/**
 * A page of a grid's households with their latest visit in the campaign, in door-plate order
 * (building, unit, room), and how many match the search in each state.
 */
export async function gridHouseholds(
  q: Q,
  dialect: DialectName,
  campaignId: string,
  gridId: string,
  f: { text?: string; state?: HouseholdState; limit: number; offset: number },
): Promise<{ items: FieldHousehold[]; counts: StateCounts }> {
  let query = q
    .selectFrom('households as h')
    .leftJoin('screeningVisits as v', (j) =>
      j.onRef('v.householdId', '=', 'h.id').on('v.campaignId', '=', campaignId).on('v.latest', '=', 1),
    )
    .where('h.regionId', '=', gridId);
  const plate = f.text ? parseDoorPlate(f.text) : null;
  if (plate) {
    // A whole door plate ("3-2-301") finds that household, however the register spells its parts.
    const spelt = doorPlateSpellings(plate);
    query = query.where('h.building', 'in', spelt.building).where('h.unit', 'in', spelt.unit).where('h.room', 'in', spelt.room);
  } else if (f.text) {
    // Part of a plate as typed on the stairs ("3号楼 20"): every part must appear in building-unit-room or the address.
    for (const part of f.text.split(/[\s\-–—/#号栋单元室]+/).filter(Boolean)) {
      query = query.where((eb) =>
        eb.or([
          containsInsensitive(dialect, 'h.address', part),
          containsInsensitive(dialect, 'h.building', part),
          containsInsensitive(dialect, 'h.unit', part),
          containsInsensitive(dialect, 'h.room', part),
        ]),
      );
    }
  }
  const count = (when: RawBuilder<unknown>) => sql<number | string>`COALESCE(SUM(CASE WHEN ${when} THEN 1 ELSE 0 END), 0)`;
  const counted = await query
    .select([
      count(sql`${sql.ref('v.id')} IS NULL`).as('notVisited'),
      count(sql`${sql.ref('v.outcome')} = 'not_reached'`).as('revisit'),
      count(sql`${sql.ref('v.outcome')} = 'reached'`).as('done'),
    ])
    .executeTakeFirstOrThrow();
  if (f.state === 'not_visited') query = query.where('v.id', 'is', null);
  if (f.state === 'revisit') query = query.where('v.outcome', '=', 'not_reached');
  if (f.state === 'done') query = query.where('v.outcome', '=', 'reached');
  let page = query
    .leftJoin('accounts', 'accounts.id', 'v.visitedBy')
    .select([
      'h.id',
      'h.building',
      'h.unit',
      'h.room',
      'h.address',
      'v.visitedAt',
      'v.outcome',
      'accounts.name as visitedByName',
    ]);
  for (const key of [
    ...naturalOrder(dialect, 'h.building'),
    ...naturalOrder(dialect, 'h.unit'),
    ...naturalOrder(dialect, 'h.room'),
  ])
    page = page.orderBy(key);
  const rows = await page.orderBy('h.address').orderBy('h.id').limit(f.limit).offset(f.offset).execute();
  return {
    items: rows.map((r) => ({
      id: r.id,
      building: r.building,
      unit: r.unit,
      room: r.room,
      address: r.address,
      state: r.outcome === null ? 'not_visited' : r.outcome === 'reached' ? 'done' : 'revisit',
      lastVisit:
        r.visitedAt && r.outcome
          ? { visitedAt: r.visitedAt, outcome: r.outcome as ScreeningOutcome, visitedByName: r.visitedByName ?? '' }
          : null,
    })),
    counts: {
      notVisited: toNumber(counted.notVisited),
      revisit: toNumber(counted.revisit),
      done: toNumber(counted.done),
    },
  };
}

/**
 * Visits of a bulk load (the demo) for households with none yet in their campaign, each already
 * marked latest or not, in batches under SQLite's variable limit; the latest ones are tallied.
 */
export async function insertVisits(q: Q, rows: readonly ScreeningVisitTable[]): Promise<void> {
  for (let i = 0; i < rows.length; i += 500)
    await q
      .insertInto('screeningVisits')
      .values(rows.slice(i, i + 500))
      .execute();
  const byCampaign = new Map<string, Map<string, VisitCounts>>();
  for (const r of rows) {
    if (r.latest !== 1) continue;
    const deltas = byCampaign.get(r.campaignId) ?? new Map<string, VisitCounts>();
    byCampaign.set(r.campaignId, deltas);
    addVisit(deltas, r, 1);
  }
  for (const [campaignId, deltas] of byCampaign) await tallyVisits(q, campaignId, deltas);
}

/**
 * Households visited at least once by `to`, in any campaign and with any outcome, per the region
 * the household was in at the visit (as coverage counts them): the dashboard's screened figure.
 */
export async function screenedFigures(q: Q, to: string): Promise<FigureRow[]> {
  const rows = await q
    .selectFrom('screeningVisits')
    .select((eb) => ['regionId', eb.fn.count<number | string>('householdId').distinct().as('n')])
    .where('createdAt', '<=', to)
    .groupBy('regionId')
    .execute();
  return rows.map((r) => ({ regionId: r.regionId, values: { householdsScreened: toNumber(r.n) } }));
}
