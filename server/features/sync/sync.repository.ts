import { sql, type Expression, type Kysely, type SqlBool } from 'kysely';
import type { OfflineConflictKind, OfflineConflictStatus } from '../../../common/enums.ts';
import type { Scope } from '../../platform/access/actor.ts';
import { inRegionScope } from '../../platform/access/scope.ts';
import { startsWith, toBool, toNumber } from '../../platform/db/dialect.ts';
import type { Database, OfflineConflictTable } from '../../platform/db/schema.ts';

type Q = Kysely<Database>;

export async function insertConflict(q: Q, row: OfflineConflictTable): Promise<void> {
  await q.insertInto('offlineConflicts').values(row).execute();
}

/** A conflict with the names the desk shows. */
export interface ConflictRow {
  id: string;
  kind: OfflineConflictKind;
  status: OfflineConflictStatus;
  reason: string;
  reasonParams: string;
  regionId: string;
  regionName: string;
  regionPath: string;
  accountId: string | null;
  accountName: string | null;
  volunteerId: string | null;
  volunteerName: string | null;
  checkpointId: string | null;
  checkpointName: string | null;
  shiftId: string | null;
  shiftStartsAt: string | null;
  shiftEndsAt: string | null;
  caseId: string | null;
  caseRef: string | null;
  casePersonName: string | null;
  entry: string | null;
  entrySealed: boolean;
  madeAt: string;
  receivedAt: string;
  resolvedBy: string | null;
  resolvedByName: string | null;
  resolvedAt: string | null;
  resolutionNote: string | null;
}

function conflicts(q: Q) {
  return q
    .selectFrom('offlineConflicts as c')
    .innerJoin('regions as r', 'r.id', 'c.regionId')
    .leftJoin('accounts as a', 'a.id', 'c.accountId')
    .leftJoin('accounts as rb', 'rb.id', 'c.resolvedBy')
    .leftJoin('volunteers as v', 'v.id', 'c.volunteerId')
    .leftJoin('checkpoints as cp', 'cp.id', 'c.checkpointId')
    .leftJoin('rosterShifts as s', 's.id', 'c.shiftId')
    .leftJoin('isolationCases as ic', 'ic.id', 'c.caseId')
    .select([
      'c.id',
      'c.kind',
      'c.status',
      'c.reason',
      'c.reasonParams',
      'c.regionId',
      'r.name as regionName',
      'r.path as regionPath',
      'c.accountId',
      'a.name as accountName',
      'c.volunteerId',
      'v.name as volunteerName',
      'c.checkpointId',
      'cp.name as checkpointName',
      'c.shiftId',
      's.startsAt as shiftStartsAt',
      's.endsAt as shiftEndsAt',
      'c.caseId',
      'ic.ref as caseRef',
      'ic.personName as casePersonName',
      'c.entry',
      'c.entrySealed',
      'c.madeAt',
      'c.receivedAt',
      'c.resolvedBy',
      'rb.name as resolvedByName',
      'c.resolvedAt',
      'c.resolutionNote',
    ]);
}

type Raw = Awaited<ReturnType<ReturnType<typeof conflicts>['executeTakeFirstOrThrow']>>;

const toRow = (r: Raw): ConflictRow => ({
  ...r,
  kind: r.kind as OfflineConflictKind,
  status: r.status as OfflineConflictStatus,
  entrySealed: toBool(r.entrySealed),
});

export async function findConflict(q: Q, id: string): Promise<ConflictRow | undefined> {
  const row = await conflicts(q).where('c.id', '=', id).executeTakeFirst();
  return row && toRow(row);
}

/** Where the caller may see each kind: a conflict is listed when its kind's scope holds its region. */
export type KindScopes = Record<OfflineConflictKind, Scope>;

export async function listConflicts(
  q: Q,
  scopes: KindScopes,
  f: { status?: OfflineConflictStatus; kind?: OfflineConflictKind; regionPath?: string; limit: number; offset: number },
): Promise<{ items: ConflictRow[]; total: number }> {
  let query = conflicts(q).where((eb) =>
    eb.or(
      (Object.keys(scopes) as OfflineConflictKind[])
        .filter((k) => !f.kind || k === f.kind)
        .map((k): Expression<SqlBool> => eb.and([eb('c.kind', '=', k), inRegionScope(eb, scopes[k], 'r.path')])),
    ),
  );
  if (f.status) query = query.where('c.status', '=', f.status);
  if (f.regionPath) query = query.where(startsWith('r.path', f.regionPath));
  const counted = await query
    .clearSelect()
    .select((eb) => eb.fn.countAll<number | string>().as('n'))
    .executeTakeFirstOrThrow();
  // Open ones first (they wait for someone), newest received first within each.
  const rows = await query
    .orderBy(sql`CASE WHEN c.status = 'open' THEN 0 ELSE 1 END`)
    .orderBy('c.receivedAt', 'desc')
    .orderBy('c.id', 'desc')
    .limit(f.limit)
    .offset(f.offset)
    .execute();
  return { items: rows.map(toRow), total: toNumber(counted.n) };
}

/** Settles an open conflict; false when someone already did. */
export async function resolveConflict(q: Q, id: string, v: { by: string; at: string; note: string }): Promise<boolean> {
  const r = await q
    .updateTable('offlineConflicts')
    .set({ status: 'resolved', resolvedBy: v.by, resolvedAt: v.at, resolutionNote: v.note })
    .where('id', '=', id)
    .where('status', '=', 'open')
    .executeTakeFirst();
  return Number(r.numUpdatedRows) === 1;
}

/** Health data kept in conflicts resolved before `before` is removed; how many lost it. */
export async function forgetSealedEntries(q: Q, before: string): Promise<number> {
  const r = await q
    .updateTable('offlineConflicts')
    .set({ entry: null })
    .where('status', '=', 'resolved')
    .where('entrySealed', '=', 1)
    .where('entry', 'is not', null)
    .where('resolvedAt', '<', before)
    .executeTakeFirst();
  return Number(r.numUpdatedRows);
}

export async function regionPath(q: Q, regionId: string): Promise<string | undefined> {
  const row = await q.selectFrom('regions').select('path').where('id', '=', regionId).executeTakeFirst();
  return row?.path;
}
