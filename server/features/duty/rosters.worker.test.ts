import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createTestApp, type Client, type TestApp } from '../../../test/app.ts';
import { twoCounties, type TwoCounties } from '../../../test/fixtures.ts';
import { API } from '../../../test/requests.ts';
import { dutyFixtures } from './rosters.fixtures.ts';
import type { RosterDetail } from './rosters.schemas.ts';

let t: TestApp;
let w: TwoCounties;
let manager: Client;

beforeAll(async () => {
  t = await createTestApp();
  w = await twoCounties(t.factory);
  await t.factory.account({ login: 'manager', grants: [{ role: 'region_manager', regionId: w.a.county.id }] });
  manager = await t.signIn('manager');
});
afterAll(() => t.close());

describe('generation in a worker thread', () => {
  it('keeps the server answering while a roster is solved', { timeout: 120_000 }, async () => {
    const f = dutyFixtures(t);
    const around = [
      { start: '00:00', end: '08:00', people: 1 },
      { start: '08:00', end: '16:00', people: 2 },
      { start: '16:00', end: '00:00', people: 1 },
    ];
    for (let i = 0; i < 40; i++)
      await f.checkpoint(i % 2 ? w.a.grid.id : w.a.community.id, { risk: ((i % 4) + 1) as 1, pattern: around });
    for (let i = 0; i < 120; i++) await f.volunteer(i % 2 ? w.a.grid.id : w.a.community.id);

    let finished = false;
    const generation = manager
      .post(`${API}/rosters`, { regionId: w.a.township.id, startsOn: f.day(1), endsOn: f.day(7) })
      .finally(() => (finished = true));
    const latencies: number[] = [];
    while (!finished) {
      const sent = performance.now();
      const res = await t.app.inject({ method: 'GET', url: '/healthz' });
      expect(res.statusCode).toBe(200);
      if (!finished) latencies.push(performance.now() - sent);
      await new Promise((resolve) => setTimeout(resolve, 25));
    }
    const res = await generation;
    expect(res.statusCode, res.body).toBe(201);
    const roster = res.json() as RosterDetail;
    expect(roster.positions).toBe(40 * 4 * 7);
    expect(roster.filled).toBeGreaterThan(0);
    // Solved on the server's own thread, a health check sent during the solve would wait for all of it.
    expect(roster.generation!.solveMs).toBeGreaterThan(500);
    expect(latencies.length).toBeGreaterThan(10);
    expect(Math.max(...latencies)).toBeLessThan(roster.generation!.solveMs / 2);
  });
});
