import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createTestApp, type Client, type TestApp } from '../../../test/app.ts';
import { API, expectError } from '../../../test/requests.ts';
import { addDays, calendarDate } from '../../platform/dates.ts';
import { newId, nowIso } from '../../platform/db/ids.ts';
import { insertHouseholds } from './households.repository.ts';
import type { CampaignDetail, FieldHousehold, StateCounts } from './screening.schemas.ts';

interface Page {
  items: FieldHousehold[];
  total: number;
  counts: StateCounts;
}

let t: TestApp;
let walker: Client;
let url: string;
let visitsUrl: string;
/** Door plates ("building unit room") in the order a volunteer walks them. */
let walkOrder: string[];
const ids = new Map<string, string>();

const plate = (h: Pick<FieldHousehold, 'building' | 'unit' | 'room'>) => `${h.building ?? '-'} ${h.unit ?? '-'} ${h.room ?? '-'}`;
const read = async (query = ''): Promise<Page> => {
  const res = await walker.get(`${url}${query}`);
  expect(res.statusCode, res.body).toBe(200);
  return res.json();
};

beforeAll(async () => {
  t = await createTestApp();
  const { county, community, grid } = await t.factory.chain();
  // Buildings and units numbered past 9 and rooms of 1 to 4 digits: text order would walk them wrong.
  const rows: { building: string | null; unit: string | null; room: string | null; address: string }[] = [];
  for (const building of ['12号楼', '3号楼'])
    for (const unit of ['10', '2'])
      for (const room of ['1001', '201', '101', '302', '99', '1002', '202', '1'])
        rows.push({ building, unit, room, address: `松林小区${building}${unit}单元${room}室` });
  rows.push({ building: 'A座', unit: '1', room: '101', address: '松林小区A座1单元101室' });
  rows.push({ building: null, unit: null, room: null, address: '松林小区门卫室' });
  const now = nowIso();
  await insertHouseholds(
    t.deps.db.db,
    rows.map((r) => {
      const id = newId();
      ids.set(plate(r), id);
      return { id, regionId: grid.id, ...r, housing: 'owner', note: null };
    }),
    now,
  );
  const n = (s: string) => (s === '12号楼' ? 12 : s === '3号楼' ? 3 : Number(s));
  const numbered = rows.filter((r) => r.building?.endsWith('号楼'));
  numbered.sort((a, b) => n(a.building!) - n(b.building!) || n(a.unit!) - n(b.unit!) || n(a.room!) - n(b.room!));
  walkOrder = [...numbered, rows.at(-2)!, rows.at(-1)!].map(plate);

  await t.factory.account({ login: 'sp-manager', grants: [{ role: 'region_manager', regionId: county.id }] });
  const manager = await t.signIn('sp-manager');
  const account = await t.factory.account({ login: 'sp-walker', grants: [{ role: 'volunteer', regionId: grid.id }] });
  const volunteer = await t.factory.volunteer({ regionId: grid.id, accountId: account.id });
  walker = await t.signIn('sp-walker');
  const today = calendarDate(t.deps.config.timeZone);
  const created = await manager.post(
    `${API}/screening/campaigns`,
    { name: '松林排查', regionId: community.id, startsOn: today, endsOn: addDays(today, 3) },
    { 'idempotency-key': `sp-${newId()}` },
  );
  expect(created.statusCode, created.body).toBe(201);
  const campaign = created.json() as CampaignDetail;
  const assigned = await manager.put(`${API}/screening/campaigns/${campaign.id}/assignments`, {
    items: [{ regionId: grid.id, volunteerId: volunteer.id }],
  });
  expect(assigned.statusCode, assigned.body).toBe(200);
  url = `${API}/screening/campaigns/${campaign.id}/grids/${grid.id}/households`;
  visitsUrl = `${API}/screening/campaigns/${campaign.id}/visits`;
});
afterAll(() => t.close());

describe("a grid's households on the phone, a page at a time", () => {
  it('gives 30 by default, in door-plate order with numbers counted as numbers', async () => {
    const first = await read();
    expect(first.total).toBe(34);
    expect(first.counts).toEqual({ notVisited: 34, revisit: 0, done: 0 });
    expect(first.items.map(plate)).toEqual(walkOrder.slice(0, 30));
    expect(first.items.slice(0, 4).map(plate)).toEqual(['3号楼 2 1', '3号楼 2 99', '3号楼 2 101', '3号楼 2 201']);
  });

  it('walks every page without a gap or a repeat; lettered buildings, then ones without a plate, come last', async () => {
    const seen: string[] = [];
    for (let offset = 0; offset < 34; offset += 8) {
      const page = await read(`?limit=8&offset=${offset}`);
      expect(page.total).toBe(34);
      seen.push(...page.items.map(plate));
    }
    expect(seen).toEqual(walkOrder);
    expect(seen.slice(-2)).toEqual(['A座 1 101', '- - -']);
    expect((await read('?limit=8&offset=40')).items).toEqual([]);
  });

  it('refuses a page too big, an empty one, or a negative offset, naming the field', async () => {
    for (const [query, field] of [
      ['?limit=101', 'limit'],
      ['?limit=0', 'limit'],
      ['?offset=-1', 'offset'],
    ] as const) {
      const res = await walker.get(`${url}${query}`);
      expect(res.statusCode, query).toBeGreaterThanOrEqual(400);
      expect(res.statusCode, query).toBeLessThan(500);
      expect(expectError(res, res.statusCode).fields, query).toHaveProperty(`query.${field}`);
    }
    expect((await read('?limit=100')).items).toHaveLength(34);
  });

  it('counts every state under the search; a visited household leaves the pages still to visit', async () => {
    const done = ids.get('3号楼 2 1')!;
    const away = ids.get('3号楼 2 99')!;
    const visit = async (body: Record<string, unknown>) => {
      const res = await walker.post(visitsUrl, body);
      expect(res.statusCode, res.body).toBe(201);
    };
    await visit({ householdId: done, outcome: 'reached', residentsPresent: 2 });
    await visit({ householdId: away, outcome: 'not_reached' });

    const todo = await read('?state=not_visited&limit=5');
    expect(todo.total).toBe(32);
    expect(todo.counts).toEqual({ notVisited: 32, revisit: 1, done: 1 });
    expect(todo.items.map(plate)).toEqual(walkOrder.filter((p) => !['3号楼 2 1', '3号楼 2 99'].includes(p)).slice(0, 5));
    expect((await read('?state=revisit')).items.map((h) => [h.id, h.state])).toEqual([[away, 'revisit']]);
    const finished = await read('?state=done');
    expect(finished.items.map((h) => [h.id, h.state, h.lastVisit?.outcome])).toEqual([[done, 'done', 'reached']]);
    expect((await read()).total).toBe(34);

    // A full door plate matches that building, unit and room exactly; the counts follow the search.
    const found = await read(`?q=${encodeURIComponent('3-2-201')}`);
    expect(found.items.map(plate)).toEqual(['3号楼 2 201']);
    expect(found).toMatchObject({ total: 1, counts: { notVisited: 1, revisit: 0, done: 0 } });
    // Anything less than a full plate: each part anywhere on the plate, the closest first.
    const rooms = await read(`?q=${encodeURIComponent('3号楼 20')}&state=not_visited&limit=3`);
    expect(rooms.items.map(plate)).toEqual(['3号楼 2 201', '3号楼 2 202', '3号楼 10 201']);
    expect(rooms).toMatchObject({ total: 4, counts: { notVisited: 4, revisit: 0, done: 0 } });
  });
});
