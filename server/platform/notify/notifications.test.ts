import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createTestApp, type Client, type TestApp } from '../../../test/app.ts';
import { API, expectError } from '../../../test/requests.ts';
import { notify } from './notify.ts';

let t: TestApp;
let mine: { id: string };
let theirs: { id: string };
let me: Client;

const absent = { volunteer: '张三', checkpoint: '东门卡点', month: 12, day: 3, start: '08:00', end: '16:00' };
const ids = async (accountId: string) =>
  (
    await t.deps.db.db
      .selectFrom('notifications')
      .select(['id', 'kind'])
      .where('accountId', '=', accountId)
      .orderBy('id')
      .execute()
  ).map((r) => r.id);

beforeAll(async () => {
  t = await createTestApp();
  mine = await t.factory.account({ login: 'inbox-me' });
  theirs = await t.factory.account({ login: 'inbox-other' });
  await notify(t.deps.db.db, [
    { accountId: mine.id, kind: 'notify.duty.absent', params: absent, link: '/duty/now?regionId=x' },
    { accountId: mine.id, kind: 'notify.nothing.known', params: {}, link: null },
    { accountId: theirs.id, kind: 'notify.duty.absent', params: absent, link: null },
  ]);
  me = await t.signIn('inbox-me');
});
afterAll(() => t.close());

describe('notifications', () => {
  it('lists the caller’s own, worded in their language, and a generic text for unknown kinds', async () => {
    const res = await me.get(`${API}/notifications`);
    expect(res.statusCode, res.body).toBe(200);
    const body = res.json();
    expect(body).toMatchObject({ total: 2, unread: 2 });
    const absence = body.items.find((n: { kind: string }) => n.kind === 'notify.duty.absent');
    expect(absence).toMatchObject({ link: '/duty/now?regionId=x', readAt: null });
    expect(absence.text).toBe('张三 未按时到岗：东门卡点，12月3日 08:00–16:00 班次');
    expect(body.items.find((n: { kind: string }) => n.kind === 'notify.nothing.known').text).toBe('您有一条新通知');

    me.lang = 'en';
    const en = (await me.get(`${API}/notifications`)).json();
    expect(en.items.find((n: { kind: string }) => n.kind === 'notify.duty.absent').text).toBe(
      '张三 has not checked in at 东门卡点 for the 12/3 08:00–16:00 shift',
    );
    expect(en.items.find((n: { kind: string }) => n.kind === 'notify.nothing.known').text).toBe('You have a new notification');
    me.lang = 'zh-CN';
  });

  it('marks read only the caller’s own, ignoring foreign ids without a word', async () => {
    const [first, second] = await ids(mine.id);
    const [foreign] = await ids(theirs.id);
    const res = await me.post(`${API}/notifications/read`, { ids: [first, foreign] });
    expect(res.statusCode, res.body).toBe(200);
    expect(res.json()).toEqual({ ok: true });
    const after = (await me.get(`${API}/notifications`)).json();
    expect(after.unread).toBe(1);
    expect(after.items.find((n: { id: string }) => n.id === first).readAt).not.toBeNull();
    const unread = (await me.get(`${API}/notifications?unread=true`)).json();
    expect(unread.items.map((n: { id: string }) => n.id)).toEqual([second]);
    expect(unread.total).toBe(1);

    const other = await t.signIn('inbox-other');
    expect((await other.get(`${API}/notifications`)).json()).toMatchObject({ total: 1, unread: 1 });

    await me.post(`${API}/notifications/read`, { all: true });
    expect((await me.get(`${API}/notifications`)).json().unread).toBe(0);
    expect((await other.get(`${API}/notifications`)).json().unread).toBe(1);
  });

  it('pages newest first and refuses bad input', async () => {
    const paged = (await me.get(`${API}/notifications?limit=1&offset=1`)).json();
    expect(paged.items.map((n: { id: string }) => n.id)).toEqual([(await ids(mine.id))[0]]);
    expect(paged.total).toBe(2);
    expectError(await me.post(`${API}/notifications/read`, {}), 400, 'VALIDATION');
    expectError(await me.post(`${API}/notifications/read`, { ids: ['not-an-id'] }), 400, 'VALIDATION');
    expectError(await t.anonymous().get(`${API}/notifications`), 401, 'UNAUTHENTICATED');
  });
});
