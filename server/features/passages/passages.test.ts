import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createTestApp, type Client, type TestApp } from '../../../test/app.ts';
import { twoCounties, type TwoCounties } from '../../../test/fixtures.ts';
import { API, auditRows, expectError, snapshot } from '../../../test/requests.ts';
import { addDays, calendarDate } from '../../platform/dates.ts';
import { newId, nowIso } from '../../platform/db/ids.ts';
import type { PassageTable } from '../../platform/db/schema.ts';
import { accountsService } from '../accounts/accounts.service.ts';
import { checkpointsService } from '../checkpoints/checkpoints.service.ts';
import { attendanceService } from '../duty/attendance.service.ts';
import { assign, inMinutes, makeCheckpoint, makeRoster, makeShift } from '../duty/duty.test-helpers.ts';
import { followUpsService } from '../quarantine/follow-ups.service.ts';
import { regionsService } from '../regions/regions.service.ts';
import { riskAreasService } from '../risk-areas/risk-areas.service.ts';
import { teamsService } from '../teams/teams.service.ts';
import { unitsService } from '../units/units.service.ts';
import { volunteersService } from '../volunteers/volunteers.service.ts';
import { passagesService, type PassagesService } from './passages.service.ts';

let t: TestApp;
let w: TwoCounties;
let passages: PassagesService;
/** On a shift at `gate` now. */
let onDuty: Client;
/** A volunteer of the same grid with no shift. */
let offDuty: Client;
/** Region manager of county A: logs anywhere there, sees masked lists. */
let manager: Client;
/** Medical observer of county A: may reveal. */
let doctor: Client;
let inspector: Client;
let doctorId: string;
let gate: { id: string; name: string };
let foreignGate: { id: string };

const db = () => t.deps.db.db;
const MINUTE = 60_000;
const today = () => calendarDate(t.deps.config.timeZone);

const person = (o: Record<string, unknown> = {}) => ({
  checkpointId: gate.id,
  direction: 'in',
  subject: 'person',
  name: '张三丰',
  mobile: '13800138000',
  temperature: 36.5,
  purpose: 'home',
  leaflets: 1,
  ...o,
});

async function volunteerAccount(login: string) {
  const account = await t.factory.account({
    login,
    name: `志愿者${login}`,
    grants: [{ role: 'volunteer', regionId: w.a.grid.id }],
  });
  const volunteer = await t.factory.volunteer({ regionId: w.a.grid.id, accountId: account.id, name: `志愿者${login}` });
  return { accountId: account.id, volunteerId: volunteer.id };
}

/** A passage written straight to the table, for counts and retention. */
async function storedPassage(
  o: Pick<PassageTable, 'checkpointId' | 'regionId' | 'occurredOn' | 'recordedBy'> & Partial<PassageTable>,
) {
  const id = newId();
  const at = `${o.occurredOn}T02:00:00.000Z`;
  await db()
    .insertInto('passages')
    .values({
      id,
      direction: 'in',
      subject: 'person',
      people: 1,
      name: '钱七',
      mobile: '13700137000',
      plate: null,
      originCode: '411702',
      originName: '河南省 驻马店市 驿城区',
      fromRiskArea: 0,
      temperature: 36.5,
      remeasured: null,
      fever: 0,
      purpose: null,
      leaflets: 0,
      occurredAt: at,
      createdAt: at,
      updatedAt: at,
      anonymisedAt: null,
      ...o,
    })
    .execute();
  return id;
}

let onDutyAccountId: string;

beforeAll(async () => {
  t = await createTestApp();
  w = await twoCounties(t.factory);
  const regions = regionsService(t.deps);
  const volunteers = volunteersService(t.deps, { regions, units: unitsService(t.deps, regions) });
  const teams = teamsService(t.deps, { regions, volunteers });
  const checkpoints = checkpointsService(t.deps, { regions, teams });
  passages = passagesService(t.deps, {
    regions,
    checkpoints,
    attendance: attendanceService(t.deps, { regions, volunteers, teams, checkpoints }),
    riskAreas: riskAreasService(t.deps),
    followUps: followUpsService(t.deps, { regions, accounts: accountsService(t.deps, regions) }),
  });

  gate = await makeCheckpoint(db(), { regionId: w.a.grid.id, name: '雪松路卡点' });
  foreignGate = await makeCheckpoint(db(), { regionId: w.b.grid.id });
  const me = await volunteerAccount('pv-on');
  onDutyAccountId = me.accountId;
  await volunteerAccount('pv-off');
  const rosterId = await makeRoster(db(), { regionId: w.a.county.id });
  const shiftId = await makeShift(db(), { rosterId, checkpointId: gate.id, startsAt: inMinutes(-60), endsAt: inMinutes(8 * 60) });
  await assign(db(), { rosterId, shiftId, volunteerId: me.volunteerId, checkedInAt: inMinutes(-55) });

  await t.factory.account({ login: 'pv-manager', name: '刘主任', grants: [{ role: 'region_manager', regionId: w.a.county.id }] });
  doctorId = (await t.factory.account({ login: 'pv-doctor', grants: [{ role: 'medical_observer', regionId: w.a.community.id }] }))
    .id;
  await t.factory.account({ login: 'pv-inspector', grants: [{ role: 'inspector', regionId: w.a.county.id }] });
  onDuty = await t.signIn('pv-on');
  offDuty = await t.signIn('pv-off');
  manager = await t.signIn('pv-manager');
  doctor = await t.signIn('pv-doctor');
  inspector = await t.signIn('pv-inspector');
});
afterAll(() => t.close());

describe('the entry page', () => {
  it('tells a volunteer on duty they may log, with the settings and active risk areas', async () => {
    const res = await onDuty.get(`${API}/passages/checkpoints/${gate.id}/desk`);
    expect(res.statusCode, res.body).toBe(200);
    expect(res.json()).toMatchObject({
      checkpoint: { id: gate.id, name: '雪松路卡点', kind: 'estate_gate', risk: 2 },
      settings: { identity: 'optional', editMinutes: 10, feverThreshold: 37.3, temperatureMin: 35, temperatureMax: 42 },
      canLog: true,
      riskAreas: [],
      today: { entries: 0, passers: 0, vehicles: 0, fevers: 0, riskArrivals: 0, leaflets: 0 },
      recent: [],
    });
  });

  it('opens for a volunteer of the area off duty, who may not log; another county’s checkpoint is not there', async () => {
    expect((await offDuty.get(`${API}/passages/checkpoints/${gate.id}/desk`)).json().canLog).toBe(false);
    expect((await manager.get(`${API}/passages/checkpoints/${gate.id}/desk`)).json().canLog).toBe(true);
    expectError(await onDuty.get(`${API}/passages/checkpoints/${foreignGate.id}/desk`), 404);
    expectError(await onDuty.get(`${API}/passages/checkpoints/${newId()}/desk`), 404);
    expectError(await inspector.get(`${API}/passages/checkpoints/${gate.id}/desk`), 403);
  });
});

describe('logging a passer', () => {
  it('logs for a volunteer on duty: the recorder sees what they typed, the audit trail does not', async () => {
    const res = await onDuty.post(`${API}/passages`, person({ originCode: '411702' }));
    expect(res.statusCode, res.body).toBe(201);
    const p = res.json();
    expect(p).toMatchObject({
      checkpointId: gate.id,
      checkpointName: '雪松路卡点',
      direction: 'in',
      subject: 'person',
      people: 1,
      name: '张三丰',
      mobile: '13800138000',
      originCode: '411702',
      originName: '河南省 驻马店市 驿城区',
      fromRiskArea: false,
      fever: false,
      recordedByName: '志愿者pv-on',
      editable: true,
      followUps: [],
      anonymised: false,
    });
    expect(Date.parse(p.editableUntil) - Date.parse(p.createdAt)).toBe(10 * MINUTE);
    const audit = await auditRows(t.deps, { action: 'passage.create', entityId: p.id });
    expect(audit).toHaveLength(1);
    expect(audit[0]!.detail).not.toContain('张三丰');
    expect(audit[0]!.detail).not.toContain('13800138000');
    const desk = (await onDuty.get(`${API}/passages/checkpoints/${gate.id}/desk`)).json();
    expect(desk.today).toMatchObject({ entries: 1, passers: 1, leaflets: 1 });
    expect(desk.recent[0]).toMatchObject({ id: p.id, name: '张三丰', editable: true });
  });

  it('refuses a volunteer off duty with a clear message in their language, writing nothing', async () => {
    const before = await snapshot(t.deps);
    const zh = expectError(await offDuty.post(`${API}/passages`, person()), 403, 'PASSAGE_NOT_ON_DUTY');
    expect(zh.message).toBe('您此时不在该卡点值守，不能登记');
    offDuty.lang = 'en';
    try {
      const en = expectError(await offDuty.post(`${API}/passages`, person()), 403, 'PASSAGE_NOT_ON_DUTY');
      expect(en.message).toBe('You are not on duty at this checkpoint now and cannot log passers here');
    } finally {
      offDuty.lang = 'zh-CN';
    }
    // On duty here, not there; a checkpoint of another county reads as missing.
    expectError(await onDuty.post(`${API}/passages`, person({ checkpointId: foreignGate.id })), 404);
    expect(await snapshot(t.deps)).toEqual(before);
  });

  it('checks the duty at the time the entry happened: an entry kept on the phone from before the shift is refused', async () => {
    expectError(await onDuty.post(`${API}/passages`, person({ occurredAt: inMinutes(-6 * 60) })), 403, 'PASSAGE_NOT_ON_DUTY');
    expect((await onDuty.post(`${API}/passages`, person({ occurredAt: inMinutes(-20) }))).statusCode).toBe(201);
  });

  it('lets staff of the area log any time', async () => {
    expect((await manager.post(`${API}/passages`, person())).statusCode).toBe(201);
    expectError(await manager.post(`${API}/passages`, person({ checkpointId: foreignGate.id })), 404);
  });

  it('asks a fever reading to be measured again, and says so in the caller’s language', async () => {
    const before = await snapshot(t.deps);
    const zh = expectError(await onDuty.post(`${API}/passages`, person({ temperature: 37.6 })), 422);
    expect(zh.fields).toEqual({ remeasured: '体温 ≥37.3°C，请间隔几分钟复测后填写复测体温' });
    onDuty.lang = 'en';
    try {
      const en = expectError(await onDuty.post(`${API}/passages`, person({ temperature: 37.6 })), 422);
      expect(en.fields?.remeasured).toBe(
        'The reading is 37.3 °C or above: measure again after a few minutes and enter the second reading',
      );
    } finally {
      onDuty.lang = 'zh-CN';
    }
    const second = expectError(await onDuty.post(`${API}/passages`, person({ temperature: 36.8, remeasured: 37.0 })), 422);
    expect(second.fields).toEqual({ remeasured: '首次体温低于 37.3°C，无需复测' });
    expect(expectError(await onDuty.post(`${API}/passages`, person({ temperature: null })), 422).fields).toEqual({
      temperature: '行人须测量并填写体温',
    });
    expect(expectError(await onDuty.post(`${API}/passages`, person({ temperature: 36.55 })), 422).fields?.temperature).toBe(
      '体温最多保留 1 位小数',
    );
    expect(expectError(await onDuty.post(`${API}/passages`, person({ temperature: 34.9 })), 400).fields?.temperature).toBe(
      '不能小于 35',
    );
    expect(expectError(await onDuty.post(`${API}/passages`, person({ originCode: '429000' })), 422).fields).toEqual({
      originCode: '不是已知的省、市、县级行政区划代码',
    });
    const vehicle = expectError(await onDuty.post(`${API}/passages`, person({ subject: 'vehicle', people: 2 })), 422);
    expect(vehicle.fields).toEqual({ plate: '车辆须填写车牌号' });
    expect(
      expectError(await onDuty.post(`${API}/passages`, person({ subject: 'vehicle', plate: '豫q12345' })), 400).fields?.plate,
    ).toBe('车牌格式不正确（如 豫Q12345、豫QD12345）');
    expect(expectError(await onDuty.post(`${API}/passages`, person({ occurredAt: inMinutes(5) })), 422).fields).toEqual({
      occurredAt: '登记时间不能晚于现在',
    });
    expect(expectError(await onDuty.post(`${API}/passages`, person({ occurredAt: inMinutes(-25 * 60) })), 422).fields).toEqual({
      occurredAt: '只能补登 24 小时以内的记录',
    });
    expect(await snapshot(t.deps)).toEqual(before);
  });

  it('hands a confirmed fever to the community once, even when the phone retries', async () => {
    const body = person({ name: '孙发热', temperature: 38.4, remeasured: 38.2 });
    const headers = { 'idempotency-key': `fever-${newId()}` };
    const first = await onDuty.post(`${API}/passages`, body, headers);
    expect(first.statusCode, first.body).toBe(201);
    const retry = await onDuty.post(`${API}/passages`, body, headers);
    expect(retry.statusCode).toBe(201);
    expect(retry.json().id).toBe(first.json().id);
    const p = first.json();
    expect(p).toMatchObject({ fever: true, temperature: 38.4, remeasured: 38.2, followUps: [{ kind: 'fever' }] });
    expect(await db().selectFrom('passages').select('id').where('name', '=', '孙发热').execute()).toHaveLength(1);
    const tasks = await db().selectFrom('followUps').selectAll().where('sourceId', '=', p.id).execute();
    expect(tasks).toHaveLength(1);
    expect(tasks[0]).toMatchObject({ id: p.followUps[0].id, kind: 'fever', regionId: w.a.community.id, personName: '孙发热' });
    const notes = await db().selectFrom('notifications').selectAll().where('kind', '=', 'notify.followUps.fever').execute();
    expect(notes.map((n) => n.accountId)).toContain(doctorId);
    const events = await db().selectFrom('events').selectAll().where('type', '=', 'passage.fever').execute();
    expect(events.map((e) => e.entityId)).toContain(gate.id);
    expect(events.every((e) => !String(e.data).includes('孙发热'))).toBe(true);
  });

  it('re-checks an edit: a fever found on correction opens a task, once, and a later correction removes none', async () => {
    const p = (await onDuty.post(`${API}/passages`, person({ name: '周更正' }))).json();
    const fever = await onDuty.patch(`${API}/passages/${p.id}`, { temperature: 37.9, remeasured: 37.8 });
    expect(fever.statusCode, fever.body).toBe(200);
    expect(fever.json()).toMatchObject({ fever: true, followUps: [{ kind: 'fever' }] });
    await onDuty.patch(`${API}/passages/${p.id}`, { mobile: '13800138111' });
    const tasks = await db().selectFrom('followUps').selectAll().where('sourceId', '=', p.id).execute();
    expect(tasks).toHaveLength(1);
    // The open task follows the correction of the person's mobile.
    expect(tasks[0]!.personMobile).toBe('13800138111');
    const back = await onDuty.patch(`${API}/passages/${p.id}`, { temperature: 36.6, remeasured: null });
    expect(back.json()).toMatchObject({ fever: false, followUps: [{ kind: 'fever' }] });
    expect(await auditRows(t.deps, { action: 'passage.update', entityId: p.id })).toHaveLength(3);
    const refused = expectError(await onDuty.patch(`${API}/passages/${p.id}`, { temperature: 38.0 }), 422);
    expect(Object.keys(refused.fields ?? {})).toEqual(['remeasured']);
  });

  it('marks an arrival from a risk area and hands it over; someone leaving for one is only marked', async () => {
    await db()
      .insertInto('riskAreas')
      .values({
        id: newId(),
        code: '420000',
        name: '湖北省',
        level: 'high',
        startsOn: addDays(today(), -30),
        endsOn: null,
        note: null,
        createdAt: nowIso(),
        updatedAt: nowIso(),
      })
      .execute();
    const arrival = (await onDuty.post(`${API}/passages`, person({ originCode: '420102' }))).json();
    expect(arrival).toMatchObject({
      fromRiskArea: true,
      originName: '湖北省 武汉市 江岸区',
      followUps: [{ kind: 'risk_arrival' }],
    });
    const task = await db().selectFrom('followUps').selectAll().where('sourceId', '=', arrival.id).executeTakeFirstOrThrow();
    expect(JSON.parse(task.details)).toMatchObject({
      riskAreaName: '湖北省',
      originCode: '420102',
      checkpointName: '雪松路卡点',
    });
    const leaving = (await onDuty.post(`${API}/passages`, person({ direction: 'out', originCode: '420102' }))).json();
    expect(leaving).toMatchObject({ fromRiskArea: true, followUps: [] });
    expect(
      (await onDuty.get(`${API}/passages/checkpoints/${gate.id}/desk`)).json().riskAreas.map((a: { code: string }) => a.code),
    ).toEqual(['420000']);
  });
});

describe('who sees whom', () => {
  it('masks names, mobiles and plates in lists, and reveals them to a caller who may, on the record', async () => {
    const car = (
      await onDuty.post(
        `${API}/passages`,
        person({ subject: 'vehicle', people: 3, plate: '豫Q12345', name: '吴司机', temperature: null }),
      )
    ).json();
    expect(car.plate).toBe('豫Q12345');
    const list = await manager.get(`${API}/passages?checkpointId=${gate.id}&subject=vehicle`);
    expect(list.statusCode, list.body).toBe(200);
    const shown = list.json().items.find((p: { id: string }) => p.id === car.id);
    expect(shown).toMatchObject({ name: '吴**', mobile: '138****8000', plate: '豫Q***45', editable: false, people: 3 });
    expect(list.body).not.toContain('13800138000');

    const revealed = await doctor.post(`${API}/passages/${car.id}/reveal`);
    expect(revealed.statusCode, revealed.body).toBe(200);
    expect(revealed.json()).toEqual({ name: '吴司机', mobile: '13800138000', plate: '豫Q12345' });
    const audit = await auditRows(t.deps, { action: 'passage.reveal', entityId: car.id });
    expect(audit).toHaveLength(1);
    expect(audit[0]!.actorLogin).toBe('pv-doctor');
    expectError(await inspector.post(`${API}/passages/${car.id}/reveal`), 403);
    expect((await inspector.get(`${API}/passages?fever=true`)).json().items.every((p: { fever: boolean }) => p.fever)).toBe(true);
    expectError(await manager.get(`${API}/passages?regionId=${w.b.county.id}`), 404);
    expectError(await offDuty.get(`${API}/passages`), 403);
  });

  it('locks an entry after the edit window: the recorder then sees it masked like everyone else', async () => {
    const p = (await onDuty.post(`${API}/passages`, person({ name: '郑过期' }))).json();
    expectError(await manager.patch(`${API}/passages/${p.id}`, { leaflets: 3 }), 403, 'PASSAGE_NOT_RECORDER');
    expectError(await offDuty.patch(`${API}/passages/${p.id}`, { leaflets: 3 }), 404);
    await db()
      .updateTable('passages')
      .set({ createdAt: inMinutes(-11) })
      .where('id', '=', p.id)
      .execute();
    const locked = expectError(await onDuty.patch(`${API}/passages/${p.id}`, { leaflets: 3 }), 409, 'PASSAGE_LOCKED');
    expect(locked.message).toBe('登记超过 10 分钟后不能再修改');
    const recent = (await onDuty.get(`${API}/passages/checkpoints/${gate.id}/desk`)).json().recent;
    expect(recent.find((r: { id: string }) => r.id === p.id)).toMatchObject({
      name: '郑**',
      mobile: '138****8000',
      editable: false,
    });
  });
});

describe('daily counts', () => {
  it('counts each checkpoint-day in the range, with totals', async () => {
    const quiet = await makeCheckpoint(db(), { regionId: w.a.community.id, name: '后门卡点' });
    const base = { checkpointId: quiet.id, regionId: w.a.community.id, recordedBy: onDutyAccountId };
    const d1 = addDays(today(), -40);
    const d2 = addDays(today(), -39);
    await storedPassage({ ...base, occurredOn: d1, leaflets: 2 });
    await storedPassage({ ...base, occurredOn: d1, subject: 'vehicle', people: 4, plate: '豫Q88888', temperature: null });
    await storedPassage({ ...base, occurredOn: d1, fever: 1, temperature: 38, remeasured: 38 });
    await storedPassage({ ...base, occurredOn: d2, fromRiskArea: 1 });
    await storedPassage({ ...base, occurredOn: d2, fromRiskArea: 1, direction: 'out' });
    await storedPassage({ ...base, occurredOn: addDays(d2, 1) });
    await storedPassage({ ...base, checkpointId: foreignGate.id, regionId: w.b.grid.id, occurredOn: d1 });

    const res = await manager.get(`${API}/passages/counts?from=${d1}&to=${d2}`);
    expect(res.statusCode, res.body).toBe(200);
    expect(res.json()).toEqual({
      items: [
        {
          checkpointId: quiet.id,
          checkpointName: '后门卡点',
          regionName: w.a.community.name,
          date: d2,
          entries: 2,
          passers: 2,
          vehicles: 0,
          fevers: 0,
          riskArrivals: 1,
          leaflets: 0,
        },
        {
          checkpointId: quiet.id,
          checkpointName: '后门卡点',
          regionName: w.a.community.name,
          date: d1,
          entries: 3,
          passers: 6,
          vehicles: 1,
          fevers: 1,
          riskArrivals: 0,
          leaflets: 2,
        },
      ],
      totals: { entries: 5, passers: 8, vehicles: 1, fevers: 1, riskArrivals: 1, leaflets: 2 },
    });
    const one = (await doctor.get(`${API}/passages/counts?checkpointId=${quiet.id}&from=${d1}&to=${d1}`)).json();
    expect(one.totals.entries).toBe(3);
    expectError(await manager.get(`${API}/passages/counts?checkpointId=${foreignGate.id}&from=${d1}&to=${d1}`), 404);
  });

  it('takes at most 31 days, in order', async () => {
    const from = addDays(today(), -31);
    expect(expectError(await manager.get(`${API}/passages/counts?from=${from}&to=${today()}`), 422).fields).toEqual({
      to: '一次最多统计 31 天',
    });
    expect((await manager.get(`${API}/passages/counts?from=${addDays(from, 1)}&to=${today()}`)).statusCode).toBe(200);
    expect(expectError(await manager.get(`${API}/passages/counts?from=${today()}&to=${from}`), 422).fields).toEqual({
      to: '结束日期不能早于开始日期',
    });
    expectError(await onDuty.get(`${API}/passages/counts?from=${today()}&to=${today()}`), 403);
  });
});

describe('retention', () => {
  it('anonymises entries past the retention period, keeping the counts, and records what it removed', async () => {
    const at = new Date();
    const local = calendarDate(t.deps.config.timeZone, at);
    const days = t.deps.config.passageRetentionDays;
    const base = { checkpointId: gate.id, regionId: w.a.grid.id, recordedBy: onDutyAccountId };
    const old = await storedPassage({ ...base, occurredOn: addDays(local, -days - 1), plate: '豫Q11111', fever: 1 });
    const kept = await storedPassage({ ...base, occurredOn: addDays(local, -days) });
    const other = await db()
      .selectFrom('passages')
      .select('id')
      .where('occurredOn', '<', addDays(local, -days))
      .where('anonymisedAt', 'is', null)
      .execute();

    expect(await passages.anonymise(nowIso(at))).toBe(other.length);
    const gone = await db().selectFrom('passages').selectAll().where('id', '=', old).executeTakeFirstOrThrow();
    expect(gone).toMatchObject({
      name: null,
      mobile: null,
      plate: null,
      originCode: null,
      originName: null,
      fever: 1,
      people: 1,
    });
    expect(gone.anonymisedAt).toEqual(expect.any(String));
    expect(await db().selectFrom('passages').selectAll().where('id', '=', kept).executeTakeFirstOrThrow()).toMatchObject({
      name: '钱七',
      anonymisedAt: null,
    });
    const audit = await auditRows(t.deps, { action: 'passages.anonymise' });
    expect(audit).toHaveLength(1);
    expect(audit[0]!.actorId).toBeNull();
    expect(JSON.parse(audit[0]!.detail!)).toMatchObject({ before: addDays(local, -days), rows: other.length });

    // Nothing left to do (the daily job runs the same): no second record.
    await passages.jobs.find((j) => j.name === 'passages-anonymise')!.run(nowIso(at));
    expect(await auditRows(t.deps, { action: 'passages.anonymise' })).toHaveLength(1);

    const listed = (
      await manager.get(`${API}/passages?from=${addDays(local, -days - 1)}&to=${addDays(local, -days - 1)}`)
    ).json();
    expect(listed.items.find((p: { id: string }) => p.id === old)).toMatchObject({
      name: null,
      plate: null,
      anonymised: true,
      fever: true,
    });
    expectError(await doctor.post(`${API}/passages/${old}/reveal`), 409, 'PASSAGE_ANONYMISED');
  });

  it('a checkpoint with passages cannot be deleted: 409 in the caller’s language, nothing removed', async () => {
    const cp = await makeCheckpoint(db(), { regionId: w.a.community.id, name: '有登记的卡点' });
    expect((await manager.post(`${API}/passages`, person({ checkpointId: cp.id }))).statusCode).toBe(201);
    const error = expectError(await manager.delete(`${API}/checkpoints/${cp.id}`), 409, 'IN_USE');
    expect(error.message).toContain('不能删除');
    expect(await db().selectFrom('checkpoints').select('id').where('id', '=', cp.id).executeTakeFirst()).toBeDefined();
  });
});
