/**
 * Believable, reproducible people for the demo city: names, valid ID numbers born in the county
 * they live in, mobiles, addresses, skills and availability. A seeded generator, so every demo
 * load (and every screenshot in the README) shows the same people.
 */
import { idCardCheckChar } from '../../common/idcard.ts';
import { SKILLS, TIME_BANDS, type Gender, type Skill, type TimeBand } from '../../common/enums.ts';

/** mulberry32: small, fast and good enough for demo data. */
export function seededRandom(seed: number): () => number {
  let a = seed >>> 0;
  return () => {
    a = (a + 0x6d2b79f5) >>> 0;
    let t = a;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

export type Random = () => number;
export const pick = <T>(rnd: Random, items: readonly T[]): T => items[Math.floor(rnd() * items.length)]!;

const SURNAMES =
  '王李张刘陈杨黄赵吴周徐孙马朱胡郭何高林罗郑梁谢宋唐许韩冯邓曹彭曾肖田董袁潘于蒋蔡余杜叶程苏魏吕丁任沈姚卢姜崔钟谭陆汪范金石廖贾夏韦付方白邹孟熊秦邱江尹薛闫段雷侯龙史陶黎贺顾毛郝龚邵万钱严覃武戴莫孔向汤';
const GIVEN_MALE = [
  '伟',
  '强',
  '磊',
  '军',
  '勇',
  '杰',
  '涛',
  '斌',
  '超',
  '明',
  '刚',
  '平',
  '辉',
  '鹏',
  '华',
  '飞',
  '鑫',
  '波',
  '宁',
  '建国',
  '建军',
  '志强',
  '志刚',
  '海涛',
  '晓东',
  '国庆',
  '卫东',
  '永生',
  '文博',
  '子豪',
  '浩然',
  '俊杰',
  '振华',
  '红旗',
  '保国',
  '新民',
];
const GIVEN_FEMALE = [
  '芳',
  '娜',
  '敏',
  '静',
  '丽',
  '艳',
  '娟',
  '霞',
  '秀英',
  '玲',
  '桂英',
  '丹',
  '萍',
  '红',
  '玉兰',
  '燕',
  '晓燕',
  '雪梅',
  '春华',
  '海燕',
  '丽娟',
  '婷婷',
  '欣怡',
  '梦瑶',
  '佳琪',
  '思雨',
  '雅静',
  '慧敏',
  '秋菊',
  '亚楠',
];

export interface DemoPerson {
  name: string;
  gender: Gender;
  idNumber: string;
  mobile: string;
  partyMember: boolean;
  homeAddress: string;
  skills: Skill[];
  availability: { weekday: number; band: TimeBand }[];
}

/** A valid ID number: the county's area code, a birth date between 1962 and 2001, the gender digit. */
function idNumber(rnd: Random, countyCode: string, gender: Gender): string {
  const year = 1962 + Math.floor(rnd() * 40);
  const month = 1 + Math.floor(rnd() * 12);
  const day = 1 + Math.floor(rnd() * 28);
  // The 17th digit is odd for men and even for women (GB 11643).
  const seq = Math.floor(rnd() * 50) * 2 + (gender === 'male' ? 1 : 0);
  const first17 = `${countyCode}${year}${String(month).padStart(2, '0')}${String(day).padStart(2, '0')}${String(Math.floor(rnd() * 10))}${String(seq).padStart(2, '0')}`;
  return first17 + idCardCheckChar(first17);
}

const MOBILE_PREFIXES = [
  '135',
  '136',
  '137',
  '138',
  '139',
  '150',
  '151',
  '152',
  '157',
  '158',
  '159',
  '166',
  '176',
  '177',
  '183',
  '187',
  '188',
  '189',
  '199',
];

/** Weekday evenings and weekends for office workers; every band for some; night shifts for a few. */
function availability(rnd: Random): { weekday: number; band: TimeBand }[] {
  const out: { weekday: number; band: TimeBand }[] = [];
  const pattern = rnd();
  for (let weekday = 1; weekday <= 7; weekday++) {
    for (const band of TIME_BANDS) {
      const weekend = weekday >= 6;
      const yes =
        pattern < 0.35
          ? band !== 'night' // full days
          : pattern < 0.7
            ? weekend
              ? band !== 'night'
              : band === 'evening'
            : pattern < 0.85
              ? true // round the clock
              : band === 'night' || band === 'morning';
      if (yes) out.push({ weekday, band });
    }
  }
  return out;
}

export function demoPerson(rnd: Random, countyCode: string, place: string): DemoPerson {
  const gender: Gender = rnd() < 0.58 ? 'male' : 'female';
  const name = pick(rnd, [...SURNAMES]) + pick(rnd, gender === 'male' ? GIVEN_MALE : GIVEN_FEMALE);
  const skills = SKILLS.filter(() => rnd() < 0.22);
  if (skills.length === 0) skills.push(pick(rnd, ['logistics', 'security', 'publicity'] as const));
  return {
    name,
    gender,
    idNumber: idNumber(rnd, countyCode, gender),
    mobile: pick(rnd, MOBILE_PREFIXES) + String(Math.floor(rnd() * 1e8)).padStart(8, '0'),
    partyMember: rnd() < 0.8,
    homeAddress: `${place}${1 + Math.floor(rnd() * 30)}号楼${1 + Math.floor(rnd() * 4)}单元${1 + Math.floor(rnd() * 6)}0${1 + Math.floor(rnd() * 4)}室`,
    skills,
    availability: availability(rnd),
  };
}

/** Pledges as people wrote them in February 2020. */
export const PLEDGE_TEXTS = [
  '疫情就是命令，防控就是责任。我是一名共产党员，自愿到防控一线，服从组织安排，不计报酬，不论生死！',
  '我志愿加入社区疫情防控志愿服务队，坚守卡点，守护家园，请组织批准。',
  '本人身体健康，有驾驶经验，可承担物资运送和代购跑腿任务，随叫随到。',
  '我是医务工作者，愿意到社区协助体温检测和健康宣教。',
  '退役军人，服从命令听指挥，申请到最需要的卡点值守。',
  '作为一名老党员，我请求参加入户排查和宣传工作，为打赢疫情防控阻击战贡献力量。',
  '我在家附近，夜间值守也可以，请安排我到小区门口卡点。',
];
