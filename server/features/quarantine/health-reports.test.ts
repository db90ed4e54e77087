import { afterAll, beforeAll, beforeEach, describe, expect, it, vi } from 'vitest';
import { createTestApp, type Client, type TestApp } from '../../../test/app.ts';
import { twoCounties, type TwoCounties } from '../../../test/fixtures.ts';
import { API, auditRows, expectError, snapshot } from '../../../test/requests.ts';
import { addDays } from '../../platform/dates.ts';
import { accountsService } from '../accounts/accounts.service.ts';
import { regionsService } from '../regions/regions.service.ts';
import { alertsService } from './alerts.service.ts';
import { insertCase, insertToken } from './health-reports.matrix.ts';
import { healthReportsService } from './health-reports.service.ts';
import { residentTokensService } from './resident-tokens.service.ts';

let t: TestApp;
let w: TwoCounties;
let manager: Client;
let doctor: Client;
let doctorId: string;
let workerId: string;

const db = () => t.deps.db.db;
/** 2026-03-10 at a local (Asia/Shanghai, UTC+8) time. */
const DAY = '2026-03-10';
const at = (date: string, time: string) => new Date(`${date}T${time}:00+08:00`);
const setNow = (date: string, time: string) => vi.setSystemTime(at(date, time));
const anon = () => t.anonymous();
const reading = (temperature = 36.6, more: Record<string, unknown> = {}) => ({
  temperature,
  symptoms: [],
  feeling: 'good',
  ...more,
});

/** A case of the grid in county A, its doctor and grid worker named, with a live link. */
async function linkedCase(o: { daysAgo?: number } = {}) {
  const caseId = await insertCase(db(), {
    regionId: w.a.grid.id,
    daysAgo: o.daysAgo ?? 3,
    medicalObserverId: doctorId,
    gridWorkerId: workerId,
  });
  return { caseId, token: await insertToken(db(), caseId) };
}

beforeAll(async () => {
  vi.useFakeTimers({ toFake: ['Date'] });
  setNow(DAY, '08:00');
  t = await createTestApp();
  w = await twoCounties(t.factory);
  doctorId = (await t.factory.account({ login: 'hr-doctor', grants: [{ role: 'medical_observer', regionId: w.a.community.id }] }))
    .id;
  workerId = (await t.factory.account({ login: 'hr-worker', grants: [{ role: 'region_manager', regionId: w.a.grid.id }] })).id;
  await t.factory.account({ login: 'hr-manager', grants: [{ role: 'region_manager', regionId: w.a.county.id }] });
});
beforeEach(async () => {
  setNow(DAY, '08:00');
  manager = await t.signIn('hr-manager');
  doctor = await t.signIn('hr-doctor');
});
afterAll(async () => {
  vi.useRealTimers();
  await t.close();
});

describe('the personal link', () => {
  it('is issued for the card once, replaces the previous one, and is revoked; audited without the token', async () => {
    const caseId = await insertCase(db(), { regionId: w.a.grid.id });
    const first = await manager.post(`${API}/quarantine/cases/${caseId}/card`);
    expect(first.statusCode, first.body).toBe(200);
    const card = first.json();
    expect(card.path).toMatch(/^\/h\/[A-Za-z0-9_-]{22}$/);
    expect(card.case).toMatchObject({ id: caseId, personName: '张小明', planDays: 14 });
    expect(card.windows.morning).toEqual({ from: '06:00', to: '10:00' });
    // The link lives until the end of the day after the last day.
    expect(card.expiresAt).toBe(at(addDays(card.case.endsOn, 2), '00:00').toISOString());
    const token1 = card.path.slice(3);
    expect((await anon().get(`${API}/h/${token1}`)).statusCode).toBe(200);

    const token2 = (await manager.post(`${API}/quarantine/cases/${caseId}/card`)).json().path.slice(3);
    const dead = expectError(await anon().get(`${API}/h/${token1}`), 404, 'HEALTH_LINK_INVALID');
    expect(dead.message).toContain('联系您的网格员');
    expect((await anon().get(`${API}/h/${token2}`)).statusCode).toBe(200);

    const revoked = await manager.delete(`${API}/quarantine/cases/${caseId}/card`);
    expect(revoked.json()).toEqual({ revoked: 1 });
    expectError(await anon().get(`${API}/h/${token2}`), 404, 'HEALTH_LINK_INVALID');
    const audit = await auditRows(t.deps, { action: 'healthLink.issue', entityId: caseId });
    expect(audit).toHaveLength(2);
    expect(JSON.stringify(audit)).not.toContain(token1);
    expect(await auditRows(t.deps, { action: 'healthLink.revoke', entityId: caseId })).toHaveLength(1);

    const foreign = await insertCase(db(), { regionId: w.b.grid.id });
    expectError(await manager.post(`${API}/quarantine/cases/${foreign}/card`), 404);
    expectError(await doctor.post(`${API}/quarantine/cases/${caseId}/card`), 403);
  });

  it('shows a masked name, the day, today’s slots and the last reports; a closed case’s link is dead', async () => {
    const { caseId, token } = await linkedCase();
    const res = await anon().get(`${API}/h/${token}`);
    expect(res.statusCode, res.body).toBe(200);
    expect(res.json()).toMatchObject({
      name: '张**',
      today: DAY,
      day: 4,
      days: 14,
      slots: [
        { slot: 'morning', state: 'due' },
        { slot: 'evening', state: 'upcoming' },
      ],
      next: { slotOn: DAY, slot: 'morning', late: false },
      remeasure: null,
      recent: [],
    });
    expect(res.body).not.toContain('13800138000');
    await db().updateTable('isolationCases').set({ status: 'released' }).where('id', '=', caseId).execute();
    expectError(await anon().get(`${API}/h/${token}`), 404, 'HEALTH_LINK_INVALID');
    const bad = expectError(await anon().get(`${API}/h/short`), 400);
    expect(bad.fields?.['params.token'] ?? Object.values(bad.fields ?? {})[0]).toBe('链接格式不正确');
  });
});

describe('slots that ended before the case was opened', () => {
  it('are not required on the page, not offered late, and not alerted by the job: one rule for both', async () => {
    await db().updateTable('isolationCases').set({ status: 'released' }).execute();
    // Its own grid worker, so the notes the later tests count stay theirs.
    const worker = await t.factory.account({ grants: [{ role: 'region_manager', regionId: w.a.grid.id }] });
    // Started on the return date two days back, but opened today at 12:00.
    const caseId = await insertCase(db(), {
      regionId: w.a.grid.id,
      daysAgo: 2,
      gridWorkerId: worker.id,
      createdAt: at(DAY, '12:00').toISOString(),
    });
    const token = await insertToken(db(), caseId);

    setNow(DAY, '12:30');
    const page = (await anon().get(`${API}/h/${token}`)).json();
    expect(page).toMatchObject({
      slots: [
        { slot: 'morning', state: 'not_required' },
        { slot: 'evening', state: 'upcoming' },
      ],
      next: null,
      upcoming: { slotOn: DAY, slot: 'evening' },
    });
    expectError(await anon().post(`${API}/h/${token}/reports`, reading()), 422, 'HEALTH_REPORT_NOT_DUE');
    expect(await healthService().scanMissed(at(DAY, '12:30'))).toBe(0);

    // The evening window, closed after the opening, is asked: late on the page, alerted by the job.
    setNow(DAY, '22:00');
    const later = (await anon().get(`${API}/h/${token}`)).json();
    expect(later.slots).toEqual([
      { slot: 'morning', state: 'not_required' },
      { slot: 'evening', state: 'late' },
    ]);
    expect(later.next).toEqual({ slotOn: DAY, slot: 'evening', late: true });
    expect(await healthService().scanMissed(at(DAY, '22:00'))).toBe(1);
    const missed = await db().selectFrom('alerts').select(['slotOn', 'slot']).where('caseId', '=', caseId).execute();
    expect(missed).toEqual([{ slotOn: DAY, slot: 'evening' }]);
  });
});

describe('reporting through the link', () => {
  it('records the open window once; the slot is not reported twice', async () => {
    const { token } = await linkedCase({ daysAgo: 0 });
    setNow(DAY, '05:30');
    const early = expectError(await anon().post(`${API}/h/${token}/reports`, reading()), 422, 'HEALTH_REPORT_NOT_DUE');
    expect(early.message).toBe(`还未到上报时间，请在 ${DAY} 06:00 之后上报`);

    setNow(DAY, '08:00');
    const res = await anon().post(`${API}/h/${token}/reports`, reading(36.5, { symptoms: ['fatigue'] }), {
      'idempotency-key': 'hr-1',
    });
    expect(res.statusCode, res.body).toBe(201);
    expect(res.json()).toMatchObject({ slotOn: DAY, slot: 'morning', late: false, remeasureDue: false, remeasureBy: null });
    // A retry with the same key replays the answer.
    const replay = await anon().post(`${API}/h/${token}/reports`, reading(36.5, { symptoms: ['fatigue'] }), {
      'idempotency-key': 'hr-1',
    });
    expect(replay.headers['idempotent-replayed']).toBe('true');
    const before = await snapshot(t.deps);
    expectError(await anon().post(`${API}/h/${token}/reports`, reading()), 409, 'HEALTH_REPORT_DONE');
    expect(await snapshot(t.deps)).toEqual(before);

    setNow(DAY, '12:00');
    expectError(await anon().post(`${API}/h/${token}/reports`, reading()), 409, 'HEALTH_REPORT_DONE');
    const page = (await anon().get(`${API}/h/${token}`)).json();
    expect(page.slots).toEqual([
      { slot: 'morning', state: 'done' },
      { slot: 'evening', state: 'upcoming' },
    ]);
    expect(page.recent[0]).toMatchObject({ slotOn: DAY, slot: 'morning', temperature: 36.5, late: false });
  });

  it('marks a report after its window late: last evening’s, before the morning window opens', async () => {
    const { caseId, token } = await linkedCase();
    setNow(DAY, '05:00');
    const res = await anon().post(`${API}/h/${token}/reports`, reading());
    expect(res.json()).toMatchObject({ slotOn: addDays(DAY, -1), slot: 'evening', late: true });
    setNow(DAY, '11:00');
    expect((await anon().post(`${API}/h/${token}/reports`, reading())).json()).toMatchObject({
      slotOn: DAY,
      slot: 'morning',
      late: true,
    });
    const rows = await db().selectFrom('healthReports').select(['late', 'enteredBy']).where('caseId', '=', caseId).execute();
    expect(rows).toEqual([
      { late: 1, enteredBy: null },
      { late: 1, enteredBy: null },
    ]);
  });

  it('refuses readings off the picker with the field named, writing nothing', async () => {
    const { token } = await linkedCase();
    const before = await snapshot(t.deps);
    const tooHot = expectError(await anon().post(`${API}/h/${token}/reports`, reading(42.5)), 400);
    expect(tooHot.fields?.temperature).toBe('不能大于 42');
    expectError(await anon().post(`${API}/h/${token}/reports`, reading(36.55)), 422);
    expectError(await anon().post(`${API}/h/${token}/reports`, reading(36.5, { helpRequest: 'x'.repeat(201) })), 400);
    expect(await snapshot(t.deps)).toEqual(before);
  });

  it('asks for a re-measure after a fever reading; a fever again alerts the medical observer', async () => {
    const { caseId, token } = await linkedCase();
    const res = await anon().post(`${API}/h/${token}/reports`, reading(38.0));
    expect(res.json()).toMatchObject({ remeasureDue: true, remeasureBy: at(DAY, '09:00').toISOString() });
    expect((await anon().get(`${API}/h/${token}`)).json().remeasure).toMatchObject({ slot: 'morning', temperature: 38 });
    const again = await anon().post(`${API}/h/${token}/reports/remeasure`, { temperature: 38.1 });
    expect(again.statusCode, again.body).toBe(200);
    expect(again.json()).toEqual({ slotOn: DAY, slot: 'morning', temperature: 38.1, fever: true });
    expectError(await anon().post(`${API}/h/${token}/reports/remeasure`, { temperature: 37.0 }), 409, 'REMEASURE_NOT_DUE');

    const alerts = await db().selectFrom('alerts').selectAll().where('caseId', '=', caseId).execute();
    expect(alerts).toHaveLength(1);
    expect(alerts[0]).toMatchObject({ kind: 'fever', ownerAccountId: doctorId, level: 0, status: 'open', slot: 'morning' });
    const note = await db()
      .selectFrom('notifications')
      .selectAll()
      .where('accountId', '=', doctorId)
      .where('kind', '=', 'notify.alerts.fever')
      .executeTakeFirstOrThrow();
    expect(JSON.parse(note.params)).toMatchObject({ temperature: 38.1, date: DAY });
    expect(note.params).not.toContain('张');
  });

  it('a normal re-measure clears the fever flag and raises nothing', async () => {
    const { caseId, token } = await linkedCase();
    await anon().post(`${API}/h/${token}/reports`, reading(37.5));
    await anon().post(`${API}/h/${token}/reports/remeasure`, { temperature: 36.9 });
    const row = await db().selectFrom('healthReports').selectAll().where('caseId', '=', caseId).executeTakeFirstOrThrow();
    expect(row).toMatchObject({ temperature: 37.5, remeasuredTemperature: 36.9, fever: 0 });
    expect(await db().selectFrom('alerts').select('id').where('caseId', '=', caseId).execute()).toEqual([]);
  });

  it('turns a help request into an alert for the grid worker', async () => {
    const { caseId, token } = await linkedCase();
    await anon().post(`${API}/h/${token}/reports`, reading(36.4, { helpRequest: '家里缺少降压药，请帮忙代购' }));
    const alert = await db().selectFrom('alerts').selectAll().where('caseId', '=', caseId).executeTakeFirstOrThrow();
    expect(alert).toMatchObject({ kind: 'help', ownerAccountId: workerId });
    const shown = (await doctor.get(`${API}/quarantine/alerts/${alert.id}`)).json();
    expect(shown).toMatchObject({
      helpRequest: '家里缺少降压药，请帮忙代购',
      personName: '张**',
      owner: { accountId: workerId },
    });

    // Another doctor of the same community does not observe this case: its alerts stay hidden.
    await t.factory.account({ login: 'hr-doctor-2', grants: [{ role: 'medical_observer', regionId: w.a.community.id }] });
    const other = await t.signIn('hr-doctor-2');
    expectError(await other.get(`${API}/quarantine/alerts/${alert.id}`), 404);
    expectError(await other.post(`${API}/quarantine/alerts/${alert.id}/take`, {}), 404);
    const listed = (await other.get(`${API}/quarantine/alerts?caseId=${caseId}`)).json();
    expect(listed).toMatchObject({ items: [], total: 0 });
    expect((await doctor.get(`${API}/quarantine/alerts?caseId=${caseId}`)).json().total).toBe(1);
  });
});

describe('staff entering a report', () => {
  it('records the slot named with who entered it, late after its window', async () => {
    const { caseId } = await linkedCase();
    const body = { slotOn: addDays(DAY, -1), slot: 'evening', temperature: 36.7, symptoms: [], feeling: 'good' };
    const res = await doctor.post(`${API}/quarantine/cases/${caseId}/reports`, body);
    expect(res.statusCode, res.body).toBe(201);
    expect(res.json()).toMatchObject({ late: true, remeasureDue: false });
    expectError(await doctor.post(`${API}/quarantine/cases/${caseId}/reports`, body), 409, 'HEALTH_REPORT_DONE');
    const ahead = expectError(await doctor.post(`${API}/quarantine/cases/${caseId}/reports`, { ...body, slotOn: DAY }), 422);
    expect(ahead.fields?.slotOn).toBe('该时段尚未开始');
    const list = (await manager.get(`${API}/quarantine/cases/${caseId}/reports`)).json();
    expect(list.items[0]).toMatchObject({ slot: 'evening', enteredBy: { accountId: doctorId }, late: true });
  });
});

describe('jobs', () => {
  it('alerts the medical observer when a fever reading is not measured again in time', async () => {
    const { caseId, token } = await linkedCase();
    await anon().post(`${API}/h/${token}/reports`, reading(38.4));
    const service = healthService();
    expect(await service.scanRemeasures(at(DAY, '08:30'))).toBe(0);
    expect(await service.scanRemeasures(at(DAY, '09:05'))).toBeGreaterThanOrEqual(1);
    expect(await service.scanRemeasures(at(DAY, '09:20'))).toBe(0);
    const alert = await db().selectFrom('alerts').selectAll().where('caseId', '=', caseId).executeTakeFirstOrThrow();
    expect(alert).toMatchObject({ kind: 'remeasure', ownerAccountId: doctorId });
  });

  it('alerts the grid worker of every ended slot without a report, once; then escalates the alert a level up', async () => {
    await db().updateTable('isolationCases').set({ status: 'released' }).execute();
    const { caseId, token } = await linkedCase({ daysAgo: 0 });
    const other = await insertCase(db(), { regionId: w.a.grid.id, daysAgo: 0, gridWorkerId: workerId });
    await anon().post(`${API}/h/${token}/reports`, reading());
    const service = healthService();
    expect(await service.scanMissed(at(DAY, '09:00'))).toBe(0);
    expect(await service.scanMissed(at(DAY, '10:05'))).toBe(1);
    expect(await service.scanMissed(at(DAY, '10:20'))).toBe(0);
    const missed = await db()
      .selectFrom('alerts')
      .selectAll()
      .where('kind', '=', 'missed_slot')
      .where('caseId', 'in', [caseId, other])
      .execute();
    expect(missed).toEqual([
      expect.objectContaining({ caseId: other, slotOn: DAY, slot: 'morning', ownerAccountId: workerId, level: 0 }),
    ]);
    expect(
      await db()
        .selectFrom('notifications')
        .select('params')
        .where('kind', '=', 'notify.alerts.missedSlot')
        .where('accountId', '=', workerId)
        .execute(),
    ).toEqual([{ params: JSON.stringify({ count: 1 }) }]);

    // Left open for the configured time, it moves to the managers one level up (the community's: its township's manager).
    const townshipManager = await t.factory.account({ grants: [{ role: 'region_manager', regionId: w.a.township.id }] });
    const alerts = alertsSvc();
    const created = new Date(missed[0]!.createdAt).getTime();
    expect(await alerts.escalate(new Date(created + 60 * 60_000).toISOString())).toBe(0);
    expect(await alerts.escalate(new Date(created + 121 * 60_000).toISOString())).toBeGreaterThanOrEqual(1);
    const up = await db().selectFrom('alerts').selectAll().where('id', '=', missed[0]!.id).executeTakeFirstOrThrow();
    expect(up).toMatchObject({ level: 1 });
    // The grid's parent is the community; nobody manages it, so its nearest managers (the township's) own it.
    expect(up.ownerAccountId).toBe(townshipManager.id);

    // Left open still, it climbs while someone manages a region above, and never loses its owner.
    for (let hours = 5; hours <= 40; hours += 5) await alerts.escalate(new Date(created + hours * 3_600_000).toISOString());
    const top = await db().selectFrom('alerts').selectAll().where('id', '=', missed[0]!.id).executeTakeFirstOrThrow();
    expect(top.level).toBeGreaterThan(1);
    expect(top.ownerAccountId).not.toBeNull();
  });
});

describe('alerts', () => {
  it('lists the caller’s area (mine filter), is taken, and closed with an outcome', async () => {
    const { token, caseId } = await linkedCase();
    await anon().post(`${API}/h/${token}/reports`, reading(36.5, { helpRequest: '需要买菜' }));
    const id = (await db().selectFrom('alerts').select('id').where('caseId', '=', caseId).executeTakeFirstOrThrow()).id;
    const list = (await manager.get(`${API}/quarantine/alerts?status=open&kind=help&limit=200`)).json();
    expect(list.items.map((a: { id: string }) => a.id)).toContain(id);
    expect(
      (await doctor.get(`${API}/quarantine/alerts?mine=true&limit=200`)).json().items.map((a: { id: string }) => a.id),
    ).not.toContain(id);
    const taken = await doctor.post(`${API}/quarantine/alerts/${id}/take`);
    expect(taken.json()).toMatchObject({ owner: { accountId: doctorId } });
    expect(
      (await doctor.get(`${API}/quarantine/alerts?mine=true&limit=200`)).json().items.map((a: { id: string }) => a.id),
    ).toContain(id);
    const blank = expectError(await doctor.post(`${API}/quarantine/alerts/${id}/close`, { outcome: ' ' }), 400);
    expect(blank.fields?.outcome).toBe('不能为空白');
    const closed = await doctor.post(`${API}/quarantine/alerts/${id}/close`, { outcome: '已电话联系，安排志愿者代购' });
    expect(closed.json()).toMatchObject({
      status: 'closed',
      outcome: '已电话联系，安排志愿者代购',
      closedBy: { accountId: doctorId },
    });
    expectError(await doctor.post(`${API}/quarantine/alerts/${id}/close`, { outcome: '再次' }), 409, 'ALERT_CLOSED');
    const audit = await auditRows(t.deps, { action: 'alert.close', entityId: id });
    expect(audit[0]!.detail).not.toContain('代购');
    const foreignCase = await insertCase(db(), { regionId: w.b.grid.id });
    const foreignToken = await insertToken(db(), foreignCase);
    await anon().post(`${API}/h/${foreignToken}/reports`, reading(36.5, { helpRequest: '需要买药' }));
    const foreign = (await db().selectFrom('alerts').select('id').where('caseId', '=', foreignCase).executeTakeFirstOrThrow()).id;
    expectError(await doctor.get(`${API}/quarantine/alerts/${foreign}`), 404);
  });
});

function alertsSvc() {
  const regions = regionsService(t.deps);
  return alertsService(t.deps, { regions, accounts: accountsService(t.deps, regions) });
}
function healthService() {
  return healthReportsService(t.deps, { tokens: residentTokensService(t.deps), alerts: alertsSvc() });
}
