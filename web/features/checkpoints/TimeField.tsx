import { TimePicker } from 'antd';
import dayjs from 'dayjs';

const FORMAT = 'HH:mm';

function toDayjs(value: string) {
  const [h, m] = value.split(':').map(Number);
  return dayjs()
    .hour(h ?? 0)
    .minute(m ?? 0)
    .second(0)
    .millisecond(0);
}

/** A wall-clock time kept as the API's 'HH:MM' string, picked with antd's TimePicker. */
export function TimeField({
  value,
  onChange,
  placeholder,
  testId,
}: {
  value?: string | null;
  onChange?: (value: string | null) => void;
  placeholder?: string;
  testId: string;
}) {
  return (
    <TimePicker
      format={FORMAT}
      minuteStep={5}
      needConfirm={false}
      showNow={false}
      value={value ? toDayjs(value) : null}
      onChange={(time) => onChange?.(time ? time.format(FORMAT) : null)}
      placeholder={placeholder}
      aria-label={placeholder}
      style={{ width: 100 }}
      data-testid={testId}
    />
  );
}
