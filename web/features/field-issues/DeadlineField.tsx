import { Button, DatePicker, Flex, TimePicker } from 'antd';
import dayjs, { type Dayjs } from 'dayjs';
import { useTranslation } from 'react-i18next';
import { platformTimeZone } from '../../app/dates.ts';

const WALL = 'YYYY-MM-DD HH:mm';
/** The server refuses a deadline further out than this. */
const MAX_DAYS = 30;
const STEP_MINUTES = 5;

/**
 * The pickers work in the browser's clock; a deadline is the wall-clock time where the checkpoints
 * are. So the picked value is a browser-local dayjs showing that wall clock, converted both ways.
 */
function toWall(iso: string): Dayjs {
  return dayjs(dayjs(iso).tz(platformTimeZone()).format(WALL));
}

function fromWall(wall: Dayjs): string {
  return dayjs.tz(wall.format(WALL), platformTimeZone()).toISOString();
}

/** Tomorrow at this time, on the picker's 5-minute step: the server's own default, shown so it can be changed. */
export function defaultDeadline(): string {
  const at = dayjs().add(1, 'day').second(0).millisecond(0);
  return at.minute(Math.ceil(at.minute() / STEP_MINUTES) * STEP_MINUTES).toISOString();
}

const QUICK: { key: 'h4' | 'd1' | 'd3' | 'd7'; hours: number }[] = [
  { key: 'h4', hours: 4 },
  { key: 'd1', hours: 24 },
  { key: 'd3', hours: 72 },
  { key: 'd7', hours: 168 },
];

/**
 * A deadline as an ISO instant: a date and a time picker side by side (one panel each, so they fit a
 * phone) and quick choices for the usual spans.
 */
export function DeadlineField({
  value,
  onChange,
  testId,
}: {
  value?: string | null;
  onChange?: (value: string) => void;
  testId: string;
}) {
  const { t } = useTranslation();
  const wall = value ? toWall(value) : null;
  const today = toWall(new Date().toISOString()).startOf('day');

  function pickDate(day: Dayjs | null) {
    if (!day) return;
    const base = wall ?? toWall(defaultDeadline());
    onChange?.(fromWall(day.hour(base.hour()).minute(base.minute())));
  }

  function pickTime(time: Dayjs | null) {
    if (!time) return;
    const base = wall ?? toWall(defaultDeadline());
    onChange?.(fromWall(base.hour(time.hour()).minute(time.minute())));
  }

  return (
    <Flex vertical gap={8}>
      <Flex gap={8}>
        <DatePicker
          allowClear={false}
          value={wall}
          onChange={pickDate}
          inputReadOnly
          disabledDate={(d) => d.isBefore(today) || d.isAfter(today.add(MAX_DAYS, 'day'))}
          style={{ flex: 3, minWidth: 0 }}
          data-testid={`${testId}-date`}
        />
        <TimePicker
          allowClear={false}
          format="HH:mm"
          minuteStep={STEP_MINUTES}
          needConfirm={false}
          showNow={false}
          inputReadOnly
          value={wall}
          onChange={pickTime}
          style={{ flex: 2, minWidth: 0 }}
          data-testid={`${testId}-time`}
        />
      </Flex>
      <Flex gap={6}>
        {QUICK.map((q) => (
          <Button
            key={q.key}
            // Four across even on a 375px phone.
            style={{ flex: '1 1 0', minWidth: 0, paddingInline: 4 }}
            onClick={() => onChange?.(dayjs().add(q.hours, 'hour').second(0).millisecond(0).toISOString())}
            data-testid={`${testId}-${q.key}`}
          >
            {t(`fieldIssues.quick.${q.key}`)}
          </Button>
        ))}
      </Flex>
    </Flex>
  );
}
