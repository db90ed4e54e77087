import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { ERRAND_STATUSES } from '../../common/enums.ts';
import { nextRef } from '../platform/db/refs.ts';
import { createTestApp, type TestApp } from '../../test/app.ts';
import { API } from '../../test/requests.ts';
import { calendarDate } from '../platform/dates.ts';
import { openFile, sniffImage } from '../platform/files/stored-files.ts';
import { DEMO_PASSWORD, loadDemoCity } from './demo-city.ts';
import { loadDemoErrands, type DemoErrandsSummary } from './demo-errands.ts';
import { loadDemoHouseholds } from './demo-households.ts';
import { loadDemoVolunteers } from './demo-volunteers.ts';

let t: TestApp;
let summary: DemoErrandsSummary | null;
beforeAll(async () => {
  t = await createTestApp();
  await loadDemoCity(t.deps);
  await t.deps.db.withoutSync(() => loadDemoVolunteers(t.deps));
  await t.deps.db.withoutSync(() => loadDemoHouseholds(t.deps));
  summary = await t.deps.db.withoutSync(() => loadDemoErrands(t.deps));
}, 300_000);
afterAll(() => t.close());

const STEPS = ['createdAt', 'claimedAt', 'purchasingAt', 'deliveringAt', 'deliveredAt', 'confirmedAt'] as const;

describe('demo errands', () => {
  it('loads once: posts in 驿城区 and 正阳县, shops, a few hundred orders in every state, runs with receipts, payouts', async () => {
    expect(summary).not.toBeNull();
    const s = summary!;
    expect(s.posts).toBe(14);
    expect(s.shops).toBe(11);
    expect(s.orders).toBeGreaterThan(250);
    expect(s.orders).toBeLessThan(600);
    for (const status of ERRAND_STATUSES) expect(s.byStatus[status] ?? 0, status).toBeGreaterThan(0);
    expect(s.escalated).toBeGreaterThanOrEqual(2);
    expect(s.runs).toBeGreaterThan(50);
    expect(s.openRuns).toBeGreaterThanOrEqual(1);
    expect(s.receipts).toBeGreaterThan(s.runs);
    expect(s.payouts).toBeGreaterThan(10);
    expect(await t.deps.db.withoutSync(() => loadDemoErrands(t.deps))).toBeNull();

    const { db } = t.deps.db;
    const counties = await db
      .selectFrom('errandPosts as p')
      .innerJoin('regions as r', 'r.id', 'p.regionId')
      .select('r.code')
      .execute();
    expect(new Set(counties.map((c) => c.code!.slice(0, 6)))).toEqual(new Set(['411702', '411724']));
  });

  it('keeps every order consistent: steps in time order up to its status, deadlines, day and number, its events', async () => {
    const { db } = t.deps.db;
    const now = new Date().toISOString();
    const orders = await db.selectFrom('errandOrders').selectAll().execute();
    const events = await db.selectFrom('errandOrderEvents').select(['orderId', 'kind', 'at']).orderBy('at').execute();
    const byOrder = new Map<string, string[]>();
    for (const e of events) byOrder.set(e.orderId, [...(byOrder.get(e.orderId) ?? []), e.kind]);
    const refs = new Set<string>();
    for (const o of orders) {
      const reached = STEPS.filter((c) => o[c] !== null);
      const times = reached.map((c) => o[c]!);
      expect([...times].sort(), o.ref).toEqual(times);
      expect(
        times.every((x) => x < now),
        o.ref,
      ).toBe(true);
      if (o.status !== 'cancelled')
        expect(reached.length, o.ref).toBe(
          1 + ['claimed', 'purchasing', 'delivering', 'delivered', 'confirmed'].indexOf(o.status) + 1,
        );
      else expect(o.cancelReason, o.ref).toBeTruthy();
      expect(o.orderedOn).toBe(calendarDate(t.deps.config.timeZone, new Date(o.createdAt)));
      expect(o.ref.slice(3, 11)).toBe(o.orderedOn.replaceAll('-', ''));
      expect(refs.has(o.ref)).toBe(false);
      refs.add(o.ref);
      if (o.status === 'new' && o.claimBy < now) expect(o.escalationLevel, o.ref).toBe(1);
      const kinds = byOrder.get(o.id) ?? [];
      expect(kinds[0], o.ref).toBe('created');
      if (o.status !== 'new' && o.status !== 'cancelled')
        expect(kinds.some((k) => k === 'claimed' || k === 'assigned')).toBe(true);
      if (o.deliveredAt) expect(o.amountDueFen, o.ref).toBeGreaterThan(0);
      if (o.paidAt) expect(o.paidFen).toBe(o.amountDueFen);
    }
  });

  it('allocates each shop’s amount exactly to the items bought there; the receipts are stored images', async () => {
    const { db } = t.deps.db;
    const shops = await db.selectFrom('errandRunShops').selectAll().execute();
    const items = await db
      .selectFrom('errandOrderItems as i')
      .innerJoin('errandOrders as o', 'o.id', 'i.orderId')
      .select(['o.runId', 'i.shopId', 'i.costFen', 'o.id as orderId', 'o.amountDueFen'])
      .where('o.runId', 'is not', null)
      .execute();
    for (const s of shops) {
      const sum = items.filter((i) => i.runId === s.runId && i.shopId === s.shopId).reduce((a, i) => a + Number(i.costFen), 0);
      expect(sum).toBe(Number(s.amountFen));
    }
    for (const s of shops.slice(0, 5)) {
      const file = await openFile(t.deps, s.receiptFileId!);
      const chunks: Buffer[] = [];
      for await (const c of file!.stream) chunks.push(c as Buffer);
      expect(sniffImage(Buffer.concat(chunks))).toBe('image/png');
    }
    const open = await db.selectFrom('errandRuns').select('id').where('status', '=', 'open').execute();
    const recorded = await db
      .selectFrom('errandRunShops')
      .select('runId')
      .where(
        'runId',
        'in',
        open.map((r) => r.id),
      )
      .execute();
    expect(recorded).toHaveLength(0);
  });

  it('gives 孙丽 open errands in 雪松社区, led by 赵志刚, and leaves money outstanding for the last two days', async () => {
    const { db } = t.deps.db;
    const sunLi = await db
      .selectFrom('volunteers')
      .innerJoin('accounts', 'accounts.id', 'volunteers.accountId')
      .select('volunteers.id')
      .where('accounts.login', '=', 'volunteer')
      .executeTakeFirstOrThrow();
    const mine = await db
      .selectFrom('errandOrders')
      .select('status')
      .where('claimedBy', '=', sunLi.id)
      .where('status', 'in', ['claimed', 'purchasing', 'delivering'])
      .execute();
    expect(mine.length).toBeGreaterThan(0);
    const xuesongPosts = await db
      .selectFrom('errandPosts as p')
      .innerJoin('teams', 'teams.id', 'p.teamId')
      .innerJoin('volunteers as v', 'v.id', 'teams.leaderVolunteerId')
      .select(['p.name', 'v.name as leader'])
      .where('p.name', 'like', '雪松社区%')
      .execute();
    expect(xuesongPosts).toHaveLength(4);
    expect(new Set(xuesongPosts.map((p) => p.leader))).toEqual(new Set(['赵志刚']));
    const advanced = await db
      .selectFrom('errandRunShops')
      .select((eb) => eb.fn.sum<number>('amountFen').as('n'))
      .executeTakeFirstOrThrow();
    const reimbursed = await db
      .selectFrom('errandPayouts')
      .select((eb) => eb.fn.sum<number>('amountFen').as('n'))
      .where('direction', '=', 'reimburse')
      .executeTakeFirstOrThrow();
    expect(Number(reimbursed.n)).toBeGreaterThan(0);
    expect(Number(reimbursed.n)).toBeLessThan(Number(advanced.n));

    // As the pages read it: her phone's list, and the community's settlement.
    const volunteer = await t.signIn('volunteer', DEMO_PASSWORD);
    const page = (await volunteer.get(`${API}/errands/my-orders`)).json();
    expect(page.mine.length).toBeGreaterThan(0);
    expect(page.posts.length).toBe(4);
    const desk = await t.signIn('xuesong', DEMO_PASSWORD);
    const money = (await desk.get(`${API}/errands/settlement`)).json();
    expect(money.volunteers.some((v: { balanceFen: number }) => v.balanceFen > 0)).toBe(true);
    expect(money.households.length).toBeGreaterThan(0);
  });

  it('leaves the day counters past its numbers: the next real order and run get new ones', async () => {
    const { db } = t.deps.db;
    for (const [code, table] of [
      ['PT', 'errandOrders'],
      ['CG', 'errandRuns'],
    ] as const) {
      const last = await db
        .selectFrom(table)
        .select('ref')
        .where('ref', 'like', `${code}-%`)
        .orderBy('ref', 'desc')
        .executeTakeFirstOrThrow();
      const day = last.ref.slice(3, 11);
      const next = await nextRef(db, code, `${day.slice(0, 4)}-${day.slice(4, 6)}-${day.slice(6)}`);
      expect(next > last.ref).toBe(true);
      expect(await db.selectFrom(table).select('id').where('ref', '=', next).executeTakeFirst()).toBeUndefined();
    }
  });
});
