/** The pieces of a kept conflict the list and its drawer share: its kind, who made it, its two times, its state. */
import { Descriptions, Flex, Tag, Typography } from 'antd';
import type { ReactNode } from 'react';
import { useTranslation } from 'react-i18next';
import { FEELINGS, SYMPTOMS, type Feeling, type OfflineConflictKind, type Symptom } from '../../../common/enums.ts';
import {
  FEELING_LABELS,
  OFFLINE_CONFLICT_KIND_LABELS,
  OFFLINE_CONFLICT_STATUS_LABELS,
  SYMPTOM_LABELS,
} from '../../../common/labels.ts';
import { formatDateTime } from '../../app/dates.ts';
import { useLanguage } from '../../app/useLanguage.ts';
import type { Conflict } from './sync.api.ts';

const KIND_COLOR: Record<OfflineConflictKind, string> = { shift_reassigned: 'orange', case_released: 'purple' };

/**
 * To the minute, the year only when it is not this one: the made and received times of one entry
 * are read side by side, and a list row has little room.
 */
export function minuteOf(iso: string): string {
  const at = formatDateTime(iso);
  return at.slice(0, 4) === formatDateTime(new Date().toISOString()).slice(0, 4) ? at.slice(5, 16) : at.slice(0, 16);
}

export function ConflictKindTag({ kind }: { kind: OfflineConflictKind }) {
  const language = useLanguage();
  return <Tag color={KIND_COLOR[kind]}>{OFFLINE_CONFLICT_KIND_LABELS[kind][language]}</Tag>;
}

/** The shift as the volunteer held it: 'MM-DD HH:mm–HH:mm' (the end's day too when it is another). */
export function shiftText(shift: NonNullable<Conflict['shift']>): { from: string; to: string } {
  const from = formatDateTime(shift.startsAt);
  const to = shift.endsAt ? formatDateTime(shift.endsAt) : '';
  return { from: from.slice(5, 16), to: to.slice(0, 10) === from.slice(0, 10) ? to.slice(11, 16) : to.slice(5, 16) };
}

/** Who made the entry: the volunteer, where and on which shift; or the isolated person (masked) by their case. */
export function ConflictWho({ conflict: c }: { conflict: Conflict }) {
  const { t } = useTranslation();
  if (c.case) {
    return (
      <Flex vertical>
        <span>
          {c.case.personName} <Typography.Text type="secondary">{c.case.ref}</Typography.Text>
        </span>
        <Typography.Text type="secondary">{c.madeBy?.name ?? t('conflicts.resident')}</Typography.Text>
      </Flex>
    );
  }
  return (
    <Flex vertical>
      <span>{c.volunteer?.name ?? c.madeBy?.name ?? '—'}</span>
      {/* One line each, so the column stays narrow enough for the list to fit a desk screen. */}
      {c.checkpoint ? <Typography.Text type="secondary">{c.checkpoint.name}</Typography.Text> : null}
      {c.shift ? <Typography.Text type="secondary">{t('conflicts.shift', shiftText(c.shift))}</Typography.Text> : null}
    </Flex>
  );
}

/** How long the entry waited on the phone, in words. */
export function useLateness(): (c: Conflict) => string {
  const { t } = useTranslation();
  return (c) => {
    const minutes = Math.floor((Date.parse(c.receivedAt) - Date.parse(c.madeAt)) / 60_000);
    const time =
      minutes < 1
        ? t('conflicts.underMinute')
        : minutes < 60
          ? t('conflicts.minutes', { m: minutes })
          : t('conflicts.hours', { h: Math.floor(minutes / 60), m: minutes % 60 });
    return t('conflicts.late', { time });
  };
}

/** The made and received times, and the wait between them. */
export function ConflictTimes({ conflict: c }: { conflict: Conflict }) {
  const { t } = useTranslation();
  const lateness = useLateness();
  return (
    <Flex vertical>
      <span data-testid={`conflict-made-${c.id}`}>
        <Typography.Text type="secondary">{t('conflicts.madeAt')}：</Typography.Text>
        {minuteOf(c.madeAt)}
      </span>
      <span data-testid={`conflict-received-${c.id}`}>
        <Typography.Text type="secondary">{t('conflicts.receivedAt')}：</Typography.Text>
        {minuteOf(c.receivedAt)}
      </span>
      <Typography.Text type="secondary">{lateness(c)}</Typography.Text>
    </Flex>
  );
}

/** Open, or resolved with who, when and the note. */
export function ConflictState({ conflict: c, testId }: { conflict: Conflict; testId?: string }) {
  const { t } = useTranslation();
  const language = useLanguage();
  const tag = (
    <Tag color={c.status === 'open' ? 'red' : 'green'} data-testid={testId ?? `conflict-status-${c.id}`} data-status={c.status}>
      {OFFLINE_CONFLICT_STATUS_LABELS[c.status][language]}
    </Tag>
  );
  if (c.status === 'open') return tag;
  return (
    <Flex vertical gap={2} style={{ maxWidth: 200 }}>
      <span>{tag}</span>
      {c.resolvedAt ? (
        <Typography.Text type="secondary">
          {t('conflicts.resolvedBy', { name: c.resolvedBy?.name ?? '—', time: minuteOf(c.resolvedAt) })}
        </Typography.Text>
      ) : null}
      {c.resolutionNote ? <Typography.Text>{c.resolutionNote}</Typography.Text> : null}
    </Flex>
  );
}

const isSymptom = (v: unknown): v is Symptom => SYMPTOMS.includes(v as Symptom);
const isFeeling = (v: unknown): v is Feeling => FEELINGS.includes(v as Feeling);
const plain = (v: unknown) => (v === null || v === undefined ? '—' : typeof v === 'string' ? v : JSON.stringify(v));

/**
 * What the phone sent, as a person reads it: a check-in's action and time, a report's temperature,
 * symptoms and feeling. Anything else the entry holds is listed as it came.
 */
export function ConflictEntry({ conflict: c }: { conflict: Conflict }) {
  const { t } = useTranslation();
  const language = useLanguage();
  const e = c.entry;
  if (!e) return <Typography.Text type="secondary">{t('conflicts.entryGone')}</Typography.Text>;
  const shown = new Set<string>();
  const items: { key: string; label: string; children: ReactNode }[] = [];
  const add = (key: string, label: string, children: ReactNode) => {
    shown.add(key);
    if (key in e) items.push({ key, label, children });
  };
  if (c.kind === 'shift_reassigned') {
    add('action', t('conflicts.action'), e.action === 'checkOut' ? t('conflicts.checkOut') : t('conflicts.checkIn'));
    add('at', t('conflicts.time'), typeof e.at === 'string' ? formatDateTime(e.at) : plain(e.at));
    add('withPosition', t('conflicts.position'), e.withPosition ? t('conflicts.withPosition') : t('conflicts.withoutPosition'));
  } else {
    shown.add('fever');
    add(
      'temperature',
      t('conflicts.temperature'),
      typeof e.temperature === 'number' ? (
        <span>
          {e.temperature.toFixed(1)} °C{' '}
          {e.fever ? (
            <Tag color="red" style={{ marginLeft: 4 }}>
              {t('conflicts.fever')}
            </Tag>
          ) : null}
        </span>
      ) : (
        plain(e.temperature)
      ),
    );
    add(
      'symptoms',
      t('conflicts.symptoms'),
      Array.isArray(e.symptoms) && e.symptoms.length
        ? e.symptoms.map((s) => (isSymptom(s) ? SYMPTOM_LABELS[s][language] : plain(s))).join('、')
        : t('conflicts.noSymptoms'),
    );
    add('feeling', t('conflicts.feeling'), isFeeling(e.feeling) ? FEELING_LABELS[e.feeling][language] : plain(e.feeling));
    if (e.helpRequest) add('helpRequest', t('conflicts.helpRequest'), plain(e.helpRequest));
    else shown.add('helpRequest');
  }
  for (const [key, value] of Object.entries(e)) if (!shown.has(key)) items.push({ key, label: key, children: plain(value) });
  return <Descriptions size="small" column={1} bordered items={items} data-testid={`conflict-entry-${c.id}`} />;
}
