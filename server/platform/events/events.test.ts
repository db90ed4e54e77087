import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createTestApp, type Client, type TestApp } from '../../../test/app.ts';
import { openStream } from '../../../test/sse.ts';
import { transact } from '../db/transact.ts';

let t: TestApp;
let base: string;
let admin: Client;
let cityA: { id: string; path: string; level: 'city' };
let countyA: { id: string; path: string; level: 'county' };
let countyB: { id: string; path: string; level: 'county' };
let countyManager: Client;

beforeAll(async () => {
  t = await createTestApp();
  base = await t.app.listen({ host: '127.0.0.1', port: 0 });
  await t.factory.account({ login: 'ev-admin', grants: [{ role: 'admin', regionId: null }] });
  cityA = (await t.factory.region({ code: '418800' })) as typeof cityA;
  countyA = (await t.factory.region({ parent: cityA, code: '418801' })) as typeof countyA;
  countyB = (await t.factory.region({ parent: cityA, code: '418802' })) as typeof countyB;
  await t.factory.account({ login: 'ev-county', grants: [{ role: 'region_manager', regionId: countyA.id }] });
  admin = await t.signIn('ev-admin');
  countyManager = await t.signIn('ev-county');
});
afterAll(() => t.close());

describe('event stream', () => {
  it('delivers a write to the clients allowed to see it, and not to others', async () => {
    const adminStream = await openStream(base, admin.sessionToken!);
    const countyStream = await openStream(base, countyManager.sessionToken!);
    try {
      const inB = await admin.post('/api/v1/regions', { parentId: countyB.id, name: '乙镇', code: '418802001' });
      const inA = await admin.post('/api/v1/regions', { parentId: countyA.id, name: '甲镇', code: '418801001' });
      expect(inB.statusCode).toBe(201);
      expect(inA.statusCode).toBe(201);
      await adminStream.waitFor((es) => es.filter((e) => e.type === 'region.created').length === 2);
      await countyStream.waitFor((es) => es.some((e) => e.data.entityId === inA.json().id));
      // The county manager never sees the other county's event, even after later ones arrived.
      expect(countyStream.events.map((e) => e.data.entityId)).not.toContain(inB.json().id);
    } finally {
      adminStream.close();
      countyStream.close();
    }
  });

  it('delivers a notice that reaches below its region to readers under it, and a plain event not', async () => {
    const countyStream = await openStream(base, countyManager.sessionToken!);
    try {
      const notice = (reachBelow: boolean, data: Record<string, unknown>) =>
        transact(t.deps.db.db, { actorId: null, actorLogin: null, ip: null }, (trx) =>
          t.deps.events.publish(trx, {
            type: 'test.notice',
            permission: 'regions.read',
            regionPath: cityA.path,
            reachBelow,
            data,
          }),
        );
      await notice(false, { n: 1 });
      await notice(true, { n: 2 });
      await countyStream.waitFor((es) => es.some((e) => e.type === 'test.notice'));
      // A later event the manager may see: by then the plain notice had its chance to arrive.
      expect((await admin.post('/api/v1/regions', { parentId: countyA.id, name: '丙镇', code: '418801009' })).statusCode).toBe(
        201,
      );
      await countyStream.waitFor((es) => es.some((e) => e.type === 'region.created'));
      expect(countyStream.events.filter((e) => e.type === 'test.notice').map((e) => e.data.data)).toEqual([{ n: 2 }]);
    } finally {
      countyStream.close();
    }
  });

  it('replays what a client missed when it comes back with Last-Event-ID', async () => {
    const first = await openStream(base, admin.sessionToken!);
    await admin.post('/api/v1/units', { name: '甲单位', kind: 'county_unit', regionId: countyA.id });
    const seen = await first.waitFor((es) => es.some((e) => e.type === 'unit.created'));
    first.close();
    const lastId = seen[seen.length - 1]!.id;
    // Written while the client was away.
    const missed: string[] = [];
    for (const name of ['乙单位', '丙单位', '丁单位'])
      missed.push((await admin.post('/api/v1/units', { name, kind: 'county_unit', regionId: countyA.id })).json().id);
    const again = await openStream(base, admin.sessionToken!, lastId);
    try {
      await again.waitFor((es) => missed.every((id) => es.some((e) => e.data.entityId === id)));
      const ids = again.events.map((e) => e.id);
      expect(ids[0]).toBe(lastId + 1);
      expect(ids).toEqual([...ids].sort((a, b) => a - b));
    } finally {
      again.close();
    }
  });

  it('refuses anonymous clients', async () => {
    const res = await fetch(`${base}/api/v1/events/stream`);
    expect(res.status).toBe(401);
    expect((await res.json()).error.code).toBe('UNAUTHENTICATED');
  });
});
