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
let holder: string;
let teamA: { id: string; name: string };
let teamB: { id: string; name: string };

beforeAll(async () => {
  t = await createTestApp();
  w = await twoCounties(t.factory);
  await t.factory.account({ login: 'root', grants: [{ role: 'admin', regionId: null }] });
  await t.factory.account({ login: 'manager-a', grants: [{ role: 'region_manager', regionId: w.a.county.id }] });
  await t.factory.account({ login: 'manager-b', grants: [{ role: 'region_manager', regionId: w.b.county.id }] });
  await t.factory.account({ login: 'leader', grants: [{ role: 'team_leader', regionId: w.a.county.id }] });
  admin = await t.signIn('root');
  managerA = await t.signIn('manager-a');
  managerB = await t.signIn('manager-b');
  leader = await t.signIn('leader');
  holder = (await t.factory.volunteer({ regionId: w.a.grid.id, name: '赵先锋' })).id;
  teamA = (await admin.post(`${API}/teams`, { name: '甲县先锋队', kind: 'vanguard', regionId: w.a.county.id })).json();
  teamB = (await admin.post(`${API}/teams`, { name: '乙县先锋队', kind: 'vanguard', regionId: w.b.county.id })).json();
});
afterAll(() => t.close());

interface Post {
  id: string;
  kind: string;
  name: string;
  volunteer: { id: string; name: string };
  regionId: string;
  regionName: string;
  teamId: string | null;
  teamName: string | null;
  checkpointId: string | null;
  description: string | null;
  startsOn: string;
  endsOn: string | null;
}

const post = (body: Record<string, unknown> = {}) => ({
  kind: 'vanguard_post',
  name: '党员先锋岗',
  volunteerId: holder,
  regionId: w.a.community.id,
  startsOn: '2020-02-01',
  ...body,
});

async function createPost(c: Client, body: Record<string, unknown> = {}): Promise<Post> {
  const res = await c.post(`${API}/posts`, post(body));
  expect(res.statusCode, res.body).toBe(201);
  return res.json();
}

describe('posts', () => {
  it('creates, lists, updates and deletes a post, auditing each write and publishing events', async () => {
    const created = await createPost(managerA, {
      name: ' 卡点先锋岗 ',
      teamId: teamA.id,
      description: '老旧小区东门',
      endsOn: '2020-03-01',
    });
    expect(created).toEqual({
      id: expect.any(String),
      kind: 'vanguard_post',
      name: '卡点先锋岗',
      volunteer: { id: holder, name: '赵先锋' },
      regionId: w.a.community.id,
      regionName: w.a.community.name,
      teamId: teamA.id,
      teamName: '甲县先锋队',
      checkpointId: null,
      description: '老旧小区东门',
      startsOn: '2020-02-01',
      endsOn: '2020-03-01',
    });
    const listed = (await managerA.get(`${API}/posts?teamId=${teamA.id}`)).json() as { items: Post[]; total: number };
    expect(listed.items).toContainEqual(created);

    const other = (await t.factory.volunteer({ regionId: w.a.grid.id, name: '钱示范' })).id;
    const patched = await managerA.patch(`${API}/posts/${created.id}`, {
      kind: 'model_post',
      volunteerId: other,
      regionId: w.a.grid.id,
      teamId: null,
      description: null,
      endsOn: null,
    });
    expect(patched.statusCode, patched.body).toBe(200);
    expect(patched.json()).toMatchObject({
      kind: 'model_post',
      volunteer: { id: other, name: '钱示范' },
      regionId: w.a.grid.id,
      regionName: w.a.grid.name,
      teamId: null,
      teamName: null,
      description: null,
      endsOn: null,
    });
    expect((await managerA.delete(`${API}/posts/${created.id}`)).json()).toEqual({ ok: true });
    expectError(await managerA.delete(`${API}/posts/${created.id}`), 404, 'NOT_FOUND');

    expect((await auditRows(t.deps, { entityId: created.id })).map((a) => a.action)).toEqual([
      'post.create',
      'post.update',
      'post.delete',
    ]);
    const events = await t.deps.db.db
      .selectFrom('events')
      .select(['type', 'permission', 'regionPath', 'entityType'])
      .where('entityId', '=', created.id)
      .orderBy('id')
      .execute();
    expect(events.map((e) => e.type)).toEqual(['post.created', 'post.updated', 'post.updated', 'post.deleted']);
    for (const e of events) expect(e).toMatchObject({ permission: 'teams.read', entityType: 'post' });
    expect(events[0]!.regionPath).toBe(w.a.community.path);
    expect(events[3]!.regionPath).toBe(w.a.grid.path);
  });

  it('ends a post no earlier than it starts', async () => {
    const before = await snapshot(t.deps);
    const e = expectError(await managerA.post(`${API}/posts`, post({ startsOn: '2020-02-10', endsOn: '2020-02-09' })), 422);
    expect(e.fields).toEqual({ endsOn: '结束日期不能早于开始日期' });
    expectError(await managerA.post(`${API}/posts`, post({ startsOn: '2020-02-30' })), 400, 'VALIDATION');
    expectError(await managerA.post(`${API}/posts`, post({ startsOn: '2020/02/01' })), 400, 'VALIDATION');
    expect(await snapshot(t.deps)).toEqual(before);
    const oneDay = await createPost(managerA, { startsOn: '2020-02-10', endsOn: '2020-02-10' });
    expect(oneDay.endsOn).toBe('2020-02-10');
    // Moving the start past the end names the start; moving the end before the start names the end.
    managerA.lang = 'en';
    const start = expectError(await managerA.patch(`${API}/posts/${oneDay.id}`, { startsOn: '2020-02-11' }), 422);
    const end = expectError(await managerA.patch(`${API}/posts/${oneDay.id}`, { endsOn: '2020-02-01' }), 422);
    managerA.lang = 'zh-CN';
    expect(start.fields).toEqual({ startsOn: 'The end date cannot be before the start date' });
    expect(end.fields).toEqual({ endsOn: 'The end date cannot be before the start date' });
    expect(
      (await managerA.patch(`${API}/posts/${oneDay.id}`, { startsOn: '2020-02-11', endsOn: null })).json().endsOn,
    ).toBeNull();
  });

  it('needs a holder, region and team the caller may see, and a holder still serving', async () => {
    const foreignHolder = (await t.factory.volunteer({ regionId: w.b.grid.id })).id;
    const withdrawn = (await t.factory.volunteer({ regionId: w.a.grid.id, status: 'withdrawn' })).id;
    const before = await snapshot(t.deps);
    const missing = await managerA.post(`${API}/posts`, post({ volunteerId: crypto.randomUUID() }));
    for (const res of [
      await managerA.post(`${API}/posts`, post({ volunteerId: foreignHolder })),
      await managerA.post(`${API}/posts`, post({ regionId: w.b.community.id })),
      await managerA.post(`${API}/posts`, post({ teamId: teamB.id })),
    ]) {
      expectError(res, 404, 'NOT_FOUND');
      expect(res.body).toBe(missing.body);
    }
    expect(expectError(await managerA.post(`${API}/posts`, post({ volunteerId: withdrawn })), 422).fields).toEqual({
      volunteerId: '该志愿者已退出，不能安排',
    });
    // Team leaders and inspectors read posts; they do not set them.
    expectError(await leader.post(`${API}/posts`, post()), 403, 'FORBIDDEN');
    expect(await snapshot(t.deps)).toEqual(before);

    const mine = await createPost(managerA);
    for (const res of [
      await managerB.patch(`${API}/posts/${mine.id}`, { name: '改' }),
      await managerB.delete(`${API}/posts/${mine.id}`),
      await managerA.patch(`${API}/posts/${mine.id}`, { regionId: w.b.grid.id }),
      await managerA.patch(`${API}/posts/${mine.id}`, { volunteerId: foreignHolder }),
      await managerA.patch(`${API}/posts/${mine.id}`, { teamId: teamB.id }),
    ]) {
      expectError(res, 404, 'NOT_FOUND');
    }
    expectError(await leader.patch(`${API}/posts/${mine.id}`, { name: '改' }), 403, 'FORBIDDEN');
  });

  it('lists posts in the caller’s area with region, kind, volunteer and team filters', async () => {
    const township = await t.factory.region({ parent: w.a.county });
    const community = await t.factory.region({ parent: township });
    const v = (await t.factory.volunteer({ regionId: w.a.grid.id })).id;
    const a = await createPost(admin, { regionId: township.id, kind: 'responsibility_zone', name: '责任区', volunteerId: v });
    const b = await createPost(admin, { regionId: community.id, teamId: teamA.id, startsOn: '2020-02-05' });
    const c = await createPost(admin, { regionId: w.b.community.id, name: '乙县岗', teamId: teamB.id });
    const ids = async (client: Client, query: string) => {
      const res = await client.get(`${API}/posts${query}`);
      expect(res.statusCode, res.body).toBe(200);
      return (res.json() as { items: Post[] }).items.map((p) => p.id);
    };
    // Newest start first.
    expect(await ids(admin, `?regionId=${township.id}`)).toEqual([b.id, a.id]);
    expect(await ids(admin, `?regionId=${township.id}&kind=responsibility_zone`)).toEqual([a.id]);
    expect(await ids(admin, `?volunteerId=${v}`)).toEqual([a.id]);
    expect(await ids(admin, `?teamId=${teamB.id}`)).toEqual([c.id]);
    expect(await ids(leader, `?regionId=${township.id}`)).toEqual([b.id, a.id]);
    expect(await ids(managerB, '')).toContain(c.id);
    expect(await ids(managerB, '')).not.toContain(a.id);
    expect(await ids(managerA, '')).not.toContain(c.id);
    expectError(await managerB.get(`${API}/posts?regionId=${township.id}`), 404, 'NOT_FOUND');
    const page = (await admin.get(`${API}/posts?regionId=${township.id}&limit=1&offset=1`)).json();
    expect(page).toMatchObject({ items: [{ id: a.id }], total: 2 });
    expectError(await admin.get(`${API}/posts?kind=guard`), 400, 'VALIDATION');
  });

  it('creates a post once for one Idempotency-Key', async () => {
    const body = post({ name: '幂等岗' });
    const first = await managerA.post(`${API}/posts`, body, { 'idempotency-key': 'post-once' });
    const again = await managerA.post(`${API}/posts`, body, { 'idempotency-key': 'post-once' });
    expect([first.statusCode, again.statusCode]).toEqual([201, 201]);
    expect(again.headers['idempotent-replayed']).toBe('true');
    expect(again.json().id).toBe(first.json().id);
    expect(await t.deps.db.db.selectFrom('posts').select('id').where('name', '=', '幂等岗').execute()).toHaveLength(1);
  });
});
