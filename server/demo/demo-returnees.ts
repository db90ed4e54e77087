/**
 * Returnees and close contacts for the demo city: about 120 people back in its communities over
 * the last 20 days, most from Hubei (武汉, 襄阳, 荆州 …) by high-speed and ordinary trains, coaches
 * and their own cars, their measures confirmed by community staff for most (a few chosen apart,
 * with the reason), a few arrivals from the passage log's follow-up tasks registered as returnees,
 * and about 40 close contacts named by case notices. Everything goes through the real services.
 */
import type { Kysely } from 'kysely';
import type { ContactExposureKind, ExposureFlag, Measure, TransportMode } from '../../common/enums.ts';
import { addDays, calendarDate } from '../platform/dates.ts';
import type { Database } from '../platform/db/schema.ts';
import type { Deps } from '../platform/deps.ts';
import { accountsService } from '../features/accounts/accounts.service.ts';
import { contactsService } from '../features/quarantine/contacts.service.ts';
import { followUpsService } from '../features/quarantine/follow-ups.service.ts';
import { returneesService } from '../features/quarantine/returnees.service.ts';
import { regionsService } from '../features/regions/regions.service.ts';
import { riskAreasService } from '../features/risk-areas/risk-areas.service.ts';
import { DEMO_COMMUNITIES } from './demo-data.ts';
import { demoPerson, pick, seededRandom, type Random } from './demo-people.ts';
import { requireDemoActor } from './demo-actors.ts';

export const DEMO_RETURNEES = 120;
export const DEMO_CONTACTS = 40;
/** Motorway toll stations are checkpoint sites, not homes. */
const NO_HOMES = /高速/;

export interface DemoReturneesSummary {
  returnees: number;
  confirmed: number;
  fromFollowUps: number;
  contacts: number;
}

/** Where people came back from, weighted: Hubei's cities first, then where people work far from home. */
const ORIGINS: [code: string, weight: number][] = [
  ['420100', 30],
  ['420600', 14],
  ['421000', 12],
  ['420500', 6],
  ['420900', 6],
  ['421100', 5],
  ['420800', 4],
  ['421300', 4],
  ['420700', 3],
  ['410100', 6],
  ['440300', 4],
  ['440100', 3],
  ['330100', 2],
  ['320100', 1],
];

/** Trains that stop at 驻马店 / 驻马店西 on the 京广 lines. */
const TRAINS = [
  'G72',
  'G502',
  'G818',
  'G1512',
  'G2062',
  'G1734',
  'D3021',
  'K1156',
  'K600',
  'K1364',
  'K4198',
  'Z38',
  'T180',
  'K270',
];
const COACH_FROM: Record<string, string> = {
  '420100': '武汉傅家坡客运站',
  '420600': '襄阳汽车客运站',
  '421000': '荆州中心客运站',
  '420900': '孝感客运中心',
  '421300': '随州汽车客运站',
};

const SOURCE_CASES = [
  '确诊病例王某（男，46 岁，驿城区雪松街道）',
  '确诊病例李某（女，33 岁，自武汉返乡）',
  '疑似病例张某（男，58 岁，确山县盘龙街道）',
  '确诊病例陈某（女，29 岁，新蔡县古吕街道）',
  '确诊病例刘某（男，61 岁，驿城区东风路街道）',
];
const CONTACT_KINDS: [ContactExposureKind, string][] = [
  ['household', '的家属，共同居住'],
  ['work', '的同事，同一办公室'],
  ['transport', '的同车乘客，同一车厢前后排'],
  ['gathering', '的亲友，春节期间聚餐'],
  ['medical', '就诊时的接诊人员'],
  ['other', '的邻居，同一单元'],
];

const OVERRIDE_REASONS = [
  '家中有高龄老人，本人主动要求居家隔离',
  '与确诊病例同乘一趟列车，街道要求居家隔离',
  '返乡前已在当地集中隔离期满',
];

function weighted<T>(rnd: Random, items: [T, number][]): T {
  let x = rnd() * items.reduce((s, [, w]) => s + w, 0);
  for (const [item, w] of items) if ((x -= w) < 0) return item;
  return items[items.length - 1]![0];
}

const actorOf = (db: Kysely<Database>, login: string) => requireDemoActor(db, login, 'demo returnees');

function exposuresOf(rnd: Random): ExposureFlag[] {
  const out: ExposureFlag[] = [];
  if (rnd() < 0.06) out.push('wet_market');
  if (rnd() < 0.04) out.push('hospital_visit');
  if (rnd() < 0.04) out.push('fever_contact');
  if (rnd() < 0.02) out.push('case_contact');
  if (rnd() < 0.015) out.push('symptoms_on_return');
  return out;
}

function travel(rnd: Random, originCode: string): { transport: TransportMode; tripNumber: string | null } {
  const x = rnd();
  if (x < 0.55) return { transport: 'rail', tripNumber: pick(rnd, TRAINS) };
  const station = COACH_FROM[originCode];
  if (x < 0.75 && station) {
    return {
      transport: 'coach',
      tripNumber: `${station}→驻马店汽车站 ${String(7 + Math.floor(rnd() * 8)).padStart(2, '0')}:${pick(rnd, ['00', '30'])} 班`,
    };
  }
  return { transport: 'car', tripNumber: null };
}

export async function loadDemoReturnees(deps: Deps): Promise<DemoReturneesSummary | null> {
  const { db } = deps.db;
  if (await db.selectFrom('returnees').select('id').limit(1).executeTakeFirst()) return null;
  const regions = regionsService(deps);
  const accounts = accountsService(deps, regions);
  const riskAreas = riskAreasService(deps);
  const followUps = followUpsService(deps, { regions, accounts });
  const returnees = returneesService(deps, { regions, riskAreas, followUps });
  const contacts = contactsService(deps, { regions });
  const commander = await actorOf(db, 'commander');
  const yicheng = await actorOf(db, 'yicheng');
  const today = calendarDate(deps.config.timeZone);
  const rnd = seededRandom(20200123);

  // The grids people live in, with their county (for the ID numbers) and any households filed there.
  const homes: { gridId: string; community: string; county: string; households: { id: string; address: string }[] }[] = [];
  for (const list of Object.values(DEMO_COMMUNITIES)) {
    for (const community of list) {
      if (NO_HOMES.test(community.name)) continue;
      for (let g = 1; g <= community.grids.length; g++) {
        const grid = await db
          .selectFrom('regions')
          .select('id')
          .where('code', '=', `${community.code}-${String(g).padStart(2, '0')}`)
          .executeTakeFirst();
        if (!grid) continue;
        const households = await db
          .selectFrom('households')
          .select(['id', 'address'])
          .where('regionId', '=', grid.id)
          .orderBy('id')
          .limit(200)
          .execute();
        homes.push({ gridId: grid.id, community: community.name, county: community.code.slice(0, 6), households });
      }
    }
  }
  if (homes.length === 0) return null;
  const staffOf = (county: string) => (county === '411702' ? yicheng : commander);

  function who(home: (typeof homes)[number]) {
    const person = demoPerson(rnd, home.county, home.community);
    const household = home.households.length && rnd() < 0.8 ? pick(rnd, home.households) : null;
    return {
      regionId: home.gridId,
      householdId: household?.id ?? null,
      name: person.name,
      idNumber: rnd() < 0.7 ? person.idNumber : null,
      mobile: person.mobile,
      address: household?.address ?? person.homeAddress,
    };
  }

  let confirmed = 0;
  let fromFollowUps = 0;
  // Arrivals from Hubei the passage log handed over, registered by the community as returnees.
  const tasks = await db
    .selectFrom('followUps')
    .selectAll()
    .where('kind', '=', 'risk_arrival')
    .where('status', '=', 'open')
    .where('personName', 'is not', null)
    .orderBy('id')
    .limit(3)
    .execute();
  for (const task of tasks) {
    const details = JSON.parse(task.details) as { originCode?: string | null };
    await returnees.create(commander.actor, commander.call, {
      regionId: task.regionId,
      name: task.personName!,
      mobile: task.personMobile,
      originCode: details.originCode ?? '420100',
      returnedOn: today,
      transport: 'car',
      followUpId: task.id,
    });
    fromFollowUps++;
  }

  for (let i = fromFollowUps; i < DEMO_RETURNEES; i++) {
    const home = homes[Math.floor(rnd() * homes.length)]!;
    const staff = staffOf(home.county);
    const originCode = weighted(rnd, ORIGINS);
    const r = await returnees.create(staff.actor, staff.call, {
      ...who(home),
      originCode,
      returnedOn: addDays(today, -(1 + Math.floor(rnd() * 20))),
      ...travel(rnd, originCode),
      exposures: exposuresOf(rnd),
    });
    // Most are confirmed the day they are registered; the latest few still wait.
    if (rnd() < 0.82) {
      const override = rnd() < 0.06 && r.proposedMeasure !== 'home_isolation';
      const measure: Measure = override ? 'home_isolation' : r.proposedMeasure;
      await returnees.decide(staff.actor, staff.call, r.id, {
        measure,
        ...(override ? { reason: pick(rnd, OVERRIDE_REASONS) } : {}),
      });
      confirmed++;
    }
  }

  for (let i = 0; i < DEMO_CONTACTS; i++) {
    const home = homes[Math.floor(rnd() * homes.length)]!;
    const staff = staffOf(home.county);
    const [exposureKind, relation] = pick(rnd, CONTACT_KINDS);
    await contacts.create(staff.actor, staff.call, {
      ...who(home),
      sourceCase: `${pick(rnd, SOURCE_CASES)}${relation}`,
      lastExposureOn: addDays(today, -(1 + Math.floor(rnd() * 12))),
      exposureKind,
    });
  }
  return { returnees: DEMO_RETURNEES, confirmed, fromFollowUps, contacts: DEMO_CONTACTS };
}
