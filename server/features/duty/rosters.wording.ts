/** Shift times and broken rules in words, for messages, notifications and files. */
import type { Language } from '../../../common/enums.ts';
import { TIME_BAND_LABELS, WEEKDAY_LABELS } from '../../../common/labels.ts';
import { localDateTime } from '../../platform/dates.ts';
import { translate, type MessageParams } from '../../platform/i18n.ts';
import type { Violation as RuleViolation } from './optimiser/index.ts';
import type { Violation } from './rosters.schemas.ts';

const MONTHS = ['Jan', 'Feb', 'Mar', 'Apr', 'May', 'Jun', 'Jul', 'Aug', 'Sep', 'Oct', 'Nov', 'Dec'];

/** '2月10日 08:00' (zh-CN; notifications are stored with this) or 'Feb 10 08:00' (en), local time. */
export function whenText(timeZone: string, at: string, lang: Language = 'zh-CN'): string {
  const { date, time } = localDateTime(timeZone, new Date(at));
  const [, m, d] = date.split('-').map(Number) as [number, number, number];
  return lang === 'en' ? `${MONTHS[m - 1]} ${d} ${time}` : `${m}月${d}日 ${time}`;
}

/** A shift as message params, for templates worded per language: month, day, start and end 'HH:MM', local. */
export function shiftParams(
  timeZone: string,
  startsAt: string,
  endsAt: string,
): { month: number; day: number; start: string; end: string } {
  const start = localDateTime(timeZone, new Date(startsAt));
  const [, month, day] = start.date.split('-').map(Number) as [number, number, number];
  return { month, day, start: start.time, end: localDateTime(timeZone, new Date(endsAt)).time };
}

/** A shift's start and end: '2月10日 08:00–16:00', the end's date only when it is another day. */
export function shiftText(timeZone: string, startsAt: string, endsAt: string, lang: Language = 'zh-CN'): string {
  const start = localDateTime(timeZone, new Date(startsAt));
  const end = localDateTime(timeZone, new Date(endsAt));
  const endText = end.date === start.date ? end.time : whenText(timeZone, endsAt, lang);
  return `${whenText(timeZone, startsAt, lang)}–${endText}`;
}

/** What a violation message needs to know about the shifts it names. */
export interface ViolationLookup {
  timeZone: string;
  shift(id: string): { checkpointName: string; startsAt: string; endsAt: string } | undefined;
}

const hours = (minutes: number | undefined) => Math.round(((minutes ?? 0) / 60) * 10) / 10;

/** One broken rule in the caller's language, naming the other shift and the limit where there is one. */
export function describeViolation(v: RuleViolation, lookup: ViolationLookup, lang: Language): Violation {
  const params: MessageParams = {};
  const other = v.otherShiftIds?.length ? lookup.shift(v.otherShiftIds[0]!) : undefined;
  if (other) {
    params.checkpoint = other.checkpointName;
    params.time = shiftText(lookup.timeZone, other.startsAt, other.endsAt, lang);
  }
  switch (v.code) {
    case 'rest_too_short':
      params.limit = hours(v.limit);
      params.actual = hours(v.actual);
      break;
    case 'over_required':
    case 'too_many_per_day':
    case 'too_many_per_week':
      params.limit = v.limit ?? 0;
      params.actual = v.actual ?? 0;
      break;
    case 'not_available':
      params.slots = (v.slots ?? [])
        .map((s) => `${WEEKDAY_LABELS[s.weekday as 1][lang]}${lang === 'en' ? ' ' : ''}${TIME_BAND_LABELS[s.band][lang]}`)
        .join(lang === 'en' ? ', ' : '、');
      break;
    case 'unknown_shift':
    case 'unknown_volunteer':
    case 'duplicate':
    case 'not_eligible':
    case 'team_restricted':
    case 'overlap':
      break;
  }
  return { code: v.code, message: translate(lang, `field.roster.violation.${v.code}`, params) };
}
