import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createTestApp, type Client, type TestApp } from '../../../test/app.ts';
import { twoCounties, type TwoCounties } from '../../../test/fixtures.ts';
import { API, auditRows, expectError, snapshot, snapshotChanges } from '../../../test/requests.ts';
import { addDays, calendarDate } from '../../platform/dates.ts';
import { newId, nowIso } from '../../platform/db/ids.ts';
import { makeCheckpoint } from '../duty/duty.test-helpers.ts';
import { ALCOHOL, MASKS, NOODLES } from './supplies.test-helpers.ts';
import { expectBooksBalanced, levelOf } from './supplies.test-books.ts';

let t: TestApp;
let w: TwoCounties;
let city: Client;
let county: Client;
let community: Client;
let leader: Client;
let otherLeader: Client;
let countyB: Client;
let doctor: Client;
let keeperId: string;
let countyManagerId: string;
let teamId: string;
let checkpointId: string;
let countyStore: string;

const db = () => t.deps.db.db;
const today = () => calendarDate(t.deps.config.timeZone);

async function team(name: string, leaderVolunteerId: string | null, regionId: string): Promise<string> {
  const id = newId();
  const now = nowIso();
  await db()
    .insertInto('teams')
    .values({
      id,
      parentTeamId: null,
      name,
      kind: 'community',
      regionId,
      leaderVolunteerId,
      description: null,
      branchName: null,
      branchSecretaryId: null,
      createdAt: now,
      updatedAt: now,
    })
    .execute();
  return id;
}

async function newStore(client: Client, regionId: string, name: string): Promise<string> {
  const res = await client.post(`${API}/supplies/stores`, { regionId, name });
  expect(res.statusCode, res.body).toBe(201);
  return res.json().id;
}

async function donate(client: Client, storeId: string, lines: { itemId: string; quantity: number }[], o: object = {}) {
  const res = await client.post(`${API}/supplies/donations`, {
    storeId,
    donorKind: 'unit',
    donorName: '驻马店市科技局',
    receivedOn: today(),
    lines,
    ...o,
  });
  expect(res.statusCode, res.body).toBe(201);
  return res.json();
}

const allocate = (client: Client, storeId: string, lines: { itemId: string; quantity: number }[], o: object = {}) =>
  client.post(`${API}/supplies/allocations`, { storeId, toKind: 'checkpoint', toId: checkpointId, lines, ...o });

beforeAll(async () => {
  t = await createTestApp();
  w = await twoCounties(t.factory);
  await t.factory.account({ login: 'sp-city', grants: [{ role: 'commander', regionId: w.city.id }] });
  countyManagerId = (
    await t.factory.account({ login: 'sp-county', name: '刘晓燕', grants: [{ role: 'region_manager', regionId: w.a.county.id }] })
  ).id;
  await t.factory.account({ login: 'sp-comm', grants: [{ role: 'region_manager', regionId: w.a.community.id }] });
  await t.factory.account({ login: 'sp-b', grants: [{ role: 'region_manager', regionId: w.b.county.id }] });
  await t.factory.account({ login: 'sp-doctor', grants: [{ role: 'medical_observer', regionId: w.a.county.id }] });
  keeperId = (
    await t.factory.account({ login: 'sp-keeper', name: '王保管', grants: [{ role: 'volunteer', regionId: w.a.grid.id }] })
  ).id;
  const leaderAccount = await t.factory.account({
    login: 'sp-leader',
    grants: [{ role: 'team_leader', regionId: w.a.township.id }],
  });
  await t.factory.account({ login: 'sp-leader2', grants: [{ role: 'team_leader', regionId: w.a.township.id }] });
  const leaderVolunteer = await t.factory.volunteer({ regionId: w.a.grid.id, accountId: leaderAccount.id, name: '赵队长' });
  teamId = await team('雪松社区志愿服务队', leaderVolunteer.id, w.a.community.id);
  checkpointId = (await makeCheckpoint(db(), { regionId: w.a.community.id, name: '雪松路东口', teamId })).id;
  city = await t.signIn('sp-city');
  county = await t.signIn('sp-county');
  community = await t.signIn('sp-comm');
  leader = await t.signIn('sp-leader');
  otherLeader = await t.signIn('sp-leader2');
  countyB = await t.signIn('sp-b');
  doctor = await t.signIn('sp-doctor');
  countyStore = await newStore(county, w.a.county.id, '县防疫物资库');
});
afterAll(() => t.close());

describe('catalogue and stores', () => {
  it('lists the seeded catalogue; only a grant at the city root changes it', async () => {
    const list = (await county.get(`${API}/supplies/items`)).json();
    expect(list.items.length).toBeGreaterThanOrEqual(20);
    expect(list.items.find((i: { id: string }) => i.id === MASKS)).toMatchObject({ nameZh: '医用外科口罩', unitZh: '只' });
    expect(list.canManage).toBe(false);
    expect((await city.get(`${API}/supplies/items`)).json().canManage).toBe(true);

    const body = {
      code: 'wet_wipes',
      nameZh: '消毒湿巾',
      nameEn: 'Disinfecting wipes',
      unitZh: '包',
      unitEn: 'packs',
      category: 'disinfection',
    };
    expectError(await county.post(`${API}/supplies/items`, body), 403);
    const made = await city.post(`${API}/supplies/items`, body);
    expect(made.statusCode, made.body).toBe(201);
    expectError(await city.post(`${API}/supplies/items`, body), 409, 'ITEM_CODE_TAKEN');
    const off = await city.patch(`${API}/supplies/items/${made.json().id}`, { active: false });
    expect(off.json().active).toBe(false);
    const active = (await county.get(`${API}/supplies/items?activeOnly=true`)).json().items;
    expect(active.some((i: { code: string }) => i.code === 'wet_wipes')).toBe(false);
  });

  it('opens stores at city, county or community only, in the caller’s area, with a keeper from it', async () => {
    const e = expectError(await county.post(`${API}/supplies/stores`, { regionId: w.a.township.id, name: '镇物资库' }), 422);
    expect(e.fields?.regionId).toBe('物资库只能设在市、县（区）或社区（村）');
    county.lang = 'en';
    const en = expectError(await county.post(`${API}/supplies/stores`, { regionId: w.a.grid.id, name: 'Grid store' }), 422);
    expect(en.fields?.regionId).toBe('A store belongs to a city, a county or a community');
    county.lang = 'zh-CN';
    expectError(await county.post(`${API}/supplies/stores`, { regionId: w.b.county.id, name: '别县物资库' }), 404);
    expectError(
      await county.post(`${API}/supplies/stores`, { regionId: w.a.county.id, name: '县防疫物资库' }),
      409,
      'STORE_NAME_TAKEN',
    );
    const foreignKeeper = await t.factory.account({ grants: [{ role: 'volunteer', regionId: w.b.grid.id }] });
    const k = expectError(
      await county.post(`${API}/supplies/stores`, {
        regionId: w.a.community.id,
        name: '社区物资点',
        keeperAccountId: foreignKeeper.id,
      }),
      422,
    );
    expect(k.fields?.keeperAccountId).toBeTruthy();
    const res = await county.post(`${API}/supplies/stores`, {
      regionId: w.a.community.id,
      name: '社区物资点',
      keeperAccountId: keeperId,
    });
    expect(res.statusCode, res.body).toBe(201);
    expect(res.json()).toMatchObject({ regionLevel: 'community', keeper: { id: keeperId, name: '王保管' }, lowItems: 0 });
    expect(res.json().stock.find((s: { item: { id: string } }) => s.item.id === MASKS)).toMatchObject({
      quantity: 0,
      low: false,
    });
    // Another county's manager sees neither the store nor its stock.
    expectError(await countyB.get(`${API}/supplies/stores/${res.json().id}`), 404);
    expect((await countyB.get(`${API}/supplies/stores`)).json().total).toBe(0);
  });
});

describe('movements keep the books', () => {
  it('a donation comes in with a ref, lines and a masked mobile; the reveal is audited', async () => {
    const d = await donate(
      county,
      countyStore,
      [
        { itemId: MASKS, quantity: 5000 },
        { itemId: ALCOHOL, quantity: 200 },
      ],
      { donorMobile: '13912345678', anonymous: true },
    );
    expect(d.ref).toMatch(new RegExp(`^JZ-${today().replaceAll('-', '')}-\\d{4}$`));
    expect(d.donorMobile).toBe('139****5678');
    expect(d.lines.map((l: { quantity: number }) => l.quantity).sort()).toEqual([200, 5000]);
    expect(await levelOf(t, countyStore, MASKS)).toBe(5000);

    expectError(await doctor.post(`${API}/supplies/donations/${d.id}/reveal`, {}), 403);
    expectError(await countyB.post(`${API}/supplies/donations/${d.id}/reveal`, {}), 404);
    const shown = await county.post(`${API}/supplies/donations/${d.id}/reveal`, {});
    expect(shown.json()).toEqual({ donorMobile: '13912345678' });
    const audit = await auditRows(t.deps, { action: 'pii.reveal', entityId: d.id });
    expect(audit).toHaveLength(1);
    expect(audit[0]!.actorLogin).toBe('sp-county');
    // Nothing personal in the write's own audit record.
    const created = await auditRows(t.deps, { action: 'donation.create', entityId: d.id });
    expect(created[0]!.detail).not.toContain('13912345678');
    await expectBooksBalanced(t);
  });

  it('checks each donation field, in the caller’s language, and writes nothing when refused', async () => {
    const before = await snapshot(t.deps);
    const cases: [object, string, string, string][] = [
      [{ receivedOn: addDays(today(), 1) }, 'receivedOn', '接收日期不能晚于今天', 'The date received cannot be after today'],
      [
        {
          lines: [
            { itemId: MASKS, quantity: 1 },
            { itemId: MASKS, quantity: 2 },
          ],
        },
        'lines.1.itemId',
        '同一物资只能填一行',
        'Each item can appear on one line only',
      ],
      [
        { lines: [{ itemId: newId(), quantity: 1 }] },
        'lines.0.itemId',
        '物资不存在或已停用',
        'No such item, or it is no longer in use',
      ],
      [
        { donorKind: 'person', donorUnitId: newId() },
        'donorUnitId',
        '个人捐赠不能选择单位',
        'A person’s donation cannot name a unit',
      ],
      [{ donorName: undefined }, 'donorName', '必填', 'Required'],
    ];
    for (const [patch, field, zh, en] of cases) {
      const body = {
        storeId: countyStore,
        donorKind: 'unit',
        donorName: '某单位',
        receivedOn: today(),
        lines: [{ itemId: MASKS, quantity: 1 }],
        ...patch,
      };
      expect(expectError(await county.post(`${API}/supplies/donations`, body), 422).fields?.[field], field).toBe(zh);
      county.lang = 'en';
      expect(expectError(await county.post(`${API}/supplies/donations`, body), 422).fields?.[field], field).toBe(en);
      county.lang = 'zh-CN';
    }
    for (const bad of [{ quantity: 0 }, { quantity: 1.5 }, { quantity: -3 }]) {
      const res = await county.post(`${API}/supplies/donations`, {
        storeId: countyStore,
        donorKind: 'unit',
        donorName: '某单位',
        receivedOn: today(),
        lines: [{ itemId: MASKS, ...bad }],
      });
      // The schema's own checks answer 400, the service's rules 422; both name the field.
      expect(expectError(res, 400).fields?.['lines.0.quantity']).toBeTruthy();
    }
    const mobile = await county.post(`${API}/supplies/donations`, {
      storeId: countyStore,
      donorKind: 'person',
      donorName: '张先生',
      donorMobile: '12345',
      receivedOn: today(),
      lines: [{ itemId: MASKS, quantity: 1 }],
    });
    expect(expectError(mobile, 400).fields?.donorMobile).toBe('手机号格式不正确（11 位，1 开头）');
    expect(snapshotChanges(before, await snapshot(t.deps), ['rate_limits'])).toEqual({});
  });

  it('refuses an allocation beyond stock with 409 naming the item, and writes nothing', async () => {
    const store = await newStore(county, w.a.county.id, '短缺测试库');
    await donate(county, store, [{ itemId: MASKS, quantity: 300 }]);
    const before = await snapshot(t.deps);
    const e = expectError(await allocate(county, store, [{ itemId: MASKS, quantity: 301 }]), 409, 'STOCK_SHORT');
    expect(e.message).toBe('库存不足：医用外科口罩 剩余 300 只');
    expect(e.fields?.['lines.0.quantity']).toBe('库存不足：医用外科口罩 剩余 300 只');
    county.lang = 'en';
    expect(expectError(await allocate(county, store, [{ itemId: MASKS, quantity: 301 }]), 409).message).toBe(
      'Not enough in stock: Surgical mask, 300 pcs left',
    );
    county.lang = 'zh-CN';
    expect(expectError(await allocate(county, store, [{ itemId: NOODLES, quantity: 1 }]), 409).message).toBe(
      '库存不足：方便面 剩余 0 箱',
    );
    expect(snapshotChanges(before, await snapshot(t.deps))).toEqual({});
    const ok = await allocate(county, store, [{ itemId: MASKS, quantity: 300 }]);
    expect(ok.statusCode, ok.body).toBe(201);
    expect(await levelOf(t, store, MASKS)).toBe(0);
  });

  it('sends only inside the store’s area, to a kind of place that exists', async () => {
    const foreign = await makeCheckpoint(db(), { regionId: w.b.community.id });
    const outside = expectError(await allocate(county, countyStore, [{ itemId: MASKS, quantity: 1 }], { toId: foreign.id }), 422);
    expect(outside.fields?.toId).toBe('接收对象须在该物资库所属区域内');
    const communityStore = (await county.get(`${API}/supplies/stores?regionId=${w.a.community.id}`)).json().items[0].id;
    const up = expectError(
      await county.post(`${API}/supplies/allocations`, {
        storeId: communityStore,
        toKind: 'region',
        toId: w.a.county.id,
        lines: [{ itemId: MASKS, quantity: 1 }],
      }),
      422,
    );
    expect(up.fields?.toId).toBe('接收区域须是乡镇（街道）、社区（村）或网格');
    const missing = expectError(
      await county.post(`${API}/supplies/allocations`, {
        storeId: countyStore,
        toKind: 'team',
        toId: checkpointId,
        lines: [{ itemId: MASKS, quantity: 1 }],
      }),
      422,
    );
    expect(missing.fields?.toId).toBe('接收对象不存在');
    expectError(
      await countyB.post(`${API}/supplies/allocations`, {
        storeId: countyStore,
        toKind: 'checkpoint',
        toId: checkpointId,
        lines: [{ itemId: MASKS, quantity: 1 }],
      }),
      404,
    );
  });

  it('the team holding the checkpoint signs once; another leader may not; a manager over the place may', async () => {
    const sent = await allocate(county, countyStore, [{ itemId: MASKS, quantity: 100 }], { purpose: '卡点值守' });
    expect(sent.statusCode, sent.body).toBe(201);
    const a = sent.json();
    expect(a).toMatchObject({ status: 'sent', target: { kind: 'checkpoint', name: '雪松路东口' }, canConfirm: true });

    const mine = (await leader.get(`${API}/supplies/allocations/to-confirm`)).json().items;
    expect(mine.map((x: { id: string }) => x.id)).toContain(a.id);
    expect(mine.find((x: { id: string }) => x.id === a.id).canConfirm).toBe(true);
    expect((await otherLeader.get(`${API}/supplies/allocations/to-confirm`)).json().items).toEqual([]);

    expectError(await otherLeader.post(`${API}/supplies/allocations/${a.id}/confirm`, {}), 403);
    expectError(await countyB.post(`${API}/supplies/allocations/${a.id}/confirm`, {}), 404);
    const done = await leader.post(`${API}/supplies/allocations/${a.id}/confirm`, { note: '已清点，数量无误' });
    expect(done.statusCode, done.body).toBe(200);
    expect(done.json()).toMatchObject({ status: 'confirmed', confirmNote: '已清点，数量无误', canConfirm: false });
    expectError(await leader.post(`${API}/supplies/allocations/${a.id}/confirm`, {}), 409, 'ALLOCATION_CONFIRMED');
    expect(await auditRows(t.deps, { action: 'allocation.confirm', entityId: a.id })).toHaveLength(1);

    // To the team itself: its leader signs. To a community: its manager signs.
    const toTeam = (
      await allocate(county, countyStore, [{ itemId: MASKS, quantity: 10 }], { toKind: 'team', toId: teamId })
    ).json();
    expect((await leader.post(`${API}/supplies/allocations/${toTeam.id}/confirm`, {})).statusCode).toBe(200);
    const toCommunity = (
      await allocate(county, countyStore, [{ itemId: MASKS, quantity: 10 }], { toKind: 'region', toId: w.a.community.id })
    ).json();
    expectError(await leader.post(`${API}/supplies/allocations/${toCommunity.id}/confirm`, {}), 403);
    expect((await community.post(`${API}/supplies/allocations/${toCommunity.id}/confirm`, {})).statusCode).toBe(200);
    await expectBooksBalanced(t);
  });

  it('reverses by new movements, never below zero; a signed allocation stays', async () => {
    const store = await newStore(county, w.a.county.id, '冲销测试库');
    const d = await donate(county, store, [{ itemId: MASKS, quantity: 500 }]);
    const a = (await allocate(county, store, [{ itemId: MASKS, quantity: 400 }])).json();
    const before = await snapshot(t.deps);
    const e = expectError(
      await county.post(`${API}/supplies/donations/${d.id}/reverse`, { reason: '录错了' }),
      409,
      'STOCK_SHORT',
    );
    expect(e.message).toBe('库存不足：医用外科口罩 剩余 100 只');
    expect(snapshotChanges(before, await snapshot(t.deps))).toEqual({});

    const back = await county.post(`${API}/supplies/allocations/${a.id}/reverse`, { reason: '发错卡点' });
    expect(back.statusCode, back.body).toBe(200);
    expect(back.json()).toMatchObject({ status: 'reversed', reversal: { reason: '发错卡点', by: { id: countyManagerId } } });
    expect(await levelOf(t, store, MASKS)).toBe(500);
    expectError(await county.post(`${API}/supplies/allocations/${a.id}/reverse`, { reason: '再来' }), 409, 'ALREADY_REVERSED');
    expectError(await leader.post(`${API}/supplies/allocations/${a.id}/confirm`, {}), 409, 'ALLOCATION_REVERSED');

    const gone = await county.post(`${API}/supplies/donations/${d.id}/reverse`, { reason: '录错了' });
    expect(gone.statusCode, gone.body).toBe(200);
    expect(gone.json().reversal.reason).toBe('录错了');
    expect(await levelOf(t, store, MASKS)).toBe(0);
    expectError(await county.post(`${API}/supplies/donations/${d.id}/reverse`, { reason: '录错了' }), 409, 'ALREADY_REVERSED');

    // The original movements are still there, each cancelled by one reversal.
    const history = (await county.get(`${API}/supplies/stores/${store}/movements?itemId=${MASKS}`)).json();
    expect(history.items.map((m: { kind: string }) => m.kind).sort()).toEqual(['allocation', 'donation', 'reversal', 'reversal']);
    expect(
      history.items.filter((m: { kind: string }) => m.kind !== 'reversal').every((m: { reversed: boolean }) => m.reversed),
    ).toBe(true);

    const signed = (await allocate(county, countyStore, [{ itemId: MASKS, quantity: 5 }])).json();
    await leader.post(`${API}/supplies/allocations/${signed.id}/confirm`, {});
    expectError(
      await county.post(`${API}/supplies/allocations/${signed.id}/reverse`, { reason: '错了' }),
      409,
      'ALLOCATION_CONFIRMED',
    );
    await expectBooksBalanced(t);
  });

  it('transfers between two stores of the caller’s area, and reverses while the receiver still holds it', async () => {
    const to = (await county.get(`${API}/supplies/stores?regionId=${w.a.community.id}`)).json().items[0].id;
    const before = await levelOf(t, countyStore, MASKS);
    expectError(
      await county.post(`${API}/supplies/transfers`, {
        fromStoreId: countyStore,
        toStoreId: countyStore,
        lines: [{ itemId: MASKS, quantity: 1 }],
      }),
      422,
    );
    expectError(
      await community.post(`${API}/supplies/transfers`, {
        fromStoreId: countyStore,
        toStoreId: to,
        lines: [{ itemId: MASKS, quantity: 1 }],
      }),
      404,
    );
    const res = await county.post(`${API}/supplies/transfers`, {
      fromStoreId: countyStore,
      toStoreId: to,
      note: '社区补充',
      lines: [{ itemId: MASKS, quantity: 1000 }],
    });
    expect(res.statusCode, res.body).toBe(201);
    expect(res.json().ref).toMatch(/^DB-\d{8}-\d{4}$/);
    expect(await levelOf(t, countyStore, MASKS)).toBe(before - 1000);
    expect(await levelOf(t, to, MASKS)).toBe(1000);
    // The community store hands 990 out: the transfer can no longer come back whole.
    const out = await community.post(`${API}/supplies/allocations`, {
      storeId: to,
      toKind: 'checkpoint',
      toId: checkpointId,
      lines: [{ itemId: MASKS, quantity: 990 }],
    });
    expect(out.statusCode, out.body).toBe(201);
    expectError(await county.post(`${API}/supplies/transfers/${res.json().id}/reverse`, { reason: '调错' }), 409, 'STOCK_SHORT');
    await county.post(`${API}/supplies/allocations/${out.json().id}/reverse`, { reason: '先不发' });
    const back = await county.post(`${API}/supplies/transfers/${res.json().id}/reverse`, { reason: '调错' });
    expect(back.statusCode, back.body).toBe(200);
    expect(await levelOf(t, countyStore, MASKS)).toBe(before);
    expect(await levelOf(t, to, MASKS)).toBe(0);
    await expectBooksBalanced(t);
  });
});

describe('low stock', () => {
  it('tells the keeper and the managers when an item falls below its threshold, once per fall', async () => {
    const store = await newStore(county, w.a.county.id, '预警测试库');
    await county.patch(`${API}/supplies/stores/${store}`, { keeperAccountId: keeperId });
    await donate(county, store, [{ itemId: ALCOHOL, quantity: 120 }]);
    const set = await county.put(`${API}/supplies/stores/${store}/thresholds`, { items: [{ itemId: ALCOHOL, lowAt: 100 }] });
    expect(set.statusCode, set.body).toBe(200);
    expect(set.json().stock.find((s: { item: { id: string } }) => s.item.id === ALCOHOL)).toMatchObject({
      quantity: 120,
      lowAt: 100,
      low: false,
    });
    const notes = () =>
      db().selectFrom('notifications').select(['accountId', 'params']).where('kind', '=', 'notify.supplies.low').execute();
    const first = (await notes()).length;

    await allocate(county, store, [{ itemId: ALCOHOL, quantity: 20 }]); // 100: not below
    expect((await notes()).length).toBe(first);
    await allocate(county, store, [{ itemId: ALCOHOL, quantity: 30 }]); // 70: below
    const after = await notes();
    expect(after.length - first).toBe(2);
    expect(after.map((n) => n.accountId).sort()).toEqual(expect.arrayContaining([keeperId, countyManagerId].sort()));
    expect(JSON.parse(after.at(-1)!.params)).toMatchObject({ item: { 'zh-CN': '75%酒精' }, quantity: 70, lowAt: 100 });
    const events = await db().selectFrom('events').select('type').where('type', '=', 'supplies.lowStock').execute();
    expect(events.length).toBeGreaterThan(0);
    await allocate(county, store, [{ itemId: ALCOHOL, quantity: 10 }]); // 60: still below, no new alert
    expect((await notes()).length - first).toBe(2);

    const inbox = await (await t.signIn('sp-keeper')).get(`${API}/notifications`);
    expect(inbox.body).toContain('库存预警：预警测试库 的 75%酒精 仅剩 70 瓶，低于预警值 100');
    const low = (await county.get(`${API}/supplies/stock?lowOnly=true`)).json();
    expect(low.items.map((r: { storeName: string; item: { id: string } }) => [r.storeName, r.item.id])).toContainEqual([
      '预警测试库',
      ALCOHOL,
    ]);
    const stores = (await county.get(`${API}/supplies/stores`)).json().items;
    expect(stores.find((s: { id: string }) => s.id === store).lowItems).toBe(1);

    // A mark raised above what is held makes the item low too: told once, not again while it stays low.
    const raise = (lowAt: number) =>
      county.put(`${API}/supplies/stores/${store}/thresholds`, { items: [{ itemId: ALCOHOL, lowAt }] });
    expect((await raise(50)).statusCode).toBe(200); // 60 held: not low
    expect((await notes()).length - first).toBe(2);
    expect((await raise(80)).statusCode).toBe(200); // now low by the mark alone
    expect((await notes()).length - first).toBe(4);
    expect(JSON.parse((await notes()).at(-1)!.params)).toMatchObject({ quantity: 60, lowAt: 80 });
    expect((await raise(90)).statusCode).toBe(200); // still low: nothing new
    expect((await notes()).length - first).toBe(4);
  });
});

describe('public ledger', () => {
  it('shows what came in and where it went, and nothing personal', async () => {
    const household = newId();
    const now = nowIso();
    await db()
      .insertInto('households')
      .values({
        id: household,
        regionId: w.a.grid.id,
        building: '3',
        unit: '2',
        room: '501',
        address: '雪松路 18 号院 3 栋 2 单元 501',
        housing: 'owner',
        note: null,
        createdAt: now,
        updatedAt: now,
      })
      .execute();
    await donate(county, countyStore, [{ itemId: NOODLES, quantity: 50 }], {
      donorKind: 'person',
      donorName: '李秀英',
      donorMobile: '13600001111',
    });
    await donate(county, countyStore, [{ itemId: NOODLES, quantity: 30 }], { donorName: '不愿具名的公司', anonymous: true });
    const h = await allocate(county, countyStore, [{ itemId: NOODLES, quantity: 2 }], { toKind: 'household', toId: household });
    expect(h.statusCode, h.body).toBe(201);

    const res = await t.anonymous('10.9.9.9').get(`${API}/supplies/ledger/${w.a.county.code}`);
    expect(res.statusCode, res.body).toBe(200);
    const text = res.body;
    for (const secret of ['李秀英', '13600001111', '13912345678', '不愿具名的公司', '雪松路 18 号', '王保管', '刘晓燕']) {
      expect(text, secret).not.toContain(secret);
    }
    const ledger = res.json();
    expect(ledger.region).toMatchObject({ code: w.a.county.code, level: 'county' });
    expect(
      ledger.donations.some(
        (d: { donor: { kind: string; name: string | null } }) => d.donor.kind === 'person' && d.donor.name === null,
      ),
    ).toBe(true);
    expect(ledger.donations.some((d: { donor: { name: string | null } }) => d.donor.name === '驻马店市科技局')).toBe(true);
    expect(ledger.allocations.find((a: { toKind: string }) => a.toKind === 'household').toName).toBe(w.a.community.name);
    const noodles = ledger.totals.find((x: { itemId: string }) => x.itemId === NOODLES);
    expect(noodles).toMatchObject({ donated: 80, allocated: 2, inStock: await levelOf(t, countyStore, NOODLES) });

    expectError(await t.anonymous('10.9.9.9').get(`${API}/supplies/ledger/${w.a.township.code}`), 404);
    expectError(await t.anonymous('10.9.9.9').get(`${API}/supplies/ledger/nope-000`), 404);
    expectError(
      await t.anonymous('10.9.9.9').get(`${API}/supplies/ledger/${w.a.county.code}?from=${today()}&to=${addDays(today(), -1)}`),
      422,
    );
  });

  it('counts served answers per address', async () => {
    const reader = t.anonymous('10.9.9.10');
    for (let i = 0; i < 60; i++) expect((await reader.get(`${API}/supplies/ledger/${w.a.county.code}`)).statusCode).toBe(200);
    expectError(await reader.get(`${API}/supplies/ledger/${w.a.county.code}`), 429, 'RATE_LIMITED');
    expect((await t.anonymous('10.9.9.11').get(`${API}/supplies/ledger/${w.a.county.code}`)).statusCode).toBe(200);
  });
});
