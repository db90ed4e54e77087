import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createTestApp, type TestApp } from '../../../test/app.ts';
import { twoCounties, type TwoCounties } from '../../../test/fixtures.ts';
import { newId } from '../../platform/db/ids.ts';
import type { FigureWindow } from '../dashboard/figure-sources.ts';
import { checkpointsService } from '../checkpoints/checkpoints.service.ts';
import { regionsService } from '../regions/regions.service.ts';
import { teamsService } from '../teams/teams.service.ts';
import { unitsService } from '../units/units.service.ts';
import { volunteersService } from '../volunteers/volunteers.service.ts';
import { publicityService, type PublicityService } from './publicity.service.ts';

let t: TestApp;
let w: TwoCounties;
let publicity: PublicityService;
let byAccountId: string;

const db = () => t.deps.db.db;
const DAY = '2026-03-10';
const PREV = '2026-03-09';
/** A local (Asia/Shanghai, UTC+8) time as ISO UTC. */
const at = (date: string, time: string) => new Date(`${date}T${time}:00+08:00`).toISOString();
const day = (d: string, next: string): FigureWindow => ({ day: d, from: at(d, '00:00'), to: at(next, '00:00'), live: false });

async function log(regionId: string, date: string, time: string, quantity: number) {
  await db()
    .insertInto('publicityLogs')
    .values({
      id: newId(),
      regionId,
      checkpointId: null,
      material: 'leaflet',
      title: '致广大居民的一封信',
      quantity,
      place: null,
      doneAt: at(date, time),
      doneOn: date,
      byAccountId,
      teamId: null,
      note: null,
      createdAt: at(date, time),
    })
    .execute();
}

beforeAll(async () => {
  t = await createTestApp();
  w = await twoCounties(t.factory);
  byAccountId = (await t.factory.account({ login: 'pf-worker', grants: [{ role: 'team_leader', regionId: w.city.id }] })).id;
  const regions = regionsService(t.deps);
  const volunteers = volunteersService(t.deps, { regions, units: unitsService(t.deps, regions) });
  const teams = teamsService(t.deps, { regions, volunteers });
  publicity = publicityService(t.deps, { regions, checkpoints: checkpointsService(t.deps, { regions, teams }) });
  await log(w.a.grid.id, DAY, '09:00', 200);
  await log(w.a.grid.id, DAY, '23:59', 50);
  await log(w.b.community.id, PREV, '16:00', 1);
  await log(w.b.community.id, '2026-03-11', '00:00', 10);
});
afterAll(() => t.close());

describe('publicity figures', () => {
  it('counts the entries done on the day (not their quantities), per log region', async () => {
    expect(await publicity.figures(day(DAY, '2026-03-11'))).toEqual([
      { regionId: w.a.grid.id, values: { publicityActivities: 2 } },
    ]);
    expect(await publicity.figures(day(PREV, DAY))).toEqual([{ regionId: w.b.community.id, values: { publicityActivities: 1 } }]);
  });
});
