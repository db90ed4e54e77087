/**
 * 入户排查 in the demo city: one campaign over 东高社区 (the report's 9,000 households) that
 * started three days ago, its grids given to the community's volunteer team, a volunteer of the
 * community, the county's vanguard team and the demo volunteer (孙丽, so her phone has a grid),
 * and about 70 % of the households visited — some nobody home, a revisit due. The campaign and
 * its assignments go through the service as 驿城区's manager would plan them; the thousands of
 * past visits are written straight through the repository in one transaction (through the route
 * they would take minutes); today's few findings (a fever, returns from a risk area) go through
 * the service, so the community gets its follow-up tasks.
 */
import { accountsService } from '../features/accounts/accounts.service.ts';
import * as repo from '../features/households/screening.repository.ts';
import { screeningService } from '../features/households/screening.service.ts';
import { followUpsService } from '../features/quarantine/follow-ups.service.ts';
import { findRegionByCode } from '../features/regions/regions.repository.ts';
import { regionsService } from '../features/regions/regions.service.ts';
import { riskAreasService } from '../features/risk-areas/risk-areas.service.ts';
import { teamsService } from '../features/teams/teams.service.ts';
import { unitsService } from '../features/units/units.service.ts';
import { volunteersService } from '../features/volunteers/volunteers.service.ts';
import { auditWrite, type CallContext } from '../platform/audit/audit.ts';
import { addDays, calendarDate, zonedInstant } from '../platform/dates.ts';
import { newId, nowIso } from '../platform/db/ids.ts';
import type { ScreeningVisitTable } from '../platform/db/schema.ts';
import { transact } from '../platform/db/transact.ts';
import type { Deps } from '../platform/deps.ts';
import { DONGGAO_CODE } from './demo-households.ts';
import { seededRandom } from './demo-people.ts';
import { demoActor } from './demo-actors.ts';

export interface DemoScreeningSummary {
  campaignId: string;
  households: number;
  visited: number;
  notReached: number;
  findings: number;
}

const SHARE_VISITED = 0.7;
const SHARE_NOT_REACHED = 0.08;
/** Today's visits with something to follow up: [grid index, fever count, risk origin]. */
const FINDINGS: [number, number, string | null][] = [
  [0, 1, null],
  [1, 0, '420102'],
  [2, 2, null],
  [3, 0, '420106'],
];

const actorOf = demoActor;

export async function loadDemoScreening(deps: Deps): Promise<DemoScreeningSummary | null> {
  const { db } = deps.db;
  const { timeZone } = deps.config;
  const donggao = await findRegionByCode(db, DONGGAO_CODE);
  if (!donggao) throw new Error('demo screening: load the demo city first');
  if (await db.selectFrom('screeningCampaigns').select('id').where('regionId', '=', donggao.id).executeTakeFirst()) return null;
  const grids = await db
    .selectFrom('regions')
    .select(['id', 'path'])
    .where('parentId', '=', donggao.id)
    .where('level', '=', 'grid')
    .orderBy('code')
    .execute();
  const homes = await db
    .selectFrom('households')
    .select(['id', 'regionId'])
    .where(
      'regionId',
      'in',
      grids.map((g) => g.id),
    )
    .orderBy('address')
    .execute();
  if (homes.length === 0) return null;
  const planner = await actorOf(db, 'yicheng');
  if (!planner) throw new Error('demo screening: the demo accounts are missing');

  const regions = regionsService(deps);
  const volunteers = volunteersService(deps, { regions, units: unitsService(deps, regions) });
  const teams = teamsService(deps, { regions, volunteers });
  const followUps = followUpsService(deps, { regions, accounts: accountsService(deps, regions) });
  const screening = screeningService(deps, { regions, volunteers, teams, riskAreas: riskAreasService(deps), followUps });

  const today = calendarDate(timeZone);
  const campaign = await screening.create(planner.actor, planner.call, {
    name: '东高社区第一轮入户排查',
    regionId: donggao.id,
    startsOn: addDays(today, -3),
    endsOn: addDays(today, 4),
    note: '逐户上门，不漏一户；不在家的登记后复访。',
  });

  // Who walks the grids: whatever of the demo's teams and volunteers is there.
  const team = await db
    .selectFrom('teams')
    .select('id')
    .where('regionId', '=', donggao.id)
    .orderBy('createdAt')
    .executeTakeFirst();
  const vanguard = await db.selectFrom('teams').select('id').where('name', '=', '驿城区党员先锋队').executeTakeFirst();
  const local = await db
    .selectFrom('volunteers')
    .select('id')
    .where('regionId', 'in', [donggao.id, ...grids.map((g) => g.id)])
    .orderBy('name')
    .executeTakeFirst();
  const demoAccount = await db.selectFrom('accounts').select('id').where('login', '=', 'volunteer').executeTakeFirst();
  const demoVolunteer = demoAccount ? await volunteers.byAccount(demoAccount.id) : undefined;
  const who = [
    { teamId: team?.id ?? null, volunteerId: null },
    { teamId: null, volunteerId: local?.id ?? null },
    { teamId: vanguard?.id ?? null, volunteerId: null },
    { teamId: team?.id ?? null, volunteerId: demoVolunteer?.id ?? null },
  ];
  const items = grids
    .map((g, i) => ({ regionId: g.id, ...who[i % who.length]! }))
    .filter((a) => a.teamId || a.volunteerId)
    .map(({ regionId, teamId, volunteerId }) => ({
      regionId,
      ...(teamId ? { teamId } : {}),
      ...(volunteerId ? { volunteerId } : {}),
    }));
  await screening.setAssignments(planner.actor, planner.call, campaign.id, { items });

  // The past three days' rounds, evenings off; a tenth of those found out went back later.
  const rnd = seededRandom(20200131);
  const rows: ScreeningVisitTable[] = [];
  const walker = planner.actor.accountId;
  let visited = 0;
  let notReached = 0;
  const findingsAt = new Set<string>();
  for (const [g] of FINDINGS) {
    const grid = grids[g % grids.length]!;
    const home = homes.find((h) => h.regionId === grid.id && !findingsAt.has(h.id));
    if (home) findingsAt.add(home.id);
  }
  for (const home of homes) {
    if (findingsAt.has(home.id) || rnd() >= SHARE_VISITED) continue;
    visited++;
    const day = addDays(today, -1 - Math.floor(rnd() * 3));
    const at = (hour: number) =>
      nowIso(zonedInstant(timeZone, day, `${String(hour).padStart(2, '0')}:${String(Math.floor(rnd() * 60)).padStart(2, '0')}`));
    const base = {
      campaignId: campaign.id,
      householdId: home.id,
      regionId: home.regionId,
      visitedBy: walker,
      visitedOn: day,
      note: null,
    };
    const none = {
      residentsPresent: 0,
      feverCount: 0,
      symptoms: 0,
      riskReturn: 0,
      riskOriginCode: null,
      riskReturnedOn: null,
      outsiders: 0,
    };
    const away = rnd() < SHARE_NOT_REACHED * 2;
    if (away) {
      const first = at(9 + Math.floor(rnd() * 3));
      rows.push({
        ...base,
        ...none,
        id: newId(),
        visitedAt: first,
        outcome: 'not_reached',
        latest: rnd() < 0.5 ? 1 : 0,
        createdAt: first,
      });
      if (rows.at(-1)!.latest === 1) {
        notReached++;
        continue;
      }
    }
    const when = at(14 + Math.floor(rnd() * 4));
    rows.push({
      ...base,
      ...none,
      id: newId(),
      visitedAt: when,
      outcome: 'reached',
      residentsPresent: 1 + Math.floor(rnd() * 4),
      outsiders: rnd() < 0.03 ? 1 : 0,
      latest: 1,
      createdAt: when,
    });
  }
  const call: CallContext = planner.call;
  await transact(db, call, async (trx) => {
    await repo.insertVisits(trx, rows);
    await auditWrite(trx, call, 'screening.visit.import', 'screening_campaign', campaign.id, donggao.path, {
      demo: true,
      visits: rows.length,
    });
  });

  // Today's findings, as the grid's walker records them on the phone.
  let findings = 0;
  for (const [i, homeId] of [...findingsAt].entries()) {
    const [, fever, origin] = FINDINGS[i]!;
    await screening.visit(planner.actor, call, campaign.id, {
      householdId: homeId,
      outcome: 'reached',
      residentsPresent: 3,
      feverCount: fever,
      symptoms: fever > 0,
      riskReturn: origin !== null,
      ...(origin ? { riskOriginCode: origin, riskReturnedOn: addDays(today, -2) } : {}),
      outsiders: 0,
      note: fever ? '已嘱居家测温，社区医生将上门复测' : '已告知居家健康监测要求',
    });
    findings++;
    visited++;
  }
  return { campaignId: campaign.id, households: homes.length, visited, notReached, findings };
}
