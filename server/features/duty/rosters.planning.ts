/**
 * A roster as the optimiser's rule checker sees it, rebuilt from the database for every hand
 * edit, candidate list and swap: the stored shifts and assignments, the checkpoints as they are
 * now, and the pool of volunteers. Edits are then checked with the same rules the generator used.
 */
import type { Language } from '../../../common/enums.ts';
import type { Deps } from '../../platform/deps.ts';
import type { CheckpointsService } from '../checkpoints/checkpoints.service.ts';
import type { TeamsService } from '../teams/teams.service.ts';
import type { VolunteersService } from '../volunteers/volunteers.service.ts';
import { createRosterState, type RosterState, type Violation as RuleViolation } from './optimiser/index.ts';
import { buildProblem } from './roster-problem.ts';
import * as repo from './rosters.repository.ts';
import type { RosterRules, Violation } from './rosters.schemas.ts';
import { describeViolation, type ViolationLookup } from './rosters.wording.ts';

export type PoolVolunteer = Awaited<ReturnType<VolunteersService['forPlanning']>>[number];
export type Memberships = Awaited<ReturnType<TeamsService['membershipsOf']>>;

export interface PlanCheckpoint {
  id: string;
  name: string;
  risk: 1 | 2 | 3 | 4;
  regionId: string;
  regionPath: string;
  lat: number | null;
  lng: number | null;
  teamId: string | null;
}

export interface Planning {
  state: RosterState;
  shifts: Map<string, repo.ShiftRow>;
  checkpoints: Map<string, PlanCheckpoint>;
  /** The roster's pool, and anyone else already on the loaded shifts (`inPool` false). */
  volunteers: (PoolVolunteer & { inPool: boolean })[];
  memberships: Memberships;
  assignments: repo.AssignmentRow[];
  lookup: ViolationLookup;
  describe(violations: readonly RuleViolation[], lang: Language): Violation[];
}

/** The roster's identity as planning needs it. */
export interface PlannedRoster {
  id: string;
  regionPath: string;
  startsOn: string;
  rules: RosterRules;
}

export function rosterPlanning(
  deps: Deps,
  { volunteers, teams, checkpoints }: { volunteers: VolunteersService; teams: TeamsService; checkpoints: CheckpointsService },
) {
  const { db } = deps.db;
  const timeZone = deps.config.timeZone;

  /**
   * The roster's rules state. With `focus`, only what the rules need for those volunteers and
   * shifts (their shifts and those shifts' crews): fast on a county's 25,000 shifts. Without it,
   * the whole roster (candidate lists, which compare everyone).
   */
  return async function load(roster: PlannedRoster, focus?: { volunteerIds: string[]; shiftIds: string[] }): Promise<Planning> {
    const { shifts, assignments } = focus
      ? await repo.rosterAround(db, roster.id, focus.volunteerIds, focus.shiftIds)
      : { shifts: await repo.rosterShifts(db, roster.id), assignments: await repo.rosterAssignments(db, roster.id) };
    const assigned = [...new Set(assignments.map((a) => a.volunteerId))];
    const pool = await volunteers.forPlanning(roster.regionPath, assigned);
    const memberships = await teams.membershipsOf(pool.map((v) => v.id));

    const byId = new Map<string, PlanCheckpoint>();
    for (const c of await checkpoints.forPlanning(roster.regionPath)) byId.set(c.id, c);
    const missing = [...new Set(shifts.map((s) => s.checkpointId))].filter((id) => !byId.has(id));
    // A checkpoint closed (or moved) since generation keeps its shifts; its team restriction no longer applies.
    if (missing.length) for (const c of await checkpoints.summaries(missing)) byId.set(c.id, { ...c, teamId: null });
    const usable = shifts.filter((s) => byId.has(s.checkpointId));

    const problem = buildProblem({
      startsOn: roster.startsOn,
      timeZone,
      rules: roster.rules,
      shifts: usable,
      checkpoints: [...byId.values()],
      volunteers: pool,
      teamIds: new Map([...memberships].map(([id, m]) => [id, m.teamIds])),
    });
    const state = createRosterState(
      problem,
      assignments.map((a) => ({ shiftId: a.shiftId, volunteerId: a.volunteerId })),
    );
    const shiftMap = new Map(usable.map((s) => [s.id, s]));
    const lookup: ViolationLookup = {
      timeZone,
      shift(id) {
        const s = shiftMap.get(id);
        return s && { checkpointName: byId.get(s.checkpointId)?.name ?? '', startsAt: s.startsAt, endsAt: s.endsAt };
      },
    };
    return {
      state,
      shifts: shiftMap,
      checkpoints: byId,
      volunteers: pool.map((v) => ({ ...v, inPool: v.status === 'active' && v.regionPath.startsWith(roster.regionPath) })),
      memberships,
      assignments,
      lookup,
      describe: (violations, lang) => violations.map((v) => describeViolation(v, lookup, lang)),
    };
  };
}

/**
 * The rules a move would break: `leave` pairs come off the roster first, then each `join` pair is
 * checked and, when allowed, put on (so the next join sees it). The state is as before afterwards.
 */
export function movesBreak(
  state: RosterState,
  leave: readonly { shiftId: string; volunteerId: string }[],
  join: readonly { shiftId: string; volunteerId: string }[],
): RuleViolation[] {
  const undo: (() => void)[] = [];
  const m = state.m;
  for (const p of leave) {
    if (state.unassign(p.shiftId, p.volunteerId)) {
      undo.push(() => state.add(m.shiftIndex.get(p.shiftId)!, m.volunteerIndex.get(p.volunteerId)!));
    }
  }
  const out: RuleViolation[] = [];
  for (const p of join) {
    const broken = state.canAssign(p.shiftId, p.volunteerId);
    out.push(...broken);
    if (!broken.length) {
      state.add(m.shiftIndex.get(p.shiftId)!, m.volunteerIndex.get(p.volunteerId)!);
      undo.push(() => state.unassign(p.shiftId, p.volunteerId));
    }
  }
  for (const u of undo.reverse()) u();
  return out;
}
