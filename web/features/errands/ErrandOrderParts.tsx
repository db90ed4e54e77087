import { Timeline, Typography } from 'antd';
import type { ErrandEventKind, ErrandStatus } from '../../../common/enums.ts';
import { ERRAND_EVENT_KIND_LABELS } from '../../../common/labels.ts';
import { formatDateTime } from '../../app/dates.ts';
import { useLanguage } from '../../app/useLanguage.ts';

export const STATUS_COLOR: Record<ErrandStatus, string> = {
  new: 'blue',
  claimed: 'cyan',
  purchasing: 'gold',
  delivering: 'orange',
  delivered: 'green',
  confirmed: 'green',
  cancelled: 'default',
};

/** Every step of an order, oldest first; staff see who acted, the resident does not. */
export function OrderSteps({ steps }: { steps: { kind: ErrandEventKind; at: string; by: string | null }[] }) {
  const language = useLanguage();
  return (
    <Timeline
      data-testid="errand-steps"
      items={steps.map((s) => ({
        color: s.kind === 'cancelled' || s.kind === 'complaint' ? 'red' : s.kind === 'escalated' ? 'orange' : 'blue',
        content: (
          <span data-testid={`errand-step-${s.kind}`}>
            {ERRAND_EVENT_KIND_LABELS[s.kind][language]}
            <Typography.Text type="secondary" style={{ marginLeft: 8 }}>
              {formatDateTime(s.at)}
              {s.by ? ` · ${s.by}` : ''}
            </Typography.Text>
          </span>
        ),
      }))}
    />
  );
}

/** Money is kept in fen. */
export const yuanText = (fen: number) => (fen / 100).toFixed(2);
