/**
 * Issues and inspection visits made straight in the database, so tests and matrix cases can start
 * from any state without walking the routes there.
 */
import type { Kysely } from 'kysely';
import type { FieldIssueStatus } from '../../../common/enums.ts';
import { calendarDate } from '../../platform/dates.ts';
import { newId, nowIso } from '../../platform/db/ids.ts';
import type { Database } from '../../platform/db/schema.ts';

type Q = Kysely<Database>;

/** A visit the account made at the checkpoint just now. */
export async function makeInspection(db: Q, o: { checkpointId: string; regionId: string; accountId: string }): Promise<string> {
  const id = newId();
  const now = new Date();
  await db
    .insertInto('inspections')
    .values({
      id,
      checkpointId: o.checkpointId,
      regionId: o.regionId,
      groupId: null,
      inspectorAccountId: o.accountId,
      visitedAt: nowIso(now),
      visitedOn: calendarDate('Asia/Shanghai', now),
      ratingStaffing: 4,
      ratingSupplies: 3,
      ratingRegistration: 4,
      ratingAttitude: 5,
      findings: null,
      expected: 0,
      present: 0,
      absent: 0,
      createdAt: nowIso(now),
    })
    .execute();
  return id;
}

/** An issue at a region (owned by it unless told), open and due in a day unless told otherwise. */
export async function makeIssue(
  db: Q,
  o: {
    regionId: string;
    raisedBy: string;
    ownerRegionId?: string;
    status?: FieldIssueStatus;
    resolvedBy?: string;
    deadline?: string;
    title?: string;
  },
): Promise<string> {
  const id = newId();
  const now = nowIso();
  const resolved = o.status === 'resolved' || o.status === 'verified';
  await db
    .insertInto('fieldIssues')
    .values({
      id,
      ref: `T-${id}`,
      category: 'supplies_shortage',
      title: o.title ?? '口罩不足',
      description: null,
      regionId: o.regionId,
      checkpointId: null,
      inspectionId: null,
      raisedBy: o.raisedBy,
      ownerRegionId: o.ownerRegionId ?? o.regionId,
      ownerUnitId: null,
      deadline: o.deadline ?? nowIso(new Date(Date.now() + 24 * 3_600_000)),
      status: o.status ?? 'open',
      escalationLevel: 0,
      escalatedRegionId: null,
      resolution: resolved ? '已补齐' : null,
      resolvedAt: resolved ? now : null,
      resolvedBy: resolved ? (o.resolvedBy ?? o.raisedBy) : null,
      verifiedAt: null,
      verifiedBy: null,
      createdAt: now,
      updatedAt: now,
    })
    .execute();
  return id;
}
