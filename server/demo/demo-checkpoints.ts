/**
 * The demo city's checkpoints (防控卡点): gates of old estates and entrances of urban villages in
 * 驿城区, the motorway's two toll stations, and village entrances in 确山县 and 新蔡县. Names and
 * positions are illustrative (near the real places, not surveyed); shift patterns follow the
 * report: round-the-clock gates in three 8-hour shifts, motorway exits with four people a shift,
 * village entrances by day and by night.
 */
import type { CheckpointKind, RiskLevel } from '../../common/enums.ts';
import { pick, type Random } from './demo-people.ts';

export interface DemoShiftSlot {
  start: string;
  end: string;
  people: number;
}

export interface DemoCheckpoint {
  name: string;
  kind: CheckpointKind;
  /** Code of the grid the checkpoint stands in. */
  gridCode: string;
  address: string;
  lat: number;
  lng: number;
  risk: RiskLevel;
  hours24: boolean;
  opensAt?: string;
  closesAt?: string;
  shiftPattern: DemoShiftSlot[];
}

const THREE_SHIFTS = (people: number): DemoShiftSlot[] => [
  { start: '08:00', end: '16:00', people },
  { start: '16:00', end: '00:00', people },
  { start: '00:00', end: '08:00', people },
];
const DAY_AND_NIGHT: DemoShiftSlot[] = [
  { start: '07:00', end: '19:00', people: 1 },
  { start: '19:00', end: '07:00', people: 1 },
];
const MARKET_HOURS: DemoShiftSlot[] = [
  { start: '06:00', end: '12:00', people: 2 },
  { start: '12:00', end: '18:00', people: 2 },
];

/** Approximate centres of the demo communities (WGS-84), by community code. */
const CENTRES: Record<string, [number, number]> = {
  '411702008-001': [32.9862, 114.0236],
  '411702008-002': [32.9918, 114.0301],
  '411702008-003': [32.9807, 114.0342],
  '411702002-001': [32.9771, 114.0455],
  '411702002-002': [32.9726, 114.0389],
  '411702009-001': [32.9965, 114.0128],
  '411702009-002': [33.0012, 114.0207],
  '411702100-001': [33.0412, 114.0563],
  '411702100-002': [33.0351, 114.0448],
  '411702012-001': [32.9204, 114.0318],
  '411702012-002': [32.9283, 114.0229],
  '411725001-001': [32.8026, 114.0265],
  '411725001-002': [32.7983, 114.0187],
  '411725101-001': [32.7341, 113.8722],
  '411725101-002': [32.7415, 113.8853],
  '411725101-003': [32.7268, 113.8641],
  '411729001-001': [32.7499, 114.9853],
  '411729001-002': [32.7552, 114.9921],
};

const ESTATES = [
  '天中花园',
  '雪松小区',
  '供电局家属院',
  '粮食局家属院',
  '纺织厂宿舍',
  '老运输公司家属院',
  '金桂园',
  '文化苑',
  '人民医院家属院',
  '农机厂宿舍',
  '建业小区',
  '交通局家属院',
  '水利局家属院',
  '兴华小区',
  '铁路新村',
  '二中家属院',
];
const GATES = ['东门', '西门', '南门', '北门'];
const URBAN_VILLAGES = ['后张庄', '前李庄', '刘阁', '小王庄', '徐庄', '马庄'];
const STREETS = [
  '雪松路',
  '开源大道',
  '风光路',
  '东风路',
  '前进路',
  '顺河路',
  '中华路',
  '解放路',
  '文明大道',
  '练江大道',
  '骏马路',
  '乐山大道',
];
const ROADS = ['乡道', '村道', '县道', '省道'];

/** Communities below 驿城区 whose grids hold estates (the rest are villages or the motorway). */
const MOTORWAY = new Set(['411702100-001', '411702012-001']);
const VILLAGES = new Set(['411702100-002', '411725101-001', '411725101-002', '411725101-003']);

export interface DemoCommunityGrids {
  code: string;
  name: string;
  grids: { code: string; name: string }[];
}

/** The checkpoints of the demo communities, the same on every load (seeded). */
export function demoCheckpoints(communities: DemoCommunityGrids[], rnd: Random): DemoCheckpoint[] {
  const out: DemoCheckpoint[] = [];
  const used = new Set<string>();
  const street = () => `${pick(rnd, STREETS)}${1 + Math.floor(rnd() * 300)}号`;
  const near = ([lat, lng]: [number, number], spreadKm: number): [number, number] => [
    Math.round((lat + ((rnd() - 0.5) * spreadKm) / 111) * 1e6) / 1e6,
    Math.round((lng + ((rnd() - 0.5) * spreadKm) / 93) * 1e6) / 1e6,
  ];
  for (const community of communities) {
    const centre = CENTRES[community.code];
    if (!centre) continue;
    for (const grid of community.grids) {
      if (MOTORWAY.has(community.code)) {
        const [lat, lng] = near(centre, 0.4);
        out.push({
          name: `${community.name}${grid.name.replace('网格', '')}卡点`,
          kind: 'highway_exit',
          gridCode: grid.code,
          address: `京港澳高速${community.name.replace('京港澳高速', '')}收费站${grid.name.replace('网格', '')}`,
          lat,
          lng,
          risk: 4,
          hours24: true,
          shiftPattern: THREE_SHIFTS(4),
        });
        continue;
      }
      if (VILLAGES.has(community.code)) {
        const [lat, lng] = near(centre, 1.5);
        out.push({
          name: `${community.name}${grid.name.replace('网格', '')}村口`,
          kind: 'village_entrance',
          gridCode: grid.code,
          address: `${pick(rnd, ROADS)}与村内主路交叉口`,
          lat,
          lng,
          risk: pick(rnd, [1, 2, 2, 3] as const),
          hours24: true,
          shiftPattern: DAY_AND_NIGHT,
        });
        continue;
      }
      // Old estates: two gates a grid kept open, the others closed off (as the report describes).
      for (let i = 0; i < 2; i++) {
        let name: string;
        do {
          name = `${pick(rnd, ESTATES)}${pick(rnd, GATES)}`;
        } while (used.has(`${community.code}:${name}`));
        used.add(`${community.code}:${name}`);
        const [lat, lng] = near(centre, 0.8);
        out.push({
          name,
          kind: 'estate_gate',
          gridCode: grid.code,
          address: street(),
          lat,
          lng,
          risk: pick(rnd, [2, 2, 3, 3, 4] as const),
          hours24: true,
          shiftPattern: THREE_SHIFTS(rnd() < 0.3 ? 1 : 2),
        });
      }
    }
    // Urban villages and a market in the district's communities that have them.
    if (!MOTORWAY.has(community.code) && !VILLAGES.has(community.code) && community.code.startsWith('411702')) {
      const [lat, lng] = near(centre, 1);
      out.push({
        name: `${pick(rnd, URBAN_VILLAGES)}城中村路口`,
        kind: 'village_entrance',
        gridCode: community.grids[0]!.code,
        address: street(),
        lat,
        lng,
        risk: 3,
        hours24: true,
        shiftPattern: THREE_SHIFTS(2),
      });
      if (rnd() < 0.5) {
        const [mlat, mlng] = near(centre, 0.6);
        out.push({
          name: `${community.name.replace('社区', '')}农贸市场入口`,
          kind: 'market',
          gridCode: community.grids[community.grids.length - 1]!.code,
          address: street(),
          lat: mlat,
          lng: mlng,
          risk: 2,
          hours24: false,
          opensAt: '06:00',
          closesAt: '18:00',
          shiftPattern: MARKET_HOURS,
        });
      }
    }
  }
  return out;
}
