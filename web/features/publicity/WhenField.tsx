import { DatePicker, Flex, Segmented, TimePicker } from 'antd';
import type { Dayjs } from 'dayjs';
import { useTranslation } from 'react-i18next';
import { fromWall, toWall } from './wallClock.ts';

/** The server takes entries up to this many days late. */
const BACK_DAYS = 14;

/**
 * When it was done: now (null) by default, or a date and time up to two weeks back for an entry
 * logged late. A form control over an ISO instant.
 */
export function WhenField({
  value,
  onChange,
  testId,
}: {
  value?: string | null;
  onChange?: (v: string | null) => void;
  testId: string;
}) {
  const { t } = useTranslation();
  const now = toWall(new Date().toISOString());
  const wall = value ? toWall(value) : null;
  const set = (next: Dayjs) => onChange?.(fromWall(next.isAfter(now) ? now : next));
  return (
    <Flex vertical gap={8}>
      <Segmented<'now' | 'earlier'>
        block
        value={value ? 'earlier' : 'now'}
        onChange={(v) => onChange?.(v === 'now' ? null : fromWall(now.subtract(1, 'hour').second(0)))}
        options={[
          { value: 'now', label: <span data-testid={`${testId}-now`}>{t('publicity.doneAtNow')}</span> },
          { value: 'earlier', label: <span data-testid={`${testId}-earlier`}>{t('publicity.doneAtEarlier')}</span> },
        ]}
      />
      {wall ? (
        <Flex gap={8}>
          <DatePicker
            allowClear={false}
            inputReadOnly
            value={wall}
            onChange={(d) => d && set(d.hour(wall.hour()).minute(wall.minute()))}
            disabledDate={(d) => d.isAfter(now, 'day') || d.isBefore(now.subtract(BACK_DAYS, 'day'), 'day')}
            style={{ flex: 3, minWidth: 0 }}
            data-testid={`${testId}-date`}
          />
          <TimePicker
            allowClear={false}
            inputReadOnly
            format="HH:mm"
            minuteStep={5}
            needConfirm={false}
            showNow={false}
            value={wall}
            onChange={(v) => v && set(wall.hour(v.hour()).minute(v.minute()))}
            style={{ flex: 2, minWidth: 0 }}
            data-testid={`${testId}-time`}
          />
        </Flex>
      ) : null}
    </Flex>
  );
}
