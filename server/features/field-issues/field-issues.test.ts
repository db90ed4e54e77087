import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createTestApp, type Client, type TestApp } from '../../../test/app.ts';
import { twoCounties, type TwoCounties } from '../../../test/fixtures.ts';
import { API, auditRows, expectError, snapshot } from '../../../test/requests.ts';
import { calendarDate } from '../../platform/dates.ts';
import { nowIso } from '../../platform/db/ids.ts';
import { accountsService } from '../accounts/accounts.service.ts';
import { checkpointsService } from '../checkpoints/checkpoints.service.ts';
import { attendanceService } from '../duty/attendance.service.ts';
import { assign, inMinutes, makeCheckpoint, makeRoster, makeShift } from '../duty/duty.test-helpers.ts';
import { inspectionGroupsService } from '../inspections/inspection-groups.service.ts';
import { inspectionsService } from '../inspections/inspections.service.ts';
import { regionsService } from '../regions/regions.service.ts';
import { teamsService } from '../teams/teams.service.ts';
import { unitsService } from '../units/units.service.ts';
import { volunteersService } from '../volunteers/volunteers.service.ts';
import type { Static } from 'typebox';
import type { FieldIssueDetail, FieldIssueList } from './field-issues.schemas.ts';
import { fieldIssuesService, type FieldIssuesService } from './field-issues.service.ts';
import { makeInspection } from './field-issues.test-helpers.ts';

let t: TestApp;
let w: TwoCounties;
let service: FieldIssuesService;

type IssueList = Static<typeof FieldIssueList>;

const HOUR = 3_600_000;
const DAY = 24 * HOUR;
const db = () => t.deps.db.db;

type Person = { id: string; client: Client };
/** Who plays a part, each signed in: community, township, county and city staff of county A, inspectors, a volunteer, county B staff. */
const p = {} as Record<'comm' | 'town' | 'town2' | 'county' | 'city' | 'insp' | 'insp2' | 'vol' | 'other', Person>;
let volunteerId: string;
let cp: { id: string; name: string };

async function person(login: string, name: string, role: 'region_manager' | 'inspector' | 'volunteer', regionId: string) {
  const account = await t.factory.account({ login, name, grants: [{ role, regionId }] });
  return { id: account.id, client: await t.signIn(login) };
}

const inHours = (h: number) => nowIso(new Date(Date.now() + h * HOUR));
/** The account's notifications of a kind, about one issue when given. */
const inbox = (accountId: string, kind: string, issueId?: string) => {
  let q = db().selectFrom('notifications').selectAll().where('accountId', '=', accountId).where('kind', '=', kind);
  if (issueId) q = q.where('link', '=', `/field-issues/${issueId}`);
  return q.execute();
};
const stored = (id: string) => db().selectFrom('fieldIssues').selectAll().where('id', '=', id).executeTakeFirstOrThrow();

async function raise(client: Client, body: Record<string, unknown>, headers?: Record<string, string>): Promise<FieldIssueDetail> {
  const res = await client.post(
    `${API}/field-issues`,
    { category: 'supplies_shortage', title: '口罩不足', regionId: w.a.grid.id, ...body },
    headers,
  );
  expect(res.statusCode, res.body).toBe(201);
  return res.json() as FieldIssueDetail;
}

async function ok(res: Awaited<ReturnType<Client['post']>>): Promise<FieldIssueDetail> {
  expect(res.statusCode, res.body).toBe(200);
  return res.json() as FieldIssueDetail;
}

beforeAll(async () => {
  t = await createTestApp();
  w = await twoCounties(t.factory);
  p.comm = await person('fi-comm', '社区刘主任', 'region_manager', w.a.community.id);
  p.town = await person('fi-town', '镇周书记', 'region_manager', w.a.township.id);
  p.town2 = await person('fi-town2', '邻镇吴主任', 'region_manager', w.a.township2.id);
  p.county = await person('fi-county', '县郑科长', 'region_manager', w.a.county.id);
  p.city = await person('fi-city', '市王处长', 'region_manager', w.city.id);
  p.insp = await person('fi-insp', '督查孙组长', 'inspector', w.a.county.id);
  p.insp2 = await person('fi-insp2', '督查钱干事', 'inspector', w.a.county.id);
  p.vol = await person('fi-vol', '志愿者李秀英', 'volunteer', w.a.grid.id);
  p.other = await person('fi-other', '外县赵主任', 'region_manager', w.b.county.id);
  volunteerId = (await t.factory.volunteer({ regionId: w.a.grid.id, accountId: p.vol.id, name: '志愿者李秀英' })).id;
  cp = await makeCheckpoint(db(), { regionId: w.a.grid.id });

  const regions = regionsService(t.deps);
  const units = unitsService(t.deps, regions);
  const accounts = accountsService(t.deps, regions);
  const volunteers = volunteersService(t.deps, { regions, units });
  const teams = teamsService(t.deps, { regions, volunteers });
  const checkpoints = checkpointsService(t.deps, { regions, teams });
  const attendance = attendanceService(t.deps, { regions, volunteers, teams, checkpoints });
  const groups = inspectionGroupsService(t.deps, { regions, accounts });
  const inspections = inspectionsService(t.deps, { regions, volunteers, teams, checkpoints, attendance, groups });
  service = fieldIssuesService(t.deps, { regions, units, accounts, checkpoints, attendance, inspections });
  // Nine sign-ins hash nine passwords: slow on a busy machine.
}, 60_000);
afterAll(() => t.close());

describe('raising an issue', () => {
  it('from the inspector’s own visit at a checkpoint: owned by the community, due in a day, its staff told', async () => {
    const visit = await makeInspection(db(), { checkpointId: cp.id, regionId: w.a.grid.id, accountId: p.insp.id });
    const issue = await raise(p.insp.client, {
      title: '口罩只剩两包',
      description: '值守的张建国反映口罩不够',
      checkpointId: cp.id,
      inspectionId: visit,
      regionId: undefined,
    });
    const today = calendarDate('Asia/Shanghai').replaceAll('-', '');
    expect(issue.ref).toMatch(new RegExp(`^WT${today}-\\d{3}$`));
    expect(issue).toMatchObject({
      regionId: w.a.grid.id,
      checkpoint: { id: cp.id, name: cp.name },
      inspectionId: visit,
      raisedBy: { accountId: p.insp.id, name: '督查孙组长' },
      ownerRegion: { id: w.a.community.id },
      currentRegion: { id: w.a.community.id },
      status: 'open',
      overdue: false,
      escalationLevel: 0,
      can: { comment: true, start: false, resolve: false, verify: false, edit: false },
    });
    expect(Math.abs(Date.parse(issue.deadline) - Date.now() - DAY)).toBeLessThan(60_000);
    expect(issue.events).toEqual([
      expect.objectContaining({ kind: 'created', toStatus: 'open', by: { accountId: p.insp.id, name: '督查孙组长' } }),
    ]);

    const [note] = await inbox(p.comm.id, 'notify.fieldIssues.raised');
    expect(note).toMatchObject({ link: `/field-issues/${issue.id}` });
    expect(JSON.parse(note!.params)).toMatchObject({ ref: issue.ref, place: cp.name });
    const [audit] = await auditRows(t.deps, { action: 'fieldIssue.create', entityId: issue.id });
    expect(audit!.detail).not.toContain('张建国');
    expect(audit!.detail).not.toContain('口罩');
    const live = await db().selectFrom('events').selectAll().where('entityId', '=', issue.id).execute();
    expect(live).toEqual([expect.objectContaining({ type: 'fieldIssue.changed', permission: 'fieldIssues.read' })]);

    const seen = await ok(await p.comm.client.get(`${API}/field-issues/${issue.id}`));
    expect(seen.can).toEqual({ comment: true, start: true, resolve: true, verify: false, edit: true });
    const fromVisit = (await p.insp.client.get(`${API}/field-issues?inspectionId=${visit}`)).json() as IssueList;
    expect(fromVisit.items.map((i) => i.id)).toEqual([issue.id]);
  });

  it('refuses a wrong visit, owner, unit, deadline or a missing place, in the caller’s language, writing nothing', async () => {
    const foreignVisit = await makeInspection(db(), { checkpointId: cp.id, regionId: w.a.grid.id, accountId: p.insp2.id });
    const elsewhere = await makeCheckpoint(db(), { regionId: w.a.grid.id });
    const visitElsewhere = await makeInspection(db(), {
      checkpointId: elsewhere.id,
      regionId: w.a.grid.id,
      accountId: p.insp.id,
    });
    const before = await snapshot(t.deps);
    const post = (body: Record<string, unknown>) =>
      p.insp.client.post(`${API}/field-issues`, { category: 'facility', title: '路灯坏了', ...body });

    let e = expectError(await post({ checkpointId: cp.id, inspectionId: foreignVisit }), 422, 'VALIDATION');
    expect(e.fields).toEqual({ inspectionId: '只能关联您本人的督查记录' });
    e = expectError(await post({ checkpointId: cp.id, inspectionId: visitElsewhere }), 422);
    expect(e.fields).toEqual({ inspectionId: '该督查记录不是在这个卡点' });
    e = expectError(await post({ regionId: w.a.grid.id, ownerRegionId: w.a.township2.id }), 422);
    expect(e.fields).toEqual({ ownerRegionId: '责任区划应为问题所在地或其上级区划' });
    e = expectError(await post({ regionId: w.a.grid.id, ownerUnitId: '01900000-0000-7000-8000-000000000000' }), 422);
    expect(Object.keys(e.fields!)).toEqual(['ownerUnitId']);
    for (const deadline of [inHours(-1), inHours(31 * 24), '2016-12-31T23:59:60Z']) {
      e = expectError(await post({ regionId: w.a.grid.id, deadline }), 422);
      expect(e.fields).toEqual({ deadline: '办理期限应晚于现在，且不超过 30 天' });
    }
    e = expectError(await post({}), 422);
    expect(e.fields).toEqual({ regionId: '请选择问题所在的卡点或区划' });
    p.insp.client.lang = 'en';
    e = expectError(await post({ regionId: w.a.grid.id, ownerRegionId: w.b.county.id, deadline: inHours(-2) }), 422);
    expect(e.fields).toEqual({
      ownerRegionId: 'The owner region must be the place of the issue or a region above it',
      deadline: 'The deadline must be in the future and at most 30 days ahead',
    });
    p.insp.client.lang = 'zh-CN';
    expect(await snapshot(t.deps)).toEqual(before);
  });

  it('takes an owner above the place and an owner unit, and numbers a day’s refs in turn', async () => {
    const unit = await t.factory.unit({ regionId: w.city.id, name: '市卫健委' });
    const first = await raise(p.vol.client, { ownerRegionId: w.a.county.id, ownerUnitId: unit.id, deadline: inHours(48) });
    expect(first).toMatchObject({ ownerRegion: { id: w.a.county.id }, ownerUnit: { id: unit.id, name: '市卫健委' } });
    expect(Math.abs(Date.parse(first.deadline) - Date.now() - 2 * DAY)).toBeLessThan(60_000);
    const second = await raise(p.insp.client, { regionId: w.a.township.id });
    expect(second.ownerRegion.id).toBe(w.a.township.id);
    const n = (ref: string) => Number(ref.split('-')[1]);
    expect(n(second.ref)).toBe(n(first.ref) + 1);
    // Raised at the same moment, each still gets a ref of its own.
    const together = await Promise.all([1, 2, 3].map((i) => raise(p.insp.client, { title: `同时报告${i}` })));
    expect(new Set(together.map((x) => x.ref)).size).toBe(3);
  });

  it('at a checkpoint outside the caller’s area only while on duty there', async () => {
    const far = await makeCheckpoint(db(), { regionId: w.b.grid.id });
    expectError(
      await p.vol.client.post(`${API}/field-issues`, { category: 'facility', title: '门岗无人', checkpointId: far.id }),
      404,
    );
    expectError(
      await p.vol.client.post(`${API}/field-issues`, { category: 'facility', title: '门岗无人', regionId: w.b.grid.id }),
      404,
    );
    const rosterId = await makeRoster(db(), { regionId: w.b.county.id });
    const shiftId = await makeShift(db(), { rosterId, checkpointId: far.id, startsAt: inMinutes(-30), endsAt: inMinutes(90) });
    await assign(db(), { rosterId, shiftId, volunteerId, checkedInAt: inMinutes(-25) });
    const issue = await raise(p.vol.client, { title: '门岗无人', checkpointId: far.id, regionId: undefined });
    expect(issue).toMatchObject({ regionId: w.b.grid.id, ownerRegion: { id: w.b.community.id } });
    // The raiser follows it; staff of county A never see county B's issue.
    await ok(await p.vol.client.get(`${API}/field-issues/${issue.id}`));
    expectError(await p.county.client.get(`${API}/field-issues/${issue.id}`), 404);
  });

  it('once for a retried request with the same Idempotency-Key', async () => {
    const key = { 'idempotency-key': 'fi-retry-1' };
    const a = await p.vol.client.post(
      `${API}/field-issues`,
      { category: 'other', title: '重复提交测试', regionId: w.a.grid.id },
      key,
    );
    const b = await p.vol.client.post(
      `${API}/field-issues`,
      { category: 'other', title: '重复提交测试', regionId: w.a.grid.id },
      key,
    );
    expect(a.statusCode).toBe(201);
    expect(b.statusCode).toBe(201);
    expect(b.json().id).toBe(a.json().id);
    const rows = await db().selectFrom('fieldIssues').select('id').where('title', '=', '重复提交测试').execute();
    expect(rows).toHaveLength(1);
  });
});

describe('the ledger list', () => {
  it('shows staff their area, a volunteer what they raised, and counts by status', async () => {
    const mine = await raise(p.vol.client, { title: '独居老人缺药' });
    const theirs = await raise(p.insp.client, { title: '消毒液不足', category: 'registration' });
    const list = async (c: Client, q: string) => (await c.get(`${API}/field-issues?${q}`)).json() as IssueList;

    const vol = await list(p.vol.client, 'limit=200');
    expect(vol.items.map((i) => i.id)).toContain(mine.id);
    expect(vol.items.map((i) => i.id)).not.toContain(theirs.id);
    expectError(await p.vol.client.get(`${API}/field-issues/${theirs.id}`), 404);
    expect((await list(p.vol.client, 'mine=raised&limit=200')).items.every((i) => i.raisedBy.accountId === p.vol.id)).toBe(true);

    const county = await list(p.insp.client, `regionId=${w.a.county.id}&limit=200`);
    expect(county.items.map((i) => i.id)).toEqual(expect.arrayContaining([mine.id, theirs.id]));
    expect(county.counts.open).toBe(county.items.filter((i) => i.status === 'open').length);
    const open = await list(p.insp.client, `regionId=${w.a.county.id}&status=open&limit=200`);
    expect(open.total).toBe(county.counts.open);
    expect((await list(p.insp.client, 'category=registration')).items.map((i) => i.id)).toEqual([theirs.id]);
    expect((await list(p.insp.client, `q=${encodeURIComponent(theirs.ref)}`)).items.map((i) => i.id)).toEqual([theirs.id]);

    expect((await list(p.other.client, 'limit=200')).items.map((i) => i.id)).not.toContain(mine.id);
    expectError(await p.other.client.get(`${API}/field-issues?regionId=${w.a.county.id}`), 404);

    const owned = await list(p.comm.client, 'mine=owned&limit=200');
    expect(owned.items.map((i) => i.id)).toEqual(expect.arrayContaining([mine.id, theirs.id]));
    expect(owned.items.every((i) => i.can.resolve || i.status === 'resolved' || i.status === 'verified')).toBe(true);
    expect((await list(p.town2.client, 'mine=owned&limit=200')).items).toEqual([]);
  });
});

describe('open → in progress → resolved → verified', () => {
  it('runs the whole way, with the rules at each step', async () => {
    const issue = await raise(p.vol.client, { title: '卡点帐篷漏雨', category: 'facility' });
    const to = (c: Client, body: Record<string, unknown>) => c.post(`${API}/field-issues/${issue.id}/status`, body);
    const verify = (c: Client, body: Record<string, unknown>) => c.post(`${API}/field-issues/${issue.id}/verify`, body);

    expectError(await to(p.insp.client, { to: 'in_progress' }), 403);
    expectError(await to(p.town2.client, { to: 'in_progress' }), 404);
    expect((await ok(await to(p.comm.client, { to: 'in_progress' }))).status).toBe('in_progress');
    let e = expectError(await to(p.comm.client, { to: 'in_progress' }), 409, 'FIELD_ISSUE_STATE');
    expect(e.message).toBe('问题当前为“处理中”，不能改为“处理中”');
    p.comm.client.lang = 'en';
    expect(expectError(await to(p.comm.client, { to: 'in_progress' }), 409).message).toBe(
      'This issue is “In progress”; it cannot become “In progress”',
    );
    p.comm.client.lang = 'zh-CN';
    e = expectError(await to(p.comm.client, { to: 'resolved' }), 422);
    expect(e.fields).toEqual({ note: '请填写处理结果' });
    expectError(await verify(p.vol.client, { accepted: true }), 409, 'FIELD_ISSUE_STATE');

    const resolved = await ok(await to(p.comm.client, { to: 'resolved', note: '已更换新帐篷' }));
    expect(resolved).toMatchObject({ status: 'resolved', resolution: '已更换新帐篷', resolvedBy: { accountId: p.comm.id } });
    expect(await inbox(p.vol.id, 'notify.fieldIssues.resolved', issue.id)).toHaveLength(1);
    expect((await ok(await p.vol.client.get(`${API}/field-issues/${issue.id}`))).can.verify).toBe(true);
    e = expectError(await verify(p.comm.client, { accepted: true }), 403, 'FIELD_ISSUE_OWN_RESOLUTION');
    expect(e.message).toContain('不能核实自己解决的问题');
    expectError(await to(p.comm.client, { to: 'resolved', note: '再次' }), 409, 'FIELD_ISSUE_STATE');
    expectError(await verify(p.other.client, { accepted: true }), 404);

    e = expectError(await verify(p.vol.client, { accepted: false }), 422);
    expect(e.fields).toEqual({ note: '请说明仍未解决的情况' });
    const back = await ok(await verify(p.vol.client, { accepted: false, note: '仍在漏雨' }));
    expect(back).toMatchObject({ status: 'in_progress', resolution: null, resolvedBy: null });
    expect(await inbox(p.comm.id, 'notify.fieldIssues.reopened', issue.id)).toHaveLength(1);

    await ok(await to(p.town.client, { to: 'resolved', note: '镇里派人加固' }));
    const done = await ok(await verify(p.insp.client, { accepted: true, note: '现场查看已不漏' }));
    expect(done).toMatchObject({ status: 'verified', verifiedBy: { accountId: p.insp.id }, can: { verify: false, edit: false } });
    expect(done.events.map((x) => [x.kind, x.fromStatus, x.toStatus])).toEqual([
      ['created', null, 'open'],
      ['status', 'open', 'in_progress'],
      ['status', 'in_progress', 'resolved'],
      ['status', 'resolved', 'in_progress'],
      ['status', 'in_progress', 'resolved'],
      ['status', 'resolved', 'verified'],
    ]);
    expect(done.events[3]).toMatchObject({ body: '仍在漏雨', by: { accountId: p.vol.id } });

    expectError(await p.comm.client.patch(`${API}/field-issues/${issue.id}`, { title: '改' }), 409, 'FIELD_ISSUE_CLOSED');
    expectError(await to(p.comm.client, { to: 'in_progress' }), 409, 'FIELD_ISSUE_STATE');
    const commented = await ok(await p.vol.client.post(`${API}/field-issues/${issue.id}/comments`, { body: '谢谢' }));
    expect(commented.events.at(-1)).toMatchObject({ kind: 'comment', body: '谢谢', by: { accountId: p.vol.id } });
    expect(await auditRows(t.deps, { action: 'fieldIssue.verify', entityId: issue.id })).toHaveLength(2);
  });
});

describe('editing', () => {
  it('hands an issue up with a new deadline, says what changed in the reader’s language, and tells the new owner', async () => {
    const issue = await raise(p.vol.client, { title: '缺少测温枪', category: 'supplies_shortage' });
    const deadline = inHours(72);
    expectError(await p.comm.client.patch(`${API}/field-issues/${issue.id}`, { ownerRegionId: w.a.township2.id }), 422);
    const edited = await ok(
      await p.comm.client.patch(`${API}/field-issues/${issue.id}`, {
        ownerRegionId: w.a.township.id,
        deadline,
        category: 'facility',
        description: '需要两支',
      }),
    );
    expect(edited).toMatchObject({ ownerRegion: { id: w.a.township.id }, category: 'facility', description: '需要两支' });
    expect(edited.deadline).toBe(new Date(deadline).toISOString());
    // The community no longer handles it, but still sees it (the place is theirs).
    expect(edited.can).toMatchObject({ start: false, resolve: false, edit: false });
    const body = edited.events.at(-1)!;
    expect(body).toMatchObject({ kind: 'edited', by: { accountId: p.comm.id } });
    expect(body.body).toContain('类别：物资短缺 → 设施问题');
    expect(body.body).toContain('责任区划：');
    expect(body.body).toContain('办理期限：');
    expect(body.body).toContain('修改了问题描述');
    p.insp.client.lang = 'en';
    const en = await ok(await p.insp.client.get(`${API}/field-issues/${issue.id}`));
    expect(en.events.at(-1)!.body).toContain('Category: Supplies short → Facility');
    p.insp.client.lang = 'zh-CN';
    expect(await inbox(p.town.id, 'notify.fieldIssues.assigned', issue.id)).toHaveLength(1);
    expectError(await p.comm.client.patch(`${API}/field-issues/${issue.id}`, { title: '改标题' }), 403);
    const [audit] = await auditRows(t.deps, { action: 'fieldIssue.update', entityId: issue.id });
    expect(JSON.parse(audit!.detail!)).toMatchObject({ fields: ['category', 'description', 'ownerRegion', 'deadline'] });
    expect(audit!.detail).not.toContain('两支');
  });
});

describe('escalation job', () => {
  it('climbs a level a day past the deadline up to the root, once per level, and a later deadline takes it back', async () => {
    const issue = await raise(p.vol.client, { title: '垃圾清运不及时', deadline: inHours(1) });
    const due = Date.parse(issue.deadline);
    const at = (ms: number) => nowIso(new Date(due + ms));
    const events = async () =>
      (
        await db()
          .selectFrom('fieldIssueEvents')
          .selectAll()
          .where('issueId', '=', issue.id)
          .where('kind', '=', 'escalated')
          .execute()
      ).length;

    await service.escalate(at(-60_000));
    expect((await stored(issue.id)).escalationLevel).toBe(0);

    // Two instances running the same slot escalate once.
    await Promise.all([service.escalate(at(60_000)), service.escalate(at(60_000))]);
    expect(await stored(issue.id)).toMatchObject({ escalationLevel: 1, escalatedRegionId: w.a.township.id });
    expect(await events()).toBe(1);
    expect(await inbox(p.town.id, 'notify.fieldIssues.escalated', issue.id)).toHaveLength(1);
    const seen = await ok(await p.town.client.get(`${API}/field-issues/${issue.id}`));
    expect(seen).toMatchObject({ currentRegion: { id: w.a.township.id }, escalationLevel: 1 });
    expect(seen.events.at(-1)).toMatchObject({ kind: 'escalated', by: null });
    expect(seen.events.at(-1)!.body).toContain(w.a.township.name);

    await service.escalate(at(DAY - 60_000));
    expect(await events()).toBe(1);
    await service.escalate(at(DAY + 60_000));
    expect(await stored(issue.id)).toMatchObject({ escalationLevel: 2, escalatedRegionId: w.a.county.id });
    expect(await inbox(p.county.id, 'notify.fieldIssues.escalated', issue.id)).toHaveLength(1);
    await service.escalate(at(10 * DAY));
    expect(await stored(issue.id)).toMatchObject({ escalationLevel: 3, escalatedRegionId: w.city.id });
    expect(await inbox(p.city.id, 'notify.fieldIssues.escalated', issue.id)).toHaveLength(1);
    await service.escalate(at(20 * DAY));
    expect(await events()).toBe(3);

    const later = await ok(await p.comm.client.patch(`${API}/field-issues/${issue.id}`, { deadline: inHours(5) }));
    expect(later).toMatchObject({ escalationLevel: 0, currentRegion: { id: w.a.community.id } });
    expect(later.events.at(-1)!.body).toContain('升级撤回');
    const [audit] = await auditRows(t.deps, { action: 'fieldIssue.escalate', entityId: issue.id });
    expect(audit).toMatchObject({ actorId: null });
  });

  it('leaves resolved issues where they are', async () => {
    const issue = await raise(p.vol.client, { title: '已处理的问题', deadline: inHours(1) });
    await ok(await p.comm.client.post(`${API}/field-issues/${issue.id}/status`, { to: 'resolved', note: '已处理' }));
    await service.escalate(nowIso(new Date(Date.now() + 5 * DAY)));
    expect(await stored(issue.id)).toMatchObject({ escalationLevel: 0, escalatedRegionId: null });
  });
});

describe('public summary', () => {
  it('prints counts and outcomes by category and township, and nothing personal', async () => {
    const town = await t.factory.region({ parent: w.a.county, name: '<b>新安镇</b>' });
    const issue = await raise(p.insp.client, {
      title: '王小明家缺粮',
      description: '联系电话 13912345678',
      regionId: town.id,
      category: 'resident_difficulty',
    });
    await ok(await p.county.client.post(`${API}/field-issues/${issue.id}/status`, { to: 'resolved', note: '已送米面' }));
    const res = await p.county.client.get(`${API}/field-issues/summary?regionId=${w.a.county.id}`);
    expect(res.statusCode, res.body).toBe(200);
    expect(res.headers['content-type']).toContain('text/html');
    expect(res.headers['content-security-policy']).toContain("default-src 'none'");
    const html = res.body;
    expect(html).toContain(`${w.a.county.name}问题台账办理情况`);
    expect(html).toContain('群众困难');
    expect(html).toContain('&lt;b&gt;新安镇&lt;/b&gt;');
    expect(html).not.toContain('<b>新安镇');
    for (const secret of [
      '王小明',
      '13912345678',
      '已送米面',
      '口罩',
      '志愿者李秀英',
      '县郑科长',
      'fi-vol',
      issue.ref,
      p.vol.id,
    ]) {
      expect(html, secret).not.toContain(secret);
    }
    p.county.client.lang = 'en';
    const en = await p.county.client.get(`${API}/field-issues/summary?regionId=${w.a.county.id}`);
    expect(en.body).toContain('Issue ledger: outcomes in');
    expect(en.body).toContain('Resident in difficulty');
    p.county.client.lang = 'zh-CN';
  });

  it('checks the region and the period', async () => {
    expectError(await p.other.client.get(`${API}/field-issues/summary?regionId=${w.a.county.id}`), 404);
    expectError(await p.vol.client.get(`${API}/field-issues/summary?regionId=${w.a.county.id}`), 403);
    let e = expectError(
      await p.county.client.get(`${API}/field-issues/summary?regionId=${w.a.county.id}&from=2026-12-10&to=2026-12-01`),
      422,
    );
    expect(e.fields).toEqual({ to: '结束日期不能早于开始日期' });
    e = expectError(
      await p.county.client.get(`${API}/field-issues/summary?regionId=${w.a.county.id}&from=2025-01-01&to=2026-12-01`),
      422,
    );
    expect(e.fields).toEqual({ to: '统计期间最长 366 天' });
    e = expectError(
      await p.county.client.get(`${API}/field-issues/summary?regionId=${w.a.county.id}&from=9999-12-01&to=9999-12-31`),
      422,
    );
    expect(e.fields).toEqual({ to: '不能晚于今天' });
    const empty = await p.county.client.get(
      `${API}/field-issues/summary?regionId=${w.a.county.id}&from=2020-01-01&to=2020-01-31`,
    );
    expect(empty.body).toContain('统计期间内没有问题记录');
  });
});
