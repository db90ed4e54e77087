import { Tag, Tooltip } from 'antd';
import { useTranslation } from 'react-i18next';
import type { CheckpointStatus, RiskLevel } from '../../../common/enums.ts';
import { CHECKPOINT_STATUS_LABELS, RISK_LABELS } from '../../../common/labels.ts';
import { useLanguage } from '../../app/useLanguage.ts';
import type { Checkpoint } from './checkpoints.api.ts';
import { shiftSummary, slotText } from './shiftPattern.ts';

/**
 * 4 the highest; the colours run like a traffic light so a red row stands out in a long list. The
 * same scale in tags, coverage bars and cards wherever risk shows.
 */
export const RISK_COLORS: Record<RiskLevel, { tag: string; bar: string }> = {
  4: { tag: 'red', bar: '#cf1322' },
  3: { tag: 'orange', bar: '#d46b08' },
  2: { tag: 'gold', bar: '#d4b106' },
  1: { tag: 'green', bar: '#389e0d' },
};

export function RiskTag({ risk }: { risk: RiskLevel }) {
  const language = useLanguage();
  return (
    <Tag color={RISK_COLORS[risk].tag} data-risk={risk} style={{ marginInlineEnd: 0 }}>
      {RISK_LABELS[risk][language]}
    </Tag>
  );
}

export function CheckpointStatusTag({ status }: { status: CheckpointStatus }) {
  const language = useLanguage();
  return <Tag color={status === 'active' ? 'blue' : 'default'}>{CHECKPOINT_STATUS_LABELS[status][language]}</Tag>;
}

export function OpeningText({ checkpoint }: { checkpoint: Pick<Checkpoint, 'hours24' | 'opensAt' | 'closesAt'> }) {
  const { t } = useTranslation();
  if (checkpoint.hours24) return <>{t('checkpoints.hours24')}</>;
  return <span style={{ whiteSpace: 'nowrap' }}>{`${checkpoint.opensAt ?? ''}–${checkpoint.closesAt ?? ''}`}</span>;
}

/** "3班 × 2人", the exact pattern in the tooltip. */
export function ShiftsSummary({ checkpoint }: { checkpoint: Checkpoint }) {
  const { t } = useTranslation();
  const summary = shiftSummary(checkpoint.shiftPattern);
  const text =
    summary.people === null
      ? t('checkpoints.shiftsMixed', { slots: summary.slots, total: summary.total })
      : t('checkpoints.shiftsUniform', { slots: summary.slots, people: summary.people });
  return (
    <Tooltip
      title={
        <>
          {checkpoint.shiftPattern.map((slot, i) => (
            <div key={i}>{slotText(slot, t('checkpoints.nextDay'))}</div>
          ))}
          <div>{t('checkpoints.shiftsTooltip', { total: summary.total })}</div>
        </>
      }
    >
      <span style={{ whiteSpace: 'nowrap', cursor: 'help' }} data-testid={`checkpoint-shifts-${checkpoint.id}`}>
        {text}
      </span>
    </Tooltip>
  );
}
