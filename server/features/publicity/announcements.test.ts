import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createTestApp, type Client, type TestApp } from '../../../test/app.ts';
import { twoCounties, type TwoCounties } from '../../../test/fixtures.ts';
import { API, auditRows, expectError, snapshot } from '../../../test/requests.ts';
import { tokenHash } from '../../platform/auth/tokens.ts';
import { newId, nowIso } from '../../platform/db/ids.ts';
import { residentLink } from './publicity.matrix.ts';

let t: TestApp;
let w: TwoCounties;
let admin: Client;
let county: Client;
let community: Client;

const db = () => t.deps.db.db;
const HOUR = 3600_000;
const DAY = 24 * HOUR;
const at = (offsetMs: number) => new Date(Date.now() + offsetMs).toISOString();
const notice = (o: Record<string, unknown> = {}) => ({
  regionId: w.a.community.id,
  title: '关于小区出入管理的通告',
  body: '即日起小区实行封闭管理。\n居民凭出入证进出，每户每两天可派一人外出采购。',
  expiresAt: at(7 * DAY),
  ...o,
});

/** An announcement written straight into the table, for times the API would refuse (already expired, long past). */
async function insert(regionId: string, title: string, publishAt: string, expiresAt: string, withdrawnAt: string | null = null) {
  const id = newId();
  await db()
    .insertInto('announcements')
    .values({
      id,
      regionId,
      title,
      body: `${title}的正文`,
      publishAt,
      expiresAt,
      withdrawnAt,
      withdrawnBy: null,
      createdBy: null,
      createdAt: nowIso(),
      updatedAt: nowIso(),
    })
    .execute();
  return id;
}

beforeAll(async () => {
  t = await createTestApp();
  w = await twoCounties(t.factory);
  await t.factory.account({ login: 'ann-admin', grants: [{ role: 'admin', regionId: null }] });
  await t.factory.account({ login: 'ann-county', name: '刘晓燕', grants: [{ role: 'region_manager', regionId: w.a.county.id }] });
  await t.factory.account({
    login: 'ann-community',
    name: '陈静',
    grants: [{ role: 'region_manager', regionId: w.a.community.id }],
  });
  admin = await t.signIn('ann-admin');
  county = await t.signIn('ann-county');
  community = await t.signIn('ann-community');
});
afterAll(() => t.close());

describe('announcements for staff', () => {
  it('publishes to a region in the caller’s area, keeping line breaks, audited', async () => {
    const res = await community.post(`${API}/announcements`, notice({ body: '第一行\r\n第二行  \r\n\r\n\r\n\r\n第三段' }));
    expect(res.statusCode, res.body).toBe(201);
    const a = res.json();
    expect(a).toMatchObject({
      regionId: w.a.community.id,
      status: 'current',
      body: '第一行\n第二行\n\n第三段',
      createdByName: '陈静',
      withdrawnAt: null,
    });
    expect(Date.parse(a.publishAt)).toBeLessThanOrEqual(Date.now());
    expect(await auditRows(t.deps, { action: 'announcement.publish', entityId: a.id })).toHaveLength(1);
  });

  it('refuses bad fields one by one, in Chinese and English, writing nothing', async () => {
    const before = await snapshot(t.deps);
    const cases: [Record<string, unknown>, string, number, string, string][] = [
      [{ title: ' ' }, 'title', 400, '不能为空白', 'blank'],
      [{ title: '通'.repeat(61) }, 'title', 400, '最多 60 个字符', 'At most 60'],
      [{ body: ' \n ' }, 'body', 400, '不能为空白', 'Write some text'],
      [{ body: '字'.repeat(2001) }, 'body', 400, '最多 2000 个字符', 'At most 2000'],
      [{ body: '响铃\u0007' }, 'body', 400, '控制字符', 'control characters'],
      [{ body: '请看<b>重要</b>通知' }, 'body', 422, 'HTML', 'HTML'],
      [{ title: '<script>alert(1)</script>' }, 'title', 422, 'HTML', 'HTML'],
      [{ publishAt: at(-3 * HOUR) }, 'publishAt', 422, '不能早于现在', 'cannot be in the past'],
      [{ publishAt: at(40 * DAY), expiresAt: at(45 * DAY) }, 'publishAt', 422, '30 天', '30 days'],
      [{ publishAt: at(2 * DAY), expiresAt: at(DAY) }, 'expiresAt', 422, '须晚于发布时间', 'after the publishing time'],
      [{ expiresAt: at(91 * DAY) }, 'expiresAt', 422, '90 天', '90 days'],
      [{ expiresAt: 'tomorrow' }, 'expiresAt', 400, '格式不正确', 'Invalid format'],
      [{ expiresAt: undefined }, 'expiresAt', 400, '必填', 'Required'],
    ];
    for (const [fields, field, status, zh, en] of cases) {
      const body = notice(fields);
      const zhError = expectError(await community.post(`${API}/announcements`, body), status);
      expect(zhError.fields?.[field], `${field} zh`).toContain(zh);
      community.lang = 'en';
      const enError = expectError(await community.post(`${API}/announcements`, body), status);
      community.lang = 'zh-CN';
      expect(enError.fields?.[field]?.toLowerCase(), `${field} en`).toContain(en.toLowerCase());
    }
    // "体温<37.3" is text, not markup.
    expect((await community.post(`${API}/announcements`, notice({ body: '体温<37.3 ℃ 可正常通行' }))).statusCode).toBe(201);
    expect((await snapshot(t.deps)).announcements).not.toEqual(before.announcements);
  });

  it('answers 404 for a region outside the caller’s area', async () => {
    const before = await snapshot(t.deps);
    expectError(await community.post(`${API}/announcements`, notice({ regionId: w.a.county.id })), 404);
    expectError(await county.post(`${API}/announcements`, notice({ regionId: w.b.community.id })), 404);
    expectError(await county.get(`${API}/announcements?regionId=${w.b.county.id}`), 404);
    expectError(await county.get(`${API}/announcements/reaching?regionId=${w.b.grid.id}`), 404);
    expect(await snapshot(t.deps)).toEqual(before);
    // A city-wide announcement reaches the community's residents but is not the community's to withdraw.
    const cityWide = await admin.post(`${API}/announcements`, notice({ regionId: w.city.id, title: '全市疫情防控通告' }));
    expect(cityWide.statusCode, cityWide.body).toBe(201);
    expectError(await community.post(`${API}/announcements/${cityWide.json().id}/withdraw`, { reason: '不是本社区的' }), 404);
    expect((await community.get(`${API}/announcements`)).json().items.map((a: { id: string }) => a.id)).not.toContain(
      cityWide.json().id,
    );
  });

  it('lists by status and withdraws with a reason, once; expired ones are left alone', async () => {
    const scheduled = (await county.post(`${API}/announcements`, notice({ publishAt: at(DAY), expiresAt: at(8 * DAY) }))).json();
    expect(scheduled.status).toBe('scheduled');
    const expired = await insert(w.a.community.id, '春节期间通告', at(-10 * DAY), at(-DAY));
    const current = (await county.get(`${API}/announcements?status=current`)).json();
    expect(current.items.every((a: { status: string }) => a.status === 'current')).toBe(true);
    expect((await county.get(`${API}/announcements?status=scheduled`)).json().items.map((a: { id: string }) => a.id)).toEqual([
      scheduled.id,
    ]);
    expect((await county.get(`${API}/announcements?status=expired`)).json().items.map((a: { id: string }) => a.id)).toEqual([
      expired,
    ]);

    const res = await community.post(`${API}/announcements/${scheduled.id}/withdraw`, { reason: '时间有变' });
    // A county's announcement is above a community manager.
    expect(res.statusCode).toBe(200);
    expect(res.json()).toMatchObject({ status: 'withdrawn', withdrawnByName: '陈静' });
    const [audit] = await auditRows(t.deps, { action: 'announcement.withdraw', entityId: scheduled.id });
    expect(JSON.parse(audit!.detail!)).toMatchObject({ reason: '时间有变', was: 'scheduled' });
    expectError(
      await county.post(`${API}/announcements/${scheduled.id}/withdraw`, { reason: '再撤一次' }),
      409,
      'ANNOUNCEMENT_WITHDRAWN',
    );
    expectError(await county.post(`${API}/announcements/${expired}/withdraw`, { reason: '过期' }), 409, 'ANNOUNCEMENT_ENDED');
    expectError(await county.post(`${API}/announcements/${scheduled.id}/withdraw`, {}), 400);
    const foreign = await insert(w.b.community.id, '外县通告', at(-HOUR), at(DAY));
    expectError(await county.post(`${API}/announcements/${foreign}/withdraw`, { reason: '误发' }), 404);
    expect((await county.get(`${API}/announcements?status=withdrawn`)).json().total).toBe(1);
  });
});

describe('announcements on a resident’s page', () => {
  let chain: Record<string, string>;
  let token: string;

  beforeAll(async () => {
    const sibling = await t.factory.region({ parent: w.a.community });
    chain = {
      city: await insert(w.city.id, '驻马店市疫情防控通告', at(-5 * DAY), at(10 * DAY)),
      county: await insert(w.a.county.id, '县指挥部通告', at(-4 * DAY), at(10 * DAY)),
      township: await insert(w.a.township.id, '街道通知', at(-3 * DAY), at(10 * DAY)),
      community: await insert(w.a.community.id, '生活物资配送通知', at(-2 * DAY), at(10 * DAY)),
      grid: await insert(w.a.grid.id, '网格通知', at(-HOUR), at(10 * DAY)),
      // Not for this resident:
      siblingGrid: await insert(sibling.id, '隔壁网格通知', at(-HOUR), at(DAY)),
      township2: await insert(w.a.township2.id, '另一街道通知', at(-HOUR), at(DAY)),
      otherCounty: await insert(w.b.county.id, '外县通告', at(-HOUR), at(DAY)),
      expired: await insert(w.a.community.id, '已过期通知', at(-5 * DAY), at(-HOUR)),
      withdrawn: await insert(w.a.community.id, '已撤回通知', at(-DAY), at(DAY), at(-HOUR)),
      scheduled: await insert(w.a.community.id, '明日通知', at(DAY), at(3 * DAY)),
    };
    token = await residentLink(db(), w.a.grid.id);
  });

  it('answers the current announcements of the link’s region chain only, newest first, without names', async () => {
    const res = await t.anonymous().get(`${API}/h/${token}/announcements`);
    expect(res.statusCode, res.body).toBe(200);
    const items = res.json().items as Record<string, unknown>[];
    const ids = items.map((a) => a.id);
    const wanted = [chain.grid, chain.community, chain.township, chain.county, chain.city];
    // Announcements published by the tests above to the community come first (newest); the chain's in order.
    expect(ids.filter((id) => wanted.includes(id as string))).toEqual(wanted);
    for (const k of ['siblingGrid', 'township2', 'otherCounty', 'expired', 'withdrawn', 'scheduled'])
      expect(ids).not.toContain(chain[k]);
    for (const a of items)
      expect(Object.keys(a).sort()).toEqual(['body', 'expiresAt', 'fromLevel', 'fromName', 'id', 'publishAt', 'title']);
    expect(res.body).not.toContain('陈静');
    expect(res.body).not.toContain('刘晓燕');
    expect(items.find((a) => a.id === chain.city)).toMatchObject({ fromLevel: 'city', title: '驻马店市疫情防控通告' });
  });

  it('shows staff the same view for a region', async () => {
    const staff = (await county.get(`${API}/announcements/reaching?regionId=${w.a.grid.id}`)).json();
    const resident = (await t.anonymous().get(`${API}/h/${token}/announcements`)).json();
    expect(staff).toEqual(resident);
  });

  it('shows at most ten', async () => {
    for (let i = 0; i < 12; i++) await insert(w.b.grid.id, `外县网格通知 ${i}`, at(-(i + 1) * HOUR), at(DAY));
    const items = (await t.anonymous().get(`${API}/h/${await residentLink(db(), w.b.grid.id)}/announcements`)).json().items;
    expect(items).toHaveLength(10);
    // Newest first; the city-wide notice the admin published above reaches county B's residents too.
    expect(items[0].title).toBe('全市疫情防控通告');
    const grid = items.map((a: { title: string }) => a.title).filter((x: string) => x.startsWith('外县网格通知'));
    expect(grid.slice(0, 3)).toEqual(['外县网格通知 0', '外县网格通知 1', '外县网格通知 2']);
    // County A's own announcement is not for a resident of county B.
    expect(items.map((a: { id: string }) => a.id)).not.toContain(chain.county);
  });

  it('answers the same 404 for unknown, revoked and expired links and ended cases, counted per address', async () => {
    const revoked = await residentLink(db(), w.a.grid.id);
    await db().updateTable('residentTokens').set({ revokedAt: nowIso() }).where('tokenHash', '=', tokenHash(revoked)).execute();
    const expired = await residentLink(db(), w.a.grid.id);
    await db()
      .updateTable('residentTokens')
      .set({ expiresAt: at(-HOUR) })
      .where('tokenHash', '=', tokenHash(expired))
      .execute();
    const ended = await residentLink(db(), w.a.grid.id);
    const row = await db()
      .selectFrom('residentTokens')
      .select('caseId')
      .where('tokenHash', '=', tokenHash(ended))
      .executeTakeFirstOrThrow();
    await db().updateTable('isolationCases').set({ status: 'released' }).where('id', '=', row.caseId!).execute();
    const guesser = t.anonymous('10.9.8.7');
    const unknown = 'A'.repeat(22);
    const answers = [];
    for (const link of [unknown, revoked, expired, ended]) {
      const e = expectError(await guesser.get(`${API}/h/${link}/announcements`), 404, 'HEALTH_LINK_INVALID');
      answers.push(e);
    }
    expect(new Set(answers.map((a) => a.message)).size).toBe(1);
    expectError(await guesser.get(`${API}/h/not-a-token/announcements`), 400);
    // Thirty misses from one address, then 429 even for a good link; others are untouched.
    for (let i = 4; i < 30; i++) await guesser.get(`${API}/h/${unknown}/announcements`);
    expectError(await guesser.get(`${API}/h/${token}/announcements`), 429, 'RATE_LIMITED');
    expect((await t.anonymous('10.9.8.8').get(`${API}/h/${token}/announcements`)).statusCode).toBe(200);
  });
});
