import type { Kysely } from 'kysely';
import type { CheckpointKind, CheckpointStatus, RiskLevel } from '../../../common/enums.ts';
import type { Scope } from '../../platform/access/actor.ts';
import { inRegionScope } from '../../platform/access/scope.ts';
import { containsInsensitive, startsWith, toBool, toNumber, type DialectName } from '../../platform/db/dialect.ts';
import { placeLabel } from '../../platform/db/place-label.ts';
import type { Database } from '../../platform/db/schema.ts';
import { peoplePerDay } from './checkpoints.rules.ts';
import type { Checkpoint, ShiftSlot } from './checkpoints.schemas.ts';
import type { FigureRow, FigureWindow } from '../dashboard/figure-sources.ts';

type Q = Kysely<Database>;

/** A checkpoint as stored, with its region's path for access checks and events. */
export interface CheckpointRow extends Checkpoint {
  regionPath: string;
}

function base(q: Q) {
  return q
    .selectFrom('checkpoints')
    .innerJoin('regions', 'regions.id', 'checkpoints.regionId')
    .leftJoin('regions as parentRegion', 'parentRegion.id', 'regions.parentId')
    .leftJoin('teams', 'teams.id', 'checkpoints.teamId')
    .select([
      'checkpoints.id',
      'checkpoints.name',
      'checkpoints.kind',
      'checkpoints.regionId',
      placeLabel('regions', 'parentRegion').as('regionName'),
      'regions.path as regionPath',
      'checkpoints.address',
      'checkpoints.lat',
      'checkpoints.lng',
      'checkpoints.risk',
      'checkpoints.hours24',
      'checkpoints.opensAt',
      'checkpoints.closesAt',
      'checkpoints.shiftPattern',
      'checkpoints.teamId',
      'teams.name as teamName',
      'checkpoints.status',
      'checkpoints.checkInCode',
      'checkpoints.note',
      'checkpoints.createdAt',
      'checkpoints.updatedAt',
    ]);
}

type Raw = Awaited<ReturnType<ReturnType<typeof base>['executeTakeFirstOrThrow']>>;

function toRow(r: Raw): CheckpointRow {
  const shiftPattern = JSON.parse(r.shiftPattern) as ShiftSlot[];
  return {
    ...r,
    kind: r.kind as CheckpointKind,
    // PostgreSQL's double precision arrives as a number; kept as is, null stays null.
    lat: r.lat === null ? null : Number(r.lat),
    lng: r.lng === null ? null : Number(r.lng),
    risk: Number(r.risk) as RiskLevel,
    hours24: toBool(r.hours24),
    shiftPattern,
    peoplePerDay: peoplePerDay(shiftPattern),
    status: r.status as CheckpointStatus,
  };
}

export async function findCheckpoint(q: Q, id: string): Promise<CheckpointRow | undefined> {
  const row = await base(q).where('checkpoints.id', '=', id).executeTakeFirst();
  return row && toRow(row);
}

export async function findByCode(q: Q, code: string): Promise<CheckpointRow | undefined> {
  const row = await base(q).where('checkpoints.checkInCode', '=', code).executeTakeFirst();
  return row && toRow(row);
}

export async function findByIds(q: Q, ids: readonly string[]): Promise<CheckpointRow[]> {
  const out: CheckpointRow[] = [];
  for (let i = 0; i < ids.length; i += 500) {
    const rows = await base(q)
      .where('checkpoints.id', 'in', ids.slice(i, i + 500))
      .execute();
    out.push(...rows.map(toRow));
  }
  return out;
}

export async function idByName(q: Q, regionId: string, name: string): Promise<string | undefined> {
  const row = await q
    .selectFrom('checkpoints')
    .select('id')
    .where('regionId', '=', regionId)
    .where('name', '=', name)
    .executeTakeFirst();
  return row?.id;
}

export async function codeTaken(q: Q, code: string): Promise<boolean> {
  return !!(await q.selectFrom('checkpoints').select('id').where('checkInCode', '=', code).executeTakeFirst());
}

export interface CheckpointFilter {
  regionPath?: string;
  kind?: CheckpointKind;
  risk?: number;
  status?: CheckpointStatus;
  teamId?: string;
  q?: string;
  limit: number;
  offset: number;
}

export async function listCheckpoints(
  q: Q,
  dialect: DialectName,
  scope: Scope,
  filter: CheckpointFilter,
): Promise<{ items: CheckpointRow[]; total: number }> {
  let query = base(q).where((eb) => inRegionScope(eb, scope, 'regions.path'));
  if (filter.regionPath) query = query.where(startsWith('regions.path', filter.regionPath));
  if (filter.kind) query = query.where('checkpoints.kind', '=', filter.kind);
  if (filter.risk) query = query.where('checkpoints.risk', '=', filter.risk);
  if (filter.status) query = query.where('checkpoints.status', '=', filter.status);
  if (filter.teamId) query = query.where('checkpoints.teamId', '=', filter.teamId);
  if (filter.q) {
    const text = filter.q;
    query = query.where((eb) =>
      eb.or([containsInsensitive(dialect, 'checkpoints.name', text), containsInsensitive(dialect, 'checkpoints.address', text)]),
    );
  }
  const totalRow = await query
    .clearSelect()
    .select((eb) => eb.fn.countAll().as('n'))
    .executeTakeFirstOrThrow();
  const rows = await query
    .orderBy('checkpoints.risk', 'desc')
    .orderBy('checkpoints.name')
    .orderBy('checkpoints.id')
    .limit(filter.limit)
    .offset(filter.offset)
    .execute();
  return { items: rows.map(toRow), total: toNumber(totalRow.n as number | string) };
}

/** Chinese names in the order people look them up (pinyin), the same on every database. */
const collator = new Intl.Collator('zh-CN', { numeric: true });

/** Checkpoints by place then name (placards, export, roster planning): in a scope, under a path, or both. */
export async function ordered(
  q: Q,
  o: { scope?: Scope; regionPath?: string; activeOnly: boolean; limit?: number },
): Promise<CheckpointRow[]> {
  let query = base(q);
  if (o.scope) {
    const scope = o.scope;
    query = query.where((eb) => inRegionScope(eb, scope, 'regions.path'));
  }
  if (o.regionPath) query = query.where(startsWith('regions.path', o.regionPath));
  if (o.activeOnly) query = query.where('checkpoints.status', '=', 'active');
  const rows = (await query.execute())
    .map(toRow)
    .sort((a, b) => collator.compare(a.regionName, b.regionName) || collator.compare(a.name, b.name) || a.id.localeCompare(b.id));
  return o.limit === undefined ? rows : rows.slice(0, o.limit);
}

/** Every checkpoint in these regions (an import's matches by region and name). */
export async function inRegions(q: Q, regionIds: readonly string[]): Promise<CheckpointRow[]> {
  const out: CheckpointRow[] = [];
  for (let i = 0; i < regionIds.length; i += 500) {
    const rows = await base(q)
      .where('checkpoints.regionId', 'in', regionIds.slice(i, i + 500))
      .execute();
    out.push(...rows.map(toRow));
  }
  return out;
}

/** How many roster shifts are planned at the checkpoint (any roster, draft or published). */
export async function shiftCount(q: Q, id: string): Promise<number> {
  const row = await q
    .selectFrom('rosterShifts')
    .select((eb) => eb.fn.countAll().as('n'))
    .where('checkpointId', '=', id)
    .executeTakeFirstOrThrow();
  return toNumber(row.n as number | string);
}

export interface CheckpointValues {
  name: string;
  kind: CheckpointKind;
  regionId: string;
  address: string | null;
  lat: number | null;
  lng: number | null;
  risk: RiskLevel;
  hours24: boolean;
  opensAt: string | null;
  closesAt: string | null;
  shiftPattern: ShiftSlot[];
  teamId: string | null;
  status: CheckpointStatus;
  note: string | null;
}

function columns(v: Partial<CheckpointValues>) {
  const { hours24, shiftPattern, ...rest } = v;
  return {
    ...rest,
    ...(hours24 !== undefined ? { hours24: hours24 ? 1 : 0 } : {}),
    // Stored in a fixed key order, so an unchanged pattern compares equal as text.
    ...(shiftPattern !== undefined
      ? { shiftPattern: JSON.stringify(shiftPattern.map((s) => ({ start: s.start, end: s.end, people: s.people }))) }
      : {}),
  };
}

export async function insertCheckpoints(
  q: Q,
  rows: readonly (CheckpointValues & { id: string; checkInCode: string })[],
  now: string,
): Promise<void> {
  for (let i = 0; i < rows.length; i += 200) {
    await q
      .insertInto('checkpoints')
      .values(
        rows.slice(i, i + 200).map((r) => ({
          ...(columns(r) as Omit<CheckpointValues, 'hours24' | 'shiftPattern'> & { hours24: number; shiftPattern: string }),
          id: r.id,
          checkInCode: r.checkInCode,
          createdAt: now,
          updatedAt: now,
        })),
      )
      .execute();
  }
}

export async function updateCheckpoint(q: Q, id: string, patch: Partial<CheckpointValues>, now: string): Promise<void> {
  await q
    .updateTable('checkpoints')
    .set({ ...columns(patch), updatedAt: now })
    .where('id', '=', id)
    .execute();
}

export async function deleteCheckpoint(q: Q, id: string): Promise<void> {
  await q.deleteFrom('checkpoints').where('id', '=', id).execute();
}

/**
 * The dashboard's checkpoint figures (the refresh job's own reading: no actor, no scope): active
 * checkpoints per region as of `w.to`, and those of them open round the clock. Status and hours
 * are taken as they are now (no history is kept), so a checkpoint closed since is not counted on
 * past days.
 */
export async function figures(q: Q, w: FigureWindow): Promise<FigureRow[]> {
  const rows = await q
    .selectFrom('checkpoints')
    .select((eb) => ['regionId', eb.fn.countAll().as('n'), eb.fn.sum('hours24').as('allDay')])
    .where('status', '=', 'active')
    .where('createdAt', '<', w.to)
    .groupBy('regionId')
    .execute();
  return rows.map((r) => ({
    regionId: r.regionId,
    values: { checkpoints: toNumber(r.n as number | string), checkpointsAllDay: toNumber(r.allDay as number | string | null) },
  }));
}
