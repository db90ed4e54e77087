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
