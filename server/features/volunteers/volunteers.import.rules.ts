/**
 * How a roster cell is read, one field at a time, without the database: what people type into
 * Excel (labels, lists, dates typed or formatted, numbers that were meant as text) into values the
 * registry keeps, or the exact problem. The grammar for skills and availability is documented to
 * users on the template's explanation sheet (volunteers.xlsx.ts); keep the two in step.
 */
import {
  GENDERS,
  SKILLS,
  TIME_BANDS,
  VOLUNTEER_STATUSES,
  type Gender,
  type Skill,
  type TimeBand,
  type VolunteerStatus,
} from '../../../common/enums.ts';
import { GENDER_LABELS, SKILL_LABELS, VOLUNTEER_STATUS_LABELS } from '../../../common/labels.ts';
import type { FieldProblem } from '../../platform/errors.ts';
import type { CellValue } from '../../platform/spreadsheet.ts';
import type { AvailabilitySlot } from './volunteers.schemas.ts';

export type Parsed<T> = { ok: true; value: T } | { ok: false; problem: FieldProblem };

const ok = <T>(value: T): Parsed<T> => ({ ok: true, value });
const bad = (reason: string, params?: FieldProblem['params']): Parsed<never> => ({
  ok: false,
  problem: params ? { reason, params } : { reason },
});

const CONTROL_CHARS = /[\u0000-\u0008\u000b\u000c\u000e-\u001f\u007f]/;

/** Dates read from Excel are midnight UTC; the calendar day is all that counts. */
const isoDay = (d: Date) => d.toISOString().slice(0, 10);

/** The text a cell shows: numbers without exponent or float noise where they are whole, trimmed of all kinds of space. */
export function cellText(value: CellValue): string {
  if (value === null) return '';
  if (value instanceof Date) return Number.isNaN(value.getTime()) ? '' : isoDay(value);
  if (typeof value === 'number')
    return Number.isInteger(value) ? value.toLocaleString('en-US', { useGrouping: false }) : String(value);
  if (typeof value === 'boolean') return value ? '是' : '否';
  return value.replace(/^[\s\u3000\u00a0\ufeff]+|[\s\u3000\u00a0\ufeff]+$/g, '');
}

/** Free text of at most `max` characters; `required` fields must not be blank. */
export function parseText(value: CellValue, max: number, required: boolean): Parsed<string | null> {
  const text = cellText(value).replace(/\r\n?/g, '\n');
  if (!text) return required ? bad('field.required') : ok(null);
  if (CONTROL_CHARS.test(text)) return bad('field.controlChars');
  if (Array.from(text).length > max) return bad('field.maxLength', { limit: max });
  return ok(text);
}

const GENDER_WORDS = new Map<string, Gender>();
for (const g of GENDERS) {
  GENDER_WORDS.set(g, g);
  GENDER_WORDS.set(GENDER_LABELS[g]['zh-CN'], g);
  GENDER_WORDS.set(GENDER_LABELS[g].en.toLowerCase(), g);
}
GENDER_WORDS.set('m', 'male').set('f', 'female').set('男性', 'male').set('女性', 'female');

export function parseGender(value: CellValue): Parsed<Gender> {
  const text = cellText(value).toLowerCase();
  if (!text) return bad('field.required');
  return GENDER_WORDS.has(text) ? ok(GENDER_WORDS.get(text)!) : bad('field.volunteer.gender');
}

const YES = new Set(['是', 'y', 'yes', 'true', '1', '党员', '中共党员', '√']);
const NO = new Set(['否', 'n', 'no', 'false', '0', '非党员', '群众', '×']);

export function parseYesNo(value: CellValue): Parsed<boolean> {
  if (typeof value === 'boolean') return ok(value);
  const text = cellText(value).toLowerCase();
  if (!text) return bad('field.required');
  if (YES.has(text)) return ok(true);
  if (NO.has(text)) return ok(false);
  return bad('field.volunteer.yesNo');
}

/** 18 characters survive as text only; a number cell keeps 15 significant digits, so the rest is gone for good. */
export function idNumberText(value: CellValue): Parsed<string> {
  if (typeof value === 'number') {
    const digits = cellText(value);
    // Whole numbers beyond 2^53 (every 18-digit one) are already rounded: the typed digits cannot be recovered.
    return digits.length > 15 || !Number.isSafeInteger(value)
      ? bad('field.volunteer.idNumberAsNumber', { value: digits })
      : bad('field.idCard.format');
  }
  const text = cellText(value).replace(/\s/g, '');
  if (!text) return bad('field.required');
  // Excel's display of a long number, pasted or saved as text ("4.11702E+17").
  if (/^\d(\.\d+)?e\+\d+$/i.test(text)) return bad('field.volunteer.idNumberAsNumber', { value: text });
  return ok(text.toUpperCase());
}

/** A mobile number typed as a number is exact (11 digits); separators and the +86 prefix are dropped. */
export function mobileText(value: CellValue): string {
  return cellText(value)
    .replace(/[\s\-－()（）]/g, '')
    .replace(/^(\+|00)?86(?=1\d{10}$)/, '');
}

const SKILL_WORDS = new Map<string, Skill>();
for (const s of SKILLS) {
  SKILL_WORDS.set(s, s);
  SKILL_WORDS.set(SKILL_LABELS[s]['zh-CN'], s);
  SKILL_WORDS.set(SKILL_LABELS[s].en.toLowerCase(), s);
}
for (const [word, skill] of [
  ['医疗', 'medical'],
  ['护理', 'medical'],
  ['医护', 'medical'],
  ['司机', 'driving'],
  ['心理咨询', 'counselling'],
  ['心理', 'counselling'],
  ['宣传教育', 'publicity'],
  ['后勤', 'logistics'],
  ['巡逻', 'security'],
  ['治安', 'security'],
  ['消毒', 'disinfection'],
  ['消杀防疫', 'disinfection'],
  ['信息', 'it'],
  ['计算机', 'it'],
] as const)
  SKILL_WORDS.set(word, skill);

/** The skill labels to offer in messages and on the explanation sheet. */
export const SKILL_CHOICES = SKILLS.map((s) => SKILL_LABELS[s]['zh-CN']).join('、');

/** Labels separated by 、，, ；; / or spaces; repeats are dropped. */
export function parseSkills(value: CellValue): Parsed<Skill[]> {
  const words = cellText(value)
    .split(/[、，,；;/／\s]+/)
    .filter(Boolean);
  const out = new Set<Skill>();
  for (const word of words) {
    const skill = SKILL_WORDS.get(word.toLowerCase());
    if (!skill) return bad('field.volunteer.skill', { text: word, allowed: SKILL_CHOICES });
    out.add(skill);
  }
  return ok([...out]);
}

/*
 * Availability grammar (the explanation sheet says the same in Chinese):
 *   availability := clause { (；|;|newline) clause }
 *   clause       := days bands            — a new clause also starts where a day follows a band
 *   days         := day { sep day }       — 周一…周日 (also 星期一, 周天), a range 周一至周五 (至 到 - ~),
 *                                           每天, 工作日 (Mon–Fri), 周末 (Sat–Sun)
 *   bands        := band { sep band }     — 上午 下午 晚上 夜间, or 全天 (all four)
 *   sep          := 、 ， , or spaces (optional between days and bands)
 * e.g. "周一至周五 上午、下午；周末 全天", "每天 夜间", "周一、周三 晚上 周六 上午".
 */
const DAY_NUMBERS: Record<string, number> = {
  一: 1,
  二: 2,
  三: 3,
  四: 4,
  五: 5,
  六: 6,
  日: 7,
  天: 7,
  '1': 1,
  '2': 2,
  '3': 3,
  '4': 4,
  '5': 5,
  '6': 6,
  '7': 7,
};
const BAND_WORDS: Record<string, TimeBand[]> = {
  上午: ['morning'],
  下午: ['afternoon'],
  晚上: ['evening'],
  夜间: ['night'],
  夜里: ['night'],
  全天: [...TIME_BANDS],
};
const WEEK = '(?:周|星期|礼拜)';
const DAY_CHAR = '[一二三四五六日天1-7]';
const TOKEN = new RegExp(
  [
    `(?<range>${WEEK}(?<from>${DAY_CHAR})\\s*(?:至|到|-|－|~|～|—)\\s*${WEEK}?(?<to>${DAY_CHAR}))`,
    `(?<day>${WEEK}(?<one>${DAY_CHAR}))`,
    '(?<every>每天|每日|天天)',
    '(?<weekdays>工作日)',
    '(?<weekend>周末)',
    `(?<band>${Object.keys(BAND_WORDS).join('|')})`,
    '(?<sep>[、，,\\s]+)',
    '(?<end>[；;\\n]+)',
  ].join('|'),
  'uy',
);
const range = (from: number, to: number) => Array.from({ length: to - from + 1 }, (_, i) => from + i);

export function parseAvailability(value: CellValue): Parsed<AvailabilitySlot[]> {
  const text = cellText(value);
  const slots = new Map<string, AvailabilitySlot>();
  let days: number[] = [];
  let bands: TimeBand[] = [];
  /** The text of the clause being read, for the message when it is incomplete. */
  let clauseStart = 0;
  const close = (at: number): Parsed<never> | null => {
    if (days.length === 0 && bands.length === 0) return null;
    const clause = text.slice(clauseStart, at).trim();
    if (days.length === 0 || bands.length === 0) return bad('field.volunteer.availability', { text: clause });
    for (const weekday of days) for (const band of bands) slots.set(`${weekday}${band}`, { weekday, band });
    days = [];
    bands = [];
    return null;
  };
  TOKEN.lastIndex = 0;
  let at = 0;
  while (at < text.length) {
    TOKEN.lastIndex = at;
    const m = TOKEN.exec(text);
    if (!m?.groups) return bad('field.volunteer.availability', { text: text.slice(at, at + 8) });
    const g = m.groups;
    const start = at;
    at = TOKEN.lastIndex;
    if (g.sep) continue;
    if (g.end) {
      const problem = close(start);
      if (problem) return problem;
      clauseStart = at;
      continue;
    }
    if (g.band) {
      bands.push(...BAND_WORDS[g.band]!);
      continue;
    }
    // A day after a band starts the next clause.
    if (bands.length > 0) {
      const problem = close(start);
      if (problem) return problem;
      clauseStart = start;
    }
    if (g.range) {
      const from = DAY_NUMBERS[g.from!]!;
      const to = DAY_NUMBERS[g.to!]!;
      if (to < from) return bad('field.volunteer.availability', { text: g.range });
      days.push(...range(from, to));
    } else if (g.day) days.push(DAY_NUMBERS[g.one!]!);
    else if (g.every) days.push(...range(1, 7));
    else if (g.weekdays) days.push(...range(1, 5));
    else if (g.weekend) days.push(6, 7);
  }
  const problem = close(text.length);
  if (problem) return problem;
  return ok([...slots.values()].sort((a, b) => a.weekday - b.weekday || TIME_BANDS.indexOf(a.band) - TIME_BANDS.indexOf(b.band)));
}

/** Availability written back in the grammar above: weekdays with the same bands grouped, ranges where consecutive. */
export function formatAvailability(slots: readonly AvailabilitySlot[]): string {
  const NAMES = ['', '周一', '周二', '周三', '周四', '周五', '周六', '周日'];
  const BAND_NAMES: Record<TimeBand, string> = { morning: '上午', afternoon: '下午', evening: '晚上', night: '夜间' };
  const byDay = new Map<number, TimeBand[]>();
  for (const s of slots) byDay.set(s.weekday, [...(byDay.get(s.weekday) ?? []), s.band]);
  const groups = new Map<string, number[]>();
  for (const [day, bands] of [...byDay].sort(([a], [b]) => a - b)) {
    const key = TIME_BANDS.filter((b) => bands.includes(b)).join(',');
    groups.set(key, [...(groups.get(key) ?? []), day]);
  }
  const dayText = (list: number[]) => {
    if (list.length === 7) return '每天';
    const parts: string[] = [];
    for (let i = 0; i < list.length;) {
      let j = i;
      while (j + 1 < list.length && list[j + 1] === list[j]! + 1) j++;
      const run = list.slice(i, j + 1);
      if (run.length === 2 && run[0] === 6) parts.push('周末');
      else parts.push(run.length >= 3 ? `${NAMES[run[0]!]}至${NAMES[run.at(-1)!]}` : run.map((d) => NAMES[d]).join('、'));
      i = j + 1;
    }
    return parts.join('、');
  };
  return [...groups]
    .map(([key, list]) => {
      const bands = key.split(',') as TimeBand[];
      return `${dayText(list)} ${bands.length === 4 ? '全天' : bands.map((b) => BAND_NAMES[b]).join('、')}`;
    })
    .join('；');
}

const STATUS_WORDS = new Map<string, VolunteerStatus>();
for (const s of VOLUNTEER_STATUSES) {
  STATUS_WORDS.set(s, s);
  STATUS_WORDS.set(VOLUNTEER_STATUS_LABELS[s]['zh-CN'], s);
  STATUS_WORDS.set(VOLUNTEER_STATUS_LABELS[s].en.toLowerCase(), s);
}
STATUS_WORDS.set('退出', 'withdrawn').set('正常', 'active');

/** Blank means active: a roster usually lists people ready to serve. */
export function parseStatus(value: CellValue): Parsed<VolunteerStatus> {
  const text = cellText(value).toLowerCase();
  if (!text) return ok('active');
  return STATUS_WORDS.has(text) ? ok(STATUS_WORDS.get(text)!) : bad('field.volunteer.status');
}

/** Excel's day 0 in the 1900 system (with its phantom 29 February 1900 accounted for). */
const EXCEL_EPOCH = Date.UTC(1899, 11, 30);

function validDay(y: number, m: number, d: number): string | null {
  const date = new Date(Date.UTC(y, m - 1, d));
  if (y < 1900 || date.getUTCFullYear() !== y || date.getUTCMonth() !== m - 1 || date.getUTCDate() !== d) return null;
  return isoDay(date);
}

/**
 * A calendar date however it arrives: a date cell, an Excel serial number (a date cell whose
 * format was lost), 20200203, or text such as 2020-02-03, 2020/2/3, 2020.2.3, 2020年2月3日.
 */
export function parseDate(value: CellValue): Parsed<string | null> {
  if (value === null || value === '') return ok(null);
  if (value instanceof Date) return Number.isNaN(value.getTime()) ? bad('field.volunteer.date') : ok(isoDay(value));
  if (typeof value === 'number') {
    if (value >= 19000101 && value <= 99991231 && Number.isInteger(value)) return parseDate(String(value));
    if (value >= 1 && value < 2_958_466) return ok(isoDay(new Date(EXCEL_EPOCH + Math.floor(value) * 86_400_000)));
    return bad('field.volunteer.date');
  }
  const text = cellText(value);
  if (!text) return ok(null);
  const m = /^(\d{4})(?:[-/.年]\s*(\d{1,2})[-/.月]\s*(\d{1,2})日?|(\d{2})(\d{2}))(?:[ T]\d{1,2}:\d{2}(?::\d{2})?)?$/.exec(text);
  const day = m ? validDay(Number(m[1]), Number(m[2] ?? m[4]), Number(m[3] ?? m[5])) : null;
  return day ? ok(day) : bad('field.volunteer.date');
}
