import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createTestApp, type TestApp } from '../../test/app.ts';
import { DEMO_ACCOUNTS, DEMO_PASSWORD, loadDemoCity } from './demo-city.ts';

let t: TestApp;
beforeAll(async () => {
  t = await createTestApp();
});
afterAll(() => t.close());

interface Node {
  code: string | null;
  name: string;
  level: string;
  children: Node[];
}
const flatten = (nodes: Node[]): Node[] => nodes.flatMap((n) => [n, ...flatten(n.children)]);

async function counts() {
  const { db } = t.deps.db;
  const count = async (table: 'regions' | 'units' | 'accounts' | 'roleGrants') =>
    Number(
      (
        await db
          .selectFrom(table)
          .select((eb) => eb.fn.countAll().as('n'))
          .executeTakeFirstOrThrow()
      ).n,
    );
  return {
    regions: await count('regions'),
    units: await count('units'),
    accounts: await count('accounts'),
    grants: await count('roleGrants'),
  };
}

describe('demo city', () => {
  it('loads once: a second call returns false and adds nothing', async () => {
    expect(await loadDemoCity(t.deps)).toBe(true);
    const first = await counts();
    expect(first.accounts).toBe(DEMO_ACCOUNTS.length);
    expect(first.units).toBeGreaterThan(40);
    expect(await loadDemoCity(t.deps)).toBe(false);
    expect(await counts()).toEqual(first);
  });

  it('has the real divisions: 11 county-level divisions and 208 townships and streets', async () => {
    const { db } = t.deps.db;
    const rows = await db.selectFrom('regions').select(['code', 'level']).execute();
    const counties = rows.filter((r) => r.level === 'county').map((r) => r.code);
    expect(counties).toHaveLength(11);
    expect(counties).toContain('411771');
    const townships = rows.filter((r) => r.level === 'township');
    expect(townships).toHaveLength(208);
    expect(townships.every((r) => /^\d{9}$/.test(r.code!))).toBe(true);
    expect(rows.filter((r) => r.level === 'city').map((r) => r.code)).toEqual(['411700']);
  });

  it('places the seed report’s communities, with two to four grids each', async () => {
    const admin = await t.signIn('admin', DEMO_PASSWORD);
    const all = flatten((await admin.get('/api/v1/regions/tree')).json().items);
    const communities = all.filter((n) => n.level === 'community');
    for (const name of ['雪松社区', '十三香社区', '东高社区', '京港澳高速驻马店南站', '京港澳高速驻马店北站', '竹沟村']) {
      expect(communities.map((c) => c.name)).toContain(name);
    }
    for (const c of communities) {
      expect(c.children.length).toBeGreaterThanOrEqual(2);
      expect(c.children.length).toBeLessThanOrEqual(4);
      expect(c.children.every((g) => g.level === 'grid')).toBe(true);
    }
  });

  it('every demo account signs in with the demo password and need not change it', async () => {
    for (const { login } of DEMO_ACCOUNTS) {
      const client = await t.signIn(login, DEMO_PASSWORD);
      const me = (await client.get('/api/v1/auth/me')).json();
      expect(me.login).toBe(login);
      expect(me.mustChangePassword).toBe(false);
      expect(me.grants).toHaveLength(1);
    }
  });

  it('the community manager sees only their community and its grids', async () => {
    const manager = await t.signIn('xuesong', DEMO_PASSWORD);
    const tree: Node[] = (await manager.get('/api/v1/regions/tree')).json().items;
    expect(tree.map((n) => n.name)).toEqual(['雪松社区']);
    const below = flatten(tree[0]!.children);
    expect(below.length).toBeGreaterThanOrEqual(2);
    expect(below.every((n) => n.level === 'grid')).toBe(true);
  });
});
