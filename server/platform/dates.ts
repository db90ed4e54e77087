/**
 * Calendar dates (YYYY-MM-DD) in the platform's time zone (DESIGN.md §2). Building an
 * Intl formatter costs far more than using one, so there is one per zone.
 */
const formatters = new Map<string, Intl.DateTimeFormat>();

export function calendarDate(timeZone: string, at: Date = new Date()): string {
  let f = formatters.get(timeZone);
  if (!f) {
    // en-CA formats dates as YYYY-MM-DD.
    f = new Intl.DateTimeFormat('en-CA', { timeZone, year: 'numeric', month: '2-digit', day: '2-digit' });
    formatters.set(timeZone, f);
  }
  return f.format(at);
}

/**
 * Wall-clock time in a zone and back. Shift patterns are local 'HH:MM' and stored times are UTC
 * instants; the zone's offset is read from Intl, so zones with daylight saving work too.
 */
const partFormatters = new Map<string, Intl.DateTimeFormat>();

function partsFormatter(timeZone: string): Intl.DateTimeFormat {
  let f = partFormatters.get(timeZone);
  if (!f) {
    f = new Intl.DateTimeFormat('en-US', {
      timeZone,
      hourCycle: 'h23',
      year: 'numeric',
      month: '2-digit',
      day: '2-digit',
      hour: '2-digit',
      minute: '2-digit',
      second: '2-digit',
    });
    partFormatters.set(timeZone, f);
  }
  return f;
}

function wallClock(timeZone: string, at: Date): { y: number; mo: number; d: number; h: number; mi: number; s: number } {
  const p = Object.fromEntries(
    partsFormatter(timeZone)
      .formatToParts(at)
      .map((x) => [x.type, Number(x.value)]),
  ) as Record<string, number>;
  return { y: p.year!, mo: p.month!, d: p.day!, h: p.hour!, mi: p.minute!, s: p.second! };
}

/** The zone's offset from UTC at an instant, in minutes (Asia/Shanghai: 480). */
export function zoneOffsetMinutes(timeZone: string, at: Date): number {
  const w = wallClock(timeZone, at);
  const asUtc = Date.UTC(w.y, w.mo - 1, w.d, w.h, w.mi, w.s);
  return Math.round((asUtc - Math.floor(at.getTime() / 1000) * 1000) / 60_000);
}

const pad = (n: number) => String(n).padStart(2, '0');

/**
 * The instant a local date and 'HH:MM' denote in the zone. A wall time skipped by a daylight-saving
 * jump maps to the instant just after the jump; a repeated one to its first occurrence.
 */
export function zonedInstant(timeZone: string, date: string, time: string): Date {
  // Slot and shift bounds ask for the same few instants on every request; Intl is the cost.
  const key = `${timeZone} ${date} ${time}`;
  let ms = instants.get(key);
  if (ms === undefined) {
    if (instants.size >= INSTANTS_KEPT) instants.clear();
    ms = resolveInstant(timeZone, date, time);
    instants.set(key, ms);
  }
  return new Date(ms);
}

const instants = new Map<string, number>();
const INSTANTS_KEPT = 4096;

function resolveInstant(timeZone: string, date: string, time: string): number {
  const [y, mo, d] = date.split('-').map(Number) as [number, number, number];
  const [h, mi] = time.split(':').map(Number) as [number, number];
  const wall = Date.UTC(y, mo - 1, d, h, mi);
  // The offsets a day either side cover any transition near this wall time.
  const before = wall - zoneOffsetMinutes(timeZone, new Date(wall - 86_400_000)) * 60_000;
  const after = wall - zoneOffsetMinutes(timeZone, new Date(wall + 86_400_000)) * 60_000;
  for (const candidate of [Math.min(before, after), Math.max(before, after)]) {
    const w = wallClock(timeZone, new Date(candidate));
    if (Date.UTC(w.y, w.mo - 1, w.d, w.h, w.mi) === wall) return candidate;
  }
  // Skipped by a jump forward: the old offset lands just after the jump.
  return before;
}

/** The local date, 'HH:MM' and ISO weekday (1 = Monday) of an instant in the zone. */
export function localDateTime(timeZone: string, at: Date): { date: string; time: string; weekday: number } {
  const w = wallClock(timeZone, at);
  const date = `${w.y}-${pad(w.mo)}-${pad(w.d)}`;
  return { date, time: `${pad(w.h)}:${pad(w.mi)}`, weekday: weekdayOf(date) };
}

const dayNumber = (date: string) => {
  const [y, mo, d] = date.split('-').map(Number) as [number, number, number];
  return Date.UTC(y, mo - 1, d) / 86_400_000;
};

/** Calendar arithmetic on 'YYYY-MM-DD' (no zone involved). */
export function addDays(date: string, days: number): string {
  return new Date((dayNumber(date) + days) * 86_400_000).toISOString().slice(0, 10);
}

/** Days from `from` to `to` (negative when `to` is earlier). */
export function daysBetween(from: string, to: string): number {
  return dayNumber(to) - dayNumber(from);
}

/** Every date from `from` to `to`, both included. */
export function dateRange(from: string, to: string): string[] {
  const n = daysBetween(from, to);
  return Array.from({ length: Math.max(0, n + 1) }, (_, i) => addDays(from, i));
}

/** The Monday of the week holding `date`. */
export function mondayOf(date: string): string {
  return addDays(date, 1 - weekdayOf(date));
}

/** ISO weekday of a calendar date: 1 = Monday … 7 = Sunday. */
export function weekdayOf(date: string): number {
  // 1970-01-01 was a Thursday (4).
  return ((((dayNumber(date) + 3) % 7) + 7) % 7) + 1;
}
