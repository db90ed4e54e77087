import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { PLEDGE_STATUSES, TEAM_KINDS, POST_KINDS } from '../../common/enums.ts';
import { createTestApp, type TestApp } from '../../test/app.ts';
import { API } from '../../test/requests.ts';
import { DEMO_PASSWORD, loadDemoCity } from './demo-city.ts';
import { loadDemoVolunteers, type DemoVolunteersSummary } from './demo-volunteers.ts';

let t: TestApp;
let summary: DemoVolunteersSummary | null;
beforeAll(async () => {
  t = await createTestApp();
  await loadDemoCity(t.deps);
  summary = await t.deps.db.withoutSync(() => loadDemoVolunteers(t.deps));
}, 180_000);
afterAll(() => t.close());

describe('demo volunteers', () => {
  it('loads about 500 volunteers once, through the real services', async () => {
    expect(summary!.volunteers).toBeGreaterThan(450);
    expect(summary!.volunteers).toBeLessThan(600);
    expect(await loadDemoVolunteers(t.deps)).toBeNull();
    const actions = await t.deps.db.db
      .selectFrom('auditLog')
      .select('action')
      .where('action', 'in', ['pledge.submit', 'pledge.approve', 'team.create'])
      .execute();
    expect(actions.length).toBeGreaterThan(1000);
  });

  it('has pledges in every state, teams of every kind with sub-teams and branches, and posts of every kind', async () => {
    const commander = await t.signIn('commander', DEMO_PASSWORD);
    for (const status of PLEDGE_STATUSES) {
      expect((await commander.get(`${API}/pledges?status=${status}&limit=1`)).json().total, status).toBeGreaterThan(0);
    }
    const teams = (await commander.get(`${API}/teams?limit=500`)).json().items as {
      kind: string;
      parentTeamId: string | null;
      branch: unknown;
      memberCount: number;
    }[];
    for (const kind of TEAM_KINDS) expect(teams.filter((x) => x.kind === kind).length, kind).toBeGreaterThan(0);
    expect(teams.some((x) => x.parentTeamId !== null)).toBe(true);
    expect(teams.filter((x) => x.branch !== null).length).toBeGreaterThan(5);
    expect(teams.every((x) => x.memberCount > 0)).toBe(true);
    const posts = (await commander.get(`${API}/posts?limit=500`)).json().items as { kind: string }[];
    for (const kind of POST_KINDS) expect(posts.filter((p) => p.kind === kind).length, kind).toBeGreaterThan(0);
  });

  it('the demo team leader leads 雪松社区’s team and the demo volunteer is in it', async () => {
    const leader = await t.signIn('leader', DEMO_PASSWORD);
    const teams = (await leader.get(`${API}/teams`)).json().items as { name: string; ledByMe: boolean; id: string }[];
    const own = teams.find((x) => x.ledByMe);
    expect(own?.name).toBe('雪松社区志愿服务队');
    const detail = (await leader.get(`${API}/teams/${own!.id}`)).json();
    expect(detail.members.map((m: { name: string }) => m.name)).toContain('孙丽');
  });

  it('masks personal data in the registry for a county manager', async () => {
    const yicheng = await t.signIn('yicheng', DEMO_PASSWORD);
    const list = (await yicheng.get(`${API}/volunteers?limit=5`)).json();
    expect(list.total).toBeGreaterThan(300);
    for (const v of list.items) {
      expect(v.mobile).toMatch(/^\d{3}\*{4}\d{4}$/);
      expect(v.idNumber).toMatch(/^\d{6}\*{8}[\dX]{4}$/);
    }
  });
});
