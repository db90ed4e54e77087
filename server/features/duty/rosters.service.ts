import type { Language } from '../../../common/enums.ts';
import { requireAccess, requireScope, type Actor } from '../../platform/access/actor.ts';
import { auditWrite, type CallContext } from '../../platform/audit/audit.ts';
import { newId, nowIso } from '../../platform/db/ids.ts';
import { transact } from '../../platform/db/transact.ts';
import { calendarDate, daysBetween } from '../../platform/dates.ts';
import type { Deps } from '../../platform/deps.ts';
import { AppError, conflict, invalidField, notFound } from '../../platform/errors.ts';
import { notify } from '../../platform/notify/notify.ts';
import type { CheckpointsService } from '../checkpoints/checkpoints.service.ts';
import type { RegionsService } from '../regions/regions.service.ts';
import type { TeamsService } from '../teams/teams.service.ts';
import type { VolunteersService } from '../volunteers/volunteers.service.ts';
import { attendanceOf } from './attendance-state.ts';
import { distanceKm, type Violation as RuleViolation } from './optimiser/index.ts';
import { buildProblem, generationOf, patternShifts, type ShiftTimes } from './roster-problem.ts';
import { rosterPlanning, type Planning } from './rosters.planning.ts';
import * as repo from './rosters.repository.ts';
import {
  DEFAULT_ROSTER_RULES,
  type AssignInput,
  type AssignmentOut,
  type Board,
  type BoardQueryInput,
  type Candidate,
  type CandidateQueryInput,
  type CreateRosterInput,
  type Generation,
  type PublishResult,
  type RosterChange,
  type RosterDetail,
  type RosterQueryInput,
  type RosterRules,
  type RosterSummary,
  type UpdateRosterInput,
} from './rosters.schemas.ts';
import { rosterWorkbook } from './rosters.xlsx.ts';
import { shiftText, whenText } from './rosters.wording.ts';
import { rosterSolver } from './solve-in-worker.ts';
import { swapsService } from './swaps.service.ts';

export type RostersService = ReturnType<typeof rostersService>;

/** A roster covers at most a month. */
const MAX_DAYS = 31;

export function rostersService(
  deps: Deps,
  others: { regions: RegionsService; volunteers: VolunteersService; teams: TeamsService; checkpoints: CheckpointsService },
) {
  const {
    db: { db, dialect },
    events,
    config: { timeZone },
  } = deps;
  const { regions, volunteers, teams, checkpoints } = others;
  const solve = rosterSolver();
  const planning = rosterPlanning(deps, others);

  const changed = (q: typeof db, type: string, roster: { id: string; regionPath: string }) =>
    events.publish(q, {
      type,
      permission: 'duty.read',
      regionPath: roster.regionPath,
      entityType: 'roster',
      entityId: roster.id,
    });

  const rulesOf = (row: repo.RosterRow): RosterRules => ({
    ...DEFAULT_ROSTER_RULES,
    ...(JSON.parse(row.rules) as Partial<RosterRules>),
  });
  const planned = (row: repo.RosterRow) => ({
    id: row.id,
    regionPath: row.regionPath,
    startsOn: row.startsOn,
    rules: rulesOf(row),
  });

  async function visible(actor: Actor, permission: 'duty.read' | 'duty.plan', id: string): Promise<repo.RosterRow> {
    const row = await repo.findRoster(db, id);
    if (!row) throw notFound();
    requireAccess(actor, permission, row.regionPath);
    return row;
  }

  async function draft(actor: Actor, id: string): Promise<repo.RosterRow> {
    const row = await visible(actor, 'duty.plan', id);
    if (row.status !== 'draft') throw conflict('ROSTER_PUBLISHED');
    return row;
  }

  function summaryOf(row: repo.RosterRow, counts: repo.RosterCounts): RosterSummary {
    return {
      id: row.id,
      name: row.name,
      regionId: row.regionId,
      regionName: row.regionName,
      startsOn: row.startsOn,
      endsOn: row.endsOn,
      status: row.status,
      version: row.version,
      ...counts,
      coverage: counts.positions ? counts.filled / counts.positions : 1,
      createdAt: row.createdAt,
      publishedAt: row.publishedAt,
      publishedByName: row.publishedByName,
    };
  }

  async function detail(id: string): Promise<RosterDetail> {
    const row = (await repo.findRoster(db, id))!;
    const counts = (await repo.rosterCounts(db, [id])).get(id)!;
    return {
      ...summaryOf(row, counts),
      rules: rulesOf(row),
      shortage: await repo.shortage(db, id),
      generation: row.generation ? (JSON.parse(row.generation) as Generation) : null,
    };
  }

  /** Rule violations as the 422 the contract names: the worded list on the field. */
  function rulesBroken(field: string, violations: readonly RuleViolation[], describe: Planning['describe'], lang: Language) {
    const list = describe(violations, lang)
      .map((v) => v.message)
      .join('；');
    return new AppError(422, 'ROSTER_RULES', {}, { [field]: { reason: 'field.roster.violations', params: { list } } });
  }

  function checkDates(startsOn: string, endsOn: string): void {
    if (endsOn < startsOn) throw invalidField('endsOn', 'field.roster.endsBeforeStart');
    if (daysBetween(startsOn, endsOn) + 1 > MAX_DAYS) throw invalidField('endsOn', 'field.roster.tooLong', { limit: MAX_DAYS });
    if (startsOn < calendarDate(timeZone)) throw invalidField('startsOn', 'field.roster.past');
  }

  const monthDay = (date: string) => {
    const [, m, d] = date.split('-').map(Number);
    return `${m}月${d}日`;
  };

  /** Solves in a worker: the pool of the roster's region, with `locked` pairs kept. */
  async function generate(
    roster: { regionPath: string; startsOn: string; rules: RosterRules },
    shifts: readonly (ShiftTimes & { id: string })[],
    cps: Awaited<ReturnType<CheckpointsService['forPlanning']>>,
    locked: readonly { shiftId: string; volunteerId: string }[],
  ) {
    const pool = await volunteers.forPlanning(
      roster.regionPath,
      locked.map((l) => l.volunteerId),
    );
    const memberships = await teams.membershipsOf(pool.map((v) => v.id));
    const problem = buildProblem({
      startsOn: roster.startsOn,
      timeZone,
      rules: roster.rules,
      shifts,
      checkpoints: cps,
      volunteers: pool,
      teamIds: new Map([...memberships].map(([id, m]) => [id, m.teamIds])),
      locked,
    });
    const answer = await solve(problem);
    return { assignments: answer.assignments, generation: generationOf(answer.report, answer.timings, nowIso()) };
  }

  async function assertNoOverlap(q: typeof db, region: { path: string }, startsOn: string, endsOn: string, exceptId?: string) {
    const other = await repo.findOverlapping(q, region, startsOn, endsOn);
    if (other && other.id !== exceptId) throw conflict('ROSTER_OVERLAP', { name: other.name });
  }

  function assignmentOut(a: repo.AssignmentView, shift: { startsAt: string }, rules: RosterRules, now: Date): AssignmentOut {
    return {
      id: a.id,
      volunteerId: a.volunteerId,
      volunteerName: a.volunteerName,
      source: a.source,
      attendance: attendanceOf(a, shift, rules, now),
      checkedInAt: a.checkedInAt,
      checkedOutAt: a.checkedOutAt,
      hours: a.hours,
    };
  }

  /** A change to a published roster: its history row, the next version, and word to the volunteer. */
  async function recordChange(
    trx: typeof db,
    call: CallContext,
    row: repo.RosterRow,
    change: { action: 'assign' | 'unassign'; shiftId: string; volunteerId: string; reason: string | null },
    notice: { accountId: string | null; checkpointName: string; startsAt: string; endsAt: string },
  ): Promise<void> {
    if (row.status !== 'published') return;
    const at = nowIso();
    const version = await repo.bumpVersion(trx, row.id, at);
    await repo.insertChange(trx, {
      id: newId(),
      rosterId: row.id,
      version,
      at,
      byAccountId: call.actorId,
      action: change.action,
      shiftId: change.shiftId,
      volunteerId: change.volunteerId,
      otherShiftId: null,
      otherVolunteerId: null,
      reason: change.reason,
    });
    if (notice.accountId) {
      await notify(trx, [
        {
          accountId: notice.accountId,
          kind: change.action === 'assign' ? 'notify.duty.assigned' : 'notify.duty.unassigned',
          params: {
            rosterName: row.name,
            checkpointName: notice.checkpointName,
            time: shiftText(timeZone, notice.startsAt, notice.endsAt),
          },
          link: '/my-duty',
        },
      ]);
    }
  }

  const swaps = swapsService(deps, { teams, planning, planned, rulesBroken });

  return {
    swaps,

    async list(actor: Actor, query: RosterQueryInput): Promise<{ items: RosterSummary[]; total: number }> {
      const scope = requireScope(actor, 'duty.read');
      let regionPath: string | undefined;
      if (query.regionId) {
        regionPath = await regions.pathOf(query.regionId);
        if (!regionPath) throw notFound();
        requireAccess(actor, 'duty.read', regionPath);
      }
      const { items, total } = await repo.listRosters(db, scope, {
        ...(regionPath ? { regionPath } : {}),
        ...(query.status ? { status: query.status } : {}),
        limit: query.limit ?? 50,
        offset: query.offset ?? 0,
      });
      const counts = await repo.rosterCounts(
        db,
        items.map((r) => r.id),
      );
      return { items: items.map((r) => summaryOf(r, counts.get(r.id)!)), total };
    },

    async get(actor: Actor, id: string): Promise<RosterDetail> {
      await visible(actor, 'duty.read', id);
      return detail(id);
    },

    async create(actor: Actor, call: CallContext, input: CreateRosterInput): Promise<RosterDetail> {
      const region = await regions.findById(input.regionId);
      if (!region) throw notFound();
      requireAccess(actor, 'duty.plan', region.path);
      if (region.level === 'city') throw invalidField('regionId', 'field.roster.regionLevel');
      checkDates(input.startsOn, input.endsOn);
      await assertNoOverlap(db, region, input.startsOn, input.endsOn);
      const cps = await checkpoints.forPlanning(region.path);
      if (!cps.length) throw invalidField('regionId', 'field.roster.noCheckpoints');
      const rules: RosterRules = { ...DEFAULT_ROSTER_RULES, ...input.rules };
      const shifts = patternShifts(cps, input.startsOn, input.endsOn, timeZone).map((s) => ({ id: newId(), ...s }));
      const { assignments, generation } = await generate(
        { regionPath: region.path, startsOn: input.startsOn, rules },
        shifts,
        cps,
        [],
      );
      const id = newId();
      const now = nowIso();
      const name = input.name?.trim() || `${region.name} ${monthDay(input.startsOn)}–${monthDay(input.endsOn)} 排班`;
      await transact(db, call, async (trx) => {
        // Another roster may have been made while this one was solved.
        await assertNoOverlap(trx, region, input.startsOn, input.endsOn);
        await repo.insertRoster(trx, {
          id,
          regionId: region.id,
          name,
          startsOn: input.startsOn,
          endsOn: input.endsOn,
          status: 'draft',
          version: 0,
          rules: JSON.stringify(rules),
          generation: JSON.stringify(generation),
          createdBy: call.actorId,
          publishedAt: null,
          publishedBy: null,
          createdAt: now,
        });
        await repo.insertShifts(trx, id, shifts);
        await repo.insertAssignments(
          trx,
          id,
          assignments.map((a) => ({ id: newId(), ...a, source: 'optimiser' as const })),
          now,
        );
        await auditWrite(trx, call, 'roster.create', 'roster', id, region.path, {
          regionId: region.id,
          startsOn: input.startsOn,
          endsOn: input.endsOn,
          shifts: shifts.length,
          assignments: assignments.length,
        });
        await changed(trx, 'roster.created', { id, regionPath: region.path });
      });
      return detail(id);
    },

    async update(actor: Actor, call: CallContext, id: string, input: UpdateRosterInput): Promise<RosterDetail> {
      const row = await visible(actor, 'duty.plan', id);
      await transact(db, call, async (trx) => {
        await repo.updateRoster(trx, id, { name: input.name.trim() }, nowIso());
        await auditWrite(trx, call, 'roster.update', 'roster', id, row.regionPath, { name: input.name.trim() });
        await changed(trx, 'roster.updated', row);
      });
      return detail(id);
    },

    async remove(actor: Actor, call: CallContext, id: string): Promise<void> {
      const row = await draft(actor, id);
      await transact(db, call, async (trx) => {
        await repo.deleteRoster(trx, id);
        await auditWrite(trx, call, 'roster.delete', 'roster', id, row.regionPath, { name: row.name });
        await changed(trx, 'roster.deleted', row);
      });
    },

    /**
     * Re-solves a draft with the checkpoints as they are now: shifts still in the patterns keep
     * their ids (and the planner's picks on them, locked), others come and go; every pick not
     * made by the planner is made afresh.
     */
    async regenerate(actor: Actor, call: CallContext, id: string): Promise<RosterDetail> {
      const row = await draft(actor, id);
      const cps = await checkpoints.forPlanning(row.regionPath);
      if (!cps.length) throw invalidField('regionId', 'field.roster.noCheckpoints');
      const key = (s: ShiftTimes) => `${s.checkpointId}|${s.startsAt}|${s.endsAt}`;
      const existing = new Map((await repo.rosterShifts(db, id)).map((s) => [key(s), s]));
      const shifts = patternShifts(cps, row.startsOn, row.endsOn, timeZone).map((s) => ({
        ...s,
        id: existing.get(key(s))?.id ?? newId(),
      }));
      const kept = new Set(shifts.map((s) => s.id));
      const stale = [...existing.values()].filter((s) => !kept.has(s.id)).map((s) => s.id);
      const requiredChanged = shifts.filter((s) => {
        const before = existing.get(key(s));
        return before !== undefined && before.required !== s.required;
      });
      const added = shifts.filter((s) => !existing.has(key(s)));
      const locked = (await repo.rosterAssignments(db, id))
        .filter((a) => a.source === 'planner' && kept.has(a.shiftId))
        .map((a) => ({ shiftId: a.shiftId, volunteerId: a.volunteerId }));
      const { assignments, generation } = await generate(planned(row), shifts, cps, locked);
      const lockedKeys = new Set(locked.map((l) => `${l.shiftId}|${l.volunteerId}`));
      const fresh = assignments.filter((a) => !lockedKeys.has(`${a.shiftId}|${a.volunteerId}`));
      const now = nowIso();
      await transact(db, call, async (trx) => {
        await repo.deleteShifts(trx, stale);
        await repo.updateShiftRequired(trx, requiredChanged);
        await repo.insertShifts(trx, id, added);
        await repo.deleteGeneratedAssignments(trx, id);
        await repo.insertAssignments(
          trx,
          id,
          fresh.map((a) => ({ id: newId(), ...a, source: 'optimiser' as const })),
          now,
        );
        await repo.updateRoster(trx, id, { generation: JSON.stringify(generation) }, now);
        await auditWrite(trx, call, 'roster.regenerate', 'roster', id, row.regionPath, {
          shifts: shifts.length,
          locked: locked.length,
          assignments: assignments.length,
        });
        await changed(trx, 'roster.updated', row);
      });
      return detail(id);
    },

    async board(actor: Actor, id: string, query: BoardQueryInput): Promise<Board> {
      const row = await visible(actor, 'duty.read', id);
      let regionPath: string | undefined;
      if (query.regionId) {
        regionPath = await regions.pathOf(query.regionId);
        if (!regionPath) throw notFound();
        requireAccess(actor, 'duty.read', regionPath);
      }
      const window = {
        ...(query.from ? { from: new Date(query.from).toISOString() } : {}),
        ...(query.to ? { to: new Date(query.to).toISOString() } : {}),
      };
      const q = query.q?.trim();
      const page = await repo.boardCheckpoints(db, dialect, id, {
        ...(regionPath ? { regionPath } : {}),
        ...(query.risk ? { risk: query.risk } : {}),
        ...(q ? { q } : {}),
        ...(query.short ? { short: true } : {}),
        ...window,
        limit: query.limit ?? 20,
        offset: query.offset ?? 0,
      });
      const shifts = await repo.shiftsOfCheckpoints(
        db,
        id,
        page.items.map((c) => c.id),
        window,
      );
      const crews = new Map<string, repo.AssignmentView[]>();
      for (const a of await repo.assignmentsOfShifts(
        db,
        shifts.map((s) => s.id),
      )) {
        crews.set(a.shiftId, [...(crews.get(a.shiftId) ?? []), a]);
      }
      const rules = rulesOf(row);
      const now = new Date();
      const nowText = now.toISOString();
      return {
        items: page.items.map((checkpoint) => ({
          checkpoint,
          shifts: shifts
            .filter((s) => s.checkpointId === checkpoint.id)
            .map((s) => ({
              id: s.id,
              startsAt: s.startsAt,
              endsAt: s.endsAt,
              required: s.required,
              started: s.startsAt <= nowText,
              ended: s.endsAt <= nowText,
              assignments: (crews.get(s.id) ?? []).map((a) => assignmentOut(a, s, rules, now)),
            })),
        })),
        total: page.total,
      };
    },

    async candidates(
      actor: Actor,
      lang: Language,
      id: string,
      shiftId: string,
      query: CandidateQueryInput,
    ): Promise<{ items: Candidate[] }> {
      const row = await visible(actor, 'duty.plan', id);
      const shift = await repo.findShift(db, id, shiftId);
      if (!shift) throw notFound();
      const plan = await planning(planned(row));
      const checkpoint = plan.checkpoints.get(shift.checkpointId)!;
      const onShift = new Set(plan.assignments.filter((a) => a.shiftId === shiftId).map((a) => a.volunteerId));
      const text = query.q?.trim();
      const ranked = plan.volunteers
        .filter((v) => v.inPool && !onShift.has(v.id) && (!text || v.name.includes(text)))
        .map((v) => ({
          v,
          broken: plan.state.canAssign(shiftId, v.id),
          distance: distanceKm(
            { home: null, regionPath: v.regionPath },
            {
              location: checkpoint.lat !== null && checkpoint.lng !== null ? { lat: checkpoint.lat, lng: checkpoint.lng } : null,
              regionPath: checkpoint.regionPath,
            },
          ),
          load: plan.state.sched[plan.state.m.volunteerIndex.get(v.id)!]!.length,
        }))
        .sort(
          (a, b) =>
            Number(a.broken.length > 0) - Number(b.broken.length > 0) ||
            a.distance - b.distance ||
            a.load - b.load ||
            a.v.name.localeCompare(b.v.name, 'zh-CN'),
        )
        .slice(0, query.limit ?? 30);
      return {
        items: ranked.map(({ v, broken, distance, load }) => ({
          volunteerId: v.id,
          name: v.name,
          regionName: v.regionName,
          distanceKm: Math.round(distance * 10) / 10,
          load,
          teamNames: plan.memberships.get(v.id)?.teamNames ?? [],
          violations: plan.describe(broken, lang),
        })),
      };
    },

    async assign(actor: Actor, lang: Language, call: CallContext, id: string, input: AssignInput): Promise<AssignmentOut> {
      const row = await visible(actor, 'duty.plan', id);
      const shift = await repo.findShift(db, id, input.shiftId);
      if (!shift) throw notFound();
      // A started shift may still get people (a replacement for a no-show); an ended one is history.
      if (shift.endsAt <= nowIso()) throw conflict('SHIFT_ENDED');
      const plan = await planning(planned(row), { volunteerIds: [input.volunteerId], shiftIds: [shift.id] });
      const broken = plan.state.canAssign(shift.id, input.volunteerId);
      if (broken.length) throw rulesBroken('volunteerId', broken, plan.describe, lang);
      const volunteer = plan.volunteers.find((v) => v.id === input.volunteerId)!;
      const assignmentId = newId();
      await transact(db, call, async (trx) => {
        // The rules were checked outside the transaction; the place may have gone meanwhile.
        const crew = await repo.lockedCrewSize(trx, shift.id);
        if (crew >= shift.required) {
          throw rulesBroken(
            'volunteerId',
            [{ code: 'over_required', shiftId: shift.id, limit: shift.required, actual: crew + 1 }],
            plan.describe,
            lang,
          );
        }
        await repo.insertAssignments(
          trx,
          id,
          [{ id: assignmentId, shiftId: shift.id, volunteerId: volunteer.id, source: 'planner' }],
          nowIso(),
        );
        await recordChange(
          trx,
          call,
          row,
          { action: 'assign', shiftId: shift.id, volunteerId: volunteer.id, reason: input.reason ?? null },
          {
            accountId: volunteer.accountId,
            checkpointName: shift.checkpointName,
            startsAt: shift.startsAt,
            endsAt: shift.endsAt,
          },
        );
        await auditWrite(trx, call, 'roster.assign', 'roster', id, row.regionPath, {
          shiftId: shift.id,
          volunteerId: volunteer.id,
        });
        await changed(trx, 'roster.changed', row);
      });
      const created = (await repo.assignmentsOfShifts(db, [shift.id])).find((a) => a.id === assignmentId)!;
      return assignmentOut(created, shift, rulesOf(row), new Date());
    },

    async unassign(actor: Actor, call: CallContext, id: string, assignmentId: string, reason: string | null): Promise<void> {
      const row = await visible(actor, 'duty.plan', id);
      const a = await repo.findAssignment(db, assignmentId);
      if (!a || a.rosterId !== id) throw notFound();
      if (a.checkedInAt) throw conflict('ASSIGNMENT_ATTENDED');
      // Once a published shift has started, who was expected there is attendance history (absences).
      if (row.status === 'published' && a.startsAt <= nowIso()) throw conflict('SHIFT_STARTED');
      await transact(db, call, async (trx) => {
        await repo.deleteAssignment(trx, a.id);
        await swaps.dropTouching(trx, [a.id]);
        await recordChange(
          trx,
          call,
          row,
          { action: 'unassign', shiftId: a.shiftId, volunteerId: a.volunteerId, reason },
          { accountId: a.accountId, checkpointName: a.checkpointName, startsAt: a.startsAt, endsAt: a.endsAt },
        );
        await auditWrite(trx, call, 'roster.unassign', 'roster', id, row.regionPath, {
          shiftId: a.shiftId,
          volunteerId: a.volunteerId,
        });
        await changed(trx, 'roster.changed', row);
      });
    },

    async publish(actor: Actor, call: CallContext, id: string): Promise<PublishResult> {
      const row = await draft(actor, id);
      const people = await repo.assignedVolunteers(db, id);
      const reachable = people.filter((p) => p.accountId !== null);
      await transact(db, call, async (trx) => {
        // Only one of two concurrent publications gets the draft (and sends the notifications).
        if (!(await repo.publishRoster(trx, id, call.actorId, nowIso()))) throw conflict('ROSTER_PUBLISHED');
        await notify(
          trx,
          reachable.map((p) => ({
            accountId: p.accountId!,
            kind: 'notify.duty.published',
            params: { rosterName: row.name, shifts: p.shifts, first: whenText(timeZone, p.first) },
            link: '/my-duty',
          })),
        );
        await auditWrite(trx, call, 'roster.publish', 'roster', id, row.regionPath, {
          volunteers: people.length,
          notified: reachable.length,
        });
        await changed(trx, 'roster.published', row);
      });
      return {
        roster: await detail(id),
        notified: reachable.length,
        unreachable: people.filter((p) => p.accountId === null).map((p) => ({ volunteerId: p.volunteerId, name: p.name })),
      };
    },

    async changes(actor: Actor, id: string): Promise<{ items: RosterChange[] }> {
      await visible(actor, 'duty.read', id);
      return { items: await repo.changes(db, id) };
    },

    async exportXlsx(actor: Actor, id: string): Promise<{ name: string; file: Buffer }> {
      const row = await visible(actor, 'duty.read', id);
      const file = await rosterWorkbook(timeZone, await repo.exportRows(db, id), await repo.allUncovered(db, id));
      return { name: row.name, file };
    },
  };
}
