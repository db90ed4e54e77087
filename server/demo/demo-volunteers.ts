/**
 * The demo city's volunteer mobilisation, made the way staff would make it: pledges submitted on
 * the public form, reviewed (approved, rejected, waitlisted, some still pending), teams of every
 * kind with sub-teams and temporary party branches, posts, status changes and commendations.
 * Everything goes through the real services, so the demo also exercises their rules.
 */
import type { MemberRoleTag, PostKind, TeamKind } from '../../common/enums.ts';
import { MEMBER_ROLE_TAGS } from '../../common/enums.ts';
import type { Actor } from '../platform/access/actor.ts';
import type { CallContext } from '../platform/audit/audit.ts';
import type { RateLimiter } from '../platform/auth/throttle.ts';
import type { Deps } from '../platform/deps.ts';
import { findAccountForLogin } from '../features/accounts/accounts.repository.ts';
import { accountsService } from '../features/accounts/accounts.service.ts';
import { findRegionByCode } from '../features/regions/regions.repository.ts';
import { regionsService } from '../features/regions/regions.service.ts';
import { teamsService } from '../features/teams/teams.service.ts';
import { unitsService } from '../features/units/units.service.ts';
import { pledgesService } from '../features/volunteers/pledges.service.ts';
import { volunteersService } from '../features/volunteers/volunteers.service.ts';
import { updateVolunteer } from '../features/volunteers/volunteers.repository.ts';
import { nowIso } from '../platform/db/ids.ts';
import { addDays, calendarDate } from '../platform/dates.ts';
import { DEMO_ACCOUNT_DATA, DEMO_COMMUNITIES } from './demo-data.ts';
import { demoPerson, pick, PLEDGE_TEXTS, seededRandom, type DemoPerson } from './demo-people.ts';

/** The public form's flood limit protects the platform, not the demo loader. */
const unlimited: RateLimiter = {
  hit: async () => 1,
  peek: async () => ({ count: 0, retryAfter: 0 }),
  clear: async () => {},
};

/** Pledges per county-level division with demo communities: the district carries most, as in the report. */
const PLEDGES_PER_COUNTY: Record<string, number> = { '411702': 420, '411725': 90, '411729': 90 };

const REJECT_REASONS = [
  '近 14 天有湖北旅居史，暂不安排一线任务',
  '年龄超过 65 岁，请在家做好自身防护',
  '本人申报有发热症状，痊愈后可再次报名',
];
const WAITLIST_REASONS = ['本单位名额已满，列入候补', '所在社区暂不缺人，列入候补，随时征召'];

export interface DemoVolunteersSummary {
  pledges: number;
  volunteers: number;
  teams: number;
  posts: number;
}

export async function loadDemoVolunteers(deps: Deps): Promise<DemoVolunteersSummary | null> {
  const { db } = deps.db;
  if (await db.selectFrom('pledges').select('id').limit(1).executeTakeFirst()) return null;
  const admin = await findAccountForLogin(db, 'admin');
  if (!admin) throw new Error('demo volunteers: load the demo city first');

  const regions = regionsService(deps);
  const units = unitsService(deps, regions);
  const accounts = accountsService(deps, regions);
  const volunteers = volunteersService(deps, { regions, units });
  const pledges = pledgesService({ ...deps, rateLimiter: unlimited }, { regions, units, accounts, volunteers });
  const teams = teamsService(deps, { regions, volunteers });

  const actor: Actor = {
    accountId: admin.id,
    login: admin.login,
    name: admin.name,
    grants: [{ id: 'demo', role: 'admin', regionId: null, regionPath: null }],
    sessionId: 'demo',
  };
  const call: CallContext = { actorId: admin.id, actorLogin: admin.login, ip: null };
  const rnd = seededRandom(20200210);
  const today = calendarDate(deps.config.timeZone);

  const regionByCode = async (code: string) => {
    const region = await findRegionByCode(db, code);
    if (!region) throw new Error(`demo volunteers: region ${code} is missing`);
    return region;
  };
  const allUnits = (await units.list(actor, { limit: 500 })).items;
  const countyUnits = (countyId: string) => allUnits.filter((u) => u.regionId === countyId);
  const cityUnits = allUnits.filter((u) => u.kind === 'city_unit');

  // Homes: every demo grid, with its county and a place name for addresses.
  const homes: { countyCode: string; gridId: string; communityName: string }[] = [];
  for (const [townshipCode, communities] of Object.entries(DEMO_COMMUNITIES)) {
    for (const c of communities) {
      for (let i = 1; i <= c.grids.length; i++) {
        const grid = await regionByCode(`${c.code}-${String(i).padStart(2, '0')}`);
        homes.push({ countyCode: townshipCode.slice(0, 6), gridId: grid.id, communityName: c.name });
      }
    }
  }

  // 1. Pledges, as people sent them from their phones. The demo's team leader and volunteer
  // accounts (赵志刚, 孙丽 of 雪松社区) come first, so they sign in to a record of their own.
  type Submitted = { person: DemoPerson; countyCode: string; reference: string; id: string; risky: boolean; login?: string };
  const submitted: Submitted[] = [];
  const xuesong = await regionByCode('411702008-001-01');
  for (const login of ['leader', 'volunteer']) {
    const account = DEMO_ACCOUNT_DATA.find((a) => a.login === login)!;
    const person = { ...demoPerson(rnd, '411702', '雪松社区'), name: account.name, mobile: account.mobile, partyMember: true };
    const { reference } = await pledges.submit({ actorId: null, actorLogin: null, ip: null }, 'demo', {
      ...person,
      partyBranch: '雪松社区党支部',
      unitId: null,
      unitName: '雪松社区居委会',
      regionId: xuesong.id,
      healthFever: false,
      healthRiskContact: false,
      healthNote: null,
      pledgeText: PLEDGE_TEXTS[0]!,
    });
    const row = await db.selectFrom('pledges').select('id').where('reference', '=', reference).executeTakeFirstOrThrow();
    submitted.push({ person, countyCode: '411702', reference, id: row.id, risky: false, login });
  }
  for (const [countyCode, count] of Object.entries(PLEDGES_PER_COUNTY)) {
    const county = await regionByCode(countyCode);
    const inCounty = homes.filter((h) => h.countyCode === countyCode);
    for (let i = 0; i < count; i++) {
      const home = pick(rnd, inCounty);
      const person = demoPerson(rnd, countyCode, home.communityName);
      const unitDraw = rnd();
      const unit = unitDraw < 0.55 ? pick(rnd, cityUnits) : unitDraw < 0.85 ? pick(rnd, countyUnits(county.id)) : null;
      const risky = rnd() < 0.05;
      const { reference } = await pledges.submit({ actorId: null, actorLogin: null, ip: null }, 'demo', {
        ...person,
        partyBranch: person.partyMember && unit ? `${unit.name}机关党支部` : null,
        unitId: unit?.id ?? null,
        unitName: unit ? null : pick(rnd, ['个体经营', '退休', '自由职业', '驻马店市某超市']),
        regionId: home.gridId,
        healthFever: risky && rnd() < 0.5,
        healthRiskContact: risky,
        healthNote: risky ? '春节期间曾途经武汉，已居家观察 10 天，无症状' : null,
        pledgeText: pick(rnd, PLEDGE_TEXTS),
      });
      const row = await db.selectFrom('pledges').select('id').where('reference', '=', reference).executeTakeFirstOrThrow();
      submitted.push({ person, countyCode, reference, id: row.id, risky });
    }
  }

  // 2. Review: risky declarations rejected, a few waitlisted, the last ones still pending, the rest approved.
  const approved: { volunteerId: string; person: DemoPerson; countyCode: string; login?: string }[] = [];
  for (const [i, s] of submitted.entries()) {
    const tail = submitted.length - i;
    if (tail <= 36) continue; // pending: the newest pledges wait for review
    if (s.risky || i % 37 === 5) {
      await pledges.decide(actor, call, s.id, { decision: 'reject', reason: pick(rnd, REJECT_REASONS) });
    } else if (i % 19 === 7) {
      await pledges.decide(actor, call, s.id, { decision: 'waitlist', reason: pick(rnd, WAITLIST_REASONS) });
    } else {
      const result = await pledges.decide(actor, call, s.id, { decision: 'approve' });
      if (!result.volunteer) continue;
      approved.push({
        volunteerId: result.volunteer.id,
        person: s.person,
        countyCode: s.countyCode,
        ...(s.login ? { login: s.login } : {}),
      });
      if (s.login) {
        const account = await findAccountForLogin(db, s.login);
        await updateVolunteer(db, result.volunteer.id, { accountId: account!.id }, nowIso());
      }
    }
  }

  // 3. A few volunteers paused (isolated, ill) or withdrawn, with reasons.
  for (const [i, v] of approved.entries()) {
    if (i % 41 === 3)
      await volunteers.setStatus(actor, call, v.volunteerId, {
        status: 'paused',
        reason: '密切接触者，居家隔离 14 天',
        effectiveOn: today,
      });
    else if (i % 97 === 11)
      await volunteers.setStatus(actor, call, v.volunteerId, {
        status: 'withdrawn',
        reason: '返回外地工作单位',
        effectiveOn: today,
      });
  }
  const active = approved.filter((_, i) => i % 41 !== 3 && i % 97 !== 11);

  // 4. Teams: per county a 突击队 with 分队, a 先锋队, an 应急服务队; 志愿服务队 in communities; 工作组 in villages.
  let teamCount = 0;
  let postCount = 0;
  const take = (pool: typeof active, n: number) => pool.splice(0, Math.min(n, pool.length));
  const countyName: Record<string, string> = { '411702': '驿城区', '411725': '确山县', '411729': '新蔡县' };
  const makeTeam = async (
    name: string,
    kind: TeamKind,
    regionId: string,
    members: typeof active,
    parentTeamId: string | null = null,
  ): Promise<string | null> => {
    if (members.length === 0) return null;
    const leader = members.find((m) => m.person.partyMember) ?? members[0]!;
    const team = await teams.create(actor, call, {
      name,
      kind,
      regionId,
      parentTeamId,
      leaderVolunteerId: leader.volunteerId,
      description: null,
    });
    teamCount++;
    const party = members.filter((m) => m.person.partyMember);
    for (const [i, m] of members.entries()) {
      if (m.volunteerId === leader.volunteerId) continue;
      const roleTags: MemberRoleTag[] = [MEMBER_ROLE_TAGS[i % MEMBER_ROLE_TAGS.length]!];
      await teams.addMember(actor, call, team.id, { volunteerId: m.volunteerId, roleTags, inBranch: false });
    }
    if (party.length >= 3) {
      const secretary = party.find((m) => m.volunteerId !== leader.volunteerId) ?? party[0]!;
      await teams.setBranch(actor, call, team.id, { name: `${name}临时党支部`, secretaryVolunteerId: secretary.volunteerId });
      for (const m of party) {
        if (m.volunteerId === secretary.volunteerId) continue;
        await teams.updateMember(actor, call, team.id, m.volunteerId, { inBranch: true });
      }
    }
    return team.id;
  };

  for (const countyCode of Object.keys(PLEDGES_PER_COUNTY)) {
    const county = await regionByCode(countyCode);
    const pool = active.filter((v) => v.countyCode === countyCode && !v.login);
    const shock = await makeTeam(`${countyName[countyCode]}党员突击队`, 'shock', county.id, take(pool, 8));
    if (shock) {
      for (const n of ['第一分队', '第二分队', '第三分队'])
        await makeTeam(`${countyName[countyCode]}党员突击队${n}`, 'shock', county.id, take(pool, 10), shock);
    }
    await makeTeam(`${countyName[countyCode]}党员先锋队`, 'vanguard', county.id, take(pool, 12));
    await makeTeam(`${countyName[countyCode]}应急服务队`, 'emergency', county.id, take(pool, 10));
    for (const [townshipCode, communities] of Object.entries(DEMO_COMMUNITIES)) {
      if (!townshipCode.startsWith(countyCode)) continue;
      for (const c of communities) {
        const region = await regionByCode(c.code);
        const isVillage = c.name.endsWith('村');
        const kind: TeamKind = isVillage ? 'work_group' : 'volunteer_service';
        // 雪松社区's team is led by the demo team leader (赵志刚), with the demo volunteer (孙丽) in it.
        const named = c.code === '411702008-001' ? active.filter((v) => v.login) : [];
        const teamMembers = [...named, ...take(pool, 9 - named.length)];
        const teamId = await makeTeam(isVillage ? `${c.name}工作组` : `${c.name}志愿服务队`, kind, region.id, teamMembers);
        // Posts: a vanguard post at each community's gate, a responsibility zone per grid, a model post here and there.
        const members = teamId ? (await teams.get(actor, teamId)).members : [];
        for (const [i, m] of members.slice(0, c.grids.length + 1).entries()) {
          const kindOfPost: PostKind = i === 0 ? 'vanguard_post' : i === 1 && !isVillage ? 'model_post' : 'responsibility_zone';
          const label =
            kindOfPost === 'responsibility_zone'
              ? `${c.grids[(i - 1) % c.grids.length]}党员责任区`
              : `${c.name}${kindOfPost === 'vanguard_post' ? '党员先锋岗' : '示范岗'}`;
          await teams.posts.create(actor, call, {
            kind: kindOfPost,
            name: label,
            volunteerId: m.volunteerId,
            regionId: region.id,
            teamId,
            description: null,
            startsOn: today,
            endsOn: null,
          });
          postCount++;
        }
      }
    }
  }

  // The demo city is two weeks into the campaign (rosters, reports and logs go back that far): its
  // volunteers have served since the start, so the dashboard's past days count them too.
  await db
    .updateTable('volunteers')
    .set({ statusSince: addDays(today, -16) })
    .where('status', '=', 'active')
    .execute();

  // 5. Commendations for the first volunteers of the district, as the report names model members.
  const reasons = [
    '主动请战，连续值守老旧小区卡点 14 天，坚持 24 小时轮班，测温登记无一遗漏',
    '带领网格志愿者完成 1,200 余户入户排查，摸清返乡人员底数',
    '为居家隔离家庭代购生活物资 60 余次，做到随叫随到、服务上门',
  ];
  for (const [i, v] of approved.slice(0, 12).entries()) {
    await volunteers.commend(actor, call, v.volunteerId, {
      title: i < 4 ? '优秀党员志愿者' : '疫情防控优秀志愿者（驿城区委组织部通报表扬）',
      reason: reasons[i % reasons.length]!,
      occurredOn: today,
    });
  }

  return { pledges: submitted.length, volunteers: approved.length, teams: teamCount, posts: postCount };
}
