/**
 * The demo city's day on the ground in 驿城区: the risk-area list, a discipline inspection group
 * and a liaison group, this morning's inspection visits (absences found where the roster's people
 * were missing), the issue ledger in every state (one overdue and escalated), and the passage log
 * of 雪松社区's checkpoints since midnight with its fevers and arrivals from Hubei turned into
 * follow-up tasks. Everything goes through the real services, as the people named would do it.
 */
import type { Kysely } from 'kysely';
import { addDays, calendarDate, zonedInstant } from '../platform/dates.ts';
import type { Database } from '../platform/db/schema.ts';
import type { Deps } from '../platform/deps.ts';
import { accountsService } from '../features/accounts/accounts.service.ts';
import { checkpointsService } from '../features/checkpoints/checkpoints.service.ts';
import { attendanceService } from '../features/duty/attendance.service.ts';
import { fieldIssuesService } from '../features/field-issues/field-issues.service.ts';
import { inspectionGroupsService } from '../features/inspections/inspection-groups.service.ts';
import { inspectionsService } from '../features/inspections/inspections.service.ts';
import { passagesService } from '../features/passages/passages.service.ts';
import { followUpsService } from '../features/quarantine/follow-ups.service.ts';
import { findRegionByCode } from '../features/regions/regions.repository.ts';
import { regionsService } from '../features/regions/regions.service.ts';
import { riskAreasService } from '../features/risk-areas/risk-areas.service.ts';
import { teamsService } from '../features/teams/teams.service.ts';
import { unitsService } from '../features/units/units.service.ts';
import { volunteersService } from '../features/volunteers/volunteers.service.ts';
import { seededRandom } from './demo-people.ts';
import { requireDemoActor } from './demo-actors.ts';

export interface DemoInspectionsSummary {
  riskAreas: number;
  groups: number;
  visits: number;
  absencesFound: number;
  issues: number;
  passages: number;
  followUps: number;
}

const MINUTE = 60_000;
const HOUR = 60 * MINUTE;

const FINDINGS = [
  '测温登记规范，人员精神状态良好。',
  '登记本字迹清楚，已提醒夜班注意保暖。',
  '消毒液剩余不多，已联系社区补充。',
  '宣传单发放到位，群众配合度高。',
  '帐篷漏风，建议增加取暖设备。',
];

const SURNAMES = '王李张刘陈杨黄赵吴周徐孙马朱胡郭何高林罗';
const GIVEN = '伟芳娜敏静丽强磊军洋勇艳杰娟涛明超秀霞平刚桂英华';
const PLATE_LETTERS = 'ABCDEFGHJKLMNPQRSTUVWXYZ';

const actorOf = (db: Kysely<Database>, login: string) => requireDemoActor(db, login, 'demo inspections');

export async function loadDemoInspections(deps: Deps): Promise<DemoInspectionsSummary | null> {
  const { db } = deps.db;
  if (await db.selectFrom('riskAreas').select('id').limit(1).executeTakeFirst()) return null;
  if (!(await db.selectFrom('checkpoints').select('id').limit(1).executeTakeFirst())) return null;

  const regions = regionsService(deps);
  const units = unitsService(deps, regions);
  const accounts = accountsService(deps, regions);
  const volunteers = volunteersService(deps, { regions, units });
  const teams = teamsService(deps, { regions, volunteers });
  const checkpoints = checkpointsService(deps, { regions, teams });
  const attendance = attendanceService(deps, { regions, volunteers, teams, checkpoints });
  const groups = inspectionGroupsService(deps, { regions, accounts });
  const inspections = inspectionsService(deps, { regions, volunteers, teams, checkpoints, attendance, groups });
  const fieldIssues = fieldIssuesService(deps, { regions, units, accounts, checkpoints, attendance, inspections });
  const riskAreas = riskAreasService(deps);
  const followUps = followUpsService(deps, { regions, accounts });
  const passages = passagesService(deps, { regions, checkpoints, attendance, riskAreas, followUps });

  const commander = await actorOf(db, 'commander');
  const inspector = await actorOf(db, 'inspector');
  const yicheng = await actorOf(db, 'yicheng');
  const xuesong = await actorOf(db, 'xuesong');
  const leader = await actorOf(db, 'leader');
  const sunLi = await actorOf(db, 'volunteer');
  const doctor = await actorOf(db, 'doctor');
  const rnd = seededRandom(20200216);
  const pick = <T>(list: readonly T[]): T => list[Math.floor(rnd() * list.length)]!;

  const now = Date.now();
  const tz = deps.config.timeZone;
  const today = calendarDate(tz, new Date(now));
  const region = async (code: string) => {
    const r = await findRegionByCode(db, code);
    if (!r) throw new Error(`demo inspections: region ${code} is missing`);
    return r;
  };
  const district = await region('411702');
  const xuesongStreet = await region('411702008');
  const xuesongCommunity = await region('411702008-001');

  // 1. The risk-area list (as in February 2020: all of Hubei; Wuhan high).
  await riskAreas.create(commander.actor, commander.call, {
    code: '420100',
    level: 'high',
    startsOn: addDays(today, -40),
    note: '武汉市全域',
  });
  await riskAreas.create(commander.actor, commander.call, {
    code: '420000',
    level: 'medium',
    startsOn: addDays(today, -40),
    note: '湖北省其他地区',
  });

  // 2. The groups: the district's discipline group, and a liaison group led by a district cadre.
  await groups.create(yicheng.actor, yicheng.call, {
    name: '驿城区纪检监察组',
    kind: 'discipline',
    regionId: district.id,
    areaRegionIds: [district.id],
    memberAccountIds: [inspector.actor.accountId],
    leaderAccountId: inspector.actor.accountId,
    note: '每日不定时抽查卡点人员到岗情况',
  });
  const liaison = await groups.create(yicheng.actor, yicheng.call, {
    name: '驿城区第一联络组',
    kind: 'liaison',
    regionId: district.id,
    areaRegionIds: [xuesongStreet.id],
    memberAccountIds: [yicheng.actor.accountId, inspector.actor.accountId],
    leaderAccountId: yicheng.actor.accountId,
    note: '由区级干部带队，每天走访雪松街道各卡点，现场解决问题',
  });

  // 3. This morning's visits: checkpoints of the district whose shifts were on a few hours ago.
  const earlier = await db
    .selectFrom('rosterShifts')
    .innerJoin('rosters', 'rosters.id', 'rosterShifts.rosterId')
    .innerJoin('checkpoints', 'checkpoints.id', 'rosterShifts.checkpointId')
    .innerJoin('regions', 'regions.id', 'checkpoints.regionId')
    .select(['rosterShifts.checkpointId', 'rosterShifts.startsAt', 'rosterShifts.endsAt', 'regions.path'])
    .where('rosters.status', '=', 'published')
    .where('regions.path', 'like', `${district.path}%`)
    .where('rosterShifts.startsAt', '<=', new Date(now - 2 * HOUR).toISOString())
    .where('rosterShifts.endsAt', '>', new Date(now - HOUR).toISOString())
    .orderBy('rosterShifts.checkpointId')
    .execute();
  const sunLiVolunteer = await db
    .selectFrom('volunteers')
    .select('id')
    .where('accountId', '=', sunLi.actor.accountId)
    .executeTakeFirst();
  const seen = new Set<string>();
  let visits = 0;
  let absencesFound = 0;
  let issues = 0;
  const visitsWithAbsence: { id: string; checkpointId: string }[] = [];
  for (const shift of earlier) {
    if (seen.has(shift.checkpointId) || visits >= 14 || rnd() < 0.5) continue;
    seen.add(shift.checkpointId);
    const start = Math.max(Date.parse(shift.startsAt) + 30 * MINUTE, now - 20 * HOUR);
    const end = Math.min(Date.parse(shift.endsAt), now - 10 * MINUTE);
    if (end <= start) continue;
    const visitedAt = new Date(start + rnd() * (end - start)).toISOString();
    const who = shift.path.startsWith(xuesongStreet.path) && rnd() < 0.5 ? yicheng : inspector;
    const crew = await inspections.crew(who.actor, shift.checkpointId, visitedAt);
    if (crew.crew.length === 0) continue;
    // 孙丽 checks in herself when the demo is shown: a visit before that would find her absent
    // from the shift she is still on, and an inspector's absence outranks her later check-in.
    if (crew.crew.some((p) => p.volunteerId === sunLiVolunteer?.id && Date.parse(p.endsAt) > now)) continue;
    const marks = crew.crew.map((p) => ({
      assignmentId: p.assignmentId,
      mark: (p.checkedInAt && p.checkedInAt <= visitedAt ? 'present' : 'absent') as 'present' | 'absent',
    }));
    const visit = await inspections.create(who.actor, who.call, {
      checkpointId: shift.checkpointId,
      visitedAt,
      groupId: who === yicheng ? liaison.id : (crew.groups[0]?.id ?? null),
      marks,
      ratings: {
        staffing: marks.some((m) => m.mark === 'absent') ? 2 : 4 + Math.round(rnd()),
        supplies: 3 + Math.round(rnd() * 2),
        registration: 3 + Math.round(rnd() * 2),
        attitude: 4 + Math.round(rnd()),
      },
      findings: pick(FINDINGS),
    });
    visits++;
    const absent = marks.filter((m) => m.mark === 'absent').length;
    absencesFound += absent;
    if (absent > 0 && who === inspector) visitsWithAbsence.push({ id: visit.id, checkpointId: shift.checkpointId });
  }

  // 4. The ledger: an unmanned post found on a visit, shortages and a resident in difficulty, in every state.
  for (const v of visitsWithAbsence.slice(0, 2)) {
    await fieldIssues.create(
      inspector.actor,
      inspector.call,
      {
        category: 'post_unmanned',
        title: '排班人员未到岗，卡点仅一人值守',
        description: '督查时发现排班人员未到岗，也未请假换班，请社区核实并补齐人员。',
        checkpointId: v.checkpointId,
        inspectionId: v.id,
      },
      'zh-CN',
    );
    issues++;
  }
  const xuesongCheckpoints = await db
    .selectFrom('checkpoints')
    .innerJoin('regions', 'regions.id', 'checkpoints.regionId')
    .select(['checkpoints.id', 'checkpoints.name'])
    .where('regions.path', 'like', `${xuesongCommunity.path}%`)
    .orderBy('checkpoints.name')
    .execute();
  const sunLiHere = (
    await Promise.all(
      xuesongCheckpoints.map(async (c) => ((await attendance.onDutyAt(sunLi.actor.accountId, c.id, new Date(now))) ? c : null)),
    )
  ).find((c) => c !== null);
  const masks = await fieldIssues.create(
    sunLiHere ? sunLi.actor : leader.actor,
    sunLiHere ? sunLi.call : leader.call,
    {
      category: 'supplies_shortage',
      title: '口罩只剩一天的量',
      description: '夜班两人每天各用 3 个，现有 8 个，请补充口罩和 84 消毒液。',
      ...(sunLiHere ? { checkpointId: sunLiHere.id } : { regionId: xuesongCommunity.id }),
    },
    'zh-CN',
  );
  await fieldIssues.setStatus(
    xuesong.actor,
    xuesong.call,
    masks.id,
    { to: 'in_progress', note: '已向街道申领，下午送到' },
    'zh-CN',
  );
  const heater = await fieldIssues.create(
    inspector.actor,
    inspector.call,
    {
      category: 'facility',
      title: '夜间值守帐篷漏风',
      description: '帐篷北侧开裂，夜间气温低，建议更换或加装挡风板。',
      checkpointId: xuesongCheckpoints[0]!.id,
    },
    'zh-CN',
  );
  await fieldIssues.setStatus(
    xuesong.actor,
    xuesong.call,
    heater.id,
    { to: 'resolved', note: '已更换新帐篷，并配了取暖器' },
    'zh-CN',
  );
  await fieldIssues.verify(inspector.actor, inspector.call, heater.id, { accepted: true, note: '现场查看已整改' }, 'zh-CN');
  const elderly = await fieldIssues.create(
    leader.actor,
    leader.call,
    {
      category: 'resident_difficulty',
      title: '独居老人缺少常用药',
      description: '3 号楼独居老人高血压药快吃完，子女在外地无法回来。',
      regionId: xuesongCommunity.id,
    },
    'zh-CN',
  );
  await fieldIssues.setStatus(
    xuesong.actor,
    xuesong.call,
    elderly.id,
    { to: 'resolved', note: '网格员已代购药品送到家中' },
    'zh-CN',
  );
  const sign = await fieldIssues.create(
    inspector.actor,
    inspector.call,
    {
      category: 'registration',
      title: '登记本未记录车辆牌照',
      checkpointId: xuesongCheckpoints[1]?.id ?? xuesongCheckpoints[0]!.id,
    },
    'zh-CN',
  );
  issues += 4;
  // Raised two days ago with a day to act, nobody took it on: the hourly job has moved it up.
  await db
    .updateTable('fieldIssues')
    .set({ deadline: new Date(now - 26 * HOUR).toISOString(), createdAt: new Date(now - 50 * HOUR).toISOString() })
    .where('id', '=', sign.id)
    .execute();
  await fieldIssues.escalate(new Date(now).toISOString());

  // 5. The passage log of 雪松社区's checkpoints since midnight (or the last six hours), logged by the community's staff
  //    (and by 孙丽 at her post for the last hour): a few fevers and arrivals from Hubei among them.
  const midnight = zonedInstant(tz, today, '00:00').getTime();
  // In the small hours "since midnight" is minutes: the last six hours then, so the log is not
  // dozens of passers in a few minutes (nearly all on 孙丽's new shift).
  const since = Math.min(Math.max(midnight, now - 23 * HOUR), now - 6 * HOUR);
  const origins = ['411702', '411702', '411702', '411721', '411724', '410100', '410100', '411500', '420102', '420900', '420100'];
  let logged = 0;
  for (const cp of xuesongCheckpoints.slice(0, 4)) {
    const count = 25 + Math.floor(rnd() * 20);
    for (let i = 0; i < count; i++) {
      const at = since + ((i + rnd()) / count) * (now - since - 5 * MINUTE);
      // Hers only while her shift was on: the hour before may belong to the shift before hers.
      const byHer =
        sunLiHere?.id === cp.id && at > now - HOUR && (await attendance.onDutyAt(sunLi.actor.accountId, cp.id, new Date(at)));
      const who = byHer ? sunLi : xuesong;
      const vehicle = rnd() < 0.3;
      const fever = rnd() < 0.03;
      const temperature = fever ? 37.6 + Math.round(rnd() * 8) / 10 : 36.1 + Math.round(rnd() * 9) / 10;
      const name = pick([...SURNAMES]) + pick([...GIVEN]) + (rnd() < 0.6 ? pick([...GIVEN]) : '');
      await passages.create(who.actor, who.call, {
        checkpointId: cp.id,
        occurredAt: new Date(at).toISOString(),
        direction: rnd() < 0.55 ? 'in' : 'out',
        subject: vehicle ? 'vehicle' : 'person',
        ...(vehicle
          ? {
              people: 1 + Math.floor(rnd() * 3),
              plate: `豫Q${pick([...PLATE_LETTERS])}${String(10000 + Math.floor(rnd() * 89999))}`,
            }
          : {}),
        name,
        mobile: `13${3 + Math.floor(rnd() * 7)}${String(Math.floor(rnd() * 1e9)).padStart(9, '0')}`,
        originCode: pick(origins),
        temperature,
        ...(temperature >= 37.3 ? { remeasured: fever ? temperature - 0.1 : 36.8 } : {}),
        purpose: pick(['home', 'home', 'work', 'shopping', 'medical', 'supplies'] as const),
        leaflets: rnd() < 0.4 ? 1 : 0,
      });
      logged++;
    }
  }
  // The doctor has already seen to the first fever of the day.
  const open = await followUps.list(doctor.actor, { kind: 'fever', status: 'open', limit: 1, offset: 0 });
  const first = open.items.at(-1);
  if (first) {
    await followUps.take(doctor.actor, doctor.call, first.id);
    await followUps.close(doctor.actor, doctor.call, first.id, {
      outcome: '上门复测 36.9°C，无咳嗽等症状，居家观察并每日上报体温',
    });
  }
  const followUpCount = await db
    .selectFrom('followUps')
    .select((eb) => eb.fn.countAll<number>().as('n'))
    .executeTakeFirstOrThrow();

  return {
    riskAreas: 2,
    groups: 2,
    visits,
    absencesFound,
    issues,
    passages: logged,
    followUps: Number(followUpCount.n),
  };
}
