import dayjs, { type Dayjs } from 'dayjs';
import { today } from '../../duty/roster/time.ts';

export const DAY = 'YYYY-MM-DD';

/** The last `days` days up to today where the checkpoints are. */
export function lastDays(days: number): [Dayjs, Dayjs] {
  const end = dayjs(today());
  return [end.subtract(days - 1, 'day'), end];
}

/**
 * A RangePicker's `disabledDate` that keeps a picked range within `days` days (the server's
 * bound), counted from whichever end was picked first.
 */
export function withinDays(days: number) {
  return (current: Dayjs, info: { from?: Dayjs }) => !!info.from && Math.abs(current.diff(info.from, 'day')) >= days;
}
