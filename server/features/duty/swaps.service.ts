import type { Language } from '../../../common/enums.ts';
import { inScope, requireAccess, requireScope, scopeFor, type Actor } from '../../platform/access/actor.ts';
import { auditWrite, type CallContext } from '../../platform/audit/audit.ts';
import { newId, nowIso } from '../../platform/db/ids.ts';
import { transact } from '../../platform/db/transact.ts';
import type { Deps } from '../../platform/deps.ts';
import { conflict, forbidden, invalidField, notFound, type AppError } from '../../platform/errors.ts';
import { notify } from '../../platform/notify/notify.ts';
import type { TeamsService } from '../teams/teams.service.ts';
import type { Violation as RuleViolation } from './optimiser/index.ts';
import { movesBreak, type Planning, type PlannedRoster } from './rosters.planning.ts';
import * as rosters from './rosters.repository.ts';
import type { Violation } from './rosters.schemas.ts';
import { shiftText } from './rosters.wording.ts';
import * as repo from './swaps.repository.ts';
import type { CreateSwapInput, SwapOption, SwapQueryInput, SwapRequest } from './swaps.schemas.ts';

export type SwapsService = ReturnType<typeof swapsService>;

type Pair = { shiftId: string; volunteerId: string };

/** The pairs a swap takes off the roster and puts on: the requester's shift to the target, and back when exchanged. */
function swapMoves(r: { shiftId: string; targetShiftId: string | null; requester: string; target: string }) {
  const leave: Pair[] = [{ shiftId: r.shiftId, volunteerId: r.requester }];
  const join: Pair[] = [{ shiftId: r.shiftId, volunteerId: r.target }];
  if (r.targetShiftId) {
    leave.push({ shiftId: r.targetShiftId, volunteerId: r.target });
    join.push({ shiftId: r.targetShiftId, volunteerId: r.requester });
  }
  return { leave, join };
}

/**
 * Swap requests (换班) on published rosters: a volunteer asks to hand a shift to a teammate
 * (or to exchange it for one of theirs); the leader of the requester's team (or of the team above
 * it), or a planner over the roster's region, decides. Approval re-checks every rule.
 */
export function swapsService(
  deps: Deps,
  {
    teams,
    planning,
    planned,
    rulesBroken,
  }: {
    teams: TeamsService;
    planning: (roster: PlannedRoster, focus?: { volunteerIds: string[]; shiftIds: string[] }) => Promise<Planning>;
    planned: (row: rosters.RosterRow) => PlannedRoster;
    rulesBroken: (
      field: string,
      violations: readonly RuleViolation[],
      describe: Planning['describe'],
      lang: Language,
    ) => AppError;
  },
) {
  const {
    db: { db },
    events,
    config: { timeZone },
  } = deps;

  const changed = (q: typeof db, type: string, swap: { id: string; regionPath: string }) =>
    events.publish(q, {
      type,
      permission: 'duty.swaps',
      regionPath: swap.regionPath,
      entityType: 'swap_request',
      entityId: swap.id,
    });

  /** The caller's own volunteer record: duty.self acts for it. */
  async function me(actor: Actor): Promise<{ id: string; name: string }> {
    requireScope(actor, 'duty.self');
    const mine = await rosters.volunteerOfAccount(db, actor.accountId);
    if (!mine) throw notFound();
    return mine;
  }

  /** One of the caller's assignments on a published roster, not yet started; another's is a 404. */
  async function ownAssignment(actor: Actor, assignmentId: string) {
    const self = await me(actor);
    const assignment = await rosters.findAssignment(db, assignmentId);
    if (!assignment || assignment.volunteerId !== self.id) throw notFound();
    const roster = (await rosters.findRoster(db, assignment.rosterId))!;
    if (roster.status !== 'published') throw conflict('ROSTER_NOT_PUBLISHED');
    if (assignment.startsAt <= nowIso()) throw conflict('SHIFT_STARTED');
    return { self, assignment, roster };
  }

  const movesOf = (s: repo.SwapRow) =>
    swapMoves({
      shiftId: s.shiftId!,
      targetShiftId: s.targetShiftId,
      requester: s.requesterVolunteerId,
      target: s.targetVolunteerId,
    });

  /** What approving each pending request would break now, one rules state per roster. */
  async function pendingViolations(rows: repo.SwapRow[], lang: Language): Promise<Map<string, Violation[]>> {
    const out = new Map<string, Violation[]>();
    const open = rows.filter((r) => r.status === 'pending' && r.shiftId);
    for (const rosterId of new Set(open.map((r) => r.rosterId))) {
      const mine = open.filter((r) => r.rosterId === rosterId);
      const roster = (await rosters.findRoster(db, rosterId))!;
      const plan = await planning(planned(roster), {
        volunteerIds: mine.flatMap((r) => [r.requesterVolunteerId, r.targetVolunteerId]),
        shiftIds: mine.flatMap((r) => [r.shiftId!, ...(r.targetShiftId ? [r.targetShiftId] : [])]),
      });
      for (const r of mine) {
        const { leave, join } = movesOf(r);
        out.set(r.id, plan.describe(movesBreak(plan.state, leave, join), lang));
      }
    }
    return out;
  }

  async function present(rows: repo.SwapRow[], lang: Language): Promise<SwapRequest[]> {
    const violations = await pendingViolations(rows, lang);
    return rows.map((r) => ({
      id: r.id,
      rosterId: r.rosterId,
      rosterName: r.rosterName,
      status: r.status,
      requester: { id: r.requesterVolunteerId, name: r.requesterName },
      target: { id: r.targetVolunteerId, name: r.targetName },
      shift: {
        assignmentId: r.assignmentId,
        checkpointName: r.checkpointName ?? '',
        startsAt: r.startsAt ?? '',
        endsAt: r.endsAt ?? '',
      },
      targetShift: r.targetAssignmentId
        ? {
            assignmentId: r.targetAssignmentId,
            checkpointName: r.targetCheckpointName ?? '',
            startsAt: r.targetStartsAt ?? '',
            endsAt: r.targetEndsAt ?? '',
          }
        : null,
      note: r.note,
      createdAt: r.createdAt,
      decidedAt: r.decidedAt,
      decidedByName: r.decidedByName,
      decisionReason: r.decisionReason,
      violations: violations.get(r.id) ?? [],
    }));
  }

  async function reload(id: string, lang: Language): Promise<SwapRequest> {
    return (await present([(await repo.findSwap(db, id))!], lang))[0]!;
  }

  /**
   * A request the actor may decide: duty.swaps over the roster's region (404 otherwise), and
   * either duty.plan there or leadership of the requester's team or the team above it (403 otherwise).
   */
  async function decidable(actor: Actor, id: string): Promise<repo.SwapRow> {
    const swap = await repo.findSwap(db, id);
    if (!swap) throw notFound();
    requireAccess(actor, 'duty.swaps', swap.regionPath);
    if (!inScope(scopeFor(actor, 'duty.plan'), swap.regionPath)) {
      const leaders =
        (await teams.membershipsOf([swap.requesterVolunteerId])).get(swap.requesterVolunteerId)?.leaderAccountIds ?? [];
      if (!leaders.includes(actor.accountId)) throw forbidden();
    }
    if (swap.status !== 'pending') throw conflict('SWAP_DECIDED');
    return swap;
  }

  /** Both volunteers hear the decision (those with an account). */
  const decisionNotices = (swap: repo.SwapRow, kind: string) =>
    [swap.requesterAccountId, swap.targetAccountId]
      .filter((a): a is string => a !== null)
      .map((accountId) => ({
        accountId,
        kind,
        params: {
          checkpointName: swap.checkpointName ?? '',
          time: swap.startsAt && swap.endsAt ? shiftText(timeZone, swap.startsAt, swap.endsAt) : '',
          requesterName: swap.requesterName,
          targetName: swap.targetName,
        },
        link: '/my-duty',
      }));

  return {
    /** Voids the pending requests that would move these assignments (they were removed or moved). */
    dropTouching: (trx: typeof db, assignmentIds: readonly string[]) => repo.cancelTouching(trx, assignmentIds, null, nowIso()),

    /**
     * Teammates in the roster's pool who could take the caller's shift without breaking a rule,
     * outright or in exchange for one of their shifts (a teammate at the weekly limit can still
     * exchange), each with the shifts of theirs the caller could take.
     */
    async options(actor: Actor, assignmentId: string): Promise<{ items: SwapOption[] }> {
      const { self, assignment, roster } = await ownAssignment(actor, assignmentId);
      const plan = await planning(planned(roster));
      const mine = plan.memberships.get(self.id);
      if (!mine?.teamIds.length) return { items: [] };
      const now = nowIso();
      const items: SwapOption[] = [];
      for (const v of plan.volunteers) {
        const theirs = plan.memberships.get(v.id);
        if (!v.inPool || v.id === self.id || !theirs?.teamIds.some((t) => mine.teamIds.includes(t))) continue;
        const takeOver = swapMoves({ shiftId: assignment.shiftId, targetShiftId: null, requester: self.id, target: v.id });
        const canTakeOver = movesBreak(plan.state, takeOver.leave, takeOver.join).length === 0;
        const exchangeable = plan.assignments
          .filter((a) => a.volunteerId === v.id && a.shiftId !== assignment.shiftId)
          .map((a) => ({ a, shift: plan.shifts.get(a.shiftId) }))
          .filter(({ a, shift }) => {
            if (!shift || shift.startsAt <= now) return false;
            const both = swapMoves({ shiftId: assignment.shiftId, targetShiftId: a.shiftId, requester: self.id, target: v.id });
            return movesBreak(plan.state, both.leave, both.join).length === 0;
          })
          .map(({ a, shift }) => ({
            assignmentId: a.id,
            checkpointName: plan.checkpoints.get(shift!.checkpointId)?.name ?? '',
            startsAt: shift!.startsAt,
            endsAt: shift!.endsAt,
          }))
          .sort((x, y) => x.startsAt.localeCompare(y.startsAt));
        if (!canTakeOver && !exchangeable.length) continue;
        const shared = theirs.teamNames.find((n) => mine.teamNames.includes(n)) ?? theirs.teamNames[0] ?? '';
        items.push({ volunteerId: v.id, name: v.name, teamName: shared, canTakeOver, exchangeable });
      }
      return { items: items.sort((a, b) => a.name.localeCompare(b.name, 'zh-CN')) };
    },

    async create(actor: Actor, lang: Language, call: CallContext, input: CreateSwapInput): Promise<SwapRequest> {
      const { self, assignment, roster } = await ownAssignment(actor, input.assignmentId);
      if (input.targetVolunteerId === self.id) throw invalidField('targetVolunteerId', 'field.swap.self');
      const target = await rosters.findVolunteerRef(db, input.targetVolunteerId);
      if (!target) throw notFound();
      if (input.targetAssignmentId) {
        const other = await rosters.findAssignment(db, input.targetAssignmentId);
        if (
          !other ||
          other.rosterId !== roster.id ||
          other.volunteerId !== target.id ||
          other.shiftId === assignment.shiftId ||
          other.startsAt <= nowIso()
        ) {
          throw invalidField('targetAssignmentId', 'field.swap.targetShift');
        }
      }
      if (await repo.hasPending(db, assignment.id)) throw conflict('SWAP_PENDING');
      const leaders = (await teams.membershipsOf([self.id])).get(self.id)?.leaderAccountIds ?? [];
      const id = newId();
      await transact(db, call, async (trx) => {
        await repo.insertSwap(trx, {
          id,
          rosterId: roster.id,
          assignmentId: assignment.id,
          requesterVolunteerId: self.id,
          targetVolunteerId: target.id,
          targetAssignmentId: input.targetAssignmentId ?? null,
          note: input.note?.trim() ?? null,
          createdAt: nowIso(),
        });
        await notify(
          trx,
          leaders.map((accountId) => ({
            accountId,
            kind: 'notify.duty.swapRequested',
            params: {
              requesterName: self.name,
              targetName: target.name,
              checkpointName: assignment.checkpointName,
              time: shiftText(timeZone, assignment.startsAt, assignment.endsAt),
            },
            link: '/duty/swaps',
          })),
        );
        await auditWrite(trx, call, 'swap.request', 'swap_request', id, roster.regionPath, {
          assignmentId: assignment.id,
          targetVolunteerId: target.id,
          targetAssignmentId: input.targetAssignmentId ?? null,
        });
        await changed(trx, 'swap.requested', { id, regionPath: roster.regionPath });
      });
      return reload(id, lang);
    },

    async mine(actor: Actor, lang: Language): Promise<{ items: SwapRequest[] }> {
      requireScope(actor, 'duty.self');
      const self = await rosters.volunteerOfAccount(db, actor.accountId);
      return { items: self ? await present(await repo.swapsOfVolunteer(db, self.id), lang) : [] };
    },

    async cancel(actor: Actor, lang: Language, call: CallContext, id: string): Promise<SwapRequest> {
      const self = await me(actor);
      const swap = await repo.findSwap(db, id);
      if (!swap || swap.requesterVolunteerId !== self.id) throw notFound();
      await transact(db, call, async (trx) => {
        const done = await repo.decide(trx, id, {
          status: 'cancelled',
          decidedBy: call.actorId,
          decidedAt: nowIso(),
          decisionReason: null,
        });
        if (!done) throw conflict('SWAP_DECIDED');
        await auditWrite(trx, call, 'swap.cancel', 'swap_request', id, swap.regionPath);
        await changed(trx, 'swap.cancelled', swap);
      });
      return reload(id, lang);
    },

    async list(actor: Actor, lang: Language, query: SwapQueryInput): Promise<{ items: SwapRequest[]; total: number }> {
      const swapScope = requireScope(actor, 'duty.swaps');
      if (query.rosterId) {
        const roster = await rosters.findRoster(db, query.rosterId);
        if (!roster) throw notFound();
        requireAccess(actor, 'duty.swaps', roster.regionPath);
      }
      const { items, total } = await repo.listSwaps(db, {
        swapScope,
        planScope: scopeFor(actor, 'duty.plan'),
        accountId: actor.accountId,
        ...(query.status ? { status: query.status } : {}),
        ...(query.rosterId ? { rosterId: query.rosterId } : {}),
        limit: query.limit ?? 50,
        offset: query.offset ?? 0,
      });
      return { items: await present(items, lang), total };
    },

    async approve(actor: Actor, lang: Language, call: CallContext, id: string, reason: string | null): Promise<SwapRequest> {
      const swap = await decidable(actor, id);
      const now = nowIso();
      if (!swap.shiftId || swap.shiftHolderId !== swap.requesterVolunteerId) throw conflict('SWAP_DECIDED');
      if (swap.startsAt! <= now || (swap.targetStartsAt && swap.targetStartsAt <= now)) throw conflict('SHIFT_STARTED');
      if (swap.shiftCheckedInAt || swap.targetShiftCheckedInAt) throw conflict('ASSIGNMENT_ATTENDED');
      const roster = (await rosters.findRoster(db, swap.rosterId))!;
      const { leave, join } = movesOf(swap);
      const plan = await planning(planned(roster), {
        volunteerIds: [swap.requesterVolunteerId, swap.targetVolunteerId],
        shiftIds: leave.map((p) => p.shiftId),
      });
      const broken = movesBreak(plan.state, leave, join);
      if (broken.length) throw rulesBroken('targetVolunteerId', broken, plan.describe, lang);
      await transact(db, call, async (trx) => {
        const done = await repo.decide(trx, id, {
          status: 'approved',
          decidedBy: call.actorId,
          decidedAt: now,
          decisionReason: reason,
        });
        if (!done) throw conflict('SWAP_DECIDED');
        await rosters.moveAssignment(trx, swap.assignmentId, swap.targetVolunteerId);
        if (swap.targetAssignmentId) await rosters.moveAssignment(trx, swap.targetAssignmentId, swap.requesterVolunteerId);
        const moved = [swap.assignmentId, ...(swap.targetAssignmentId ? [swap.targetAssignmentId] : [])];
        await repo.cancelTouching(trx, moved, id, now);
        const version = await rosters.bumpVersion(trx, roster.id, now);
        await rosters.insertChange(trx, {
          id: newId(),
          rosterId: roster.id,
          version,
          at: now,
          byAccountId: call.actorId,
          action: 'swap',
          shiftId: swap.shiftId!,
          volunteerId: swap.requesterVolunteerId,
          otherShiftId: swap.targetShiftId,
          otherVolunteerId: swap.targetVolunteerId,
          reason,
        });
        await notify(trx, decisionNotices(swap, 'notify.duty.swapApproved'));
        await auditWrite(trx, call, 'swap.approve', 'swap_request', id, swap.regionPath, { rosterId: roster.id, version });
        await changed(trx, 'swap.decided', swap);
        await events.publish(trx, {
          type: 'roster.changed',
          permission: 'duty.read',
          regionPath: roster.regionPath,
          entityType: 'roster',
          entityId: roster.id,
        });
      });
      return reload(id, lang);
    },

    async reject(actor: Actor, lang: Language, call: CallContext, id: string, reason: string): Promise<SwapRequest> {
      const swap = await decidable(actor, id);
      await transact(db, call, async (trx) => {
        const done = await repo.decide(trx, id, {
          status: 'rejected',
          decidedBy: call.actorId,
          decidedAt: nowIso(),
          decisionReason: reason.trim(),
        });
        if (!done) throw conflict('SWAP_DECIDED');
        await notify(trx, decisionNotices(swap, 'notify.duty.swapRejected'));
        await auditWrite(trx, call, 'swap.reject', 'swap_request', id, swap.regionPath, { rosterId: swap.rosterId });
        await changed(trx, 'swap.decided', swap);
      });
      return reload(id, lang);
    },
  };
}
