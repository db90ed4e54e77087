import { sql, type Kysely, type SqlBool } from 'kysely';
import type { SwapStatus } from '../../../common/enums.ts';
import type { Scope } from '../../platform/access/actor.ts';
import { inRegionScope } from '../../platform/access/scope.ts';
import { toNumber } from '../../platform/db/dialect.ts';
import type { Database } from '../../platform/db/schema.ts';

type Q = Kysely<Database>;

function base(q: Q) {
  return q
    .selectFrom('swapRequests')
    .innerJoin('rosters', 'rosters.id', 'swapRequests.rosterId')
    .innerJoin('regions', 'regions.id', 'rosters.regionId')
    .innerJoin('volunteers as requester', 'requester.id', 'swapRequests.requesterVolunteerId')
    .innerJoin('volunteers as target', 'target.id', 'swapRequests.targetVolunteerId')
    .leftJoin('rosterAssignments as a1', 'a1.id', 'swapRequests.assignmentId')
    .leftJoin('rosterShifts as s1', 's1.id', 'a1.shiftId')
    .leftJoin('checkpoints as c1', 'c1.id', 's1.checkpointId')
    .leftJoin('rosterAssignments as a2', 'a2.id', 'swapRequests.targetAssignmentId')
    .leftJoin('rosterShifts as s2', 's2.id', 'a2.shiftId')
    .leftJoin('checkpoints as c2', 'c2.id', 's2.checkpointId')
    .leftJoin('accounts as decider', 'decider.id', 'swapRequests.decidedBy')
    .select([
      'swapRequests.id',
      'swapRequests.rosterId',
      'rosters.name as rosterName',
      'rosters.status as rosterStatus',
      'regions.path as regionPath',
      'swapRequests.status',
      'swapRequests.requesterVolunteerId',
      'requester.name as requesterName',
      'requester.accountId as requesterAccountId',
      'swapRequests.targetVolunteerId',
      'target.name as targetName',
      'target.accountId as targetAccountId',
      'swapRequests.assignmentId',
      'a1.shiftId as shiftId',
      'a1.volunteerId as shiftHolderId',
      'a1.checkedInAt as shiftCheckedInAt',
      'c1.name as checkpointName',
      's1.startsAt as startsAt',
      's1.endsAt as endsAt',
      'swapRequests.targetAssignmentId',
      'a2.shiftId as targetShiftId',
      'a2.volunteerId as targetShiftHolderId',
      'a2.checkedInAt as targetShiftCheckedInAt',
      'c2.name as targetCheckpointName',
      's2.startsAt as targetStartsAt',
      's2.endsAt as targetEndsAt',
      'swapRequests.note',
      'swapRequests.createdAt',
      'swapRequests.decidedAt',
      'decider.name as decidedByName',
      'swapRequests.decisionReason',
    ]);
}

type Raw = Awaited<ReturnType<ReturnType<typeof base>['executeTakeFirstOrThrow']>>;
export type SwapRow = Omit<Raw, 'status'> & { status: SwapStatus };
const toSwap = (r: Raw): SwapRow => ({ ...r, status: r.status as SwapStatus });

export async function findSwap(q: Q, id: string): Promise<SwapRow | undefined> {
  const row = await base(q).where('swapRequests.id', '=', id).executeTakeFirst();
  return row && toSwap(row);
}

/** The volunteer's own requests, and those naming them as the one to take over; newest first. */
export async function swapsOfVolunteer(q: Q, volunteerId: string): Promise<SwapRow[]> {
  const rows = await base(q)
    .where((eb) =>
      eb.or([eb('swapRequests.requesterVolunteerId', '=', volunteerId), eb('swapRequests.targetVolunteerId', '=', volunteerId)]),
    )
    .orderBy('swapRequests.createdAt', 'desc')
    .orderBy('swapRequests.id', 'desc')
    .limit(200)
    .execute();
  return rows.map(toSwap);
}

/**
 * Requests an actor may decide: in their duty.swaps scope, and either in their duty.plan scope or
 * from a member of a team they lead (or of a sub-team of one).
 */
export async function listSwaps(
  q: Q,
  f: {
    swapScope: Scope;
    planScope: Scope;
    accountId: string;
    status?: SwapStatus;
    rosterId?: string;
    limit: number;
    offset: number;
  },
): Promise<{ items: SwapRow[]; total: number }> {
  const led = q.selectFrom('volunteers').select('volunteers.id').where('volunteers.accountId', '=', f.accountId);
  const members = q
    .selectFrom('teamMembers')
    .innerJoin('teams', 'teams.id', 'teamMembers.teamId')
    .leftJoin('teams as parent', 'parent.id', 'teams.parentTeamId')
    .select('teamMembers.volunteerId')
    .where((eb) => eb.or([eb('teams.leaderVolunteerId', 'in', led), eb('parent.leaderVolunteerId', 'in', led)]));
  let query = base(q)
    .where((eb) => inRegionScope(eb, f.swapScope, 'regions.path'))
    .where((eb) =>
      eb.or([
        inRegionScope(eb, f.planScope, 'regions.path'),
        sql<SqlBool>`${sql.ref('swapRequests.requesterVolunteerId')} in ${members}`,
      ]),
    );
  if (f.status) query = query.where('swapRequests.status', '=', f.status);
  if (f.rosterId) query = query.where('swapRequests.rosterId', '=', f.rosterId);
  const total = await query
    .clearSelect()
    .select((eb) => eb.fn.countAll().as('n'))
    .executeTakeFirstOrThrow();
  const rows = await query
    .orderBy('swapRequests.createdAt', 'desc')
    .orderBy('swapRequests.id', 'desc')
    .limit(f.limit)
    .offset(f.offset)
    .execute();
  return { items: rows.map(toSwap), total: toNumber(total.n as number | string) };
}

export async function hasPending(q: Q, assignmentId: string): Promise<boolean> {
  const row = await q
    .selectFrom('swapRequests')
    .select('id')
    .where('assignmentId', '=', assignmentId)
    .where('status', '=', 'pending')
    .executeTakeFirst();
  return row !== undefined;
}

export async function insertSwap(
  q: Q,
  row: {
    id: string;
    rosterId: string;
    assignmentId: string;
    requesterVolunteerId: string;
    targetVolunteerId: string;
    targetAssignmentId: string | null;
    note: string | null;
    createdAt: string;
  },
): Promise<void> {
  await q
    .insertInto('swapRequests')
    .values({ ...row, status: 'pending', decidedBy: null, decidedAt: null, decisionReason: null })
    .execute();
}

/** Decides a pending request; false when it was no longer pending (decided by someone else meanwhile). */
export async function decide(
  q: Q,
  id: string,
  decision: {
    status: Exclude<SwapStatus, 'pending'>;
    decidedBy: string | null;
    decidedAt: string;
    decisionReason: string | null;
  },
): Promise<boolean> {
  const row = await q
    .updateTable('swapRequests')
    .set(decision)
    .where('id', '=', id)
    .where('status', '=', 'pending')
    .returning('id')
    .executeTakeFirst();
  return row !== undefined;
}

/** Pending requests that would move these assignments are void once the assignments change. */
export async function cancelTouching(
  q: Q,
  assignmentIds: readonly string[],
  exceptId: string | null,
  now: string,
): Promise<void> {
  if (!assignmentIds.length) return;
  let query = q
    .updateTable('swapRequests')
    .set({ status: 'cancelled', decidedAt: now })
    .where('status', '=', 'pending')
    .where((eb) => eb.or([eb('assignmentId', 'in', [...assignmentIds]), eb('targetAssignmentId', 'in', [...assignmentIds])]));
  if (exceptId) query = query.where('id', '!=', exceptId);
  await query.execute();
}
