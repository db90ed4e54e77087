import { requireAccess, requireScope, type Actor } from '../../platform/access/actor.ts';
import { auditWrite, type CallContext } from '../../platform/audit/audit.ts';
import { calendarDate } from '../../platform/dates.ts';
import { newId, nowIso } from '../../platform/db/ids.ts';
import { transact } from '../../platform/db/transact.ts';
import type { Deps } from '../../platform/deps.ts';
import { AppError, invalidField, notFound, type FieldProblem } from '../../platform/errors.ts';
import type { CheckpointSummary } from '../checkpoints/checkpoints.schemas.ts';
import type { CheckpointsService } from '../checkpoints/checkpoints.service.ts';
import type { AttendanceService } from '../duty/attendance.service.ts';
import type { RegionsService } from '../regions/regions.service.ts';
import type { TeamsService } from '../teams/teams.service.ts';
import type { VolunteersService } from '../volunteers/volunteers.service.ts';
import type { InspectionGroupsService } from './inspection-groups.service.ts';
import { inspectionReports } from './inspections.reports.ts';
import * as repo from './inspections.repository.ts';
import type {
  CreateInspectionInput,
  Inspection,
  InspectionCrew,
  InspectionQueryInput,
  InspectionSummary,
} from './inspections.schemas.ts';
import type { FigureWindow } from '../dashboard/figure-sources.ts';

export type InspectionsService = ReturnType<typeof inspectionsService>;

const MINUTE = 60_000;
/** Phones' clocks drift: a visit a little ahead of the server's clock is still now. */
const CLOCK_TOLERANCE_MS = 2 * MINUTE;
/** A visit kept on the phone offline may be sent up to a day later. */
const MAX_AGE_MS = 24 * 60 * MINUTE;

const collator = new Intl.Collator('zh-CN', { numeric: true });

/** A date-time the schema let through but Date cannot hold (a leap second) is a wrong value, not a crash. */
export function instant(iso: string, field: string): Date {
  const d = new Date(iso);
  if (Number.isNaN(d.getTime())) throw invalidField(field, 'field.format');
  return d;
}

const withoutPath = ({ regionPath: _path, ...row }: repo.InspectionRow): InspectionSummary => row;

/** Inspection visits at checkpoints, coverage of an area and the day's round, absences found. */
export function inspectionsService(
  deps: Deps,
  others: {
    regions: RegionsService;
    volunteers: VolunteersService;
    teams: TeamsService;
    checkpoints: CheckpointsService;
    attendance: AttendanceService;
    groups: InspectionGroupsService;
  },
) {
  const { volunteers, teams, checkpoints, attendance, groups, regions } = others;
  const {
    db: { db },
    events,
    config: { timeZone },
  } = deps;

  /** A checkpoint the actor may act on; one outside their area looks missing. */
  async function checkpointFor(actor: Actor, permission: 'inspections.visit', id: string): Promise<CheckpointSummary> {
    const [cp] = await checkpoints.summaries([id]);
    if (!cp) throw notFound();
    requireAccess(actor, permission, cp.regionPath);
    return cp;
  }

  async function detail(row: repo.InspectionRow): Promise<Inspection> {
    return { ...withoutPath(row), marks: await repo.marksOf(db, row.id) };
  }

  /** Rules a schema cannot say: the time, the group, and that each mark is for someone on post then. */
  async function visitProblems(actor: Actor, cp: CheckpointSummary, input: CreateInspectionInput, visitedAt: Date) {
    const problems: Record<string, FieldProblem> = {};
    const now = Date.now();
    if (visitedAt.getTime() > now + CLOCK_TOLERANCE_MS) problems.visitedAt = { reason: 'field.inspection.future' };
    else if (visitedAt.getTime() < now - MAX_AGE_MS) problems.visitedAt = { reason: 'field.inspection.tooOld' };
    if (input.groupId && !(await groups.memberGroups(actor.accountId)).some((g) => g.id === input.groupId)) {
      problems.groupId = { reason: 'field.inspection.group' };
    }
    const { crew } = await attendance.crewAt(cp.id, visitedAt);
    const onPost = new Map(crew.map((c) => [c.assignmentId, c]));
    const seen = new Set<string>();
    input.marks.forEach((m, i) => {
      if (seen.has(m.assignmentId)) problems[`marks.${i}.assignmentId`] = { reason: 'field.inspection.markDuplicate' };
      else if (!onPost.has(m.assignmentId)) problems[`marks.${i}.assignmentId`] = { reason: 'field.inspection.markNotOnShift' };
      seen.add(m.assignmentId);
    });
    return { problems, crew, onPost };
  }

  return {
    ...inspectionReports(deps, { regions, checkpoints, attendance }),

    /** The command dashboard's source (no access check: the refresh job's own reading). */
    figures: (window: FigureWindow) => repo.figures(db, window),

    /**
     * The account's own visit, with its checkpoint and region; null when there is no such visit
     * or another inspector made it. No access check: other features ask about their caller's own.
     */
    async ownVisit(accountId: string, inspectionId: string): Promise<{ checkpointId: string; regionId: string } | null> {
      return repo.ownVisit(db, accountId, inspectionId);
    },

    async crew(actor: Actor, checkpointId: string, atIso: string | undefined): Promise<InspectionCrew> {
      const cp = await checkpointFor(actor, 'inspections.visit', checkpointId);
      const at = atIso ? instant(atIso, 'at') : new Date();
      const { shifts, crew } = await attendance.crewAt(cp.id, at);
      const ids = crew.map((c) => c.volunteerId);
      const names = new Map((await volunteers.summaries(ids)).map((v) => [v.id, v.name]));
      const memberships = await teams.membershipsOf(ids);
      const mine = (await groups.memberGroups(actor.accountId)).filter((g) =>
        g.areaPaths.some((p) => cp.regionPath.startsWith(p)),
      );
      return {
        checkpoint: {
          id: cp.id,
          name: cp.name,
          kind: cp.kind,
          regionName: cp.regionName,
          risk: cp.risk,
          address: cp.address,
          lat: cp.lat,
          lng: cp.lng,
        },
        at: nowIso(at),
        shifts,
        crew: crew
          .map((c) => ({
            assignmentId: c.assignmentId,
            volunteerId: c.volunteerId,
            name: names.get(c.volunteerId) ?? '',
            teamNames: memberships.get(c.volunteerId)?.teamNames ?? [],
            startsAt: c.startsAt,
            endsAt: c.endsAt,
            attendance: c.attendance,
            checkedInAt: c.checkedInAt,
          }))
          .sort((a, b) => a.startsAt.localeCompare(b.startsAt) || collator.compare(a.name, b.name)),
        lastVisit: await repo.lastVisit(db, cp.id),
        groups: mine.map((g) => ({ id: g.id, name: g.name })),
      };
    },

    /**
     * Records a visit: the marks, the absences it found (absence wins over a check-in, the
     * people concerned are told), the inspector's own service record when they are a volunteer.
     */
    async create(actor: Actor, call: CallContext, input: CreateInspectionInput): Promise<Inspection> {
      const cp = await checkpointFor(actor, 'inspections.visit', input.checkpointId);
      const visitedAt = input.visitedAt ? instant(input.visitedAt, 'visitedAt') : new Date();
      const { problems, crew, onPost } = await visitProblems(actor, cp, input, visitedAt);
      if (Object.keys(problems).length) throw new AppError(422, 'VALIDATION', {}, problems);
      const id = newId();
      const at = nowIso(visitedAt);
      const visitedOn = calendarDate(timeZone, visitedAt);
      const absent = input.marks.filter((m) => m.mark === 'absent').map((m) => onPost.get(m.assignmentId)!);
      const me = await volunteers.byAccount(actor.accountId);
      await transact(db, call, async (trx) => {
        await repo.insertInspection(trx, {
          id,
          checkpointId: cp.id,
          regionId: cp.regionId,
          groupId: input.groupId ?? null,
          inspectorAccountId: actor.accountId,
          visitedAt: at,
          visitedOn,
          ratingStaffing: input.ratings.staffing,
          ratingSupplies: input.ratings.supplies,
          ratingRegistration: input.ratings.registration,
          ratingAttitude: input.ratings.attitude,
          findings: input.findings?.trim() ?? null,
          expected: crew.length,
          present: input.marks.length - absent.length,
          absent: absent.length,
          createdAt: nowIso(),
        });
        await repo.insertMarks(
          trx,
          input.marks.map((m) => ({
            inspectionId: id,
            assignmentId: m.assignmentId,
            volunteerId: onPost.get(m.assignmentId)!.volunteerId,
            mark: m.mark,
            note: m.note?.trim() ?? null,
          })),
        );
        await attendance.recordInspectionAbsences(trx, call, { inspectionId: id, checkpoint: cp, at, absent });
        if (me) {
          await volunteers.recordService(trx, {
            volunteerId: me.id,
            kind: 'inspection',
            sourceId: id,
            title: `${cp.name} 督查`,
            hours: null,
            occurredOn: visitedOn,
            createdBy: actor.accountId,
          });
        }
        await auditWrite(trx, call, 'inspection.create', 'inspection', id, cp.regionPath, {
          checkpointId: cp.id,
          groupId: input.groupId ?? null,
          visitedAt: at,
          expected: crew.length,
          present: input.marks.length - absent.length,
          absent: absent.length,
        });
        await events.publish(trx, {
          type: 'inspection.created',
          permission: 'inspections.read',
          regionPath: cp.regionPath,
          entityType: 'inspection',
          entityId: id,
        });
      });
      return detail((await repo.findInspection(db, id))!);
    },

    async list(actor: Actor, query: InspectionQueryInput): Promise<{ items: InspectionSummary[]; total: number }> {
      const scope = requireScope(actor, 'inspections.read');
      const regionPath = await regions.readablePath(actor, 'inspections.read', query.regionId);
      if (query.from && query.to && query.to < query.from) throw invalidField('to', 'field.inspection.toBeforeFrom');
      const { items, total } = await repo.listInspections(db, scope, {
        ...(regionPath ? { regionPath } : {}),
        ...(query.checkpointId ? { checkpointId: query.checkpointId } : {}),
        ...(query.groupId ? { groupId: query.groupId } : {}),
        ...(query.mine ? { inspectorAccountId: actor.accountId } : {}),
        ...(query.from ? { fromDate: query.from } : {}),
        ...(query.to ? { toDate: query.to } : {}),
        ...(query.withAbsences ? { withAbsences: true } : {}),
        limit: query.limit ?? 50,
        offset: query.offset ?? 0,
      });
      return { items: items.map(withoutPath), total };
    },

    async get(actor: Actor, id: string): Promise<Inspection> {
      const row = await repo.findInspection(db, id);
      if (!row) throw notFound();
      requireAccess(actor, 'inspections.read', row.regionPath);
      return detail(row);
    },
  };
}
