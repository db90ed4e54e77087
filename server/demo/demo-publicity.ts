/**
 * The demo's publicity (宣传) and announcements (公告). Two weeks of entries as the volunteers
 * logged them: in 雪松社区 the report's 120 health posters and 50 government notices at the estate
 * gates and notice boards, leaflets handed out every day at the 京港澳高速 驻马店北站 and 南站
 * exits, broadcast vehicles through the villages, messages to the residents' groups of every
 * community. Announcements: the city's epidemic-control notice, the district's call to register
 * returnees, 雪松社区's closed-management notice, its grocery-delivery plan scheduled for
 * tomorrow morning, one expired and one withdrawn. Runs after the duty and volunteers demos
 * (checkpoints, teams); written in one transaction.
 */
import type { PublicityMaterial } from '../../common/enums.ts';
import { findAccountForLogin } from '../features/accounts/accounts.repository.ts';
import { findRegionByCode } from '../features/regions/regions.repository.ts';
import { startsWith } from '../platform/db/dialect.ts';
import { addDays, calendarDate, zonedInstant } from '../platform/dates.ts';
import { newId, nowIso } from '../platform/db/ids.ts';
import type { AnnouncementTable, PublicityLogTable } from '../platform/db/schema.ts';
import type { Deps } from '../platform/deps.ts';
import { CITY_CODE } from './demo-data.ts';
import { pick, seededRandom, type Random } from './demo-people.ts';

export interface DemoPublicitySummary {
  logs: number;
  /** 雪松社区's posters and notices over the two weeks. */
  xuesongPosters: number;
  xuesongNotices: number;
  leaflets: number;
  announcements: number;
}

const DAYS = 14;
const XUESONG = '411702008-001';
const MOTORWAY_EXITS = ['411702100-001', '411702012-001'];
/** Villages with a work group and a loudspeaker van. */
const VILLAGES = ['411702100-002', '411725101-001', '411725101-002', '411725101-003'];
const COMMUNITIES = [
  '411702008-002',
  '411702008-003',
  '411702002-001',
  '411702002-002',
  '411702009-001',
  '411702009-002',
  '411702012-002',
  '411725001-001',
  '411725001-002',
  '411729001-001',
  '411729001-002',
];

/** 雪松社区's two weeks, as [days ago, how many]: 120 posters and 50 notices in all. */
const XUESONG_POSTERS: [number, number][] = [
  [13, 40],
  [12, 30],
  [10, 20],
  [7, 18],
  [4, 12],
];
const XUESONG_NOTICES: [number, number][] = [
  [13, 20],
  [11, 12],
  [6, 10],
  [2, 8],
];
const POSTER_TITLES = ['《新型冠状病毒感染的肺炎防控知识》', '《戴口罩、勤洗手、不聚集》', '《科学防护 居家防疫十条》'];
const NOTICE_TITLES = ['《疫情防控通告》', '《关于实行封闭式管理的通告》', '《致全市居民的一封信》'];
const LEAFLET_TITLES = ['《致返乡人员的一封信》', '《新型冠状病毒防控知识宣传单》'];
const BROADCASTS = ['防疫广播：不串门、不聚集、出门戴口罩', '防疫广播：返乡人员主动报备、居家隔离'];
const GROUP_MESSAGES = ['每日防控提醒', '出入管理与采购安排', '辟谣：正确认识新冠病毒', '居家隔离人员健康上报提醒'];
const NOTICE_PLACES = ['小区公告栏', '单元楼道', '小区出入口', '超市门口', '社区服务中心'];

export async function loadDemoPublicity(deps: Deps): Promise<DemoPublicitySummary | null> {
  const {
    db: { db },
    config: { timeZone },
  } = deps;
  if (
    (await db.selectFrom('publicityLogs').select('id').limit(1).executeTakeFirst()) ||
    (await db.selectFrom('announcements').select('id').limit(1).executeTakeFirst())
  )
    return null;
  const city = await findRegionByCode(db, CITY_CODE);
  const xuesong = await findRegionByCode(db, XUESONG);
  if (!city || !xuesong) throw new Error('demo publicity: load the demo city first');
  const account = async (login: string) => {
    const a = await findAccountForLogin(db, login);
    if (!a) throw new Error(`demo publicity: account ${login} is missing`);
    return a.id;
  };
  const who = {
    volunteer: await account('volunteer'),
    leader: await account('leader'),
    xuesong: await account('xuesong'),
    yicheng: await account('yicheng'),
    commander: await account('commander'),
  };
  const rnd: Random = seededRandom(20200125);
  const now = Date.now();
  const today = calendarDate(timeZone, new Date(now));
  const logs: PublicityLogTable[] = [];

  const checkpointsUnder = (path: string) =>
    db
      .selectFrom('checkpoints as c')
      .innerJoin('regions as r', 'r.id', 'c.regionId')
      .select(['c.id', 'c.name', 'c.regionId'])
      .where(startsWith('r.path', path))
      .where('c.status', '=', 'active')
      .orderBy('c.name')
      .execute();
  const teamOf = async (regionId: string, like: string) =>
    (
      await db
        .selectFrom('teams')
        .select('id')
        .where('regionId', '=', regionId)
        .where('name', 'like', like)
        .orderBy('name')
        .executeTakeFirst()
    )?.id ?? null;

  /** One entry `daysAgo` days back at about `time` local; none in the future. */
  function log(
    o: {
      regionId: string;
      material: PublicityMaterial;
      title: string;
      quantity: number;
      by: string;
      checkpointId?: string | null;
      place?: string | null;
      teamId?: string | null;
      note?: string | null;
    },
    daysAgo: number,
    time: string,
  ) {
    const on = addDays(today, -daysAgo);
    const at = zonedInstant(timeZone, on, time).getTime() + Math.floor(rnd() * 50) * 60_000;
    if (at > now - 5 * 60_000) return;
    logs.push({
      id: newId(),
      regionId: o.regionId,
      checkpointId: o.checkpointId ?? null,
      material: o.material,
      title: o.title,
      quantity: o.quantity,
      place: o.place ?? null,
      doneAt: nowIso(new Date(at)),
      doneOn: on,
      byAccountId: o.by,
      teamId: o.teamId ?? null,
      note: o.note ?? null,
      createdAt: nowIso(new Date(Math.min(now, at + 10 * 60_000))),
    });
  }

  // 雪松社区: posters and notices at the gates and boards, split over a few volunteers' rounds.
  const xuesongGates = await checkpointsUnder(xuesong.path);
  const xuesongTeam = await teamOf(xuesong.id, '%志愿服务队');
  const rounds = (plan: [number, number][], material: PublicityMaterial, titles: string[], time: string) => {
    for (const [daysAgo, total] of plan) {
      let left = total;
      while (left > 0) {
        // A round is 4–13; what would be left too small to be a round goes with this one.
        const round = 4 + Math.floor(rnd() * 10);
        const n = left - round < 4 ? left : round;
        left -= n;
        const gate = xuesongGates.length && rnd() < 0.6 ? pick(rnd, xuesongGates) : null;
        log(
          {
            regionId: gate?.regionId ?? xuesong.id,
            checkpointId: gate?.id ?? null,
            material,
            title: pick(rnd, titles),
            quantity: n,
            place: gate ? '门岗宣传栏' : pick(rnd, NOTICE_PLACES),
            by: rnd() < 0.6 ? who.volunteer : who.leader,
            teamId: xuesongTeam,
          },
          daysAgo,
          time,
        );
      }
    }
  };
  rounds(XUESONG_POSTERS, 'poster', POSTER_TITLES, '09:00');
  rounds(XUESONG_NOTICES, 'notice', NOTICE_TITLES, '14:30');
  log(
    {
      regionId: xuesong.id,
      material: 'banner',
      title: '众志成城 抗击疫情',
      quantity: 4,
      place: '雪松路沿线',
      by: who.leader,
      teamId: xuesongTeam,
    },
    12,
    '10:00',
  );

  // Leaflets to every car leaving the motorway, every day, at both stations' exits.
  const shock = await db.selectFrom('teams').select('id').where('name', '=', '驿城区党员突击队第一分队').executeTakeFirst();
  for (const code of MOTORWAY_EXITS) {
    const station = await findRegionByCode(db, code);
    if (!station) continue;
    const exits = (await checkpointsUnder(station.path)).filter((c) => c.name.includes('出口'));
    for (let d = DAYS - 1; d >= 0; d--) {
      for (const exit of exits) {
        for (const time of ['08:30', '15:00']) {
          log(
            {
              regionId: exit.regionId,
              checkpointId: exit.id,
              material: 'leaflet',
              title: pick(rnd, LEAFLET_TITLES),
              quantity: 100 + Math.floor(rnd() * 30) * 10,
              place: '收费站出口测温点',
              by: who.yicheng,
              teamId: shock?.id ?? null,
            },
            d,
            time,
          );
        }
      }
    }
  }

  // Loudspeaker vans through the villages, most days; the quantity is the number of runs.
  for (const code of VILLAGES) {
    const village = await findRegionByCode(db, code);
    if (!village) continue;
    const team = await teamOf(village.id, '%工作组');
    for (let d = DAYS - 1; d >= 0; d--) {
      if (rnd() < 0.25) continue;
      log(
        {
          regionId: village.id,
          material: 'broadcast_vehicle',
          title: pick(rnd, BROADCASTS),
          quantity: 1 + Math.floor(rnd() * 3),
          place: `${village.name}主干道及各自然村`,
          by: code.startsWith('411702') ? who.yicheng : who.commander,
          teamId: team,
        },
        d,
        '07:30',
      );
    }
  }

  // The residents' groups of every community (雪松社区 first), every day or two.
  for (const code of [XUESONG, ...COMMUNITIES]) {
    const community = code === XUESONG ? xuesong : await findRegionByCode(db, code);
    if (!community) continue;
    const team = await teamOf(community.id, '%志愿服务队');
    const by =
      code === XUESONG
        ? who.xuesong
        : code.startsWith('411702008')
          ? who.leader
          : code.startsWith('411702')
            ? who.yicheng
            : who.commander;
    for (let d = DAYS - 1; d >= 0; d--) {
      if (rnd() < 0.4) continue;
      log(
        {
          regionId: community.id,
          material: 'group_message',
          title: pick(rnd, GROUP_MESSAGES),
          quantity: 2 + Math.floor(rnd() * 5),
          place: `${community.name}居民微信群`,
          by,
          teamId: team,
        },
        d,
        '19:00',
      );
    }
    // And a round of posters and notices in the first days.
    if (code !== XUESONG) {
      log(
        {
          regionId: community.id,
          material: 'poster',
          title: pick(rnd, POSTER_TITLES),
          quantity: 10 + Math.floor(rnd() * 30),
          place: pick(rnd, NOTICE_PLACES),
          by,
          teamId: team,
        },
        12,
        '09:30',
      );
      log(
        {
          regionId: community.id,
          material: 'notice',
          title: pick(rnd, NOTICE_TITLES),
          quantity: 5 + Math.floor(rnd() * 15),
          place: pick(rnd, NOTICE_PLACES),
          by,
          teamId: team,
        },
        11,
        '15:00',
      );
    }
  }

  const announcements = await demoAnnouncements(deps, { city: city.id, xuesong: xuesong.id, today, now, who });
  await db.transaction().execute(async (trx) => {
    for (let i = 0; i < logs.length; i += 200)
      await trx
        .insertInto('publicityLogs')
        .values(logs.slice(i, i + 200))
        .execute();
    await trx.insertInto('announcements').values(announcements).execute();
  });
  const sum = (f: (l: PublicityLogTable) => boolean) => logs.filter(f).reduce((s, l) => s + l.quantity, 0);
  return {
    logs: logs.length,
    xuesongPosters: sum((l) => l.material === 'poster' && xuesongIds(l, xuesong.id, xuesongGates)),
    xuesongNotices: sum((l) => l.material === 'notice' && xuesongIds(l, xuesong.id, xuesongGates)),
    leaflets: sum((l) => l.material === 'leaflet'),
    announcements: announcements.length,
  };
}

const xuesongIds = (l: PublicityLogTable, xuesongId: string, gates: { regionId: string }[]) =>
  l.regionId === xuesongId || gates.some((g) => g.regionId === l.regionId);

const CITY_NOTICE = `为切实做好新型冠状病毒感染的肺炎疫情防控工作，保障人民群众生命安全和身体健康，现就有关事项通告如下：

一、全市各小区（村）实行封闭式管理，居民凭出入证进出，进出一律测量体温、登记信息。
二、暂停各类聚集性活动，居民非必要不外出，外出必须佩戴口罩。
三、近14天内有湖北等疫情重点地区旅居史的人员，须主动向所在社区（村）报告，并居家隔离14天。
四、出现发热、干咳等症状的，请立即联系社区医生，不要自行前往医院。
五、对拒不执行防控措施的，依法依规严肃处理。

疫情防控，人人有责。让我们众志成城，共同打赢疫情防控阻击战！`;

const DISTRICT_NOTICE = `凡近14天内从外地返回驿城区的人员，请于到达当日向所在社区（村）报备，如实填写返乡人员登记表，并按要求居家隔离观察。
隔离期间每天早晚两次通过个人上报链接报告体温；如有不适或生活困难，请在上报时填写求助内容，社区将安排医生和志愿者上门。
隐瞒行程、拒不报备的，将依法追究责任。`;

const CLOSED_MANAGEMENT = `各位居民：
为做好疫情防控工作，自即日起雪松社区各小区实行封闭式管理：
1. 各小区仅保留一个出入口，其余出入口一律关闭；
2. 居民凭出入证进出，每户每两天可派一名家庭成员外出采购生活物资；
3. 外来人员、车辆一律不得进入，快递、外卖放在门口指定位置自取；
4. 进出请配合志愿者测量体温、出示出入证。
感谢大家的理解与配合！
雪松社区居委会`;

const DELIVERY = `为减少居民外出，社区联合辖区超市开展生活物资集中配送：
· 每天 8:00–10:00 在各网格居民群接龙下单（蔬菜包、米面油、肉蛋奶）；
· 当天 16:00 前由志愿者送到楼栋门口，无接触交接；
· 居家隔离户请通过个人上报页面填写求助，或电话联系网格员代购。
价格按超市当日价格结算，不加价。`;

const SPRING_FESTIVAL = `春节将至，为阻断疫情传播，倡议全体居民：不走亲、不串门、不聚餐，用电话、视频拜年；婚事缓办、丧事简办、宴会不办。`;

const MARKET = `因防控需要，雪松农贸市场自明日起临时关闭，恢复时间另行通知。`;

/** The demo's announcements, written as the staff would have published them. */
async function demoAnnouncements(
  deps: Deps,
  o: { city: string; xuesong: string; today: string; now: number; who: Record<'xuesong' | 'yicheng' | 'commander', string> },
): Promise<AnnouncementTable[]> {
  const { timeZone } = deps.config;
  const district = await findRegionByCode(deps.db.db, '411702');
  const at = (daysAgo: number, time: string) => nowIso(zonedInstant(timeZone, addDays(o.today, -daysAgo), time));
  const row = (
    regionId: string,
    title: string,
    body: string,
    publishAt: string,
    expiresAt: string,
    by: string,
    withdrawnAt: string | null = null,
  ): AnnouncementTable => ({
    id: newId(),
    regionId,
    title,
    body,
    publishAt,
    expiresAt,
    withdrawnAt,
    withdrawnBy: withdrawnAt ? by : null,
    createdBy: by,
    createdAt: nowIso(new Date(Math.min(o.now, Date.parse(publishAt)) - 30 * 60_000)),
    updatedAt: withdrawnAt ?? nowIso(new Date(Math.min(o.now, Date.parse(publishAt)))),
  });
  const rows = [
    row(
      o.city,
      '驻马店市新型冠状病毒感染的肺炎疫情防控指挥部通告（第3号）',
      CITY_NOTICE,
      at(3, '10:00'),
      at(-27, '00:00'),
      o.who.commander,
    ),
    row(o.xuesong, '雪松社区关于实行封闭式管理的通知', CLOSED_MANAGEMENT, at(2, '08:00'), at(-12, '00:00'), o.who.xuesong),
    // Scheduled: residents see it from tomorrow morning.
    row(o.xuesong, '生活物资集中配送服务安排', DELIVERY, at(-1, '08:00'), at(-8, '00:00'), o.who.xuesong),
    row(o.xuesong, '关于春节期间减少走亲访友的倡议', SPRING_FESTIVAL, at(13, '09:00'), at(3, '00:00'), o.who.xuesong),
    row(o.xuesong, '雪松农贸市场临时关闭的通知', MARKET, at(5, '17:00'), at(-2, '00:00'), o.who.xuesong, at(4, '09:20')),
  ];
  if (district) {
    rows.splice(
      1,
      0,
      row(district.id, '驿城区关于返乡人员登记报备的通告', DISTRICT_NOTICE, at(6, '09:00'), at(-8, '00:00'), o.who.yicheng),
    );
  }
  return rows;
}
