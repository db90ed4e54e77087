import { sql, type Kysely, type SqlBool } from 'kysely';
import type { AssignmentSource, CheckpointKind, RiskLevel, RosterChangeAction, RosterStatus } from '../../../common/enums.ts';
import type { Scope } from '../../platform/access/actor.ts';
import { inRegionScope } from '../../platform/access/scope.ts';
import { containsInsensitive, startsWith, toNumber, type DialectName } from '../../platform/db/dialect.ts';
import { placeLabel } from '../../platform/db/place-label.ts';
import type { Database, RosterTable } from '../../platform/db/schema.ts';
import type { BoardCheckpoint, RiskKey, RosterChange, Shortage } from './rosters.schemas.ts';

type Q = Kysely<Database>;

/**
 * Rows per insert: 1,000 rows of six values stay far below both databases' bound-parameter limits
 * (SQLite 32,766, PostgreSQL 65,535), and a county's 25,000 shifts take 25 statements.
 */
const CHUNK = 1000;

export interface RosterRow {
  id: string;
  regionId: string;
  regionName: string;
  regionPath: string;
  name: string;
  startsOn: string;
  endsOn: string;
  status: RosterStatus;
  version: number;
  rules: string;
  generation: string | null;
  createdAt: string;
  publishedAt: string | null;
  publishedByName: string | null;
}

function rosterBase(q: Q) {
  return q
    .selectFrom('rosters')
    .innerJoin('regions', 'regions.id', 'rosters.regionId')
    .leftJoin('regions as parentRegion', 'parentRegion.id', 'regions.parentId')
    .leftJoin('accounts as publisher', 'publisher.id', 'rosters.publishedBy')
    .select([
      'rosters.id',
      'rosters.regionId',
      placeLabel('regions', 'parentRegion').as('regionName'),
      'regions.path as regionPath',
      'rosters.name',
      'rosters.startsOn',
      'rosters.endsOn',
      'rosters.status',
      'rosters.version',
      'rosters.rules',
      'rosters.generation',
      'rosters.createdAt',
      'rosters.publishedAt',
      'publisher.name as publishedByName',
    ]);
}

type RawRoster = Awaited<ReturnType<ReturnType<typeof rosterBase>['executeTakeFirstOrThrow']>>;
const toRoster = (r: RawRoster): RosterRow => ({ ...r, status: r.status as RosterStatus, version: toNumber(r.version) });

export async function findRoster(q: Q, id: string): Promise<RosterRow | undefined> {
  const row = await rosterBase(q).where('rosters.id', '=', id).executeTakeFirst();
  return row && toRoster(row);
}

export async function listRosters(
  q: Q,
  scope: Scope,
  f: { regionPath?: string; status?: RosterStatus; limit: number; offset: number },
): Promise<{ items: RosterRow[]; total: number }> {
  let query = rosterBase(q).where((eb) => inRegionScope(eb, scope, 'regions.path'));
  if (f.regionPath) query = query.where(startsWith('regions.path', f.regionPath));
  if (f.status) query = query.where('rosters.status', '=', f.status);
  const total = await query
    .clearSelect()
    .select((eb) => eb.fn.countAll().as('n'))
    .executeTakeFirstOrThrow();
  const rows = await query
    .orderBy('rosters.startsOn', 'desc')
    .orderBy('rosters.createdAt', 'desc')
    .orderBy('rosters.id', 'desc')
    .limit(f.limit)
    .offset(f.offset)
    .execute();
  return { items: rows.map(toRoster), total: toNumber(total.n as number | string) };
}

/** A roster of this region, an ancestor or a descendant whose dates meet [startsOn, endsOn]. */
export async function findOverlapping(
  q: Q,
  region: { path: string },
  startsOn: string,
  endsOn: string,
): Promise<{ id: string; name: string } | undefined> {
  const ancestors = region.path.split('/').filter(Boolean);
  return q
    .selectFrom('rosters')
    .innerJoin('regions', 'regions.id', 'rosters.regionId')
    .select(['rosters.id', 'rosters.name'])
    .where((eb) => eb.or([eb('rosters.regionId', 'in', ancestors), startsWith('regions.path', region.path)]))
    .where('rosters.startsOn', '<=', endsOn)
    .where('rosters.endsOn', '>=', startsOn)
    .orderBy('rosters.startsOn')
    .executeTakeFirst();
}

export async function insertRoster(q: Q, row: Omit<RosterTable, 'updatedAt'>): Promise<void> {
  await q
    .insertInto('rosters')
    .values({ ...row, updatedAt: row.createdAt })
    .execute();
}

export async function updateRoster(
  q: Q,
  id: string,
  patch: Partial<Pick<RosterTable, 'name' | 'status' | 'generation' | 'publishedAt' | 'publishedBy'>>,
  now: string,
): Promise<void> {
  await q
    .updateTable('rosters')
    .set({ ...patch, updatedAt: now })
    .where('id', '=', id)
    .execute();
}

/** Publishes a draft; false when it was no longer a draft (another request got there first). */
export async function publishRoster(q: Q, id: string, by: string | null, now: string): Promise<boolean> {
  const row = await q
    .updateTable('rosters')
    .set({ status: 'published', version: 1, publishedAt: now, publishedBy: by, updatedAt: now })
    .where('id', '=', id)
    .where('status', '=', 'draft')
    .returning('id')
    .executeTakeFirst();
  return row !== undefined;
}

/** The next version of a published roster: one per change, counted in the database so concurrent edits each get one. */
export async function bumpVersion(q: Q, id: string, now: string): Promise<number> {
  const row = await q
    .updateTable('rosters')
    .set((eb) => ({ version: eb('version', '+', 1), updatedAt: now }))
    .where('id', '=', id)
    .returning('version')
    .executeTakeFirstOrThrow();
  return toNumber(row.version);
}

export async function deleteRoster(q: Q, id: string): Promise<void> {
  await q.deleteFrom('swapRequests').where('rosterId', '=', id).execute();
  await q.deleteFrom('rosterChanges').where('rosterId', '=', id).execute();
  await q.deleteFrom('rosterAssignments').where('rosterId', '=', id).execute();
  await q.deleteFrom('rosterShifts').where('rosterId', '=', id).execute();
  await q.deleteFrom('rosters').where('id', '=', id).execute();
}

// ---------------------------------------------------------------- shifts and assignments

export interface ShiftRow {
  id: string;
  checkpointId: string;
  startsAt: string;
  endsAt: string;
  required: number;
}

export interface AssignmentRow {
  id: string;
  shiftId: string;
  volunteerId: string;
  source: AssignmentSource;
}

const toShift = (r: ShiftRow): ShiftRow => ({ ...r, required: toNumber(r.required) });
const toAssignment = (r: { id: string; shiftId: string; volunteerId: string; source: string }): AssignmentRow => ({
  ...r,
  source: r.source as AssignmentSource,
});

export async function insertShifts(q: Q, rosterId: string, shifts: readonly ShiftRow[]): Promise<void> {
  for (let i = 0; i < shifts.length; i += CHUNK) {
    await q
      .insertInto('rosterShifts')
      .values(shifts.slice(i, i + CHUNK).map((s) => ({ ...s, rosterId })))
      .execute();
  }
}

export async function updateShiftRequired(q: Q, changes: readonly { id: string; required: number }[]): Promise<void> {
  for (const c of changes) await q.updateTable('rosterShifts').set({ required: c.required }).where('id', '=', c.id).execute();
}

export async function deleteShifts(q: Q, ids: readonly string[]): Promise<void> {
  for (let i = 0; i < ids.length; i += CHUNK) {
    const part = ids.slice(i, i + CHUNK);
    await q.deleteFrom('rosterAssignments').where('shiftId', 'in', part).execute();
    await q.deleteFrom('rosterShifts').where('id', 'in', part).execute();
  }
}

export async function insertAssignments(
  q: Q,
  rosterId: string,
  rows: readonly { id: string; shiftId: string; volunteerId: string; source: AssignmentSource }[],
  now: string,
): Promise<void> {
  for (let i = 0; i < rows.length; i += CHUNK) {
    await q
      .insertInto('rosterAssignments')
      .values(rows.slice(i, i + CHUNK).map((a) => ({ ...a, rosterId, createdAt: now })))
      .execute();
  }
}

/** Regenerating keeps the planner's own picks and drops the rest. */
export async function deleteGeneratedAssignments(q: Q, rosterId: string): Promise<void> {
  await q.deleteFrom('rosterAssignments').where('rosterId', '=', rosterId).where('source', '!=', 'planner').execute();
}

export async function rosterShifts(q: Q, rosterId: string): Promise<ShiftRow[]> {
  const rows = await q
    .selectFrom('rosterShifts')
    .select(['id', 'checkpointId', 'startsAt', 'endsAt', 'required'])
    .where('rosterId', '=', rosterId)
    .orderBy('startsAt')
    .orderBy('id')
    .execute();
  return rows.map(toShift);
}

export async function rosterAssignments(q: Q, rosterId: string): Promise<AssignmentRow[]> {
  const rows = await q
    .selectFrom('rosterAssignments')
    .select(['id', 'shiftId', 'volunteerId', 'source'])
    .where('rosterId', '=', rosterId)
    .orderBy('createdAt')
    .orderBy('id')
    .execute();
  return rows.map(toAssignment);
}

/** The roster's checkpoint ids (those with shifts). */
export async function rosterCheckpointIds(q: Q, rosterId: string): Promise<string[]> {
  const rows = await q.selectFrom('rosterShifts').select('checkpointId').distinct().where('rosterId', '=', rosterId).execute();
  return rows.map((r) => r.checkpointId);
}

/**
 * Part of a roster around some volunteers and shifts: those shifts, every shift of those
 * volunteers, and every assignment on all of them (so crews are complete). Enough to check the
 * rules for these volunteers, which look at nothing but their own shifts and the shifts' crews.
 */
export async function rosterAround(
  q: Q,
  rosterId: string,
  volunteerIds: readonly string[],
  shiftIds: readonly string[],
): Promise<{ shifts: ShiftRow[]; assignments: AssignmentRow[] }> {
  const own = volunteerIds.length
    ? await q
        .selectFrom('rosterAssignments')
        .select('shiftId')
        .where('rosterId', '=', rosterId)
        .where('volunteerId', 'in', [...volunteerIds])
        .execute()
    : [];
  const ids = [...new Set([...shiftIds, ...own.map((r) => r.shiftId)])];
  const shifts: ShiftRow[] = [];
  const assignments: AssignmentRow[] = [];
  for (let i = 0; i < ids.length; i += CHUNK) {
    const part = ids.slice(i, i + CHUNK);
    const found = await q
      .selectFrom('rosterShifts')
      .select(['id', 'checkpointId', 'startsAt', 'endsAt', 'required'])
      .where('rosterId', '=', rosterId)
      .where('id', 'in', part)
      .execute();
    shifts.push(...found.map(toShift));
    const crews = await q
      .selectFrom('rosterAssignments')
      .select(['id', 'shiftId', 'volunteerId', 'source'])
      .where('shiftId', 'in', part)
      .orderBy('createdAt')
      .orderBy('id')
      .execute();
    assignments.push(...crews.map(toAssignment));
  }
  return { shifts, assignments };
}

export interface ShiftDetail extends ShiftRow {
  checkpointName: string;
  regionPath: string;
}

export async function findShift(q: Q, rosterId: string, shiftId: string): Promise<ShiftDetail | undefined> {
  const row = await q
    .selectFrom('rosterShifts')
    .innerJoin('checkpoints', 'checkpoints.id', 'rosterShifts.checkpointId')
    .innerJoin('regions', 'regions.id', 'checkpoints.regionId')
    .select([
      'rosterShifts.id',
      'rosterShifts.checkpointId',
      'rosterShifts.startsAt',
      'rosterShifts.endsAt',
      'rosterShifts.required',
      'checkpoints.name as checkpointName',
      'regions.path as regionPath',
    ])
    .where('rosterShifts.rosterId', '=', rosterId)
    .where('rosterShifts.id', '=', shiftId)
    .executeTakeFirst();
  return row && { ...row, required: toNumber(row.required) };
}

export interface AssignmentDetail extends AssignmentRow {
  rosterId: string;
  volunteerName: string;
  accountId: string | null;
  checkedInAt: string | null;
  checkedOutAt: string | null;
  absentAt: string | null;
  absentInspectionId: string | null;
  hours: number | null;
  startsAt: string;
  endsAt: string;
  checkpointId: string;
  checkpointName: string;
}

export async function findAssignment(q: Q, id: string): Promise<AssignmentDetail | undefined> {
  return q
    .selectFrom('rosterAssignments')
    .innerJoin('rosterShifts', 'rosterShifts.id', 'rosterAssignments.shiftId')
    .innerJoin('checkpoints', 'checkpoints.id', 'rosterShifts.checkpointId')
    .innerJoin('volunteers', 'volunteers.id', 'rosterAssignments.volunteerId')
    .select([
      'rosterAssignments.id',
      'rosterAssignments.rosterId',
      'rosterAssignments.shiftId',
      'rosterAssignments.volunteerId',
      'rosterAssignments.source',
      'volunteers.name as volunteerName',
      'volunteers.accountId',
      'rosterAssignments.checkedInAt',
      'rosterAssignments.checkedOutAt',
      'rosterAssignments.absentAt',
      'rosterAssignments.absentInspectionId',
      'rosterAssignments.hours',
      'rosterShifts.startsAt',
      'rosterShifts.endsAt',
      'rosterShifts.checkpointId',
      'checkpoints.name as checkpointName',
    ])
    .where('rosterAssignments.id', '=', id)
    .executeTakeFirst()
    .then((r) => r && { ...toAssignment(r), ...r, source: r.source as AssignmentSource });
}

export async function deleteAssignment(q: Q, id: string): Promise<void> {
  await q.deleteFrom('rosterAssignments').where('id', '=', id).execute();
}

export async function moveAssignment(q: Q, id: string, volunteerId: string): Promise<void> {
  await q.updateTable('rosterAssignments').set({ volunteerId, source: 'swap' }).where('id', '=', id).execute();
}

// ---------------------------------------------------------------- figures

/** Assigned people per shift, for the roster(s) in question. */
function crewCounts(q: Q, rosterIds: readonly string[]) {
  return q
    .selectFrom('rosterAssignments')
    .select((eb) => ['rosterAssignments.shiftId', eb.fn.countAll().as('n')])
    .where('rosterAssignments.rosterId', 'in', [...rosterIds])
    .groupBy('rosterAssignments.shiftId')
    .as('crew');
}

const crew = sql<number>`COALESCE(${sql.ref('crew.n')}, 0)`;
const required = sql.ref('rosterShifts.required');
const filledExpr = sql<number>`CASE WHEN ${crew} < ${required} THEN ${crew} ELSE ${required} END`;
const missingExpr = sql<number>`CASE WHEN ${crew} < ${required} THEN ${required} - ${crew} ELSE 0 END`;
const isShort = sql<SqlBool>`${crew} < ${required}`;

function shiftsWithCrew(q: Q, rosterIds: readonly string[]) {
  return q
    .selectFrom('rosterShifts')
    .leftJoin(crewCounts(q, rosterIds), 'crew.shiftId', 'rosterShifts.id')
    .where('rosterShifts.rosterId', 'in', [...rosterIds]);
}

export interface RosterCounts {
  positions: number;
  filled: number;
  checkpointCount: number;
  volunteerCount: number;
  pendingSwaps: number;
}

/** The summary figures of several rosters in three grouped queries. */
export async function rosterCounts(q: Q, rosterIds: readonly string[]): Promise<Map<string, RosterCounts>> {
  const out = new Map<string, RosterCounts>(
    rosterIds.map((id) => [id, { positions: 0, filled: 0, checkpointCount: 0, volunteerCount: 0, pendingSwaps: 0 }]),
  );
  if (!rosterIds.length) return out;
  const shifts = await shiftsWithCrew(q, rosterIds)
    .select((eb) => [
      'rosterShifts.rosterId',
      eb.fn.sum<number>('rosterShifts.required').as('positions'),
      eb.fn.sum<number>(filledExpr).as('filled'),
      eb.fn.count<number>('rosterShifts.checkpointId').distinct().as('checkpoints'),
    ])
    .groupBy('rosterShifts.rosterId')
    .execute();
  for (const r of shifts) {
    Object.assign(out.get(r.rosterId)!, {
      positions: toNumber(r.positions),
      filled: toNumber(r.filled),
      checkpointCount: toNumber(r.checkpoints),
    });
  }
  const people = await q
    .selectFrom('rosterAssignments')
    .select((eb) => ['rosterId', eb.fn.count<number>('volunteerId').distinct().as('n')])
    .where('rosterId', 'in', [...rosterIds])
    .groupBy('rosterId')
    .execute();
  for (const r of people) out.get(r.rosterId)!.volunteerCount = toNumber(r.n);
  const swaps = await q
    .selectFrom('swapRequests')
    .select((eb) => ['rosterId', eb.fn.countAll<number>().as('n')])
    .where('rosterId', 'in', [...rosterIds])
    .where('status', '=', 'pending')
    .groupBy('rosterId')
    .execute();
  for (const r of swaps) out.get(r.rosterId)!.pendingSwaps = toNumber(r.n);
  return out;
}

const UNCOVERED_SHOWN = 200;

/** The shortage as it stands: from the stored shifts and assignments, so it is right after every edit. */
export async function shortage(q: Q, rosterId: string): Promise<Shortage> {
  const withCheckpoint = () =>
    shiftsWithCrew(q, [rosterId]).innerJoin('checkpoints', 'checkpoints.id', 'rosterShifts.checkpointId');
  const risks = await withCheckpoint()
    .select((eb) => [
      'checkpoints.risk',
      eb.fn.sum<number>('rosterShifts.required').as('positions'),
      eb.fn.sum<number>(filledExpr).as('filled'),
    ])
    .groupBy('checkpoints.risk')
    .execute();
  const byRisk = ([4, 3, 2, 1] as const).map((risk) => {
    const r = risks.find((x) => toNumber(x.risk) === risk);
    const positions = toNumber(r?.positions);
    const filled = toNumber(r?.filled);
    return { risk, positions, filled, missing: positions - filled };
  });

  const regionRisk = await withCheckpoint()
    .select((eb) => ['checkpoints.regionId', 'checkpoints.risk', eb.fn.sum<number>(missingExpr).as('missing')])
    .where(isShort)
    .groupBy(['checkpoints.regionId', 'checkpoints.risk'])
    .execute();
  const regions = new Map<string, Shortage['byRegion'][number]>();
  for (const r of regionRisk) {
    let entry = regions.get(r.regionId);
    if (!entry) {
      entry = { regionId: r.regionId, regionName: '', missing: 0, missingByRisk: { '1': 0, '2': 0, '3': 0, '4': 0 } };
      regions.set(r.regionId, entry);
    }
    entry.missing += toNumber(r.missing);
    entry.missingByRisk[String(toNumber(r.risk)) as RiskKey] += toNumber(r.missing);
  }
  for (const label of await regionLabels(q, [...regions.keys()])) regions.get(label.id)!.regionName = label.name;
  const byRegion = [...regions.values()].sort((a, b) => b.missing - a.missing || a.regionName.localeCompare(b.regionName));

  const uncovered = await withCheckpoint()
    .innerJoin('regions', 'regions.id', 'checkpoints.regionId')
    .leftJoin('regions as parentRegion', 'parentRegion.id', 'regions.parentId')
    .select([
      'rosterShifts.id as shiftId',
      'rosterShifts.checkpointId',
      'checkpoints.name as checkpointName',
      placeLabel('regions', 'parentRegion').as('regionName'),
      'checkpoints.risk',
      'rosterShifts.startsAt',
      'rosterShifts.endsAt',
      missingExpr.as('missing'),
    ])
    .where(isShort)
    .orderBy('checkpoints.risk', 'desc')
    .orderBy('rosterShifts.startsAt')
    .orderBy('checkpoints.name')
    .orderBy('rosterShifts.id')
    .limit(UNCOVERED_SHOWN)
    .execute();
  const total = await withCheckpoint()
    .select((eb) => eb.fn.countAll().as('n'))
    .where(isShort)
    .executeTakeFirstOrThrow();
  return {
    byRisk,
    byRegion,
    uncovered: uncovered.map((u) => ({ ...u, risk: toNumber(u.risk) as RiskLevel, missing: toNumber(u.missing) })),
    uncoveredTotal: toNumber(total.n as number | string),
  };
}

/** Every short shift, for the export. */
export async function allUncovered(q: Q, rosterId: string) {
  const rows = await shiftsWithCrew(q, [rosterId])
    .innerJoin('checkpoints', 'checkpoints.id', 'rosterShifts.checkpointId')
    .innerJoin('regions', 'regions.id', 'checkpoints.regionId')
    .leftJoin('regions as parentRegion', 'parentRegion.id', 'regions.parentId')
    .select([
      'checkpoints.name as checkpointName',
      placeLabel('regions', 'parentRegion').as('regionName'),
      'checkpoints.risk',
      'rosterShifts.startsAt',
      'rosterShifts.endsAt',
      'rosterShifts.required',
      missingExpr.as('missing'),
    ])
    .where(isShort)
    .orderBy('checkpoints.risk', 'desc')
    .orderBy('rosterShifts.startsAt')
    .orderBy('checkpoints.name')
    .execute();
  return rows.map((r) => ({ ...r, risk: toNumber(r.risk), required: toNumber(r.required), missing: toNumber(r.missing) }));
}

export async function regionLabels(q: Q, ids: readonly string[]): Promise<{ id: string; name: string; path: string }[]> {
  if (!ids.length) return [];
  return q
    .selectFrom('regions')
    .leftJoin('regions as parentRegion', 'parentRegion.id', 'regions.parentId')
    .select(['regions.id', placeLabel('regions', 'parentRegion').as('name'), 'regions.path'])
    .where('regions.id', 'in', [...ids])
    .execute();
}

// ---------------------------------------------------------------- board

export interface BoardFilter {
  regionPath?: string;
  risk?: RiskLevel;
  q?: string;
  short?: boolean;
  from?: string;
  to?: string;
  limit: number;
  offset: number;
}

export async function boardCheckpoints(
  q: Q,
  dialect: DialectName,
  rosterId: string,
  f: BoardFilter,
): Promise<{ items: BoardCheckpoint[]; total: number }> {
  let shifts = q.selectFrom('rosterShifts').select('rosterShifts.checkpointId').where('rosterShifts.rosterId', '=', rosterId);
  if (f.from) shifts = shifts.where('rosterShifts.endsAt', '>', f.from);
  if (f.to) shifts = shifts.where('rosterShifts.startsAt', '<', f.to);
  if (f.short) {
    shifts = shifts.where(
      (eb) =>
        sql<SqlBool>`${eb.ref('rosterShifts.required')} > ${eb
          .selectFrom('rosterAssignments')
          .select((e) => e.fn.countAll().as('n'))
          .whereRef('rosterAssignments.shiftId', '=', 'rosterShifts.id')}`,
    );
  }
  let query = q
    .selectFrom('checkpoints')
    .innerJoin('regions', 'regions.id', 'checkpoints.regionId')
    .leftJoin('regions as parentRegion', 'parentRegion.id', 'regions.parentId')
    .where(sql<SqlBool>`${sql.ref('checkpoints.id')} in ${shifts}`);
  if (f.regionPath) query = query.where(startsWith('regions.path', f.regionPath));
  if (f.risk) query = query.where('checkpoints.risk', '=', f.risk);
  if (f.q) query = query.where(containsInsensitive(dialect, 'checkpoints.name', f.q));
  const total = await query.select((eb) => eb.fn.countAll().as('n')).executeTakeFirstOrThrow();
  const rows = await query
    .select([
      'checkpoints.id',
      'checkpoints.name',
      'checkpoints.kind',
      'checkpoints.regionId',
      placeLabel('regions', 'parentRegion').as('regionName'),
      'checkpoints.risk',
      'checkpoints.lat',
      'checkpoints.lng',
    ])
    .orderBy('checkpoints.risk', 'desc')
    .orderBy('regions.path')
    .orderBy('checkpoints.name')
    .orderBy('checkpoints.id')
    .limit(f.limit)
    .offset(f.offset)
    .execute();
  return {
    items: rows.map((r) => ({ ...r, kind: r.kind as CheckpointKind, risk: toNumber(r.risk) as RiskLevel })),
    total: toNumber(total.n as number | string),
  };
}

export async function shiftsOfCheckpoints(
  q: Q,
  rosterId: string,
  checkpointIds: readonly string[],
  window: { from?: string; to?: string },
): Promise<ShiftRow[]> {
  if (!checkpointIds.length) return [];
  let query = q
    .selectFrom('rosterShifts')
    .select(['id', 'checkpointId', 'startsAt', 'endsAt', 'required'])
    .where('rosterId', '=', rosterId)
    .where('checkpointId', 'in', [...checkpointIds]);
  if (window.from) query = query.where('endsAt', '>', window.from);
  if (window.to) query = query.where('startsAt', '<', window.to);
  return (await query.orderBy('startsAt').orderBy('id').execute()).map(toShift);
}

/**
 * Takes the shift row's write lock until the transaction ends and returns how many people it has,
 * so two planners filling its last place at once cannot both succeed (an update that changes
 * nothing: valid on both databases; on SQLite writers are serial anyway).
 */
export async function lockedCrewSize(q: Q, shiftId: string): Promise<number> {
  await q
    .updateTable('rosterShifts')
    .set((eb) => ({ required: eb.ref('required') }))
    .where('id', '=', shiftId)
    .execute();
  const row = await q
    .selectFrom('rosterAssignments')
    .select((eb) => eb.fn.countAll().as('n'))
    .where('shiftId', '=', shiftId)
    .executeTakeFirstOrThrow();
  return Number(row.n);
}

export interface AssignmentView extends AssignmentRow {
  volunteerName: string;
  checkedInAt: string | null;
  checkedOutAt: string | null;
  absentAt: string | null;
  absentInspectionId: string | null;
  hours: number | null;
}

export async function assignmentsOfShifts(q: Q, shiftIds: readonly string[]): Promise<AssignmentView[]> {
  const out: AssignmentView[] = [];
  for (let i = 0; i < shiftIds.length; i += CHUNK) {
    const rows = await q
      .selectFrom('rosterAssignments')
      .innerJoin('volunteers', 'volunteers.id', 'rosterAssignments.volunteerId')
      .select([
        'rosterAssignments.id',
        'rosterAssignments.shiftId',
        'rosterAssignments.volunteerId',
        'rosterAssignments.source',
        'volunteers.name as volunteerName',
        'rosterAssignments.checkedInAt',
        'rosterAssignments.checkedOutAt',
        'rosterAssignments.absentAt',
        'rosterAssignments.absentInspectionId',
        'rosterAssignments.hours',
      ])
      .where('rosterAssignments.shiftId', 'in', shiftIds.slice(i, i + CHUNK))
      .orderBy('rosterAssignments.createdAt')
      .orderBy('rosterAssignments.id')
      .execute();
    out.push(...rows.map((r) => ({ ...r, source: r.source as AssignmentSource })));
  }
  return out;
}

// ---------------------------------------------------------------- publishing, changes, export

/** Each assigned volunteer with their shift count and first start. */
export async function assignedVolunteers(
  q: Q,
  rosterId: string,
): Promise<{ volunteerId: string; name: string; accountId: string | null; shifts: number; first: string }[]> {
  const rows = await q
    .selectFrom('rosterAssignments')
    .innerJoin('rosterShifts', 'rosterShifts.id', 'rosterAssignments.shiftId')
    .innerJoin('volunteers', 'volunteers.id', 'rosterAssignments.volunteerId')
    .select((eb) => [
      'rosterAssignments.volunteerId',
      'volunteers.name',
      'volunteers.accountId',
      eb.fn.countAll<number>().as('shifts'),
      eb.fn.min('rosterShifts.startsAt').as('first'),
    ])
    .where('rosterAssignments.rosterId', '=', rosterId)
    .groupBy(['rosterAssignments.volunteerId', 'volunteers.name', 'volunteers.accountId'])
    .orderBy('volunteers.name')
    .execute();
  return rows.map((r) => ({ ...r, shifts: toNumber(r.shifts), first: String(r.first) }));
}

export async function insertChange(
  q: Q,
  change: {
    id: string;
    rosterId: string;
    version: number;
    at: string;
    byAccountId: string | null;
    action: RosterChangeAction;
    shiftId: string;
    volunteerId: string;
    otherShiftId: string | null;
    otherVolunteerId: string | null;
    reason: string | null;
  },
): Promise<void> {
  await q.insertInto('rosterChanges').values(change).execute();
}

export async function changes(q: Q, rosterId: string): Promise<RosterChange[]> {
  const rows = await q
    .selectFrom('rosterChanges')
    .leftJoin('accounts', 'accounts.id', 'rosterChanges.byAccountId')
    .leftJoin('rosterShifts', 'rosterShifts.id', 'rosterChanges.shiftId')
    .leftJoin('checkpoints', 'checkpoints.id', 'rosterShifts.checkpointId')
    .leftJoin('volunteers', 'volunteers.id', 'rosterChanges.volunteerId')
    .leftJoin('volunteers as other', 'other.id', 'rosterChanges.otherVolunteerId')
    .select([
      'rosterChanges.version',
      'rosterChanges.at',
      'accounts.name as byName',
      'rosterChanges.action',
      'checkpoints.name as checkpointName',
      'rosterShifts.startsAt',
      'rosterShifts.endsAt',
      'volunteers.name as volunteerName',
      'other.name as otherVolunteerName',
      'rosterChanges.reason',
    ])
    .where('rosterChanges.rosterId', '=', rosterId)
    .orderBy('rosterChanges.version', 'desc')
    .orderBy('rosterChanges.at', 'desc')
    .orderBy('rosterChanges.id', 'desc')
    .execute();
  return rows.map((r) => ({
    ...r,
    version: toNumber(r.version),
    action: r.action as RosterChangeAction,
    checkpointName: r.checkpointName ?? '',
    startsAt: r.startsAt ?? '',
    endsAt: r.endsAt ?? '',
    volunteerName: r.volunteerName ?? '',
  }));
}

/** Every assignment for the export, by start and checkpoint. */
export async function exportRows(q: Q, rosterId: string) {
  const rows = await q
    .selectFrom('rosterAssignments')
    .innerJoin('rosterShifts', 'rosterShifts.id', 'rosterAssignments.shiftId')
    .innerJoin('checkpoints', 'checkpoints.id', 'rosterShifts.checkpointId')
    .innerJoin('regions', 'regions.id', 'checkpoints.regionId')
    .leftJoin('regions as parentRegion', 'parentRegion.id', 'regions.parentId')
    .innerJoin('volunteers', 'volunteers.id', 'rosterAssignments.volunteerId')
    .select([
      'rosterShifts.startsAt',
      'rosterShifts.endsAt',
      'checkpoints.name as checkpointName',
      placeLabel('regions', 'parentRegion').as('regionName'),
      'checkpoints.risk',
      'volunteers.name as volunteerName',
      'rosterAssignments.source',
    ])
    .where('rosterAssignments.rosterId', '=', rosterId)
    .orderBy('rosterShifts.startsAt')
    .orderBy('checkpoints.name')
    .orderBy('volunteers.name')
    .execute();
  return rows.map((r) => ({ ...r, risk: toNumber(r.risk), source: r.source as AssignmentSource }));
}

/** The caller's own volunteer record (duty.self routes act for it). */
export async function volunteerOfAccount(q: Q, accountId: string): Promise<{ id: string; name: string } | undefined> {
  return q
    .selectFrom('volunteers')
    .select(['id', 'name'])
    .where('accountId', '=', accountId)
    .orderBy('createdAt')
    .executeTakeFirst();
}

export async function findVolunteerRef(
  q: Q,
  id: string,
): Promise<{ id: string; name: string; accountId: string | null } | undefined> {
  return q.selectFrom('volunteers').select(['id', 'name', 'accountId']).where('id', '=', id).executeTakeFirst();
}
