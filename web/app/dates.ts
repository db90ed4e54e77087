import dayjs, { type Dayjs } from 'dayjs';
import timezone from 'dayjs/plugin/timezone';
import utc from 'dayjs/plugin/utc';
import 'dayjs/locale/zh-cn';
import type { Language } from '../../common/enums.ts';

dayjs.extend(utc);
dayjs.extend(timezone);

/**
 * Commanders compare times across the city: every time is shown in the platform's zone (from
 * /auth/me), not the browser's. Asia/Shanghai, the server's default, until the account is known.
 */
let timeZone = 'Asia/Shanghai';

export function setPlatformTimeZone(zone: string): void {
  timeZone = zone;
}

export function platformTimeZone(): string {
  return timeZone;
}

export function setDateLanguage(language: Language): void {
  dayjs.locale(language === 'en' ? 'en' : 'zh-cn');
}

export function formatDateTime(iso: string): string {
  return dayjs(iso).tz(timeZone).format('YYYY-MM-DD HH:mm:ss');
}

export function formatDate(iso: string): string {
  return dayjs(iso).tz(timeZone).format('YYYY-MM-DD');
}

/** A picked calendar day as the UTC instants where it starts and ends in the platform's zone. */
export function dayBounds(day: Dayjs): { start: string; end: string } {
  const start = dayjs.tz(day.format('YYYY-MM-DD'), timeZone);
  return { start: start.toISOString(), end: start.endOf('day').toISOString() };
}
