import { Tag } from 'antd';
import type { TFunction } from 'i18next';
import { useTranslation } from 'react-i18next';
import type { Log, Schedule } from './disinfection.api.ts';

/** Where a schedule stands today: overdue (red, with the days), due today (gold), upcoming, paused. */
export function ScheduleStateTag({ schedule, testId }: { schedule: Pick<Schedule, 'state' | 'overdueDays'>; testId?: string }) {
  const { t } = useTranslation();
  switch (schedule.state) {
    case 'overdue':
      return (
        <Tag color="red" data-testid={testId}>
          {t('disinfection.schedules.overdueDays', { count: schedule.overdueDays })}
        </Tag>
      );
    case 'due':
      return (
        <Tag color="gold" data-testid={testId}>
          {t('disinfection.schedules.due')}
        </Tag>
      );
    case 'upcoming':
      return <Tag data-testid={testId}>{t('disinfection.schedules.upcoming')}</Tag>;
    case 'paused':
      return (
        <Tag color="default" data-testid={testId}>
          {t('disinfection.schedules.paused')}
        </Tag>
      );
  }
}

export function SignOffTag({ log }: { log: Log }) {
  const { t } = useTranslation();
  return log.signOff ? (
    <Tag color="green">{t('disinfection.logs.signed')}</Tag>
  ) : (
    <Tag color="orange">{t('disinfection.logs.unsigned')}</Tag>
  );
}

/** A log's place as lists show it: the place's name, or an isolated home by its case reference only. */
export const placeOf = (log: Log, t: TFunction) =>
  log.place ? log.place.name : `${log.caseRef ?? ''} ${t('disinfection.homeLabel')}`;

export const everyLabel = (everyDays: number, t: TFunction) =>
  everyDays === 1 ? t('disinfection.schedules.daily') : t('disinfection.schedules.everyValue', { count: everyDays });

/** m² with thousands separators, as the report writes 3,000,000. */
export const squareMetres = (n: number) => Math.round(n).toLocaleString('en-US');
