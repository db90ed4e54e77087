import { afterAll, beforeAll, describe, expect, it, vi } from 'vitest';
import { createTestApp, type TestApp } from '../../../test/app.ts';
import { twoCounties, type TwoCounties } from '../../../test/fixtures.ts';
import { API } from '../../../test/requests.ts';
import { newId } from '../../platform/db/ids.ts';
import type { FigureWindow } from '../dashboard/figure-sources.ts';
import { followUpsService } from '../quarantine/follow-ups.service.ts';
import { accountsService } from '../accounts/accounts.service.ts';
import { regionsService } from '../regions/regions.service.ts';
import { riskAreasService } from '../risk-areas/risk-areas.service.ts';
import { teamsService } from '../teams/teams.service.ts';
import { unitsService } from '../units/units.service.ts';
import { volunteersService } from '../volunteers/volunteers.service.ts';
import { householdsService, type HouseholdsService } from './households.service.ts';
import { screeningService, type ScreeningService } from './screening.service.ts';

let t: TestApp;
let w: TwoCounties;
let households: HouseholdsService;
let screening: ScreeningService;

const db = () => t.deps.db.db;
const DAY = '2026-03-10';
const PREV = '2026-03-09';
/** A local (Asia/Shanghai, UTC+8) time as ISO UTC. */
const at = (date: string, time: string) => new Date(`${date}T${time}:00+08:00`).toISOString();
/** Today up to the refresh at noon (the clock stands there), and the whole day before. */
const live: FigureWindow = { day: DAY, from: at(DAY, '00:00'), to: at(DAY, '12:00'), live: true };
const past: FigureWindow = { day: PREV, from: at(PREV, '00:00'), to: at(DAY, '00:00'), live: false };

const byRegion = (rows: { regionId: string; values: object }[]) => Object.fromEntries(rows.map((r) => [r.regionId, r.values]));

let seq = 0;
async function household(date: string, time: string, regionId: string): Promise<string> {
  vi.setSystemTime(new Date(at(date, time)));
  const res = await (
    await t.signIn('hf-manager')
  ).post(`${API}/households`, { regionId, address: `东高小区3号楼2单元${101 + seq++}室`, housing: 'owner' });
  expect(res.statusCode, res.body).toBe(201);
  return res.json().id as string;
}

async function visit(campaignId: string, householdId: string, regionId: string, createdAt: string, outcome = 'reached') {
  const visitor = (await db().selectFrom('accounts').select('id').where('login', '=', 'hf-manager').executeTakeFirstOrThrow()).id;
  await db()
    .insertInto('screeningVisits')
    .values({
      id: newId(),
      campaignId,
      householdId,
      regionId,
      visitedBy: visitor,
      visitedAt: createdAt,
      visitedOn: createdAt.slice(0, 10),
      outcome,
      residentsPresent: outcome === 'reached' ? 2 : 0,
      feverCount: 0,
      symptoms: 0,
      riskReturn: 0,
      riskOriginCode: null,
      riskReturnedOn: null,
      outsiders: 0,
      note: null,
      latest: 1,
      createdAt,
    })
    .execute();
}

beforeAll(async () => {
  vi.useFakeTimers({ toFake: ['Date'] });
  vi.setSystemTime(new Date(at(PREV, '08:00')));
  t = await createTestApp();
  w = await twoCounties(t.factory);
  await t.factory.account({ login: 'hf-manager', grants: [{ role: 'region_manager', regionId: w.city.id }] });
  const regions = regionsService(t.deps);
  const accounts = accountsService(t.deps, regions);
  const volunteers = volunteersService(t.deps, { regions, units: unitsService(t.deps, regions) });
  households = householdsService(t.deps, { regions });
  screening = screeningService(t.deps, {
    regions,
    volunteers,
    teams: teamsService(t.deps, { regions, volunteers }),
    riskAreas: riskAreasService(t.deps),
    followUps: followUpsService(t.deps, { regions, accounts }),
  });

  const first = await household(PREV, '10:00', w.a.grid.id);
  const second = await household(DAY, '09:00', w.a.grid.id);
  const third = await household(DAY, '11:00', w.b.grid.id);
  const gone = await household(DAY, '11:30', w.b.grid.id);
  vi.setSystemTime(new Date(at(DAY, '11:45')));
  expect((await (await t.signIn('hf-manager')).delete(`${API}/households/${gone}`)).statusCode).toBe(200);

  const campaign = newId();
  await db()
    .insertInto('screeningCampaigns')
    .values({
      id: campaign,
      name: '全市入户排查',
      regionId: w.city.id,
      startsOn: PREV,
      endsOn: '2026-03-15',
      status: 'active',
      note: null,
      createdBy: null,
      createdAt: at(PREV, '08:00'),
      updatedAt: at(PREV, '08:00'),
    })
    .execute();
  // The first household: nobody home yesterday, reached today (screened once, from yesterday on).
  await visit(campaign, first, w.a.grid.id, at(PREV, '15:00'), 'not_reached');
  await visit(campaign, first, w.a.grid.id, at(DAY, '10:00'));
  await visit(campaign, second, w.a.grid.id, at(DAY, '10:30'));
  // After `to`.
  await visit(campaign, third, w.b.grid.id, at(DAY, '12:30'));
  vi.setSystemTime(new Date(live.to));
});
afterAll(async () => {
  vi.useRealTimers();
  await t.close();
});

describe('household figures', () => {
  it('counts the households filed now from the tallies while `to` is the present', async () => {
    expect(byRegion(await households.figures(live))).toEqual({
      [w.a.grid.id]: { households: 2 },
      [w.b.grid.id]: { households: 1 },
    });
  });

  it('counts the households created by `to` for a past day', async () => {
    expect(byRegion(await households.figures(past))).toEqual({ [w.a.grid.id]: { households: 1 } });
  });

  it('counts each household visited by `to` once, whatever the outcome', async () => {
    expect(byRegion(await screening.figures(live))).toEqual({ [w.a.grid.id]: { householdsScreened: 2 } });
    expect(byRegion(await screening.figures(past))).toEqual({ [w.a.grid.id]: { householdsScreened: 1 } });
  });
});
