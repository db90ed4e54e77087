import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createTestApp, type Client, type TestApp } from '../../../test/app.ts';
import { twoCounties, type TwoCounties } from '../../../test/fixtures.ts';
import { API, auditRows, expectError, snapshot } from '../../../test/requests.ts';
import type { ServiceKind } from '../../../common/enums.ts';
import { calendarDate } from '../../platform/dates.ts';
import { newId } from '../../platform/db/ids.ts';
import { regionsService } from '../regions/regions.service.ts';
import { unitsService } from '../units/units.service.ts';
import { volunteersService, type VolunteersService } from '../volunteers/volunteers.service.ts';
import * as repo from './certificates.repository.ts';
import type { Certificate, CertificateCheck } from './certificates.schemas.ts';
import { CHECK_MISS_LIMIT } from './certificates.service.ts';

let t: TestApp;
let w: TwoCounties;
let managerA: Client;
let managerB: Client;
let inspectorA: Client;
let volunteers: VolunteersService;
let today: string;
let unitId: string;

beforeAll(async () => {
  t = await createTestApp();
  w = await twoCounties(t.factory);
  await t.factory.account({ login: 'mgr-a', grants: [{ role: 'region_manager', regionId: w.a.county.id }] });
  await t.factory.account({ login: 'mgr-b', grants: [{ role: 'region_manager', regionId: w.b.county.id }] });
  await t.factory.account({ login: 'insp-a', grants: [{ role: 'inspector', regionId: w.a.county.id }] });
  managerA = await t.signIn('mgr-a');
  managerB = await t.signIn('mgr-b');
  inspectorA = await t.signIn('insp-a');
  const regions = regionsService(t.deps);
  volunteers = volunteersService(t.deps, { regions, units: unitsService(t.deps, regions) });
  today = calendarDate(t.deps.config.timeZone);
  unitId = (await t.factory.unit({ regionId: w.a.community.id, name: '市直机关工委' })).id;
});
afterAll(() => t.close());

/** An entry on the record as another feature (duty, errands…) adds it. */
async function entry(volunteerId: string, kind: ServiceKind, occurredOn: string, hours: number | null, title = '卡点值守') {
  await t.deps.db.db
    .transaction()
    .execute((trx) =>
      volunteers.recordService(trx, { volunteerId, kind, sourceId: newId(), title, hours, occurredOn, createdBy: null }),
    );
}

async function commend(volunteerId: string, title: string, reason: string, occurredOn: string) {
  const res = await managerA.post(`${API}/volunteers/${volunteerId}/commendations`, { title, reason, occurredOn });
  expect(res.statusCode, res.body).toBe(201);
}

async function issue(c: Client, volunteerId: string, body: Record<string, unknown>, headers?: Record<string, string>) {
  return c.post(`${API}/volunteers/${volunteerId}/certificates`, body, headers);
}

async function issued(volunteerId: string, body: Record<string, unknown> = { issuer: '驿城区新冠肺炎疫情防控指挥部' }) {
  const res = await issue(managerA, volunteerId, body);
  expect(res.statusCode, res.body).toBe(201);
  return res.json() as Certificate;
}

const FEBRUARY = { issuer: '驿城区新冠肺炎疫情防控指挥部', from: '2020-02-01', to: '2020-02-29' };
const REASON = '连续值守高速出口卡点 20 天，劝返外来车辆 300 余辆';

/** 王小明, a party member from a registered unit, with entries before, in and after February 2020. */
async function servedVolunteer(): Promise<string> {
  const { id } = await t.factory.volunteer({ regionId: w.a.grid.id, name: '王小明', unitId, partyMember: true });
  await entry(id, 'duty', '2020-01-20', 8);
  await entry(id, 'duty', '2020-02-05', 8.5);
  await entry(id, 'errand', '2020-02-06', 1.2, '代购');
  await commend(id, '优秀党员志愿者', REASON, '2020-02-07');
  await commend(id, '抗疫先锋', '带头值守', '2020-02-01');
  await entry(id, 'inspection', '2020-03-10', 2, '督查');
  return id;
}

describe('issuing a certificate', () => {
  let volunteerId: string;
  beforeAll(async () => {
    volunteerId = await servedVolunteer();
  });

  it('prints the period’s entries from the service record, commendations with their reasons, oldest first', async () => {
    const cert = await issued(volunteerId, FEBRUARY);
    const shown = (await managerA.get(`${API}/volunteers/${volunteerId}`)).json() as { regionName: string; unitName: string };
    expect(cert).toEqual({
      id: expect.any(String),
      volunteerId,
      code: expect.stringMatching(/^[0-9A-Z]{16}$/),
      verifyPath: `/c/${cert.code}`,
      periodFrom: '2020-02-01',
      periodTo: '2020-02-29',
      issuer: '驿城区新冠肺炎疫情防控指挥部',
      issuedAt: expect.any(String),
      revokedAt: null,
      revokedReason: null,
      content: {
        name: '王小明',
        unitName: '市直机关工委',
        regionName: shown.regionName,
        partyMember: true,
        hours: 9.7,
        entries: 4,
        byKind: { duty: 1, errand: 1, inspection: 0, screening: 0, disinfection: 0, commendation: 2, other: 0 },
        commendations: [
          { title: '抗疫先锋', reason: '带头值守', occurredOn: '2020-02-01' },
          { title: '优秀党员志愿者', reason: REASON, occurredOn: '2020-02-07' },
        ],
      },
    });
    expect(shown.unitName).toBe('市直机关工委');
    const audit = await auditRows(t.deps, { entityId: cert.id, action: 'certificate.issue' });
    expect(audit).toHaveLength(1);
    expect(JSON.parse(audit[0]!.detail!)).toMatchObject({ volunteerId, periodFrom: '2020-02-01', periodTo: '2020-02-29' });
  });

  it('runs from the first entry to today unless told otherwise', async () => {
    const cert = await issued(volunteerId);
    expect([cert.periodFrom, cert.periodTo]).toEqual(['2020-01-20', today]);
    expect(cert.content.entries).toBe(6);
    expect(cert.content.hours).toBe(19.7);
  });

  it('answers a retry with the same Idempotency-Key with the same certificate, written once', async () => {
    const count = async () =>
      (await t.deps.db.db.selectFrom('serviceCertificates').select('id').where('volunteerId', '=', volunteerId).execute()).length;
    const before = await count();
    const first = await issue(managerA, volunteerId, FEBRUARY, { 'idempotency-key': 'cert-once' });
    const again = await issue(managerA, volunteerId, FEBRUARY, { 'idempotency-key': 'cert-once' });
    expect(first.statusCode, first.body).toBe(201);
    expect(again.statusCode, again.body).toBe(201);
    expect(again.headers['idempotent-replayed']).toBe('true');
    expect(again.json()).toEqual(first.json());
    expect(await count()).toBe(before + 1);
  });

  it('keeps what was issued when the record changes later; lists newest first', async () => {
    const cert = await issued(volunteerId, FEBRUARY);
    await entry(volunteerId, 'disinfection', '2020-02-10', 3, '楼道消杀');
    await t.deps.db.db.updateTable('volunteers').set({ name: '王晓明' }).where('id', '=', volunteerId).execute();
    expect((await inspectorA.get(`${API}/certificates/${cert.id}`)).json()).toEqual(cert);
    const later = await issued(volunteerId, FEBRUARY);
    expect(later.content).toMatchObject({ name: '王晓明', entries: 5, hours: 12.7 });

    const list = (await inspectorA.get(`${API}/volunteers/${volunteerId}/certificates`)).json() as { items: Certificate[] };
    expect(list.items.slice(0, 2).map((c) => c.id)).toEqual([later.id, cert.id]);
    expect(list.items.map((c) => c.issuedAt)).toEqual(
      list.items
        .map((c) => c.issuedAt)
        .sort()
        .reverse(),
    );
    expect(list.items.find((c) => c.id === cert.id)).toEqual(cert);
  });

  it('refuses a period with no entries, and a volunteer with none at all, writing nothing', async () => {
    const before = await snapshot(t.deps);
    const empty = expectError(await issue(managerA, volunteerId, { ...FEBRUARY, from: '2019-01-01', to: '2019-12-31' }), 422);
    expect(empty).toMatchObject({ code: 'CERTIFICATE_EMPTY', message: '该时段内没有服务记录，不能出具证明' });
    expect(await snapshot(t.deps)).toEqual(before);

    const { id: idle } = await t.factory.volunteer({ regionId: w.a.grid.id });
    const withIdle = await snapshot(t.deps);
    expectError(await issue(managerA, idle, { issuer: '指挥部' }), 422, 'CERTIFICATE_EMPTY');
    expect(await snapshot(t.deps)).toEqual(withIdle);
  });

  it('refuses bad bodies with the fields named, in the caller’s language, writing nothing', async () => {
    const before = await snapshot(t.deps);
    const fieldsOf = (res: Awaited<ReturnType<typeof issue>>, status: number) => expectError(res, status).fields ?? {};

    expect(Object.keys(fieldsOf(await issue(managerA, volunteerId, {}), 400))).toEqual(['issuer']);
    expect(fieldsOf(await issue(managerA, volunteerId, { issuer: '   ' }), 400)).toHaveProperty('issuer');
    expect(Object.keys(fieldsOf(await issue(managerA, volunteerId, { ...FEBRUARY, from: '2020-13-01' }), 400))).toEqual(['from']);
    expect(Object.keys(fieldsOf(await issue(managerA, volunteerId, { ...FEBRUARY, extra: 1 }), 400))).toEqual(['extra']);
    expect(fieldsOf(await issue(managerA, volunteerId, { issuer: 'x'.repeat(61) }), 400)).toHaveProperty('issuer');

    const future = fieldsOf(await issue(managerA, volunteerId, { ...FEBRUARY, to: '2999-01-01' }), 422);
    expect(future).toEqual({ to: '日期不能晚于今天' });
    expect(fieldsOf(await issue(managerA, volunteerId, { issuer: 'x', from: '2999-01-01' }), 422)).toHaveProperty('from');
    const backwards = fieldsOf(await issue(managerA, volunteerId, { ...FEBRUARY, from: '2020-03-01' }), 422);
    expect(backwards).toEqual({ to: '结束日期不能早于开始日期' });
    managerA.lang = 'en';
    try {
      const en = fieldsOf(await issue(managerA, volunteerId, { ...FEBRUARY, from: '2020-03-01' }), 422);
      expect(en).toEqual({ to: 'The end date cannot be before the start date' });
    } finally {
      managerA.lang = 'zh-CN';
    }

    const cert = (await managerA.get(`${API}/volunteers/${volunteerId}/certificates`)).json().items[0] as Certificate;
    expect(Object.keys(fieldsOf(await managerA.post(`${API}/certificates/${cert.id}/revoke`, {}), 400))).toEqual(['reason']);
    expect(fieldsOf(await managerA.post(`${API}/certificates/${cert.id}/revoke`, { reason: ' ' }), 400)).toHaveProperty('reason');
    expect(fieldsOf(await t.anonymous().get(`${API}/c/abc`), 400)).toEqual({ 'params.code': '证明编号应为 16 位数字或大写字母' });
    expect(await snapshot(t.deps)).toEqual(before);
  });
});

describe('access', () => {
  it('keeps a county’s certificates to its own staff: another county’s answer 404, read-only roles may not issue', async () => {
    const volunteerId = await servedVolunteer();
    const cert = await issued(volunteerId, FEBRUARY);
    const before = await snapshot(t.deps);
    expectError(await issue(managerB, volunteerId, FEBRUARY), 404, 'NOT_FOUND');
    expectError(await issue(managerB, newId(), FEBRUARY), 404, 'NOT_FOUND');
    expectError(await managerB.get(`${API}/volunteers/${volunteerId}/certificates`), 404, 'NOT_FOUND');
    expectError(await managerB.get(`${API}/certificates/${cert.id}`), 404, 'NOT_FOUND');
    expectError(await managerB.get(`${API}/certificates/${newId()}`), 404, 'NOT_FOUND');
    expectError(await managerB.post(`${API}/certificates/${cert.id}/revoke`, { reason: '越权' }), 404, 'NOT_FOUND');
    expectError(await issue(inspectorA, volunteerId, FEBRUARY), 403, 'FORBIDDEN');
    expectError(await inspectorA.post(`${API}/certificates/${cert.id}/revoke`, { reason: '无权' }), 403, 'FORBIDDEN');
    expectError(await t.anonymous().get(`${API}/certificates/${cert.id}`), 401);
    expect(await snapshot(t.deps)).toEqual(before);
    expect((await inspectorA.get(`${API}/certificates/${cert.id}`)).statusCode).toBe(200);
  });
});

describe('revoking and checking', () => {
  let volunteerId: string;
  beforeAll(async () => {
    volunteerId = await servedVolunteer();
  });

  it('lets anyone check the code: enough to match the paper, the name masked, not audited', async () => {
    const cert = await issued(volunteerId, FEBRUARY);
    const auditBefore = (await t.deps.db.db.selectFrom('auditLog').select('id').execute()).length;
    const res = await t.anonymous('10.9.9.1').get(`${API}${cert.verifyPath}`);
    expect(res.statusCode, res.body).toBe(200);
    expect(res.json()).toEqual({
      code: cert.code,
      valid: true,
      name: '王**',
      unitName: '市直机关工委',
      regionName: cert.content.regionName,
      periodFrom: '2020-02-01',
      periodTo: '2020-02-29',
      hours: 9.7,
      entries: 4,
      commendations: ['抗疫先锋', '优秀党员志愿者'],
      issuer: '驿城区新冠肺炎疫情防控指挥部',
      issuedOn: today,
      revokedOn: null,
    } satisfies CertificateCheck);
    expect(res.body).not.toContain('王小明');
    expect(res.body).not.toContain(REASON);
    expect((await t.deps.db.db.selectFrom('auditLog').select('id').execute()).length).toBe(auditBefore);
  });

  it('revokes once, with the reason, audited; the check then says it is no longer valid', async () => {
    const cert = await issued(volunteerId, FEBRUARY);
    const res = await managerA.post(`${API}/certificates/${cert.id}/revoke`, { reason: ' 出具有误 ' });
    expect(res.statusCode, res.body).toBe(200);
    const revoked = res.json() as Certificate;
    expect(revoked).toEqual({ ...cert, revokedAt: expect.any(String), revokedReason: '出具有误' });
    expect((await managerA.get(`${API}/certificates/${cert.id}`)).json()).toEqual(revoked);
    expect(await auditRows(t.deps, { entityId: cert.id, action: 'certificate.revoke' })).toHaveLength(1);

    const again = expectError(await managerA.post(`${API}/certificates/${cert.id}/revoke`, { reason: '再次' }), 409);
    expect(again).toMatchObject({ code: 'CERTIFICATE_REVOKED', message: '该证明已作废' });
    expect(await auditRows(t.deps, { entityId: cert.id, action: 'certificate.revoke' })).toHaveLength(1);

    const check = (await t.anonymous('10.9.9.2').get(`${API}/c/${cert.code}`)).json() as CertificateCheck;
    expect(check).toMatchObject({ code: cert.code, valid: false, revokedOn: today, name: '王**' });
  });

  it('answers an unknown code 404, and past the limit of misses from one address, 429 even for a real code', async () => {
    const cert = await issued(volunteerId, FEBRUARY);
    const unknown = expectError(await t.anonymous('10.9.9.3').get(`${API}/c/${'Z'.repeat(16)}`), 404, 'CERTIFICATE_UNKNOWN');
    expect(unknown.message).toBe('查无此证明，请核对证明上的编号');

    const guesser = t.anonymous('10.9.9.4');
    for (let i = 0; i < CHECK_MISS_LIMIT; i++) expectError(await guesser.get(`${API}/c/${'Y'.repeat(16)}`), 404);
    expectError(await guesser.get(`${API}/c/${cert.code}`), 429, 'RATE_LIMITED');
    // Another address is not held up.
    expect((await t.anonymous('10.9.9.5').get(`${API}/c/${cert.code}`)).statusCode).toBe(200);
  });
});

describe('codes', () => {
  it('refuses a taken code without spoiling the transaction, so a fresh draw still goes in', async () => {
    const cert = await issued(await servedVolunteer(), FEBRUARY);
    const row = (await repo.findCertificate(t.deps.db.db, cert.id))!;
    const inserted = await t.deps.db.db
      .transaction()
      .execute(async (trx) => [
        await repo.insertCertificate(trx, { ...row, id: newId() }),
        await repo.insertCertificate(trx, { ...row, id: newId(), code: 'ZZZZZZZZZZZZZZZ2' }),
      ]);
    expect(inserted).toEqual([false, true]);
    expect((await repo.findByCode(t.deps.db.db, 'ZZZZZZZZZZZZZZZ2'))?.volunteerId).toBe(cert.volunteerId);
  });
});
