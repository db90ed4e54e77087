import { afterAll, beforeAll, describe, expect, it, vi } from 'vitest';
import { createTestApp, type TestApp } from '../../../test/app.ts';
import { twoCounties, type TwoCounties } from '../../../test/fixtures.ts';
import { newId } from '../../platform/db/ids.ts';
import type { FigureRow, FigureWindow } from '../dashboard/figure-sources.ts';
import { accountsService } from '../accounts/accounts.service.ts';
import { checkpointsService } from '../checkpoints/checkpoints.service.ts';
import { householdsService } from '../households/households.service.ts';
import { regionsService } from '../regions/regions.service.ts';
import { teamsService } from '../teams/teams.service.ts';
import { unitsService } from '../units/units.service.ts';
import { volunteersService } from '../volunteers/volunteers.service.ts';
import { suppliesService, type SuppliesService } from './supplies.service.ts';

let t: TestApp;
let w: TwoCounties;
let supplies: SuppliesService;
let keeper: string;

const db = () => t.deps.db.db;
const DAY = '2026-03-10';
const PREV = '2026-03-09';
/** A local (Asia/Shanghai, UTC+8) time as ISO UTC. */
const at = (date: string, time: string) => new Date(`${date}T${time}:00+08:00`).toISOString();
/** Today up to the refresh at noon (the clock stands there), and the whole day before. */
const live: FigureWindow = { day: DAY, from: at(DAY, '00:00'), to: at(DAY, '12:00'), live: true };
const past: FigureWindow = { day: PREV, from: at(PREV, '00:00'), to: at(DAY, '00:00'), live: false };

/** A source's rows added up per region, as the dashboard does. */
async function figures(window: FigureWindow) {
  const out: Record<string, FigureRow['values']> = {};
  for (const row of await supplies.catalogue.figures(window)) out[row.regionId] = { ...out[row.regionId], ...row.values };
  return out;
}

async function store(regionId: string, levels: [item: string, quantity: number, lowAt: number | null][]) {
  const id = newId();
  const now = at(PREV, '08:00');
  await db()
    .insertInto('stores')
    .values({
      id,
      regionId,
      name: `物资库 ${id.slice(-4)}`,
      address: null,
      keeperAccountId: keeper,
      active: 1,
      createdAt: now,
      updatedAt: now,
    })
    .execute();
  for (const [item, quantity, lowAt] of levels)
    await db()
      .insertInto('stockLevels')
      .values({ storeId: id, itemId: `item-${item}`, quantity, lowAt, updatedAt: now })
      .execute();
  return id;
}

/** A movement line recorded at a local time, dated `onDate`; reversed at `reversedAt` when given. */
async function line(storeId: string, kind: string, onDate: string, atTime: string, delta: number, reversedAt?: string) {
  const id = newId();
  const row = { storeId, itemId: 'item-mask_medical', byAccountId: keeper, note: null, donationId: null, allocationId: null };
  await db()
    .insertInto('stockMovements')
    .values({ ...row, id, delta, kind, transferId: null, reversesId: null, at: atTime, onDate, createdAt: atTime })
    .execute();
  if (reversedAt)
    await db()
      .insertInto('stockMovements')
      .values({
        ...row,
        id: newId(),
        delta: -delta,
        kind: 'reversal',
        transferId: null,
        reversesId: id,
        at: reversedAt,
        onDate: reversedAt.slice(0, 10),
        createdAt: reversedAt,
      })
      .execute();
}

beforeAll(async () => {
  vi.useFakeTimers({ toFake: ['Date'] });
  vi.setSystemTime(new Date(live.to));
  t = await createTestApp();
  w = await twoCounties(t.factory);
  keeper = (await t.factory.account({ login: 'sf-keeper', grants: [{ role: 'region_manager', regionId: w.city.id }] })).id;
  const regions = regionsService(t.deps);
  const accounts = accountsService(t.deps, regions);
  const volunteers = volunteersService(t.deps, { regions, units: unitsService(t.deps, regions) });
  const teams = teamsService(t.deps, { regions, volunteers });
  supplies = suppliesService(t.deps, {
    regions,
    accounts,
    checkpoints: checkpointsService(t.deps, { regions, teams }),
    teams,
    households: householdsService(t.deps, { regions }),
  });
  const a = await store(w.a.community.id, [
    ['mask_medical', 5, 10],
    ['gloves', 50, 10],
  ]);
  const b = await store(w.b.county.id, [
    ['alcohol_75', 0, 1],
    ['goggles', 3, null],
  ]);
  // A: a donation of two lines today; two allocations, one reversed at 10:00.
  await line(a, 'donation', DAY, at(DAY, '09:00'), 100);
  await line(a, 'donation', DAY, at(DAY, '09:00'), 50);
  await line(a, 'allocation', DAY, at(DAY, '09:30'), -20);
  await line(a, 'allocation', DAY, at(DAY, '09:40'), -30, at(DAY, '10:00'));
  // B: a donation received yesterday, recorded this morning; a transfer in; an allocation reversed after `to`.
  await line(b, 'donation', PREV, at(DAY, '08:00'), 40);
  await line(b, 'transfer_in', DAY, at(DAY, '08:30'), 10);
  await line(b, 'allocation', DAY, at(DAY, '11:00'), -5, at(DAY, '13:00'));
});
afterAll(async () => {
  vi.useRealTimers();
  await t.close();
});

describe('supplies figures', () => {
  it('counts stock below its threshold now, and the day’s lines in and out not reversed by `to`', async () => {
    expect(await figures(live)).toEqual({
      [w.a.community.id]: { stockAlerts: 1, suppliesIn: 2, suppliesOut: 1 },
      [w.b.county.id]: { stockAlerts: 1, suppliesIn: 0, suppliesOut: 1 },
    });
  });

  it('leaves stock alerts out of a past day (levels and thresholds are kept as they are now only)', async () => {
    expect(await figures(past)).toEqual({ [w.b.county.id]: { suppliesIn: 1, suppliesOut: 0 } });
  });
});
