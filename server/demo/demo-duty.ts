/**
 * The demo city's checkpoint duty: the checkpoint registry, this week's roster for 驿城区 made by
 * the optimiser and published, and the day so far on it — most people checked in and out, a few
 * no-shows flagged by the absence job. Checkpoints and the roster go through the real services; the
 * past check-ins are written as the check-in route writes them, at the times they would have
 * happened, and the attendance job then closes shifts and flags absences as it does every minute.
 */
import { TIME_BANDS } from '../../common/enums.ts';
import type { Actor } from '../platform/access/actor.ts';
import type { CallContext } from '../platform/audit/audit.ts';
import { calendarDate } from '../platform/dates.ts';
import type { Deps } from '../platform/deps.ts';
import { findAccountForLogin } from '../features/accounts/accounts.repository.ts';
import { checkpointsService } from '../features/checkpoints/checkpoints.service.ts';
import * as attendanceRepo from '../features/duty/attendance.repository.ts';
import { attendanceService } from '../features/duty/attendance.service.ts';
import { rostersService } from '../features/duty/rosters.service.ts';
import { findRegionByCode } from '../features/regions/regions.repository.ts';
import { regionsService } from '../features/regions/regions.service.ts';
import { teamsService } from '../features/teams/teams.service.ts';
import { unitsService } from '../features/units/units.service.ts';
import { volunteersService } from '../features/volunteers/volunteers.service.ts';
import { demoCheckpoints, type DemoCommunityGrids } from './demo-checkpoints.ts';
import { DEMO_COMMUNITIES } from './demo-data.ts';
import { seededRandom } from './demo-people.ts';

export interface DemoDutySummary {
  checkpoints: number;
  roster: { name: string; positions: number; filled: number; volunteers: number };
  checkedIn: number;
  absent: number;
}

const MINUTE = 60_000;
const DAY = 24 * 60 * MINUTE;

export async function loadDemoDuty(deps: Deps): Promise<DemoDutySummary | null> {
  const { db } = deps.db;
  if (await db.selectFrom('checkpoints').select('id').limit(1).executeTakeFirst()) return null;
  const admin = await findAccountForLogin(db, 'admin');
  if (!admin) throw new Error('demo duty: load the demo city first');

  const regions = regionsService(deps);
  const units = unitsService(deps, regions);
  const volunteers = volunteersService(deps, { regions, units });
  const teams = teamsService(deps, { regions, volunteers });
  const checkpoints = checkpointsService(deps, { regions, teams });
  const rosters = rostersService(deps, { regions, volunteers, teams, checkpoints });
  const attendance = attendanceService(deps, { regions, volunteers, teams, checkpoints });

  const actor: Actor = {
    accountId: admin.id,
    login: admin.login,
    name: admin.name,
    grants: [{ id: 'demo', role: 'admin', regionId: null, regionPath: null }],
    sessionId: 'demo',
  };
  const call: CallContext = { actorId: admin.id, actorLogin: admin.login, ip: null };
  const rnd = seededRandom(20200214);

  // 1. The registry.
  const communities: DemoCommunityGrids[] = Object.values(DEMO_COMMUNITIES).flatMap((list) =>
    list.map((c) => ({
      code: c.code,
      name: c.name,
      grids: c.grids.map((name, i) => ({ code: `${c.code}-${String(i + 1).padStart(2, '0')}`, name })),
    })),
  );
  const gridIds = new Map<string, string>();
  for (const c of communities) {
    for (const g of c.grids) {
      const region = await findRegionByCode(db, g.code);
      if (!region) throw new Error(`demo duty: grid ${g.code} is missing`);
      gridIds.set(g.code, region.id);
    }
  }
  const specs = demoCheckpoints(communities, rnd);
  for (const { gridCode, ...spec } of specs) {
    await checkpoints.create(actor, call, { ...spec, regionId: gridIds.get(gridCode)! });
  }

  // 2. The demo volunteer (孙丽 of 雪松社区) offers every day and time, so she always has a duty to show.
  const sunLi = await db
    .selectFrom('volunteers')
    .innerJoin('accounts', 'accounts.id', 'volunteers.accountId')
    .select('volunteers.id')
    .where('accounts.login', '=', 'volunteer')
    .executeTakeFirstOrThrow();
  await volunteers.update(actor, call, sunLi.id, {
    availability: [1, 2, 3, 4, 5, 6, 7].flatMap((weekday) => TIME_BANDS.map((band) => ({ weekday, band }))),
  });

  // 3. This week's roster for 驿城区, from today: made by the optimiser, then published.
  const district = await findRegionByCode(db, '411702');
  if (!district) throw new Error('demo duty: 驿城区 is missing');
  const now = Date.now();
  const today = calendarDate(deps.config.timeZone, new Date(now));
  const lastDay = calendarDate(deps.config.timeZone, new Date(now + 6 * DAY));
  let roster = await rosters.create(actor, call, { regionId: district.id, startsOn: today, endsOn: lastDay });
  await placeSunLi(roster.id);
  const published = await rosters.publish(actor, call, roster.id);
  roster = published.roster;

  // 4. Today so far: shifts already started were attended by most; the job flags the rest.
  const started = await db
    .selectFrom('rosterAssignments')
    .innerJoin('rosterShifts', 'rosterShifts.id', 'rosterAssignments.shiftId')
    .innerJoin('checkpoints', 'checkpoints.id', 'rosterShifts.checkpointId')
    .select(['rosterAssignments.id', 'rosterShifts.startsAt', 'checkpoints.lat', 'checkpoints.lng'])
    .where('rosterAssignments.rosterId', '=', roster.id)
    .where('rosterShifts.startsAt', '<=', new Date(now).toISOString())
    // 孙丽 checks in herself: that is what the demo shows.
    .where('rosterAssignments.volunteerId', '!=', sunLi.id)
    .orderBy('rosterAssignments.id')
    .execute();
  let checkedIn = 0;
  for (const a of started) {
    if (rnd() < 0.08) continue; // a no-show
    const at = new Date(Date.parse(a.startsAt) - Math.floor(rnd() * 20) * MINUTE).toISOString();
    // Phones give a position about three times in four; a few metres off the gate.
    const position =
      a.lat !== null && a.lng !== null && rnd() < 0.75
        ? { lat: a.lat + (rnd() - 0.5) * 0.0004, lng: a.lng + (rnd() - 0.5) * 0.0004, accuracy: 10 + Math.round(rnd() * 40) }
        : { lat: null, lng: null, accuracy: null };
    if (await attendanceRepo.checkIn(db, a.id, at, position)) checkedIn++;
  }
  const at = new Date(now).toISOString();
  const absent = await attendance.markAbsences(at);
  await attendance.closeShifts(at);

  return {
    checkpoints: specs.length,
    roster: { name: roster.name, positions: roster.positions, filled: roster.filled, volunteers: roster.volunteerCount },
    checkedIn,
    absent,
  };

  /**
   * Puts 孙丽 on the shift on now at a 雪松社区 checkpoint (and the same shift on the next two days),
   * so the phone page and the placard's check-in link work whenever the demo is freshly loaded. Her
   * own optimiser shifts go first so no rule stands in the way; a full shift gives up one person.
   */
  async function placeSunLi(rosterId: string): Promise<void> {
    const mine = await db
      .selectFrom('rosterAssignments')
      .select('id')
      .where('rosterId', '=', rosterId)
      .where('volunteerId', '=', sunLi.id)
      .execute();
    for (const a of mine) await rosters.unassign(actor, call, rosterId, a.id, null);
    const nowIso = new Date(now).toISOString();
    const current = await db
      .selectFrom('rosterShifts')
      .innerJoin('checkpoints', 'checkpoints.id', 'rosterShifts.checkpointId')
      .innerJoin('regions', 'regions.id', 'checkpoints.regionId')
      .select(['rosterShifts.id', 'rosterShifts.checkpointId', 'rosterShifts.startsAt'])
      .where('rosterShifts.rosterId', '=', rosterId)
      .where('regions.code', 'like', '411702008-001%')
      .where('rosterShifts.startsAt', '<=', nowIso)
      .where('rosterShifts.endsAt', '>', nowIso)
      .orderBy('checkpoints.name')
      .executeTakeFirst();
    if (!current) return;
    const sameTime = await db
      .selectFrom('rosterShifts')
      .select('id')
      .where('rosterId', '=', rosterId)
      .where('checkpointId', '=', current.checkpointId)
      .where(
        'startsAt',
        'in',
        [1, 2].map((d) => new Date(Date.parse(current.startsAt) + d * DAY).toISOString()),
      )
      .execute();
    for (const shift of [current, ...sameTime]) {
      const full = await db
        .selectFrom('rosterAssignments')
        .innerJoin('rosterShifts', 'rosterShifts.id', 'rosterAssignments.shiftId')
        .select(['rosterAssignments.id', 'rosterShifts.required'])
        .where('rosterAssignments.shiftId', '=', shift.id)
        .execute();
      if (full.length && full.length >= full[0]!.required) await rosters.unassign(actor, call, rosterId, full[0]!.id, null);
      await rosters.assign(actor, 'zh-CN', call, rosterId, { shiftId: shift.id, volunteerId: sunLi.id });
    }
  }
}
