import type { Kysely } from 'kysely';
import type { InspectionMark } from '../../../common/enums.ts';
import type { Scope } from '../../platform/access/actor.ts';
import { inRegionScope } from '../../platform/access/scope.ts';
import { startsWith, toNumber } from '../../platform/db/dialect.ts';
import { placeLabel } from '../../platform/db/place-label.ts';
import type { Database, InspectionMarkTable, InspectionTable } from '../../platform/db/schema.ts';
import type { AbsenceTally, Inspection, InspectionSummary } from './inspections.schemas.ts';
import type { FigureRow, FigureWindow } from '../dashboard/figure-sources.ts';

type Q = Kysely<Database>;

/** Ids per IN list: under both databases' bound-parameter limits. */
const CHUNK = 500;

/** A visit as stored, with its region's path for access checks. */
export interface InspectionRow extends InspectionSummary {
  regionPath: string;
}

/** A visit the account made itself: where it was. */
export async function ownVisit(
  q: Q,
  accountId: string,
  inspectionId: string,
): Promise<{ checkpointId: string; regionId: string } | null> {
  const row = await q
    .selectFrom('inspections')
    .select(['checkpointId', 'regionId'])
    .where('id', '=', inspectionId)
    .where('inspectorAccountId', '=', accountId)
    .executeTakeFirst();
  return row ?? null;
}

function base(q: Q) {
  return q
    .selectFrom('inspections as i')
    .innerJoin('checkpoints as c', 'c.id', 'i.checkpointId')
    .innerJoin('regions as g', 'g.id', 'i.regionId')
    .leftJoin('regions as gp', 'gp.id', 'g.parentId')
    .leftJoin('inspectionGroups as ig', 'ig.id', 'i.groupId')
    .innerJoin('accounts as a', 'a.id', 'i.inspectorAccountId')
    .select([
      'i.id',
      'i.checkpointId',
      'c.name as checkpointName',
      placeLabel('g', 'gp').as('regionName'),
      'g.path as regionPath',
      'i.groupId',
      'ig.name as groupName',
      'i.inspectorAccountId',
      'a.name as inspectorName',
      'i.visitedAt',
      'i.createdAt',
      'i.ratingStaffing',
      'i.ratingSupplies',
      'i.ratingRegistration',
      'i.ratingAttitude',
      'i.findings',
      'i.expected',
      'i.present',
      'i.absent',
    ]);
}

type Raw = Awaited<ReturnType<ReturnType<typeof base>['executeTakeFirstOrThrow']>>;

const toRow = (r: Raw): InspectionRow => ({
  id: r.id,
  checkpointId: r.checkpointId,
  checkpointName: r.checkpointName,
  regionName: r.regionName,
  regionPath: r.regionPath,
  groupId: r.groupId,
  groupName: r.groupName,
  inspector: { accountId: r.inspectorAccountId, name: r.inspectorName },
  visitedAt: r.visitedAt,
  createdAt: r.createdAt,
  ratings: {
    staffing: Number(r.ratingStaffing),
    supplies: Number(r.ratingSupplies),
    registration: Number(r.ratingRegistration),
    attitude: Number(r.ratingAttitude),
  },
  findings: r.findings,
  expected: Number(r.expected),
  present: Number(r.present),
  absent: Number(r.absent),
});

export async function findInspection(q: Q, id: string): Promise<InspectionRow | undefined> {
  const row = await base(q).where('i.id', '=', id).executeTakeFirst();
  return row && toRow(row);
}

export interface InspectionFilter {
  regionPath?: string;
  checkpointId?: string;
  groupId?: string;
  inspectorAccountId?: string;
  fromDate?: string;
  toDate?: string;
  withAbsences?: boolean;
  limit: number;
  offset: number;
}

export async function listInspections(
  q: Q,
  scope: Scope,
  f: InspectionFilter,
): Promise<{ items: InspectionRow[]; total: number }> {
  let query = base(q).where((eb) => inRegionScope(eb, scope, 'g.path'));
  if (f.regionPath) query = query.where(startsWith('g.path', f.regionPath));
  if (f.checkpointId) query = query.where('i.checkpointId', '=', f.checkpointId);
  if (f.groupId) query = query.where('i.groupId', '=', f.groupId);
  if (f.inspectorAccountId) query = query.where('i.inspectorAccountId', '=', f.inspectorAccountId);
  if (f.fromDate) query = query.where('i.visitedOn', '>=', f.fromDate);
  if (f.toDate) query = query.where('i.visitedOn', '<=', f.toDate);
  if (f.withAbsences) query = query.where('i.absent', '>', 0);
  const count = await query
    .clearSelect()
    .select((eb) => eb.fn.countAll<number | string>().as('n'))
    .executeTakeFirstOrThrow();
  const rows = await query.orderBy('i.visitedAt', 'desc').orderBy('i.id', 'desc').limit(f.limit).offset(f.offset).execute();
  return { items: rows.map(toRow), total: toNumber(count.n) };
}

/** The marks of a visit with the person's name and the shift's times, by shift then name. */
export async function marksOf(q: Q, inspectionId: string): Promise<Inspection['marks']> {
  const rows = await q
    .selectFrom('inspectionMarks as m')
    .innerJoin('volunteers as v', 'v.id', 'm.volunteerId')
    .innerJoin('rosterAssignments as ra', 'ra.id', 'm.assignmentId')
    .innerJoin('rosterShifts as s', 's.id', 'ra.shiftId')
    .select(['m.assignmentId', 'm.volunteerId', 'v.name', 'm.mark', 'm.note', 's.startsAt', 's.endsAt'])
    .where('m.inspectionId', '=', inspectionId)
    .orderBy('s.startsAt')
    .orderBy('v.name')
    .orderBy('m.assignmentId')
    .execute();
  return rows.map((r) => ({ ...r, mark: r.mark as InspectionMark }));
}

export async function lastVisit(
  q: Q,
  checkpointId: string,
): Promise<{ id: string; visitedAt: string; inspectorName: string } | null> {
  const row = await q
    .selectFrom('inspections as i')
    .innerJoin('accounts as a', 'a.id', 'i.inspectorAccountId')
    .select(['i.id', 'i.visitedAt', 'a.name as inspectorName'])
    .where('i.checkpointId', '=', checkpointId)
    .orderBy('i.visitedAt', 'desc')
    .orderBy('i.id', 'desc')
    .limit(1)
    .executeTakeFirst();
  return row ?? null;
}

export interface VisitStats {
  lastVisitAt: string | null;
  today: number;
  thisWeek: number;
}

/** Per checkpoint: the last visit ever, and the visits on `today` and from `weekStart` to `today`. */
export async function visitStats(
  q: Q,
  checkpointIds: readonly string[],
  today: string,
  weekStart: string,
): Promise<Map<string, VisitStats>> {
  const out = new Map<string, VisitStats>();
  for (let i = 0; i < checkpointIds.length; i += CHUNK) {
    const rows = await q
      .selectFrom('inspections')
      .select((eb) => [
        'checkpointId',
        eb.fn.max('visitedAt').as('lastVisitAt'),
        eb.fn.sum<number | string | null>(eb.case().when('visitedOn', '=', today).then(1).else(0).end()).as('today'),
        eb.fn
          .sum<number | string | null>(
            eb
              .case()
              .when(eb.and([eb('visitedOn', '>=', weekStart), eb('visitedOn', '<=', today)]))
              .then(1)
              .else(0)
              .end(),
          )
          .as('thisWeek'),
      ])
      .where('checkpointId', 'in', checkpointIds.slice(i, i + CHUNK))
      .groupBy('checkpointId')
      .execute();
    for (const r of rows) {
      out.set(r.checkpointId, { lastVisitAt: r.lastVisitAt, today: toNumber(r.today), thisWeek: toNumber(r.thisWeek) });
    }
  }
  return out;
}

/** Absent marks of visits in the scope (and under `regionPath`) on local dates `from`–`to`. */
function absentMarks(q: Q, scope: Scope, f: { regionPath?: string; from: string; to: string }) {
  let query = q
    .selectFrom('inspectionMarks as m')
    .innerJoin('inspections as i', 'i.id', 'm.inspectionId')
    .innerJoin('regions as ir', 'ir.id', 'i.regionId')
    .where('m.mark', '=', 'absent')
    .where('i.visitedOn', '>=', f.from)
    .where('i.visitedOn', '<=', f.to)
    .where((eb) => inRegionScope(eb, scope, 'ir.path'));
  if (f.regionPath) query = query.where(startsWith('ir.path', f.regionPath));
  return query;
}

/** Absences found by inspections, by volunteer (with their home place) and by their current teams. */
export async function absenceTally(
  q: Q,
  scope: Scope,
  f: { regionPath?: string; from: string; to: string },
): Promise<Pick<AbsenceTally, 'byVolunteer' | 'byTeam'>> {
  const people = await absentMarks(q, scope, f)
    .innerJoin('volunteers as v', 'v.id', 'm.volunteerId')
    .innerJoin('regions as vr', 'vr.id', 'v.regionId')
    .leftJoin('regions as vp', 'vp.id', 'vr.parentId')
    .select((eb) => [
      'm.volunteerId',
      'v.name',
      placeLabel('vr', 'vp').as('regionName'),
      eb.fn.countAll<number | string>().as('n'),
      eb.fn.max('i.visitedAt').as('lastAt'),
    ])
    .groupBy(['m.volunteerId', 'v.name', 'vr.name', 'vr.level', 'vp.name'])
    .execute();
  const teams = await absentMarks(q, scope, f)
    .innerJoin('teamMembers as tm', 'tm.volunteerId', 'm.volunteerId')
    .innerJoin('teams as t', 't.id', 'tm.teamId')
    .select((eb) => ['t.id', 't.name', eb.fn.countAll<number | string>().as('n')])
    .groupBy(['t.id', 't.name'])
    .execute();
  const collator = new Intl.Collator('zh-CN', { numeric: true });
  return {
    byVolunteer: people
      .map((r) => ({
        volunteerId: r.volunteerId,
        name: r.name,
        regionName: r.regionName,
        count: toNumber(r.n),
        lastAt: r.lastAt,
      }))
      .sort((a, b) => b.count - a.count || b.lastAt.localeCompare(a.lastAt) || collator.compare(a.name, b.name)),
    byTeam: teams
      .map((r) => ({ teamId: r.id, name: r.name, count: toNumber(r.n) }))
      .sort((a, b) => b.count - a.count || collator.compare(a.name, b.name)),
  };
}

export async function insertInspection(q: Q, row: InspectionTable): Promise<void> {
  await q.insertInto('inspections').values(row).execute();
}

export async function insertMarks(q: Q, rows: readonly InspectionMarkTable[]): Promise<void> {
  for (let i = 0; i < rows.length; i += CHUNK) {
    await q
      .insertInto('inspectionMarks')
      .values(rows.slice(i, i + CHUNK))
      .execute();
  }
}

/** The dashboard's inspections figure (the refresh job's own reading: no actor, no scope): visits in the window per region. */
export async function figures(q: Q, w: FigureWindow): Promise<FigureRow[]> {
  const rows = await q
    .selectFrom('inspections')
    .select((eb) => ['regionId', eb.fn.countAll().as('n')])
    .where('visitedAt', '>=', w.from)
    .where('visitedAt', '<', w.to)
    .groupBy('regionId')
    .execute();
  return rows.map((r) => ({ regionId: r.regionId, values: { inspections: toNumber(r.n as number | string) } }));
}
