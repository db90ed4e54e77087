/**
 * Local wall-clock times in the platform time zone: shifts are stored as UTC instants, while
 * people read and filter them by local date and hour. One formatter per zone (they are costly).
 */
const formatters = new Map<string, Intl.DateTimeFormat>();

export interface LocalParts {
  year: number;
  month: number;
  day: number;
  hour: number;
  minute: number;
}

export function localParts(timeZone: string, at: Date): LocalParts {
  let f = formatters.get(timeZone);
  if (!f) {
    f = new Intl.DateTimeFormat('en-US', {
      timeZone,
      year: 'numeric',
      month: 'numeric',
      day: 'numeric',
      hour: 'numeric',
      minute: 'numeric',
      hourCycle: 'h23',
    });
    formatters.set(timeZone, f);
  }
  const out: Record<string, number> = {};
  for (const p of f.formatToParts(at)) if (p.type !== 'literal') out[p.type] = Number(p.value);
  return { year: out.year!, month: out.month!, day: out.day!, hour: out.hour!, minute: out.minute! };
}

const pad = (n: number) => String(n).padStart(2, '0');

/** 'HH:MM' local. */
export function localClock(timeZone: string, iso: string): string {
  const p = localParts(timeZone, new Date(iso));
  return `${pad(p.hour)}:${pad(p.minute)}`;
}

/** How a shift reads in messages of either language: month and day as numbers, start and end 'HH:MM'. */
export function shiftParams(timeZone: string, startsAt: string, endsAt: string): Record<string, string | number> {
  const p = localParts(timeZone, new Date(startsAt));
  return { month: p.month, day: p.day, start: localClock(timeZone, startsAt), end: localClock(timeZone, endsAt) };
}

/** How far the zone's wall clock is ahead of UTC at `t` (ms). */
function offsetAt(timeZone: string, t: number): number {
  const p = localParts(timeZone, new Date(t));
  return Date.UTC(p.year, p.month - 1, p.day, p.hour, p.minute) - Math.floor(t / 60_000) * 60_000;
}

/** The instant local midnight begins `date` (YYYY-MM-DD). */
export function localMidnight(timeZone: string, date: string): Date {
  const [y, m, d] = date.split('-').map(Number) as [number, number, number];
  const wall = Date.UTC(y, m - 1, d);
  // Twice: the first guess may sit on the other side of a daylight-saving change.
  const first = wall - offsetAt(timeZone, wall);
  return new Date(wall - offsetAt(timeZone, first));
}

/** Calendar arithmetic on YYYY-MM-DD. */
export function addDays(date: string, days: number): string {
  const [y, m, d] = date.split('-').map(Number) as [number, number, number];
  return new Date(Date.UTC(y, m - 1, d + days)).toISOString().slice(0, 10);
}

/** The Monday of the week holding `date`. */
export function mondayOf(date: string): string {
  const [y, m, d] = date.split('-').map(Number) as [number, number, number];
  const weekday = new Date(Date.UTC(y, m - 1, d)).getUTCDay(); // 0 = Sunday
  return addDays(date, -((weekday + 6) % 7));
}
