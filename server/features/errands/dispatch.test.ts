import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createTestApp, type Client, type TestApp } from '../../../test/app.ts';
import { API } from '../../../test/requests.ts';
import { openStream } from '../../../test/sse.ts';
import { nowIso } from '../../platform/db/ids.ts';
import { accountsService } from '../accounts/accounts.service.ts';
import { regionsService } from '../regions/regions.service.ts';
import { unitsService } from '../units/units.service.ts';
import { volunteersService } from '../volunteers/volunteers.service.ts';
import { dispatchService } from './dispatch.service.ts';
import { escalationService } from './escalation.service.ts';
import { dispatchFixtures, TINY_PNG } from './dispatch.test-helpers.ts';

let t: TestApp;
let fx: ReturnType<typeof dispatchFixtures>;
let base: string;
type Crew = Awaited<ReturnType<ReturnType<typeof dispatchFixtures>['crew']>>;
let grid1: { id: string; path: string };
let grid2: { id: string; path: string };
let community: { id: string; path: string };
/** Post 1 (grid 1): leader and two members; post 2 (grid 2): one member. */
let leader: Crew;
let ann: Crew;
let bo: Crew;
let cy: Crew;
let post1: string;
let manager: Client;
let managerId: string;
let otherManager: Client;

const url = (id: string, what: string) => `${API}/errands/orders/${id}/${what}`;

beforeAll(async () => {
  t = await createTestApp();
  base = await t.app.listen({ host: '127.0.0.1', port: 0 });
  fx = dispatchFixtures(t);
  const chain = await t.factory.chain();
  community = chain.community;
  grid1 = chain.grid;
  grid2 = await t.factory.region({ parent: chain.community, name: '二网格' });
  const other = await t.factory.chain();
  leader = await fx.crew(grid1.id, 'team_leader', '李队长');
  ann = await fx.crew(grid1.id, 'volunteer', '安志勇');
  bo = await fx.crew(grid1.id, 'volunteer', '薄文');
  cy = await fx.crew(grid2.id, 'volunteer', '崔二网');
  post1 = (
    await fx.post({
      regionId: grid1.id,
      leader: leader.volunteerId,
      members: [ann.volunteerId, bo.volunteerId],
      name: '一网格代办岗',
    })
  ).id;
  await fx.post({ regionId: grid2.id, members: [cy.volunteerId], name: '二网格代办岗' });
  managerId = (await t.factory.account({ login: 'd-manager', grants: [{ role: 'region_manager', regionId: community.id }] })).id;
  manager = await t.signIn('d-manager');
  await t.factory.account({ login: 'd-other', grants: [{ role: 'region_manager', regionId: other.county.id }] });
  otherManager = await t.signIn('d-other');
});
afterAll(() => t.close());

describe('the volunteer’s page', () => {
  it('lists the post’s new orders with address and items, the mobile masked; not to another post', async () => {
    const { id, ref } = await fx.order({ regionId: grid1.id, postId: post1 });
    const res = await ann.client.get(`${API}/errands/my-orders`);
    expect(res.statusCode).toBe(200);
    const page = res.json();
    expect(page.volunteer).toMatchObject({ id: ann.volunteerId });
    expect(page.posts).toEqual([expect.objectContaining({ id: post1, leads: false, crew: [] })]);
    const card = page.available.find((c: { id: string }) => c.id === id);
    expect(card).toMatchObject({
      ref,
      contactName: '王秀英',
      contactMobile: '138****5678',
      address: '幸福路 8 号 3 单元 502',
      items: [
        { name: '大米', unit: '千克', quantity: 5, note: null },
        { name: '酱油', unit: '瓶', quantity: 1, note: '生抽' },
      ],
      escalated: false,
    });
    const other = (await cy.client.get(`${API}/errands/my-orders`)).json();
    expect(other.available.map((c: { id: string }) => c.id)).not.toContain(id);
    // The leader sees the crew to assign.
    const lead = (await leader.client.get(`${API}/errands/my-orders`)).json();
    expect(lead.posts[0]).toMatchObject({ leads: true });
    expect(lead.posts[0].crew.map((m: { id: string }) => m.id).sort()).toEqual(
      [leader.volunteerId, ann.volunteerId, bo.volunteerId].sort(),
    );
  });

  it('is empty for an account that is not a volunteer', async () => {
    const res = await manager.get(`${API}/errands/my-orders`);
    expect(res.json()).toEqual({ volunteer: null, posts: [], available: [], mine: [], team: [], delivered: [] });
  });
});

describe('claiming', () => {
  it('lets the first of two claims win; the other gets 409 and nothing changes for it', async () => {
    const { id } = await fx.order({ regionId: grid1.id, postId: post1 });
    const [a, b] = await Promise.all([ann.client.post(url(id, 'claim')), bo.client.post(url(id, 'claim'))]);
    expect([a.statusCode, b.statusCode].sort()).toEqual([200, 409]);
    const winner = a.statusCode === 200 ? ann : bo;
    const row = await fx.status(id);
    expect(row).toMatchObject({ status: 'claimed', claimedBy: winner.volunteerId });
    expect((await fx.steps(id)).map((s) => s.kind)).toEqual(['claimed']);
    const loser = a.statusCode === 200 ? b : a;
    expect(loser.json().error.code).toMatch(/^ORDER_(MOVED|STATUS)$/);
  });

  it('is refused to another post’s volunteer (404) and to staff who are not volunteers (403)', async () => {
    const { id } = await fx.order({ regionId: grid1.id, postId: post1 });
    expect((await cy.client.post(url(id, 'claim'))).statusCode).toBe(404);
    expect((await manager.post(url(id, 'claim'))).statusCode).toBe(403);
    expect((await otherManager.post(url(id, 'claim'))).statusCode).toBe(404);
    expect((await fx.status(id)).status).toBe('new');
  });

  it('reaches the other volunteers of the post live on their event stream', async () => {
    const stream = await openStream(base, bo.client.sessionToken!);
    try {
      const { id } = await fx.order({ regionId: grid1.id, postId: post1 });
      expect((await ann.client.post(url(id, 'claim'))).statusCode).toBe(200);
      await stream.waitFor((es) => es.some((e) => e.type === 'errandOrder.claimed' && e.data.entityId === id));
    } finally {
      stream.close();
    }
  });
});

describe('the way to the door', () => {
  it('goes purchasing → delivering → delivered with a note, and counts in the service record', async () => {
    const { id, ref } = await fx.order({ regionId: grid1.id, postId: post1 });
    await ann.client.post(url(id, 'claim'));
    expect((await bo.client.post(url(id, 'step'), { to: 'purchasing' })).statusCode).toBe(403);
    expect((await ann.client.post(url(id, 'deliver'), { note: '放门口' })).statusCode).toBe(409);
    expect((await ann.client.post(url(id, 'step'), { to: 'purchasing' })).json()).toMatchObject({ status: 'purchasing' });
    expect((await ann.client.post(url(id, 'step'), { to: 'delivering' })).json()).toMatchObject({ status: 'delivering' });
    const blank = await ann.client.post(url(id, 'deliver'), { note: '   ' });
    expect(blank.statusCode).toBe(400);
    expect(blank.json().error.fields).toHaveProperty('note');
    const res = await ann.client.post(url(id, 'deliver'), { note: '挂在门把手上，已电话告知' });
    expect(res.json()).toMatchObject({ status: 'delivered' });
    expect(await fx.status(id)).toMatchObject({ proofNote: '挂在门把手上，已电话告知', proofFileId: null });
    expect((await fx.steps(id)).map((s) => s.kind)).toEqual(['claimed', 'purchasing', 'delivering', 'delivered']);
    const record = await t.deps.db.db
      .selectFrom('serviceRecords')
      .selectAll()
      .where('sourceId', '=', id)
      .executeTakeFirstOrThrow();
    expect(record).toMatchObject({ volunteerId: ann.volunteerId, kind: 'errand', title: `代办跑腿（${ref}）` });
    expect(Number(record.hours)).toBeGreaterThanOrEqual(0);
    const page = (await ann.client.get(`${API}/errands/my-orders`)).json();
    expect(page.delivered.map((c: { id: string }) => c.id)).toContain(id);
    expect(page.mine.map((c: { id: string }) => c.id)).not.toContain(id);
  });

  it('takes a photo as proof, refuses what is not an image, and shows the photo to those who may see the order', async () => {
    const { id } = await fx.order({ regionId: grid1.id, postId: post1, status: 'delivering', claimedBy: bo.volunteerId });
    const files = async () => (await t.deps.db.db.selectFrom('storedFiles').select('id').execute()).length;
    const before = await files();
    const bad = await bo.client.post(`${url(id, 'deliver-photo')}`, Buffer.from('GIF89a not really'), {
      'content-type': 'image/png',
    });
    expect(bad.statusCode).toBe(422);
    expect(bad.json().error.fields).toHaveProperty('photo');
    const notMine = await ann.client.post(url(id, 'deliver-photo'), TINY_PNG, { 'content-type': 'image/png' });
    expect(notMine.statusCode).toBe(403);
    expect(await files()).toBe(before);
    expect((await fx.status(id)).status).toBe('delivering');

    const ok = await bo.client.post(`${url(id, 'deliver-photo')}?note=${encodeURIComponent('门口')}`, TINY_PNG, {
      'content-type': 'image/png',
    });
    expect(ok.statusCode, ok.body).toBe(200);
    const row = await fx.status(id);
    expect(row).toMatchObject({ status: 'delivered', proofNote: '门口' });
    const file = await t.deps.db.db
      .selectFrom('storedFiles')
      .selectAll()
      .where('id', '=', row.proofFileId!)
      .executeTakeFirstOrThrow();
    expect(file).toMatchObject({ kind: 'errand_proof', mime: 'image/png', regionId: grid1.id });

    for (const viewer of [bo.client, ann.client, manager]) {
      const photo = await viewer.get(url(id, 'proof-photo'));
      expect(photo.statusCode).toBe(200);
      expect(photo.headers['content-type']).toBe('image/png');
      expect(photo.rawPayload.equals(TINY_PNG)).toBe(true);
    }
    expect((await cy.client.get(url(id, 'proof-photo'))).statusCode).toBe(404);
    expect((await otherManager.get(url(id, 'proof-photo'))).statusCode).toBe(404);
  });

  it('lets the claimer give an order back before buying: new again, for anyone of the post', async () => {
    const { id } = await fx.order({ regionId: grid1.id, postId: post1 });
    await ann.client.post(url(id, 'claim'));
    expect((await bo.client.post(url(id, 'release'), { reason: '临时有事' })).statusCode).toBe(403);
    const res = await ann.client.post(url(id, 'release'), { reason: '临时有事' });
    expect(res.json()).toMatchObject({ status: 'new' });
    const row = await fx.status(id);
    expect(row).toMatchObject({ status: 'new', claimedBy: null, claimedAt: null });
    expect(row.claimBy > nowIso()).toBe(true);
    expect((await fx.steps(id)).at(-1)).toMatchObject({ kind: 'released', detail: { reason: '临时有事' } });
    expect((await bo.client.post(url(id, 'claim'))).statusCode).toBe(200);
    await bo.client.post(url(id, 'step'), { to: 'purchasing' });
    expect((await bo.client.post(url(id, 'release'), { reason: '买不到' })).statusCode).toBe(409);
  });
});

describe('the post leader and staff', () => {
  it('assign to a member of the post, hand over to another, and the member is told', async () => {
    const { id, ref } = await fx.order({ regionId: grid1.id, postId: post1 });
    expect((await ann.client.post(url(id, 'assign'), { volunteerId: bo.volunteerId })).statusCode).toBe(403);
    const outsider = await leader.client.post(url(id, 'assign'), { volunteerId: cy.volunteerId });
    expect(outsider.statusCode).toBe(422);
    expect(outsider.json().error.fields).toHaveProperty('volunteerId');
    expect((await leader.client.post(url(id, 'assign'), { volunteerId: ann.volunteerId })).json()).toMatchObject({
      status: 'claimed',
    });
    expect(await fx.status(id)).toMatchObject({ claimedBy: ann.volunteerId });
    expect((await fx.steps(id)).map((s) => s.kind)).toEqual(['assigned']);
    await ann.client.post(url(id, 'step'), { to: 'purchasing' });
    expect((await manager.post(url(id, 'assign'), { volunteerId: bo.volunteerId })).json()).toMatchObject({
      status: 'purchasing',
    });
    expect(await fx.status(id)).toMatchObject({ claimedBy: bo.volunteerId, status: 'purchasing' });
    const told = await t.deps.db.db
      .selectFrom('notifications')
      .select(['accountId', 'kind', 'params'])
      .where('params', 'like', `%${ref}%`)
      .execute();
    expect(told.map((n) => [n.accountId, n.kind]).sort()).toEqual(
      [
        [ann.accountId, 'notify.errands.assigned'],
        [ann.accountId, 'notify.errands.unassigned'],
        [bo.accountId, 'notify.errands.assigned'],
      ].sort(),
    );
    const lead = (await leader.client.get(`${API}/errands/my-orders`)).json();
    expect(lead.team.map((c: { id: string }) => c.id)).toContain(id);
  });

  it('cancel with a reason the resident sees; volunteers cannot; another county’s staff get 404', async () => {
    const { id } = await fx.order({ regionId: grid1.id, postId: post1, status: 'claimed', claimedBy: ann.volunteerId });
    expect((await ann.client.post(url(id, 'cancel'), { reason: '住户已自行购买' })).statusCode).toBe(403);
    expect((await otherManager.post(url(id, 'cancel'), { reason: '住户已自行购买' })).statusCode).toBe(404);
    const res = await leader.client.post(url(id, 'cancel'), { reason: '住户已自行购买' });
    expect(res.json()).toMatchObject({ status: 'cancelled' });
    expect(await fx.status(id)).toMatchObject({ status: 'cancelled', cancelReason: '住户已自行购买' });
    expect((await fx.steps(id)).at(-1)).toMatchObject({ kind: 'cancelled', detail: { reason: '住户已自行购买' } });
    expect((await manager.post(url(id, 'cancel'), { reason: '再取消' })).statusCode).toBe(409);
  });
});

describe('escalation', () => {
  it('raises an unclaimed order past its deadline once: managers told, the next grid’s post may claim it', async () => {
    const past = nowIso(new Date(Date.now() - 40 * 60_000));
    const late = await fx.order({ regionId: grid1.id, postId: post1, createdAt: past });
    const early = await fx.order({ regionId: grid1.id, postId: post1 });
    const claimed = await fx.order({
      regionId: grid1.id,
      postId: post1,
      createdAt: past,
      status: 'claimed',
      claimedBy: ann.volunteerId,
    });
    const stream = await openStream(base, cy.client.sessionToken!);
    try {
      expect((await cy.client.post(url(late.id, 'claim'))).statusCode).toBe(404);
      const n = await runEscalation();
      expect(n).toBeGreaterThanOrEqual(1);
      expect(await fx.status(late.id)).toMatchObject({ escalationLevel: 1, status: 'new' });
      expect((await fx.status(early.id)).escalationLevel).toBe(0);
      expect((await fx.status(claimed.id)).escalationLevel).toBe(0);
      expect((await fx.steps(late.id)).map((s) => s.kind)).toEqual(['escalated']);
      expect((await fx.steps(late.id))[0]!.detail).toEqual({ post: '二网格代办岗' });
      await stream.waitFor((es) => es.some((e) => e.type === 'errandOrder.escalated' && e.data.entityId === late.id));
      const told = await t.deps.db.db
        .selectFrom('notifications')
        .select(['kind', 'params'])
        .where('accountId', '=', managerId)
        .execute();
      expect(told.some((n) => n.kind === 'notify.errands.escalated' && n.params.includes(late.ref))).toBe(true);
      // Once only.
      expect(await runEscalation()).toBe(0);
      const page = (await cy.client.get(`${API}/errands/my-orders`)).json();
      expect(page.available.find((c: { id: string }) => c.id === late.id)).toMatchObject({ escalated: true });
      expect((await cy.client.post(url(late.id, 'claim'))).statusCode).toBe(200);
    } finally {
      stream.close();
    }
  });
});

/** The escalation pass at now, through services built on the test app's dependencies. */
async function runEscalation(): Promise<number> {
  const regions = regionsService(t.deps);
  const volunteers = volunteersService(t.deps, { regions, units: unitsService(t.deps, regions) });
  const dispatch = dispatchService(t.deps, { volunteers });
  return escalationService(t.deps, { accounts: accountsService(t.deps, regions), dispatch }).escalate(nowIso());
}
