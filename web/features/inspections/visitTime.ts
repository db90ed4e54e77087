import { clock, useDutyTime } from '../duty/dutyTime.ts';

/** 今天 14:20 / 昨天 09:05 / 12月3日 星期三 16:40: when a visit was made, as an inspector says it. */
export function useVisitTime(): (iso: string) => string {
  const time = useDutyTime();
  return (iso) => `${time.day(iso)} ${clock(iso)}`;
}
