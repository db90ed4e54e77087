import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createTestApp, type TestApp } from '../../../test/app.ts';
import { twoCounties, type TwoCounties } from '../../../test/fixtures.ts';
import { newId } from '../../platform/db/ids.ts';
import type { ErrandOrderTable } from '../../platform/db/schema.ts';
import type { FigureWindow } from '../dashboard/figure-sources.ts';
import { regionsService } from '../regions/regions.service.ts';
import { numbersService, type NumbersService } from './numbers.service.ts';

let t: TestApp;
let w: TwoCounties;
let numbers: NumbersService;

const db = () => t.deps.db.db;
const DAY = '2026-03-10';
const PREV = '2026-03-09';
/** A local (Asia/Shanghai, UTC+8) time as ISO UTC. */
const at = (date: string, time: string) => new Date(`${date}T${time}:00+08:00`).toISOString();
/** Today up to the refresh at noon, and the whole day before. */
const live: FigureWindow = { day: DAY, from: at(DAY, '00:00'), to: at(DAY, '12:00'), live: true };
const past: FigureWindow = { day: PREV, from: at(PREV, '00:00'), to: at(DAY, '00:00'), live: false };

const byRegion = (rows: { regionId: string; values: object }[]) => Object.fromEntries(rows.map((r) => [r.regionId, r.values]));

let seq = 0;
/** An order placed at a local time (claim within 30 minutes, delivery within 24 hours), then as `more` says. */
async function order(regionId: string, date: string, time: string, more: Partial<ErrandOrderTable>) {
  const createdAt = at(date, time);
  const placed = Date.parse(createdAt);
  await db()
    .insertInto('errandOrders')
    .values({
      id: newId(),
      ref: `DB-F-${++seq}`,
      regionId,
      channel: 'staff',
      contactName: '王阿姨',
      address: '东高小区3号楼2单元301室',
      payment: 'on_delivery',
      status: 'new',
      claimBy: new Date(placed + 30 * 60_000).toISOString(),
      deliverBy: new Date(placed + 24 * 3600_000).toISOString(),
      escalationLevel: 0,
      paidFen: 0,
      orderedOn: date,
      createdAt,
      updatedAt: createdAt,
      ...more,
    })
    .execute();
}

beforeAll(async () => {
  t = await createTestApp();
  w = await twoCounties(t.factory);
  numbers = numbersService(t.deps, { regions: regionsService(t.deps) });
  const A = w.a.grid.id;
  // Delivered yesterday evening, on time, and confirmed.
  await order(A, PREV, '10:00', {
    status: 'confirmed',
    claimedAt: at(PREV, '10:10'),
    deliveredAt: at(PREV, '18:00'),
    confirmedAt: at(PREV, '19:00'),
    amountDueFen: 3500,
  });
  // Placed last night, claimed only this morning (overdue at midnight), delivered before noon.
  await order(A, PREV, '20:00', {
    status: 'delivered',
    claimedAt: at(DAY, '08:00'),
    deliveredAt: at(DAY, '11:00'),
    amountDueFen: 1200,
  });
  // New this morning, past its claim deadline at noon.
  await order(A, DAY, '09:00', {});
  // Cancelled this morning.
  await order(A, DAY, '09:30', { status: 'cancelled', cancelledAt: at(DAY, '10:00'), cancelReason: '已自行购买' });
  // After `to`.
  await order(A, DAY, '12:30', {});
  // Grid B: claimed yesterday, still on its way, its delivery deadline moved up to yesterday noon.
  await order(w.b.grid.id, PREV, '08:00', {
    status: 'delivering',
    claimedAt: at(PREV, '08:05'),
    deliveringAt: at(PREV, '09:00'),
    deliverBy: at(PREV, '12:00'),
  });
});
afterAll(() => t.close());

describe('errand figures', () => {
  it('counts open and overdue orders as of `to`, and the day’s orders, deliveries and amounts', async () => {
    const quiet = { errandsOrdered: 0, errandsDelivered: 0, errandsOnTime: 0, errandsAmountFen: 0 };
    expect(byRegion(await numbers.figures(live))).toEqual({
      [w.a.grid.id]: {
        errandsOpen: 1,
        errandsOverdue: 1,
        errandsOrdered: 2,
        errandsDelivered: 1,
        errandsOnTime: 1,
        errandsAmountFen: 1200,
      },
      [w.b.grid.id]: { errandsOpen: 1, errandsOverdue: 1, ...quiet },
    });
    expect(byRegion(await numbers.figures(past))).toEqual({
      [w.a.grid.id]: {
        errandsOpen: 1,
        errandsOverdue: 1,
        errandsOrdered: 2,
        errandsDelivered: 1,
        errandsOnTime: 1,
        errandsAmountFen: 3500,
      },
      [w.b.grid.id]: { errandsOpen: 1, errandsOverdue: 1, ...quiet, errandsOrdered: 1 },
    });
  });
});
