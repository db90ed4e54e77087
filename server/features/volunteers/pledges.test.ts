import { createHash } from 'node:crypto';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createTestApp, type Client, type TestApp } from '../../../test/app.ts';
import { twoCounties, type TwoCounties } from '../../../test/fixtures.ts';
import { testIdNumber, withWrongCheckDigit } from '../../../test/identity.ts';
import { API, auditRows, expectError, snapshot } from '../../../test/requests.ts';
import { idNumberIndex } from '../../platform/pii/identity.ts';
import { insertTestPledge } from './pledges.fixtures.ts';
import { pledgeSubmission } from './pledges.matrix.ts';
import { STATUS_MISS_LIMIT, SUBMIT_LIMIT } from './pledges.service.ts';

let t: TestApp;
let w: TwoCounties;
let admin: Client;
let reviewerA: Client;
let reviewerB: Client;
let commander: Client;
let unitA: string;
let cityUnit: string;

let address = 0;
/** A member of the public from an address of their own, so the per-address limits do not mix tests. */
const visitor = () => t.anonymous(`10.9.${Math.floor(++address / 250)}.${address % 250}`);

beforeAll(async () => {
  t = await createTestApp();
  w = await twoCounties(t.factory);
  await t.factory.account({ login: 'root', grants: [{ role: 'admin', regionId: null }] });
  await t.factory.account({ login: 'rev-a', grants: [{ role: 'region_manager', regionId: w.a.county.id }] });
  await t.factory.account({ login: 'rev-b', grants: [{ role: 'region_manager', regionId: w.b.county.id }] });
  await t.factory.account({ login: 'cmd', grants: [{ role: 'commander', regionId: w.city.id }] });
  await t.factory.account({ login: 'leader-a', grants: [{ role: 'team_leader', regionId: w.a.county.id }] });
  await t.factory.account({ login: 'doctor-a', grants: [{ role: 'medical_observer', regionId: w.a.county.id }] });
  admin = await t.signIn('root');
  reviewerA = await t.signIn('rev-a');
  reviewerB = await t.signIn('rev-b');
  commander = await t.signIn('cmd');
  unitA = (await t.factory.unit({ regionId: w.a.community.id, name: '甲县卫健局' })).id;
  cityUnit = (await t.factory.unit({ regionId: w.city.id, name: '市委组织部' })).id;
});
afterAll(() => t.close());

interface Pledge {
  id: string;
  reference: string;
  status: string;
  name: string;
  idNumber: string;
  mobile: string;
  unitId: string | null;
  unitName: string | null;
  regionId: string;
  regionName: string;
  skills: string[];
  availability: { weekday: number; band: string }[];
  decidedAt: string | null;
  decidedByName: string | null;
  decisionReason: string | null;
  volunteerId: string | null;
}

async function submit(body: Record<string, unknown>, client = visitor()) {
  const res = await client.post(`${API}/pledges`, body);
  expect(res.statusCode, res.body).toBe(201);
  return res.json() as { reference: string; statusToken: string; status: string };
}

async function pledgeByReference(reference: string): Promise<Pledge> {
  const res = await admin.get(`${API}/pledges?q=${reference}`);
  const items = (res.json() as { items: Pledge[] }).items;
  expect(items, res.body).toHaveLength(1);
  return items[0]!;
}

const decide = (c: Client, id: string, body: Record<string, unknown>) => c.post(`${API}/pledges/${id}/decision`, body);

describe('public pledge form and submission', () => {
  it('offers the whole region tree and the listed units, names only, to anyone', async () => {
    const res = await visitor().get(`${API}/pledges/form`);
    expect(res.statusCode, res.body).toBe(200);
    const form = res.json() as {
      regions: { id: string; name: string; level: string; children: { id: string; children: unknown[] }[] }[];
      units: Record<string, unknown>[];
    };
    const city = form.regions.find((r) => r.id === w.city.id)!;
    expect(city).toMatchObject({ name: w.city.name, level: 'city' });
    expect(Object.keys(city).sort()).toEqual(['children', 'id', 'level', 'name']);
    const countyA = city.children.find((c) => c.id === w.a.county.id)!;
    expect(JSON.stringify(countyA)).toContain(w.a.grid.id);
    expect(form.units).toContainEqual({ id: unitA, name: '甲县卫健局' });
    expect(Object.keys(form.units[0]!).sort()).toEqual(['id', 'name']);
  });

  it('takes a pledge without an account, audited with no actor, and keeps only the hash of the status token', async () => {
    const idNumber = testIdNumber();
    const body = { ...pledgeSubmission(w.a.grid.id), idNumber, mobile: '13512345678', unitId: unitA, unitName: '不该保存' };
    const before = (await t.deps.db.db.selectFrom('events').select('id').execute()).length;
    const client = visitor();
    const out = await submit(body, client);
    expect(out.reference).toMatch(/^QZ-[2-9A-HJKMNP-Z]{6}$/);
    expect(out.statusToken).toMatch(/^[A-Za-z0-9_-]{22}$/);
    expect(out.status).toBe('pending');

    const row = await t.deps.db.db
      .selectFrom('pledges')
      .selectAll()
      .where('reference', '=', out.reference)
      .executeTakeFirstOrThrow();
    expect(row.statusTokenHash).toBe(createHash('sha256').update(out.statusToken).digest('hex'));
    expect(JSON.stringify(row)).not.toContain(out.statusToken);
    expect(row.idNumberEnc).not.toContain(idNumber);
    expect(row.idNumberIndex).toBe(idNumberIndex(t.deps.pii, idNumber));
    expect(row.unitName).toBeNull();

    const [audit] = await auditRows(t.deps, { action: 'pledge.submit', entityId: row.id });
    expect(audit).toMatchObject({ actorId: null, actorLogin: null, ip: client.ip, regionPath: w.a.grid.path, outcome: 'ok' });
    expect(audit!.detail).not.toContain(idNumber);
    expect(audit!.detail).not.toContain('13512345678');

    const events = await t.deps.db.db.selectFrom('events').selectAll().where('entityId', '=', row.id).execute();
    expect(events.map((e) => [e.type, e.permission, e.regionPath])).toEqual([
      ['pledge.submitted', 'pledges.review', w.a.grid.path],
    ]);
    expect((await t.deps.db.db.selectFrom('events').select('id').execute()).length).toBe(before + 1);

    const seen = await pledgeByReference(out.reference);
    expect(seen).toMatchObject({
      status: 'pending',
      name: '张请战',
      mobile: '135****5678',
      idNumber: `${idNumber.slice(0, 6)}********${idNumber.slice(-4)}`,
      unitId: unitA,
      unitName: '甲县卫健局',
      regionId: w.a.grid.id,
      regionName: `${w.a.community.name} ${w.a.grid.name}`,
      skills: ['medical'],
      availability: [{ weekday: 1, band: 'morning' }],
      decidedAt: null,
      volunteerId: null,
    });
  });

  it('keeps a typed unit name when the unit is not listed, and party branch only for party members', async () => {
    const out = await submit({
      ...pledgeSubmission(w.a.community.id),
      unitName: ' 某某物流公司 ',
      partyMember: false,
      partyBranch: '不适用',
    });
    const seen = (await admin.get(`${API}/pledges/${(await pledgeByReference(out.reference)).id}`)).json() as Pledge & {
      partyBranch: string | null;
    };
    expect(seen).toMatchObject({ unitId: null, unitName: '某某物流公司', partyBranch: null, regionId: w.a.community.id });
  });

  it('names the field and the exact problem, in the caller’s language', async () => {
    const client = visitor();
    const before = await snapshot(t.deps);
    const bad = withWrongCheckDigit(testIdNumber());
    const e = expectError(
      await client.post(`${API}/pledges`, { ...pledgeSubmission(w.a.grid.id), idNumber: bad }),
      422,
      'VALIDATION',
    );
    expect(e.fields).toEqual({ idNumber: '身份证号校验位错误' });

    const m = expectError(await client.post(`${API}/pledges`, { ...pledgeSubmission(w.a.grid.id), mobile: '12345678901' }), 400);
    expect(m.fields).toEqual({ mobile: '手机号格式不正确（11 位，1 开头）' });

    const r = expectError(
      await client.post(`${API}/pledges`, { ...pledgeSubmission('0190a5f0-0000-7000-8000-000000000000') }),
      422,
      'VALIDATION',
    );
    expect(r.fields).toEqual({ regionId: '所选区划不存在' });
    const level = expectError(await client.post(`${API}/pledges`, pledgeSubmission(w.a.county.id)), 422);
    expect(level.fields).toEqual({ regionId: '请选择所在的社区（村）或网格' });
    const unit = expectError(
      await client.post(`${API}/pledges`, { ...pledgeSubmission(w.a.grid.id), unitId: '0190a5f0-0000-7000-8000-000000000001' }),
      422,
    );
    expect(Object.keys(unit.fields!)).toEqual(['unitId']);

    client.lang = 'en';
    const en = expectError(await client.post(`${API}/pledges`, { ...pledgeSubmission(w.a.grid.id), idNumber: bad }), 422);
    expect(en.fields).toEqual({ idNumber: 'Wrong check digit in the ID number' });
    expect(await snapshot(t.deps)).toEqual(before);
  });

  it('refuses hostile input without a trace in the data (nothing written, nothing counted)', async () => {
    const client = visitor();
    const valid = pledgeSubmission(w.a.grid.id);
    const hostile: unknown[] = [
      { ...valid, name: 'a\u0000b' },
      { ...valid, homeAddress: '路\u0007\u001b[31m' },
      { ...valid, name: '   ' },
      { ...valid, name: '字'.repeat(41) },
      { ...valid, pledgeText: '字'.repeat(2001) },
      { ...valid, mobile: "13800000000' OR '1'='1" },
      { ...valid, regionId: "' OR 1=1 --" },
      { ...valid, idNumber: '11010519491231002X; DROP TABLE pledges' },
      { ...valid, skills: ['medical', 'medical'] },
      { ...valid, skills: ['hacking'] },
      { ...valid, availability: [{ weekday: 8, band: 'morning' }] },
      { ...valid, availability: [{ weekday: 1, band: 'morning', extra: 1 }] },
      { ...valid, partyMember: 'yes' },
      { ...valid, status: 'approved' },
      { ...valid, volunteerId: '0190a5f0-0000-7000-8000-000000000002' },
      JSON.parse(`{"__proto__": {"admin": true}, ${JSON.stringify(valid).slice(1)}`),
      { ...valid, healthFever: undefined },
      [valid],
      'not an object',
    ];
    const before = await snapshot(t.deps);
    for (const body of hostile) {
      const res = await client.post(`${API}/pledges`, body as Record<string, unknown>);
      expect(res.statusCode, `${JSON.stringify(body)?.slice(0, 80)} → ${res.body}`).toBeGreaterThanOrEqual(400);
      expect(res.statusCode).toBeLessThan(500);
      expect(res.json().error.code).toEqual(expect.any(String));
    }
    expect(await snapshot(t.deps)).toEqual(before);
  });

  it('keeps text that merely looks dangerous as the text it is', async () => {
    const name = "'; DROP TABLE pledges; --";
    const out = await submit({ ...pledgeSubmission(w.a.grid.id), name, pledgeText: '<script>alert(1)</script>' });
    const p = await pledgeByReference(out.reference);
    expect(p.name).toBe(name);
  });

  it('refuses a second pledge with the same ID number, and the ID number of a registered volunteer', async () => {
    const idNumber = testIdNumber();
    await submit({ ...pledgeSubmission(w.a.grid.id), idNumber });
    const { idNumber: volunteersId } = await t.factory.volunteer({ regionId: w.a.grid.id });
    const before = await snapshot(t.deps);
    const again = expectError(
      await visitor().post(`${API}/pledges`, { ...pledgeSubmission(w.b.grid.id), idNumber: ` ${idNumber.toLowerCase()} ` }),
      409,
      'PLEDGE_DUPLICATE',
    );
    expect(again.message).toContain('该身份证号已提交过请战书');
    expectError(
      await visitor().post(`${API}/pledges`, { ...pledgeSubmission(w.a.grid.id), idNumber: volunteersId }),
      409,
      'PLEDGE_DUPLICATE',
    );
    const after = await snapshot(t.deps);
    // Only the per-address counter moved: a duplicate refusal is a probe of the register and is counted.
    expect({ ...after, rate_limits: before.rate_limits }).toEqual(before);
  });

  it('limits accepted pledges per address, not for everyone', async () => {
    const flooder = visitor();
    for (let i = 0; i < SUBMIT_LIMIT; i++) await submit(pledgeSubmission(w.b.grid.id), flooder);
    const before = await snapshot(t.deps);
    const res = await flooder.post(`${API}/pledges`, pledgeSubmission(w.b.grid.id));
    const e = expectError(res, 429, 'RATE_LIMITED');
    expect(e.message).toMatch(/请 \d+ 分钟后再试/);
    expect(Number(res.headers['retry-after'])).toBeGreaterThan(0);
    expect(await snapshot(t.deps)).toEqual(before);
    await submit(pledgeSubmission(w.b.grid.id), visitor());
  });

  it('makes one pledge of a retried submission (Idempotency-Key), without repeating the status token', async () => {
    const client = visitor();
    const body = pledgeSubmission(w.a.grid.id);
    const headers = { 'idempotency-key': `pledge-${Date.now()}` };
    const first = await client.post(`${API}/pledges`, body, headers);
    expect(first.statusCode, first.body).toBe(201);
    const second = await client.post(`${API}/pledges`, body, headers);
    expect(second.statusCode).toBe(201);
    expect(second.headers['idempotent-replayed']).toBe('true');
    expect(second.json()).toEqual({ reference: first.json().reference, status: 'pending' });
    const rows = await t.deps.db.db
      .selectFrom('pledges')
      .select('id')
      .where('idNumberIndex', '=', idNumberIndex(t.deps.pii, body.idNumber as string))
      .execute();
    expect(rows).toHaveLength(1);
    const stored = await t.deps.db.db
      .selectFrom('idempotencyKeys')
      .select('body')
      .where('key', '=', headers['idempotency-key'])
      .executeTakeFirstOrThrow();
    expect(stored.body).not.toContain(first.json().statusToken);
  });
});

describe('status page', () => {
  it('shows the submitter their pledge by token, and the reason once decided', async () => {
    const out = await submit({ ...pledgeSubmission(w.a.grid.id), name: '王小明', unitId: cityUnit });
    const client = visitor();
    const page = await client.get(`${API}/pledges/status/${out.statusToken}`);
    expect(page.statusCode, page.body).toBe(200);
    expect(page.json()).toEqual({
      reference: out.reference,
      name: '王**',
      status: 'pending',
      submittedAt: expect.any(String),
      decidedAt: null,
      decisionReason: null,
      regionName: `${w.a.community.name} ${w.a.grid.name}`,
      unitName: '市委组织部',
    });
    const { id } = await pledgeByReference(out.reference);
    expect((await decide(reviewerA, id, { decision: 'reject', reason: '年龄不符合要求' })).statusCode).toBe(200);
    expect((await client.get(`${API}/pledges/status/${out.statusToken}`)).json()).toMatchObject({
      status: 'rejected',
      decidedAt: expect.any(String),
      decisionReason: '年龄不符合要求',
    });
    // An approval's note is for reviewers.
    expect((await decide(reviewerA, id, { decision: 'approve', reason: '内部备注' })).statusCode).toBe(200);
    expect((await client.get(`${API}/pledges/status/${out.statusToken}`)).json()).toMatchObject({
      status: 'approved',
      decisionReason: null,
    });
  });

  it('answers 404 to an unknown token and 400 to a malformed one, and limits misses per address', async () => {
    const client = visitor();
    expectError(await client.get(`${API}/pledges/status/${'A'.repeat(22)}`), 404, 'NOT_FOUND');
    expectError(await client.get(`${API}/pledges/status/not-a-token`), 400, 'VALIDATION');
    const p = await insertTestPledge(t.deps, { regionId: w.a.grid.id });
    for (let i = 1; i < STATUS_MISS_LIMIT; i++) await client.get(`${API}/pledges/status/${'B'.repeat(21)}${i % 10}`);
    expectError(await client.get(`${API}/pledges/status/${p.token}`), 429, 'RATE_LIMITED');
    expect((await visitor().get(`${API}/pledges/status/${p.token}`)).statusCode).toBe(200);
  });
});

describe('review', () => {
  it('shows each reviewer only the pledges at home in their area', async () => {
    const a = await insertTestPledge(t.deps, { regionId: w.a.grid.id, name: '甲县人' });
    const b = await insertTestPledge(t.deps, { regionId: w.b.grid.id, name: '乙县人' });
    const listA = (await reviewerA.get(`${API}/pledges?limit=500`)).json() as { items: Pledge[]; total: number };
    expect(listA.items.map((p) => p.id)).toContain(a.id);
    expect(listA.items.map((p) => p.id)).not.toContain(b.id);
    expect(listA.items.every((p) => p.regionId !== w.b.grid.id && p.regionId !== w.b.community.id)).toBe(true);
    const listB = (await reviewerB.get(`${API}/pledges?limit=500`)).json() as { items: Pledge[] };
    expect(listB.items.map((p) => p.id)).toContain(b.id);
    expect(listB.items.map((p) => p.id)).not.toContain(a.id);
    const all = (await commander.get(`${API}/pledges?limit=500`)).json() as { items: Pledge[] };
    expect(all.items.map((p) => p.id)).toEqual(expect.arrayContaining([a.id, b.id]));

    expectError(await reviewerA.get(`${API}/pledges/${b.id}`), 404, 'NOT_FOUND');
    expectError(await reviewerA.get(`${API}/pledges?regionId=${w.b.county.id}`), 404);
    expectError(await decide(reviewerA, b.id, { decision: 'waitlist' }), 404);
    expect((await reviewerB.get(`${API}/pledges/${b.id}`)).json()).toMatchObject({ id: b.id, name: '乙县人' });
    expectError(await (await t.signIn('leader-a')).get(`${API}/pledges`), 403, 'FORBIDDEN');
    expectError(await visitor().get(`${API}/pledges`), 401);
  });

  it('filters by status, region, unit, party membership, skill, health, availability and name or reference', async () => {
    const grid = await t.factory.region({ parent: w.a.community });
    const mk = (o: Omit<Parameters<typeof insertTestPledge>[1], 'regionId'>) =>
      insertTestPledge(t.deps, { regionId: grid.id, ...o });
    const p1 = await mk({
      name: '李医生',
      unitId: unitA,
      skills: ['medical', 'driving'],
      availability: [
        { weekday: 6, band: 'night' },
        { weekday: 1, band: 'morning' },
      ],
    });
    const p2 = await mk({
      name: '赵司机',
      partyMember: false,
      skills: ['driving'],
      availability: [{ weekday: 2, band: 'evening' }],
    });
    const p3 = await mk({ name: '钱护士', healthFever: true, skills: ['medical'], status: 'waitlisted' });
    const p4 = await mk({
      name: '孙宣传',
      healthRiskContact: true,
      skills: ['publicity'],
      availability: [{ weekday: 1, band: 'evening' }],
    });
    const ids = async (query: string) => {
      const res = await reviewerA.get(`${API}/pledges?regionId=${grid.id}&${query}`);
      expect(res.statusCode, res.body).toBe(200);
      const body = res.json() as { items: Pledge[]; total: number };
      expect(body.total).toBe(body.items.length);
      return body.items.map((p) => p.id).sort();
    };
    const sorted = (...xs: { id: string }[]) => xs.map((x) => x.id).sort();
    expect(await ids('')).toEqual(sorted(p1, p2, p3, p4));
    expect(await ids('status=waitlisted')).toEqual(sorted(p3));
    expect(await ids('status=pending')).toEqual(sorted(p1, p2, p4));
    expect(await ids(`unitId=${unitA}`)).toEqual(sorted(p1));
    expect(await ids('partyMember=false')).toEqual(sorted(p2));
    expect(await ids('partyMember=true')).toEqual(sorted(p1, p3, p4));
    expect(await ids('skill=driving')).toEqual(sorted(p1, p2));
    expect(await ids('skill=medical')).toEqual(sorted(p1, p3));
    expect(await ids('healthRisk=true')).toEqual(sorted(p3, p4));
    expect(await ids('healthRisk=false')).toEqual(sorted(p1, p2));
    expect(await ids('weekday=1')).toEqual(sorted(p1, p4));
    expect(await ids('band=evening')).toEqual(sorted(p2, p4));
    expect(await ids('weekday=1&band=morning')).toEqual(sorted(p1));
    expect(await ids('weekday=6&band=night')).toEqual(sorted(p1));
    expect(await ids('weekday=6&band=morning')).toEqual([]);
    expect(await ids(`q=${encodeURIComponent('医生')}`)).toEqual(sorted(p1));
    expect(await ids(`q=${p2.reference.toLowerCase()}`)).toEqual(sorted(p2));
    expect(await ids(`q=${encodeURIComponent('%')}`)).toEqual([]);
    expect(await ids('skill=driving&partyMember=true&weekday=6')).toEqual(sorted(p1));
    const page = (await reviewerA.get(`${API}/pledges?regionId=${grid.id}&limit=2&offset=1`)).json() as {
      items: Pledge[];
      total: number;
    };
    expect(page.total).toBe(4);
    expect(page.items).toHaveLength(2);
    expectError(await reviewerA.get(`${API}/pledges?weekday=8`), 400, 'VALIDATION');
    expectError(await reviewerA.get(`${API}/pledges?skill=hacking`), 400, 'VALIDATION');
  });
});

describe('decisions', () => {
  it('approves into a volunteer with an account that signs in once and must change its password', async () => {
    const p = await insertTestPledge(t.deps, { regionId: w.a.grid.id, name: '周志愿', unitId: unitA, skills: ['logistics'] });
    const res = await decide(reviewerA, p.id, { decision: 'approve', createAccount: true });
    expect(res.statusCode, res.body).toBe(200);
    const out = res.json() as {
      pledge: Pledge;
      volunteer: { id: string; name: string };
      account: { login: string; initialPassword: string };
    };
    expect(out.pledge).toMatchObject({ status: 'approved', volunteerId: out.volunteer.id, decidedByName: '测试用户' });
    expect(out.volunteer.name).toBe('周志愿');
    expect(out.account.login).toBe(p.mobile);
    expect(out.account.initialPassword.length).toBeGreaterThanOrEqual(10);

    const volunteer = await t.deps.db.db
      .selectFrom('volunteers')
      .selectAll()
      .where('id', '=', out.volunteer.id)
      .executeTakeFirstOrThrow();
    expect(volunteer).toMatchObject({ pledgeId: p.id, name: '周志愿', unitId: unitA, regionId: w.a.grid.id, status: 'active' });
    expect(volunteer.idNumberIndex).toBe(idNumberIndex(t.deps.pii, p.idNumber));
    const account = await t.deps.db.db.selectFrom('accounts').selectAll().where('login', '=', p.mobile).executeTakeFirstOrThrow();
    expect(volunteer.accountId).toBe(account.id);
    expect(account.mustChangePassword).toBe(1);
    expect(account.passwordHash).not.toContain(out.account.initialPassword);

    const me = (await (await t.signIn(p.mobile, out.account.initialPassword)).get(`${API}/auth/me`)).json() as {
      mustChangePassword: boolean;
      grants: { role: string; regionId: string }[];
    };
    expect(me.mustChangePassword).toBe(true);
    expect(me.grants.map((g) => [g.role, g.regionId])).toEqual([['volunteer', w.a.grid.id]]);

    expect((await auditRows(t.deps, { entityId: p.id })).map((a) => a.action)).toEqual(['pledge.approve']);
    expect((await auditRows(t.deps, { entityId: out.volunteer.id })).map((a) => a.action)).toContain('volunteer.create');
    const made = await auditRows(t.deps, { entityId: account.id, action: 'account.create' });
    expect(made.map((a) => [a.action, a.actorLogin])).toEqual([['account.create', 'rev-a']]);
    expect(made[0]!.detail).not.toContain(p.mobile);
    const events = await t.deps.db.db.selectFrom('events').selectAll().where('entityId', '=', p.id).execute();
    expect(events.map((e) => [e.type, e.permission, JSON.parse(e.data ?? '{}').status])).toEqual([
      ['pledge.decided', 'pledges.review', 'approved'],
    ]);

    // Approval is final.
    const before = await snapshot(t.deps);
    expectError(await decide(reviewerA, p.id, { decision: 'approve' }), 409, 'PLEDGE_DECIDED');
    expectError(await decide(reviewerA, p.id, { decision: 'reject', reason: '改主意了' }), 409, 'PLEDGE_DECIDED');
    expect(await snapshot(t.deps)).toEqual(before);
  });

  it('approves without an account when none is asked for', async () => {
    const p = await insertTestPledge(t.deps, { regionId: w.a.community.id });
    const out = (await decide(commander, p.id, { decision: 'approve' })).json();
    expect(out.account).toBeUndefined();
    expect(out.volunteer.id).toEqual(expect.any(String));
    const volunteer = await t.deps.db.db
      .selectFrom('volunteers')
      .select('accountId')
      .where('id', '=', out.volunteer.id)
      .executeTakeFirstOrThrow();
    expect(volunteer.accountId).toBeNull();
  });

  it('writes nothing when the mobile is already a login (409 LOGIN_TAKEN)', async () => {
    const p = await insertTestPledge(t.deps, { regionId: w.a.grid.id });
    await t.factory.account({ login: p.mobile });
    const before = await snapshot(t.deps);
    expectError(await decide(reviewerA, p.id, { decision: 'approve', createAccount: true }), 409, 'LOGIN_TAKEN');
    expect(await snapshot(t.deps)).toEqual(before);
    expect((await admin.get(`${API}/pledges/${p.id}`)).json().status).toBe('pending');
  });

  it('needs a reason to reject; rejected and waitlisted pledges may be decided again', async () => {
    const p = await insertTestPledge(t.deps, { regionId: w.a.grid.id });
    const e = expectError(await decide(reviewerA, p.id, { decision: 'reject' }), 422, 'VALIDATION');
    expect(e.fields).toEqual({ reason: '不予通过时须填写理由' });
    expectError(await decide(reviewerA, p.id, { decision: 'reject', reason: '   ' }), 400);
    expectError(await decide(reviewerA, p.id, { decision: 'maybe' }), 400);
    const rejected = (await decide(reviewerA, p.id, { decision: 'reject', reason: '健康申报有发热' })).json().pledge as Pledge;
    expect(rejected).toMatchObject({ status: 'rejected', decisionReason: '健康申报有发热', decidedByName: '测试用户' });
    const waitlisted = (await decide(reviewerA, p.id, { decision: 'waitlist', reason: '名额已满，候补' })).json()
      .pledge as Pledge;
    expect(waitlisted).toMatchObject({ status: 'waitlisted', decisionReason: '名额已满，候补' });
    const approved = (await decide(reviewerA, p.id, { decision: 'approve' })).json();
    expect(approved.pledge.status).toBe('approved');
    expect(approved.volunteer.id).toEqual(expect.any(String));
    expect((await auditRows(t.deps, { entityId: p.id })).map((a) => a.action)).toEqual([
      'pledge.reject',
      'pledge.waitlist',
      'pledge.approve',
    ]);
  });

  it('lets one of two simultaneous approvals of a pledge win', async () => {
    const p = await insertTestPledge(t.deps, { regionId: w.a.grid.id });
    const results = await Promise.all([
      decide(reviewerA, p.id, { decision: 'approve' }),
      decide(commander, p.id, { decision: 'approve' }),
    ]);
    expect(results.map((r) => r.statusCode).sort()).toEqual([200, 409]);
    const volunteers = await t.deps.db.db.selectFrom('volunteers').select('id').where('pledgeId', '=', p.id).execute();
    expect(volunteers).toHaveLength(1);
  });
});

describe('quotas', () => {
  it('enforces a unit quota and shows its use', async () => {
    const unit = (await t.factory.unit({ regionId: w.a.township.id, name: '甲镇卫生院' })).id;
    const put = await reviewerA.put(`${API}/pledge-quotas`, { unitId: unit, quota: 1 });
    expect(put.statusCode, put.body).toBe(200);
    expect(put.json()).toMatchObject({
      unitId: unit,
      unitName: '甲镇卫生院',
      regionId: null,
      regionName: null,
      quota: 1,
      used: 0,
    });
    const first = await insertTestPledge(t.deps, { regionId: w.a.grid.id, unitId: unit });
    const second = await insertTestPledge(t.deps, { regionId: w.a.grid.id, unitId: unit });
    expect((await decide(reviewerA, first.id, { decision: 'approve' })).statusCode).toBe(200);
    const before = await snapshot(t.deps);
    const full = expectError(await decide(reviewerA, second.id, { decision: 'approve' }), 409, 'QUOTA_FULL');
    expect(full.message).toBe('名额已满：甲镇卫生院（上限 1 人）');
    expect(await snapshot(t.deps)).toEqual(before);
    // Other decisions are not limited by quotas.
    expect((await decide(reviewerA, second.id, { decision: 'waitlist' })).statusCode).toBe(200);
    const list = (await reviewerA.get(`${API}/pledge-quotas`)).json() as {
      items: { id: string; unitId: string; used: number }[];
    };
    expect(list.items.find((q) => q.unitId === unit)).toMatchObject({ used: 1, id: put.json().id });
    // Raising it makes room; the same PUT updates the one quota.
    const raised = (await reviewerA.put(`${API}/pledge-quotas`, { unitId: unit, quota: 2 })).json();
    expect(raised).toMatchObject({ id: put.json().id, quota: 2, used: 1 });
    expect((await decide(reviewerA, second.id, { decision: 'approve' })).statusCode).toBe(200);
  });

  it('enforces every region quota on the home region’s path', async () => {
    const community = await t.factory.region({ parent: w.a.township2 });
    const grid = await t.factory.region({ parent: community });
    const onTownship = (await reviewerA.put(`${API}/pledge-quotas`, { regionId: w.a.township2.id, quota: 2 })).json();
    expect(onTownship).toMatchObject({ regionId: w.a.township2.id, regionName: w.a.township2.name, unitId: null, used: 0 });
    const onCommunity = (await reviewerA.put(`${API}/pledge-quotas`, { regionId: community.id, quota: 1 })).json();
    const [p1, p2, p3] = await Promise.all([1, 2, 3].map(() => insertTestPledge(t.deps, { regionId: grid.id })));
    expect((await decide(reviewerA, p1!.id, { decision: 'approve' })).statusCode).toBe(200);
    const full = expectError(await decide(reviewerA, p2!.id, { decision: 'approve' }), 409, 'QUOTA_FULL');
    expect(full.message).toContain(community.name);
    // Without the community's quota the township's still applies.
    expect((await reviewerA.delete(`${API}/pledge-quotas/${onCommunity.id}`)).json()).toEqual({ ok: true });
    expect((await decide(reviewerA, p2!.id, { decision: 'approve' })).statusCode).toBe(200);
    const township = expectError(await decide(reviewerA, p3!.id, { decision: 'approve' }), 409, 'QUOTA_FULL');
    expect(township.message).toContain(w.a.township2.name);
    const list = (await reviewerA.get(`${API}/pledge-quotas`)).json() as { items: { id: string; used: number }[] };
    expect(list.items.find((q) => q.id === onTownship.id)?.used).toBe(2);
  });

  it('lets only one of two simultaneous approvals take the last place', async () => {
    const grid = await t.factory.region({ parent: w.a.community });
    await reviewerA.put(`${API}/pledge-quotas`, { regionId: grid.id, quota: 1 });
    const [p1, p2] = await Promise.all([1, 2].map(() => insertTestPledge(t.deps, { regionId: grid.id })));
    const results = await Promise.all([
      decide(reviewerA, p1!.id, { decision: 'approve' }),
      decide(commander, p2!.id, { decision: 'approve' }),
    ]);
    expect(results.map((r) => r.statusCode).sort(), results.map((r) => r.body).join('\n')).toEqual([200, 409]);
  });

  it('keeps quotas to the reviewer’s area and refuses a wrong target', async () => {
    const mine = (await reviewerA.put(`${API}/pledge-quotas`, { regionId: w.a.community.id, quota: 50 })).json();
    expectError(await reviewerA.put(`${API}/pledge-quotas`, { regionId: w.b.community.id, quota: 5 }), 404);
    expectError(await reviewerB.delete(`${API}/pledge-quotas/${mine.id}`), 404);
    const listB = (await reviewerB.get(`${API}/pledge-quotas`)).json() as { items: { id: string }[] };
    expect(listB.items.map((q) => q.id)).not.toContain(mine.id);
    const before = await snapshot(t.deps);
    const both = expectError(
      await reviewerA.put(`${API}/pledge-quotas`, { regionId: w.a.community.id, unitId: unitA, quota: 1 }),
      422,
    );
    expect(Object.keys(both.fields!).sort()).toEqual(['regionId', 'unitId']);
    expectError(await reviewerA.put(`${API}/pledge-quotas`, { quota: 1 }), 422);
    expectError(await reviewerA.put(`${API}/pledge-quotas`, { regionId: w.a.community.id, quota: -1 }), 400);
    expectError(await reviewerA.put(`${API}/pledge-quotas`, { unitId: '0190a5f0-0000-7000-8000-000000000003', quota: 1 }), 404);
    expect(await snapshot(t.deps)).toEqual(before);
    expect((await auditRows(t.deps, { entityId: mine.id })).map((a) => a.action)).toEqual(['pledge.quota.set']);
  });
});

describe('bulk decisions', () => {
  it('decides each pledge on its own and says how each went', async () => {
    const a1 = await insertTestPledge(t.deps, { regionId: w.a.grid.id });
    const a2 = await insertTestPledge(t.deps, { regionId: w.a.community.id });
    const b1 = await insertTestPledge(t.deps, { regionId: w.b.grid.id });
    const done = await insertTestPledge(t.deps, { regionId: w.a.grid.id });
    expect((await decide(reviewerA, done.id, { decision: 'approve' })).statusCode).toBe(200);
    const missing = '0190a5f0-0000-7000-8000-000000000004';
    const res = await reviewerA.post(`${API}/pledges/decisions`, {
      ids: [a1.id, b1.id, done.id, missing, a2.id],
      decision: 'approve',
      createAccounts: true,
    });
    expect(res.statusCode, res.body).toBe(200);
    const { results } = res.json() as {
      results: {
        id: string;
        ok: boolean;
        status?: string;
        error?: { code: string; message: string };
        account?: { login: string };
      }[];
    };
    expect(results.map((r) => [r.id, r.ok, r.status ?? r.error?.code])).toEqual([
      [a1.id, true, 'approved'],
      [b1.id, false, 'NOT_FOUND'],
      [done.id, false, 'PLEDGE_DECIDED'],
      [missing, false, 'NOT_FOUND'],
      [a2.id, true, 'approved'],
    ]);
    expect(results[0]!.account?.login).toBe(a1.mobile);
    expect(results[4]!.account?.login).toBe(a2.mobile);
    expect(results[1]!.error?.message).toBe('记录不存在');
    expect(results[2]!.error?.message).toBe('该请战书已批准，审核结果不能再更改');
    expect((await reviewerB.get(`${API}/pledges/${b1.id}`)).json().status).toBe('pending');

    const w1 = await insertTestPledge(t.deps, { regionId: w.a.grid.id });
    const e = expectError(await reviewerA.post(`${API}/pledges/decisions`, { ids: [w1.id], decision: 'reject' }), 422);
    expect(Object.keys(e.fields!)).toEqual(['reason']);
    expectError(await reviewerA.post(`${API}/pledges/decisions`, { ids: [w1.id, w1.id], decision: 'waitlist' }), 400);
    expectError(await reviewerA.post(`${API}/pledges/decisions`, { ids: [], decision: 'waitlist' }), 400);
    const rejected = (
      await reviewerA.post(`${API}/pledges/decisions`, { ids: [w1.id], decision: 'reject', reason: '不符合条件' })
    ).json();
    expect(rejected.results).toEqual([{ id: w1.id, ok: true, status: 'rejected' }]);
  });
});

describe('personal data', () => {
  it('masks ID number and mobile except through an audited reveal', async () => {
    const p = await insertTestPledge(t.deps, { regionId: w.a.grid.id, mobile: '13698765432' });
    const shown = (await reviewerA.get(`${API}/pledges/${p.id}`)).json() as Pledge;
    expect(shown.mobile).toBe('136****5432');
    expect(shown.idNumber).toBe(`${p.idNumber.slice(0, 6)}********${p.idNumber.slice(-4)}`);
    const listed = JSON.stringify((await reviewerA.get(`${API}/pledges?limit=500`)).json());
    expect(listed).not.toContain(p.idNumber);
    expect(listed).not.toContain('13698765432');

    const res = await reviewerA.post(`${API}/pledges/${p.id}/reveal`, {});
    expect(res.statusCode, res.body).toBe(200);
    expect(res.json()).toEqual({ idNumber: p.idNumber, mobile: '13698765432' });
    const audits = await auditRows(t.deps, { action: 'pii.reveal', entityId: p.id });
    expect(audits.map((a) => [a.actorLogin, a.regionPath])).toEqual([['rev-a', w.a.grid.path]]);
    expect(audits[0]!.detail).not.toContain(p.idNumber);

    expectError(await reviewerB.post(`${API}/pledges/${p.id}/reveal`, {}), 404);
    expectError(await (await t.signIn('doctor-a')).post(`${API}/pledges/${p.id}/reveal`, {}), 403);
    expect(await auditRows(t.deps, { action: 'pii.reveal', entityId: p.id })).toHaveLength(1);
  });
});
