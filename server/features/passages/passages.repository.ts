import { sql, type Kysely } from 'kysely';
import type { PassageDirection, PassagePurpose, PassageSubject } from '../../../common/enums.ts';
import type { Scope } from '../../platform/access/actor.ts';
import { inRegionScope } from '../../platform/access/scope.ts';
import { startsWith, toBool, toNumber } from '../../platform/db/dialect.ts';
import { placeLabel } from '../../platform/db/place-label.ts';
import type { Database, PassageTable } from '../../platform/db/schema.ts';
import type { Passage, PassageCounts } from './passages.schemas.ts';

type Q = Kysely<Database>;

/** What a volunteer enters at the gate (the values the rules check). */
export type EntryValues = Pick<
  Passage,
  | 'direction'
  | 'subject'
  | 'people'
  | 'name'
  | 'mobile'
  | 'plate'
  | 'originCode'
  | 'temperature'
  | 'remeasured'
  | 'purpose'
  | 'leaflets'
>;

/** A passage as stored, unmasked, with the names lists show and its region's path for access checks. */
export interface PassageRow extends EntryValues {
  id: string;
  checkpointId: string;
  checkpointName: string;
  regionId: string;
  regionName: string;
  regionPath: string;
  recordedBy: string;
  recordedByName: string;
  originName: string | null;
  fromRiskArea: boolean;
  fever: boolean;
  occurredAt: string;
  occurredOn: string;
  createdAt: string;
  anonymisedAt: string | null;
}

function base(q: Q) {
  return q
    .selectFrom('passages')
    .innerJoin('checkpoints', 'checkpoints.id', 'passages.checkpointId')
    .innerJoin('regions', 'regions.id', 'passages.regionId')
    .leftJoin('regions as parentRegion', 'parentRegion.id', 'regions.parentId')
    .innerJoin('accounts', 'accounts.id', 'passages.recordedBy')
    .select([
      'passages.id',
      'passages.checkpointId',
      'checkpoints.name as checkpointName',
      'passages.regionId',
      placeLabel('regions', 'parentRegion').as('regionName'),
      'regions.path as regionPath',
      'passages.recordedBy',
      'accounts.name as recordedByName',
      'passages.direction',
      'passages.subject',
      'passages.people',
      'passages.name',
      'passages.mobile',
      'passages.plate',
      'passages.originCode',
      'passages.originName',
      'passages.fromRiskArea',
      'passages.temperature',
      'passages.remeasured',
      'passages.fever',
      'passages.purpose',
      'passages.leaflets',
      'passages.occurredAt',
      'passages.occurredOn',
      'passages.createdAt',
      'passages.anonymisedAt',
    ]);
}

type Raw = Awaited<ReturnType<ReturnType<typeof base>['executeTakeFirstOrThrow']>>;

const reading = (v: number | string | null) => (v === null ? null : Number(v));

function toRow(r: Raw): PassageRow {
  return {
    ...r,
    direction: r.direction as PassageDirection,
    subject: r.subject as PassageSubject,
    purpose: r.purpose as PassagePurpose | null,
    people: toNumber(r.people),
    leaflets: toNumber(r.leaflets),
    temperature: reading(r.temperature),
    remeasured: reading(r.remeasured),
    fromRiskArea: toBool(r.fromRiskArea),
    fever: toBool(r.fever),
  };
}

export async function findPassage(q: Q, id: string): Promise<PassageRow | undefined> {
  const row = await base(q).where('passages.id', '=', id).executeTakeFirst();
  return row && toRow(row);
}

/** The caller's own latest entries at a checkpoint (index on recorder and time). */
export async function recentBy(q: Q, accountId: string, checkpointId: string, limit: number): Promise<PassageRow[]> {
  const rows = await base(q)
    .where('passages.recordedBy', '=', accountId)
    .where('passages.checkpointId', '=', checkpointId)
    .orderBy('passages.createdAt', 'desc')
    .orderBy('passages.id', 'desc')
    .limit(limit)
    .execute();
  return rows.map(toRow);
}

export interface PassageFilter {
  regionPath?: string;
  checkpointId?: string;
  from?: string;
  to?: string;
  direction?: PassageDirection;
  subject?: PassageSubject;
  fever?: boolean;
  fromRiskArea?: boolean;
  limit: number;
  offset: number;
}

export async function listPassages(q: Q, scope: Scope, f: PassageFilter): Promise<{ items: PassageRow[]; total: number }> {
  let query = base(q).where((eb) => inRegionScope(eb, scope, 'regions.path'));
  if (f.regionPath) query = query.where(startsWith('regions.path', f.regionPath));
  if (f.checkpointId) query = query.where('passages.checkpointId', '=', f.checkpointId);
  if (f.from) query = query.where('passages.occurredOn', '>=', f.from);
  if (f.to) query = query.where('passages.occurredOn', '<=', f.to);
  if (f.direction) query = query.where('passages.direction', '=', f.direction);
  if (f.subject) query = query.where('passages.subject', '=', f.subject);
  if (f.fever !== undefined) query = query.where('passages.fever', '=', f.fever ? 1 : 0);
  if (f.fromRiskArea !== undefined) query = query.where('passages.fromRiskArea', '=', f.fromRiskArea ? 1 : 0);
  const totalRow = await query
    .clearSelect()
    .select((eb) => eb.fn.countAll().as('n'))
    .executeTakeFirstOrThrow();
  const rows = await query
    .orderBy('passages.occurredAt', 'desc')
    .orderBy('passages.id', 'desc')
    .limit(f.limit)
    .offset(f.offset)
    .execute();
  return { items: rows.map(toRow), total: toNumber(totalRow.n as number | string) };
}

export type CountsRow = Omit<PassageCounts, 'checkpointName' | 'regionName'>;

/**
 * Counts per checkpoint and local day, in one grouped statement: the checkpoint (with its day
 * index) or the regions in scope (through `region_id`, copied at write, so no join to
 * checkpoints), over local dates `from`–`to` inclusive.
 */
export async function countsOf(
  q: Q,
  scope: Scope,
  f: { checkpointId?: string; regionPath?: string; from: string; to: string },
): Promise<CountsRow[]> {
  let query = q
    .selectFrom('passages')
    .select((eb) => [
      'passages.checkpointId',
      'passages.occurredOn',
      eb.fn.countAll().as('entries'),
      eb.fn.sum<number | string>('passages.people').as('passers'),
      eb.fn.sum<number | string>(sql`CASE WHEN ${sql.ref('passages.subject')} = 'vehicle' THEN 1 ELSE 0 END`).as('vehicles'),
      eb.fn.sum<number | string>('passages.fever').as('fevers'),
      eb.fn
        .sum<number | string>(
          sql`CASE WHEN ${sql.ref('passages.direction')} = 'in' THEN ${sql.ref('passages.fromRiskArea')} ELSE 0 END`,
        )
        .as('riskArrivals'),
      eb.fn.sum<number | string>('passages.leaflets').as('leaflets'),
    ])
    .where('passages.occurredOn', '>=', f.from)
    .where('passages.occurredOn', '<=', f.to);
  if (f.checkpointId) query = query.where('passages.checkpointId', '=', f.checkpointId);
  if (!scope.all || f.regionPath) {
    // The regions first, as a list: with a subquery in its place SQLite's planner, knowing the
    // table's statistics, scans the whole day index instead of one range per region.
    let regions = q
      .selectFrom('regions')
      .select('regions.id')
      .where((r) => inRegionScope(r, scope, 'regions.path'));
    if (f.regionPath) regions = regions.where(startsWith('regions.path', f.regionPath));
    const ids = (await regions.execute()).map((r) => r.id);
    if (ids.length === 0) return [];
    query = query.where('passages.regionId', 'in', ids);
  }
  const rows = await query.groupBy(['passages.checkpointId', 'passages.occurredOn']).execute();
  return rows.map((r) => ({
    checkpointId: r.checkpointId,
    date: r.occurredOn,
    entries: toNumber(r.entries as number | string),
    passers: toNumber(r.passers),
    vehicles: toNumber(r.vehicles),
    fevers: toNumber(r.fevers),
    riskArrivals: toNumber(r.riskArrivals),
    leaflets: toNumber(r.leaflets),
  }));
}

export async function insertPassage(q: Q, row: PassageTable): Promise<void> {
  await q.insertInto('passages').values(row).execute();
}

export async function updatePassage(
  q: Q,
  id: string,
  values: Omit<
    PassageTable,
    'id' | 'checkpointId' | 'regionId' | 'recordedBy' | 'occurredAt' | 'occurredOn' | 'createdAt' | 'anonymisedAt'
  >,
): Promise<void> {
  await q.updateTable('passages').set(values).where('id', '=', id).where('anonymisedAt', 'is', null).execute();
}

/** Ids of entries past retention still holding whereabouts (index on anonymised_at, occurred_on). */
export async function dueForAnonymising(q: Q, before: string, limit: number): Promise<string[]> {
  const rows = await q
    .selectFrom('passages')
    .select('id')
    .where('anonymisedAt', 'is', null)
    .where('occurredOn', '<', before)
    .limit(limit)
    .execute();
  return rows.map((r) => r.id);
}

/** Drops who and where from: the counts (subject, people, readings, flags, times) stay. */
export async function anonymise(q: Q, ids: readonly string[], now: string): Promise<number> {
  const result = await q
    .updateTable('passages')
    .set({ name: null, mobile: null, plate: null, originCode: null, originName: null, anonymisedAt: now, updatedAt: now })
    .where('id', 'in', ids)
    .where('anonymisedAt', 'is', null)
    .executeTakeFirst();
  return Number(result.numUpdatedRows);
}
