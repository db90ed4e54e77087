import { newId, nowIso } from '../../platform/db/ids.ts';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createTestApp, type Client, type TestApp } from '../../../test/app.ts';
import { twoCounties, type TwoCounties } from '../../../test/fixtures.ts';
import { API, auditRows, expectError, snapshot, snapshotChanges } from '../../../test/requests.ts';
import { dutyFixtures, type DutyFixtures } from './rosters.fixtures.ts';
import type { RosterChange, RosterDetail } from './rosters.schemas.ts';
import type { SwapOption, SwapRequest } from './swaps.schemas.ts';

let t: TestApp;
let w: TwoCounties;
let f: DutyFixtures;

type Person = { id: string; name: string; client?: Client; accountId?: string };
let requester: Required<Person>;
let target: Required<Person>;
let third: Person;
let outsider: Person;
let picky: Person;
let leader: Required<Person>;
let otherLeader: Required<Person>;
let managerA: Client;
let managerB: Client;
let roster: Awaited<ReturnType<DutyFixtures['roster']>>;
/** Assignments: S1 (day 2) and S4 (day 4) the requester's, S2 (day 3) the target's. */
let a1: string;
let a2: string;
let a4: string;

async function person(login: string, o: { role?: 'volunteer' | 'team_leader'; name: string }): Promise<Required<Person>> {
  const account = await t.factory.account({
    login,
    name: o.name,
    grants: [{ role: o.role ?? 'volunteer', regionId: w.a.county.id }],
  });
  const v = await f.volunteer(region.grid.id, { name: o.name, accountId: account.id });
  return { ...v, accountId: account.id, client: await t.signIn(login) };
}

let region: { community: { id: string }; grid: { id: string } };

beforeAll(async () => {
  t = await createTestApp();
  w = await twoCounties(t.factory);
  f = dutyFixtures(t);
  const community = await t.factory.region({ parent: w.a.township });
  region = { community, grid: await t.factory.region({ parent: community }) };
  await t.factory.account({ login: 'manager-a', grants: [{ role: 'region_manager', regionId: w.a.county.id }] });
  await t.factory.account({ login: 'manager-b', grants: [{ role: 'region_manager', regionId: w.b.county.id }] });
  managerA = await t.signIn('manager-a');
  managerB = await t.signIn('manager-b');
  requester = await person('requester', { name: '孙丽' });
  target = await person('target', { name: '周强' });
  leader = await person('leader', { role: 'team_leader', name: '赵志刚' });
  otherLeader = await person('other-leader', { role: 'team_leader', name: '钱队长' });
  third = await f.volunteer(region.grid.id, { name: '吴三' });
  outsider = await f.volunteer(region.grid.id, { name: '郑外' });
  picky = await f.volunteer(region.grid.id, { name: '冯忙', availability: [{ weekday: 1, band: 'night' }] });
  // The leader leads the team; the requester serves in its sub-team, the target and 吴三 in the team itself.
  const team = await f.team(w.a.township.id, { name: '雪松社区志愿服务队', leaderVolunteerId: leader.id });
  const squad = await f.team(w.a.township.id, { name: '第一分队', parentTeamId: team });
  await f.member(squad, requester.id);
  for (const v of [target, third, picky]) await f.member(team, v.id);
  const others = await f.team(w.a.township.id, { name: '另一支队', leaderVolunteerId: otherLeader.id });
  await f.member(others, outsider.id);

  const gate = await f.checkpoint(region.grid.id, { name: '东门', risk: 4 });
  roster = await f.roster({
    regionId: region.community.id,
    startsOn: f.day(2),
    endsOn: f.day(4),
    status: 'published',
    name: '二月排班',
    shifts: [
      { checkpointId: gate.id, startsAt: f.at(2, '08:00'), endsAt: f.at(2, '16:00'), volunteerIds: [requester.id] },
      { checkpointId: gate.id, startsAt: f.at(3, '08:00'), endsAt: f.at(3, '16:00'), volunteerIds: [target.id] },
      { checkpointId: gate.id, startsAt: f.at(4, '08:00'), endsAt: f.at(4, '16:00'), volunteerIds: [requester.id] },
    ],
  });
  [a1, a2, a4] = roster.assignmentIds.map((ids) => ids[0]!) as [string, string, string];
});
afterAll(() => t.close());

const holder = async (assignmentId: string) =>
  await t.deps.db.db
    .selectFrom('rosterAssignments')
    .select(['volunteerId', 'source'])
    .where('id', '=', assignmentId)
    .executeTakeFirstOrThrow();

const notes = (accountId: string, kind: string) =>
  t.deps.db.db
    .selectFrom('notifications')
    .select(['params', 'link'])
    .where('accountId', '=', accountId)
    .where('kind', '=', kind)
    .execute();

async function ask(body: Record<string, unknown>, key?: string) {
  return requester.client.post(`${API}/duty/me/swaps`, body, key ? { 'idempotency-key': key } : {});
}

describe('swap requests', () => {
  it('offers the teammates who could take the shift, with the shifts they could give in exchange', async () => {
    const res = await requester.client.get(`${API}/duty/me/swap-options?assignmentId=${a1}`);
    expect(res.statusCode, res.body).toBe(200);
    const items = (res.json() as { items: SwapOption[] }).items;
    // 冯忙 offers Monday nights only; 郑外 is in another team.
    expect(items.map((o) => o.name).sort()).toEqual(['吴三', '周强'].sort());
    expect(items.find((o) => o.volunteerId === target.id)).toEqual({
      volunteerId: target.id,
      name: '周强',
      teamName: '雪松社区志愿服务队',
      canTakeOver: true,
      exchangeable: [{ assignmentId: a2, checkpointName: '东门', startsAt: f.at(3, '08:00'), endsAt: f.at(3, '16:00') }],
    });
    expect(items.find((o) => o.volunteerId === third.id)?.exchangeable).toEqual([]);
    // Someone else's assignment is not found.
    expect((await target.client.get(`${API}/duty/me/swap-options?assignmentId=${a1}`)).statusCode).toBe(404);
  });

  it('offers a teammate at the weekly limit for an exchange only', async () => {
    // 周强 takes a second shift and the limit becomes two: taking 孙丽's would make three.
    const db = t.deps.db.db;
    const rules = (await db.selectFrom('rosters').select('rules').where('id', '=', roster.id).executeTakeFirstOrThrow()).rules;
    const extra = newId();
    await db
      .insertInto('rosterAssignments')
      .values({
        id: extra,
        rosterId: roster.id,
        shiftId: roster.shiftIds[2]!,
        volunteerId: target.id,
        source: 'planner',
        createdAt: nowIso(),
      })
      .execute();
    await db
      .updateTable('rosters')
      .set({ rules: JSON.stringify({ ...JSON.parse(rules), maxShiftsPerWeek: 2 }) })
      .where('id', '=', roster.id)
      .execute();
    try {
      const res = await requester.client.get(`${API}/duty/me/swap-options?assignmentId=${a1}`);
      const items = (res.json() as { items: SwapOption[] }).items;
      expect(items.find((o) => o.volunteerId === target.id)).toMatchObject({
        canTakeOver: false,
        exchangeable: [{ assignmentId: a2 }],
      });
      expect(items.find((o) => o.volunteerId === third.id)).toMatchObject({ canTakeOver: true, exchangeable: [] });
    } finally {
      await db.deleteFrom('rosterAssignments').where('id', '=', extra).execute();
      await db.updateTable('rosters').set({ rules }).where('id', '=', roster.id).execute();
    }
  });

  it('creates a request once per key, tells the leader, and refuses a second pending one', async () => {
    const body = { assignmentId: a1, targetVolunteerId: target.id, note: '家里有事' };
    const first = await ask(body, 'swap-key-1');
    expect(first.statusCode, first.body).toBe(201);
    const made = first.json() as SwapRequest;
    expect(made).toEqual({
      id: expect.any(String),
      rosterId: roster.id,
      rosterName: '二月排班',
      status: 'pending',
      requester: { id: requester.id, name: '孙丽' },
      target: { id: target.id, name: '周强' },
      shift: { assignmentId: a1, checkpointName: '东门', startsAt: f.at(2, '08:00'), endsAt: f.at(2, '16:00') },
      targetShift: null,
      note: '家里有事',
      createdAt: expect.any(String),
      decidedAt: null,
      decidedByName: null,
      decisionReason: null,
      violations: [],
    });
    const again = await ask(body, 'swap-key-1');
    expect(again.statusCode).toBe(201);
    expect(again.json().id).toBe(made.id);
    expect(await t.deps.db.db.selectFrom('swapRequests').select('id').where('assignmentId', '=', a1).execute()).toHaveLength(1);
    expectError(await ask(body, 'swap-key-2'), 409, 'SWAP_PENDING');

    const told = await notes(leader.accountId, 'notify.duty.swapRequested');
    expect(told).toHaveLength(1);
    expect(JSON.parse(told[0]!.params)).toMatchObject({ requesterName: '孙丽', targetName: '周强', checkpointName: '东门' });
    expect(await notes(otherLeader.accountId, 'notify.duty.swapRequested')).toEqual([]);
    expect(await auditRows(t.deps, { action: 'swap.request', entityId: made.id })).toHaveLength(1);
    expect(
      ((await requester.client.get(`${API}/duty/me/swaps`)).json() as { items: SwapRequest[] }).items.map((s) => s.id),
    ).toEqual([made.id]);
  });

  it('shows requests to those who may decide them, and refuses the others', async () => {
    const [pending] = (
      (await managerA.get(`${API}/duty/swaps?status=pending&rosterId=${roster.id}`)).json() as {
        items: SwapRequest[];
        total: number;
      }
    ).items;
    expect(pending?.requester.name).toBe('孙丽');
    expect(((await leader.client.get(`${API}/duty/swaps`)).json() as { total: number }).total).toBe(1);
    expect(((await otherLeader.client.get(`${API}/duty/swaps`)).json() as { total: number }).total).toBe(0);
    expect(((await managerB.get(`${API}/duty/swaps`)).json() as { total: number }).total).toBe(0);
    expect((await managerB.get(`${API}/duty/swaps?rosterId=${roster.id}`)).statusCode).toBe(404);

    const before = await snapshot(t.deps);
    expectError(await otherLeader.client.post(`${API}/duty/swaps/${pending!.id}/approve`, {}), 403, 'FORBIDDEN');
    expectError(await otherLeader.client.post(`${API}/duty/swaps/${pending!.id}/reject`, { reason: '不行' }), 403, 'FORBIDDEN');
    expectError(await managerB.post(`${API}/duty/swaps/${pending!.id}/approve`, {}), 404);
    expectError(await requester.client.post(`${API}/duty/swaps/${pending!.id}/approve`, {}), 403);
    expect(snapshotChanges(before, await snapshot(t.deps))).toEqual({});
  });

  it('lets the team leader approve: the shift moves, the roster keeps the change, both hear of it', async () => {
    const [pending] = ((await leader.client.get(`${API}/duty/swaps?status=pending`)).json() as { items: SwapRequest[] }).items;
    const res = await leader.client.post(`${API}/duty/swaps/${pending!.id}/approve`, { reason: '同意' });
    expect(res.statusCode, res.body).toBe(200);
    expect(res.json()).toMatchObject({
      status: 'approved',
      decidedByName: '赵志刚',
      decisionReason: '同意',
      decidedAt: expect.any(String),
    });
    expect(await holder(a1)).toEqual({ volunteerId: target.id, source: 'swap' });
    const detail = (await managerA.get(`${API}/rosters/${roster.id}`)).json() as RosterDetail;
    expect(detail).toMatchObject({ version: 2, pendingSwaps: 0 });
    const [change] = ((await managerA.get(`${API}/rosters/${roster.id}/changes`)).json() as { items: RosterChange[] }).items;
    expect(change).toMatchObject({
      version: 2,
      action: 'swap',
      byName: '赵志刚',
      volunteerName: '孙丽',
      otherVolunteerName: '周强',
      reason: '同意',
    });
    for (const p of [requester, target]) {
      const got = await notes(p.accountId, 'notify.duty.swapApproved');
      expect(got).toHaveLength(1);
      expect(JSON.parse(got[0]!.params)).toMatchObject({ requesterName: '孙丽', targetName: '周强', checkpointName: '东门' });
    }
    expectError(await leader.client.post(`${API}/duty/swaps/${pending!.id}/approve`, {}), 409, 'SWAP_DECIDED');
  });

  it('lets the leader reject with a reason', async () => {
    const made = (await ask({ assignmentId: a4, targetVolunteerId: third.id })).json() as SwapRequest;
    expectError(await leader.client.post(`${API}/duty/swaps/${made.id}/reject`, {}), 400);
    const res = await leader.client.post(`${API}/duty/swaps/${made.id}/reject`, { reason: '当天人手不足' });
    expect(res.statusCode, res.body).toBe(200);
    expect(res.json()).toMatchObject({ status: 'rejected', decisionReason: '当天人手不足', violations: [] });
    expect(await holder(a4)).toEqual({ volunteerId: requester.id, source: 'optimiser' });
    expect(await notes(requester.accountId, 'notify.duty.swapRejected')).toHaveLength(1);
  });

  it('lets a planner approve an exchange: both shifts move', async () => {
    const made = (await ask({ assignmentId: a4, targetVolunteerId: target.id, targetAssignmentId: a2 })).json() as SwapRequest;
    expect(made.targetShift).toEqual({
      assignmentId: a2,
      checkpointName: '东门',
      startsAt: f.at(3, '08:00'),
      endsAt: f.at(3, '16:00'),
    });
    const res = await managerA.post(`${API}/duty/swaps/${made.id}/approve`, {});
    expect(res.statusCode, res.body).toBe(200);
    expect(await holder(a4)).toEqual({ volunteerId: target.id, source: 'swap' });
    expect(await holder(a2)).toEqual({ volunteerId: requester.id, source: 'swap' });
    const [change] = ((await managerA.get(`${API}/rosters/${roster.id}/changes`)).json() as { items: RosterChange[] }).items;
    expect(change).toMatchObject({
      version: 3,
      action: 'swap',
      startsAt: f.at(4, '08:00'),
      volunteerName: '孙丽',
      otherVolunteerName: '周强',
    });
  });

  it('lets the requester cancel a pending request, and only that', async () => {
    const made = (await ask({ assignmentId: a2, targetVolunteerId: third.id })).json() as SwapRequest;
    expect((await target.client.post(`${API}/duty/me/swaps/${made.id}/cancel`)).statusCode).toBe(404);
    const res = await requester.client.post(`${API}/duty/me/swaps/${made.id}/cancel`);
    expect(res.statusCode, res.body).toBe(200);
    expect(res.json()).toMatchObject({ status: 'cancelled' });
    expectError(await requester.client.post(`${API}/duty/me/swaps/${made.id}/cancel`), 409, 'SWAP_DECIDED');
    expectError(await leader.client.post(`${API}/duty/swaps/${made.id}/approve`, {}), 409, 'SWAP_DECIDED');
  });

  it('shows what approving would break, and refuses the approval with the rules worded', async () => {
    const made = (await ask({ assignmentId: a2, targetVolunteerId: picky.id })).json() as SwapRequest;
    expect(made.violations).toEqual([
      { code: 'not_available', message: expect.stringContaining('该志愿者未登记这些时段可以服务') },
    ]);
    const before = await snapshot(t.deps);
    leader.client.lang = 'en';
    const error = expectError(await leader.client.post(`${API}/duty/swaps/${made.id}/approve`, {}), 422, 'ROSTER_RULES');
    leader.client.lang = 'zh-CN';
    expect(error.fields?.targetVolunteerId).toMatch(/^This volunteer has not offered these times: /);
    expect(snapshotChanges(before, await snapshot(t.deps))).toEqual({});
    expect((await requester.client.post(`${API}/duty/me/swaps/${made.id}/cancel`)).statusCode).toBe(200);
  });

  it('refuses requests on another’s, a draft’s or a started shift, with oneself, or with a shift not the target’s', async () => {
    expect((await target.client.post(`${API}/duty/me/swaps`, { assignmentId: a2, targetVolunteerId: third.id })).statusCode).toBe(
      404,
    );
    expect(expectError(await ask({ assignmentId: a2, targetVolunteerId: requester.id }), 422).fields).toEqual({
      targetVolunteerId: '不能与自己换班',
    });
    expect(
      expectError(await ask({ assignmentId: a2, targetVolunteerId: third.id, targetAssignmentId: a1 }), 422).fields,
    ).toHaveProperty('targetAssignmentId');
    expect((await ask({ assignmentId: a2, targetVolunteerId: crypto.randomUUID() })).statusCode).toBe(404);
    const gate = await f.checkpoint(region.grid.id);
    const draft = await f.roster({
      regionId: region.community.id,
      startsOn: f.day(8),
      endsOn: f.day(8),
      shifts: [{ checkpointId: gate.id, startsAt: f.at(8, '08:00'), endsAt: f.at(8, '16:00'), volunteerIds: [requester.id] }],
    });
    expectError(
      await ask({ assignmentId: draft.assignmentIds[0]![0], targetVolunteerId: third.id }),
      409,
      'ROSTER_NOT_PUBLISHED',
    );
    const started = await f.roster({
      regionId: region.community.id,
      startsOn: f.day(0),
      endsOn: f.day(0),
      status: 'published',
      shifts: [{ checkpointId: gate.id, startsAt: f.at(0, '00:00'), endsAt: f.at(1, '23:00'), volunteerIds: [requester.id] }],
    });
    expectError(await ask({ assignmentId: started.assignmentIds[0]![0], targetVolunteerId: third.id }), 409, 'SHIFT_STARTED');
    // An account without a volunteer record has no requests.
    await t.factory.account({ login: 'no-record', grants: [{ role: 'volunteer', regionId: w.a.grid.id }] });
    const stranger = await t.signIn('no-record');
    expect((await stranger.get(`${API}/duty/me/swaps`)).json()).toEqual({ items: [] });
    expect((await stranger.post(`${API}/duty/me/swaps`, { assignmentId: a2, targetVolunteerId: third.id })).statusCode).toBe(404);
  });

  it('voids a pending request when the planner removes its shift', async () => {
    const made = (await ask({ assignmentId: a2, targetVolunteerId: third.id })).json() as SwapRequest;
    expect((await managerA.delete(`${API}/rosters/${roster.id}/assignments/${a2}`)).statusCode).toBe(200);
    const after = (await requester.client.get(`${API}/duty/me/swaps`)).json() as { items: SwapRequest[] };
    expect(after.items.find((s) => s.id === made.id)?.status).toBe('cancelled');
  });
});
