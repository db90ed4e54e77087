import { sql, type Expression, type Kysely, type SqlBool } from 'kysely';
import type { ServiceKind, VolunteerStatus } from '../../../common/enums.ts';
import type { Scope } from '../../platform/access/actor.ts';
import { containsInsensitive, startsWith, toBool, toNumber, type DialectName } from '../../platform/db/dialect.ts';
import { countWhere, inPages, inScopedRegions } from '../../platform/db/listing.ts';
import { placeLabel } from '../../platform/db/place-label.ts';
import type { Database, VolunteerTable } from '../../platform/db/schema.ts';
import type { ServiceEntry, ServiceRecordItem, StatusChange } from './volunteers.schemas.ts';
import type { FigureRow, FigureWindow } from '../dashboard/figure-sources.ts';

type Q = Kysely<Database>;

/** A volunteer as stored, with the names and path the service needs; JSON columns still text. */
export type VolunteerRow = Omit<VolunteerTable, 'partyMember' | 'status' | 'updatedAt'> & {
  partyMember: boolean;
  status: VolunteerStatus;
  accountLogin: string | null;
  /** The registered unit's name when unitId is set, else the free text typed in. */
  unitName: string | null;
  regionName: string;
  regionPath: string;
  regionCode: string | null;
};

export type NewVolunteerRow = Omit<VolunteerTable, 'createdAt' | 'updatedAt'>;

export interface VolunteerFilter {
  regionPath?: string;
  q?: string;
  mobileSuffix?: string;
  unitId?: string;
  teamId?: string;
  skill?: string;
  status?: VolunteerStatus;
  partyMember?: boolean;
}

function base(q: Q) {
  return q
    .selectFrom('volunteers')
    .innerJoin('regions', 'regions.id', 'volunteers.regionId')
    .leftJoin('regions as parentRegion', 'parentRegion.id', 'regions.parentId')
    .leftJoin('units', 'units.id', 'volunteers.unitId')
    .leftJoin('accounts', 'accounts.id', 'volunteers.accountId')
    .select((eb) => [
      'volunteers.id',
      'volunteers.pledgeId',
      'volunteers.accountId',
      'accounts.login as accountLogin',
      'volunteers.name',
      'volunteers.gender',
      'volunteers.idNumberEnc',
      'volunteers.idNumberIndex',
      'volunteers.mobile',
      'volunteers.partyMember',
      'volunteers.partyBranch',
      'volunteers.unitId',
      eb.fn.coalesce('units.name', 'volunteers.unitName').as('unitName'),
      'volunteers.homeAddress',
      'volunteers.regionId',
      placeLabel('regions', 'parentRegion').as('regionName'),
      'regions.path as regionPath',
      'regions.code as regionCode',
      'volunteers.skills',
      'volunteers.availability',
      'volunteers.status',
      'volunteers.statusReason',
      'volunteers.statusSince',
      'volunteers.createdAt',
    ]);
}

type BaseRow = Awaited<ReturnType<ReturnType<typeof base>['executeTakeFirstOrThrow']>>;

const toRow = (r: BaseRow): VolunteerRow => ({
  ...r,
  partyMember: toBool(r.partyMember),
  status: r.status as VolunteerStatus,
});

export async function findVolunteer(q: Q, id: string): Promise<VolunteerRow | undefined> {
  const row = await base(q).where('volunteers.id', '=', id).executeTakeFirst();
  return row && toRow(row);
}

/** Just who the account's volunteer is: on the path of every check-in and passage entry, so no joins. */
export async function volunteerOfAccount(q: Q, accountId: string): Promise<{ id: string; name: string } | undefined> {
  return q.selectFrom('volunteers').select(['id', 'name']).where('accountId', '=', accountId).executeTakeFirst();
}

export async function findVolunteers(q: Q, ids: readonly string[]): Promise<VolunteerRow[]> {
  const out: VolunteerRow[] = [];
  for (let i = 0; i < ids.length; i += 500) {
    const rows = await base(q)
      .where('volunteers.id', 'in', ids.slice(i, i + 500))
      .execute();
    out.push(...rows.map(toRow));
  }
  return out;
}

/** The filters as conditions on `volunteers` alone, so the count needs no joins. */
function conditions(q: Q, dialect: DialectName, scope: Scope, f: VolunteerFilter): Expression<SqlBool>[] {
  const out: Expression<SqlBool>[] = [];
  const inRegions = inScopedRegions(q, 'volunteers.regionId', scope, f.regionPath);
  if (inRegions) out.push(inRegions);
  if (f.q) out.push(containsInsensitive(dialect, 'volunteers.name', f.q));
  if (f.mobileSuffix) {
    // A whole number finds by the index; a tail (what a masked number shows) is checked on what the other filters leave.
    const m = f.mobileSuffix;
    out.push(
      m.length === 11
        ? sql<SqlBool>`${sql.ref('volunteers.mobile')} = ${m}`
        : sql<SqlBool>`${sql.ref('volunteers.mobile')} like ${`%${m}`}`,
    );
  }
  if (f.unitId) out.push(sql<SqlBool>`${sql.ref('volunteers.unitId')} = ${f.unitId}`);
  if (f.teamId) {
    const members = q.selectFrom('teamMembers').select('teamMembers.volunteerId').where('teamMembers.teamId', '=', f.teamId);
    out.push(sql<SqlBool>`${sql.ref('volunteers.id')} in ${members}`);
  }
  // Skills are a JSON array of enum words, so the quoted word matches exactly that skill.
  if (f.skill) out.push(sql<SqlBool>`${sql.ref('volunteers.skills')} like ${`%"${f.skill}"%`}`);
  if (f.status) out.push(sql<SqlBool>`${sql.ref('volunteers.status')} = ${f.status}`);
  if (f.partyMember !== undefined) out.push(sql<SqlBool>`${sql.ref('volunteers.partyMember')} = ${f.partyMember ? 1 : 0}`);
  return out;
}

/** The matches in the list's order (by name), which the export keeps too. */
function filtered(q: Q, dialect: DialectName, scope: Scope, f: VolunteerFilter) {
  const where = conditions(q, dialect, scope, f);
  return (where.length ? base(q).where((eb) => eb.and(where)) : base(q)).orderBy('volunteers.name').orderBy('volunteers.id');
}

export async function listVolunteers(
  q: Q,
  dialect: DialectName,
  scope: Scope,
  f: VolunteerFilter,
  page: { limit: number; offset: number },
): Promise<{ items: VolunteerRow[]; total: number }> {
  // The total rides along as a window count: one pass over the matches instead of two.
  const rows = await filtered(q, dialect, scope, f)
    .select((eb) => eb.fn.countAll().over().as('total'))
    .limit(page.limit)
    .offset(page.offset)
    .execute();
  let total = toNumber(rows[0]?.total as number | string | undefined);
  // A page past the end has no row to carry the total.
  if (rows.length === 0 && page.offset > 0) total = await countWhere(q, 'volunteers', conditions(q, dialect, scope, f));
  return { items: rows.map(({ total: _total, ...r }) => toRow(r)), total };
}

/** Every match, in pages, for the export: bounded memory per page, the same order as the list. */
export function eachVolunteer(
  q: Q,
  dialect: DialectName,
  scope: Scope,
  f: VolunteerFilter,
  pageSize = 2000,
): AsyncGenerator<VolunteerRow[]> {
  return inPages(
    async (limit, offset) => (await filtered(q, dialect, scope, f).limit(limit).offset(offset).execute()).map(toRow),
    pageSize,
  );
}

/** A volunteer as rosters plan with them: no contacts, no ID number. */
export interface PlanningRow {
  id: string;
  name: string;
  accountId: string | null;
  regionId: string;
  regionName: string;
  regionPath: string;
  availability: string;
  status: VolunteerStatus;
}

function planningBase(q: Q) {
  return q
    .selectFrom('volunteers')
    .innerJoin('regions', 'regions.id', 'volunteers.regionId')
    .leftJoin('regions as parentRegion', 'parentRegion.id', 'regions.parentId')
    .select([
      'volunteers.id',
      'volunteers.name',
      'volunteers.accountId',
      'volunteers.regionId',
      placeLabel('regions', 'parentRegion').as('regionName'),
      'regions.path as regionPath',
      'volunteers.availability',
      'volunteers.status',
    ]);
}

/** Active volunteers at home under `regionPath`, and the listed ones whatever their home or status. */
export async function planningPool(q: Q, regionPath: string, alsoIds: readonly string[]): Promise<PlanningRow[]> {
  const regions = q.selectFrom('regions').select('regions.id').where(startsWith('regions.path', regionPath));
  const pool = await planningBase(q)
    .where(sql<SqlBool>`${sql.ref('volunteers.regionId')} in ${regions}`)
    .where('volunteers.status', '=', 'active')
    .orderBy('volunteers.id')
    .execute();
  const seen = new Set(pool.map((r) => r.id));
  const missing = [...new Set(alsoIds)].filter((id) => !seen.has(id));
  for (let i = 0; i < missing.length; i += 500) {
    pool.push(
      ...(await planningBase(q)
        .where('volunteers.id', 'in', missing.slice(i, i + 500))
        .execute()),
    );
  }
  return pool.map((r) => ({ ...r, status: r.status as VolunteerStatus }));
}

export async function insertVolunteers(q: Q, rows: NewVolunteerRow[], now: string): Promise<void> {
  // 25 columns a row: 100 rows stay under SQLite's 32766 and PostgreSQL's 65535 parameters.
  for (let i = 0; i < rows.length; i += 100) {
    await q
      .insertInto('volunteers')
      .values(rows.slice(i, i + 100).map((r) => ({ ...r, createdAt: now, updatedAt: now })))
      .execute();
  }
}

export async function updateVolunteer(
  q: Q,
  id: string,
  patch: Partial<Omit<VolunteerTable, 'id' | 'createdAt' | 'updatedAt'>>,
  now: string,
): Promise<void> {
  await q
    .updateTable('volunteers')
    .set({ ...patch, updatedAt: now })
    .where('id', '=', id)
    .execute();
}

/** Which of these blind indexes the registry already holds. */
export async function existingIdIndexes(q: Q, indexes: readonly string[]): Promise<Set<string>> {
  const found = new Set<string>();
  for (let i = 0; i < indexes.length; i += 500) {
    const rows = await q
      .selectFrom('volunteers')
      .select('idNumberIndex')
      .where('idNumberIndex', 'in', indexes.slice(i, i + 500))
      .execute();
    for (const r of rows) found.add(r.idNumberIndex);
  }
  return found;
}

export async function findByIdIndex(q: Q, index: string): Promise<{ id: string } | undefined> {
  return q.selectFrom('volunteers').select('id').where('idNumberIndex', '=', index).executeTakeFirst();
}

export async function regionPath(q: Q, regionId: string): Promise<string | undefined> {
  return (await q.selectFrom('regions').select('path').where('id', '=', regionId).executeTakeFirst())?.path;
}

/** Regions by their code, for the import's home-grid column. */
export async function regionsByCodes(
  q: Q,
  codes: readonly string[],
): Promise<Map<string, { id: string; name: string; level: string; path: string }>> {
  const out = new Map<string, { id: string; name: string; level: string; path: string }>();
  for (let i = 0; i < codes.length; i += 500) {
    const rows = await q
      .selectFrom('regions')
      .select(['id', 'code', 'name', 'level', 'path'])
      .where('code', 'in', codes.slice(i, i + 500))
      .execute();
    for (const r of rows) if (r.code) out.set(r.code, { id: r.id, name: r.name, level: r.level, path: r.path });
  }
  return out;
}

/** Registered units by name (names are unique per region only, so one name may give several). */
export async function unitsByNames(q: Q, names: readonly string[]): Promise<{ id: string; name: string; regionPath: string }[]> {
  const out: { id: string; name: string; regionPath: string }[] = [];
  for (let i = 0; i < names.length; i += 500) {
    const rows = await q
      .selectFrom('units')
      .innerJoin('regions', 'regions.id', 'units.regionId')
      .select(['units.id', 'units.name', 'regions.path as regionPath'])
      .where('units.name', 'in', names.slice(i, i + 500))
      .execute();
    out.push(...rows);
  }
  return out;
}

export async function unitExists(q: Q, id: string): Promise<boolean> {
  return !!(await q.selectFrom('units').select('id').where('id', '=', id).executeTakeFirst());
}

export async function insertStatusChanges(
  q: Q,
  changes: {
    id: string;
    volunteerId: string;
    status: VolunteerStatus;
    reason: string | null;
    effectiveOn: string;
    byAccountId: string | null;
  }[],
  at: string,
): Promise<void> {
  for (let i = 0; i < changes.length; i += 500) {
    await q
      .insertInto('volunteerStatusChanges')
      .values(changes.slice(i, i + 500).map((c) => ({ ...c, at })))
      .execute();
  }
}

export async function statusHistory(q: Q, volunteerId: string): Promise<StatusChange[]> {
  const rows = await q
    .selectFrom('volunteerStatusChanges')
    .leftJoin('accounts', 'accounts.id', 'volunteerStatusChanges.byAccountId')
    .select([
      'volunteerStatusChanges.status',
      'volunteerStatusChanges.reason',
      'volunteerStatusChanges.effectiveOn',
      'volunteerStatusChanges.at',
      'accounts.name as byName',
    ])
    .where('volunteerStatusChanges.volunteerId', '=', volunteerId)
    .orderBy('volunteerStatusChanges.at', 'desc')
    .orderBy('volunteerStatusChanges.id', 'desc')
    .execute();
  return rows.map((r) => ({ ...r, status: r.status as VolunteerStatus }));
}

/** Adds an entry unless one with the same (kind, sourceId) is there; the id of the entry either way. */
export async function insertServiceRecord(
  q: Q,
  id: string,
  entry: ServiceEntry,
  now: string,
): Promise<{ id: string; created: boolean }> {
  const inserted = await q
    .insertInto('serviceRecords')
    .values({ id, ...entry, createdAt: now })
    .onConflict((oc) => oc.columns(['kind', 'sourceId']).doNothing())
    .returning('id')
    .executeTakeFirst();
  if (inserted) return { id: inserted.id, created: true };
  const existing = await q
    .selectFrom('serviceRecords')
    .select('id')
    .where('kind', '=', entry.kind)
    .where('sourceId', '=', entry.sourceId)
    .executeTakeFirstOrThrow();
  return { id: existing.id, created: false };
}

export async function setServiceHours(q: Q, kind: ServiceEntry['kind'], sourceId: string, hours: number): Promise<void> {
  await q.updateTable('serviceRecords').set({ hours }).where('kind', '=', kind).where('sourceId', '=', sourceId).execute();
}

const SERVICE_COLUMNS = ['id', 'kind', 'title', 'hours', 'occurredOn', 'sourceId', 'reason'] as const;

const toServiceItem = (r: { kind: string; hours: number | string | null } & Omit<ServiceRecordItem, 'kind' | 'hours'>) => ({
  ...r,
  kind: r.kind as ServiceKind,
  hours: r.hours === null ? null : Number(r.hours),
});

export async function findServiceRecord(q: Q, id: string): Promise<ServiceRecordItem | undefined> {
  const row = await q.selectFrom('serviceRecords').select(SERVICE_COLUMNS).where('id', '=', id).executeTakeFirst();
  return row && toServiceItem(row);
}

export async function serviceRecords(q: Q, volunteerId: string): Promise<ServiceRecordItem[]> {
  const rows = await q
    .selectFrom('serviceRecords')
    .select(SERVICE_COLUMNS)
    .where('volunteerId', '=', volunteerId)
    .orderBy('occurredOn', 'desc')
    .orderBy('createdAt', 'desc')
    .orderBy('id', 'desc')
    .execute();
  return rows.map(toServiceItem);
}

/**
 * The dashboard's volunteers figure (the refresh job's own reading: no actor, no scope): active
 * volunteers per home region as of `w.to`. Only the latest status change is kept on the row, so a
 * past day takes its status from `statusSince`: the current status from that day on, the other one
 * (active ↔ not) before it; a second change since that day is not seen.
 */
export async function figures(q: Q, w: FigureWindow): Promise<FigureRow[]> {
  const rows = await q
    .selectFrom('volunteers')
    .select((eb) => ['regionId', eb.fn.countAll().as('n')])
    .where('createdAt', '<', w.to)
    .where((eb) =>
      eb.or([
        eb.and([eb('status', '=', 'active'), eb('statusSince', '<=', w.day)]),
        eb.and([eb('status', '<>', 'active'), eb('statusSince', '>', w.day)]),
      ]),
    )
    .groupBy('regionId')
    .execute();
  return rows.map((r) => ({ regionId: r.regionId, values: { volunteersActive: toNumber(r.n as number | string) } }));
}
