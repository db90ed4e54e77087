/**
 * The demo city's supplies over the last two weeks: the city's 市防疫物资库, the county stores of
 * 驿城区, 确山县 and 新蔡县, and community points in 雪松社区 and 东高社区. Units bring masks, 84
 * disinfectant and alcohol; shops and people bring instant noodles, sausages and bread for the
 * checkpoint staff (as the report tells). The city sends on to the counties, the district to its
 * checkpoints, teams and communities, most signed for by the receivers; one donation keyed in twice
 * is reversed; 雪松社区's masks end below their threshold, so a low-stock alert is waiting.
 * Everything goes through the real services as the people named would do it; afterwards each
 * record's times are set to the day it happened (the services stamp "now").
 */
import type { Kysely } from 'kysely';
import { addDays, calendarDate, zonedInstant } from '../platform/dates.ts';
import { refNumbering } from '../platform/db/refs.ts';
import type { Database } from '../platform/db/schema.ts';
import type { Deps } from '../platform/deps.ts';
import { accountsService } from '../features/accounts/accounts.service.ts';
import { checkpointsService } from '../features/checkpoints/checkpoints.service.ts';
import { householdsService } from '../features/households/households.service.ts';
import { findRegionByCode } from '../features/regions/regions.repository.ts';
import { regionsService } from '../features/regions/regions.service.ts';
import { suppliesService } from '../features/supplies/supplies.service.ts';
import { teamsService } from '../features/teams/teams.service.ts';
import { unitsService } from '../features/units/units.service.ts';
import { volunteersService } from '../features/volunteers/volunteers.service.ts';
import { seededRandom } from './demo-people.ts';
import { requireDemoActor } from './demo-actors.ts';

export interface DemoSuppliesSummary {
  stores: number;
  donations: number;
  allocations: number;
  confirmed: number;
  transfers: number;
  reversals: number;
  lowItems: number;
}

const DAYS = 14;
const item = (code: string) => `item-${code}`;
type Lines = { itemId: string; quantity: number }[];

/** Shops and people of the district who brought food for the checkpoint staff (made-up names). */
const FOOD_DONORS = ['天中爱心超市', '驿城区个体工商户协会', '雪松路便民超市', '驻马店市餐饮行业协会'];
const PERSON_DONORS = ['王先生', '刘女士', '陈师傅'];

const actorOf = (db: Kysely<Database>, login: string) => requireDemoActor(db, login, 'demo supplies');

export async function loadDemoSupplies(deps: Deps): Promise<DemoSuppliesSummary | null> {
  const { db } = deps.db;
  if (await db.selectFrom('stores').select('id').limit(1).executeTakeFirst()) return null;
  if (!(await db.selectFrom('checkpoints').select('id').limit(1).executeTakeFirst())) return null;

  const regions = regionsService(deps);
  const units = unitsService(deps, regions);
  const accounts = accountsService(deps, regions);
  const volunteers = volunteersService(deps, { regions, units });
  const teams = teamsService(deps, { regions, volunteers });
  const checkpoints = checkpointsService(deps, { regions, teams });
  const households = householdsService(deps, { regions });
  const { catalogue, donations, allocations, transfers } = suppliesService(deps, {
    regions,
    accounts,
    checkpoints,
    teams,
    households,
  });

  const commander = await actorOf(db, 'commander');
  const yicheng = await actorOf(db, 'yicheng');
  const xuesong = await actorOf(db, 'xuesong');
  const leader = await actorOf(db, 'leader');
  const rnd = seededRandom(20200206);
  const between = (lo: number, hi: number, step = 1) => lo + step * Math.floor((rnd() * (hi - lo + step)) / step);
  const tz = deps.config.timeZone;
  const today = calendarDate(tz);
  const region = async (code: string) => {
    const r = await findRegionByCode(db, code);
    if (!r) throw new Error(`demo supplies: region ${code} is missing`);
    return r;
  };

  // 1. Stores, with keepers and thresholds.
  const store = async (code: string, name: string, address: string, keeper: string) =>
    (
      await catalogue.createStore(commander.actor, commander.call, {
        regionId: (await region(code)).id,
        name,
        address,
        keeperAccountId: (await actorOf(db, keeper)).actor.accountId,
      })
    ).id;
  const cityStore = await store('411700', '市防疫物资库', '驿城区雪松大道与中华路交叉口市物资储备中心', 'commander');
  const yichengStore = await store('411702', '驿城区防疫物资库', '驿城区解放路 88 号区应急管理局院内', 'yicheng');
  const queshanStore = await store('411725', '确山县防疫物资库', '确山县盘龙街道朗陵路 12 号', 'commander');
  const xincaiStore = await store('411729', '新蔡县防疫物资库', '新蔡县古吕街道今是路 6 号', 'commander');
  const xuesongStore = await store('411702008-001', '雪松社区物资点', '雪松社区党群服务中心一楼', 'xuesong');
  const donggaoStore = await store('411702002-001', '东高社区物资点', '东高社区居委会', 'yicheng');
  const thresholds = async (id: string, t: [string, number][]) =>
    catalogue.setThresholds(commander.actor, commander.call, id, {
      items: t.map(([code, lowAt]) => ({ itemId: item(code), lowAt })),
    });
  await thresholds(cityStore, [
    ['mask_medical', 10000],
    ['disinfectant_84', 200],
    ['alcohol_75', 200],
  ]);
  await thresholds(yichengStore, [
    ['mask_medical', 2000],
    ['disinfectant_84', 40],
    ['alcohol_75', 40],
    ['instant_noodles', 20],
  ]);
  await thresholds(xuesongStore, [
    ['mask_medical', 500],
    ['disinfectant_84', 10],
    ['instant_noodles', 5],
  ]);

  // Who gives, and where things go.
  const unitIds = async (regionCode: string, names: string[]) => {
    const r = await region(regionCode);
    const rows = await db
      .selectFrom('units')
      .select(['id', 'name'])
      .where('regionId', '=', r.id)
      .where('name', 'in', names)
      .execute();
    return rows.map((u) => u.id);
  };
  const cityUnits = await unitIds('411700', ['市科技局', '市财政局', '市烟草专卖局', '市住建局', '市交通运输局', '市教育局']);
  const districtUnits = await unitIds('411702', ['区卫健委', '区教育局', '区交通运输局']);
  const yichengPath = (await region('411702')).path;
  const cps = await db
    .selectFrom('checkpoints')
    .innerJoin('regions', 'regions.id', 'checkpoints.regionId')
    .select(['checkpoints.id', 'regions.code'])
    .where('regions.path', 'like', `${yichengPath}%`)
    .where('checkpoints.status', '=', 'active')
    .orderBy('checkpoints.name')
    .execute();
  const xuesongCps = cps.filter((c) => c.code?.startsWith('411702008-001')).map((c) => c.id);
  const districtCps = cps.map((c) => c.id);
  const xuesongTeam = await db.selectFrom('teams').select('id').where('name', '=', '雪松社区志愿服务队').executeTakeFirst();
  const districtTeams = await db
    .selectFrom('teams')
    .innerJoin('regions', 'regions.id', 'teams.regionId')
    .select('teams.id')
    .where('regions.code', '=', '411702')
    .execute();
  const donggao = await region('411702002-001');
  const donggaoHomes = await db
    .selectFrom('households')
    .innerJoin('regions', 'regions.id', 'households.regionId')
    .select('households.id')
    .where('regions.path', 'like', `${donggao.path}%`)
    .orderBy('households.id')
    .limit(6)
    .execute();

  // Times: each record is moved to the day it happened, at a plausible hour.
  const loadedAt = Date.now();
  // Today's records happened earlier today, never later than the load itself.
  const at = (day: string, hour: number) => {
    const when = zonedInstant(tz, day, `${String(hour).padStart(2, '0')}:${String(between(0, 59)).padStart(2, '0')}`).getTime();
    const start = zonedInstant(tz, day, '00:00').getTime();
    return new Date(when < loadedAt ? when : Math.max(start, loadedAt - between(5, 90) * 60_000)).toISOString();
  };
  const numbering = refNumbering();
  const dayRef = numbering.next;
  const moved = async (
    column: 'donationId' | 'allocationId' | 'transferId',
    id: string,
    when: string,
    day: string,
    kind?: string,
  ) => {
    let q = db.updateTable('stockMovements').set({ at: when, onDate: day, createdAt: when }).where(column, '=', id);
    if (kind) q = q.where('kind', kind === 'reversal' ? '=' : '!=', 'reversal');
    await q.execute();
  };

  const summary: DemoSuppliesSummary = {
    stores: 6,
    donations: 0,
    allocations: 0,
    confirmed: 0,
    transfers: 0,
    reversals: 0,
    lowItems: 0,
  };

  async function donate(
    day: string,
    storeId: string,
    by: typeof yicheng,
    donor: { kind: 'unit' | 'person'; name?: string; unitId?: string; mobile?: string; anonymous?: boolean },
    lines: Lines,
  ) {
    const d = await donations.create(by.actor, by.call, {
      storeId,
      donorKind: donor.kind,
      ...(donor.name ? { donorName: donor.name } : {}),
      ...(donor.unitId ? { donorUnitId: donor.unitId } : {}),
      ...(donor.mobile ? { donorMobile: donor.mobile } : {}),
      ...(donor.anonymous ? { anonymous: true } : {}),
      receivedOn: day,
      lines,
    });
    const when = at(day, between(8, 17));
    await db.updateTable('donations').set({ createdAt: when }).where('id', '=', d.id).execute();
    await moved('donationId', d.id, when, day, 'original');
    summary.donations++;
    return d.id;
  }

  async function send(
    day: string,
    storeId: string,
    by: typeof yicheng,
    toKind: 'checkpoint' | 'team' | 'region' | 'household',
    toId: string,
    lines: Lines,
    signer: typeof yicheng | null,
    purpose: string,
  ) {
    const a = await allocations.create(by.actor, by.call, { storeId, toKind, toId, purpose, lines });
    const when = at(day, between(8, 12));
    await db
      .updateTable('allocations')
      .set({ sentAt: when, createdAt: when, ref: dayRef('FF', day) })
      .where('id', '=', a.id)
      .execute();
    await moved('allocationId', a.id, when, day);
    summary.allocations++;
    if (signer) {
      await allocations.confirm(signer.actor, signer.call, a.id, rnd() < 0.3 ? { note: '已清点，数量无误' } : {});
      const signed = at(day, between(13, 20));
      await db
        .updateTable('allocations')
        .set({ confirmedAt: signed > when ? signed : when })
        .where('id', '=', a.id)
        .execute();
      summary.confirmed++;
    }
    return a.id;
  }

  async function move(day: string, from: string, to: string, by: typeof yicheng, lines: Lines, note: string) {
    const t = await transfers.create(by.actor, by.call, { fromStoreId: from, toStoreId: to, note, lines });
    const when = at(day, between(9, 16));
    await db
      .updateTable('transfers')
      .set({ at: when, createdAt: when, ref: dayRef('DB', day) })
      .where('id', '=', t.id)
      .execute();
    await moved('transferId', t.id, when, day);
    summary.transfers++;
  }

  const pickOf = <T>(list: readonly T[]) => list[Math.floor(rnd() * list.length)]!;
  const protective = (masks: number): Lines => [
    { itemId: item('mask_medical'), quantity: masks },
    { itemId: item('disinfectant_84'), quantity: between(60, 200, 10) },
    { itemId: item('alcohol_75'), quantity: between(60, 200, 10) },
  ];
  const food = (): Lines => [
    { itemId: item('instant_noodles'), quantity: between(20, 60, 5) },
    { itemId: item('sausages'), quantity: between(10, 30, 5) },
    { itemId: item('bread'), quantity: between(10, 30, 5) },
    { itemId: item('milk'), quantity: between(10, 20) },
    ...(rnd() < 0.5 ? [{ itemId: item('bottled_water'), quantity: between(20, 50, 5) }] : []),
  ];
  const forPost = (): Lines => [
    { itemId: item('mask_medical'), quantity: between(100, 300, 50) },
    { itemId: item('disinfectant_84'), quantity: between(2, 6) },
    { itemId: item('instant_noodles'), quantity: between(2, 4) },
    { itemId: item('sausages'), quantity: between(1, 2) },
    ...(rnd() < 0.5 ? [{ itemId: item('bread'), quantity: 1 }] : []),
  ];

  // 2. Two weeks, day by day.
  for (let ago = DAYS - 1; ago >= 0; ago--) {
    const day = addDays(today, -ago);
    await donate(day, cityStore, commander, { kind: 'unit', unitId: pickOf(cityUnits) }, protective(between(5000, 12000, 500)));
    // Food every other day, protective gear on the others; both on the first.
    if (ago % 2 === 0 || ago === DAYS - 1) {
      await donate(day, yichengStore, yicheng, { kind: 'unit', name: pickOf(FOOD_DONORS), anonymous: rnd() < 0.15 }, food());
    }
    if (ago % 2 === 1) {
      await donate(
        day,
        yichengStore,
        yicheng,
        { kind: 'unit', unitId: pickOf(districtUnits) },
        protective(between(2500, 4000, 500)),
      );
    }
    if (ago % 4 === 1) {
      await donate(
        day,
        yichengStore,
        yicheng,
        { kind: 'person', name: pickOf(PERSON_DONORS), mobile: `1390396${String(between(1000, 9999))}` },
        [
          { itemId: item('bottled_water'), quantity: between(5, 20) },
          { itemId: item('bread'), quantity: between(3, 10) },
        ],
      );
    }
    if (ago % 3 === 0) {
      await donate(day, queshanStore, commander, { kind: 'unit', name: '确山县爱心企业联合会' }, [
        ...protective(between(1000, 3000, 500)),
        ...food(),
      ]);
      await donate(day, xincaiStore, commander, { kind: 'unit', name: '新蔡县商会' }, [
        ...protective(between(1000, 3000, 500)),
        ...food(),
      ]);
    }
    // The city sends on to the counties every third day.
    if (ago % 3 === 2) {
      for (const county of [yichengStore, queshanStore, xincaiStore]) {
        await move(
          day,
          cityStore,
          county,
          commander,
          [
            { itemId: item('mask_medical'), quantity: between(2000, 4000, 500) },
            { itemId: item('disinfectant_84'), quantity: between(30, 60, 10) },
            { itemId: item('alcohol_75'), quantity: between(30, 60, 10) },
          ],
          '市指挥部统一调拨',
        );
      }
    }
    // The district supplies its checkpoints; the last day's are still on their way.
    for (let i = 0; i < 4; i++) {
      await send(
        day,
        yichengStore,
        yicheng,
        'checkpoint',
        pickOf(districtCps),
        forPost(),
        ago > 0 || i < 2 ? yicheng : null,
        '卡点值守人员防护与餐食',
      );
    }
    if (ago % 5 === 0 && districtTeams.length) {
      await send(
        day,
        yichengStore,
        yicheng,
        'team',
        pickOf(districtTeams).id,
        protective(between(300, 600, 100)),
        yicheng,
        '突击队消杀作业',
      );
    }
  }

  // 3. The community points: 雪松社区 gets two consignments and hands nearly all its masks out.
  await move(
    addDays(today, -10),
    yichengStore,
    xuesongStore,
    yicheng,
    [
      { itemId: item('mask_medical'), quantity: 1500 },
      { itemId: item('disinfectant_84'), quantity: 30 },
      { itemId: item('alcohol_75'), quantity: 20 },
      { itemId: item('instant_noodles'), quantity: 15 },
    ],
    '社区卡点补充',
  );
  await move(
    addDays(today, -4),
    yichengStore,
    xuesongStore,
    yicheng,
    [{ itemId: item('mask_medical'), quantity: 1000 }],
    '社区卡点补充',
  );
  await move(
    addDays(today, -6),
    yichengStore,
    donggaoStore,
    yicheng,
    [
      { itemId: item('mask_medical'), quantity: 800 },
      { itemId: item('disinfectant_84'), quantity: 20 },
      { itemId: item('milk'), quantity: 10 },
    ],
    '入户排查人员用',
  );
  const xuesongRegion = await region('411702008-001');
  const xuesongOut = [500, 400, 300, 450, 400, 250];
  for (const [i, masks] of xuesongOut.entries()) {
    const day = addDays(today, -9 + i + (i >= 3 ? 3 : 0));
    const lines: Lines = [
      { itemId: item('mask_medical'), quantity: masks },
      { itemId: item('disinfectant_84'), quantity: 3 },
    ];
    if (i % 2 === 0 && xuesongTeam) {
      // The last one waits on 赵志刚's phone (待签收).
      await send(day, xuesongStore, xuesong, 'team', xuesongTeam.id, lines, i < 4 ? leader : null, '志愿者入户消杀');
    } else {
      const [kind, to] = xuesongCps.length
        ? (['checkpoint', pickOf(xuesongCps)] as const)
        : (['region', xuesongRegion.id] as const);
      await send(day, xuesongStore, xuesong, kind, to, lines, xuesong, '卡点值守');
    }
  }
  if (xuesongTeam) {
    await send(
      today,
      xuesongStore,
      xuesong,
      'team',
      xuesongTeam.id,
      [{ itemId: item('instant_noodles'), quantity: 3 }],
      null,
      '夜班值守餐食',
    );
  }
  for (const [i, home] of donggaoHomes.entries()) {
    await send(
      addDays(today, -5 + (i % 3)),
      donggaoStore,
      yicheng,
      'household',
      home.id,
      [{ itemId: item('milk'), quantity: 1 }],
      yicheng,
      '居家隔离户生活物资',
    );
  }

  // 4. One donation keyed in twice: the second is reversed.
  const twiceOn = addDays(today, -6);
  const twice: Lines = [{ itemId: item('gloves'), quantity: 500 }];
  await donate(twiceOn, yichengStore, yicheng, { kind: 'unit', unitId: pickOf(districtUnits) }, twice);
  const duplicate = await donate(twiceOn, yichengStore, yicheng, { kind: 'unit', unitId: pickOf(districtUnits) }, twice);
  await donations.reverse(yicheng.actor, yicheng.call, duplicate, { reason: '同一批捐赠重复录入' });
  const reversedAt = at(twiceOn, 18);
  await db.updateTable('donations').set({ reversedAt }).where('id', '=', duplicate).execute();
  await moved('donationId', duplicate, reversedAt, twiceOn, 'reversal');
  summary.reversals = 1;

  summary.lowItems = (await catalogue.stock(commander.actor, { lowOnly: true })).total;
  await numbering.save(db);
  return summary;
}
