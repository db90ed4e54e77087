import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createTestApp, type Client, type TestApp } from '../../../test/app.ts';
import { twoCounties, type TwoCounties } from '../../../test/fixtures.ts';
import { testIdNumber, withWrongCheckDigit } from '../../../test/identity.ts';
import { API, auditRows, expectError, snapshot } from '../../../test/requests.ts';
import { addDays, calendarDate } from '../../platform/dates.ts';
import { newId, nowIso } from '../../platform/db/ids.ts';
import { insertCase } from './health-reports.matrix.ts';
import { anonymise } from './people.repository.ts';
import { insertHousehold } from './returnees.matrix.ts';

let t: TestApp;
let w: TwoCounties;
let manager: Client;
let doctor: Client;
let inspector: Client;
let managerId: string;
let today: string;

const db = () => t.deps.db.db;

const body = (o: Record<string, unknown> = {}) => ({
  regionId: w.a.grid.id,
  name: '刘德明',
  mobile: '13700001234',
  address: '雪松路 8 号 2 单元 301',
  originCode: '410100',
  returnedOn: today,
  transport: 'car',
  ...o,
});

const household = (regionId: string) => insertHousehold(db(), regionId);

beforeAll(async () => {
  t = await createTestApp();
  w = await twoCounties(t.factory);
  today = calendarDate(t.deps.config.timeZone);
  managerId = (await t.factory.account({ login: 'rt-manager', grants: [{ role: 'region_manager', regionId: w.a.county.id }] }))
    .id;
  await t.factory.account({ login: 'rt-doctor', grants: [{ role: 'medical_observer', regionId: w.a.community.id }] });
  await t.factory.account({ login: 'rt-inspector', grants: [{ role: 'inspector', regionId: w.a.county.id }] });
  manager = await t.signIn('rt-manager');
  doctor = await t.signIn('rt-doctor');
  inspector = await t.signIn('rt-inspector');
  // 武汉 is a high-risk area since long before anyone in these tests came back.
  const now = nowIso();
  await db()
    .insertInto('riskAreas')
    .values({
      id: newId(),
      code: '420100',
      name: '湖北省 武汉市',
      level: 'high',
      startsOn: addDays(today, -90),
      endsOn: null,
      note: null,
      createdAt: now,
      updatedAt: now,
    })
    .execute();
});
afterAll(() => t.close());

describe('registering a returnee', () => {
  it('proposes home isolation for a return from a high-risk area, seals the ID number and masks the person', async () => {
    const idNumber = testIdNumber();
    const res = await manager.post(
      `${API}/returnees`,
      body({ originCode: '420100', transport: 'rail', tripNumber: 'g 72', idNumber, returnedOn: addDays(today, -3) }),
    );
    expect(res.statusCode, res.body).toBe(201);
    const r = res.json();
    expect(r).toMatchObject({
      regionId: w.a.grid.id,
      name: '刘**',
      mobile: '137****1234',
      idNumber: `${idNumber.slice(0, 6)}********${idNumber.slice(-4)}`,
      originName: '湖北省 武汉市',
      fromRiskArea: true,
      tripNumber: 'G72',
      proposedMeasure: 'home_isolation',
      proposalReasons: ['high_risk_area'],
      measure: null,
      case: null,
    });
    expect(res.body).not.toContain(idNumber);
    const row = await db().selectFrom('returnees').selectAll().where('id', '=', r.id).executeTakeFirstOrThrow();
    expect(row.idNumberEnc).not.toContain(idNumber);
    expect(row.idNumberIndex).toBeTruthy();
    const audit = await auditRows(t.deps, { action: 'returnee.create', entityId: r.id });
    expect(audit).toHaveLength(1);
    expect(audit[0]!.detail).not.toContain('刘德明');
    expect(await db().selectFrom('events').select('type').where('entityId', '=', r.id).execute()).toEqual([
      { type: 'returnee.created' },
    ]);
  });

  it('proposes health monitoring from Hubei outside the list, and nothing from elsewhere', async () => {
    const xiangyang = (
      await manager.post(
        `${API}/returnees`,
        body({ originCode: '420600', transport: 'coach', tripNumber: '襄阳—驻马店 08:30 班' }),
      )
    ).json();
    expect(xiangyang).toMatchObject({
      originName: '湖北省 襄阳市',
      fromRiskArea: false,
      proposedMeasure: 'health_monitoring',
      proposalReasons: ['hubei'],
    });
    const local = (await manager.post(`${API}/returnees`, body({ exposures: ['wet_market'] }))).json();
    expect(local).toMatchObject({ proposedMeasure: 'health_monitoring', proposalReasons: ['wet_market'] });
    expect((await manager.post(`${API}/returnees`, body())).json()).toMatchObject({
      proposedMeasure: 'none',
      proposalReasons: [],
    });
  });

  it('refuses bad input field by field and writes nothing', async () => {
    const foreignHousehold = await household(w.b.grid.id);
    const before = await snapshot(t.deps);
    const e = expectError(
      await manager.post(
        `${API}/returnees`,
        body({
          regionId: w.a.township.id,
          transport: 'rail',
          tripNumber: 'X1',
          idNumber: withWrongCheckDigit(testIdNumber()),
          originCode: '999999',
          returnedOn: addDays(today, 1),
          householdId: foreignHousehold,
        }),
      ),
      422,
    );
    expect(e.fields).toMatchObject({
      regionId: '请选择社区或网格',
      householdId: '找不到该户，请从本辖区的户籍档案中选择',
      tripNumber: '车次格式不正确（如 G72、K1156、D3021）',
      returnedOn: '返回日期不能晚于今天',
      originCode: expect.any(String),
      idNumber: expect.any(String),
    });
    expect(expectError(await manager.post(`${API}/returnees`, body({ transport: 'air' })), 422).fields?.tripNumber).toContain(
      '航班',
    );
    expect(
      expectError(await manager.post(`${API}/returnees`, body({ returnedOn: addDays(today, -61) })), 422).fields?.returnedOn,
    ).toBe('只登记 60 天以内返回的人员');
    expectError(await manager.post(`${API}/returnees`, body({ transport: 'bike' })), 400);
    // Another county's community looks missing.
    expectError(await manager.post(`${API}/returnees`, body({ regionId: w.b.grid.id })), 404);
    expect(await snapshot(t.deps)).toEqual(before);
  });

  it('accepts a household of the area, and answers a repeated Idempotency-Key with the same returnee', async () => {
    const householdId = await household(w.a.grid.id);
    const key = { 'idempotency-key': newId() };
    const first = await manager.post(`${API}/returnees`, body({ householdId }), key);
    expect(first.statusCode, first.body).toBe(201);
    expect(first.json().householdAddress).toMatch(/^雪松路/);
    const again = await manager.post(`${API}/returnees`, body({ householdId }), key);
    expect(again.json().id).toBe(first.json().id);
    expect(await db().selectFrom('returnees').select('id').where('householdId', '=', householdId).execute()).toHaveLength(1);
  });
});

describe('the measure', () => {
  it('is confirmed as proposed, or changed with a reason kept on the record; a changed proposal asks again', async () => {
    const r = (await manager.post(`${API}/returnees`, body({ originCode: '420100', transport: 'car' }))).json();
    const confirmed = await manager.post(`${API}/returnees/${r.id}/measure`, { measure: 'home_isolation' });
    expect(confirmed.statusCode, confirmed.body).toBe(200);
    expect(confirmed.json()).toMatchObject({
      measure: 'home_isolation',
      measureBy: { accountId: managerId },
      measureReason: null,
    });

    const before = await snapshot(t.deps);
    const e = expectError(await manager.post(`${API}/returnees/${r.id}/measure`, { measure: 'health_monitoring' }), 422);
    expect(e.fields?.reason).toBe('所选措施与建议不同，请填写原因');
    expect(await snapshot(t.deps)).toEqual(before);
    const changed = await manager.post(`${API}/returnees/${r.id}/measure`, {
      measure: 'health_monitoring',
      reason: '已在武汉集中隔离期满',
    });
    expect(changed.json()).toMatchObject({ measure: 'health_monitoring', proposedMeasure: 'home_isolation' });
    expect(changed.json()).toMatchObject({ measureReason: '已在武汉集中隔离期满', note: null });
    const audit = await auditRows(t.deps, { action: 'returnee.measure', entityId: r.id });
    expect(audit.map((a) => JSON.parse(a.detail!).overridden)).toEqual([false, true]);
    expect(audit[1]!.detail).not.toContain('集中隔离');

    // Now from 郑州: the proposal changes, so the confirmation is gone.
    const edited = await manager.patch(`${API}/returnees/${r.id}`, { originCode: '410100' });
    expect(edited.statusCode, edited.body).toBe(200);
    expect(edited.json()).toMatchObject({
      proposedMeasure: 'none',
      measure: null,
      measureBy: null,
      measureReason: null,
      fromRiskArea: false,
    });
    // A correction that leaves the proposal alone keeps the confirmation.
    await manager.post(`${API}/returnees/${r.id}/measure`, { measure: 'none' });
    expect((await manager.patch(`${API}/returnees/${r.id}`, { address: '雪松路 9 号' })).json()).toMatchObject({
      measure: 'none',
    });
    expectError(await manager.patch(`${API}/returnees/${r.id}`, { transport: 'rail' }), 422);
  });
});

describe('reading returnees', () => {
  it('lists the area’s returnees masked, awaiting confirmation first, with filters; another county’s are not there', async () => {
    const foreign = (await t.factory.account({ grants: [{ role: 'region_manager', regionId: w.b.county.id }] })).login;
    const other = await t.signIn(foreign);
    const theirs = (await other.post(`${API}/returnees`, body({ regionId: w.b.community.id }))).json();
    const res = await doctor.get(`${API}/returnees?limit=200`);
    expect(res.statusCode, res.body).toBe(200);
    const items = res.json().items as { id: string; measure: string | null; name: string }[];
    expect(items.map((i) => i.id)).not.toContain(theirs.id);
    const firstDone = items.findIndex((i) => i.measure !== null);
    expect(firstDone).toBeGreaterThan(0);
    expect(items.slice(firstDone).every((i) => i.measure !== null)).toBe(true);
    expect(res.body).not.toContain('13700001234');
    expect(items.every((i) => i.name === '刘**')).toBe(true);

    const pending = (await manager.get(`${API}/returnees?pending=true&measure=home_isolation&limit=200`)).json().items;
    expect(pending.length).toBeGreaterThan(0);
    expect(
      pending.every(
        (i: { measure: null; proposedMeasure: string }) => i.measure === null && i.proposedMeasure === 'home_isolation',
      ),
    ).toBe(true);
    const old = (await manager.get(`${API}/returnees?from=${addDays(today, -5)}&to=${addDays(today, -2)}`)).json().items;
    expect(old.every((i: { returnedOn: string }) => i.returnedOn === addDays(today, -3))).toBe(true);
    expectError(await manager.get(`${API}/returnees?from=${today}&to=${addDays(today, -1)}`), 422);
    expectError(await manager.get(`${API}/returnees?regionId=${w.b.county.id}`), 404);
    expectError(await doctor.get(`${API}/returnees/${theirs.id}`), 404);
    expectError(await inspector.get(`${API}/returnees`), 403);
    // A doctor reads and reveals but does not register.
    expectError(await doctor.post(`${API}/returnees`, body()), 403);
  });

  it('reveals the person to a caller who may, and records that they looked', async () => {
    const idNumber = testIdNumber();
    const r = (await manager.post(`${API}/returnees`, body({ idNumber }))).json();
    const res = await doctor.post(`${API}/returnees/${r.id}/reveal`);
    expect(res.statusCode, res.body).toBe(200);
    expect(res.json()).toEqual({ name: '刘德明', idNumber, mobile: '13700001234' });
    const audit = await auditRows(t.deps, { action: 'returnee.reveal', entityId: r.id });
    expect(audit).toHaveLength(1);
    expect(audit[0]!.actorLogin).toBe('rt-doctor');
    expect(audit[0]!.detail).not.toContain(idNumber);
  });

  it('shows the isolation case opened for the returnee', async () => {
    const r = (await manager.post(`${API}/returnees`, body({ originCode: '420100' }))).json();
    const ref = `GL-TEST-${newId().slice(-6)}`;
    const caseId = await insertCase(db(), {
      regionId: w.a.grid.id,
      returneeId: r.id,
      ref,
      personName: '刘德明',
      mobile: null,
      daysAgo: 0,
    });
    expect((await doctor.get(`${API}/returnees/${r.id}`)).json().case).toEqual({
      id: caseId,
      ref,
      kind: 'home',
      status: 'active',
    });
  });
});

describe('a follow-up task registered as a returnee', () => {
  async function task(regionId: string): Promise<string> {
    const id = newId();
    const now = nowIso();
    await db()
      .insertInto('followUps')
      .values({
        id,
        regionId,
        kind: 'risk_arrival',
        sourceKind: 'passage',
        sourceId: newId(),
        personName: '陈晓',
        personMobile: '13600002222',
        details: JSON.stringify({ occurredAt: now, originCode: '420100', originName: '湖北省 武汉市' }),
        status: 'open',
        assignedTo: null,
        outcome: null,
        closedAt: null,
        closedBy: null,
        createdAt: now,
        updatedAt: now,
      })
      .execute();
    return id;
  }

  it('closes the task in the same write, and only once', async () => {
    const followUpId = await task(w.a.community.id);
    const res = await manager.post(`${API}/returnees`, body({ followUpId, name: '陈晓', originCode: '420100' }));
    expect(res.statusCode, res.body).toBe(201);
    expect(res.json().followUpId).toBe(followUpId);
    const closed = await db().selectFrom('followUps').selectAll().where('id', '=', followUpId).executeTakeFirstOrThrow();
    expect(closed).toMatchObject({ status: 'closed', closedBy: managerId, assignedTo: managerId });
    expect(closed.outcome).toContain('已登记为返乡人员');
    expect(await auditRows(t.deps, { action: 'followUp.close', entityId: followUpId })).toHaveLength(1);
    expectError(await manager.post(`${API}/returnees`, body({ followUpId })), 409, 'FOLLOW_UP_CLOSED');
  });

  it('refuses a task of another county as a wrong value, and a failed registration leaves the task open', async () => {
    const foreign = await task(w.b.community.id);
    expect(expectError(await manager.post(`${API}/returnees`, body({ followUpId: foreign })), 422).fields?.followUpId).toBe(
      '找不到该跟进任务',
    );
    const mine = await task(w.a.community.id);
    expectError(await manager.post(`${API}/returnees`, body({ followUpId: mine, transport: 'rail' })), 422);
    expect((await db().selectFrom('followUps').select('status').where('id', '=', mine).executeTakeFirstOrThrow()).status).toBe(
      'open',
    );
  });
});

describe('past retention', () => {
  it('shows an anonymised returnee as such; it can no longer be corrected, decided or revealed', async () => {
    const householdId = await household(w.a.grid.id);
    const r = (
      await manager.post(`${API}/returnees`, body({ idNumber: testIdNumber(), householdId, note: '与确诊病例同车' }))
    ).json();
    expect(r).toMatchObject({ anonymised: false, name: '刘**' });
    await anonymise(db(), 'returnees', [r.id], nowIso());

    const gone = { anonymised: true, name: '已匿名', idNumber: null, mobile: null, address: null, note: null };
    expect((await doctor.get(`${API}/returnees/${r.id}`)).json()).toMatchObject({
      ...gone,
      householdId: null,
      householdAddress: null,
      originCode: '410100',
    });
    const listed = (await doctor.get(`${API}/returnees?limit=200`)).json().items as { id: string }[];
    expect(listed.find((i) => i.id === r.id)).toMatchObject(gone);

    const before = await snapshot(t.deps);
    const refused = 'QUARANTINE_PERSON_ANONYMISED';
    expectError(await manager.patch(`${API}/returnees/${r.id}`, { address: '雪松路 9 号' }), 409, refused);
    expectError(await manager.post(`${API}/returnees/${r.id}/measure`, { measure: 'none' }), 409, refused);
    expectError(await doctor.post(`${API}/returnees/${r.id}/reveal`), 409, refused);
    expect(await snapshot(t.deps)).toEqual(before);
    // Access is checked first: a caller who may not reveal is refused as before.
    expectError(await inspector.post(`${API}/returnees/${r.id}/reveal`), 403);
  });
});
