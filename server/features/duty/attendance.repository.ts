import type { Kysely } from 'kysely';
import type { Scope } from '../../platform/access/actor.ts';
import { inRegionScope } from '../../platform/access/scope.ts';
import { startsWith, toBool, toNumber } from '../../platform/db/dialect.ts';
import { placeLabel } from '../../platform/db/place-label.ts';
import type { Database } from '../../platform/db/schema.ts';
import type { AttendanceWindows } from './attendance-state.ts';
import { DEFAULT_ROSTER_RULES } from './rosters.schemas.ts';
import type { FigureRow, FigureWindow } from '../dashboard/figure-sources.ts';

type Q = Kysely<Database>;

/** Stored rules JSON → attendance windows; a missing field takes its default. */
export function windowsOf(rulesJson: string): AttendanceWindows {
  let raw: Partial<Record<keyof AttendanceWindows, unknown>> = {};
  try {
    raw = JSON.parse(rulesJson) as typeof raw;
  } catch {
    // Rosters are stored with valid rules; defaults keep attendance working should one not be.
  }
  const pick = (key: keyof AttendanceWindows) => {
    const v = raw[key];
    return typeof v === 'number' && Number.isFinite(v) ? v : DEFAULT_ROSTER_RULES[key];
  };
  return {
    checkInEarlyMinutes: pick('checkInEarlyMinutes'),
    absentAfterMinutes: pick('absentAfterMinutes'),
    checkOutGraceMinutes: pick('checkOutGraceMinutes'),
  };
}

/** One assignment of a published roster, with its shift and roster. */
export interface DutyRow {
  assignmentId: string;
  rosterId: string;
  rosterName: string;
  windows: AttendanceWindows;
  shiftId: string;
  checkpointId: string;
  startsAt: string;
  endsAt: string;
  volunteerId: string;
  checkedInAt: string | null;
  checkedOutAt: string | null;
  autoClosed: boolean;
  absentAt: string | null;
  /** The inspection that found the person absent: absence wins over the check-in, no hours count. */
  absentInspectionId: string | null;
  hours: number | null;
}

function duties(q: Q) {
  return q
    .selectFrom('rosterAssignments as a')
    .innerJoin('rosterShifts as s', 's.id', 'a.shiftId')
    .innerJoin('rosters as r', 'r.id', 'a.rosterId')
    .where('r.status', '=', 'published')
    .select([
      'a.id as assignmentId',
      'a.rosterId',
      'r.name as rosterName',
      'r.rules',
      'a.shiftId',
      's.checkpointId',
      's.startsAt',
      's.endsAt',
      'a.volunteerId',
      'a.checkedInAt',
      'a.checkedOutAt',
      'a.autoClosed',
      'a.absentAt',
      'a.absentInspectionId',
      'a.hours',
    ]);
}

type Raw = Awaited<ReturnType<ReturnType<typeof duties>['executeTakeFirstOrThrow']>>;

const toDuty = ({ rules, autoClosed, hours, ...r }: Raw): DutyRow => ({
  ...r,
  windows: windowsOf(rules),
  autoClosed: toBool(autoClosed),
  hours: hours === null ? null : Number(hours),
});

/** A volunteer's published duties ending after `endsAfter` and starting before `startsBefore`, by start. */
export async function dutiesOf(
  q: Q,
  volunteerId: string,
  range: { endsAfter: string; startsBefore?: string; checkpointId?: string },
): Promise<DutyRow[]> {
  let query = duties(q).where('a.volunteerId', '=', volunteerId).where('s.endsAt', '>', range.endsAfter);
  if (range.startsBefore) query = query.where('s.startsAt', '<', range.startsBefore);
  if (range.checkpointId) query = query.where('s.checkpointId', '=', range.checkpointId);
  const rows = await query.orderBy('s.startsAt').orderBy('a.id').execute();
  return rows.map(toDuty);
}

export async function findDuty(q: Q, assignmentId: string): Promise<DutyRow | undefined> {
  const row = await duties(q).where('a.id', '=', assignmentId).executeTakeFirst();
  return row && toDuty(row);
}

/** Who else stands each of these shifts. */
export async function shiftPeople(q: Q, shiftIds: readonly string[]): Promise<{ shiftId: string; volunteerId: string }[]> {
  if (shiftIds.length === 0) return [];
  return q
    .selectFrom('rosterAssignments')
    .select(['shiftId', 'volunteerId'])
    .where('shiftId', 'in', [...shiftIds])
    .execute();
}

/** Those of these assignments with a swap request waiting for a decision. */
export async function pendingSwaps(q: Q, assignmentIds: readonly string[]): Promise<Set<string>> {
  if (assignmentIds.length === 0) return new Set();
  const rows = await q
    .selectFrom('swapRequests')
    .select('assignmentId')
    .where('status', '=', 'pending')
    .where('assignmentId', 'in', [...assignmentIds])
    .execute();
  return new Set(rows.map((r) => r.assignmentId));
}

/** Hours served by a volunteer, on shifts starting at or after `since` when given. */
export async function hoursServed(q: Q, volunteerId: string, since?: string): Promise<number> {
  let query = q
    .selectFrom('rosterAssignments as a')
    .innerJoin('rosterShifts as s', 's.id', 'a.shiftId')
    .select((eb) => eb.fn.sum<number | string | null>('a.hours').as('h'))
    .where('a.volunteerId', '=', volunteerId)
    .where('a.hours', 'is not', null);
  if (since) query = query.where('s.startsAt', '>=', since);
  const row = await query.executeTakeFirst();
  return Math.round(toNumber(row?.h) * 10) / 10;
}

export interface Position {
  lat: number | null;
  lng: number | null;
  accuracy: number | null;
}

/**
 * Records the arrival, made at `at` and received at `receivedAt` (later when it waited on a
 * phone without network); false when someone (a retry, another tab) already did. `clearAbsence`:
 * the arrival was in time, so the job's absence mark, made while the check-in was on its way, goes
 * (an inspector's finding stays).
 */
export async function checkIn(
  q: Q,
  assignmentId: string,
  at: string,
  p: Position,
  receivedAt: string = at,
  clearAbsence = false,
): Promise<boolean> {
  const r = await q
    .updateTable('rosterAssignments')
    .set((eb) => ({
      checkedInAt: at,
      checkInReceivedAt: receivedAt,
      checkInLat: p.lat,
      checkInLng: p.lng,
      checkInAccuracy: p.accuracy,
      ...(clearAbsence
        ? { absentAt: eb.case().when('absentInspectionId', 'is', null).then(null).else(eb.ref('absentAt')).end() }
        : {}),
    }))
    .where('id', '=', assignmentId)
    .where('checkedInAt', 'is', null)
    .executeTakeFirst();
  return Number(r.numUpdatedRows) === 1;
}

/**
 * Records the departure (by hand, or closed by the job); false when already recorded. With
 * `replacing`, the person's own check-out takes the place of the job's automatic one.
 */
export async function checkOut(
  q: Q,
  assignmentId: string,
  values: { at: string; position: Position; hours: number; autoClosed: boolean; receivedAt?: string; replacing?: boolean },
): Promise<boolean> {
  const r = await q
    .updateTable('rosterAssignments')
    .set((eb) => ({
      checkedOutAt: values.at,
      checkOutReceivedAt: values.receivedAt ?? values.at,
      checkOutLat: values.position.lat,
      checkOutLng: values.position.lng,
      checkOutAccuracy: values.position.accuracy,
      // An inspection that found the post empty may land between reading the duty and this write.
      hours: eb.case().when('absentInspectionId', 'is not', null).then(0).else(values.hours).end(),
      autoClosed: values.autoClosed ? 1 : 0,
    }))
    .where('id', '=', assignmentId)
    .where('checkedInAt', 'is not', null)
    .where((eb) => (values.replacing ? eb('autoClosed', '=', 1) : eb('checkedOutAt', 'is', null)))
    .executeTakeFirst();
  return Number(r.numUpdatedRows) === 1;
}

/** Published rosters whose dates reach `[fromDate, toDate]`, with their attendance windows. */
export async function rostersAround(
  q: Q,
  fromDate: string,
  toDate: string,
): Promise<{ id: string; windows: AttendanceWindows }[]> {
  const rows = await q
    .selectFrom('rosters')
    .select(['id', 'rules'])
    .where('status', '=', 'published')
    .where('startsOn', '<=', toDate)
    .where('endsOn', '>=', fromDate)
    .execute();
  return rows.map((r) => ({ id: r.id, windows: windowsOf(r.rules) }));
}

/** Assignments of a roster nobody checked in for, on shifts started by `startedBy`, not yet marked. */
export async function unmarkedAbsences(q: Q, rosterId: string, startedBy: string, limit: number): Promise<DutyRow[]> {
  const rows = await duties(q)
    .where('a.rosterId', '=', rosterId)
    .where('s.startsAt', '<=', startedBy)
    .where('a.checkedInAt', 'is', null)
    .where('a.absentAt', 'is', null)
    .orderBy('s.startsAt')
    .limit(limit)
    .execute();
  return rows.map(toDuty);
}

/** Marks these absent; returns those it marked (a late arrival meanwhile is left alone). */
export async function markAbsent(q: Q, assignmentIds: readonly string[], at: string): Promise<Set<string>> {
  if (assignmentIds.length === 0) return new Set();
  const rows = await q
    .updateTable('rosterAssignments')
    .set({ absentAt: at })
    .where('id', 'in', [...assignmentIds])
    .where('absentAt', 'is', null)
    .where('checkedInAt', 'is', null)
    .returning('id')
    .execute();
  return new Set(rows.map((r) => r.id));
}

/** Check-ins of a roster still open on shifts ended by `endedBy`. */
export async function openCheckIns(q: Q, rosterId: string, endedBy: string, limit: number): Promise<DutyRow[]> {
  const rows = await duties(q)
    .where('a.rosterId', '=', rosterId)
    .where('s.endsAt', '<=', endedBy)
    .where('a.checkedInAt', 'is not', null)
    .where('a.checkedOutAt', 'is', null)
    .orderBy('s.endsAt')
    .limit(limit)
    .execute();
  return rows.map(toDuty);
}

/**
 * Active accounts holding region_manager over one of these regions when it is a community or a
 * grid (the staff of the place a checkpoint stands in).
 */
export async function placeManagers(q: Q, regionIds: readonly string[]): Promise<{ regionId: string; accountId: string }[]> {
  if (regionIds.length === 0) return [];
  const rows = await q
    .selectFrom('roleGrants as g')
    .innerJoin('regions', 'regions.id', 'g.regionId')
    .innerJoin('accounts', 'accounts.id', 'g.accountId')
    .select(['regions.id as regionId', 'g.accountId'])
    .where('g.role', '=', 'region_manager')
    .where('regions.level', 'in', ['community', 'grid'])
    .where('accounts.status', '=', 'active')
    .where('g.regionId', 'in', [...regionIds])
    .execute();
  return rows.map((r) => ({ regionId: r.regionId, accountId: r.accountId }));
}

export async function activeAccounts(q: Q, ids: readonly string[]): Promise<Set<string>> {
  if (ids.length === 0) return new Set();
  const rows = await q
    .selectFrom('accounts')
    .select('id')
    .where('id', 'in', [...ids])
    .where('status', '=', 'active')
    .execute();
  return new Set(rows.map((r) => r.id));
}

/** A published shift going on at the moment, with its head counts; checkpoint fields for sorting and grouping. */
export interface NowShiftRow {
  shiftId: string;
  checkpointId: string;
  checkpointName: string;
  risk: number;
  regionPath: string;
  startsAt: string;
  endsAt: string;
  required: number;
  windows: AttendanceWindows;
  onDuty: number;
  absent: number;
  due: number;
}

/**
 * Every published shift overlapping `at` at a checkpoint in scope (and under `regionPath`), counted
 * in the database: a county's 1,200 checkpoints come back as one row per shift, not per person.
 */
export async function shiftsAt(
  q: Q,
  scope: Scope,
  at: string,
  around: { fromDate: string; toDate: string },
  regionPath?: string,
): Promise<NowShiftRow[]> {
  let query = q
    .selectFrom('rosterShifts as s')
    .innerJoin('rosters as r', 'r.id', 's.rosterId')
    .innerJoin('checkpoints as c', 'c.id', 's.checkpointId')
    .innerJoin('regions as g', 'g.id', 'c.regionId')
    .leftJoin('rosterAssignments as a', 'a.shiftId', 's.id')
    .where('r.status', '=', 'published')
    .where('r.startsOn', '<=', around.toDate)
    .where('r.endsOn', '>=', around.fromDate)
    .where('s.startsAt', '<=', at)
    .where('s.endsAt', '>', at)
    .where((eb) => inRegionScope(eb, scope, 'g.path'));
  if (regionPath) query = query.where(startsWith('g.path', regionPath));
  const rows = await query
    .select((eb) => [
      's.id as shiftId',
      's.checkpointId',
      'c.name as checkpointName',
      'c.risk',
      'g.path as regionPath',
      's.startsAt',
      's.endsAt',
      's.required',
      'r.rules',
      eb.fn
        .sum<number | string | null>(
          eb
            .case()
            .when(
              eb.and([
                eb('a.checkedInAt', 'is not', null),
                eb('a.checkedOutAt', 'is', null),
                eb('a.absentInspectionId', 'is', null),
              ]),
            )
            .then(1)
            .else(0)
            .end(),
        )
        .as('onDuty'),
      eb.fn
        .sum<number | string | null>(
          eb
            .case()
            .when(
              eb.and([
                eb('a.absentAt', 'is not', null),
                eb.or([eb('a.checkedInAt', 'is', null), eb('a.absentInspectionId', 'is not', null)]),
              ]),
            )
            .then(1)
            .else(0)
            .end(),
        )
        .as('absent'),
      eb.fn
        .sum<number | string | null>(
          eb
            .case()
            .when(eb.and([eb('a.id', 'is not', null), eb('a.absentAt', 'is', null), eb('a.checkedInAt', 'is', null)]))
            .then(1)
            .else(0)
            .end(),
        )
        .as('due'),
    ])
    .groupBy(['s.id', 's.checkpointId', 'c.name', 'c.risk', 'g.path', 's.startsAt', 's.endsAt', 's.required', 'r.rules'])
    .execute();
  return rows.map(({ rules, ...r }) => ({
    ...r,
    windows: windowsOf(rules),
    risk: Number(r.risk),
    required: Number(r.required),
    onDuty: toNumber(r.onDuty),
    absent: toNumber(r.absent),
    due: toNumber(r.due),
  }));
}

/** The people on these shifts with their attendance columns, in the order they were assigned. */
export async function peopleOn(
  q: Q,
  shiftIds: readonly string[],
): Promise<
  {
    assignmentId: string;
    shiftId: string;
    volunteerId: string;
    checkedInAt: string | null;
    checkedOutAt: string | null;
    absentAt: string | null;
    absentInspectionId: string | null;
    autoClosed: boolean;
  }[]
> {
  if (shiftIds.length === 0) return [];
  const rows = await q
    .selectFrom('rosterAssignments')
    .select([
      'id as assignmentId',
      'shiftId',
      'volunteerId',
      'checkedInAt',
      'checkedOutAt',
      'absentAt',
      'absentInspectionId',
      'autoClosed',
    ])
    .where('shiftId', 'in', [...shiftIds])
    .orderBy('createdAt')
    .orderBy('id')
    .execute();
  return rows.map((r) => ({ ...r, autoClosed: toBool(r.autoClosed) }));
}

export interface AbsenceRow {
  assignmentId: string;
  volunteerId: string;
  checkpointId: string;
  checkpointName: string;
  regionName: string;
  startsAt: string;
  endsAt: string;
  absentAt: string;
  checkedInAt: string | null;
}

export async function listAbsences(
  q: Q,
  scope: Scope,
  filter: { regionPath?: string; startsFrom?: string; startsBefore?: string; limit: number; offset: number },
): Promise<{ items: AbsenceRow[]; total: number }> {
  let query = q
    .selectFrom('rosterAssignments as a')
    .innerJoin('rosterShifts as s', 's.id', 'a.shiftId')
    .innerJoin('rosters as r', 'r.id', 'a.rosterId')
    .innerJoin('checkpoints as c', 'c.id', 's.checkpointId')
    .innerJoin('regions as g', 'g.id', 'c.regionId')
    .leftJoin('regions as gp', 'gp.id', 'g.parentId')
    .where('r.status', '=', 'published')
    .where('a.absentAt', 'is not', null)
    .where((eb) => inRegionScope(eb, scope, 'g.path'));
  if (filter.regionPath) query = query.where(startsWith('g.path', filter.regionPath));
  if (filter.startsFrom) query = query.where('s.startsAt', '>=', filter.startsFrom);
  if (filter.startsBefore) query = query.where('s.startsAt', '<', filter.startsBefore);
  const count = await query.select((eb) => eb.fn.countAll<number | string>().as('n')).executeTakeFirstOrThrow();
  const rows = await query
    .select([
      'a.id as assignmentId',
      'a.volunteerId',
      'c.id as checkpointId',
      'c.name as checkpointName',
      placeLabel('g', 'gp').as('regionName'),
      's.startsAt',
      's.endsAt',
      'a.absentAt',
      'a.checkedInAt',
    ])
    .orderBy('s.startsAt', 'desc')
    .orderBy('c.name')
    .orderBy('a.id')
    .limit(filter.limit)
    .offset(filter.offset)
    .execute();
  return { items: rows.map((r) => ({ ...r, absentAt: r.absentAt! })), total: toNumber(count.n) };
}

/**
 * Removes the positions of check-ins and check-outs of shifts that ended before `endedBefore`;
 * times and hours stay (they are the service record). Returns how many assignments lost one.
 */
export async function forgetPositions(q: Q, endedBefore: string): Promise<number> {
  const r = await q
    .updateTable('rosterAssignments')
    .set({
      checkInLat: null,
      checkInLng: null,
      checkInAccuracy: null,
      checkOutLat: null,
      checkOutLng: null,
      checkOutAccuracy: null,
    })
    .where('shiftId', 'in', (eb) => eb.selectFrom('rosterShifts').select('id').where('endsAt', '<', endedBefore))
    .where((eb) => eb.or([eb('checkInLat', 'is not', null), eb('checkOutLat', 'is not', null)]))
    .executeTakeFirst();
  return Number(r.numUpdatedRows);
}

/** A published shift at one checkpoint covering a moment, with its head count. */
export interface CrewShiftRow {
  shiftId: string;
  startsAt: string;
  endsAt: string;
  required: number;
  windows: AttendanceWindows;
}

/** Published shifts at the checkpoint with `startsAt <= at < endsAt`, by start. */
export async function shiftsCovering(q: Q, checkpointId: string, at: string): Promise<CrewShiftRow[]> {
  const rows = await q
    .selectFrom('rosterShifts as s')
    .innerJoin('rosters as r', 'r.id', 's.rosterId')
    .select(['s.id as shiftId', 's.startsAt', 's.endsAt', 's.required', 'r.rules'])
    .where('r.status', '=', 'published')
    .where('s.checkpointId', '=', checkpointId)
    .where('s.startsAt', '<=', at)
    .where('s.endsAt', '>', at)
    .orderBy('s.startsAt')
    .orderBy('s.id')
    .execute();
  return rows.map(({ rules, ...r }) => ({ ...r, required: Number(r.required), windows: windowsOf(rules) }));
}

/**
 * Records that an inspection found these people absent: the first inspection to do so is kept,
 * the absence time only where none was recorded yet, and hours already counted at a check-out
 * drop to zero (absence wins). Returns those it marked.
 */
export async function markAbsentByInspection(
  q: Q,
  assignmentIds: readonly string[],
  inspectionId: string,
  at: string,
): Promise<Set<string>> {
  if (assignmentIds.length === 0) return new Set();
  const rows = await q
    .updateTable('rosterAssignments')
    .set((eb) => ({
      absentInspectionId: inspectionId,
      absentAt: eb.fn.coalesce('absentAt', eb.val(at)),
      hours: eb.case().when('checkedOutAt', 'is not', null).then(0).else(eb.ref('hours')).end(),
    }))
    .where('id', 'in', [...assignmentIds])
    .where('absentInspectionId', 'is', null)
    .returning('id')
    .execute();
  return new Set(rows.map((r) => r.id));
}

const DAY_MS = 86_400_000;

/**
 * The dashboard's duty figures (the refresh job's own reading: no actor, no scope), per region of
 * the checkpoint, from published rosters. The plan counts the whole day's shifts (`dayEnd`: when the
 * day ends), attendance only those started by `w.to`; present means checked in and not found
 * absent by an inspector. Who is on post goes by check-in and check-out times, whichever day their
 * shift began (a shift lasts under a day, and check-in opens before it starts); who served today
 * checked in today or for a shift of today (the night shift's people check in before midnight). Starting from the
 * checkpoints lets both databases range over the (checkpoint, start) index of the shifts.
 */
export async function figures(q: Q, w: FigureWindow, dayEnd: string): Promise<FigureRow[]> {
  const shifts = (from: string, to: string) =>
    q
      .selectFrom('checkpoints as c')
      .innerJoin('rosterShifts as s', 's.checkpointId', 'c.id')
      .where('s.startsAt', '>=', from)
      .where('s.startsAt', '<', to);
  const planned = await shifts(w.from, dayEnd)
    .innerJoin('rosters as r', 'r.id', 's.rosterId')
    .where('r.status', '=', 'published')
    .select((eb) => ['c.regionId', eb.fn.sum('s.required').as('required')])
    .groupBy('c.regionId')
    .execute();
  const assigned = await shifts(w.from, dayEnd)
    .innerJoin('rosters as r', 'r.id', 's.rosterId')
    .innerJoin('rosterAssignments as a', 'a.shiftId', 's.id')
    .where('r.status', '=', 'published')
    .select((eb) => {
      const started = eb('s.startsAt', '<', w.to);
      return [
        'c.regionId',
        eb.fn.countAll().as('assigned'),
        eb.fn.sum(eb.case().when(started).then(1).else(0).end()).as('due'),
        eb.fn
          .sum(
            eb
              .case()
              .when(eb.and([started, eb('a.checkedInAt', '<', w.to), eb('a.absentInspectionId', 'is', null)]))
              .then(1)
              .else(0)
              .end(),
          )
          .as('present'),
      ];
    })
    .groupBy('c.regionId')
    .execute();
  const checkedIn = await shifts(
    new Date(Date.parse(w.from) - DAY_MS).toISOString(),
    new Date(Date.parse(w.to) + DAY_MS).toISOString(),
  )
    .innerJoin('rosterAssignments as a', 'a.shiftId', 's.id')
    .where('a.checkedInAt', '<', w.to)
    .where((eb) => eb.or([eb('a.checkedInAt', '>=', w.from), eb('a.checkedOutAt', 'is', null), eb('a.checkedOutAt', '>', w.to)]))
    .select((eb) => [
      'c.regionId',
      eb.fn
        .count(
          eb
            .case()
            .when(eb.or([eb('a.checkedInAt', '>=', w.from), eb('s.startsAt', '>=', w.from)]))
            .then(eb.ref('a.volunteerId'))
            .end(),
        )
        .distinct()
        .as('served'),
      eb.fn
        .sum(
          eb
            .case()
            .when(
              eb.and([
                eb.or([eb('a.checkedOutAt', 'is', null), eb('a.checkedOutAt', '>', w.to)]),
                eb('a.absentInspectionId', 'is', null),
              ]),
            )
            .then(1)
            .else(0)
            .end(),
        )
        .as('onPost'),
    ])
    .groupBy('c.regionId')
    .execute();

  const n = (v: unknown) => toNumber(v as number | string | null);
  return [
    ...planned.map((r) => ({ regionId: r.regionId, values: { shiftsRequired: n(r.required) } })),
    ...assigned.map((r) => ({
      regionId: r.regionId,
      values: { shiftsAssigned: n(r.assigned), attendanceDue: n(r.due), attendancePresent: n(r.present) },
    })),
    ...checkedIn.map((r) => ({ regionId: r.regionId, values: { volunteersServed: n(r.served), volunteersOnPost: n(r.onPost) } })),
  ];
}

/** A published shift a volunteer held and lost (unassigned, or swapped to someone else), and when. */
export interface LostShift {
  shiftId: string;
  rosterId: string;
  startsAt: string;
  endsAt: string;
  windows: AttendanceWindows;
  /** When the roster change took it away. */
  changedAt: string;
}

/**
 * Shifts at the checkpoint overlapping `[from, to)` that the volunteer was taken off on a
 * published roster (roster_changes: unassigned, swapped away as requester or as the other side),
 * and does not hold again now.
 */
export async function lostShifts(
  q: Q,
  volunteerId: string,
  checkpointId: string,
  from: string,
  to: string,
): Promise<LostShift[]> {
  const rows = await q
    .selectFrom('rosterChanges as ch')
    .innerJoin('rosterShifts as s', (j) =>
      j.on((eb) =>
        eb.or([
          eb.and([eb('ch.volunteerId', '=', volunteerId), eb('s.id', '=', eb.ref('ch.shiftId'))]),
          eb.and([
            eb('ch.action', '=', 'swap'),
            eb('ch.otherVolunteerId', '=', volunteerId),
            eb('s.id', '=', eb.ref('ch.otherShiftId')),
          ]),
        ]),
      ),
    )
    .innerJoin('rosters as r', 'r.id', 's.rosterId')
    .where('r.status', '=', 'published')
    .where('ch.action', 'in', ['unassign', 'swap'])
    .where('s.checkpointId', '=', checkpointId)
    .where('s.endsAt', '>', from)
    .where('s.startsAt', '<', to)
    .where(({ not, exists, selectFrom }) =>
      not(
        exists(
          selectFrom('rosterAssignments as a')
            .select('a.id')
            .whereRef('a.shiftId', '=', 's.id')
            .where('a.volunteerId', '=', volunteerId),
        ),
      ),
    )
    .select(['s.id as shiftId', 's.rosterId', 's.startsAt', 's.endsAt', 'r.rules', 'ch.at as changedAt'])
    .orderBy('s.startsAt')
    .orderBy('ch.at', 'desc')
    .execute();
  return rows.map(({ rules, ...r }) => ({ ...r, windows: windowsOf(rules) }));
}
