import { sql, type Expression, type ExpressionBuilder, type Kysely, type SqlBool } from 'kysely';
import type { InspectionGroupKind, RegionLevel } from '../../../common/enums.ts';
import type { Scope } from '../../platform/access/actor.ts';
import { inRegionScope } from '../../platform/access/scope.ts';
import { containsInsensitive, startsWith, toNumber, type DialectName } from '../../platform/db/dialect.ts';
import { newId } from '../../platform/db/ids.ts';
import type { Database } from '../../platform/db/schema.ts';

type Q = Kysely<Database>;

/** Rows per insert: both databases' bound-parameter limits allow this many at six columns. */
const CHUNK = 500;

/** A group as stored, with its region's name and path for access checks and events. */
export interface GroupRow {
  id: string;
  name: string;
  kind: InspectionGroupKind;
  regionId: string;
  regionName: string;
  regionPath: string;
  leaderAccountId: string | null;
  note: string | null;
  createdAt: string;
  updatedAt: string;
}

export interface GroupArea {
  groupId: string;
  regionId: string;
  name: string;
  level: RegionLevel;
  path: string;
}

export interface GroupMember {
  groupId: string;
  accountId: string;
  name: string;
  login: string;
}

function base(q: Q) {
  return q
    .selectFrom('inspectionGroups as g')
    .innerJoin('regions as r', 'r.id', 'g.regionId')
    .select([
      'g.id',
      'g.name',
      'g.kind',
      'g.regionId',
      'r.name as regionName',
      'r.path as regionPath',
      'g.leaderAccountId',
      'g.note',
      'g.createdAt',
      'g.updatedAt',
    ]);
}

const toRow = (r: Omit<GroupRow, 'kind'> & { kind: string }): GroupRow => ({ ...r, kind: r.kind as InspectionGroupKind });

export async function findGroup(q: Q, id: string): Promise<GroupRow | undefined> {
  const row = await base(q).where('g.id', '=', id).executeTakeFirst();
  return row && toRow(row);
}

/** Ids of the groups with an area region (`ar`) meeting the condition. */
function groupsWithArea(
  q: Q,
  condition: (
    eb: ExpressionBuilder<Database & { gr: Database['inspectionGroupRegions']; ar: Database['regions'] }, 'gr' | 'ar'>,
  ) => Expression<SqlBool>,
) {
  return q
    .selectFrom('inspectionGroupRegions as gr')
    .innerJoin('regions as ar', 'ar.id', 'gr.regionId')
    .select('gr.groupId')
    .where(condition);
}

export interface GroupFilter {
  regionPath?: string;
  kind?: InspectionGroupKind;
  q?: string;
  memberAccountId?: string;
}

/**
 * Groups set up in the scope or inspecting somewhere in it; `regionPath` narrows the same way
 * (set up under it, or with part of its area under it).
 */
export async function listGroups(q: Q, dialect: DialectName, scope: Scope, filter: GroupFilter): Promise<GroupRow[]> {
  let query = base(q).where((eb) =>
    eb.or([
      inRegionScope(eb, scope, 'r.path'),
      eb(
        'g.id',
        'in',
        groupsWithArea(q, (inner) => inRegionScope(inner, scope, 'ar.path')),
      ),
    ]),
  );
  if (filter.regionPath) {
    const path = filter.regionPath;
    query = query.where((eb) =>
      eb.or([
        startsWith('r.path', path),
        eb(
          'g.id',
          'in',
          groupsWithArea(q, () => startsWith('ar.path', path)),
        ),
      ]),
    );
  }
  if (filter.kind) query = query.where('g.kind', '=', filter.kind);
  if (filter.q) query = query.where(containsInsensitive(dialect, 'g.name', filter.q));
  if (filter.memberAccountId) {
    const accountId = filter.memberAccountId;
    query = query.where('g.id', 'in', (eb) =>
      eb.selectFrom('inspectionGroupMembers').select('groupId').where('accountId', '=', accountId),
    );
  }
  return (await query.execute()).map(toRow);
}

export async function areasOf(q: Q, groupIds: readonly string[]): Promise<GroupArea[]> {
  if (groupIds.length === 0) return [];
  const rows = await q
    .selectFrom('inspectionGroupRegions as gr')
    .innerJoin('regions as r', 'r.id', 'gr.regionId')
    .select(['gr.groupId', 'gr.regionId', 'r.name', 'r.level', 'r.path'])
    .where('gr.groupId', 'in', [...groupIds])
    .orderBy('r.path')
    .execute();
  return rows.map((r) => ({ ...r, level: r.level as RegionLevel }));
}

export async function membersOf(q: Q, groupIds: readonly string[]): Promise<GroupMember[]> {
  if (groupIds.length === 0) return [];
  return q
    .selectFrom('inspectionGroupMembers as m')
    .innerJoin('accounts as a', 'a.id', 'm.accountId')
    .select(['m.groupId', 'm.accountId', 'a.name', 'a.login'])
    .where('m.groupId', 'in', [...groupIds])
    .orderBy('m.createdAt')
    .orderBy('m.accountId')
    .execute();
}

/** The groups an account belongs to, with the paths of their areas. */
export async function groupsOfMember(q: Q, accountId: string): Promise<{ id: string; name: string; areaPaths: string[] }[]> {
  const rows = await q
    .selectFrom('inspectionGroupMembers as m')
    .innerJoin('inspectionGroups as g', 'g.id', 'm.groupId')
    .leftJoin('inspectionGroupRegions as gr', 'gr.groupId', 'g.id')
    .leftJoin('regions as r', 'r.id', 'gr.regionId')
    .select(['g.id', 'g.name', 'r.path'])
    .where('m.accountId', '=', accountId)
    .orderBy('g.name')
    .orderBy('g.id')
    .execute();
  const out = new Map<string, { id: string; name: string; areaPaths: string[] }>();
  for (const r of rows) {
    const g = out.get(r.id) ?? { id: r.id, name: r.name, areaPaths: [] };
    if (r.path) g.areaPaths.push(r.path);
    out.set(r.id, g);
  }
  return [...out.values()];
}

/** Active accounts among these ids. */
export async function activeAccounts(q: Q, ids: readonly string[]): Promise<{ id: string; name: string }[]> {
  if (ids.length === 0) return [];
  return q
    .selectFrom('accounts')
    .select(['id', 'name'])
    .where('id', 'in', [...ids])
    .where('status', '=', 'active')
    .execute();
}

export async function idByName(q: Q, regionId: string, name: string): Promise<string | undefined> {
  const row = await q
    .selectFrom('inspectionGroups')
    .select('id')
    .where('regionId', '=', regionId)
    .where('name', '=', name)
    .executeTakeFirst();
  return row?.id;
}

/** Visits recorded under the group. */
export async function visitCount(q: Q, groupId: string): Promise<number> {
  const row = await q
    .selectFrom('inspections')
    .select((eb) => eb.fn.countAll<number | string>().as('n'))
    .where('groupId', '=', groupId)
    .executeTakeFirstOrThrow();
  return toNumber(row.n);
}

/** Visits on `date` by each group's members at a checkpoint inside the group's area. */
export async function visitsOn(q: Q, groupIds: readonly string[], date: string): Promise<Map<string, number>> {
  if (groupIds.length === 0) return new Map();
  const rows = await q
    .selectFrom('inspectionGroupMembers as m')
    .innerJoin('inspections as i', 'i.inspectorAccountId', 'm.accountId')
    .innerJoin('regions as ir', 'ir.id', 'i.regionId')
    .innerJoin('inspectionGroupRegions as gr', 'gr.groupId', 'm.groupId')
    .innerJoin('regions as ar', 'ar.id', 'gr.regionId')
    .select((eb) => ['m.groupId', eb.fn.count<number | string>('i.id').distinct().as('n')])
    .where('m.groupId', 'in', [...groupIds])
    .where('i.visitedOn', '=', date)
    .where(sql<boolean>`substr(${sql.ref('ir.path')}, 1, length(${sql.ref('ar.path')})) = ${sql.ref('ar.path')}`)
    .groupBy('m.groupId')
    .execute();
  return new Map(rows.map((r) => [r.groupId, toNumber(r.n)]));
}

export interface GroupValues {
  name: string;
  kind: InspectionGroupKind;
  regionId: string;
  leaderAccountId: string | null;
  note: string | null;
}

export async function insertGroup(q: Q, id: string, v: GroupValues, now: string): Promise<void> {
  await q
    .insertInto('inspectionGroups')
    .values({ id, ...v, createdAt: now, updatedAt: now })
    .execute();
}

export async function updateGroup(q: Q, id: string, patch: Partial<GroupValues>, now: string): Promise<void> {
  await q
    .updateTable('inspectionGroups')
    .set({ ...patch, updatedAt: now })
    .where('id', '=', id)
    .execute();
}

export async function setAreas(q: Q, groupId: string, regionIds: readonly string[]): Promise<void> {
  await q.deleteFrom('inspectionGroupRegions').where('groupId', '=', groupId).execute();
  for (let i = 0; i < regionIds.length; i += CHUNK) {
    await q
      .insertInto('inspectionGroupRegions')
      .values(regionIds.slice(i, i + CHUNK).map((regionId) => ({ groupId, regionId })))
      .execute();
  }
}

/** Replaces the members, keeping the joining time of those who stay. */
export async function setMembers(q: Q, groupId: string, accountIds: readonly string[], now: string): Promise<void> {
  const current = await q.selectFrom('inspectionGroupMembers').select('accountId').where('groupId', '=', groupId).execute();
  const have = new Set(current.map((r) => r.accountId));
  const leaving = [...have].filter((id) => !accountIds.includes(id));
  if (leaving.length) {
    await q.deleteFrom('inspectionGroupMembers').where('groupId', '=', groupId).where('accountId', 'in', leaving).execute();
  }
  const joining = accountIds.filter((id) => !have.has(id));
  for (let i = 0; i < joining.length; i += CHUNK) {
    await q
      .insertInto('inspectionGroupMembers')
      .values(joining.slice(i, i + CHUNK).map((accountId) => ({ groupId, accountId, createdAt: now })))
      .execute();
  }
}

export async function deleteGroup(q: Q, id: string): Promise<void> {
  await q.deleteFrom('inspectionGroupRegions').where('groupId', '=', id).execute();
  await q.deleteFrom('inspectionGroupMembers').where('groupId', '=', id).execute();
  await q.deleteFrom('inspectionGroups').where('id', '=', id).execute();
}

/** Accounts holding grants the group keeps (normally its members; also any left behind). */
export async function grantHolders(q: Q, groupId: string): Promise<string[]> {
  const rows = await q.selectFrom('roleGrants').select('accountId').distinct().where('inspectionGroupId', '=', groupId).execute();
  return rows.map((r) => r.accountId);
}

/**
 * Rebuilds the inspector grants groups keep for these accounts from their memberships as they
 * now stand: one grant per region of the union of their groups' areas, tagged with one of those
 * groups, except where the account holds an inspector grant given by hand on that region (the
 * unique index (account, role, region) allows one). Returns how many grants now exist.
 */
export async function syncInspectorGrants(q: Q, accountIds: readonly string[], now: string): Promise<number> {
  const ids = [...new Set(accountIds)];
  if (ids.length === 0) return 0;
  let made = 0;
  for (let i = 0; i < ids.length; i += CHUNK) {
    const chunk = ids.slice(i, i + CHUNK);
    await q.deleteFrom('roleGrants').where('accountId', 'in', chunk).where('inspectionGroupId', 'is not', null).execute();
    const wanted = await q
      .selectFrom('inspectionGroupMembers as m')
      .innerJoin('inspectionGroupRegions as gr', 'gr.groupId', 'm.groupId')
      .select(['m.accountId', 'gr.regionId', 'm.groupId'])
      .where('m.accountId', 'in', chunk)
      .orderBy('m.groupId')
      .execute();
    const byHand = await q
      .selectFrom('roleGrants')
      .select(['accountId', 'regionId'])
      .where('accountId', 'in', chunk)
      .where('role', '=', 'inspector')
      .execute();
    const taken = new Set(byHand.map((g) => `${g.accountId}|${g.regionId}`));
    const rows: Database['roleGrants'][] = [];
    for (const w of wanted) {
      const key = `${w.accountId}|${w.regionId}`;
      if (taken.has(key)) continue;
      taken.add(key);
      rows.push({
        id: newId(),
        accountId: w.accountId,
        role: 'inspector',
        regionId: w.regionId,
        createdAt: now,
        inspectionGroupId: w.groupId,
      });
    }
    for (let j = 0; j < rows.length; j += CHUNK) {
      await q
        .insertInto('roleGrants')
        .values(rows.slice(j, j + CHUNK))
        .execute();
    }
    made += rows.length;
  }
  return made;
}
