import { sql, type Kysely, type RawBuilder } from 'kysely';
import type { Role } from '../../../common/enums.ts';
import type { Scope } from '../../platform/access/actor.ts';
import { inRegionScope } from '../../platform/access/scope.ts';
import { likePrefix, startsWith, toNumber } from '../../platform/db/dialect.ts';
import type { CaseEventTable, Database, IsolationCaseTable } from '../../platform/db/schema.ts';
import type { FigureRow, FigureWindow } from '../dashboard/figure-sources.ts';
import { ANONYMISED_NAME } from './cases.rules.ts';
import { CASE_COLUMN, STARTS_ON, type PersonTable } from './people.repository.ts';

/** What a case source's row tells about it besides the person: where the returnee came from, whose contact. */
const SOURCE_DETAIL = { returnees: 'originName', contacts: 'sourceCase' } as const;

type Q = Kysely<Database>;

/** A case as stored (person unmasked), with names of its region and people. */
export interface CaseRow extends IsolationCaseTable {
  regionName: string;
  regionPath: string;
  gridWorkerName: string | null;
  medicalObserverName: string | null;
  volunteerName: string | null;
}

function base(q: Q) {
  return q
    .selectFrom('isolationCases as c')
    .innerJoin('regions', 'regions.id', 'c.regionId')
    .leftJoin('accounts as gw', 'gw.id', 'c.gridWorkerId')
    .leftJoin('accounts as mo', 'mo.id', 'c.medicalObserverId')
    .leftJoin('volunteers as v', 'v.id', 'c.volunteerId')
    .selectAll('c')
    .select([
      'regions.name as regionName',
      'regions.path as regionPath',
      'gw.name as gridWorkerName',
      'mo.name as medicalObserverName',
    ])
    .select('v.name as volunteerName');
}

export async function findCase(q: Q, id: string): Promise<CaseRow | undefined> {
  return base(q).where('c.id', '=', id).executeTakeFirst();
}

export interface CaseFilter {
  regionPath?: string;
  status?: string;
  kind?: string;
  /** Active cases whose last day is on or before this date. */
  dueOn?: string;
  /** Only the cases this medical observer observes. */
  observerId?: string;
  limit: number;
  offset: number;
}

/** Active first, soonest end first. */
export async function listCases(q: Q, scope: Scope, f: CaseFilter): Promise<{ items: CaseRow[]; total: number }> {
  let query = base(q).where((eb) => inRegionScope(eb, scope, 'regions.path'));
  if (f.regionPath) query = query.where(startsWith('regions.path', f.regionPath));
  if (f.status) query = query.where('c.status', '=', f.status);
  if (f.kind) query = query.where('c.kind', '=', f.kind);
  if (f.dueOn) query = query.where('c.status', '=', 'active').where('c.endsOn', '<=', f.dueOn);
  if (f.observerId) query = query.where('c.medicalObserverId', '=', f.observerId);
  const totalRow = await query
    .clearSelect()
    .select((eb) => eb.fn.countAll().as('n'))
    .executeTakeFirstOrThrow();
  const items = await query
    .orderBy(sql`CASE ${sql.ref('c.status')} WHEN 'active' THEN 0 ELSE 1 END`)
    .orderBy('c.endsOn')
    .orderBy('c.id')
    .limit(f.limit)
    .offset(f.offset)
    .execute();
  return { items, total: toNumber(totalRow.n as number | string) };
}

export async function insertCase(q: Q, row: IsolationCaseTable): Promise<void> {
  await q.insertInto('isolationCases').values(row).execute();
}

export async function updateActive(q: Q, id: string, set: Partial<IsolationCaseTable>): Promise<boolean> {
  const r = await q.updateTable('isolationCases').set(set).where('id', '=', id).where('status', '=', 'active').executeTakeFirst();
  return Number(r.numUpdatedRows) > 0;
}

export async function insertEvent(q: Q, row: CaseEventTable): Promise<void> {
  await q.insertInto('caseEvents').values(row).execute();
}

export async function eventsOf(q: Q, caseId: string) {
  return q
    .selectFrom('caseEvents as e')
    .leftJoin('accounts', 'accounts.id', 'e.byAccountId')
    .select(['e.id', 'e.kind', 'e.detail', 'e.reason', 'e.at', 'accounts.name as byName'])
    .where('e.caseId', '=', caseId)
    .orderBy('e.at')
    .orderBy('e.id')
    .execute();
}

/** The other active case of a person: by ID number's blind index when known, else by name and mobile. */
export async function activeCaseOf(
  q: Q,
  person: { idNumberIndex: string | null; name: string; mobile: string | null },
): Promise<string | undefined> {
  let query = q.selectFrom('isolationCases').select('ref').where('status', '=', 'active');
  if (person.idNumberIndex) query = query.where('idNumberIndex', '=', person.idNumberIndex);
  else query = query.where('personName', '=', person.name).where('mobile', '=', person.mobile);
  return (await query.executeTakeFirst())?.ref;
}

/** The highest sequence used under a reference prefix. */
export async function lastRefSequence(q: Q, prefix: string): Promise<number> {
  const row = await q
    .selectFrom('isolationCases')
    .select((eb) => eb.fn.max('ref').as('ref'))
    .where('ref', 'like', likePrefix(prefix))
    .executeTakeFirst();
  const ref = row?.ref as string | null | undefined;
  return ref ? Number(ref.slice(prefix.length)) || 0 : 0;
}

export interface RegionInfo {
  id: string;
  name: string;
  path: string;
  level: string;
  code: string | null;
}

export async function regionsByIds(q: Q, ids: readonly string[]): Promise<RegionInfo[]> {
  if (ids.length === 0) return [];
  return q
    .selectFrom('regions')
    .select(['id', 'name', 'path', 'level', 'code'])
    .where('id', 'in', [...ids])
    .execute();
}

export async function regionOf(q: Q, id: string): Promise<RegionInfo | undefined> {
  return (await regionsByIds(q, [id]))[0];
}

export async function householdRegionPath(q: Q, id: string): Promise<string | undefined> {
  const row = await q
    .selectFrom('households')
    .innerJoin('regions', 'regions.id', 'households.regionId')
    .select('regions.path')
    .where('households.id', '=', id)
    .executeTakeFirst();
  return row?.path;
}

/**
 * Accounts holding one of `roles` around a place: over it or an ancestor (the township's staff
 * look after a community too), or over a region inside `areaPath` (a grid's team leader).
 */
export async function staffAround(
  q: Q,
  regionPath: string,
  areaPath: string,
  roles: readonly Role[],
  accountId?: string,
): Promise<{ id: string; name: string }[]> {
  const ancestors = regionPath.split('/').filter(Boolean);
  let query = q
    .selectFrom('roleGrants as g')
    .innerJoin('accounts as a', 'a.id', 'g.accountId')
    .innerJoin('regions as r', 'r.id', 'g.regionId')
    .select(['a.id', 'a.name'])
    .distinct()
    .where('g.role', 'in', [...roles])
    .where('a.status', '=', 'active')
    .where((eb) => eb.or([eb('g.regionId', 'in', ancestors), startsWith('r.path', areaPath)]));
  if (accountId) query = query.where('a.id', '=', accountId);
  return query.orderBy('a.name').orderBy('a.id').limit(200).execute();
}

/** Active volunteers at home in the area (a community and its grids). */
export async function volunteersIn(q: Q, areaPath: string, volunteerId?: string): Promise<{ id: string; name: string }[]> {
  let query = q
    .selectFrom('volunteers as v')
    .innerJoin('regions as r', 'r.id', 'v.regionId')
    .select(['v.id', 'v.name'])
    .where('v.status', '=', 'active')
    .where(startsWith('r.path', areaPath));
  if (volunteerId) query = query.where('v.id', '=', volunteerId);
  return query.orderBy('v.name').orderBy('v.id').limit(500).execute();
}

/** The person of a returnee or contact as a case is opened from it, with its region's path and start day. */
export async function source(q: Q, table: PersonTable, id: string) {
  return q
    .selectFrom(table)
    .innerJoin('regions', 'regions.id', `${table}.regionId`)
    .select([
      `${table}.id`,
      `${table}.regionId`,
      'regions.path as regionPath',
      `${table}.householdId`,
      `${table}.name`,
      `${table}.idNumberEnc`,
      `${table}.idNumberIndex`,
      `${table}.mobile`,
      `${table}.address`,
      `${table}.anonymisedAt`,
    ])
    .select(sql<string>`${sql.ref(`${table}.${STARTS_ON[table]}`)}`.as('startsOn'))
    .where(`${table}.id`, '=', id)
    .executeTakeFirst();
}

/** Returnees told to isolate at home and close contacts, with no case yet, newest first. */
export async function sources(q: Q, scope: Scope, kind: 'returnee' | 'contact', regionPath: string | undefined, limit: number) {
  const table = kind === 'returnee' ? 'returnees' : 'contacts';
  const startsOn = sql.ref<string>(`${table}.${STARTS_ON[table]}`);
  let query = q
    .selectFrom(table)
    .innerJoin('regions', 'regions.id', `${table}.regionId`)
    .select([`${table}.id`, `${table}.regionId`, 'regions.name as regionName', `${table}.name`, `${table}.mobile`])
    .select([startsOn.as('startsOn'), sql.ref<string>(`${table}.${SOURCE_DETAIL[table]}`).as('detail')])
    .where((eb) => inRegionScope(eb, scope, 'regions.path'))
    .where(`${table}.anonymisedAt`, 'is', null)
    .where((eb) =>
      eb.not(
        eb.exists(eb.selectFrom('isolationCases as c').select('c.id').whereRef(`c.${CASE_COLUMN[table]}`, '=', `${table}.id`)),
      ),
    );
  // Contacts are always isolated; returnees when staff (or, unconfirmed, the rules) say so.
  if (table === 'returnees') {
    query = query.where(
      sql<boolean>`COALESCE(${sql.ref('returnees.measure')}, ${sql.ref('returnees.proposedMeasure')}) = ${'home_isolation'}`,
    );
  }
  if (regionPath) query = query.where(startsWith('regions.path', regionPath));
  return query.orderBy(startsOn, 'desc').orderBy(`${table}.id`).limit(limit).execute();
}

/** The case's reports between two dates (the health-reports feature writes them). */
export async function reportsOf(q: Q, caseId: string, from: string, to: string) {
  const rows = await q
    .selectFrom('healthReports')
    .select(['slotOn', 'slot', 'temperature', 'remeasuredTemperature', 'fever', 'symptoms', 'helpRequest', 'late'])
    .where('caseId', '=', caseId)
    .where('slotOn', '>=', from)
    .where('slotOn', '<=', to)
    .execute();
  return rows.map((r) => ({
    ...r,
    temperature: r.temperature === null ? null : Number(r.temperature),
    remeasuredTemperature: r.remeasuredTemperature === null ? null : Number(r.remeasuredTemperature),
    fever: Boolean(r.fever),
    late: Boolean(r.late),
    symptoms: JSON.parse(r.symptoms) as string[],
  }));
}

export async function openAlerts(q: Q, caseId: string): Promise<number> {
  const row = await q
    .selectFrom('alerts')
    .select((eb) => eb.fn.countAll().as('n'))
    .where('caseId', '=', caseId)
    .where('status', '=', 'open')
    .executeTakeFirstOrThrow();
  return toNumber(row.n as number | string);
}

/** Ends the person's links: a released person no longer reports. */
export async function revokeTokens(q: Q, caseId: string, now: string): Promise<void> {
  await q
    .updateTable('residentTokens')
    .set({ revokedAt: now })
    .where('caseId', '=', caseId)
    .where('revokedAt', 'is', null)
    .execute();
}

export async function stopServices(q: Q, caseId: string, now: string): Promise<void> {
  await q
    .updateTable('caseServices')
    .set({ active: 0, updatedAt: now })
    .where('caseId', '=', caseId)
    .where('active', '=', 1)
    .execute();
}

/** Closed cases past retention, not yet anonymised. */
export async function dueForAnonymising(q: Q, closedBefore: string, limit: number): Promise<string[]> {
  const rows = await q
    .selectFrom('isolationCases')
    .select('id')
    .where('status', '!=', 'active')
    .where('closedOn', '<', closedBefore)
    .where('anonymisedAt', 'is', null)
    .orderBy('id')
    .limit(limit)
    .execute();
  return rows.map((r) => r.id);
}

/** Removes the person (and household) from the cases and the help requests from their reports; the counts in both. */
export async function anonymise(q: Q, ids: readonly string[], now: string): Promise<{ cases: number; reports: number }> {
  const c = await q
    .updateTable('isolationCases')
    .set({
      personName: ANONYMISED_NAME,
      idNumberEnc: null,
      idNumberIndex: null,
      mobile: null,
      address: null,
      // It points at an address.
      householdId: null,
      anonymisedAt: now,
      updatedAt: now,
    })
    .where('id', 'in', [...ids])
    .executeTakeFirst();
  const r = await q
    .updateTable('healthReports')
    .set({ helpRequest: null, anonymisedAt: now, updatedAt: now })
    .where('caseId', 'in', [...ids])
    .where('anonymisedAt', 'is', null)
    .executeTakeFirst();
  return { cases: Number(c.numUpdatedRows), reports: Number(r.numUpdatedRows) };
}

/**
 * The dashboard's case figures per region. A case closes on its `closed_on` day, so "closed by
 * `to`" is `closed_on <= day` (`to` is the day's end, or now for today): active at `to` = opened
 * before it and not closed by then; opened, released and transferred during the day. Only cases
 * open at some time of the day or after are read.
 */
export async function caseFigures(q: Q, w: FigureWindow): Promise<FigureRow[]> {
  const count = (when: RawBuilder<unknown>) => sql<number | string>`SUM(CASE WHEN ${when} THEN 1 ELSE 0 END)`;
  const closedOn = sql.ref('closedOn');
  const closedToday = (status: string) => count(sql`${sql.ref('status')} = ${status} AND ${closedOn} = ${w.day}`);
  const rows = await q
    .selectFrom('isolationCases')
    .select([
      'regionId',
      count(sql`${closedOn} IS NULL OR ${closedOn} > ${w.day}`).as('casesActive'),
      count(sql`${sql.ref('createdAt')} >= ${w.from}`).as('casesNew'),
      closedToday('released').as('casesReleased'),
      closedToday('transferred').as('casesTransferred'),
    ])
    .where('createdAt', '<', w.to)
    .where((eb) => eb.or([eb('closedOn', 'is', null), eb('closedOn', '>=', w.day)]))
    .groupBy('regionId')
    .execute();
  return rows.map((r) => ({
    regionId: r.regionId,
    values: {
      casesActive: toNumber(r.casesActive),
      casesNew: toNumber(r.casesNew),
      casesReleased: toNumber(r.casesReleased),
      casesTransferred: toNumber(r.casesTransferred),
    },
  }));
}
