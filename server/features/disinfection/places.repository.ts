import { sql, type Expression, type Kysely, type SqlBool } from 'kysely';
import type { Scope } from '../../platform/access/actor.ts';
import { containsInsensitive, toNumber, type DialectName } from '../../platform/db/dialect.ts';
import { inScopedRegions } from '../../platform/db/listing.ts';
import { placeLabel } from '../../platform/db/place-label.ts';
import type { Database, DisinfectionPlaceTable, DisinfectionScheduleTable } from '../../platform/db/schema.ts';
import type { ScheduleState } from './disinfection.rules.ts';

type Q = Kysely<Database>;

const countOf = (v: unknown) => toNumber(v as number | string | null);

// ---------------------------------------------------------------- places

function placeBase(q: Q, today: string) {
  return q
    .selectFrom('disinfectionPlaces as p')
    .innerJoin('regions as r', 'r.id', 'p.regionId')
    .leftJoin('regions as rp', 'rp.id', 'r.parentId')
    .leftJoin('checkpoints as cp', 'cp.id', 'p.checkpointId')
    .select([
      'p.id',
      'p.regionId',
      placeLabel('r', 'rp').as('regionName'),
      'r.path as regionPath',
      'p.kind',
      'p.name',
      'p.address',
      'p.areaM2',
      'p.checkpointId',
      'cp.name as checkpointName',
      'p.active',
      'p.note',
    ])
    .select((eb) => [
      eb
        .selectFrom('disinfectionSchedules as s')
        .select((e) => e.fn.countAll().as('n'))
        .whereRef('s.placeId', '=', 'p.id')
        .where('s.active', '=', 1)
        .as('schedules'),
      eb
        .selectFrom('disinfectionSchedules as s')
        .select((e) => e.fn.countAll().as('n'))
        .whereRef('s.placeId', '=', 'p.id')
        .where('s.active', '=', 1)
        .where('s.nextOn', '<', today)
        .as('overdue'),
      eb
        .selectFrom('disinfectionLogs as l')
        .select((e) => e.fn.max('l.doneOn').as('d'))
        .whereRef('l.placeId', '=', 'p.id')
        .as('lastDoneOn'),
    ]);
}

type RawPlace = Awaited<ReturnType<ReturnType<typeof placeBase>['executeTakeFirstOrThrow']>>;
export type PlaceRow = Omit<RawPlace, 'schedules' | 'overdue' | 'lastDoneOn' | 'areaM2'> & {
  areaM2: number | null;
  schedules: number;
  overdue: number;
  lastDoneOn: string | null;
};

const toPlace = (r: RawPlace): PlaceRow => ({
  ...r,
  areaM2: r.areaM2 === null ? null : Number(r.areaM2),
  schedules: countOf(r.schedules),
  overdue: countOf(r.overdue),
  lastDoneOn: (r.lastDoneOn as string | null) ?? null,
});

export async function findPlace(q: Q, id: string, today: string): Promise<PlaceRow | undefined> {
  const row = await placeBase(q, today).where('p.id', '=', id).executeTakeFirst();
  return row && toPlace(row);
}

export interface PlaceFilter {
  regionPath?: string;
  text?: string;
  kind?: string;
  active?: boolean;
  overdue?: boolean;
  limit: number;
  offset: number;
}

function placeConditions(q: Q, dialect: DialectName, scope: Scope, f: PlaceFilter, today: string): Expression<SqlBool>[] {
  const where: Expression<SqlBool>[] = [];
  const regions = inScopedRegions(q, 'p.regionId', scope, f.regionPath);
  if (regions) where.push(regions);
  if (f.text) where.push(containsInsensitive(dialect, 'p.name', f.text));
  if (f.kind) where.push(sql<SqlBool>`${sql.ref('p.kind')} = ${f.kind}`);
  if (f.active !== undefined) where.push(sql<SqlBool>`${sql.ref('p.active')} = ${f.active ? 1 : 0}`);
  if (f.overdue) {
    const overdue = q
      .selectFrom('disinfectionSchedules as s')
      .select('s.placeId')
      .where('s.active', '=', 1)
      .where('s.nextOn', '<', today);
    where.push(sql<SqlBool>`${sql.ref('p.id')} in ${overdue}`);
  }
  return where;
}

export async function listPlaces(
  q: Q,
  dialect: DialectName,
  scope: Scope,
  f: PlaceFilter,
  today: string,
): Promise<{ items: PlaceRow[]; total: number }> {
  const where = placeConditions(q, dialect, scope, f, today);
  const rows = await placeBase(q, today)
    .where((eb) => eb.and(where))
    .orderBy('r.path')
    .orderBy('p.name')
    .orderBy('p.id')
    .limit(f.limit)
    .offset(f.offset)
    .execute();
  const total = await q
    .selectFrom('disinfectionPlaces as p')
    .select((eb) => eb.fn.countAll().as('n'))
    .where((eb) => eb.and(where))
    .executeTakeFirstOrThrow();
  return { items: rows.map(toPlace), total: countOf(total.n) };
}

/** Active places under any of `paths` (a volunteer's log scope), by name, for the phone's picker. */
export async function placesToPick(q: Q, dialect: DialectName, scope: Scope, text: string | undefined, today: string) {
  let query = placeBase(q, today)
    .where('p.active', '=', 1)
    .where((eb) => eb.and(placeConditions(q, dialect, scope, { limit: 0, offset: 0 }, today)));
  if (text) query = query.where(containsInsensitive(dialect, 'p.name', text));
  return (await query.orderBy('r.path').orderBy('p.name').limit(200).execute()).map(toPlace);
}

export async function insertPlace(q: Q, row: DisinfectionPlaceTable): Promise<void> {
  await q.insertInto('disinfectionPlaces').values(row).execute();
}

export async function updatePlace(q: Q, id: string, set: Partial<DisinfectionPlaceTable>): Promise<void> {
  await q.updateTable('disinfectionPlaces').set(set).where('id', '=', id).execute();
}

export async function logsAtPlace(q: Q, placeId: string): Promise<number> {
  const row = await q
    .selectFrom('disinfectionLogs')
    .select((eb) => eb.fn.countAll().as('n'))
    .where('placeId', '=', placeId)
    .executeTakeFirstOrThrow();
  return countOf(row.n);
}

/** A place that was never logged goes with its schedules. */
export async function deletePlace(q: Q, id: string): Promise<void> {
  await q.deleteFrom('disinfectionSchedules').where('placeId', '=', id).execute();
  await q.deleteFrom('disinfectionPlaces').where('id', '=', id).execute();
}

// ---------------------------------------------------------------- schedules

function scheduleBase(q: Q) {
  return q
    .selectFrom('disinfectionSchedules as s')
    .innerJoin('disinfectionPlaces as p', 'p.id', 's.placeId')
    .innerJoin('regions as r', 'r.id', 's.regionId')
    .leftJoin('regions as rp', 'rp.id', 'r.parentId')
    .leftJoin('teams as t', 't.id', 's.teamId')
    .leftJoin('volunteers as v', 'v.id', 's.volunteerId')
    .select([
      's.id',
      's.placeId',
      'p.name as placeName',
      'p.kind as placeKind',
      'p.address as placeAddress',
      'p.areaM2 as placeAreaM2',
      'p.active as placeActive',
      's.regionId',
      placeLabel('r', 'rp').as('regionName'),
      'r.path as regionPath',
      's.everyDays',
      's.nextOn',
      's.teamId',
      't.name as teamName',
      's.volunteerId',
      'v.name as volunteerName',
      'v.accountId as volunteerAccountId',
      's.active',
      's.note',
    ])
    .select((eb) =>
      eb
        .selectFrom('disinfectionLogs as l')
        .select((e) => e.fn.max('l.doneOn').as('d'))
        .whereRef('l.scheduleId', '=', 's.id')
        .as('lastDoneOn'),
    );
}

type RawSchedule = Awaited<ReturnType<ReturnType<typeof scheduleBase>['executeTakeFirstOrThrow']>>;
export type ScheduleRow = Omit<RawSchedule, 'lastDoneOn' | 'placeAreaM2'> & {
  lastDoneOn: string | null;
  placeAreaM2: number | null;
};

const toSchedule = (r: RawSchedule): ScheduleRow => ({
  ...r,
  placeAreaM2: r.placeAreaM2 === null ? null : Number(r.placeAreaM2),
  lastDoneOn: (r.lastDoneOn as string | null) ?? null,
});

export async function findSchedule(q: Q, id: string): Promise<ScheduleRow | undefined> {
  const row = await scheduleBase(q).where('s.id', '=', id).executeTakeFirst();
  return row && toSchedule(row);
}

export interface ScheduleFilter {
  regionPath?: string;
  placeId?: string;
  state?: ScheduleState;
  limit: number;
  offset: number;
}

function stateCondition(state: ScheduleState, today: string): Expression<SqlBool> {
  const active = sql.ref('s.active');
  const next = sql.ref('s.nextOn');
  switch (state) {
    case 'overdue':
      return sql<SqlBool>`${active} = 1 AND ${next} < ${today}`;
    case 'due':
      return sql<SqlBool>`${active} = 1 AND ${next} <= ${today}`;
    case 'upcoming':
      return sql<SqlBool>`${active} = 1 AND ${next} > ${today}`;
    case 'paused':
      return sql<SqlBool>`${active} = 0`;
  }
}

/** Schedules in scope, the most overdue first (paused ones last). */
export async function listSchedules(
  q: Q,
  scope: Scope,
  f: ScheduleFilter,
  today: string,
): Promise<{ items: ScheduleRow[]; total: number }> {
  const where: Expression<SqlBool>[] = [];
  const regions = inScopedRegions(q, 's.regionId', scope, f.regionPath);
  if (regions) where.push(regions);
  if (f.placeId) where.push(sql<SqlBool>`${sql.ref('s.placeId')} = ${f.placeId}`);
  if (f.state) where.push(stateCondition(f.state, today));
  const rows = await scheduleBase(q)
    .where((eb) => eb.and(where))
    .orderBy('s.active', 'desc')
    .orderBy('s.nextOn')
    .orderBy('p.name')
    .orderBy('s.id')
    .limit(f.limit)
    .offset(f.offset)
    .execute();
  const total = await q
    .selectFrom('disinfectionSchedules as s')
    .select((eb) => eb.fn.countAll().as('n'))
    .where((eb) => eb.and(where))
    .executeTakeFirstOrThrow();
  return { items: rows.map(toSchedule), total: countOf(total.n) };
}

/** Active schedules given to the volunteer or to one of their teams, soonest (most overdue) first. */
export async function jobsOf(q: Q, who: { volunteerId: string | null; teamIds: readonly string[] }): Promise<ScheduleRow[]> {
  if (!who.volunteerId && who.teamIds.length === 0) return [];
  const rows = await scheduleBase(q)
    .where('s.active', '=', 1)
    .where('p.active', '=', 1)
    .where((eb) =>
      eb.or([
        ...(who.volunteerId ? [eb('s.volunteerId', '=', who.volunteerId)] : []),
        ...(who.teamIds.length ? [eb('s.teamId', 'in', who.teamIds)] : []),
      ]),
    )
    .orderBy('s.nextOn')
    .orderBy('p.name')
    .orderBy('s.id')
    .limit(200)
    .execute();
  return rows.map(toSchedule);
}

export async function insertSchedule(q: Q, row: DisinfectionScheduleTable): Promise<void> {
  await q.insertInto('disinfectionSchedules').values(row).execute();
}

export async function updateSchedule(q: Q, id: string, set: Partial<DisinfectionScheduleTable>): Promise<void> {
  await q.updateTable('disinfectionSchedules').set(set).where('id', '=', id).execute();
}

/** Moves the next job on to `nextOn`, never back (two logs racing leave the later day). */
export async function moveNextOn(q: Q, id: string, nextOn: string, now: string): Promise<void> {
  await q
    .updateTable('disinfectionSchedules')
    .set({ nextOn, updatedAt: now })
    .where('id', '=', id)
    .where('nextOn', '<', nextOn)
    .execute();
}
