import { sql, type Kysely } from 'kysely';
import type { CaseStatus, ExposureFlag, IsolationKind, Measure, TransportMode } from '../../../common/enums.ts';
import type { Scope } from '../../platform/access/actor.ts';
import { inRegionScope } from '../../platform/access/scope.ts';
import { startsWith, toBool, toNumber } from '../../platform/db/dialect.ts';
import type { Database, ReturneeTable } from '../../platform/db/schema.ts';
import type { CaseRef } from './returnees.schemas.ts';

type Q = Kysely<Database>;

/** A returnee as stored, unmasked (the ID number still sealed), with its region's path for access checks. */
export interface ReturneeRow {
  id: string;
  regionId: string;
  regionName: string;
  regionPath: string;
  householdId: string | null;
  householdAddress: string | null;
  name: string;
  idNumberEnc: string | null;
  mobile: string | null;
  address: string | null;
  originCode: string;
  originName: string;
  fromRiskArea: boolean;
  returnedOn: string;
  transport: TransportMode;
  tripNumber: string | null;
  exposures: ExposureFlag[];
  proposedMeasure: Measure;
  measure: Measure | null;
  measureBy: { accountId: string; name: string } | null;
  measureAt: string | null;
  measureReason: string | null;
  followUpId: string | null;
  note: string | null;
  createdAt: string;
  updatedAt: string;
}

function base(q: Q) {
  return q
    .selectFrom('returnees')
    .innerJoin('regions', 'regions.id', 'returnees.regionId')
    .leftJoin('households', 'households.id', 'returnees.householdId')
    .leftJoin('accounts as decider', 'decider.id', 'returnees.measureBy')
    .selectAll('returnees')
    .select([
      'regions.name as regionName',
      'regions.path as regionPath',
      'households.address as householdAddress',
      'decider.name as deciderName',
    ]);
}

type Raw = Awaited<ReturnType<ReturnType<typeof base>['executeTakeFirstOrThrow']>>;

function toRow(r: Raw): ReturneeRow {
  return {
    id: r.id,
    regionId: r.regionId,
    regionName: r.regionName,
    regionPath: r.regionPath,
    householdId: r.householdId,
    householdAddress: r.householdAddress,
    name: r.name,
    idNumberEnc: r.idNumberEnc,
    mobile: r.mobile,
    address: r.address,
    originCode: r.originCode,
    originName: r.originName,
    fromRiskArea: toBool(r.fromRiskArea),
    returnedOn: r.returnedOn,
    transport: r.transport as TransportMode,
    tripNumber: r.tripNumber,
    exposures: JSON.parse(r.exposures) as ExposureFlag[],
    proposedMeasure: r.proposedMeasure as Measure,
    measure: r.measure as Measure | null,
    measureBy: r.measureBy ? { accountId: r.measureBy, name: r.deciderName ?? '' } : null,
    measureAt: r.measureAt,
    measureReason: r.measureReason,
    followUpId: r.followUpId,
    note: r.note,
    createdAt: r.createdAt,
    updatedAt: r.updatedAt,
  };
}

export async function findReturnee(q: Q, id: string): Promise<ReturneeRow | undefined> {
  const row = await base(q).where('returnees.id', '=', id).executeTakeFirst();
  return row && toRow(row);
}

export interface ReturneeFilter {
  regionPath?: string;
  from?: string;
  to?: string;
  measure?: Measure;
  pending?: boolean;
  limit: number;
  offset: number;
}

/** Awaiting confirmation first, then the latest returns. */
export async function listReturnees(q: Q, scope: Scope, f: ReturneeFilter): Promise<{ items: ReturneeRow[]; total: number }> {
  let query = base(q).where((eb) => inRegionScope(eb, scope, 'regions.path'));
  if (f.regionPath) query = query.where(startsWith('regions.path', f.regionPath));
  if (f.from) query = query.where('returnees.returnedOn', '>=', f.from);
  if (f.to) query = query.where('returnees.returnedOn', '<=', f.to);
  if (f.measure)
    query = query.where(
      sql<string>`COALESCE(${sql.ref('returnees.measure')}, ${sql.ref('returnees.proposedMeasure')})`,
      '=',
      f.measure,
    );
  if (f.pending !== undefined) query = query.where('returnees.measure', f.pending ? 'is' : 'is not', null);
  const totalRow = await query
    .clearSelect()
    .select((eb) => eb.fn.countAll().as('n'))
    .executeTakeFirstOrThrow();
  const rows = await query
    .orderBy(sql`CASE WHEN ${sql.ref('returnees.measure')} IS NULL THEN 0 ELSE 1 END`)
    .orderBy('returnees.returnedOn', 'desc')
    .orderBy('returnees.id', 'desc')
    .limit(f.limit)
    .offset(f.offset)
    .execute();
  return { items: rows.map(toRow), total: toNumber(totalRow.n as number | string) };
}

export async function insertReturnee(q: Q, row: ReturneeTable): Promise<void> {
  await q.insertInto('returnees').values(row).execute();
}

export async function updateReturnee(
  q: Q,
  id: string,
  set: Partial<Omit<ReturneeTable, 'id' | 'createdAt' | 'createdBy'>>,
): Promise<void> {
  await q.updateTable('returnees').set(set).where('id', '=', id).execute();
}

/** A region a returnee or contact may be placed in, with what the checks need. */
export async function placeOf(q: Q, regionId: string) {
  return q.selectFrom('regions').select(['id', 'name', 'path', 'level']).where('id', '=', regionId).executeTakeFirst();
}

/** A registered household and its region's path. */
export async function householdOf(q: Q, id: string) {
  return q
    .selectFrom('households')
    .innerJoin('regions', 'regions.id', 'households.regionId')
    .select(['households.id', 'households.address', 'regions.path as regionPath'])
    .where('households.id', '=', id)
    .executeTakeFirst();
}

/** The latest isolation case opened for each of these returnees or contacts. */
export async function casesOf(q: Q, column: 'returneeId' | 'contactId', ids: readonly string[]): Promise<Map<string, CaseRef>> {
  const out = new Map<string, CaseRef>();
  for (let i = 0; i < ids.length; i += 500) {
    const rows = await q
      .selectFrom('isolationCases')
      .select(['id', 'ref', 'kind', 'status', 'returneeId', 'contactId'])
      .where(column, 'in', ids.slice(i, i + 500))
      .orderBy('createdAt')
      .orderBy('id')
      .execute();
    for (const r of rows) {
      const owner = r[column];
      if (owner) out.set(owner, { id: r.id, ref: r.ref, kind: r.kind as IsolationKind, status: r.status as CaseStatus });
    }
  }
  return out;
}
