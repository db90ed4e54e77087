import type { Kysely } from 'kysely';
import { TIME_BANDS, type Gender, type PledgeStatus, type RegionLevel, type Skill } from '../../../common/enums.ts';
import type { Scope } from '../../platform/access/actor.ts';
import { inRegionScope } from '../../platform/access/scope.ts';
import { placeLabel } from '../../platform/db/place-label.ts';
import { containsInsensitive, startsWith, toBool, toNumber, type DialectName } from '../../platform/db/dialect.ts';
import type { Database } from '../../platform/db/schema.ts';
import type { Pledge } from './pledges.schemas.ts';
import type { AvailabilitySlot } from './volunteers.schemas.ts';

type Q = Kysely<Database>;

/** A pledge as stored, with what access checks and approval need; the service masks it for answers. */
export interface PledgeRow extends Omit<Pledge, 'idNumber'> {
  idNumberEnc: string;
  idNumberIndex: string;
  /** Full number; masked by the service. */
  mobile: string;
  /** The free text typed when the unit is not listed (`unitName` is the listed unit's name when there is one). */
  typedUnitName: string | null;
  regionPath: string;
}

/**
 * The one spelling of availability at rest: slots sorted, keys in this order. The list filter
 * matches `{"weekday":N,"band":"B"}` as text, so every writer of pledges must use this.
 */
export function serializeAvailability(slots: readonly AvailabilitySlot[]): string {
  const sorted = [...slots].sort((a, b) => a.weekday - b.weekday || TIME_BANDS.indexOf(a.band) - TIME_BANDS.indexOf(b.band));
  return JSON.stringify(sorted.map((s) => ({ weekday: s.weekday, band: s.band })));
}

/** Skills sorted in their enumeration's order, for the same reason. */
export function serializeSkills(skills: readonly Skill[]): string {
  return JSON.stringify([...skills].sort());
}

function base(q: Q) {
  return q
    .selectFrom('pledges')
    .innerJoin('regions', 'regions.id', 'pledges.regionId')
    .leftJoin('regions as parentRegion', 'parentRegion.id', 'regions.parentId')
    .leftJoin('units', 'units.id', 'pledges.unitId')
    .leftJoin('accounts', 'accounts.id', 'pledges.decidedBy')
    .select([
      'pledges.id',
      'pledges.reference',
      'pledges.status',
      'pledges.name',
      'pledges.gender',
      'pledges.idNumberEnc',
      'pledges.idNumberIndex',
      'pledges.mobile',
      'pledges.partyMember',
      'pledges.partyBranch',
      'pledges.unitId',
      'units.name as listedUnitName',
      'pledges.unitName as typedUnitName',
      'pledges.homeAddress',
      'pledges.regionId',
      placeLabel('regions', 'parentRegion').as('regionName'),
      'regions.path as regionPath',
      'pledges.skills',
      'pledges.availability',
      'pledges.healthFever',
      'pledges.healthRiskContact',
      'pledges.healthNote',
      'pledges.pledgeText',
      'pledges.submittedAt',
      'pledges.decidedAt',
      'accounts.name as decidedByName',
      'pledges.decisionReason',
      'pledges.volunteerId',
    ]);
}

type BaseRow = Awaited<ReturnType<ReturnType<typeof base>['executeTakeFirstOrThrow']>>;

function toRow(r: BaseRow): PledgeRow {
  const { listedUnitName, partyMember, healthFever, healthRiskContact, skills, availability, ...rest } = r;
  return {
    ...rest,
    status: r.status as PledgeStatus,
    gender: r.gender as Gender,
    unitName: listedUnitName ?? r.typedUnitName,
    partyMember: toBool(partyMember),
    healthFever: toBool(healthFever),
    healthRiskContact: toBool(healthRiskContact),
    skills: JSON.parse(skills) as Skill[],
    availability: JSON.parse(availability) as AvailabilitySlot[],
  };
}

export async function findPledge(q: Q, id: string): Promise<PledgeRow | undefined> {
  const row = await base(q).where('pledges.id', '=', id).executeTakeFirst();
  return row && toRow(row);
}

export async function findPledgeByTokenHash(q: Q, tokenHash: string): Promise<PledgeRow | undefined> {
  const row = await base(q).where('pledges.statusTokenHash', '=', tokenHash).executeTakeFirst();
  return row && toRow(row);
}

export interface PledgeFilter {
  status?: PledgeStatus;
  regionPath?: string;
  unitId?: string;
  partyMember?: boolean;
  skill?: Skill;
  healthRisk?: boolean;
  weekday?: number;
  band?: string;
  q?: string;
  limit: number;
  offset: number;
}

/** Pledges whose home region is in the scope, newest first. */
export async function listPledges(
  q: Q,
  dialect: DialectName,
  scope: Scope,
  filter: PledgeFilter,
): Promise<{ items: PledgeRow[]; total: number }> {
  let query = base(q).where((eb) => inRegionScope(eb, scope, 'regions.path'));
  if (filter.status) query = query.where('pledges.status', '=', filter.status);
  if (filter.regionPath) query = query.where(startsWith('regions.path', filter.regionPath));
  if (filter.unitId) query = query.where('pledges.unitId', '=', filter.unitId);
  if (filter.partyMember !== undefined) query = query.where('pledges.partyMember', '=', filter.partyMember ? 1 : 0);
  // Skills and availability are JSON text in one canonical spelling (see serializeAvailability):
  // enumerated values matched as quoted text cannot match anything else.
  if (filter.skill) query = query.where(containsInsensitive(dialect, 'pledges.skills', `"${filter.skill}"`));
  if (filter.healthRisk === true)
    query = query.where((eb) => eb.or([eb('pledges.healthFever', '=', 1), eb('pledges.healthRiskContact', '=', 1)]));
  if (filter.healthRisk === false) query = query.where('pledges.healthFever', '=', 0).where('pledges.healthRiskContact', '=', 0);
  if (filter.weekday !== undefined && filter.band)
    query = query.where(
      containsInsensitive(dialect, 'pledges.availability', `{"weekday":${filter.weekday},"band":"${filter.band}"}`),
    );
  else if (filter.weekday !== undefined)
    query = query.where(containsInsensitive(dialect, 'pledges.availability', `{"weekday":${filter.weekday},`));
  else if (filter.band) query = query.where(containsInsensitive(dialect, 'pledges.availability', `"band":"${filter.band}"}`));
  if (filter.q) {
    const text = filter.q.trim();
    query = query.where((eb) =>
      eb.or([containsInsensitive(dialect, 'pledges.name', text), eb('pledges.reference', '=', text.toUpperCase())]),
    );
  }
  const totalRow = await query
    .clearSelect()
    .select((eb) => eb.fn.countAll().as('n'))
    .executeTakeFirstOrThrow();
  const rows = await query
    .orderBy('pledges.submittedAt', 'desc')
    .orderBy('pledges.id', 'desc')
    .limit(filter.limit)
    .offset(filter.offset)
    .execute();
  return { items: rows.map(toRow), total: toNumber(totalRow.n as number | string) };
}

/** Where a blind-indexed ID number is already on file: a pledge, a volunteer, or nowhere. */
export async function idNumberOnFile(q: Q, index: string): Promise<'pledge' | 'volunteer' | null> {
  if (await q.selectFrom('pledges').select('id').where('idNumberIndex', '=', index).executeTakeFirst()) return 'pledge';
  if (await q.selectFrom('volunteers').select('id').where('idNumberIndex', '=', index).executeTakeFirst()) return 'volunteer';
  return null;
}

export async function referenceTaken(q: Q, reference: string): Promise<boolean> {
  return !!(await q.selectFrom('pledges').select('id').where('reference', '=', reference).executeTakeFirst());
}

export interface NewPledge {
  id: string;
  reference: string;
  statusTokenHash: string;
  name: string;
  gender: Gender;
  idNumberEnc: string;
  idNumberIndex: string;
  mobile: string;
  partyMember: boolean;
  partyBranch: string | null;
  unitId: string | null;
  unitName: string | null;
  homeAddress: string;
  regionId: string;
  skills: Skill[];
  availability: AvailabilitySlot[];
  healthFever: boolean;
  healthRiskContact: boolean;
  healthNote: string | null;
  pledgeText: string | null;
}

export async function insertPledge(q: Q, p: NewPledge, now: string): Promise<void> {
  await q
    .insertInto('pledges')
    .values({
      ...p,
      status: 'pending',
      partyMember: p.partyMember ? 1 : 0,
      skills: serializeSkills(p.skills),
      availability: serializeAvailability(p.availability),
      healthFever: p.healthFever ? 1 : 0,
      healthRiskContact: p.healthRiskContact ? 1 : 0,
      submittedAt: now,
      decidedAt: null,
      decidedBy: null,
      decisionReason: null,
      volunteerId: null,
      updatedAt: now,
    })
    .execute();
}

/**
 * Records a decision unless the pledge is already approved. Returns whether it did: on
 * PostgreSQL the row lock makes a concurrent second decision wait, then find it approved.
 */
export async function recordDecision(
  q: Q,
  id: string,
  d: { status: PledgeStatus; decidedBy: string | null; reason: string | null },
  now: string,
): Promise<boolean> {
  const result = await q
    .updateTable('pledges')
    .set({ status: d.status, decidedAt: now, decidedBy: d.decidedBy, decisionReason: d.reason, updatedAt: now })
    .where('id', '=', id)
    .where('status', '<>', 'approved')
    .executeTakeFirst();
  return Number(result.numUpdatedRows) === 1;
}

/** The registry entry an approved pledge became. */
export async function setVolunteer(q: Q, id: string, volunteerId: string): Promise<void> {
  await q.updateTable('pledges').set({ volunteerId }).where('id', '=', id).execute();
}

/** After a lost race for an account login (the accounts feature makes the account; this only looks). */
export async function loginInUse(q: Q, login: string): Promise<boolean> {
  return !!(await q.selectFrom('accounts').select('id').where('login', '=', login).executeTakeFirst());
}

// ---------------------------------------------------------------- the public form

export async function allRegions(q: Q) {
  const rows = await q
    .selectFrom('regions')
    .select(['id', 'parentId', 'code', 'name', 'level', 'path', 'sortOrder'])
    .orderBy('path')
    .execute();
  return rows.map((r) => ({ ...r, level: r.level as RegionLevel, sortOrder: toNumber(r.sortOrder) }));
}

export async function allUnits(q: Q): Promise<{ id: string; name: string }[]> {
  return q.selectFrom('units').select(['id', 'name']).orderBy('name').orderBy('id').execute();
}

/** A unit and the path of the region it belongs to (quota access), or undefined. */
export async function findUnit(q: Q, id: string): Promise<{ id: string; name: string; regionPath: string } | undefined> {
  return q
    .selectFrom('units')
    .innerJoin('regions', 'regions.id', 'units.regionId')
    .select(['units.id', 'units.name', 'regions.path as regionPath'])
    .where('units.id', '=', id)
    .executeTakeFirst();
}

// ---------------------------------------------------------------- quotas

export interface QuotaRow {
  id: string;
  unitId: string | null;
  unitName: string | null;
  regionId: string | null;
  regionName: string | null;
  quota: number;
  /** The unit's region for a unit quota, the region itself for a region quota: who may see and change it. */
  ownerPath: string;
  /** The region quota's own path (what it counts under); null for a unit quota. */
  regionPath: string | null;
}

function quotaBase(q: Q) {
  return q
    .selectFrom('pledgeQuotas')
    .leftJoin('units', 'units.id', 'pledgeQuotas.unitId')
    .leftJoin('regions as unitRegion', 'unitRegion.id', 'units.regionId')
    .leftJoin('regions as quotaRegion', 'quotaRegion.id', 'pledgeQuotas.regionId')
    .select([
      'pledgeQuotas.id',
      'pledgeQuotas.unitId',
      'units.name as unitName',
      'pledgeQuotas.regionId',
      'quotaRegion.name as regionName',
      'pledgeQuotas.quota',
      'unitRegion.path as unitRegionPath',
      'quotaRegion.path as regionPath',
    ]);
}

type QuotaBaseRow = Awaited<ReturnType<ReturnType<typeof quotaBase>['executeTakeFirstOrThrow']>>;

function toQuota({ unitRegionPath, ...r }: QuotaBaseRow): QuotaRow {
  return { ...r, quota: toNumber(r.quota), ownerPath: (r.regionPath ?? unitRegionPath)! };
}

export async function listQuotas(q: Q, scope: Scope): Promise<QuotaRow[]> {
  const rows = await quotaBase(q)
    .where((eb) =>
      eb.or([
        eb.and([eb('pledgeQuotas.unitId', 'is not', null), inRegionScope(eb, scope, 'unitRegion.path')]),
        eb.and([eb('pledgeQuotas.regionId', 'is not', null), inRegionScope(eb, scope, 'quotaRegion.path')]),
      ]),
    )
    .orderBy('quotaRegion.path')
    .orderBy('units.name')
    .execute();
  return rows.map(toQuota);
}

export async function findQuota(q: Q, id: string): Promise<QuotaRow | undefined> {
  const row = await quotaBase(q).where('pledgeQuotas.id', '=', id).executeTakeFirst();
  return row && toQuota(row);
}

export async function findQuotaFor(q: Q, target: { unitId: string } | { regionId: string }): Promise<QuotaRow | undefined> {
  const row = await (
    'unitId' in target
      ? quotaBase(q).where('pledgeQuotas.unitId', '=', target.unitId)
      : quotaBase(q).where('pledgeQuotas.regionId', '=', target.regionId)
  ).executeTakeFirst();
  return row && toQuota(row);
}

/** Every quota an approval of a pledge from this unit, at home under these regions, counts against. */
export async function applicableQuotas(q: Q, unitId: string | null, regionIds: string[]): Promise<QuotaRow[]> {
  const rows = await quotaBase(q)
    .where((eb) =>
      eb.or([
        ...(unitId ? [eb('pledgeQuotas.unitId', '=', unitId)] : []),
        ...(regionIds.length ? [eb('pledgeQuotas.regionId', 'in', regionIds)] : []),
      ]),
    )
    .orderBy('pledgeQuotas.id')
    .execute();
  return rows.map(toQuota);
}

/**
 * Takes the quota row's write lock until the transaction ends (an update that changes nothing:
 * valid on both databases, unlike FOR UPDATE, and a no-op on SQLite, where writers are serial).
 */
export async function lockQuota(q: Q, id: string): Promise<void> {
  await q
    .updateTable('pledgeQuotas')
    .set((eb) => ({ quota: eb.ref('quota') }))
    .where('id', '=', id)
    .execute();
}

/** Approved pledges a quota counts: from its unit, or at home under its region. */
export async function usedOf(q: Q, quota: Pick<QuotaRow, 'unitId' | 'regionPath'>): Promise<number> {
  const approved = q
    .selectFrom('pledges')
    .innerJoin('regions', 'regions.id', 'pledges.regionId')
    .select((eb) => eb.fn.countAll().as('n'))
    .where('pledges.status', '=', 'approved');
  let query;
  if (quota.unitId) query = approved.where('pledges.unitId', '=', quota.unitId);
  else if (quota.regionPath) query = approved.where(startsWith('regions.path', quota.regionPath));
  else return 0;
  const row = await query.executeTakeFirstOrThrow();
  return toNumber(row.n as number | string);
}

/** Usage of many quotas: unit ones in one grouped query, region ones one query each (they are few). */
export async function usedOfMany(q: Q, quotas: QuotaRow[]): Promise<Map<string, number>> {
  const out = new Map<string, number>();
  const unitIds = quotas.flatMap((x) => (x.unitId ? [x.unitId] : []));
  if (unitIds.length) {
    const byUnit = new Map<string, number>();
    for (let i = 0; i < unitIds.length; i += 500) {
      const rows = await q
        .selectFrom('pledges')
        .select(['pledges.unitId', (eb) => eb.fn.countAll().as('n')])
        .where('pledges.status', '=', 'approved')
        .where('pledges.unitId', 'in', unitIds.slice(i, i + 500))
        .groupBy('pledges.unitId')
        .execute();
      for (const r of rows) byUnit.set(r.unitId!, toNumber(r.n as number | string));
    }
    for (const x of quotas) if (x.unitId) out.set(x.id, byUnit.get(x.unitId) ?? 0);
  }
  for (const x of quotas) if (!x.unitId) out.set(x.id, await usedOf(q, x));
  return out;
}

export async function upsertQuota(
  q: Q,
  quota: { id: string; unitId: string | null; regionId: string | null; quota: number },
  now: string,
): Promise<void> {
  await q
    .insertInto('pledgeQuotas')
    .values({ ...quota, updatedAt: now })
    .onConflict((oc) => oc.column(quota.unitId ? 'unitId' : 'regionId').doUpdateSet({ quota: quota.quota, updatedAt: now }))
    .execute();
}

export async function deleteQuota(q: Q, id: string): Promise<void> {
  await q.deleteFrom('pledgeQuotas').where('id', '=', id).execute();
}
