import { EditOutlined, LockOutlined } from '@ant-design/icons';
import { Button, Card, Empty, Flex, Typography } from 'antd';
import { useEffect, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { PASSAGE_PURPOSE_LABELS } from '../../../../common/labels.ts';
import { useLanguage } from '../../../app/useLanguage.ts';
import { clock } from '../../duty/dutyTime.ts';
import { DirectionTag, FollowUpKindTag, OriginText, SubjectTag, TemperatureText } from '../PassageBits.tsx';
import type { Passage } from '../passages.api.ts';
import { useWaitingPassages, WaitingEntry } from './WaitingEntries.tsx';

/** The clock, ticking each second while something on the page counts down. */
function useNow(ticking: boolean): number {
  const [now, setNow] = useState(() => Date.now());
  useEffect(() => {
    if (!ticking) return;
    const timer = setInterval(() => setNow(Date.now()), 1000);
    return () => clearInterval(timer);
  }, [ticking]);
  return now;
}

function countdown(ms: number): string {
  const seconds = Math.max(0, Math.ceil(ms / 1000));
  return `${Math.floor(seconds / 60)}:${String(seconds % 60).padStart(2, '0')}`;
}

function Entry({
  passage: p,
  first,
  now,
  onEdit,
}: {
  passage: Passage;
  first: boolean;
  now: number;
  onEdit: (p: Passage) => void;
}) {
  const { t } = useTranslation();
  const language = useLanguage();
  const left = Date.parse(p.editableUntil) - now;
  const editable = p.editable && left > 0;
  const who = [p.name, p.mobile, p.plate].filter(Boolean).join(' ');
  return (
    <Flex
      vertical
      gap={4}
      style={{ padding: '10px 0', borderTop: first ? undefined : '1px solid #f0f0f0' }}
      data-testid={`passage-recent-${p.id}`}
    >
      <Flex align="center" justify="space-between" gap={8}>
        <Flex wrap align="center" gap={6} style={{ minWidth: 0 }}>
          <Typography.Text strong>{clock(p.occurredAt)}</Typography.Text>
          <DirectionTag direction={p.direction} />
          <SubjectTag subject={p.subject} people={p.people} />
          <TemperatureText temperature={p.temperature} remeasured={p.remeasured} fever={p.fever} />
        </Flex>
        {editable ? (
          <Button
            icon={<EditOutlined />}
            onClick={() => onEdit(p)}
            style={{ height: 40, flex: 'none' }}
            aria-label={t('passages.entry.editLeft', { time: countdown(left) })}
            data-testid={`passage-edit-${p.id}`}
          >
            {countdown(left)}
          </Button>
        ) : (
          <Typography.Text type="secondary" style={{ flex: 'none', fontSize: 13 }} data-testid={`passage-locked-${p.id}`}>
            <LockOutlined /> {t('passages.entry.locked')}
          </Typography.Text>
        )}
      </Flex>
      <Flex wrap align="center" gap={6} style={{ fontSize: 13 }}>
        {p.originName ? <OriginText name={p.originName} risky={p.fromRiskArea} /> : null}
        {who ? <Typography.Text type="secondary">{who}</Typography.Text> : null}
        {p.purpose ? <Typography.Text type="secondary">{PASSAGE_PURPOSE_LABELS[p.purpose][language]}</Typography.Text> : null}
        {p.leaflets ? (
          <Typography.Text type="secondary">{t('passages.leafletsCount', { count: p.leaflets })}</Typography.Text>
        ) : null}
        {p.followUps.map((f) => (
          <FollowUpKindTag key={f.id} kind={f.kind} />
        ))}
      </Flex>
    </Flex>
  );
}

/**
 * 我的最近登记: the volunteer's own latest entries here, each correctable for a few minutes; the
 * ones still waiting on the phone to be sent come first, marked 待发送.
 */
export function RecentEntries({
  checkpointId,
  recent,
  onEdit,
}: {
  checkpointId: string;
  recent: Passage[];
  onEdit: (p: Passage) => void;
}) {
  const { t } = useTranslation();
  const now = useNow(recent.some((p) => p.editable));
  const waiting = useWaitingPassages(checkpointId);
  return (
    <Card size="small" title={t('passages.entry.recent')} data-testid="passage-recent">
      {waiting.map((e, i) => (
        <WaitingEntry key={e.key} entry={e} first={i === 0} />
      ))}
      {recent.length ? (
        recent.map((p, i) => <Entry key={p.id} passage={p} first={i === 0 && !waiting.length} now={now} onEdit={onEdit} />)
      ) : waiting.length ? null : (
        <Empty image={Empty.PRESENTED_IMAGE_SIMPLE} description={t('passages.entry.recentEmpty')} />
      )}
    </Card>
  );
}
