import type { Expression, ExpressionBuilder, Kysely, SelectQueryBuilder, SqlBool } from 'kysely';
import type { FieldIssueCategory, FieldIssueEventKind, FieldIssueStatus } from '../../../common/enums.ts';
import type { Scope } from '../../platform/access/actor.ts';
import { inRegionScope } from '../../platform/access/scope.ts';
import { containsInsensitive, startsWith, toNumber, type DialectName } from '../../platform/db/dialect.ts';
import { placeLabel } from '../../platform/db/place-label.ts';
import type { Database } from '../../platform/db/schema.ts';
import { ACTIVE_STATUSES } from './field-issues.rules.ts';
import type { FigureRow, FigureWindow } from '../dashboard/figure-sources.ts';

type Q = Kysely<Database>;

function base(q: Q) {
  return q
    .selectFrom('fieldIssues as fi')
    .innerJoin('regions as place', 'place.id', 'fi.regionId')
    .leftJoin('regions as placeParent', 'placeParent.id', 'place.parentId')
    .innerJoin('regions as owner', 'owner.id', 'fi.ownerRegionId')
    .leftJoin('regions as ownerParent', 'ownerParent.id', 'owner.parentId')
    .leftJoin('regions as esc', 'esc.id', 'fi.escalatedRegionId')
    .leftJoin('checkpoints as cp', 'cp.id', 'fi.checkpointId')
    .leftJoin('units as unit', 'unit.id', 'fi.ownerUnitId')
    .innerJoin('accounts as raiser', 'raiser.id', 'fi.raisedBy')
    .leftJoin('accounts as resolver', 'resolver.id', 'fi.resolvedBy')
    .leftJoin('accounts as verifier', 'verifier.id', 'fi.verifiedBy');
}

type Joined = ReturnType<typeof base>;
/** The expression builder over the joined tables, for the filters shared by lists and counts. */
type From = Joined extends SelectQueryBuilder<infer DB, infer TB, infer _O> ? ExpressionBuilder<DB, TB> : never;

function selected(query: Joined) {
  return query.select([
    'fi.id',
    'fi.ref',
    'fi.category',
    'fi.title',
    'fi.description',
    'fi.regionId',
    placeLabel('place', 'placeParent').as('regionName'),
    'place.path as regionPath',
    'fi.checkpointId',
    'cp.name as checkpointName',
    'fi.inspectionId',
    'fi.raisedBy',
    'raiser.name as raisedByName',
    'fi.ownerRegionId',
    placeLabel('owner', 'ownerParent').as('ownerRegionName'),
    'owner.path as ownerRegionPath',
    'fi.ownerUnitId',
    'unit.name as ownerUnitName',
    'fi.escalationLevel',
    'fi.escalatedRegionId',
    'esc.name as escalatedRegionName',
    'esc.path as escalatedRegionPath',
    'fi.deadline',
    'fi.status',
    'fi.resolution',
    'fi.resolvedAt',
    'fi.resolvedBy',
    'resolver.name as resolvedByName',
    'fi.verifiedAt',
    'fi.verifiedBy',
    'verifier.name as verifiedByName',
    'fi.createdAt',
    'fi.updatedAt',
  ]);
}

type Raw = Awaited<ReturnType<ReturnType<typeof selected>['executeTakeFirstOrThrow']>>;

/** An issue as stored, with the names and region paths its answers and access checks need. */
export interface IssueRow extends Omit<Raw, 'category' | 'status' | 'escalationLevel'> {
  category: FieldIssueCategory;
  status: FieldIssueStatus;
  escalationLevel: number;
}

const toRow = (r: Raw): IssueRow => ({
  ...r,
  category: r.category as FieldIssueCategory,
  status: r.status as FieldIssueStatus,
  escalationLevel: toNumber(r.escalationLevel),
});

export async function findIssue(q: Q, id: string): Promise<IssueRow | undefined> {
  const row = await selected(base(q)).where('fi.id', '=', id).executeTakeFirst();
  return row && toRow(row);
}

/** Who is asking, and where they hold the ledger's permissions. */
export interface Viewer {
  accountId: string;
  read: Scope;
  handle: Scope;
}

export interface IssueFilter {
  status?: FieldIssueStatus;
  category?: FieldIssueCategory;
  region?: { id: string; path: string };
  checkpointId?: string;
  inspectionId?: string;
  overdue?: boolean;
  mine?: 'raised' | 'owned';
  q?: string;
}

const overdueAt = (eb: From, now: string) => eb.and([eb('fi.status', 'in', [...ACTIVE_STATUSES]), eb('fi.deadline', '<', now)]);

/** The issues a viewer may see: at a place, owned by or escalated to a region in their read scope, or their own. */
function visibleTo(eb: From, v: Viewer): Expression<SqlBool> {
  return eb.or([
    eb('fi.raisedBy', '=', v.accountId),
    inRegionScope(eb, v.read, 'place.path'),
    inRegionScope(eb, v.read, 'owner.path'),
    inRegionScope(eb, v.read, 'esc.path'),
  ]);
}

function filtered(q: Q, dialect: DialectName, v: Viewer, f: Omit<IssueFilter, 'status'>, now: string) {
  let query = base(q).where((eb) => visibleTo(eb, v));
  if (f.category) query = query.where('fi.category', '=', f.category);
  if (f.region) {
    const { id, path } = f.region;
    query = query.where((eb) =>
      eb.or([startsWith('place.path', path), eb('fi.ownerRegionId', '=', id), eb('fi.escalatedRegionId', '=', id)]),
    );
  }
  if (f.checkpointId) query = query.where('fi.checkpointId', '=', f.checkpointId);
  if (f.inspectionId) query = query.where('fi.inspectionId', '=', f.inspectionId);
  if (f.overdue === true) query = query.where((eb) => overdueAt(eb, now));
  if (f.overdue === false) query = query.where((eb) => eb.not(overdueAt(eb, now)));
  if (f.mine === 'raised') query = query.where('fi.raisedBy', '=', v.accountId);
  if (f.mine === 'owned') {
    query = query.where((eb) => eb.or([inRegionScope(eb, v.handle, 'owner.path'), inRegionScope(eb, v.handle, 'esc.path')]));
  }
  if (f.q) {
    const text = f.q;
    query = query.where((eb) =>
      eb.or([
        containsInsensitive(dialect, 'fi.ref', text),
        containsInsensitive(dialect, 'fi.title', text),
        containsInsensitive(dialect, 'fi.description', text),
      ]),
    );
  }
  return query;
}

export type StatusCounts = Record<FieldIssueStatus | 'overdue', number>;

/**
 * A page of the issues a viewer sees (overdue ones first, then newest), the total, and counts
 * by status and overdue over the same filters without those two (the list's tabs keep their
 * counts whichever tab is open).
 */
export async function listIssues(
  q: Q,
  dialect: DialectName,
  v: Viewer,
  f: IssueFilter,
  page: { limit: number; offset: number; now: string },
): Promise<{ items: IssueRow[]; total: number; counts: StatusCounts }> {
  const { now } = page;
  const { overdue, ...tabFilter } = f;
  const grouped = await filtered(q, dialect, v, tabFilter, now)
    .select((eb) => [
      'fi.status',
      eb.fn.countAll().as('n'),
      eb.fn.sum(eb.case().when(overdueAt(eb, now)).then(1).else(0).end()).as('late'),
    ])
    .groupBy('fi.status')
    .execute();
  const counts: StatusCounts = { open: 0, in_progress: 0, resolved: 0, verified: 0, overdue: 0 };
  for (const g of grouped) {
    if (g.status in counts) counts[g.status as FieldIssueStatus] = toNumber(g.n as number | string);
    counts.overdue += toNumber(g.late as number | string | null);
  }
  const all = filtered(q, dialect, v, f, now);
  const byStatus = f.status ? all.where('fi.status', '=', f.status) : all;
  let total: number;
  if (overdue === undefined) {
    total = f.status ? counts[f.status] : grouped.reduce((n, g) => n + toNumber(g.n as number | string), 0);
  } else if (overdue && !f.status) {
    total = counts.overdue;
  } else {
    const row = await byStatus.select((eb) => eb.fn.countAll().as('n')).executeTakeFirstOrThrow();
    total = toNumber(row.n as number | string);
  }
  const rows = await selected(byStatus)
    .orderBy((eb) => eb.case().when(overdueAt(eb, now)).then(0).else(1).end())
    .orderBy('fi.createdAt', 'desc')
    .orderBy('fi.id', 'desc')
    .limit(page.limit)
    .offset(page.offset)
    .execute();
  return { items: rows.map(toRow), total, counts };
}

export interface EventRow {
  id: string;
  kind: FieldIssueEventKind;
  fromStatus: FieldIssueStatus | null;
  toStatus: FieldIssueStatus | null;
  body: string | null;
  at: string;
  accountId: string | null;
  accountName: string | null;
}

/** An issue's timeline, oldest first. */
export async function eventsOf(q: Q, issueId: string): Promise<EventRow[]> {
  const rows = await q
    .selectFrom('fieldIssueEvents as e')
    .leftJoin('accounts as a', 'a.id', 'e.accountId')
    .select(['e.id', 'e.kind', 'e.fromStatus', 'e.toStatus', 'e.body', 'e.at', 'e.accountId', 'a.name as accountName'])
    .where('e.issueId', '=', issueId)
    .orderBy('e.at')
    .orderBy('e.id')
    .execute();
  return rows.map((r) => ({
    ...r,
    kind: r.kind as FieldIssueEventKind,
    fromStatus: r.fromStatus as FieldIssueStatus | null,
    toStatus: r.toStatus as FieldIssueStatus | null,
  }));
}

export interface NewEventRow {
  id: string;
  issueId: string;
  accountId: string | null;
  kind: FieldIssueEventKind;
  fromStatus?: FieldIssueStatus | null;
  toStatus?: FieldIssueStatus | null;
  body?: string | null;
  at: string;
}

export async function insertEvent(q: Q, e: NewEventRow): Promise<void> {
  await q
    .insertInto('fieldIssueEvents')
    .values({ fromStatus: null, toStatus: null, body: null, ...e })
    .execute();
}

export interface NewIssue {
  id: string;
  category: FieldIssueCategory;
  title: string;
  description: string | null;
  regionId: string;
  checkpointId: string | null;
  inspectionId: string | null;
  raisedBy: string;
  ownerRegionId: string;
  ownerUnitId: string | null;
  deadline: string;
}

/** How many refs a local day has handed out so far (refs are never deleted). */
export async function refsIssued(q: Q, prefix: string): Promise<number> {
  const row = await q
    .selectFrom('fieldIssues')
    .select((eb) => eb.fn.countAll().as('n'))
    .where(startsWith('ref', prefix))
    .executeTakeFirstOrThrow();
  return toNumber(row.n as number | string);
}

/**
 * Inserts the issue under `ref`; false when another issue took that ref first. ON CONFLICT keeps
 * the caller's transaction usable (a failed insert would abort it on PostgreSQL).
 */
export async function insertIssue(q: Q, issue: NewIssue, ref: string, now: string): Promise<boolean> {
  const row = await q
    .insertInto('fieldIssues')
    .values({
      ...issue,
      ref,
      status: 'open',
      escalationLevel: 0,
      escalatedRegionId: null,
      resolution: null,
      resolvedAt: null,
      resolvedBy: null,
      verifiedAt: null,
      verifiedBy: null,
      createdAt: now,
      updatedAt: now,
    })
    .onConflict((oc) => oc.column('ref').doNothing())
    .returning('id')
    .executeTakeFirst();
  return row !== undefined;
}

export interface IssueChanges {
  category?: FieldIssueCategory;
  title?: string;
  description?: string | null;
  ownerRegionId?: string;
  ownerUnitId?: string | null;
  deadline?: string;
  status?: FieldIssueStatus;
  escalationLevel?: number;
  escalatedRegionId?: string | null;
  resolution?: string | null;
  resolvedAt?: string | null;
  resolvedBy?: string | null;
  verifiedAt?: string | null;
  verifiedBy?: string | null;
}

/**
 * Changes an issue still in the state the caller saw (`from`: its status; for the job, still
 * active with the level and deadline it saw), so of two concurrent changes one wins; false when
 * nothing matched.
 */
export async function updateIssue(
  q: Q,
  id: string,
  from: { status?: FieldIssueStatus; active?: true; escalationLevel?: number; deadline?: string },
  changes: IssueChanges,
  now: string,
): Promise<boolean> {
  let query = q
    .updateTable('fieldIssues')
    .set({ ...changes, updatedAt: now })
    .where('id', '=', id);
  if (from.status) query = query.where('status', '=', from.status);
  if (from.escalationLevel !== undefined) query = query.where('escalationLevel', '=', from.escalationLevel);
  if (from.active) query = query.where('status', 'in', [...ACTIVE_STATUSES]);
  if (from.deadline) query = query.where('deadline', '=', from.deadline);
  const result = await query.executeTakeFirst();
  return toNumber(result.numUpdatedRows) > 0;
}

export async function touch(q: Q, id: string, now: string): Promise<void> {
  await q.updateTable('fieldIssues').set({ updatedAt: now }).where('id', '=', id).execute();
}

export async function unitName(q: Q, id: string): Promise<string | undefined> {
  return (await q.selectFrom('units').select('name').where('id', '=', id).executeTakeFirst())?.name;
}

/** An overdue issue the escalation job looks at. */
export interface OverdueRow {
  id: string;
  ref: string;
  title: string;
  deadline: string;
  escalationLevel: number;
  ownerRegionPath: string;
  regionPath: string;
  regionName: string;
}

/** Active issues past their deadline at `at`, by id after `after` (keyset pages). */
export async function overdue(q: Q, at: string, after: string, limit: number): Promise<OverdueRow[]> {
  const rows = await q
    .selectFrom('fieldIssues as fi')
    .innerJoin('regions as place', 'place.id', 'fi.regionId')
    .leftJoin('regions as placeParent', 'placeParent.id', 'place.parentId')
    .innerJoin('regions as owner', 'owner.id', 'fi.ownerRegionId')
    .select([
      'fi.id',
      'fi.ref',
      'fi.title',
      'fi.deadline',
      'fi.escalationLevel',
      'owner.path as ownerRegionPath',
      'place.path as regionPath',
      placeLabel('place', 'placeParent').as('regionName'),
    ])
    .where('fi.status', 'in', [...ACTIVE_STATUSES])
    .where('fi.deadline', '<', at)
    .where('fi.id', '>', after)
    .orderBy('fi.id')
    .limit(limit)
    .execute();
  return rows.map((r) => ({ ...r, escalationLevel: toNumber(r.escalationLevel) }));
}

/** What the public summary counts: nothing that names a person or says what the issue was. */
export interface SummaryRow {
  regionPath: string;
  category: FieldIssueCategory;
  status: FieldIssueStatus;
  createdAt: string;
  deadline: string;
  resolvedAt: string | null;
}

/** Issues at places under `regionPath` raised in [from, to). */
export async function summaryRows(q: Q, regionPath: string, from: string, to: string): Promise<SummaryRow[]> {
  const rows = await q
    .selectFrom('fieldIssues as fi')
    .innerJoin('regions as place', 'place.id', 'fi.regionId')
    .select(['place.path as regionPath', 'fi.category', 'fi.status', 'fi.createdAt', 'fi.deadline', 'fi.resolvedAt'])
    .where(startsWith('place.path', regionPath))
    .where('fi.createdAt', '>=', from)
    .where('fi.createdAt', '<', to)
    .execute();
  return rows.map((r) => ({ ...r, category: r.category as FieldIssueCategory, status: r.status as FieldIssueStatus }));
}

/**
 * The dashboard's issue figures (the refresh job's own reading: no actor, no scope), per region of
 * the place. An issue is open at `w.to` when raised before it and not resolved by then (reopening
 * clears the resolution), overdue when also past its deadline; opened and resolved count the
 * window. An issue resolved, reopened and resolved again counts on its last resolution only.
 */
export async function figures(q: Q, w: FigureWindow): Promise<FigureRow[]> {
  const rows = await q
    .selectFrom('fieldIssues')
    .where((eb) =>
      eb.or([
        eb('createdAt', '>=', w.from),
        eb('resolvedAt', '>=', w.from),
        eb.and([eb('createdAt', '<', w.to), eb.or([eb('resolvedAt', 'is', null), eb('resolvedAt', '>=', w.to)])]),
      ]),
    )
    .select((eb) => {
      const count = (when: Expression<SqlBool>) => eb.fn.sum(eb.case().when(when).then(1).else(0).end());
      const open = eb.and([eb('createdAt', '<', w.to), eb.or([eb('resolvedAt', 'is', null), eb('resolvedAt', '>=', w.to)])]);
      return [
        'regionId',
        count(open).as('open'),
        count(eb.and([open, eb('deadline', '<', w.to)])).as('overdue'),
        count(eb.and([eb('createdAt', '>=', w.from), eb('createdAt', '<', w.to)])).as('opened'),
        count(eb.and([eb('resolvedAt', '>=', w.from), eb('resolvedAt', '<', w.to)])).as('resolved'),
      ];
    })
    .groupBy('regionId')
    .execute();
  const n = (v: unknown) => toNumber(v as number | string | null);
  return rows.map((r) => ({
    regionId: r.regionId,
    values: { issuesOpen: n(r.open), issuesOverdue: n(r.overdue), issuesOpened: n(r.opened), issuesResolved: n(r.resolved) },
  }));
}
