import dayjs, { type Dayjs } from 'dayjs';
import { platformTimeZone } from '../../app/dates.ts';

/** Today in the platform's calendar (the server's), whatever the browser's zone: schedules and totals count days there. */
export function platformToday(): Dayjs {
  return dayjs(dayjs().tz(platformTimeZone()).format('YYYY-MM-DD'));
}

/** A date and time picked on the form, read as wall time in the platform's zone. */
export function wallToIso(picked: Dayjs): string {
  return dayjs.tz(picked.format('YYYY-MM-DD HH:mm'), platformTimeZone()).toISOString();
}
