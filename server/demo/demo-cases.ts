/**
 * Isolation cases for the demo city: about 300 people in home isolation across the communities
 * with homes, started 1–13 days ago, some already released or sent to hospital, with recurring
 * services for their households. People come from the demo returnees and close contacts when
 * those are loaded, then from the residents of the 一户一档 (so names, ID numbers and addresses
 * agree with the household files), else made up. Written straight through the repository in
 * one transaction; the health-reports demo fills in two weeks of reports for these cases after.
 */
import type { CaseServiceKind, Role } from '../../common/enums.ts';
import { findAccountForLogin, holdersOn } from '../features/accounts/accounts.repository.ts';
import * as repo from '../features/quarantine/cases.repository.ts';
import { endsOnFor, refOf, refPrefix } from '../features/quarantine/cases.rules.ts';
import { findRegionByCode } from '../features/regions/regions.repository.ts';
import { auditWrite, type CallContext } from '../platform/audit/audit.ts';
import { addDays, calendarDate } from '../platform/dates.ts';
import { startsWith } from '../platform/db/dialect.ts';
import { newId, nowIso } from '../platform/db/ids.ts';
import type { CaseServiceLogTable, CaseServiceTable, DisinfectionLogTable, IsolationCaseTable } from '../platform/db/schema.ts';
import { transact } from '../platform/db/transact.ts';
import type { Deps } from '../platform/deps.ts';
import { sealIdNumber } from '../platform/pii/identity.ts';
import { DEMO_COMMUNITIES } from './demo-data.ts';
import { demoPerson, pick, seededRandom, type Random } from './demo-people.ts';

export const DEMO_ACTIVE_CASES = 300;
const RELEASED_CASES = 40;
const TRANSFERRED_CASES = 3;
/** Motorway toll stations are checkpoint sites, not homes. */
const NO_HOMES = /高速/;
/** 雪松社区, where the demo doctor and community manager work: the most cases, so their pages are full. */
const XUESONG = '411702008-001';

export interface DemoCasesSummary {
  active: number;
  closed: number;
  services: number;
  fromReturnees: number;
  fromContacts: number;
}

interface Place {
  community: { id: string; path: string; code: string; name: string };
  grids: { id: string; path: string }[];
  countyCode: string;
  weight: number;
}

interface Person {
  name: string;
  idNumberEnc: string | null;
  idNumberIndex: string | null;
  mobile: string | null;
  address: string | null;
  householdId: string | null;
  regionId: string;
  returneeId?: string;
  contactId?: string;
  startsOn?: string;
  basis: 'return' | 'exposure' | 'other';
}

const SERVICES: { kind: CaseServiceKind; every: number; share: number; note: string | null }[] = [
  { kind: 'disinfection', every: 2, share: 0.5, note: '门把手、卫生间重点消杀' },
  { kind: 'supplies', every: 3, share: 0.6, note: '米面油、蔬菜按需代购' },
  { kind: 'counselling', every: 4, share: 0.15, note: '独居老人，电话疏导为主' },
];

/** What goes on a home's door handles and bathroom, at the strength the guidelines give. */
const HOME_AGENTS = [
  { agent: '84消毒液', concentration: '1:100（有效氯 500 mg/L）' },
  { agent: '含氯消毒剂', concentration: '500 mg/L' },
  { agent: '75% 酒精', concentration: '75%' },
];

async function places(deps: Deps): Promise<Place[]> {
  const { db } = deps.db;
  const out: Place[] = [];
  for (const [township, communities] of Object.entries(DEMO_COMMUNITIES)) {
    for (const c of communities) {
      if (NO_HOMES.test(c.name)) continue;
      const community = await findRegionByCode(db, c.code);
      if (!community) continue;
      const grids = await db
        .selectFrom('regions')
        .select(['id', 'path'])
        .where('parentId', '=', community.id)
        .orderBy('code')
        .execute();
      out.push({
        community: { id: community.id, path: community.path, code: c.code, name: c.name },
        grids,
        countyCode: township.slice(0, 6),
        weight: c.code === XUESONG ? 8 : 1,
      });
    }
  }
  return out;
}

/** Residents of the place's households, in random order: real-looking people with an address. */
async function residentsOf(deps: Deps, place: Place, rnd: Random, limit: number): Promise<Person[]> {
  const rows = await deps.db.db
    .selectFrom('residents as p')
    .innerJoin('households as h', 'h.id', 'p.householdId')
    .innerJoin('regions as r', 'r.id', 'h.regionId')
    .select(['p.name', 'p.idNumberEnc', 'p.idNumberIndex', 'p.mobile', 'h.address', 'h.id as householdId', 'h.regionId'])
    .where(startsWith('r.path', place.community.path))
    .where('p.relation', 'in', ['head', 'spouse', 'tenant'])
    .limit(limit * 4)
    .execute();
  return rows
    .map((r) => ({ r, k: rnd() }))
    .sort((a, b) => a.k - b.k)
    .slice(0, limit)
    .map(({ r }) => ({ ...r, basis: 'other' as const }));
}

function madeUp(deps: Deps, place: Place, rnd: Random): Person {
  const p = demoPerson(rnd, place.countyCode, `${place.community.name}`);
  const grid = place.grids.length ? pick(rnd, place.grids) : place.community;
  return {
    name: p.name,
    ...sealIdNumber(deps.pii, p.idNumber),
    mobile: p.mobile,
    address: p.homeAddress,
    householdId: null,
    regionId: grid.id,
    basis: 'other',
  };
}

export async function loadDemoCases(deps: Deps): Promise<DemoCasesSummary | null> {
  const { db } = deps.db;
  if (await db.selectFrom('isolationCases').select('id').limit(1).executeTakeFirst()) return null;
  const all = await places(deps);
  if (all.length === 0) throw new Error('demo cases: load the demo city first');
  const today = calendarDate(deps.config.timeZone);
  const plan = deps.config.isolationPlans[0]!;
  const rnd = seededRandom(20200203);
  const admin = await findAccountForLogin(db, 'admin');
  const call: CallContext = { actorId: admin?.id ?? null, actorLogin: admin?.login ?? null, ip: null };
  const volunteerAccount = await findAccountForLogin(db, 'volunteer');

  // Returnees told to isolate and close contacts within the last 13 days come first.
  const since = addDays(today, -13);
  const returnees = await db
    .selectFrom('returnees')
    .select(['id', 'regionId', 'householdId', 'name', 'idNumberEnc', 'idNumberIndex', 'mobile', 'address', 'returnedOn'])
    .where('anonymisedAt', 'is', null)
    .where('returnedOn', '>=', since)
    .where('returnedOn', '<', today)
    .where((eb) =>
      eb.or([
        eb('measure', '=', 'home_isolation'),
        eb.and([eb('measure', 'is', null), eb('proposedMeasure', '=', 'home_isolation')]),
      ]),
    )
    .limit(DEMO_ACTIVE_CASES / 2)
    .execute();
  const contacts = await db
    .selectFrom('contacts')
    .select(['id', 'regionId', 'householdId', 'name', 'idNumberEnc', 'idNumberIndex', 'mobile', 'address', 'lastExposureOn'])
    .where('anonymisedAt', 'is', null)
    .where('lastExposureOn', '>=', since)
    .where('lastExposureOn', '<', today)
    .limit(DEMO_ACTIVE_CASES / 4)
    .execute();
  const people: Person[] = [
    ...returnees.map((r) => ({ ...r, returneeId: r.id, startsOn: r.returnedOn, basis: 'return' as const })),
    ...contacts.map((c) => ({ ...c, contactId: c.id, startsOn: c.lastExposureOn, basis: 'exposure' as const })),
  ];
  const fromReturnees = returnees.length;
  const fromContacts = contacts.length;

  // The rest, spread over the communities by weight, from their residents where the files are loaded.
  const wanted = DEMO_ACTIVE_CASES + RELEASED_CASES + TRANSFERRED_CASES - people.length;
  const totalWeight = all.reduce((s, p) => s + p.weight, 0);
  for (const place of all) {
    const n = Math.round((wanted * place.weight) / totalWeight);
    const known = await residentsOf(deps, place, rnd, n);
    people.push(...known);
    for (let i = known.length; i < n; i++) people.push(madeUp(deps, place, rnd));
  }

  const regions = new Map((await repo.regionsByIds(db, [...new Set(people.map((p) => p.regionId))])).map((r) => [r.id, r]));
  const placeOf = (path: string) => all.find((p) => path.startsWith(p.community.path));
  // As the open route defaults them: the staff nearest the community (its own manager before the county's).
  const nearest = async (path: string, roles: Role[]) => {
    const ids = path.split('/').filter(Boolean).reverse();
    const holders = await holdersOn(db, ids, roles);
    const at = ids.find((id) => holders.some((h) => h.regionId === id));
    return holders.filter((h) => h.regionId === at).map((h) => ({ id: h.accountId }));
  };
  const staff = new Map<string, { gridWorkers: { id: string }[]; observers: { id: string }[]; volunteers: { id: string }[] }>();
  for (const place of all) {
    staff.set(place.community.id, {
      gridWorkers: await nearest(place.community.path, ['region_manager', 'team_leader']),
      observers: await nearest(place.community.path, ['medical_observer']),
      volunteers: await repo.volunteersIn(db, place.community.path),
    });
  }
  // The demo volunteer's own phone page should have work on it.
  const demoVolunteer = volunteerAccount
    ? await db.selectFrom('volunteers').select('id').where('accountId', '=', volunteerAccount.id).executeTakeFirst()
    : undefined;

  const sequence = new Map<string, number>();
  const cases: IsolationCaseTable[] = [];
  const services: CaseServiceTable[] = [];
  const logs: CaseServiceLogTable[] = [];
  // A home's disinfection visit is a disinfection record (the disinfection feature's), not a service log.
  const homeDisinfections: DisinfectionLogTable[] = [];
  const now = nowIso();
  let closed = 0;
  const seen = new Set<string>();
  for (const person of people) {
    const region = regions.get(person.regionId);
    const place = region && placeOf(region.path);
    if (!region || !place) continue;
    const key = person.idNumberIndex ?? `${person.name}/${person.mobile}`;
    if (seen.has(key)) continue;
    seen.add(key);
    const active = cases.length - closed < DEMO_ACTIVE_CASES && (closed >= RELEASED_CASES + TRANSFERRED_CASES || rnd() < 0.87);
    const startsOn = active
      ? (person.startsOn ?? addDays(today, -(1 + Math.floor(rnd() * 13))))
      : addDays(today, -(15 + Math.floor(rnd() * 12)));
    const endsOn = endsOnFor(startsOn, plan.days);
    const transferred = !active && closed >= RELEASED_CASES;
    if (!active) closed++;
    const prefix = refPrefix(place.countyCode);
    const n = (sequence.get(prefix) ?? 0) + 1;
    sequence.set(prefix, n);
    const s = staff.get(place.community.id)!;
    const volunteerId =
      demoVolunteer && place.community.code === XUESONG && rnd() < 0.3
        ? demoVolunteer.id
        : s.volunteers.length
          ? pick(rnd, s.volunteers).id
          : null;
    const closedOn = transferred ? addDays(startsOn, 4 + Math.floor(rnd() * 6)) : endsOn;
    const id = newId();
    cases.push({
      id,
      ref: refOf(prefix, n),
      regionId: person.regionId,
      householdId: person.householdId,
      returneeId: active ? (person.returneeId ?? null) : null,
      contactId: active ? (person.contactId ?? null) : null,
      personName: person.name,
      idNumberEnc: person.idNumberEnc,
      idNumberIndex: person.idNumberIndex,
      mobile: person.mobile,
      address: person.address,
      kind: 'home',
      plan: plan.code,
      planDays: plan.days,
      startBasis: active ? person.basis : 'other',
      startsOn,
      endsOn,
      status: active ? 'active' : transferred ? 'transferred' : 'released',
      gridWorkerId: s.gridWorkers[0]?.id ?? null,
      medicalObserverId: s.observers[0]?.id ?? null,
      volunteerId,
      closedOn: active ? null : closedOn,
      closeKind: active ? null : transferred ? 'transferred' : 'normal',
      closeReason: transferred ? '复测体温 38.5°C，伴干咳' : null,
      hospital: transferred ? '驻马店市中心医院' : null,
      createdBy: admin?.id ?? null,
      createdAt: `${startsOn}T02:00:00.000Z`,
      updatedAt: now,
      anonymisedAt: null,
    });
    if (!active || !volunteerId) continue;
    for (const kind of SERVICES) {
      if (rnd() >= kind.share) continue;
      const serviceId = newId();
      // Visits done every N days since the start; the next one today or in the next days.
      let on = addDays(startsOn, 1);
      while (addDays(on, kind.every) <= today) {
        const byAccountId = volunteerAccount?.id ?? admin!.id;
        if (kind.kind === 'disinfection') {
          homeDisinfections.push({
            id: newId(),
            regionId: person.regionId,
            placeId: null,
            scheduleId: null,
            caseId: id,
            caseServiceId: serviceId,
            doneAt: `${on}T03:00:00.000Z`,
            doneOn: on,
            // The demo volunteer logs her own homes; others' visits (volunteers without an account) are entered by staff.
            byAccountId: volunteerId === demoVolunteer?.id ? byAccountId : (s.gridWorkers[0]?.id ?? admin!.id),
            teamId: null,
            people: rnd() < 0.3 ? 2 : 1,
            areaM2: 60 + Math.floor(rnd() * 60),
            ...pick(rnd, HOME_AGENTS),
            method: pick(rnd, ['spray', 'spray', 'wipe'] as const),
            contactMinutes: 30,
            note: null,
            signedOffBy: null,
            signedOffAt: null,
            signOffNote: null,
            createdAt: `${on}T03:00:00.000Z`,
          });
          on = addDays(on, kind.every);
          continue;
        }
        logs.push({
          id: newId(),
          caseId: id,
          serviceId,
          kind: kind.kind,
          regionId: person.regionId,
          doneAt: `${on}T03:00:00.000Z`,
          doneOn: on,
          byAccountId,
          areaM2: null,
          agent: null,
          concentration: null,
          items:
            kind.kind === 'supplies'
              ? pick(rnd, ['大米 5kg、挂面 2 把、青菜', '鸡蛋 30 个、食用油 1 桶', '口罩 10 个、体温计 1 支'])
              : null,
          note: null,
          createdAt: `${on}T03:00:00.000Z`,
        });
        on = addDays(on, kind.every);
      }
      services.push({
        id: serviceId,
        caseId: id,
        kind: kind.kind,
        everyDays: kind.every,
        nextOn: on,
        volunteerId,
        note: kind.note,
        active: 1,
        createdAt: `${startsOn}T02:30:00.000Z`,
        updatedAt: now,
      });
    }
  }

  await transact(db, call, async (trx) => {
    for (let i = 0; i < cases.length; i += 100)
      await trx
        .insertInto('isolationCases')
        .values(cases.slice(i, i + 100))
        .execute();
    const events = cases.flatMap((c) => [
      {
        id: newId(),
        caseId: c.id,
        kind: 'opened',
        detail: JSON.stringify({ plan: c.plan, startsOn: c.startsOn, endsOn: c.endsOn, kind: c.kind }),
        reason: null,
        byAccountId: c.createdBy,
        at: c.createdAt,
      },
      ...(c.status === 'active'
        ? []
        : [
            {
              id: newId(),
              caseId: c.id,
              kind: c.status === 'transferred' ? 'transferred' : 'released',
              detail: JSON.stringify(c.status === 'transferred' ? { hospital: c.hospital } : { endsOn: c.endsOn }),
              reason: c.closeReason,
              byAccountId: c.gridWorkerId,
              at: `${c.closedOn}T10:00:00.000Z`,
            },
          ]),
    ]);
    for (let i = 0; i < events.length; i += 200)
      await trx
        .insertInto('caseEvents')
        .values(events.slice(i, i + 200))
        .execute();
    for (let i = 0; i < services.length; i += 200)
      await trx
        .insertInto('caseServices')
        .values(services.slice(i, i + 200))
        .execute();
    for (let i = 0; i < logs.length; i += 200)
      await trx
        .insertInto('caseServiceLogs')
        .values(logs.slice(i, i + 200))
        .execute();
    for (let i = 0; i < homeDisinfections.length; i += 200)
      await trx
        .insertInto('disinfectionLogs')
        .values(homeDisinfections.slice(i, i + 200))
        .execute();
    await auditWrite(trx, call, 'demo.cases', 'isolation_case', null, null, { cases: cases.length, services: services.length });
  });
  return { active: cases.length - closed, closed, services: services.length, fromReturnees, fromContacts };
}
