import { sql, type Kysely, type SqlBool } from 'kysely';
import type { AllocationStatus, AllocationTarget } from '../../../common/enums.ts';
import type { Scope } from '../../platform/access/actor.ts';
import { inRegionScope } from '../../platform/access/scope.ts';
import { startsWith, toNumber } from '../../platform/db/dialect.ts';
import type { AllocationTable, Database } from '../../platform/db/schema.ts';

type Q = Kysely<Database>;

function base(q: Q) {
  return (
    q
      .selectFrom('allocations as al')
      .innerJoin('stores as s', 's.id', 'al.storeId')
      .innerJoin('regions as r', 'r.id', 'al.regionId')
      .innerJoin('accounts as a', 'a.id', 'al.sentBy')
      .leftJoin('accounts as c', 'c.id', 'al.confirmedBy')
      .leftJoin('checkpoints as cp', 'cp.id', 'al.toCheckpointId')
      .leftJoin('teams as tm', 'tm.id', 'al.toTeamId')
      .leftJoin('regions as tr', 'tr.id', 'al.toRegionId')
      .leftJoin('households as h', 'h.id', 'al.toHouseholdId')
      // The receiving side's own region (its name), whatever kind it is.
      .leftJoin('regions as tg', (j) =>
        j.on(sql<SqlBool>`tg.id = coalesce(cp.region_id, tm.region_id, al.to_region_id, h.region_id)`),
      )
      .select([
        'al.id',
        'al.ref',
        'al.storeId',
        's.name as storeName',
        'r.name as storeRegionName',
        'r.path as storePath',
        'al.toKind',
        'al.toCheckpointId',
        'al.toTeamId',
        'al.toRegionId',
        'al.toHouseholdId',
        'al.toRegionPath',
        'cp.name as checkpointName',
        'cp.teamId as checkpointTeamId',
        'tm.name as teamName',
        'tr.name as toRegionName',
        'h.address as householdAddress',
        'tg.name as targetRegionName',
        'al.purpose',
        'al.status',
        'al.sentBy',
        'a.name as sentByName',
        'al.sentAt',
        'al.confirmedBy',
        'c.name as confirmedByName',
        'al.confirmedAt',
        'al.confirmNote',
      ])
  );
}

export interface AllocationRow {
  id: string;
  ref: string;
  store: { id: string; name: string; regionName: string };
  storePath: string;
  target: { kind: AllocationTarget; id: string; name: string; regionName: string };
  toRegionPath: string;
  /** The team holding the checkpoint sent to, if any (its leaders may sign). */
  checkpointTeamId: string | null;
  purpose: string | null;
  status: AllocationStatus;
  sentBy: { id: string; name: string };
  sentAt: string;
  confirmedBy: { id: string; name: string } | null;
  confirmedAt: string | null;
  confirmNote: string | null;
}

function toRow(r: Awaited<ReturnType<ReturnType<typeof base>['executeTakeFirstOrThrow']>>): AllocationRow {
  const kind = r.toKind as AllocationTarget;
  const [id, name] =
    kind === 'checkpoint'
      ? [r.toCheckpointId, r.checkpointName]
      : kind === 'team'
        ? [r.toTeamId, r.teamName]
        : kind === 'region'
          ? [r.toRegionId, r.toRegionName]
          : [r.toHouseholdId, r.householdAddress];
  return {
    id: r.id,
    ref: r.ref,
    store: { id: r.storeId, name: r.storeName, regionName: r.storeRegionName },
    storePath: r.storePath,
    target: { kind, id: id ?? '', name: name ?? '', regionName: r.targetRegionName ?? '' },
    toRegionPath: r.toRegionPath,
    checkpointTeamId: r.checkpointTeamId,
    purpose: r.purpose,
    status: r.status as AllocationStatus,
    sentBy: { id: r.sentBy, name: r.sentByName },
    sentAt: r.sentAt,
    confirmedBy: r.confirmedBy ? { id: r.confirmedBy, name: r.confirmedByName ?? '' } : null,
    confirmedAt: r.confirmedAt,
    confirmNote: r.confirmNote,
  };
}

export async function findAllocation(q: Q, id: string): Promise<AllocationRow | undefined> {
  const row = await base(q).where('al.id', '=', id).executeTakeFirst();
  return row && toRow(row);
}

export interface AllocationFilter {
  regionPath?: string;
  storeId?: string;
  status?: AllocationStatus;
  toKind?: AllocationTarget;
  fromAt?: string;
  beforeAt?: string;
  limit: number;
  offset: number;
}

/** Allocations sent from a store in scope or to a place in scope (the receiving side sees them too). */
export async function listAllocations(
  q: Q,
  scope: Scope,
  f: AllocationFilter,
): Promise<{ items: AllocationRow[]; total: number }> {
  let query = base(q).where((eb) => eb.or([inRegionScope(eb, scope, 'r.path'), inRegionScope(eb, scope, 'al.toRegionPath')]));
  const path = f.regionPath;
  if (path) query = query.where((eb) => eb.or([startsWith('r.path', path), startsWith('al.toRegionPath', path)]));
  if (f.storeId) query = query.where('al.storeId', '=', f.storeId);
  if (f.status) query = query.where('al.status', '=', f.status);
  if (f.toKind) query = query.where('al.toKind', '=', f.toKind);
  if (f.fromAt) query = query.where('al.sentAt', '>=', f.fromAt);
  if (f.beforeAt) query = query.where('al.sentAt', '<', f.beforeAt);
  const count = await query
    .clearSelect()
    .select((eb) => eb.fn.countAll<number | string>().as('n'))
    .executeTakeFirstOrThrow();
  const rows = await query.orderBy('al.sentAt', 'desc').orderBy('al.id', 'desc').limit(f.limit).offset(f.offset).execute();
  return { items: rows.map(toRow), total: toNumber(count.n) };
}

/** The teams an account leads, and the sub-teams of those (a leader signs for both). */
export async function teamsLedBy(q: Q, accountId: string): Promise<string[]> {
  const rows = await q
    .selectFrom('teams as t')
    .leftJoin('teams as p', 'p.id', 't.parentTeamId')
    .select('t.id')
    .where((eb) => {
      const mine = eb.selectFrom('volunteers as v').select('v.id').where('v.accountId', '=', accountId);
      return eb.or([eb('t.leaderVolunteerId', 'in', mine), eb('p.leaderVolunteerId', 'in', mine)]);
    })
    .execute();
  return rows.map((r) => r.id);
}

/**
 * Allocations still to sign for that the account may sign: sent to a team it leads or to a
 * checkpoint such a team holds, or to a place under `managerScope` (its supplies.read scope).
 */
export async function toConfirm(q: Q, managerScope: Scope, ledTeamIds: readonly string[]): Promise<AllocationRow[]> {
  const rows = await base(q)
    .where('al.status', '=', 'sent')
    .where((eb) => {
      const ors = [inRegionScope(eb, managerScope, 'al.toRegionPath')];
      if (ledTeamIds.length) ors.push(eb('al.toTeamId', 'in', [...ledTeamIds]), eb('cp.teamId', 'in', [...ledTeamIds]));
      return eb.or(ors);
    })
    .orderBy('al.sentAt', 'desc')
    .orderBy('al.id', 'desc')
    .limit(200)
    .execute();
  return rows.map(toRow);
}

export async function insertAllocation(q: Q, row: AllocationTable): Promise<void> {
  await q.insertInto('allocations').values(row).execute();
}

/** Moves a sent allocation on (confirmed or reversed); false when it was no longer 'sent' (a race lost). */
export async function settle(q: Q, id: string, set: Partial<AllocationTable>): Promise<boolean> {
  const r = await q.updateTable('allocations').set(set).where('id', '=', id).where('status', '=', 'sent').executeTakeFirst();
  return Number(r.numUpdatedRows) === 1;
}
