import { Flex, Typography } from 'antd';
import dayjs from 'dayjs';
import { useTranslation } from 'react-i18next';
import type { MyDuty } from '../me.api.ts';
import { DutyItem } from './DutyItem.tsx';
import { localDay, useDutyTime } from '../dutyTime.ts';

function byDay(duties: MyDuty[]): [string, MyDuty[]][] {
  const days = new Map<string, MyDuty[]>();
  for (const duty of duties) {
    const key = localDay(duty.startsAt);
    days.set(key, [...(days.get(key) ?? []), duty]);
  }
  return [...days];
}

/** Shifts under a heading per local day (今天 · 12月1日 星期一). */
export function DutyList({
  title,
  duties,
  past,
  onSwap,
  testId,
}: {
  title: string;
  duties: MyDuty[];
  past: boolean;
  onSwap: (duty: MyDuty) => void;
  testId: string;
}) {
  const { t } = useTranslation();
  const time = useDutyTime();
  if (!duties.length) return null;
  return (
    <Flex vertical gap={12} data-testid={testId}>
      <Typography.Title level={5} style={{ margin: 0 }}>
        {title}
      </Typography.Title>
      {byDay(duties).map(([day, items]) => {
        const label = time.day(items[0]!.startsAt);
        const date = dayjs.utc(day).format(t('myDuty.dayFormat'));
        return (
          <Flex vertical gap={8} key={day}>
            <Typography.Text type="secondary" strong>
              {label === date ? date : `${label} · ${date}`}
            </Typography.Text>
            {items.map((duty) => (
              <DutyItem key={duty.assignmentId} duty={duty} past={past} onSwap={onSwap} />
            ))}
          </Flex>
        );
      })}
    </Flex>
  );
}
