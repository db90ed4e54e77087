import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createTestApp, type Client, type TestApp } from '../../../test/app.ts';
import { twoCounties, type TwoCounties } from '../../../test/fixtures.ts';
import { API, auditRows, expectError, snapshot } from '../../../test/requests.ts';

let t: TestApp;
let w: TwoCounties;
let admin: Client;
let managerA: Client;
let managerB: Client;
let leader: Client;
/** The volunteer record of the `leader` account. */
let leaderVolunteer: string;

beforeAll(async () => {
  t = await createTestApp();
  w = await twoCounties(t.factory);
  await t.factory.account({ login: 'root', grants: [{ role: 'admin', regionId: null }] });
  await t.factory.account({ login: 'manager-a', grants: [{ role: 'region_manager', regionId: w.a.county.id }] });
  await t.factory.account({ login: 'manager-b', grants: [{ role: 'region_manager', regionId: w.b.county.id }] });
  const leaderAccount = await t.factory.account({ login: 'leader', grants: [{ role: 'team_leader', regionId: w.a.county.id }] });
  leaderVolunteer = (await t.factory.volunteer({ regionId: w.a.grid.id, accountId: leaderAccount.id, name: '队长甲' })).id;
  admin = await t.signIn('root');
  managerA = await t.signIn('manager-a');
  managerB = await t.signIn('manager-b');
  leader = await t.signIn('leader');
});
afterAll(() => t.close());

interface Ref {
  id: string;
  name: string;
}
interface Team {
  id: string;
  name: string;
  kind: string;
  regionId: string;
  regionName: string;
  parentTeamId: string | null;
  parentTeamName: string | null;
  leader: Ref | null;
  description: string | null;
  memberCount: number;
  subTeamCount: number;
  branch: { name: string; secretary: Ref | null; memberCount: number } | null;
  ledByMe: boolean;
}
interface Member {
  volunteerId: string;
  name: string;
  mobile: string;
  partyMember: boolean;
  status: string;
  roleTags: string[];
  inBranch: boolean;
  joinedAt: string;
}
interface TeamDetail extends Team {
  members: Member[];
  subTeams: Team[];
}

let n = 0;
const uniq = (p: string) => `${p}${++n}`;

async function createTeam(c: Client, body: Record<string, unknown>): Promise<Team> {
  const res = await c.post(`${API}/teams`, { kind: 'shock', name: uniq('突击队'), regionId: w.a.county.id, ...body });
  expect(res.statusCode, res.body).toBe(201);
  return res.json();
}

async function detail(c: Client, id: string): Promise<TeamDetail> {
  const res = await c.get(`${API}/teams/${id}`);
  expect(res.statusCode, res.body).toBe(200);
  return res.json();
}

async function addMember(c: Client, teamId: string, body: Record<string, unknown>): Promise<Member> {
  const res = await c.post(`${API}/teams/${teamId}/members`, body);
  expect(res.statusCode, res.body).toBe(201);
  return res.json();
}

const volunteer = (
  o: { regionId?: string; partyMember?: boolean; status?: 'active' | 'paused' | 'withdrawn'; name?: string } = {},
) => t.factory.volunteer({ regionId: w.a.grid.id, ...o }).then((v) => v.id);

const eventsFor = (entityId: string) =>
  t.deps.db.db
    .selectFrom('events')
    .select(['type', 'permission', 'regionPath', 'entityType'])
    .where('entityId', '=', entityId)
    .orderBy('id')
    .execute();

describe('teams', () => {
  it('creates, reads, updates and deletes a team, auditing each write and publishing events', async () => {
    const chief = await volunteer({ name: '张队长', partyMember: false });
    const team = await createTeam(admin, {
      name: ' 驿城区党员突击队 ',
      kind: 'shock',
      regionId: w.a.county.id,
      leaderVolunteerId: chief,
      description: '卡点值守',
    });
    expect(team).toEqual({
      id: expect.any(String),
      name: '驿城区党员突击队',
      kind: 'shock',
      regionId: w.a.county.id,
      regionName: w.a.county.name,
      parentTeamId: null,
      parentTeamName: null,
      leader: { id: chief, name: '张队长' },
      description: '卡点值守',
      memberCount: 1,
      subTeamCount: 0,
      branch: null,
      ledByMe: false,
    });
    // Naming a leader makes them a member.
    const got = await detail(admin, team.id);
    expect(got.members).toEqual([
      {
        volunteerId: chief,
        name: '张队长',
        mobile: expect.stringMatching(/^1\d{2}\*{4}\d{4}$/),
        partyMember: false,
        status: 'active',
        roleTags: [],
        inBranch: false,
        joinedAt: expect.any(String),
      },
    ]);
    expect(got.subTeams).toEqual([]);

    const patched = await admin.patch(`${API}/teams/${team.id}`, {
      kind: 'vanguard',
      description: null,
      regionId: w.a.township.id,
      leaderVolunteerId: null,
    });
    expect(patched.statusCode, patched.body).toBe(200);
    expect(patched.json()).toMatchObject({
      kind: 'vanguard',
      description: null,
      regionId: w.a.township.id,
      regionName: w.a.township.name,
      leader: null,
      memberCount: 1,
    });
    expect((await admin.delete(`${API}/teams/${team.id}`)).json()).toEqual({ ok: true });
    expectError(await admin.get(`${API}/teams/${team.id}`), 404, 'NOT_FOUND');
    // Its members went with it.
    expect(await t.deps.db.db.selectFrom('teamMembers').select('volunteerId').where('teamId', '=', team.id).execute()).toEqual(
      [],
    );
    const actions = (await auditRows(t.deps, { entityId: team.id })).map((a) => a.action);
    expect(actions).toEqual(['team.create', 'team.update', 'team.delete']);
    const events = await eventsFor(team.id);
    expect(events.map((e) => e.type)).toEqual(['team.created', 'team.updated', 'team.updated', 'team.deleted']);
    for (const e of events) expect(e).toMatchObject({ permission: 'teams.read', entityType: 'team' });
    expect(events[0]!.regionPath).toBe(w.a.county.path);
    expect(events[1]!.regionPath).toBe(w.a.township.path);
    expect(events[3]!.regionPath).toBe(w.a.township.path);
  });

  it('keeps team names unique within a region, not across regions', async () => {
    await createTeam(admin, { name: '先锋队', regionId: w.a.township.id });
    const before = await snapshot(t.deps);
    expectError(
      await admin.post(`${API}/teams`, { name: '  先锋队 ', kind: 'emergency', regionId: w.a.township.id }),
      409,
      'TEAM_NAME_TAKEN',
    );
    expect(await snapshot(t.deps)).toEqual(before);
    const elsewhere = await createTeam(admin, { name: '先锋队', regionId: w.a.township2.id });
    const other = await createTeam(admin, { name: '应急队', regionId: w.a.township.id });
    expectError(await admin.patch(`${API}/teams/${other.id}`, { name: '先锋队' }), 409, 'TEAM_NAME_TAKEN');
    expectError(await admin.patch(`${API}/teams/${elsewhere.id}`, { regionId: w.a.township.id }), 409, 'TEAM_NAME_TAKEN');
    expect((await admin.patch(`${API}/teams/${other.id}`, { name: '应急队', kind: 'emergency' })).statusCode).toBe(200);
  });

  it('places teams from county level down, and sub-teams inside their parent’s region', async () => {
    const e = expectError(
      await admin.post(`${API}/teams`, { name: '市队', kind: 'shock', regionId: w.city.id }),
      422,
      'VALIDATION',
    );
    expect(e.fields).toEqual({ regionId: '队伍的责任区划应为县（区）、乡镇（街道）、社区（村）或网格' });
    expectError(await admin.post(`${API}/teams`, { name: '无区划', kind: 'shock', regionId: crypto.randomUUID() }), 404);

    const parent = await createTeam(admin, { regionId: w.a.township.id });
    const same = await createTeam(admin, { parentTeamId: parent.id, regionId: w.a.township.id, name: '一分队' });
    const inside = await createTeam(admin, { parentTeamId: parent.id, regionId: w.a.grid.id, name: '二分队' });
    expect(same).toMatchObject({ parentTeamId: parent.id, parentTeamName: parent.name });
    for (const regionId of [w.a.township2.id, w.a.county.id, w.b.grid.id]) {
      const res = await admin.post(`${API}/teams`, { name: uniq('分队'), kind: 'shock', regionId, parentTeamId: parent.id });
      expect(expectError(res, 422, 'VALIDATION').fields).toEqual({ regionId: expect.stringContaining('上级队伍') });
    }
    // Moving a sub-team out of its parent's region, or the parent away from its sub-teams, is refused.
    expect(
      expectError(await admin.patch(`${API}/teams/${inside.id}`, { regionId: w.a.township2.id }), 422).fields,
    ).toHaveProperty('regionId');
    admin.lang = 'en';
    const away = expectError(await admin.patch(`${API}/teams/${parent.id}`, { regionId: w.a.township2.id }), 422);
    admin.lang = 'zh-CN';
    expect(away.fields).toEqual({ regionId: 'Some sub-teams lie outside the new region; move them first' });
    // Widening is fine: the sub-teams stay inside.
    expect((await admin.patch(`${API}/teams/${parent.id}`, { regionId: w.a.county.id })).json()).toMatchObject({
      regionId: w.a.county.id,
      subTeamCount: 2,
    });
    // Re-parenting checks the region against the new parent.
    const other = await createTeam(admin, { regionId: w.a.township2.id });
    expect(expectError(await admin.patch(`${API}/teams/${same.id}`, { parentTeamId: other.id }), 422).fields).toHaveProperty(
      'parentTeamId',
    );
    expect((await admin.patch(`${API}/teams/${same.id}`, { parentTeamId: null })).json()).toMatchObject({
      parentTeamId: null,
      parentTeamName: null,
    });
  });

  it('keeps teams at two levels and refuses cycles', async () => {
    const top = await createTeam(admin, {});
    const sub = await createTeam(admin, { parentTeamId: top.id, regionId: w.a.township.id });
    const deeper = expectError(
      await admin.post(`${API}/teams`, { name: '三级', kind: 'shock', regionId: w.a.township.id, parentTeamId: sub.id }),
      422,
    );
    expect(deeper.fields).toEqual({ parentTeamId: expect.stringContaining('最多两级') });
    expect(expectError(await admin.patch(`${API}/teams/${top.id}`, { parentTeamId: top.id }), 422).fields).toEqual({
      parentTeamId: '不能把队伍设为自己或自己分队的下级',
    });
    expect(expectError(await admin.patch(`${API}/teams/${top.id}`, { parentTeamId: sub.id }), 422).fields).toEqual({
      parentTeamId: '不能把队伍设为自己或自己分队的下级',
    });
    // A team with sub-teams cannot itself become a sub-team.
    const another = await createTeam(admin, {});
    expect(expectError(await admin.patch(`${API}/teams/${top.id}`, { parentTeamId: another.id }), 422).fields).toEqual({
      parentTeamId: expect.stringContaining('最多两级'),
    });
    const got = await detail(admin, top.id);
    expect(got.subTeamCount).toBe(1);
    expect(got.subTeams.map((s) => s.id)).toEqual([sub.id]);
  });

  it('refuses to delete a team with sub-teams or posts', async () => {
    const top = await createTeam(admin, {});
    const sub = await createTeam(admin, { parentTeamId: top.id });
    const e = expectError(await admin.delete(`${API}/teams/${top.id}`), 409, 'TEAM_IN_USE');
    expect(e.message).toBe('该队伍下还有分队 1 个、岗位 0 个，不能删除');
    const holder = await volunteer();
    const post = await admin.post(`${API}/posts`, {
      kind: 'vanguard_post',
      name: '先锋岗',
      volunteerId: holder,
      regionId: w.a.grid.id,
      teamId: sub.id,
      startsOn: '2020-02-01',
    });
    expect(post.statusCode, post.body).toBe(201);
    expectError(await admin.delete(`${API}/teams/${sub.id}`), 409, 'TEAM_IN_USE');
    expect((await admin.delete(`${API}/posts/${post.json().id}`)).statusCode).toBe(200);
    expect((await admin.delete(`${API}/teams/${sub.id}`)).statusCode).toBe(200);
    expect((await admin.delete(`${API}/teams/${top.id}`)).statusCode).toBe(200);
  });

  it('adds, tags, updates and removes members', async () => {
    const chief = await volunteer();
    const team = await createTeam(managerA, { leaderVolunteerId: chief });
    const v = await volunteer({ name: '李四', partyMember: false });
    const added = await addMember(managerA, team.id, { volunteerId: v, roleTags: ['orderly', 'publicist'] });
    expect(added).toEqual({
      volunteerId: v,
      name: '李四',
      mobile: expect.stringContaining('****'),
      partyMember: false,
      status: 'active',
      roleTags: ['publicist', 'orderly'],
      inBranch: false,
      joinedAt: expect.any(String),
    });
    const withdrawn = await volunteer({ status: 'withdrawn' });
    const paused = await volunteer({ status: 'paused' });
    // A volunteer of another county is not visible to this manager: as if missing.
    const foreign = (await t.factory.volunteer({ regionId: w.b.grid.id })).id;
    const before = await snapshot(t.deps);
    expectError(await managerA.post(`${API}/teams/${team.id}/members`, { volunteerId: v }), 409, 'MEMBER_EXISTS');
    expect(expectError(await managerA.post(`${API}/teams/${team.id}/members`, { volunteerId: withdrawn }), 422).fields).toEqual({
      volunteerId: '该志愿者已退出，不能安排',
    });
    expectError(
      await managerA.post(`${API}/teams/${team.id}/members`, { volunteerId: v, roleTags: ['fighter', 'fighter'] }),
      400,
      'VALIDATION',
    );
    expectError(await managerA.post(`${API}/teams/${team.id}/members`, { volunteerId: foreign }), 404, 'NOT_FOUND');
    expectError(await managerA.post(`${API}/teams/${team.id}/members`, { volunteerId: crypto.randomUUID() }), 404);
    expect(await snapshot(t.deps)).toEqual(before);
    await addMember(managerA, team.id, { volunteerId: paused });

    const patched = await managerA.patch(`${API}/teams/${team.id}/members/${v}`, { roleTags: ['gatekeeper', 'fighter'] });
    expect(patched.statusCode, patched.body).toBe(200);
    expect(patched.json()).toMatchObject({ volunteerId: v, roleTags: ['fighter', 'gatekeeper'], inBranch: false });
    expectError(await managerA.patch(`${API}/teams/${team.id}/members/${foreign}`, { roleTags: [] }), 404, 'NOT_FOUND');
    expectError(await managerA.patch(`${API}/teams/${team.id}/members/${v}`, {}), 400, 'VALIDATION');

    const got = await detail(managerA, team.id);
    expect(got.memberCount).toBe(3);
    expect(got.members.map((m) => m.volunteerId)).toEqual([chief, v, paused]);
    expect(got.members.find((m) => m.volunteerId === paused)!.status).toBe('paused');

    expectError(await managerA.delete(`${API}/teams/${team.id}/members/${chief}`), 409, 'MEMBER_IS_LEADER');
    expect((await managerA.delete(`${API}/teams/${team.id}/members/${v}`)).json()).toEqual({ ok: true });
    expectError(await managerA.delete(`${API}/teams/${team.id}/members/${v}`), 404, 'NOT_FOUND');
    expect((await detail(managerA, team.id)).memberCount).toBe(2);

    const actions = (await auditRows(t.deps, { entityId: team.id })).map((a) => a.action);
    expect(actions).toEqual(['team.create', 'team.member.add', 'team.member.add', 'team.member.update', 'team.member.remove']);
    expect((await eventsFor(team.id)).map((e) => e.type)).toEqual([
      'team.created',
      'team.member.added',
      'team.member.added',
      'team.member.updated',
      'team.member.removed',
    ]);
    // Changing the leader keeps the old one as a member and adds the new one.
    const next = await volunteer();
    expect((await managerA.patch(`${API}/teams/${team.id}`, { leaderVolunteerId: next })).json()).toMatchObject({
      leader: { id: next },
      memberCount: 3,
    });
    expect((await managerA.delete(`${API}/teams/${team.id}/members/${chief}`)).statusCode).toBe(200);
  });

  it('runs a temporary party branch: a party-member secretary from the team, party members in it', async () => {
    const secretary = await volunteer({ name: '王书记', partyMember: true });
    const nonParty = await volunteer({ partyMember: false });
    const party = await volunteer({ partyMember: true });
    const team = await createTeam(managerA, {});
    // No branch yet: nobody can be put in it.
    expect(
      expectError(await managerA.post(`${API}/teams/${team.id}/members`, { volunteerId: party, inBranch: true }), 422).fields,
    ).toEqual({ inBranch: '本队尚未成立临时党支部' });
    expect(
      expectError(
        await managerA.put(`${API}/teams/${team.id}/branch`, { name: '临时党支部', secretaryVolunteerId: secretary }),
        422,
      ).fields,
    ).toEqual({ secretaryVolunteerId: '支部书记须为本队成员，请先将其加入本队' });
    await addMember(managerA, team.id, { volunteerId: secretary });
    await addMember(managerA, team.id, { volunteerId: nonParty });
    expect(
      expectError(
        await managerA.put(`${API}/teams/${team.id}/branch`, { name: '临时党支部', secretaryVolunteerId: nonParty }),
        422,
      ).fields,
    ).toEqual({ secretaryVolunteerId: '只有党员才能加入临时党支部' });

    const set = await managerA.put(`${API}/teams/${team.id}/branch`, {
      name: ' 突击队临时党支部 ',
      secretaryVolunteerId: secretary,
    });
    expect(set.statusCode, set.body).toBe(200);
    expect(set.json().branch).toEqual({ name: '突击队临时党支部', secretary: { id: secretary, name: '王书记' }, memberCount: 1 });
    expect((await detail(managerA, team.id)).members.find((m) => m.volunteerId === secretary)!.inBranch).toBe(true);

    const joined = await addMember(managerA, team.id, { volunteerId: party, inBranch: true });
    expect(joined.inBranch).toBe(true);
    expect(
      expectError(await managerA.patch(`${API}/teams/${team.id}/members/${nonParty}`, { inBranch: true }), 422).fields,
    ).toEqual({ inBranch: '只有党员才能加入临时党支部' });
    expect((await detail(managerA, team.id)).branch!.memberCount).toBe(2);
    // The secretary stays in the branch and in the team while secretary.
    expectError(await managerA.patch(`${API}/teams/${team.id}/members/${secretary}`, { inBranch: false }), 422, 'VALIDATION');
    expectError(await managerA.delete(`${API}/teams/${team.id}/members/${secretary}`), 409, 'MEMBER_IS_SECRETARY');
    // Renaming without a secretary keeps the members flagged.
    const renamed = await managerA.put(`${API}/teams/${team.id}/branch`, { name: '第一临时党支部' });
    expect(renamed.json().branch).toEqual({ name: '第一临时党支部', secretary: null, memberCount: 2 });
    expect((await managerA.patch(`${API}/teams/${team.id}/members/${party}`, { inBranch: false })).json().inBranch).toBe(false);

    const removed = await managerA.delete(`${API}/teams/${team.id}/branch`);
    expect(removed.statusCode, removed.body).toBe(200);
    expect(removed.json().branch).toBeNull();
    expect((await detail(managerA, team.id)).members.every((m) => !m.inBranch)).toBe(true);
    // Dissolving again changes nothing.
    expect((await managerA.delete(`${API}/teams/${team.id}/branch`)).json().branch).toBeNull();
    const actions = (await auditRows(t.deps, { entityId: team.id })).map((a) => a.action);
    expect(actions.filter((a) => a.startsWith('team.branch'))).toEqual([
      'team.branch.set',
      'team.branch.set',
      'team.branch.remove',
    ]);
  });

  it('lets a team leader manage the members of their team and its sub-teams only', async () => {
    const mine = await createTeam(admin, { leaderVolunteerId: leaderVolunteer, regionId: w.a.township.id });
    const mySub = await createTeam(admin, { parentTeamId: mine.id, regionId: w.a.community.id });
    const others = await createTeam(admin, { regionId: w.a.township.id });
    const foreign = await createTeam(admin, { leaderVolunteerId: leaderVolunteer, regionId: w.b.township.id });
    const v = await volunteer();

    expect((await detail(leader, mine.id)).ledByMe).toBe(true);
    expect((await detail(leader, mySub.id)).ledByMe).toBe(true);
    expect((await detail(leader, others.id)).ledByMe).toBe(false);
    expect((await detail(admin, mine.id)).ledByMe).toBe(false);

    await addMember(leader, mine.id, { volunteerId: v, roleTags: ['fighter'] });
    await addMember(leader, mySub.id, { volunteerId: v });
    expect((await leader.patch(`${API}/teams/${mySub.id}/members/${v}`, { roleTags: ['gatekeeper'] })).statusCode).toBe(200);
    expect((await leader.delete(`${API}/teams/${mySub.id}/members/${v}`)).statusCode).toBe(200);

    await addMember(admin, others.id, { volunteerId: v });
    expectError(await leader.post(`${API}/teams/${others.id}/members`, { volunteerId: leaderVolunteer }), 403, 'FORBIDDEN');
    expectError(await leader.patch(`${API}/teams/${others.id}/members/${v}`, { roleTags: [] }), 403, 'FORBIDDEN');
    expectError(await leader.delete(`${API}/teams/${others.id}/members/${v}`), 403, 'FORBIDDEN');
    // Another county stays out of sight, even a team they lead there.
    expectError(await leader.post(`${API}/teams/${foreign.id}/members`, { volunteerId: v }), 404, 'NOT_FOUND');
    expectError(await leader.get(`${API}/teams/${foreign.id}`), 404, 'NOT_FOUND');
    // A volunteer outside their area cannot be added, even to their own team.
    const far = (await t.factory.volunteer({ regionId: w.b.grid.id })).id;
    expectError(await leader.post(`${API}/teams/${mine.id}/members`, { volunteerId: far }), 404, 'NOT_FOUND');
    // Team leaders manage members, not teams or branches.
    expectError(await leader.patch(`${API}/teams/${mine.id}`, { name: '改名' }), 403, 'FORBIDDEN');
    expectError(await leader.put(`${API}/teams/${mine.id}/branch`, { name: '支部' }), 403, 'FORBIDDEN');
    expectError(await leader.post(`${API}/teams`, { name: '自建', kind: 'shock', regionId: w.a.grid.id }), 403, 'FORBIDDEN');
  });

  it('keeps a region manager inside their county, foreign looking like missing', async () => {
    const a = await createTeam(managerA, { name: '甲县突击队' });
    const b = await createTeam(managerB, { name: '乙县突击队', regionId: w.b.county.id });
    const names = async (c: Client, query = '') => {
      const res = await c.get(`${API}/teams${query}`);
      expect(res.statusCode, res.body).toBe(200);
      return (res.json() as { items: Team[] }).items.map((x) => x.name);
    };
    expect(await names(managerB)).toContain('乙县突击队');
    expect(await names(managerB)).not.toContain('甲县突击队');
    expect(await names(managerA)).not.toContain('乙县突击队');
    const missing = await managerB.get(`${API}/teams/${crypto.randomUUID()}`);
    const v = await volunteer();
    for (const res of [
      await managerB.get(`${API}/teams/${a.id}`),
      await managerB.patch(`${API}/teams/${a.id}`, { name: '改' }),
      await managerB.delete(`${API}/teams/${a.id}`),
      await managerB.put(`${API}/teams/${a.id}/branch`, { name: '支部' }),
      await managerB.delete(`${API}/teams/${a.id}/branch`),
      await managerB.post(`${API}/teams/${a.id}/members`, { volunteerId: v }),
      await managerB.get(`${API}/teams?regionId=${w.a.county.id}`),
      await managerB.get(`${API}/teams?parentTeamId=${a.id}`),
      await managerB.post(`${API}/teams`, { name: '越界', kind: 'shock', regionId: w.a.township.id }),
      await managerB.post(`${API}/teams`, { name: '越界', kind: 'shock', regionId: w.b.township.id, parentTeamId: a.id }),
      await managerB.patch(`${API}/teams/${b.id}`, { regionId: w.a.township.id }),
    ]) {
      expectError(res, 404, 'NOT_FOUND');
      expect(res.body).toBe(missing.body);
    }
    // Naming a leader they cannot see is refused the same way.
    expectError(await managerB.patch(`${API}/teams/${b.id}`, { leaderVolunteerId: v }), 404, 'NOT_FOUND');
  });

  it('lists teams with region, kind, text, parent and member filters', async () => {
    const township = await t.factory.region({ parent: w.a.county });
    const top = await createTeam(admin, { name: '筛选应急服务队', kind: 'emergency', regionId: township.id });
    const sub1 = await createTeam(admin, { name: '筛选一分队', kind: 'emergency', regionId: township.id, parentTeamId: top.id });
    const sub2 = await createTeam(admin, { name: '筛选二分队', kind: 'work_group', regionId: township.id, parentTeamId: top.id });
    const v = await volunteer();
    await addMember(admin, sub1.id, { volunteerId: v });
    await addMember(admin, top.id, { volunteerId: v });
    const list = async (query: string) => {
      const res = await admin.get(`${API}/teams${query}`);
      expect(res.statusCode, res.body).toBe(200);
      return res.json() as { items: Team[]; total: number };
    };
    const ids = async (query: string) => (await list(query)).items.map((x) => x.id).sort();
    expect(await ids(`?regionId=${township.id}`)).toEqual([top.id, sub1.id, sub2.id].sort());
    expect(await ids(`?regionId=${township.id}&kind=work_group`)).toEqual([sub2.id]);
    expect(await ids(`?q=${encodeURIComponent('筛选一')}`)).toEqual([sub1.id]);
    expect(await ids(`?q=%25`)).toEqual([]);
    expect(await ids(`?parentTeamId=${top.id}`)).toEqual([sub1.id, sub2.id].sort());
    expect(await ids(`?volunteerId=${v}`)).toEqual([top.id, sub1.id].sort());
    const page = await list(`?regionId=${township.id}&limit=2&offset=1`);
    expect(page.items).toHaveLength(2);
    expect(page.total).toBe(3);
    const shown = (await list(`?parentTeamId=${top.id}&q=${encodeURIComponent('一分队')}`)).items[0]!;
    expect(shown).toMatchObject({ parentTeamId: top.id, parentTeamName: '筛选应急服务队', memberCount: 1, subTeamCount: 0 });
    expectError(await admin.get(`${API}/teams?kind=army`), 400, 'VALIDATION');
    expectError(await admin.get(`${API}/teams?limit=501`), 400, 'VALIDATION');
    expectError(await admin.get(`${API}/teams?parentTeamId=${crypto.randomUUID()}`), 404, 'NOT_FOUND');
  });

  it('creates a team and a member once for one Idempotency-Key', async () => {
    const body = { name: uniq('幂等队'), kind: 'shock', regionId: w.a.county.id };
    const first = await admin.post(`${API}/teams`, body, { 'idempotency-key': 'team-once' });
    const again = await admin.post(`${API}/teams`, body, { 'idempotency-key': 'team-once' });
    expect(first.statusCode).toBe(201);
    expect(again.statusCode).toBe(201);
    expect(again.headers['idempotent-replayed']).toBe('true');
    expect(again.json().id).toBe(first.json().id);
    const rows = await t.deps.db.db.selectFrom('teams').select('id').where('name', '=', body.name).execute();
    expect(rows).toHaveLength(1);

    const v = await volunteer();
    const url = `${API}/teams/${first.json().id}/members`;
    const m1 = await admin.post(url, { volunteerId: v }, { 'idempotency-key': 'member-once' });
    const m2 = await admin.post(url, { volunteerId: v }, { 'idempotency-key': 'member-once' });
    expect([m1.statusCode, m2.statusCode]).toEqual([201, 201]);
    expect(m2.json()).toEqual(m1.json());
    expectError(await admin.post(url, { volunteerId: v }), 409, 'MEMBER_EXISTS');
  });

  it('explains invalid fields in the caller’s language', async () => {
    const e = expectError(
      await admin.post(`${API}/teams`, { name: ' ', kind: 'army', regionId: 'x', leaderVolunteerId: 5, extra: true }),
      400,
      'VALIDATION',
    );
    expect(e.fields).toMatchObject({
      name: '不能为空白',
      kind: expect.stringContaining('取值无效'),
      regionId: '格式不正确',
      leaderVolunteerId: expect.any(String),
      extra: '不允许的字段',
    });
    admin.lang = 'en';
    const en = expectError(await admin.patch(`${API}/teams/${crypto.randomUUID()}`, { name: '字'.repeat(61) }), 400);
    const tags = expectError(
      await admin.post(`${API}/teams/${crypto.randomUUID()}/members`, {
        volunteerId: crypto.randomUUID(),
        roleTags: ['fighter', 'fighter'],
      }),
      400,
    );
    admin.lang = 'zh-CN';
    expect(en.fields).toEqual({ name: 'At most 60 characters' });
    expect(tags.fields).toEqual({ roleTags: 'Each role only once' });
  });
});
