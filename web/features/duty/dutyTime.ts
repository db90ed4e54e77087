import dayjs from 'dayjs';
import { useTranslation } from 'react-i18next';
import { platformTimeZone } from '../../app/dates.ts';

/** The calendar day of an instant where the checkpoints are: a volunteer reads 今天 the way the roster means it. */
export function localDay(iso: string): string {
  return dayjs(iso).tz(platformTimeZone()).format('YYYY-MM-DD');
}

export function clock(iso: string): string {
  return dayjs(iso).tz(platformTimeZone()).format('HH:mm');
}

function daysFromToday(day: string): number {
  return Math.round(dayjs.utc(day).diff(dayjs.utc(localDay(new Date().toISOString())), 'day', true));
}

/** 今天 / 明天 / 昨天 / 12月3日 星期三, and `08:00–16:00`, `16:00–24:00`, `20:00–次日 04:00` for a shift. */
export function useDutyTime() {
  const { t } = useTranslation();

  function day(iso: string): string {
    const key = localDay(iso);
    const offset = daysFromToday(key);
    if (offset === 0) return t('myDuty.today');
    if (offset === 1) return t('myDuty.tomorrow');
    if (offset === -1) return t('myDuty.yesterday');
    return dayjs.utc(key).format(t('myDuty.dayFormat'));
  }

  function range(startsAt: string, endsAt: string): string {
    const end = clock(endsAt);
    if (localDay(endsAt) === localDay(startsAt)) return `${clock(startsAt)}–${end}`;
    // A shift to midnight reads as ending at 24:00 of its own day, as the shift pattern wrote it.
    return `${clock(startsAt)}–${end === '00:00' ? '24:00' : t('myDuty.nextDay', { time: end })}`;
  }

  return {
    day,
    range,
    when: (startsAt: string, endsAt: string) => `${day(startsAt)} ${range(startsAt, endsAt)}`,
  };
}
