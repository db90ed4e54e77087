import { sql } from 'kysely';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createTestApp, type Client, type TestApp } from '../../../test/app.ts';
import { twoCounties, type TwoCounties } from '../../../test/fixtures.ts';
import { API, auditRows, expectError, snapshot } from '../../../test/requests.ts';
import { addDays, calendarDate } from '../../platform/dates.ts';
import { newId, nowIso } from '../../platform/db/ids.ts';
import { deleteHousehold, insertHouseholds } from './households.repository.ts';
import { insertVisits } from './screening.repository.ts';
import type { CampaignDetail, CoverageNode, FieldHousehold } from './screening.schemas.ts';

let t: TestApp;
let w: TwoCounties;
let manager: Client;
let doctor: Client;
/** Given grid 1 by name. */
let walker: Client;
/** A member of the team given grid 2. */
let member: Client;
/** A volunteer of the same community with no grid. */
let idle: Client;
/** A volunteer of the other county. */
let stranger: Client;
let grid2: { id: string; path: string };
let walkerId: string;
let teamId: string;
let campaign: CampaignDetail;
const homes: { grid1: string[]; grid2: string[]; foreign: string } = { grid1: [], grid2: [], foreign: '' };

const db = () => t.deps.db.db;
const today = () => calendarDate(t.deps.config.timeZone);

/** Households through the repository (which keeps their tally), without the households routes. */
async function household(regionId: string, building: string, room: string): Promise<string> {
  const id = newId();
  const row = { id, regionId, building, unit: '1', room, address: `雪松路 ${building}-1-${room}`, housing: 'owner', note: null };
  await insertHouseholds(db(), [row], nowIso());
  return id;
}

/** Every nonzero tally row, and the same counted afresh from the raw tables, as sorted lines. */
async function talliesAndRecount(): Promise<{ tallies: string[]; recount: string[] }> {
  const n = (v: unknown) => Number(v);
  const line = (...parts: unknown[]) => parts.join(' ');
  const households = await db().selectFrom('householdTallies').selectAll().where('households', '<>', 0).execute();
  const visits = await db().selectFrom('screeningTallies').selectAll().execute();
  const countedHouseholds = await db()
    .selectFrom('households')
    .select((eb) => ['regionId', eb.fn.countAll().as('n')])
    .groupBy('regionId')
    .execute();
  const when = (c: string) => sql<number>`SUM(CASE WHEN ${sql.raw(c)} THEN 1 ELSE 0 END)`;
  const countedVisits = await db()
    .selectFrom('screeningVisits')
    .select((eb) => [
      'campaignId',
      'regionId',
      when(`outcome = 'reached'`).as('reached'),
      when(`outcome = 'not_reached'`).as('notReached'),
      when(`outcome = 'reached' AND (fever_count > 0 OR symptoms = 1)`).as('fever'),
      eb.fn.sum<number>('riskReturn').as('riskReturns'),
      eb.fn.sum<number>('outsiders').as('outsiders'),
    ])
    .where('latest', '=', 1)
    .groupBy(['campaignId', 'regionId'])
    .execute();
  const visitLine = (v: (typeof visits)[number] | (typeof countedVisits)[number]) =>
    line('v', v.campaignId, v.regionId, n(v.reached), n(v.notReached), n(v.fever), n(v.riskReturns), n(v.outsiders));
  const empty = (v: (typeof visits)[number]) => !(v.reached || v.notReached || v.fever || v.riskReturns || v.outsiders);
  return {
    tallies: [
      ...households.map((h) => line('h', h.regionId, h.households)),
      ...visits.filter((v) => !empty(v)).map(visitLine),
    ].sort(),
    recount: [...countedHouseholds.map((h) => line('h', h.regionId, n(h.n))), ...countedVisits.map(visitLine)].sort(),
  };
}

async function volunteer(login: string, regionId: string): Promise<{ client: Client; volunteerId: string }> {
  const account = await t.factory.account({ login, name: `志愿者${login}`, grants: [{ role: 'volunteer', regionId }] });
  const v = await t.factory.volunteer({ regionId, accountId: account.id, name: `志愿者${login}` });
  return { client: await t.signIn(login), volunteerId: v.id };
}

const reached = (householdId: string, o: Record<string, unknown> = {}) => ({
  householdId,
  outcome: 'reached',
  residentsPresent: 3,
  feverCount: 0,
  symptoms: false,
  riskReturn: false,
  outsiders: 0,
  ...o,
});

beforeAll(async () => {
  t = await createTestApp();
  w = await twoCounties(t.factory);
  grid2 = await t.factory.region({ parent: w.a.community, name: '第二网格' });
  for (const room of ['101', '102', '201', '1001']) homes.grid1.push(await household(w.a.grid.id, '3', room));
  for (const room of ['101', '102']) homes.grid2.push(await household(grid2.id, '5', room));
  homes.foreign = await household(w.b.grid.id, '1', '101');
  await t.factory.account({ login: 'sc-manager', name: '王主任', grants: [{ role: 'region_manager', regionId: w.a.county.id }] });
  await t.factory.account({ login: 'sc-doctor', grants: [{ role: 'medical_observer', regionId: w.a.community.id }] });
  manager = await t.signIn('sc-manager');
  doctor = await t.signIn('sc-doctor');
  const a = await volunteer('sc-walker', w.a.grid.id);
  walker = a.client;
  walkerId = a.volunteerId;
  const m = await volunteer('sc-member', w.a.grid.id);
  member = m.client;
  idle = (await volunteer('sc-idle', w.a.grid.id)).client;
  stranger = (await volunteer('sc-stranger', w.b.grid.id)).client;
  teamId = newId();
  const now = nowIso();
  await db()
    .insertInto('teams')
    .values({
      id: teamId,
      parentTeamId: null,
      name: '雪松先锋队',
      kind: 'vanguard',
      regionId: w.a.community.id,
      leaderVolunteerId: null,
      description: null,
      branchName: null,
      branchSecretaryId: null,
      createdAt: now,
      updatedAt: now,
    })
    .execute();
  await db()
    .insertInto('teamMembers')
    .values({ teamId, volunteerId: m.volunteerId, roleTags: '[]', inBranch: 0, joinedAt: now })
    .execute();
});
afterAll(() => t.close());

describe('planning a campaign', () => {
  it('creates a campaign over a community, listing its grids unassigned', async () => {
    const res = await manager.post(
      `${API}/screening/campaigns`,
      { name: '第一轮入户排查', regionId: w.a.community.id, startsOn: addDays(today(), -1), endsOn: addDays(today(), 6) },
      { 'idempotency-key': `sc-${newId()}` },
    );
    expect(res.statusCode, res.body).toBe(201);
    campaign = res.json();
    expect(campaign).toMatchObject({ name: '第一轮入户排查', status: 'active', regionId: w.a.community.id });
    expect(campaign.grids.map((g) => g.regionId).sort()).toEqual([w.a.grid.id, grid2.id].sort());
    expect(campaign.grids.every((g) => g.volunteer === null && g.team === null)).toBe(true);
    expect(await auditRows(t.deps, { action: 'screening.campaign.create', entityId: campaign.id })).toHaveLength(1);
  });

  it('refuses a grid as the region, dates out of order, and a region outside the scope', async () => {
    const base = { name: '排查', startsOn: today(), endsOn: today() };
    const before = await snapshot(t.deps);
    expect(
      expectError(await manager.post(`${API}/screening/campaigns`, { ...base, regionId: w.a.grid.id }), 422).fields,
    ).toHaveProperty('regionId');
    const dates = await manager.post(`${API}/screening/campaigns`, {
      ...base,
      regionId: w.a.community.id,
      endsOn: addDays(today(), -1),
    });
    expect(expectError(dates, 422).fields?.endsOn).toBe('结束日期不能早于开始日期');
    expectError(await manager.post(`${API}/screening/campaigns`, { ...base, regionId: w.b.community.id }), 404);
    expect(await snapshot(t.deps)).toEqual(before);
  });

  it('gives grid 1 to a volunteer and grid 2 to a team', async () => {
    const res = await manager.put(`${API}/screening/campaigns/${campaign.id}/assignments`, {
      items: [
        { regionId: w.a.grid.id, volunteerId: walkerId },
        { regionId: grid2.id, teamId },
      ],
    });
    expect(res.statusCode, res.body).toBe(200);
    const grids = (res.json() as CampaignDetail).grids;
    expect(grids.find((g) => g.regionId === w.a.grid.id)?.volunteer).toEqual({ id: walkerId, name: '志愿者sc-walker' });
    expect(grids.find((g) => g.regionId === grid2.id)?.team).toEqual({ id: teamId, name: '雪松先锋队' });
  });

  it('refuses a grid of another region or one with nobody, item by item', async () => {
    const res = await manager.put(`${API}/screening/campaigns/${campaign.id}/assignments`, {
      items: [{ regionId: w.b.grid.id, volunteerId: walkerId }, { regionId: grid2.id }],
    });
    const fields = expectError(res, 422).fields!;
    expect(fields['items.0.regionId']).toBe('该网格不在本次排查范围内');
    expect(fields['items.1.volunteerId']).toBe('请指定志愿者或队伍');
  });

  it('lets a volunteer neither plan nor read campaigns', async () => {
    expectError(await walker.get(`${API}/screening/campaigns`), 403);
    expectError(await walker.post(`${API}/screening/campaigns/${campaign.id}/close`, {}), 403);
  });
});

describe('visits on the phone', () => {
  it("lists the volunteer's grid with its progress, and the team's grid for a member", async () => {
    const mine = (await walker.get(`${API}/screening/field/campaigns`)).json() as {
      items: { id: string; grids: { regionId: string; households: number }[] }[];
    };
    expect(mine.items).toHaveLength(1);
    expect(mine.items[0]!.grids).toMatchObject([{ regionId: w.a.grid.id, households: 4 }]);
    const team = (await member.get(`${API}/screening/field/campaigns`)).json() as typeof mine;
    expect(team.items[0]!.grids).toMatchObject([{ regionId: grid2.id, households: 2 }]);
    expect(((await idle.get(`${API}/screening/field/campaigns`)).json() as typeof mine).items).toEqual([]);
  });

  it('records a visit, shows the household done, and a not-reached one as revisit due', async () => {
    const res = await walker.post(`${API}/screening/campaigns/${campaign.id}/visits`, reached(homes.grid1[0]!), {
      'idempotency-key': `v-${newId()}`,
    });
    expect(res.statusCode, res.body).toBe(201);
    expect(res.json()).toMatchObject({ outcome: 'reached', residentsPresent: 3, followUps: [] });
    await walker.post(`${API}/screening/campaigns/${campaign.id}/visits`, {
      householdId: homes.grid1[1],
      outcome: 'not_reached',
    });
    const list = (await walker.get(`${API}/screening/campaigns/${campaign.id}/grids/${w.a.grid.id}/households`)).json() as {
      items: FieldHousehold[];
    };
    // Rooms in number order: 101, 102, 201, 1001.
    expect(list.items.map((h) => [h.room, h.state])).toEqual([
      ['101', 'done'],
      ['102', 'revisit'],
      ['201', 'not_visited'],
      ['1001', 'not_visited'],
    ]);
    const found = (
      await walker.get(`${API}/screening/campaigns/${campaign.id}/grids/${w.a.grid.id}/households?q=3-1-1001`)
    ).json() as {
      items: FieldHousehold[];
    };
    expect(found.items.map((h) => h.room)).toEqual(['1001']);
  });

  it('keeps one latest visit per household: a revisit replaces the not-reached one', async () => {
    const res = await walker.post(
      `${API}/screening/campaigns/${campaign.id}/visits`,
      reached(homes.grid1[1]!, { residentsPresent: 2 }),
    );
    expect(res.statusCode, res.body).toBe(201);
    const rows = await db()
      .selectFrom('screeningVisits')
      .select(['outcome', 'latest'])
      .where('householdId', '=', homes.grid1[1]!)
      .orderBy('createdAt')
      .execute();
    expect(rows.map((r) => [r.outcome, Number(r.latest)])).toEqual([
      ['not_reached', 0],
      ['reached', 1],
    ]);
  });

  it('answers a repeated request with the same visit (Idempotency-Key)', async () => {
    const headers = { 'idempotency-key': `v-${newId()}` };
    const first = await walker.post(`${API}/screening/campaigns/${campaign.id}/visits`, reached(homes.grid1[2]!), headers);
    const again = await walker.post(`${API}/screening/campaigns/${campaign.id}/visits`, reached(homes.grid1[2]!), headers);
    expect(again.statusCode).toBe(201);
    expect(again.json().id).toBe(first.json().id);
    const n = await db().selectFrom('screeningVisits').select('id').where('householdId', '=', homes.grid1[2]!).execute();
    expect(n).toHaveLength(1);
  });

  it('hands a fever and a risk-area return to the community as follow-ups', async () => {
    const res = await member.post(
      `${API}/screening/campaigns/${campaign.id}/visits`,
      reached(homes.grid2[0]!, {
        feverCount: 1,
        riskReturn: true,
        riskOriginCode: '420102',
        riskReturnedOn: addDays(today(), -2),
        outsiders: 1,
      }),
    );
    expect(res.statusCode, res.body).toBe(201);
    const visit = res.json() as { id: string; followUps: { kind: string }[]; riskOriginName: string };
    expect(visit.followUps.map((f) => f.kind).sort()).toEqual(['fever', 'risk_arrival']);
    expect(visit.riskOriginName).toContain('武汉');
    const tasks = await db()
      .selectFrom('followUps')
      .select(['kind', 'regionId', 'sourceKind'])
      .where('sourceId', '=', visit.id)
      .execute();
    expect(tasks).toHaveLength(2);
    expect(tasks.every((f) => f.regionId === w.a.community.id && f.sourceKind === 'screening_visit')).toBe(true);
    // A visit takes no reading: the inbox says what was found, not a temperature of "—".
    const kinds = await db().selectFrom('notifications').select('kind').where('kind', 'like', 'notify.followUps.%').execute();
    expect(kinds.map((n) => n.kind)).toContain('notify.followUps.feverNoReading');
    expect(kinds.map((n) => n.kind)).not.toContain('notify.followUps.fever');
  });

  it('checks the findings field by field', async () => {
    const url = `${API}/screening/campaigns/${campaign.id}/visits`;
    const before = await snapshot(t.deps);
    let fields = expectError(await walker.post(url, reached(homes.grid1[3]!, { riskReturn: true })), 422).fields!;
    expect(fields).toMatchObject({ riskOriginCode: '请选择从哪个风险地区返回', riskReturnedOn: '请填写返回日期' });
    fields = expectError(await walker.post(url, reached(homes.grid1[3]!, { feverCount: 4 })), 422).fields!;
    expect(fields).toHaveProperty('feverCount');
    fields = expectError(
      await walker.post(url, { householdId: homes.grid1[3], outcome: 'not_reached', feverCount: 1 }),
      422,
    ).fields!;
    expect(fields).toHaveProperty('feverCount');
    fields = expectError(await walker.post(url, { householdId: homes.grid1[3], outcome: 'reached' }), 422).fields!;
    expect(fields).toHaveProperty('residentsPresent');
    walker.lang = 'en';
    fields = expectError(
      await walker.post(
        url,
        reached(homes.grid1[3]!, { riskReturn: true, riskOriginCode: '999999', riskReturnedOn: addDays(today(), 1) }),
      ),
      422,
    ).fields!;
    expect(fields.riskReturnedOn).toBe('The return date cannot be after today');
    walker.lang = 'zh-CN';
    expect(await snapshot(t.deps)).toEqual(before);
  });

  it('keeps volunteers to their grids: 403 in their own area, 404 elsewhere', async () => {
    const url = `${API}/screening/campaigns/${campaign.id}/visits`;
    // The member's home grid (their grant) is grid 1; their team walks grid 2.
    expectError(await member.post(url, reached(homes.grid1[3]!)), 403, 'SCREENING_NOT_ASSIGNED');
    expectError(await walker.post(url, reached(homes.grid2[1]!)), 404);
    expectError(await idle.post(url, reached(homes.grid1[3]!)), 404);
    expectError(await stranger.post(url, reached(homes.foreign)), 404);
    expectError(await walker.post(url, reached(homes.foreign)), 404);
    expectError(await walker.get(`${API}/screening/campaigns/${campaign.id}/grids/${grid2.id}/households`), 404);
  });

  it('lets a planner record anywhere in scope', async () => {
    const res = await manager.post(`${API}/screening/campaigns/${campaign.id}/visits`, {
      householdId: homes.grid2[1],
      outcome: 'not_reached',
    });
    expect(res.statusCode, res.body).toBe(201);
  });

  it('finds a whole door plate exactly, however it is spelt; part of a plate is still looked for loosely', async () => {
    const plates: [string, string, string][] = [
      ['7号楼', '2单元', '501'],
      ['17号楼', '2单元', '501'],
      ['7号楼', '2单元', '5010'],
      ['7栋', '3', '502室'],
    ];
    const ids: string[] = [];
    for (const [building, unit, room] of plates) {
      const id = newId();
      const row = {
        id,
        regionId: w.a.grid.id,
        building,
        unit,
        room,
        address: `雪松路${building}${unit}${room}`,
        housing: 'owner',
        note: null,
      };
      await insertHouseholds(db(), [row], nowIso());
      ids.push(id);
    }
    const search = async (q: string) => {
      const res = await walker.get(
        `${API}/screening/campaigns/${campaign.id}/grids/${w.a.grid.id}/households?q=${encodeURIComponent(q)}`,
      );
      expect(res.statusCode, res.body).toBe(200);
      const page = res.json() as { items: FieldHousehold[]; total: number };
      return { plates: page.items.map((h) => `${h.building}-${h.unit}-${h.room}`), total: page.total };
    };
    try {
      // Neither 17号楼 nor room 5010 answers 7-2-501.
      expect(await search('7-2-501')).toEqual({ plates: ['7号楼-2单元-501'], total: 1 });
      expect(await search('7号楼2单元501室')).toEqual({ plates: ['7号楼-2单元-501'], total: 1 });
      // Full-width digits from a Chinese input method, and the register's other spelling of each part.
      expect((await search('７栋３单元５０２')).plates).toEqual(['7栋-3-502室']);
      expect((await search('7-3-502')).plates).toEqual(['7栋-3-502室']);
      expect((await search('7-2-502')).plates).toEqual([]);
      expect((await search('501')).plates).toEqual(['7号楼-2单元-501', '7号楼-2单元-5010', '17号楼-2单元-501']);
    } finally {
      for (const id of ids) await deleteHousehold(db(), id);
    }
  });
});

describe('coverage', () => {
  it('counts each grid and rolls up to the community for a reader of households', async () => {
    const res = await doctor.get(`${API}/screening/campaigns/${campaign.id}/coverage`);
    expect(res.statusCode, res.body).toBe(200);
    const nodes = new Map((res.json() as { nodes: CoverageNode[] }).nodes.map((n) => [n.regionId, n]));
    expect(nodes.get(w.a.grid.id)).toMatchObject({ households: 4, reached: 3, notReached: 0, notVisited: 1, percent: 75 });
    expect(nodes.get(grid2.id)).toMatchObject({
      households: 2,
      reached: 1,
      notReached: 1,
      notVisited: 0,
      fever: 1,
      riskReturns: 1,
      outsiders: 1,
    });
    expect(nodes.get(w.a.community.id)).toMatchObject({
      parentId: null,
      households: 6,
      reached: 4,
      notReached: 1,
      notVisited: 1,
      percent: 66,
      fever: 1,
    });
  });

  it('publishes each visit for the live desk page', async () => {
    const events = await db().selectFrom('events').select(['type', 'entityId']).where('type', '=', 'screening.visited').execute();
    expect(events.length).toBeGreaterThanOrEqual(5);
    expect(events.every((e) => e.entityId === campaign.id)).toBe(true);
  });

  it('hides another county’s campaign as missing', async () => {
    const other = await t.factory.account({ login: 'sc-b', grants: [{ role: 'region_manager', regionId: w.b.county.id }] });
    const client = await t.signIn(other.login);
    expectError(await client.get(`${API}/screening/campaigns/${campaign.id}/coverage`), 404);
    expect(((await client.get(`${API}/screening/campaigns`)).json() as { total: number }).total).toBe(0);
  });
});

describe('tallies', () => {
  it('stay equal to a fresh count through revisits, moves, new and removed households and a bulk load', async () => {
    const visits = `${API}/screening/campaigns/${campaign.id}/visits`;
    const visit = async (body: Record<string, unknown>) => expect((await manager.post(visits, body)).statusCode).toBe(201);
    const created = await manager.post(
      `${API}/households`,
      { regionId: w.a.grid.id, building: '9', unit: '1', room: '901', address: '雪松路 9-1-901', housing: 'rented' },
      { 'idempotency-key': `sc-${newId()}` },
    );
    expect(created.statusCode, created.body).toBe(201);
    const fresh = (created.json() as { id: string }).id;
    // Nobody home, then found with a fever: the revisit replaces the first in the counts.
    await visit({ householdId: fresh, outcome: 'not_reached' });
    await visit(reached(fresh, { feverCount: 1, outsiders: 2 }));
    // Found before, nobody home now.
    await visit({ householdId: homes.grid1[1], outcome: 'not_reached' });
    // Visited in grid 1, moved to grid 2, visited again: grid 1 loses the visit, grid 2 gains it.
    const moved = await manager.patch(`${API}/households/${homes.grid1[0]}`, { regionId: grid2.id });
    expect(moved.statusCode, moved.body).toBe(200);
    await visit(reached(homes.grid1[0]!, { symptoms: true }));
    // A visited household stays (409, nothing written); an unvisited one goes with its tally.
    expectError(await manager.delete(`${API}/households/${fresh}`), 409, 'HOUSEHOLD_IN_USE');
    const spare = await household(grid2.id, '7', '701');
    expect((await manager.delete(`${API}/households/${spare}`)).statusCode).toBe(200);
    // The demo's bulk load: a second campaign's visits, some superseded already.
    const second = await manager.post(
      `${API}/screening/campaigns`,
      { name: '第二轮', regionId: w.a.community.id, startsOn: today(), endsOn: addDays(today(), 3) },
      { 'idempotency-key': `sc-${newId()}` },
    );
    const secondId = (second.json() as CampaignDetail).id;
    const by = await db().selectFrom('accounts').select('id').where('login', '=', 'sc-manager').executeTakeFirstOrThrow();
    const bulk = (householdId: string, outcome: 'reached' | 'not_reached', latest: number) => ({
      id: newId(),
      campaignId: secondId,
      householdId,
      regionId: grid2.id,
      visitedBy: by.id,
      visitedAt: nowIso(),
      visitedOn: today(),
      outcome,
      residentsPresent: outcome === 'reached' ? 2 : 0,
      feverCount: 0,
      symptoms: 0,
      riskReturn: outcome === 'reached' ? 1 : 0,
      riskOriginCode: null,
      riskReturnedOn: null,
      outsiders: 0,
      note: null,
      latest,
      createdAt: nowIso(),
    });
    await insertVisits(db(), [
      bulk(homes.grid2[0]!, 'not_reached', 0),
      bulk(homes.grid2[0]!, 'reached', 1),
      bulk(homes.grid2[1]!, 'not_reached', 1),
    ]);

    const { tallies, recount } = await talliesAndRecount();
    expect(tallies).toEqual(recount);
    const nodes = new Map(
      ((await manager.get(`${API}/screening/campaigns/${campaign.id}/coverage`)).json() as { nodes: CoverageNode[] }).nodes.map(
        (n) => [n.regionId, n],
      ),
    );
    expect(nodes.get(w.a.grid.id)).toMatchObject({
      households: 4,
      reached: 2,
      notReached: 1,
      fever: 1,
      riskReturns: 0,
      outsiders: 2,
    });
    expect(nodes.get(grid2.id)).toMatchObject({
      households: 3,
      reached: 2,
      notReached: 1,
      fever: 2,
      riskReturns: 1,
      outsiders: 1,
    });
    const secondNodes = (await manager.get(`${API}/screening/campaigns/${secondId}/coverage`)).json() as {
      nodes: CoverageNode[];
    };
    expect(secondNodes.nodes.find((n) => n.regionId === grid2.id)).toMatchObject({ reached: 1, notReached: 1, riskReturns: 1 });
  });
});

describe('closing', () => {
  it('closes the campaign; visits and edits are then refused', async () => {
    const res = await manager.post(`${API}/screening/campaigns/${campaign.id}/close`, {});
    expect(res.json()).toMatchObject({ status: 'closed' });
    expectError(await walker.post(`${API}/screening/campaigns/${campaign.id}/visits`, reached(homes.grid1[3]!)), 404);
    expectError(
      await manager.post(`${API}/screening/campaigns/${campaign.id}/visits`, reached(homes.grid1[3]!)),
      409,
      'SCREENING_CAMPAIGN_CLOSED',
    );
    expectError(
      await manager.patch(`${API}/screening/campaigns/${campaign.id}`, { name: '改名' }),
      409,
      'SCREENING_CAMPAIGN_CLOSED',
    );
  });
});
