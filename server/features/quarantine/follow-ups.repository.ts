import { sql, type Kysely } from 'kysely';
import type { FollowUpKind, FollowUpStatus } from '../../../common/enums.ts';
import type { Scope } from '../../platform/access/actor.ts';
import { inRegionScope } from '../../platform/access/scope.ts';
import { startsWith, toNumber } from '../../platform/db/dialect.ts';
import type { Database, FollowUpTable } from '../../platform/db/schema.ts';
import type { FollowUp, FollowUpDetails } from './follow-ups.schemas.ts';

type Q = Kysely<Database>;

/** A task as stored, unmasked, with its region's path for access checks. */
export interface FollowUpRow extends FollowUp {
  regionPath: string;
}

function base(q: Q) {
  return q
    .selectFrom('followUps')
    .innerJoin('regions', 'regions.id', 'followUps.regionId')
    .leftJoin('accounts as assignee', 'assignee.id', 'followUps.assignedTo')
    .leftJoin('accounts as closer', 'closer.id', 'followUps.closedBy')
    .select([
      'followUps.id',
      'followUps.regionId',
      'regions.name as regionName',
      'regions.path as regionPath',
      'followUps.kind',
      'followUps.status',
      'followUps.sourceKind',
      'followUps.sourceId',
      'followUps.personName',
      'followUps.personMobile',
      'followUps.details',
      'followUps.assignedTo',
      'assignee.name as assigneeName',
      'followUps.outcome',
      'followUps.closedAt',
      'followUps.closedBy',
      'closer.name as closerName',
      'followUps.createdAt',
      'followUps.updatedAt',
    ]);
}

type Raw = Awaited<ReturnType<ReturnType<typeof base>['executeTakeFirstOrThrow']>>;

function toRow(r: Raw): FollowUpRow {
  return {
    id: r.id,
    regionId: r.regionId,
    regionName: r.regionName,
    regionPath: r.regionPath,
    kind: r.kind as FollowUpKind,
    status: r.status as FollowUpStatus,
    source: { kind: r.sourceKind as FollowUp['source']['kind'], id: r.sourceId },
    personName: r.personName,
    personMobile: r.personMobile,
    details: JSON.parse(r.details) as FollowUpDetails,
    assignedTo: r.assignedTo ? { accountId: r.assignedTo, name: r.assigneeName ?? '' } : null,
    outcome: r.outcome,
    closedAt: r.closedAt,
    closedBy: r.closedBy ? { accountId: r.closedBy, name: r.closerName ?? '' } : null,
    createdAt: r.createdAt,
    updatedAt: r.updatedAt,
  };
}

export async function findFollowUp(q: Q, id: string): Promise<FollowUpRow | undefined> {
  const row = await base(q).where('followUps.id', '=', id).executeTakeFirst();
  return row && toRow(row);
}

export interface FollowUpFilter {
  regionPath?: string;
  status?: FollowUpStatus;
  kind?: FollowUpKind;
  limit: number;
  offset: number;
}

/** Open work first (open, then in progress), newest first within each. */
export async function listFollowUps(q: Q, scope: Scope, f: FollowUpFilter): Promise<{ items: FollowUpRow[]; total: number }> {
  let query = base(q).where((eb) => inRegionScope(eb, scope, 'regions.path'));
  if (f.regionPath) query = query.where(startsWith('regions.path', f.regionPath));
  if (f.status) query = query.where('followUps.status', '=', f.status);
  if (f.kind) query = query.where('followUps.kind', '=', f.kind);
  const totalRow = await query
    .clearSelect()
    .select((eb) => eb.fn.countAll().as('n'))
    .executeTakeFirstOrThrow();
  const rows = await query
    .orderBy(sql`CASE ${sql.ref('followUps.status')} WHEN 'open' THEN 0 WHEN 'in_progress' THEN 1 ELSE 2 END`)
    .orderBy('followUps.createdAt', 'desc')
    .orderBy('followUps.id', 'desc')
    .limit(f.limit)
    .offset(f.offset)
    .execute();
  return { items: rows.map(toRow), total: toNumber(totalRow.n as number | string) };
}

/** The community a place is followed up by: a grid's parent, any other region itself. */
export async function followUpRegion(q: Q, regionId: string): Promise<{ id: string; name: string; path: string } | undefined> {
  const r = await q
    .selectFrom('regions')
    .leftJoin('regions as parent', 'parent.id', 'regions.parentId')
    .select([
      'regions.id',
      'regions.name',
      'regions.path',
      'regions.level',
      'parent.id as parentId',
      'parent.name as parentName',
      'parent.path as parentPath',
    ])
    .where('regions.id', '=', regionId)
    .executeTakeFirst();
  if (!r) return undefined;
  if (r.level === 'grid' && r.parentId && r.parentName !== null && r.parentPath !== null) {
    return { id: r.parentId, name: r.parentName, path: r.parentPath };
  }
  return { id: r.id, name: r.name, path: r.path };
}

/** Inserts unless the source already made a task of this kind; true when it inserted. */
export async function insertIfNew(q: Q, row: FollowUpTable): Promise<boolean> {
  const inserted = await q
    .insertInto('followUps')
    .values(row)
    .onConflict((oc) => oc.columns(['sourceKind', 'sourceId', 'kind']).doNothing())
    .returning('id')
    .executeTakeFirst();
  return inserted !== undefined;
}

/** The task a source made of this kind, if any. */
export async function idBySource(q: Q, sourceKind: string, sourceId: string, kind: string): Promise<string | undefined> {
  const row = await q
    .selectFrom('followUps')
    .select('id')
    .where('sourceKind', '=', sourceKind)
    .where('sourceId', '=', sourceId)
    .where('kind', '=', kind)
    .executeTakeFirst();
  return row?.id;
}

/** A corrected source updates what its task says, while nobody has started on it. */
export async function refreshOpen(
  q: Q,
  id: string,
  values: Pick<FollowUpTable, 'personName' | 'personMobile' | 'details'>,
  now: string,
): Promise<void> {
  await q
    .updateTable('followUps')
    .set({ ...values, updatedAt: now })
    .where('id', '=', id)
    .where('status', '=', 'open')
    .execute();
}

/** The tasks made by these sources, by source id. */
export async function bySources(q: Q, sourceKind: string, sourceIds: readonly string[]) {
  const out = new Map<string, { id: string; kind: FollowUpKind }[]>();
  for (let i = 0; i < sourceIds.length; i += 500) {
    const rows = await q
      .selectFrom('followUps')
      .select(['id', 'kind', 'sourceId'])
      .where('sourceKind', '=', sourceKind)
      .where('sourceId', 'in', sourceIds.slice(i, i + 500))
      .orderBy('id')
      .execute();
    for (const r of rows) out.set(r.sourceId, [...(out.get(r.sourceId) ?? []), { id: r.id, kind: r.kind as FollowUpKind }]);
  }
  return out;
}

/** Moves a task that is not closed; false when it was closed meanwhile. */
export async function updateUnclosed(
  q: Q,
  id: string,
  set: Partial<Pick<FollowUpTable, 'status' | 'assignedTo' | 'outcome' | 'closedAt' | 'closedBy'>>,
  now: string,
): Promise<boolean> {
  const result = await q
    .updateTable('followUps')
    .set({ ...set, updatedAt: now })
    .where('id', '=', id)
    .where('status', '!=', 'closed')
    .executeTakeFirst();
  return Number(result.numUpdatedRows) > 0;
}
