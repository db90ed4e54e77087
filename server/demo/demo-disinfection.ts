/**
 * 卫生消杀 for the demo city: places in the demo communities (estates' public areas, stairwells,
 * markets, toilets, stations), villages of 竹沟镇, 新蔡县's county town and some checkpoints, each on
 * a schedule given to a team or to the demo volunteer (孙丽, whose jobs are due today, one overdue),
 * and two weeks of logs behind them, most signed off. 新蔡县's rescue volunteers (应急服务队) spray
 * the county town's streets, squares and station with vehicle-mounted gear: over the two weeks
 * their totals land near the report's "50 times, 3,000,000 m²". The isolated homes' visits written
 * by the cases demo are signed off the same way. Written straight through the repositories, one
 * transaction; team leaders who log get an account (their mobile, the demo password).
 */
import type { DisinfectionMethod, PlaceKind } from '../../common/enums.ts';
import { findAccountForLogin, insertAccount, insertGrant, loginTaken } from '../features/accounts/accounts.repository.ts';
import { insertPlace, insertSchedule } from '../features/disinfection/places.repository.ts';
import { findRegionByCode } from '../features/regions/regions.repository.ts';
import { updateVolunteer } from '../features/volunteers/volunteers.repository.ts';
import { auditWrite, type CallContext } from '../platform/audit/audit.ts';
import { addDays, calendarDate, zonedInstant } from '../platform/dates.ts';
import { startsWith } from '../platform/db/dialect.ts';
import { newId, nowIso } from '../platform/db/ids.ts';
import type { DisinfectionLogTable, DisinfectionPlaceTable, DisinfectionScheduleTable } from '../platform/db/schema.ts';
import { transact } from '../platform/db/transact.ts';
import type { Deps } from '../platform/deps.ts';
import { pick, seededRandom } from './demo-people.ts';

export const XINCAI = '411729';
const YICHENG = '411702';
/** Days of logs behind today. */
const DAYS = 14;

type Agent = 'chlorine' | 'chlorine1000' | 'bleach' | 'alcohol' | 'dioxide';
const AGENTS: Record<Agent, { agent: string; concentration: string; methods: DisinfectionMethod[]; minutes: number | null }> = {
  chlorine: { agent: '含氯消毒剂', concentration: '500 mg/L', methods: ['spray', 'spray', 'mop'], minutes: 30 },
  chlorine1000: { agent: '含氯消毒剂', concentration: '1000 mg/L', methods: ['spray'], minutes: 30 },
  bleach: { agent: '84消毒液', concentration: '1:100（有效氯 500 mg/L）', methods: ['spray', 'mop', 'wipe'], minutes: 30 },
  alcohol: { agent: '75% 酒精', concentration: '75%', methods: ['wipe'], minutes: null },
  dioxide: { agent: '二氧化氯消毒液', concentration: '500 mg/L', methods: ['spray'], minutes: 60 },
};

/** Who does a place: the first of these teams the demo has (small counties run out of people), or the demo volunteer. */
type Who = { team: string | string[] } | { login: 'volunteer' };

interface Spec {
  region: string;
  kind: PlaceKind;
  name: string;
  area: number;
  address?: string;
  who: Who;
  every: number;
  /** next_on relative to today: 0 due today, negative overdue, positive done already (today's logged). */
  next: number;
  agents: Agent[];
  crew: [number, number];
  paused?: string;
}

const XUESONG_TEAM = { team: '雪松社区志愿服务队' };
const DONGGAO_TEAM = { team: '东高社区志愿服务队' };
const SHISANXIANG_TEAM = { team: '十三香社区志愿服务队' };
const RESCUE = { team: ['新蔡县应急服务队', '新蔡县党员突击队'] };
const SUN_LI: Who = { login: 'volunteer' };

const SPECS: Spec[] = [
  // 雪松社区: the demo volunteer's own jobs, due today (one overdue), and her team's.
  {
    region: '411702008-001-01',
    kind: 'estate_public',
    name: '雪松小区公共区域',
    area: 3500,
    address: '雪松路 8 号院',
    who: SUN_LI,
    every: 1,
    next: 0,
    agents: ['chlorine'],
    crew: [1, 2],
  },
  {
    region: '411702008-001-01',
    kind: 'stairwell',
    name: '雪松小区 3 号楼楼道及电梯',
    area: 650,
    address: '雪松路 8 号院 3 号楼',
    who: SUN_LI,
    every: 2,
    next: 0,
    agents: ['bleach', 'alcohol'],
    crew: [1, 1],
  },
  {
    region: '411702008-001-02',
    kind: 'public_toilet',
    name: '雪松社区公共厕所',
    area: 90,
    address: '雪松路与解放路交叉口',
    who: SUN_LI,
    every: 1,
    next: -1,
    agents: ['chlorine1000'],
    crew: [1, 1],
  },
  {
    region: '411702008-001',
    kind: 'market',
    name: '雪松社区农贸市场',
    area: 2800,
    address: '雪松路 36 号',
    who: XUESONG_TEAM,
    every: 1,
    next: 0,
    agents: ['chlorine1000'],
    crew: [2, 4],
  },
  {
    region: '411702008-001-03',
    kind: 'stairwell',
    name: '雪松社区老旧小区楼道（7—12 号楼）',
    area: 1800,
    who: XUESONG_TEAM,
    every: 2,
    next: 1,
    agents: ['bleach'],
    crew: [2, 3],
  },
  // 东高社区 (9,000 households): big estates, one stairwell round overdue.
  {
    region: '411702002-001-01',
    kind: 'estate_public',
    name: '东高小区公共区域',
    area: 8000,
    address: '东风路 118 号',
    who: DONGGAO_TEAM,
    every: 1,
    next: 0,
    agents: ['chlorine'],
    crew: [3, 5],
  },
  {
    region: '411702002-001-02',
    kind: 'stairwell',
    name: '东高社区老旧小区楼道',
    area: 2400,
    who: DONGGAO_TEAM,
    every: 2,
    next: -2,
    agents: ['bleach'],
    crew: [2, 4],
  },
  {
    region: '411702002-001',
    kind: 'market',
    name: '东风路农贸市场',
    area: 4200,
    address: '东风路 96 号',
    who: DONGGAO_TEAM,
    every: 1,
    next: 0,
    agents: ['chlorine1000'],
    crew: [3, 4],
  },
  {
    region: '411702002-001-03',
    kind: 'public_toilet',
    name: '东高社区公共厕所',
    area: 120,
    who: DONGGAO_TEAM,
    every: 1,
    next: 0,
    agents: ['chlorine1000'],
    crew: [1, 1],
  },
  // 十三香社区: the urban village's lanes (paused while the road is dug up).
  {
    region: '411702009-001-01',
    kind: 'estate_public',
    name: '十三香小区公共区域',
    area: 5200,
    who: SHISANXIANG_TEAM,
    every: 1,
    next: 0,
    agents: ['chlorine'],
    crew: [2, 4],
  },
  {
    region: '411702009-001',
    kind: 'market',
    name: '顺河农贸市场',
    area: 3600,
    address: '顺河路 21 号',
    who: SHISANXIANG_TEAM,
    every: 1,
    next: -1,
    agents: ['chlorine1000'],
    crew: [2, 3],
  },
  {
    region: '411702009-001-02',
    kind: 'other',
    name: '十三香城中村巷道',
    area: 6500,
    who: SHISANXIANG_TEAM,
    every: 2,
    next: 1,
    agents: ['dioxide'],
    crew: [3, 5],
    paused: '巷道施工封闭，暂停',
  },
  // 确山县 竹沟镇: villages' squares and the market town.
  {
    region: '411725101-001',
    kind: 'other',
    name: '竹沟村村委会及文化广场',
    area: 2200,
    who: { team: ['竹沟村工作组', '确山县应急服务队'] },
    every: 2,
    next: 0,
    agents: ['chlorine'],
    crew: [2, 3],
  },
  {
    region: '411725101',
    kind: 'market',
    name: '竹沟镇集贸市场',
    area: 5000,
    address: '竹沟镇中心街',
    who: { team: ['竹沟村工作组', '确山县党员突击队第一分队'] },
    every: 2,
    next: -3,
    agents: ['chlorine1000'],
    crew: [3, 4],
  },
  {
    region: '411725101-002',
    kind: 'other',
    name: '肖庄村主干道',
    area: 3000,
    who: { team: ['肖庄村工作组', '确山县党员突击队第二分队'] },
    every: 3,
    next: 1,
    agents: ['bleach'],
    crew: [2, 2],
  },
  // 新蔡县: the rescue volunteers' county town, with vehicle-mounted sprayers.
  {
    region: XINCAI,
    kind: 'other',
    name: '新蔡县城区主干道（车载喷洒）',
    area: 200_000,
    address: '月亮湾大道、今是大道、古吕大道',
    who: RESCUE,
    every: 2,
    next: 1,
    agents: ['chlorine1000', 'dioxide'],
    crew: [8, 12],
  },
  {
    region: '411729001',
    kind: 'other',
    name: '古吕街道商业街及背街小巷',
    area: 68_000,
    who: RESCUE,
    every: 1,
    next: 1,
    agents: ['chlorine1000'],
    crew: [6, 10],
  },
  {
    region: '411729001',
    kind: 'station',
    name: '新蔡县汽车站',
    area: 15_000,
    address: '新蔡县中州路',
    who: RESCUE,
    every: 1,
    next: 1,
    agents: ['chlorine1000', 'alcohol'],
    crew: [4, 6],
  },
  {
    region: '411729003',
    kind: 'other',
    name: '月亮湾街道人民广场及周边',
    area: 50_000,
    who: RESCUE,
    every: 2,
    next: 0,
    agents: ['dioxide'],
    crew: [6, 8],
  },
  {
    region: '411729002',
    kind: 'market',
    name: '新蔡县城农贸市场',
    area: 12_000,
    who: { team: '新蔡县党员突击队第一分队' },
    every: 1,
    next: 0,
    agents: ['chlorine1000'],
    crew: [4, 6],
  },
  {
    region: '411729001-001',
    kind: 'estate_public',
    name: '古吕社区公共区域',
    area: 8000,
    who: { team: ['古吕社区志愿服务队', '新蔡县党员突击队第二分队'] },
    every: 2,
    next: 0,
    agents: ['chlorine'],
    crew: [2, 4],
  },
  {
    region: '411729001-002',
    kind: 'stairwell',
    name: '团结社区老旧小区楼道',
    area: 3000,
    who: { team: ['团结社区志愿服务队', '新蔡县党员突击队第三分队'] },
    every: 2,
    next: -1,
    agents: ['bleach'],
    crew: [2, 3],
  },
];

const SIGN_NOTES = ['现场抽查，浓度达标', '消杀台账完整', '已复核，作用时间足够', null, null, null];

export interface DemoDisinfectionSummary {
  places: number;
  schedules: number;
  logs: number;
  signedOff: number;
  xincai: { operations: number; areaM2: number };
}

interface TeamRef {
  id: string;
  name: string;
  regionPath: string;
  leaderVolunteerId: string | null;
}

export async function loadDemoDisinfection(deps: Deps): Promise<DemoDisinfectionSummary | null> {
  const { db } = deps.db;
  if (await db.selectFrom('disinfectionPlaces').select('id').limit(1).executeTakeFirst()) return null;
  const admin = await findAccountForLogin(db, 'admin');
  const volunteer = await findAccountForLogin(db, 'volunteer');
  const inspector = await findAccountForLogin(db, 'inspector');
  const commander = await findAccountForLogin(db, 'commander');
  if (!admin || !volunteer || !inspector || !commander) throw new Error('demo disinfection: load the demo city first');
  const sunLi = await db.selectFrom('volunteers').select('id').where('accountId', '=', volunteer.id).executeTakeFirst();
  const tz = deps.config.timeZone;
  const today = calendarDate(tz);
  const now = new Date();
  const rnd = seededRandom(20200214);
  const call: CallContext = { actorId: admin.id, actorLogin: admin.login, ip: null };

  const teams: TeamRef[] = await db
    .selectFrom('teams')
    .innerJoin('regions', 'regions.id', 'teams.regionId')
    .select(['teams.id', 'teams.name', 'regions.path as regionPath', 'teams.leaderVolunteerId'])
    .execute();
  const teamByName = new Map(teams.map((t) => [t.name, t]));
  const region = async (code: string) => {
    const r = await findRegionByCode(db, code);
    if (!r) throw new Error(`demo disinfection: region ${code} is missing`);
    return r;
  };
  const yicheng = await region(YICHENG);

  const places: DisinfectionPlaceTable[] = [];
  const schedules: DisinfectionScheduleTable[] = [];
  const logs: DisinfectionLogTable[] = [];
  const accounts: { id: string; login: string; name: string; mobile: string; volunteerId: string; regionId: string }[] = [];
  const loggers = new Map<string, string>();
  const stamp = nowIso();

  /** Who enters a team's jobs on the phone: its leader, given an account (login: their mobile) if they have none. */
  async function loggerOf(team: TeamRef): Promise<string> {
    const known = loggers.get(team.id);
    if (known) return known;
    let accountId = admin!.id;
    const leader = team.leaderVolunteerId
      ? await db
          .selectFrom('volunteers')
          .select(['id', 'name', 'mobile', 'accountId', 'regionId'])
          .where('id', '=', team.leaderVolunteerId)
          .executeTakeFirst()
      : undefined;
    if (leader?.accountId) accountId = leader.accountId;
    else if (leader && !(await loginTaken(db, leader.mobile)) && !accounts.some((a) => a.login === leader.mobile)) {
      accountId = newId();
      const teamRegion = team.regionPath.split('/').filter(Boolean).pop()!;
      accounts.push({
        id: accountId,
        login: leader.mobile,
        name: leader.name,
        mobile: leader.mobile,
        volunteerId: leader.id,
        regionId: teamRegion,
      });
    }
    loggers.set(team.id, accountId);
    return accountId;
  }

  /** A local time of day on `date`, between `from` and `to` hours, never after now. */
  const at = (date: string, from: number, to: number): string | null => {
    const minutes = Math.floor((from + rnd() * (to - from)) * 60);
    const hhmm = `${String(Math.floor(minutes / 60)).padStart(2, '0')}:${String(minutes % 60).padStart(2, '0')}`;
    const t = zonedInstant(tz, date, hhmm);
    return t.getTime() < now.getTime() - 10 * 60_000 ? t.toISOString() : null;
  };

  function jobLogs(
    p: { id: string; regionId: string; area: number; agents: Agent[]; crew: [number, number] },
    s: { id: string; every: number; nextOn: string },
    teamId: string | null,
    by: string,
  ) {
    for (
      let day = addDays(s.nextOn, -s.every), first = true;
      day >= addDays(today, -(DAYS - 1));
      day = addDays(day, -s.every), first = false
    ) {
      if (day > today) continue;
      // A missed day here and there, never the last one (it sets the next day).
      if (!first && rnd() < 0.05) continue;
      const doneAt = at(day, 7.5, 16.5);
      if (!doneAt) continue;
      const agent = AGENTS[pick(rnd, p.agents)];
      logs.push({
        id: newId(),
        regionId: p.regionId,
        placeId: p.id,
        scheduleId: s.id,
        caseId: null,
        caseServiceId: null,
        doneAt,
        doneOn: day,
        byAccountId: by,
        teamId,
        people: p.crew[0] + Math.floor(rnd() * (p.crew[1] - p.crew[0] + 1)),
        areaM2: Math.round((p.area * (0.85 + rnd() * 0.3)) / 10) * 10 || p.area,
        agent: agent.agent,
        concentration: agent.concentration,
        method: pick(rnd, agent.methods),
        contactMinutes: agent.minutes,
        note: null,
        signedOffBy: null,
        signedOffAt: null,
        signOffNote: null,
        createdAt: doneAt,
      });
    }
  }

  async function add(spec: Spec & { checkpointId?: string }, regionId: string) {
    const placeId = newId();
    places.push({
      id: placeId,
      regionId,
      kind: spec.kind,
      name: spec.name,
      address: spec.address ?? null,
      areaM2: spec.area,
      checkpointId: spec.checkpointId ?? null,
      active: 1,
      note: null,
      createdBy: admin!.id,
      createdAt: `${addDays(today, -DAYS)}T01:00:00.000Z`,
      updatedAt: stamp,
    });
    const team =
      'team' in spec.who
        ? [spec.who.team]
            .flat()
            .map((n) => teamByName.get(n))
            .find(Boolean)
        : undefined;
    const volunteerId = 'login' in spec.who ? (sunLi?.id ?? null) : null;
    if (!team && !volunteerId) return;
    const s = { id: newId(), every: spec.every, nextOn: addDays(today, spec.next) };
    schedules.push({
      id: s.id,
      placeId,
      regionId,
      everyDays: spec.every,
      nextOn: s.nextOn,
      teamId: team?.id ?? null,
      volunteerId,
      active: spec.paused ? 0 : 1,
      note: spec.paused ?? null,
      createdBy: admin!.id,
      createdAt: `${addDays(today, -DAYS)}T01:30:00.000Z`,
      updatedAt: stamp,
    });
    const by = team ? await loggerOf(team) : volunteer!.id;
    jobLogs({ id: placeId, regionId, area: spec.area, agents: spec.agents, crew: spec.crew }, s, team?.id ?? null, by);
  }

  for (const spec of SPECS) await add(spec, (await region(spec.region)).id);

  // Checkpoints: the tables, barriers and booths wiped and sprayed daily by the team nearest them.
  const checkpoints = await db
    .selectFrom('checkpoints')
    .innerJoin('regions', 'regions.id', 'checkpoints.regionId')
    .select(['checkpoints.id', 'checkpoints.name', 'checkpoints.regionId', 'regions.path'])
    .where('checkpoints.status', '=', 'active')
    .orderBy('checkpoints.name')
    .execute();
  const chosen = [
    ...checkpoints.filter((c) => c.name.includes('高速')).slice(0, 2),
    ...checkpoints.filter((c) => /^(雪松|东高|十三香)社区/.test(c.name)).slice(0, 4),
    ...checkpoints.filter((c) => c.name.endsWith('村口')).slice(0, 4),
  ];
  for (const cp of chosen) {
    const near = teams
      .filter((t) => cp.path.startsWith(t.regionPath))
      .sort((a, b) => b.regionPath.length - a.regionPath.length || (a.name.includes('分队') ? -1 : 1))[0];
    const big = cp.name.includes('高速');
    await add(
      {
        region: '',
        kind: 'checkpoint',
        name: `${cp.name}（卡点）`,
        area: big ? 1500 : 300,
        who: near ? { team: near.name } : SUN_LI,
        every: 1,
        next: rnd() < 0.15 ? -1 : 0,
        agents: ['alcohol', 'bleach'],
        crew: big ? [2, 4] : [1, 2],
        checkpointId: cp.id,
      },
      cp.regionId,
    );
  }

  // Sign-offs: the district's inspector in 驿城区, the commander elsewhere; most of what is older than two days.
  const homeVisits = await db
    .selectFrom('disinfectionLogs as l')
    .innerJoin('regions', 'regions.id', 'l.regionId')
    .select(['l.id', 'l.doneOn', 'l.doneAt', 'l.byAccountId', 'regions.path'])
    .where('l.caseId', 'is not', null)
    .execute();
  const pathOf = new Map<string, string>();
  const placeRegions = await db
    .selectFrom('regions')
    .select(['id', 'path'])
    .where('id', 'in', [...new Set(places.map((p) => p.regionId))])
    .execute();
  for (const r of placeRegions) pathOf.set(r.id, r.path);
  const signOff = (doneOn: string, doneAt: string, path: string) => {
    const age = Math.max(0, Math.round((Date.parse(today) - Date.parse(doneOn)) / 86_400_000));
    if (rnd() >= (age === 0 ? 0 : age <= 2 ? 0.4 : 0.9)) return null;
    const signer = path.startsWith(yicheng.path) ? inspector! : commander!;
    const when = new Date(Math.min(Date.parse(doneAt) + (2 + rnd() * 20) * 3_600_000, now.getTime() - 60_000));
    return { signedOffBy: signer.id, signedOffAt: when.toISOString(), signOffNote: pick(rnd, SIGN_NOTES) };
  };
  let signedOff = 0;
  for (const l of logs) {
    const s = signOff(l.doneOn, l.doneAt, pathOf.get(l.regionId) ?? '');
    if (s && s.signedOffBy !== l.byAccountId) {
      Object.assign(l, s);
      signedOff++;
    }
  }
  const homeSignOffs = homeVisits.flatMap((v) => {
    const s = signOff(v.doneOn, v.doneAt, v.path);
    return s && s.signedOffBy !== v.byAccountId ? [{ id: v.id, ...s }] : [];
  });

  await transact(db, call, async (trx) => {
    for (const { volunteerId, regionId, ...a } of accounts) {
      await insertAccount(trx, { ...a, passwordHash: volunteer.passwordHash, mustChangePassword: false }, stamp);
      await insertGrant(trx, { id: newId(), accountId: a.id, role: 'team_leader', regionId }, stamp);
      await updateVolunteer(trx, volunteerId, { accountId: a.id }, stamp);
    }
    for (const p of places) await insertPlace(trx, p);
    for (const s of schedules) await insertSchedule(trx, s);
    for (let i = 0; i < logs.length; i += 200)
      await trx
        .insertInto('disinfectionLogs')
        .values(logs.slice(i, i + 200))
        .execute();
    for (const s of homeSignOffs) {
      await trx
        .updateTable('disinfectionLogs')
        .set({ signedOffBy: s.signedOffBy, signedOffAt: s.signedOffAt, signOffNote: s.signOffNote })
        .where('id', '=', s.id)
        .execute();
    }
    await auditWrite(trx, call, 'demo.disinfection', 'disinfection_place', null, null, {
      places: places.length,
      schedules: schedules.length,
      logs: logs.length,
      leaders: accounts.length,
    });
  });

  const xincai = await region(XINCAI);
  const inXincai = await db
    .selectFrom('disinfectionLogs as l')
    .innerJoin('regions', 'regions.id', 'l.regionId')
    .select((eb) => [eb.fn.countAll().as('n'), eb.fn.sum<number | string>('l.areaM2').as('area')])
    .where(startsWith('regions.path', xincai.path))
    .executeTakeFirstOrThrow();
  return {
    places: places.length,
    schedules: schedules.length,
    logs: logs.length,
    signedOff: signedOff + homeSignOffs.length,
    xincai: { operations: Number(inXincai.n), areaM2: Math.round(Number(inXincai.area ?? 0)) },
  };
}
