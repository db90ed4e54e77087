/** How a passage reads wherever it shows: the gate's recent list, the desk table, a follow-up task. */
import { Tag, Typography } from 'antd';
import { useTranslation } from 'react-i18next';
import type { FollowUpKind, PassageDirection, PassageSubject } from '../../../common/enums.ts';
import { FOLLOW_UP_KIND_LABELS, PASSAGE_DIRECTION_LABELS, PASSAGE_SUBJECT_LABELS } from '../../../common/labels.ts';
import { useLanguage } from '../../app/useLanguage.ts';
import { formatTemperature } from './entry/TemperaturePicker.tsx';

const TAG = { marginInlineEnd: 0 } as const;

/** 进 green, 出 blue: the two directions never look alike at a glance. */
export function DirectionTag({ direction }: { direction: PassageDirection }) {
  const language = useLanguage();
  return (
    <Tag color={direction === 'in' ? 'green' : 'blue'} style={TAG}>
      {PASSAGE_DIRECTION_LABELS[direction][language]}
    </Tag>
  );
}

/** A vehicle with its occupants: 车辆 3人. */
export function SubjectTag({ subject, people }: { subject: PassageSubject; people: number }) {
  const { t } = useTranslation();
  const language = useLanguage();
  const label = PASSAGE_SUBJECT_LABELS[subject][language];
  return <Tag style={TAG}>{subject === 'vehicle' ? t('passages.vehiclePeople', { label, count: people }) : label}</Tag>;
}

/** 36.5°C, or 37.8 → 37.6°C after a re-measure; red when the entry counts as a fever. */
export function TemperatureText({
  temperature,
  remeasured,
  fever,
}: {
  temperature: number | null;
  remeasured: number | null;
  fever: boolean;
}) {
  const { t } = useTranslation();
  if (temperature === null) return <Typography.Text type="secondary">{t('passages.notMeasured')}</Typography.Text>;
  const text =
    remeasured === null
      ? `${formatTemperature(temperature)}°C`
      : `${formatTemperature(temperature)} → ${formatTemperature(remeasured)}°C`;
  return (
    <Typography.Text strong={fever} type={fever ? 'danger' : undefined} style={{ whiteSpace: 'nowrap' }}>
      {text}
    </Typography.Text>
  );
}

/** The origin's full name; an origin in a risk area in red. */
export function OriginText({ name, risky }: { name: string | null; risky: boolean }) {
  const { t } = useTranslation();
  if (!name) return <Typography.Text type="secondary">—</Typography.Text>;
  return (
    <Typography.Text type={risky ? 'danger' : undefined} strong={risky}>
      {name}
      {risky ? ` (${t('passages.riskArea')})` : ''}
    </Typography.Text>
  );
}

export function FollowUpKindTag({ kind }: { kind: FollowUpKind }) {
  const language = useLanguage();
  return (
    <Tag color={kind === 'fever' ? 'red' : 'volcano'} style={TAG}>
      {FOLLOW_UP_KIND_LABELS[kind][language]}
    </Tag>
  );
}
