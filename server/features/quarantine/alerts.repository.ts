import { sql, type Kysely } from 'kysely';
import type { AlertKind, AlertStatus, ReportSlot } from '../../../common/enums.ts';
import type { Scope } from '../../platform/access/actor.ts';
import { inRegionScope } from '../../platform/access/scope.ts';
import { startsWith, toNumber } from '../../platform/db/dialect.ts';
import type { AlertTable, Database } from '../../platform/db/schema.ts';
import type { FigureRow } from '../dashboard/figure-sources.ts';
import type { Alert } from './alerts.schemas.ts';

type Q = Kysely<Database>;

/** An alert as stored, the person unmasked, with its region's path for access checks. */
export interface AlertRow extends Alert {
  regionPath: string;
  /** The case's doctor: an observer sees the alerts of the cases they observe. */
  medicalObserverId: string | null;
}

function base(q: Q) {
  return q
    .selectFrom('alerts as a')
    .innerJoin('isolationCases as c', 'c.id', 'a.caseId')
    .innerJoin('regions', 'regions.id', 'a.regionId')
    .leftJoin('healthReports as r', 'r.id', 'a.reportId')
    .leftJoin('accounts as owner', 'owner.id', 'a.ownerAccountId')
    .leftJoin('accounts as closer', 'closer.id', 'a.closedBy')
    .select([
      'a.id',
      'a.caseId',
      'c.ref as caseRef',
      'c.personName',
      'c.medicalObserverId',
      'a.regionId',
      'regions.name as regionName',
      'regions.path as regionPath',
      'a.kind',
      'a.slotOn',
      'a.slot',
      'a.reportId',
      'r.temperature',
      'r.remeasuredTemperature',
      'r.helpRequest',
      'a.ownerAccountId',
      'owner.name as ownerName',
      'a.level',
      'a.escalatedAt',
      'a.status',
      'a.outcome',
      'a.closedBy',
      'closer.name as closerName',
      'a.closedAt',
      'a.createdAt',
      'a.updatedAt',
    ]);
}

type Raw = Awaited<ReturnType<ReturnType<typeof base>['executeTakeFirstOrThrow']>>;

function toRow(r: Raw): AlertRow {
  const reading = r.remeasuredTemperature ?? r.temperature;
  return {
    id: r.id,
    caseId: r.caseId,
    caseRef: r.caseRef,
    personName: r.personName,
    medicalObserverId: r.medicalObserverId,
    regionId: r.regionId,
    regionName: r.regionName,
    regionPath: r.regionPath,
    kind: r.kind as AlertKind,
    slotOn: r.slotOn,
    slot: r.slot as ReportSlot | null,
    reportId: r.reportId,
    temperature: reading === null ? null : Number(reading),
    helpRequest: r.kind === 'help' ? r.helpRequest : null,
    owner: r.ownerAccountId ? { accountId: r.ownerAccountId, name: r.ownerName ?? '' } : null,
    level: toNumber(r.level),
    escalatedAt: r.escalatedAt,
    status: r.status as AlertStatus,
    outcome: r.outcome,
    closedBy: r.closedBy ? { accountId: r.closedBy, name: r.closerName ?? '' } : null,
    closedAt: r.closedAt,
    createdAt: r.createdAt,
    updatedAt: r.updatedAt,
  };
}

export async function findAlert(q: Q, id: string): Promise<AlertRow | undefined> {
  const row = await base(q).where('a.id', '=', id).executeTakeFirst();
  return row && toRow(row);
}

export interface AlertFilter {
  regionPath?: string;
  status?: AlertStatus;
  kind?: AlertKind;
  caseId?: string;
  ownerAccountId?: string;
  /** Only alerts of the cases this doctor observes, or that they own. */
  observedBy?: string;
  limit: number;
  offset: number;
}

/** Open alerts first, the most escalated and then the oldest first among them; closed ones newest first. */
export async function listAlerts(q: Q, scope: Scope, f: AlertFilter): Promise<{ items: AlertRow[]; total: number }> {
  let query = base(q).where((eb) => inRegionScope(eb, scope, 'regions.path'));
  if (f.regionPath) query = query.where(startsWith('regions.path', f.regionPath));
  if (f.status) query = query.where('a.status', '=', f.status);
  if (f.kind) query = query.where('a.kind', '=', f.kind);
  if (f.caseId) query = query.where('a.caseId', '=', f.caseId);
  if (f.ownerAccountId) query = query.where('a.ownerAccountId', '=', f.ownerAccountId);
  const observer = f.observedBy;
  if (observer) {
    query = query.where((eb) => eb.or([eb('c.medicalObserverId', '=', observer), eb('a.ownerAccountId', '=', observer)]));
  }
  const totalRow = await query
    .clearSelect()
    .select((eb) => eb.fn.countAll().as('n'))
    .executeTakeFirstOrThrow();
  const rows = await query
    .orderBy(sql`CASE ${sql.ref('a.status')} WHEN 'open' THEN 0 ELSE 1 END`)
    .orderBy(sql`CASE ${sql.ref('a.status')} WHEN 'open' THEN ${sql.ref('a.level')} ELSE 0 END`, 'desc')
    .orderBy(sql`CASE ${sql.ref('a.status')} WHEN 'open' THEN ${sql.ref('a.createdAt')} ELSE '' END`)
    .orderBy('a.createdAt', 'desc')
    .orderBy('a.id', 'desc')
    .limit(f.limit)
    .offset(f.offset)
    .execute();
  return { items: rows.map(toRow), total: toNumber(totalRow.n as number | string) };
}

/** Inserts the alerts not made yet (one of a kind per case and slot); the ones it inserted. */
export async function insertAlerts(q: Q, rows: AlertTable[]): Promise<string[]> {
  const ids: string[] = [];
  // 16 columns a row: chunks stay under both databases' bound-parameter limits.
  for (let i = 0; i < rows.length; i += 1000) {
    const inserted = await q
      .insertInto('alerts')
      .values(rows.slice(i, i + 1000))
      .onConflict((oc) => oc.columns(['caseId', 'kind', 'slotOn', 'slot']).doNothing())
      .returning('id')
      .execute();
    ids.push(...inserted.map((r) => r.id));
  }
  return ids;
}

/** Changes an open alert; false when it was closed meanwhile. */
export async function updateOpen(
  q: Q,
  id: string,
  set: Partial<Pick<AlertTable, 'status' | 'ownerAccountId' | 'outcome' | 'closedAt' | 'closedBy'>>,
  now: string,
): Promise<boolean> {
  const result = await q
    .updateTable('alerts')
    .set({ ...set, updatedAt: now })
    .where('id', '=', id)
    .where('status', '=', 'open')
    .executeTakeFirst();
  return Number(result.numUpdatedRows) > 0;
}

/**
 * Closes the open missed-slot alert of a case's slot, if the scan raised one, in one statement
 * (it runs on every report in time); the id closed, or undefined.
 */
export async function closeOpenMissed(
  q: Q,
  slot: { caseId: string; slotOn: string; slot: string },
  set: { outcome: string; closedAt: string },
): Promise<string | undefined> {
  const row = await q
    .updateTable('alerts')
    .set({ ...set, status: 'closed', closedBy: null, updatedAt: set.closedAt })
    .where('caseId', '=', slot.caseId)
    .where('kind', '=', 'missed_slot')
    .where('slotOn', '=', slot.slotOn)
    .where('slot', '=', slot.slot)
    .where('status', '=', 'open')
    .returning('id')
    .executeTakeFirst();
  return row?.id;
}

/** Open alerts left with their owner since before `cutoff`, in id order from `after`. */
export async function dueForEscalation(q: Q, cutoff: string, after: string, limit: number) {
  const rows = await q
    .selectFrom('alerts as a')
    .innerJoin('regions', 'regions.id', 'a.regionId')
    .innerJoin('isolationCases as c', 'c.id', 'a.caseId')
    .select([
      'a.id',
      'a.kind',
      'a.level',
      'a.caseId',
      'c.ref as caseRef',
      'regions.path as regionPath',
      'regions.name as regionName',
    ])
    .where('a.status', '=', 'open')
    .where(sql<boolean>`COALESCE(${sql.ref('a.escalatedAt')}, ${sql.ref('a.createdAt')}) < ${cutoff}`)
    .where('a.id', '>', after)
    .orderBy('a.id')
    .limit(limit)
    .execute();
  return rows.map((r) => ({ ...r, level: toNumber(r.level) }));
}

/** Moves open alerts still at `fromLevel` one level up to a new owner; the ids it moved. */
export async function escalate(
  q: Q,
  ids: readonly string[],
  fromLevel: number,
  toLevel: number,
  ownerAccountId: string,
  now: string,
): Promise<string[]> {
  const rows = await q
    .updateTable('alerts')
    .set({ level: toLevel, ownerAccountId, escalatedAt: now, updatedAt: now })
    .where('id', 'in', ids)
    .where('status', '=', 'open')
    .where('level', '=', fromLevel)
    .returning('id')
    .execute();
  return rows.map((r) => r.id);
}

/** Fever alerts open at `to` (opened before it, not closed by then) per case region: the dashboard's figure. */
export async function feverAlertFigures(q: Q, to: string): Promise<FigureRow[]> {
  const rows = await q
    .selectFrom('alerts')
    .select((eb) => ['regionId', eb.fn.countAll<number | string>().as('n')])
    .where('kind', '=', 'fever')
    .where('createdAt', '<', to)
    .where((eb) => eb.or([eb('closedAt', 'is', null), eb('closedAt', '>=', to)]))
    .groupBy('regionId')
    .execute();
  return rows.map((r) => ({ regionId: r.regionId, values: { alertsFeverOpen: toNumber(r.n) } }));
}
