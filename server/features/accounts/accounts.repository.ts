import { sql, type Kysely } from 'kysely';
import type { AccountStatus, Language, RegionLevel, Role } from '../../../common/enums.ts';
import type { Scope } from '../../platform/access/actor.ts';
import { inRegionScope } from '../../platform/access/scope.ts';
import { containsInsensitive, startsWith, toBool, toNumber, type DialectName } from '../../platform/db/dialect.ts';
import type { Database } from '../../platform/db/schema.ts';
import type { Account, GrantView } from './accounts.schemas.ts';

type Q = Kysely<Database>;

export interface AccountRow extends Account {
  passwordHash: string;
}

async function grantsOf(q: Q, accountIds: string[]): Promise<Map<string, GrantView[]>> {
  const map = new Map<string, GrantView[]>();
  if (accountIds.length === 0) return map;
  const rows = await q
    .selectFrom('roleGrants')
    .leftJoin('regions', 'regions.id', 'roleGrants.regionId')
    .select([
      'roleGrants.id',
      'roleGrants.accountId',
      'roleGrants.role',
      'roleGrants.regionId',
      'regions.name as regionName',
      'regions.level as regionLevel',
      'regions.path as regionPath',
    ])
    .where('roleGrants.accountId', 'in', accountIds)
    .orderBy('roleGrants.createdAt')
    .execute();
  for (const r of rows) {
    const list = map.get(r.accountId) ?? [];
    list.push({
      id: r.id,
      role: r.role as Role,
      regionId: r.regionId,
      regionName: r.regionName,
      regionLevel: r.regionLevel as RegionLevel | null,
      regionPath: r.regionPath,
    });
    map.set(r.accountId, list);
  }
  return map;
}

const COLUMNS = [
  'id',
  'login',
  'name',
  'mobile',
  'status',
  'language',
  'mustChangePassword',
  'createdAt',
  'passwordHash',
] as const;

type Raw = {
  id: string;
  login: string;
  name: string;
  mobile: string;
  status: string;
  language: string;
  mustChangePassword: number;
  createdAt: string;
  passwordHash: string;
};

function toAccount(r: Raw, grants: GrantView[]): AccountRow {
  return {
    ...r,
    status: r.status as AccountStatus,
    language: r.language as Language,
    mustChangePassword: toBool(r.mustChangePassword),
    grants,
  };
}

export async function findAccount(q: Q, id: string): Promise<AccountRow | undefined> {
  const row = await q.selectFrom('accounts').select(COLUMNS).where('id', '=', id).executeTakeFirst();
  if (!row) return undefined;
  return toAccount(row, (await grantsOf(q, [id])).get(id) ?? []);
}

/** By login name, or by mobile when exactly one account has it. */
export async function findAccountForLogin(q: Q, login: string): Promise<AccountRow | undefined> {
  let rows = await q.selectFrom('accounts').select(COLUMNS).where('login', '=', login).execute();
  if (rows.length === 0) rows = await q.selectFrom('accounts').select(COLUMNS).where('mobile', '=', login).limit(2).execute();
  if (rows.length !== 1) return undefined;
  return toAccount(rows[0]!, (await grantsOf(q, [rows[0]!.id])).get(rows[0]!.id) ?? []);
}

export async function loginTaken(q: Q, login: string): Promise<boolean> {
  return !!(await q.selectFrom('accounts').select('id').where('login', '=', login).executeTakeFirst());
}

/** Accounts with at least one grant inside the scope (an all-scope also sees accounts without grants). */
export async function listAccounts(
  q: Q,
  dialect: DialectName,
  scope: Scope,
  filter: { q?: string; regionPath?: string; role?: Role; status?: AccountStatus; limit: number; offset: number },
): Promise<{ items: AccountRow[]; total: number }> {
  let query = q.selectFrom('accounts');
  const grantFilter = !scope.all || filter.regionPath || filter.role;
  if (grantFilter) {
    query = query.where((eb) =>
      eb.exists(
        eb
          .selectFrom('roleGrants')
          .leftJoin('regions', 'regions.id', 'roleGrants.regionId')
          .select(sql`1`.as('one'))
          .whereRef('roleGrants.accountId', '=', 'accounts.id')
          .where((inner) => {
            const conds = [];
            if (!scope.all) conds.push(inRegionScope(inner, scope, 'regions.path'));
            if (filter.regionPath) conds.push(startsWith('regions.path', filter.regionPath));
            if (filter.role) conds.push(inner('roleGrants.role', '=', filter.role));
            return inner.and(conds);
          }),
      ),
    );
  }
  if (filter.status) query = query.where('status', '=', filter.status);
  if (filter.q) {
    const text = filter.q;
    query = query.where((eb) =>
      eb.or([
        containsInsensitive(dialect, 'accounts.login', text),
        containsInsensitive(dialect, 'accounts.name', text),
        eb('accounts.mobile', '=', text),
      ]),
    );
  }
  const totalRow = await query.select((eb) => eb.fn.countAll().as('n')).executeTakeFirstOrThrow();
  const rows = await query.select(COLUMNS).orderBy('login').limit(filter.limit).offset(filter.offset).execute();
  const grants = await grantsOf(
    q,
    rows.map((r) => r.id),
  );
  return { items: rows.map((r) => toAccount(r, grants.get(r.id) ?? [])), total: toNumber(totalRow.n as number | string) };
}

export async function insertAccount(
  q: Q,
  a: { id: string; login: string; name: string; mobile: string; passwordHash: string; mustChangePassword: boolean },
  now: string,
): Promise<void> {
  await q
    .insertInto('accounts')
    .values({
      ...a,
      mustChangePassword: a.mustChangePassword ? 1 : 0,
      status: 'active',
      language: 'zh-CN',
      createdAt: now,
      updatedAt: now,
      passwordChangedAt: now,
    })
    .execute();
}

export async function updateAccount(
  q: Q,
  id: string,
  patch: Partial<{ name: string; mobile: string; language: Language; status: AccountStatus }>,
  now: string,
): Promise<void> {
  await q
    .updateTable('accounts')
    .set({ ...patch, updatedAt: now })
    .where('id', '=', id)
    .execute();
}

export async function setPassword(q: Q, id: string, passwordHash: string, mustChange: boolean, now: string): Promise<void> {
  await q
    .updateTable('accounts')
    .set({ passwordHash, mustChangePassword: mustChange ? 1 : 0, passwordChangedAt: now, updatedAt: now })
    .where('id', '=', id)
    .execute();
}

export async function insertGrant(
  q: Q,
  g: { id: string; accountId: string; role: Role; regionId: string | null },
  now: string,
): Promise<void> {
  await q
    .insertInto('roleGrants')
    .values({ ...g, createdAt: now })
    .execute();
}

/** Active accounts holding one of `roles` by a grant on exactly one of these regions. */
export async function holdersOn(
  q: Q,
  regionIds: readonly string[],
  roles: readonly Role[],
): Promise<{ regionId: string; accountId: string }[]> {
  if (regionIds.length === 0 || roles.length === 0) return [];
  const rows = await q
    .selectFrom('roleGrants as g')
    .innerJoin('accounts', 'accounts.id', 'g.accountId')
    .select(['g.regionId', 'g.accountId'])
    .where('g.regionId', 'in', [...regionIds])
    .where('g.role', 'in', [...roles])
    .where('accounts.status', '=', 'active')
    .execute();
  return rows.map((r) => ({ regionId: r.regionId!, accountId: r.accountId }));
}

/** Whether an inspection group keeps this grant in step with its members and area. */
export async function grantKeptByGroup(q: Q, grantId: string): Promise<boolean> {
  const row = await q.selectFrom('roleGrants').select('inspectionGroupId').where('id', '=', grantId).executeTakeFirst();
  return Boolean(row?.inspectionGroupId);
}

export async function deleteGrant(q: Q, id: string): Promise<void> {
  await q.deleteFrom('roleGrants').where('id', '=', id).execute();
}

export async function countActiveAdmins(q: Q): Promise<number> {
  const row = await q
    .selectFrom('roleGrants')
    .innerJoin('accounts', 'accounts.id', 'roleGrants.accountId')
    .select((eb) => eb.fn.count('accounts.id').distinct().as('n'))
    .where('roleGrants.role', '=', 'admin')
    .where('accounts.status', '=', 'active')
    .executeTakeFirstOrThrow();
  return toNumber(row.n as number | string);
}

export async function getSetting(q: Q, key: string): Promise<string | undefined> {
  return (await q.selectFrom('settings').select('value').where('key', '=', key).executeTakeFirst())?.value;
}

export async function putSetting(q: Q, key: string, value: string, now: string): Promise<void> {
  await q
    .insertInto('settings')
    .values({ key, value, updatedAt: now })
    .onConflict((oc) => oc.column('key').doUpdateSet({ value, updatedAt: now }))
    .execute();
}

/** Deletes a setting and returns the value it had; the row lock makes this a one-time take. */
export async function takeSetting(q: Q, key: string): Promise<string | undefined> {
  return (await q.deleteFrom('settings').where('key', '=', key).returning('value').executeTakeFirst())?.value;
}
