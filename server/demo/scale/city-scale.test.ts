import { sql } from 'kysely';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createTestApp, type TestApp } from '../../../test/app.ts';
import { CITY_SIZE, generateCity, type CitySummary } from './city-scale.ts';

/** A thousandth of the city: the whole region tree, rows scaled down. */
const FACTOR = 0.0005;

let t: TestApp;
let summary: CitySummary;
beforeAll(async () => {
  t = await createTestApp();
  summary = await generateCity(t.deps.db, {
    factor: FACTOR,
    pii: t.deps.pii,
    timeZone: t.deps.config.timeZone,
    log: () => {},
  });
}, 120_000);
afterAll(() => t.close());

const count = async (
  table:
    | 'households'
    | 'passages'
    | 'isolationCases'
    | 'volunteers'
    | 'checkpoints'
    | 'healthReports'
    | 'inspections'
    | 'fieldIssues'
    | 'errandOrders',
) =>
  Number(
    (
      await t.deps.db.db
        .selectFrom(table)
        .select((eb) => eb.fn.countAll().as('n'))
        .executeTakeFirstOrThrow()
    ).n,
  );

describe('the city-scale data set', () => {
  it('holds the real divisions with 14 communities a township and 4 grids a community', async () => {
    const levels = await t.deps.db.db
      .selectFrom('regions')
      .select(['level', (eb) => eb.fn.countAll().as('n')])
      .groupBy('level')
      .execute();
    const by = Object.fromEntries(levels.map((l) => [l.level, Number(l.n)]));
    expect(by).toEqual({ city: 1, county: 11, township: 208, community: 208 * 14, grid: 208 * 14 * 4 });
    expect(summary.regions).toBe(1 + 11 + 208 + 208 * 14 * 5);
  });

  it('scales the rows by the factor, and reports what it wrote', async () => {
    const expected = (k: keyof typeof CITY_SIZE) => Math.round(CITY_SIZE[k] * FACTOR);
    expect(await count('households')).toBe(expected('households'));
    expect(await count('passages')).toBe(expected('passages'));
    expect(await count('isolationCases')).toBe(expected('cases'));
    expect(await count('volunteers')).toBe(expected('volunteers'));
    expect(await count('checkpoints')).toBe(expected('checkpoints'));
    expect(await count('inspections')).toBe(expected('inspections'));
    expect(await count('fieldIssues')).toBe(expected('fieldIssues'));
    expect(await count('errandOrders')).toBe(expected('errandOrders'));
    expect(summary.counts.households).toBe(expected('households'));
    expect(summary.counts['health reports']).toBe(await count('healthReports'));
    expect(summary.accounts).toContain('city-commander');
  });

  it('keeps the tallies the app reads in step with the rows', async () => {
    const { db } = t.deps.db;
    const tallied = await db
      .selectFrom('householdTallies')
      .select((eb) => eb.fn.sum<number>('households').as('n'))
      .executeTakeFirstOrThrow();
    expect(Number(tallied.n)).toBe(await count('households'));
    const visits = await db
      .selectFrom('screeningVisits')
      .select(['outcome', (eb) => eb.fn.countAll().as('n')])
      .where('latest', '=', 1)
      .groupBy('outcome')
      .execute();
    const reached = Number(visits.find((v) => v.outcome === 'reached')?.n ?? 0);
    const sums = await db
      .selectFrom('screeningTallies')
      .select((eb) => [eb.fn.sum<number>('reached').as('reached'), eb.fn.sum<number>('notReached').as('notReached')])
      .executeTakeFirstOrThrow();
    expect(Number(sums.reached)).toBe(reached);
    expect(Number(sums.reached) + Number(sums.notReached)).toBe(visits.reduce((s, v) => s + Number(v.n), 0));
  });

  it('gives every active case its reports or a missed-slot alert for each ended slot before today', async () => {
    const { db } = t.deps.db;
    const c = await db
      .selectFrom('isolationCases')
      .select(['id', 'startsOn'])
      .where('status', '=', 'active')
      .orderBy('startsOn')
      .executeTakeFirst();
    if (!c) return; // too few cases drawn to have an active one
    const slots = await db
      .selectFrom('healthReports')
      .select(sql<number>`count(*)`.as('n'))
      .where('caseId', '=', c.id)
      .executeTakeFirstOrThrow();
    const missed = await db
      .selectFrom('alerts')
      .select(sql<number>`count(*)`.as('n'))
      .where('caseId', '=', c.id)
      .executeTakeFirstOrThrow();
    const today = new Date().toLocaleDateString('en-CA', { timeZone: t.deps.config.timeZone });
    const days = Math.round((Date.parse(today) - Date.parse(c.startsOn)) / 86_400_000);
    expect(Number(slots.n) + Number(missed.n)).toBe(days * 2);
  });

  it('keeps stock levels the sums of their movements, and errand orders consistent with their steps', async () => {
    const { db } = t.deps.db;
    const sums = await db
      .selectFrom('stockMovements')
      .select(['storeId', 'itemId', (eb) => eb.fn.sum<number>('delta').as('q')])
      .groupBy(['storeId', 'itemId'])
      .execute();
    const levels = await db.selectFrom('stockLevels').select(['storeId', 'itemId', 'quantity']).execute();
    expect(levels.length).toBe(sums.length);
    const level = new Map(levels.map((l) => [`${l.storeId}|${l.itemId}`, Number(l.quantity)]));
    for (const s of sums) expect(level.get(`${s.storeId}|${s.itemId}`)).toBe(Number(s.q));
    expect(levels.every((l) => Number(l.quantity) >= 0)).toBe(true);

    const orders = await db
      .selectFrom('errandOrders')
      .select(['status', 'deliveredAt', 'amountDueFen', 'claimedAt', 'postId'])
      .execute();
    for (const o of orders) {
      expect(o.postId).not.toBeNull();
      expect(o.deliveredAt !== null).toBe(o.status === 'delivered' || o.status === 'confirmed');
      expect(o.amountDueFen !== null).toBe(o.deliveredAt !== null);
      if (o.status !== 'new') expect(o.claimedAt).not.toBeNull();
    }
    // The day counters sit past the generated numbers, so the next real order gets a fresh one.
    const today = new Date().toLocaleDateString('en-CA', { timeZone: t.deps.config.timeZone }).replaceAll('-', '');
    const todays = orders.length
      ? await db.selectFrom('dayRefs').select('last').where('prefix', '=', `PT-${today}-`).executeTakeFirst()
      : null;
    const made = await db
      .selectFrom('errandOrders')
      .select(sql<number>`count(*)`.as('n'))
      .where('ref', 'like', `PT-${today}-%`)
      .executeTakeFirstOrThrow();
    expect(Number(todays?.last ?? 0)).toBe(Number(made.n));
  });

  it('refuses a database that already holds a city', async () => {
    await expect(
      generateCity(t.deps.db, { factor: FACTOR, pii: t.deps.pii, timeZone: t.deps.config.timeZone, log: () => {} }),
    ).rejects.toThrow(/empty database/);
  });
});
