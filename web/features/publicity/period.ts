import dayjs from 'dayjs';
import { platformTimeZone } from '../../app/dates.ts';

/** The periods the totals and lists offer in one tap, as on the disinfection page. */
export const PERIODS = ['today', 'week', 'month', 'all'] as const;
export type Period = (typeof PERIODS)[number];

const DAY = 'YYYY-MM-DD';

/** Local dates (the platform's zone) a period covers; `all` has no bounds. */
export function periodRange(period: Period, now = dayjs()): { from: string | null; to: string | null } {
  const today = now.tz(platformTimeZone());
  switch (period) {
    case 'today':
      return { from: today.format(DAY), to: today.format(DAY) };
    case 'week':
      return { from: today.subtract(6, 'day').format(DAY), to: today.format(DAY) };
    case 'month':
      return { from: today.startOf('month').format(DAY), to: today.format(DAY) };
    case 'all':
      return { from: null, to: null };
  }
}
