import { useQueryClient } from '@tanstack/react-query';
import { Flex, Tag, Typography } from 'antd';
import { useMemo } from 'react';
import { useTranslation } from 'react-i18next';
import type { Language, PassageDirection, PassageSubject } from '../../../../common/enums.ts';
import { PASSAGE_DIRECTION_LABELS, PASSAGE_SUBJECT_LABELS } from '../../../../common/labels.ts';
import type { OutboxEntry } from '../../../field/sync/outbox.ts';
import { useKeptUntilSent } from '../../../field/sync/useOutbox.ts';
import { clock } from '../../duty/dutyTime.ts';
import { DirectionTag, SubjectTag } from '../PassageBits.tsx';
import { PASSAGES_KEY, type CreatePassageInput } from '../passages.api.ts';
import { formatTemperature } from './TemperaturePicker.tsx';

/** The line in the outbox's list: direction, kind of passer and reading, nothing that names them. */
export function passageSummary(body: CreatePassageInput, language: Language): string {
  const parts = [PASSAGE_DIRECTION_LABELS[body.direction][language], PASSAGE_SUBJECT_LABELS[body.subject][language]];
  if (body.temperature !== undefined && body.temperature !== null) parts.push(`${formatTemperature(body.temperature)}°C`);
  return parts.join(' · ');
}

/**
 * The entries of this checkpoint still on the phone, newest first: the volunteer sees that nothing
 * entered offline went missing. When some leave the outbox, the server's list is read again.
 */
export function useWaitingPassages(checkpointId: string): OutboxEntry[] {
  const client = useQueryClient();
  const passages = useKeptUntilSent('account', 'passage', () => void client.invalidateQueries({ queryKey: [PASSAGES_KEY] }));
  return useMemo(() => passages.filter((e) => e.body.checkpointId === checkpointId).reverse(), [passages, checkpointId]);
}

/** One entry not yet on the server, marked 待发送 (or 被拒收, with the reason in the outbox list). */
export function WaitingEntry({ entry: e, first }: { entry: OutboxEntry; first: boolean }) {
  const { t } = useTranslation();
  const body = e.body as unknown as CreatePassageInput;
  const who = [body.name, body.mobile, body.plate].filter(Boolean).join(' ');
  return (
    <Flex
      vertical
      gap={4}
      style={{ padding: '10px 0', borderTop: first ? undefined : '1px solid #f0f0f0' }}
      data-testid={`passage-waiting-${e.key}`}
    >
      <Flex wrap align="center" gap={6}>
        <Typography.Text strong>{clock(e.madeAt)}</Typography.Text>
        <DirectionTag direction={body.direction as PassageDirection} />
        <SubjectTag subject={body.subject as PassageSubject} people={body.people ?? 1} />
        {body.temperature !== undefined && body.temperature !== null ? (
          <Typography.Text>{formatTemperature(body.temperature)}°C</Typography.Text>
        ) : null}
        <Tag color={e.status === 'refused' ? 'red' : 'orange'} style={{ marginInlineEnd: 0 }}>
          {e.status === 'refused' ? t('sync.status.refused') : t('sync.pending')}
        </Tag>
      </Flex>
      {who ? (
        <Typography.Text type="secondary" style={{ fontSize: 13 }}>
          {who}
        </Typography.Text>
      ) : null}
    </Flex>
  );
}
