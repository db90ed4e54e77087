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
import { disinfectionService, type DisinfectionService } from './disinfection.service.ts';

let t: TestApp;
let w: TwoCounties;
let disinfection: DisinfectionService;
let byAccountId: string;

const db = () => t.deps.db.db;
const DAY = '2026-03-10';
const PREV = '2026-03-09';
/** A local (Asia/Shanghai, UTC+8) time as ISO UTC. */
const at = (date: string, time: string) => new Date(`${date}T${time}:00+08:00`).toISOString();
const day = (d: string, next: string): FigureWindow => ({ day: d, from: at(d, '00:00'), to: at(next, '00:00'), live: false });

/** A job done at a place of the region (the log's own region), on a local day and time. */
async function log(regionId: string, date: string, time: string, areaM2: number, people: number) {
  const placeId = newId();
  const now = at(date, time);
  await db()
    .insertInto('disinfectionPlaces')
    .values({
      id: placeId,
      regionId,
      kind: 'stairwell',
      name: `楼道 ${placeId.slice(-4)}`,
      address: null,
      areaM2,
      checkpointId: null,
      active: 1,
      note: null,
      createdBy: null,
      createdAt: now,
      updatedAt: now,
    })
    .execute();
  await db()
    .insertInto('disinfectionLogs')
    .values({
      id: newId(),
      regionId,
      placeId,
      scheduleId: null,
      caseId: null,
      caseServiceId: null,
      doneAt: now,
      doneOn: date,
      byAccountId,
      teamId: null,
      people,
      areaM2,
      agent: '含氯消毒剂',
      concentration: '500 mg/L',
      method: 'spray',
      contactMinutes: 30,
      note: null,
      signedOffBy: null,
      signedOffAt: null,
      signOffNote: null,
      // Logged the next morning: it still counts on the day it was done.
      createdAt: at(date, '23:59'),
    })
    .execute();
}

beforeAll(async () => {
  t = await createTestApp();
  w = await twoCounties(t.factory);
  byAccountId = (await t.factory.account({ login: 'df-worker', grants: [{ role: 'team_leader', regionId: w.city.id }] })).id;
  const regions = regionsService(t.deps);
  const volunteers = volunteersService(t.deps, { regions, units: unitsService(t.deps, regions) });
  const teams = teamsService(t.deps, { regions, volunteers });
  disinfection = disinfectionService(t.deps, {
    regions,
    volunteers,
    teams,
    checkpoints: checkpointsService(t.deps, { regions, teams }),
  });
  await log(w.a.grid.id, DAY, '09:00', 120.5, 2);
  await log(w.a.grid.id, DAY, '15:00', 80.25, 1);
  await log(w.a.community.id, DAY, '00:10', 300, 3);
  await log(w.b.grid.id, PREV, '23:50', 60, 2);
  await log(w.b.grid.id, '2026-03-11', '00:05', 999, 9);
});
afterAll(() => t.close());

describe('disinfection figures', () => {
  it('sums the operations, m² and people of the logs done on the day, per log region', async () => {
    expect(await disinfection.logs.figures(day(DAY, '2026-03-11'))).toEqual(
      expect.arrayContaining([
        { regionId: w.a.grid.id, values: { disinfectionOps: 2, disinfectionAreaM2: 200.75, disinfectionPeople: 3 } },
        { regionId: w.a.community.id, values: { disinfectionOps: 1, disinfectionAreaM2: 300, disinfectionPeople: 3 } },
      ]),
    );
    expect(await disinfection.logs.figures(day(DAY, '2026-03-11'))).toHaveLength(2);
    expect(await disinfection.logs.figures(day(PREV, DAY))).toEqual([
      { regionId: w.b.grid.id, values: { disinfectionOps: 1, disinfectionAreaM2: 60, disinfectionPeople: 2 } },
    ]);
  });
});
