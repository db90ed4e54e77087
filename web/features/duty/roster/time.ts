/** Roster days and shift times, always in the platform's zone (a shift at a gate is local wall-clock time). */
import dayjs, { type Dayjs } from 'dayjs';
import type { Language } from '../../../../common/enums.ts';
import { platformTimeZone } from '../../../app/dates.ts';
import { clock, localDay } from '../dutyTime.ts';

const DAY = 'YYYY-MM-DD';

function local(iso: string): Dayjs {
  return dayjs(iso).tz(platformTimeZone());
}

/** Today's calendar date where the checkpoints are. */
export function today(): string {
  return localDay(new Date().toISOString());
}

/** Next Monday to the Sunday after it: a roster is usually planned a week ahead. */
export function nextWeek(): [Dayjs, Dayjs] {
  const now = dayjs(today());
  const monday = now.add((8 - now.day()) % 7 || 7, 'day');
  return [monday, monday.add(6, 'day')];
}

/** The calendar dates from `startsOn` to `endsOn`, both included. */
export function rosterDays(startsOn: string, endsOn: string): string[] {
  const days: string[] = [];
  for (let d = dayjs(startsOn); d.format(DAY) <= endsOn; d = d.add(1, 'day')) days.push(d.format(DAY));
  return days;
}

/** The calendar date a shift belongs to: the day it starts, so a night shift sits under its evening. */
export const shiftDay = localDay;

/** '08:00–16:00'; a shift ending at the next midnight ends at '24:00', the way gates write it. */
export function shiftTime(startsAt: string, endsAt: string): string {
  const end = clock(endsAt);
  const midnight = end === '00:00' && endsAt > startsAt;
  return `${clock(startsAt)}–${midnight ? '24:00' : end}`;
}

/** '5月4日 周一' / 'Mon, May 4': a column of the board. */
export function dayLabel(day: string, language: Language): string {
  return dayjs(day).format(language === 'en' ? 'ddd, MMM D' : 'M月D日 ddd');
}

/** '5月4日 08:00–16:00' / 'May 4 08:00–16:00'. */
export function shiftWhen(startsAt: string, endsAt: string, language: Language): string {
  return `${local(startsAt).format(language === 'en' ? 'MMM D' : 'M月D日')} ${shiftTime(startsAt, endsAt)}`;
}
