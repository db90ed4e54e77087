import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createTestApp, type Client, type TestApp } from '../../../test/app.ts';
import { twoCounties, type TwoCounties } from '../../../test/fixtures.ts';
import { testIdNumber, withWrongCheckDigit } from '../../../test/identity.ts';
import { API, auditRows, expectError, snapshot } from '../../../test/requests.ts';
import { addDays, calendarDate } from '../../platform/dates.ts';
import { newId, nowIso } from '../../platform/db/ids.ts';
import { isUniqueViolation } from '../../platform/db/dialect.ts';
import type { ContactTable, ReturneeTable } from '../../platform/db/schema.ts';
import { sealIdNumber } from '../../platform/pii/identity.ts';
import { accountsService } from '../accounts/accounts.service.ts';
import { regionsService } from '../regions/regions.service.ts';
import { casesService, type CasesService } from './cases.service.ts';
import { insertHousehold, personColumns } from './returnees.matrix.ts';

let t: TestApp;
let w: TwoCounties;
let cases: CasesService;
let manager: Client;
let doctor: Client;
let otherDoctor: Client;
let volunteer: Client;
let county: Client;
let managerId: string;
let doctorId: string;
let otherDoctorId: string;

const db = () => t.deps.db.db;
const today = () => calendarDate(t.deps.config.timeZone);
let seq = 0;
const mobile = () => `1350000${String(++seq).padStart(4, '0')}`;

const direct = (o: Record<string, unknown> = {}) => ({
  regionId: w.a.grid.id,
  personName: '张三丰',
  mobile: mobile(),
  address: '雪松路 8 号院 2 栋 301',
  kind: 'home',
  ...o,
});

async function open(o: Record<string, unknown> = {}) {
  const res = await manager.post(`${API}/quarantine/cases`, direct(o));
  expect(res.statusCode, res.body).toBe(201);
  return res.json();
}

async function report(
  caseId: string,
  slotOn: string,
  slot: string,
  o: { fever?: number; symptoms?: string[]; temperature?: number } = {},
) {
  const now = nowIso();
  await db()
    .insertInto('healthReports')
    .values({
      id: newId(),
      caseId,
      regionId: w.a.grid.id,
      slotOn,
      slot,
      temperature: o.temperature ?? 36.5,
      remeasuredTemperature: null,
      remeasuredAt: null,
      fever: o.fever ?? 0,
      symptoms: JSON.stringify(o.symptoms ?? []),
      feeling: 'good',
      helpRequest: '需要买药',
      late: 0,
      enteredBy: null,
      reportedAt: now,
      createdAt: now,
      updatedAt: now,
      anonymisedAt: null,
    })
    .execute();
}

/** Moves a case's dates back so its last day is `endsOn`. */
async function endingOn(id: string, endsOn: string) {
  await db()
    .updateTable('isolationCases')
    .set({ startsOn: addDays(endsOn, -13), endsOn })
    .where('id', '=', id)
    .execute();
}

/** A returnee written straight to its table, in grid A, returned three days ago unless said. */
async function insertReturnee(o: Partial<ReturneeTable> = {}): Promise<string> {
  const row = {
    ...personColumns(w.a.grid.id),
    name: '陈返乡',
    mobile: mobile(),
    address: '返乡路 1 号',
    originCode: '420100',
    originName: '湖北省 武汉市',
    fromRiskArea: 1,
    returnedOn: addDays(today(), -3),
    transport: 'rail',
    tripNumber: 'G802',
    exposures: '[]',
    proposedMeasure: 'home_isolation',
    measure: 'home_isolation',
    ...o,
  };
  await db().insertInto('returnees').values(row).execute();
  return row.id;
}

/** A close contact written straight to its table, in community A, exposed five days ago unless said. */
async function insertContact(o: Partial<ContactTable> = {}): Promise<string> {
  const row = {
    ...personColumns(w.a.community.id),
    name: '林密接',
    mobile: mobile(),
    address: null,
    sourceCase: '确诊病例 7 号',
    lastExposureOn: addDays(today(), -5),
    exposureKind: 'household',
    ...o,
  };
  await db().insertInto('contacts').values(row).execute();
  return row.id;
}

const household = () => insertHousehold(db(), w.a.grid.id);

beforeAll(async () => {
  t = await createTestApp();
  w = await twoCounties(t.factory);
  const regions = regionsService(t.deps);
  cases = casesService(t.deps, { regions, accounts: accountsService(t.deps, regions) });
  await db().updateTable('regions').set({ code: '411702' }).where('id', '=', w.a.county.id).execute();
  managerId = (
    await t.factory.account({
      login: 'qc-manager',
      name: '刘主任',
      grants: [{ role: 'region_manager', regionId: w.a.community.id }],
    })
  ).id;
  doctorId = (
    await t.factory.account({
      login: 'qc-doctor',
      name: '李医生',
      grants: [{ role: 'medical_observer', regionId: w.a.community.id }],
    })
  ).id;
  otherDoctorId = (
    await t.factory.account({
      login: 'qc-doctor2',
      name: '周医生',
      grants: [{ role: 'medical_observer', regionId: w.a.township.id }],
    })
  ).id;
  await t.factory.account({ login: 'qc-county', grants: [{ role: 'region_manager', regionId: w.a.county.id }] });
  await t.factory.account({ login: 'qc-volunteer', grants: [{ role: 'volunteer', regionId: w.a.grid.id }] });
  manager = await t.signIn('qc-manager');
  doctor = await t.signIn('qc-doctor');
  otherDoctor = await t.signIn('qc-doctor2');
  volunteer = await t.signIn('qc-volunteer');
  county = await t.signIn('qc-county');
});
afterAll(() => t.close());

describe('opening a case', () => {
  it('opens for a person named directly: reference, 14-day plan from today, nearest staff, masked, audited', async () => {
    const c = await open({ idNumber: testIdNumber() });
    expect(c.ref).toMatch(/^GL-411702-\d{6}$/);
    expect(c).toMatchObject({
      personName: '张**',
      mobile: expect.stringMatching(/^135\*\*\*\*\d{4}$/),
      idNumber: expect.stringMatching(/^411702\*{8}[\dX]{4}$/),
      kind: 'home',
      plan: 'd14',
      planDays: 14,
      startBasis: 'other',
      startsOn: today(),
      endsOn: addDays(today(), 13),
      status: 'active',
      counter: { day: 1, total: 14, remaining: 13, dueForRelease: false },
      gridWorker: { id: managerId, name: '刘主任' },
      medicalObserver: { id: doctorId, name: '李医生' },
      openAlerts: 0,
    });
    expect(c.events).toMatchObject([{ kind: 'opened', byName: '刘主任' }]);
    expect(c.reports).toHaveLength(1);
    const audit = await auditRows(t.deps, { action: 'case.open', entityId: c.id });
    expect(audit).toHaveLength(1);
    expect(audit[0]!.detail).not.toContain('张三丰');
  });

  it('numbers references one after another within the county', async () => {
    const a = await open();
    const b = await open();
    expect(Number(b.ref.slice(-6))).toBe(Number(a.ref.slice(-6)) + 1);
  });

  it('opens from a returnee (return date) and from a close contact (last exposure), prefilled', async () => {
    const idNumber = testIdNumber();
    const returneeId = await insertReturnee({ ...sealIdNumber(t.deps.pii, idNumber), mobile: '13911112222' });
    const sources = (await manager.get(`${API}/quarantine/case-sources?kind=returnee`)).json();
    expect(sources.items).toContainEqual(
      expect.objectContaining({ id: returneeId, personName: '陈**', startsOn: addDays(today(), -3), regionId: w.a.grid.id }),
    );
    const c = (await manager.post(`${API}/quarantine/cases`, { returneeId, kind: 'home' })).json();
    expect(c).toMatchObject({
      returneeId,
      personName: '陈**',
      address: '返乡路 1 号',
      startBasis: 'return',
      startsOn: addDays(today(), -3),
      counter: { day: 4, total: 14 },
      regionId: w.a.grid.id,
    });
    expect((await manager.get(`${API}/quarantine/case-sources?kind=returnee`)).json().items).not.toContainEqual(
      expect.objectContaining({ id: returneeId }),
    );
    // The same ID number cannot have two active cases, whatever it was opened from.
    const again = expectError(await manager.post(`${API}/quarantine/cases`, direct({ idNumber })), 409, 'CASE_ACTIVE_EXISTS');
    expect(again.message).toContain(c.ref);

    const contactId = await insertContact({ mobile: '13911113333' });
    // The form places the case where the person is, so the place's people load as soon as one is picked.
    expect((await manager.get(`${API}/quarantine/case-sources?kind=contact`)).json().items).toContainEqual(
      expect.objectContaining({ id: contactId, regionId: w.a.community.id }),
    );
    const k = (await manager.post(`${API}/quarantine/cases`, { contactId, kind: 'central', plan: 'd7p3' })).json();
    expect(k).toMatchObject({
      startBasis: 'exposure',
      startsOn: addDays(today(), -5),
      endsOn: addDays(today(), 4),
      planDays: 10,
      kind: 'central',
    });
  });

  it('refuses a second active case of the same name and mobile', async () => {
    const m = mobile();
    await open({ mobile: m });
    expectError(await manager.post(`${API}/quarantine/cases`, direct({ mobile: m })), 409, 'CASE_ACTIVE_EXISTS');
  });

  it('says which field is wrong and writes nothing', async () => {
    const before = await snapshot(t.deps);
    const bad = async (o: Record<string, unknown>, field: string, status = 422) => {
      const e = expectError(await manager.post(`${API}/quarantine/cases`, direct(o)), status);
      expect(Object.keys(e.fields ?? {}), JSON.stringify(e)).toContain(field);
    };
    await bad({ idNumber: withWrongCheckDigit(testIdNumber()) }, 'idNumber');
    const e = expectError(await county.post(`${API}/quarantine/cases`, direct({ regionId: w.a.township.id })), 422);
    expect(e.fields).toHaveProperty('regionId');
    await bad({ startsOn: addDays(today(), 1) }, 'startsOn');
    await bad({ startsOn: addDays(today(), -30) }, 'startsOn');
    await bad({ plan: 'd99' }, 'plan');
    await bad({ mobile: undefined }, 'mobile');
    await bad({ gridWorkerId: otherDoctorId }, 'gridWorkerId');
    await bad({ kind: 'hotel' }, 'kind', 400);
    expectError(await manager.post(`${API}/quarantine/cases`, direct({ regionId: w.b.grid.id })), 404);
    expect(await snapshot(t.deps)).toEqual(before);
  });
});

describe('one active case per person', () => {
  const activeCases = (column: 'idNumberIndex' | 'mobile', value: string) =>
    db().selectFrom('isolationCases').selectAll().where(column, '=', value).where('status', '=', 'active').execute();

  let elsewhere: Client;
  beforeAll(async () => {
    await t.factory.account({ login: 'qc-manager-b', grants: [{ role: 'region_manager', regionId: w.b.community.id }] });
    elsewhere = await t.signIn('qc-manager-b');
  });

  /**
   * The same person opened at once by two counties' staff (within one county the second opening
   * already waits on the reference, the county's next number): one opens, the other is told which
   * case it lost to; never a 500.
   */
  async function race(o: Record<string, unknown>) {
    const both = await Promise.all([
      manager.post(`${API}/quarantine/cases`, direct(o)),
      elsewhere.post(`${API}/quarantine/cases`, direct({ ...o, regionId: w.b.grid.id })),
    ]);
    expect(both.map((r) => r.statusCode).sort(), both.map((r) => r.body).join('\n')).toEqual([201, 409]);
    const won = both.find((r) => r.statusCode === 201)!.json();
    expect(
      expectError(
        both.find((r) => r.statusCode === 409)!,
        409,
        'CASE_ACTIVE_EXISTS',
      ).message,
    ).toContain(won.ref);
  }

  it('lets one of two simultaneous openings for the same ID number through', async () => {
    const idNumber = testIdNumber();
    await race({ idNumber });
    expect(await activeCases('idNumberIndex', sealIdNumber(t.deps.pii, idNumber).idNumberIndex)).toHaveLength(1);
  });

  it('lets one of two simultaneous openings for the same name and mobile through', async () => {
    const m = mobile();
    await race({ mobile: m });
    expect(await activeCases('mobile', m)).toHaveLength(1);
  });

  it('is held by the database too: a second active row of the person is refused, a closed one is not', async () => {
    const withId = await open({ idNumber: testIdNumber() });
    const withoutId = await open();
    for (const c of [withId, withoutId]) {
      const row = await db().selectFrom('isolationCases').selectAll().where('id', '=', c.id).executeTakeFirstOrThrow();
      const copy = () => ({ ...row, id: newId(), ref: `GL-COPY-${newId().slice(-8)}` });
      const refused = await db()
        .insertInto('isolationCases')
        .values(copy())
        .execute()
        .then(
          () => null,
          (e: unknown) => e,
        );
      expect(isUniqueViolation(refused), String(refused)).toBe(true);
      await db()
        .insertInto('isolationCases')
        .values({ ...copy(), status: 'released', closeKind: 'early', closedOn: today() })
        .execute();
    }
  });
});

describe('reading cases', () => {
  it('lists with the day counter and finds the ones due today; a medical observer sees the cases they observe', async () => {
    const due = await open();
    await endingOn(due.id, today());
    const list = (await manager.get(`${API}/quarantine/cases?due=true`)).json();
    expect(list.items.map((c: { id: string }) => c.id)).toEqual([due.id]);
    expect(list.items[0].counter).toEqual({ day: 14, total: 14, remaining: 0, dueForRelease: true });
    expect((await doctor.get(`${API}/quarantine/cases`)).json().total).toBeGreaterThan(0);
    expect((await otherDoctor.get(`${API}/quarantine/cases`)).json().total).toBe(0);
    expectError(await otherDoctor.get(`${API}/quarantine/cases/${due.id}`), 404);
    expectError(await volunteer.get(`${API}/quarantine/cases`), 403);
  });

  it('shows the 14-day report grid and open alerts', async () => {
    const c = await open();
    await db()
      .updateTable('isolationCases')
      .set({ startsOn: addDays(today(), -20), endsOn: addDays(today(), 2) })
      .where('id', '=', c.id)
      .execute();
    await report(c.id, addDays(today(), -1), 'morning', { temperature: 37.8, fever: 1, symptoms: ['fever'] });
    await report(c.id, addDays(today(), -20), 'morning');
    const d = (await manager.get(`${API}/quarantine/cases/${c.id}`)).json();
    expect(d.reports).toHaveLength(14);
    // The configured windows (defaults 06:00-10:00 and 17:00-21:00) say which empty slots were owed.
    expect(d.windowCloses).toEqual({ morning: '10:00', evening: '21:00' });
    expect(d.reports[13].date).toBe(today());
    expect(d.reports[12]).toEqual({
      date: addDays(today(), -1),
      morning: { temperature: 37.8, fever: true, symptoms: 1, help: true, late: false },
      evening: null,
    });
  });

  it('reveals the person to a medical observer of the case, audited', async () => {
    const idNumber = testIdNumber();
    const c = await open({ idNumber, personName: '何四' });
    await db().updateTable('isolationCases').set({ medicalObserverId: doctorId }).where('id', '=', c.id).execute();
    const res = await doctor.post(`${API}/quarantine/cases/${c.id}/reveal`, {});
    expect(res.statusCode, res.body).toBe(200);
    expect(res.json()).toMatchObject({ personName: '何四', idNumber });
    expect(await auditRows(t.deps, { action: 'case.reveal', entityId: c.id })).toHaveLength(1);
  });
});

describe('changing a case', () => {
  it('extends with a reason, after the current end only', async () => {
    const c = await open();
    expectError(await manager.post(`${API}/quarantine/cases/${c.id}/extend`, { endsOn: c.endsOn, reason: '延长' }), 422);
    const res = await manager.post(`${API}/quarantine/cases/${c.id}/extend`, {
      endsOn: addDays(c.endsOn, 7),
      reason: '同住人员确诊',
    });
    expect(res.statusCode, res.body).toBe(200);
    expect(res.json()).toMatchObject({ endsOn: addDays(c.endsOn, 7), counter: { total: 21 } });
    expect(res.json().events.at(-1)).toMatchObject({ kind: 'extended', reason: '同住人员确诊', detail: { from: c.endsOn } });
  });

  it('changes the volunteer only to one of the area', async () => {
    const c = await open();
    const mine = await t.factory.volunteer({ regionId: w.a.grid.id, name: '王志愿' });
    const foreign = await t.factory.volunteer({ regionId: w.b.grid.id });
    expectError(await manager.patch(`${API}/quarantine/cases/${c.id}`, { volunteerId: foreign.id }), 422);
    const res = await manager.patch(`${API}/quarantine/cases/${c.id}`, { volunteerId: mine.id });
    expect(res.json()).toMatchObject({ volunteer: { id: mine.id, name: '王志愿' } });
    expect(res.json().events.at(-1)).toMatchObject({ kind: 'assigned' });
  });
});

describe('release', () => {
  it('explains why a normal release must wait: not the last day, reports missing, reports abnormal', async () => {
    const c = await open();
    const early = expectError(await manager.post(`${API}/quarantine/cases/${c.id}/release`, {}), 409, 'CASE_NOT_DUE');
    expect(early.message).toContain(c.endsOn);
    await endingOn(c.id, today());
    expectError(await manager.post(`${API}/quarantine/cases/${c.id}/release`, {}), 409, 'CASE_LAST_DAY_MISSING');
    await report(c.id, today(), 'morning');
    await report(c.id, today(), 'evening', { symptoms: ['dry_cough'] });
    expectError(await manager.post(`${API}/quarantine/cases/${c.id}/release`, {}), 409, 'CASE_LAST_DAY_ABNORMAL');
    expectError(await manager.get(`${API}/quarantine/cases/${c.id}/release-notice`), 409, 'CASE_NOT_RELEASED');
  });

  it('releases on the last day with both reports normal, ends the person’s links, prints the notice', async () => {
    const idNumber = testIdNumber();
    const c = await open({ idNumber, personName: '孙七' });
    await endingOn(c.id, today());
    await report(c.id, today(), 'morning');
    await report(c.id, today(), 'evening');
    const tokenId = newId();
    await db()
      .insertInto('residentTokens')
      .values({
        id: tokenId,
        purpose: 'health_report',
        caseId: c.id,
        householdId: null,
        tokenHash: newId(),
        expiresAt: '2099-01-01T00:00:00.000Z',
        revokedAt: null,
        createdBy: null,
        createdAt: nowIso(),
      })
      .execute();
    const res = await manager.post(`${API}/quarantine/cases/${c.id}/release`, {});
    expect(res.statusCode, res.body).toBe(200);
    expect(res.json()).toMatchObject({ status: 'released', closeKind: 'normal', closedOn: today() });
    expect(
      (await db().selectFrom('residentTokens').select('revokedAt').where('id', '=', tokenId).executeTakeFirstOrThrow()).revokedAt,
    ).not.toBeNull();
    expectError(
      await manager.post(`${API}/quarantine/cases/${c.id}/extend`, { endsOn: '2099-01-01', reason: 'x' }),
      409,
      'CASE_CLOSED',
    );
    const notice = (await manager.get(`${API}/quarantine/cases/${c.id}/release-notice`)).json();
    expect(notice).toMatchObject({
      ref: c.ref,
      personName: '孙七',
      idNumber: `${idNumber.slice(0, 6)}********${idNumber.slice(-4)}`,
      releasedOn: today(),
      communityName: w.a.community.name,
    });
    // Released: the person may be opened again later.
    expect((await manager.post(`${API}/quarantine/cases`, direct({ idNumber }))).statusCode).toBe(201);
  });

  it('releases early only with a reason; transfers with hospital and reason', async () => {
    const c = await open();
    expectError(await manager.post(`${API}/quarantine/cases/${c.id}/release`, { early: true }), 422);
    const r = (await manager.post(`${API}/quarantine/cases/${c.id}/release`, { early: true, reason: '经专家评估' })).json();
    expect(r).toMatchObject({ status: 'released', closeKind: 'early', closeReason: '经专家评估' });
    const k = await open();
    const x = (
      await manager.post(`${API}/quarantine/cases/${k.id}/transfer`, { hospital: '市中心医院', reason: '持续发热' })
    ).json();
    expect(x).toMatchObject({ status: 'transferred', closeKind: 'transferred', hospital: '市中心医院' });
    expect(x.events.at(-1)).toMatchObject({ kind: 'transferred', reason: '持续发热', detail: { hospital: '市中心医院' } });
  });
});

describe('retention', () => {
  it('anonymises cases closed longer ago than the retention period, and their reports’ help requests', async () => {
    const old = await open({ idNumber: testIdNumber() });
    await report(old.id, today(), 'morning');
    const recent = await open();
    const closedOn = addDays(today(), -(t.deps.config.healthRetentionDays + 1));
    await db()
      .updateTable('isolationCases')
      .set({ status: 'released', closeKind: 'early', closedOn, householdId: await household() })
      .where('id', '=', old.id)
      .execute();
    await db()
      .updateTable('isolationCases')
      .set({ status: 'released', closeKind: 'early', closedOn: today() })
      .where('id', '=', recent.id)
      .execute();
    const done = await cases.anonymise(nowIso());
    expect(done).toMatchObject({ cases: 1, reports: 1 });
    const row = await db().selectFrom('isolationCases').selectAll().where('id', '=', old.id).executeTakeFirstOrThrow();
    expect(row).toMatchObject({
      personName: '已匿名',
      idNumberEnc: null,
      idNumberIndex: null,
      mobile: null,
      address: null,
      householdId: null,
    });
    expect(row.anonymisedAt).not.toBeNull();
    const rep = await db().selectFrom('healthReports').selectAll().where('caseId', '=', old.id).executeTakeFirstOrThrow();
    expect(rep.helpRequest).toBeNull();
    expect(rep.anonymisedAt).not.toBeNull();
    expect(
      (await db().selectFrom('isolationCases').select('personName').where('id', '=', recent.id).executeTakeFirstOrThrow())
        .personName,
    ).toBe('张三丰');
    const audit = await auditRows(t.deps, { action: 'cases.anonymise' });
    expect(JSON.parse(audit.at(-1)!.detail!)).toMatchObject({ cases: 1, reports: 1 });
    expect(await cases.anonymise(nowIso())).toEqual({ cases: 0, reports: 0, returnees: 0, contacts: 0 });
    expectError(await manager.post(`${API}/quarantine/cases/${old.id}/reveal`, {}), 409, 'CASE_ANONYMISED');
    // A case without its household still reads.
    expect((await manager.get(`${API}/quarantine/cases/${old.id}`)).json()).toMatchObject({
      personName: '已匿名',
      householdId: null,
      anonymised: true,
    });
  });

  it('anonymises returnees and contacts past their watch and the retention period, unless a case still names them', async () => {
    const { healthRetentionDays, isolationPlans } = t.deps.config;
    const keep = isolationPlans[0]!.days + healthRetentionDays;
    // Watch started `keep` days ago: today is the last day kept; one day more and it goes.
    const past = addDays(today(), -(keep + 1));
    const last = addDays(today(), -keep);
    const gone = await insertReturnee({
      returnedOn: past,
      householdId: await household(),
      ...sealIdNumber(t.deps.pii, testIdNumber()),
      note: '本人称与确诊病例王某同车',
      measure: 'none',
      measureReason: '已在外地完成隔离',
    });
    const kept = await insertReturnee({ returnedOn: last });
    // A case still open for a returnee keeps them, however long ago they came back.
    const withActiveCase = await insertReturnee({ returnedOn: past });
    await open({ returneeId: withActiveCase, startsOn: today(), regionId: undefined, personName: undefined });
    // Once that case is anonymised itself (cases go first, in the same run), the returnee follows.
    const withOldCase = await insertReturnee({ returnedOn: past });
    const oldCase = await open({ returneeId: withOldCase, startsOn: today(), regionId: undefined, personName: undefined });
    await db()
      .updateTable('isolationCases')
      .set({ status: 'released', closeKind: 'early', closedOn: addDays(today(), -(healthRetentionDays + 1)) })
      .where('id', '=', oldCase.id)
      .execute();
    const goneContact = await insertContact({ lastExposureOn: past, note: '同住' });
    const keptContact = await insertContact({ lastExposureOn: last });

    expect(await cases.anonymise(nowIso())).toEqual({ cases: 1, reports: 0, returnees: 2, contacts: 1 });

    const returnees = await db().selectFrom('returnees').selectAll().where('returnedOn', '<=', last).execute();
    const byId = (id: string) => returnees.find((r) => r.id === id)!;
    expect(byId(gone)).toMatchObject({
      name: '已匿名',
      idNumberEnc: null,
      idNumberIndex: null,
      mobile: null,
      address: null,
      note: null,
      householdId: null,
      measureReason: null,
      // What is not about the person stays, for the counts.
      originCode: '420100',
      returnedOn: past,
      measure: 'none',
    });
    expect(byId(gone).anonymisedAt).not.toBeNull();
    expect(byId(withOldCase).anonymisedAt).not.toBeNull();
    for (const id of [kept, withActiveCase]) expect(byId(id)).toMatchObject({ name: '陈返乡', anonymisedAt: null });
    const contacts = await db().selectFrom('contacts').selectAll().where('id', 'in', [goneContact, keptContact]).execute();
    expect(contacts.find((c) => c.id === goneContact)).toMatchObject({
      name: '已匿名',
      mobile: null,
      note: null,
      sourceCase: '已匿名',
      exposureKind: 'household',
    });
    expect(contacts.find((c) => c.id === keptContact)).toMatchObject({ name: '林密接', anonymisedAt: null });

    const detail = async (action: string) => JSON.parse((await auditRows(t.deps, { action })).at(-1)!.detail!);
    expect(await detail('returnees.anonymise')).toEqual({
      startedBefore: addDays(today(), -keep),
      returnees: 2,
      fields: ['name', 'idNumber', 'mobile', 'address', 'householdId', 'note', 'measureReason'],
    });
    expect(await detail('contacts.anonymise')).toMatchObject({ contacts: 1, fields: expect.arrayContaining(['sourceCase']) });
    expect(JSON.stringify(await auditRows(t.deps, { action: 'returnees.anonymise' }))).not.toContain('王某');

    // Nothing left to do: a second run changes nothing and records nothing.
    const audits = (await auditRows(t.deps, {})).length;
    expect(await cases.anonymise(nowIso())).toEqual({ cases: 0, reports: 0, returnees: 0, contacts: 0 });
    expect(await auditRows(t.deps, {})).toHaveLength(audits);

    // The person is gone: no case is opened from the record any more.
    expectError(
      await manager.post(`${API}/quarantine/cases`, { returneeId: gone, kind: 'home', startsOn: today() }),
      409,
      'CASE_SOURCE_ANONYMISED',
    );
    expectError(
      await manager.post(`${API}/quarantine/cases`, { contactId: goneContact, kind: 'home', startsOn: today() }),
      409,
      'CASE_SOURCE_ANONYMISED',
    );
  });
});
