import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createTestApp, type TestApp } from '../../../test/app.ts';

let t: TestApp;
beforeAll(async () => {
  t = await createTestApp();
});
afterAll(() => t.close());

describe('regions', () => {
  it('creates a city and shows it in the tree', async () => {
    await t.factory.account({ login: 'root', grants: [{ role: 'admin', regionId: null }] });
    const admin = await t.signIn('root');
    const res = await admin.post('/api/v1/regions', { parentId: null, name: '驻马店市', code: '411700' });
    expect(res.statusCode).toBe(201);
    const tree = await admin.get('/api/v1/regions/tree');
    expect(tree.json().items.map((n: { code: string }) => n.code)).toContain('411700');
  });
});
