import { Tag, Typography } from 'antd';
import { useTranslation } from 'react-i18next';
import type { AllocationStatus } from '../../../common/enums.ts';
import { ALLOCATION_STATUS_LABELS } from '../../../common/labels.ts';
import { formatDateTime } from '../../app/dates.ts';
import { useLanguage } from '../../app/useLanguage.ts';
import { itemName, itemUnit, type Donation, type Line } from './supplies.api.ts';

const STATUS_COLORS: Record<AllocationStatus, string> = { sent: 'gold', confirmed: 'green', reversed: 'default' };

export function AllocationStatusTag({ status }: { status: AllocationStatus }) {
  const language = useLanguage();
  return (
    <Tag color={STATUS_COLORS[status]} data-testid={`allocation-status-${status}`}>
      {ALLOCATION_STATUS_LABELS[status][language]}
    </Tag>
  );
}

/** The lines of a record, wrapping in a narrow column: 医用外科口罩 300 只 · 84消毒液 20 瓶. */
export function LinesList({ lines }: { lines: readonly Line[] }) {
  const language = useLanguage();
  return (
    <div style={{ display: 'flex', flexWrap: 'wrap', columnGap: 10, maxWidth: 300 }}>
      {lines.map((l) => (
        <span key={l.item.id} style={{ whiteSpace: 'nowrap' }}>
          {itemName(l.item, language)} <Typography.Text strong>{l.quantity}</Typography.Text> {itemUnit(l.item, language)}
        </span>
      ))}
    </div>
  );
}

/** Who reversed a record, when and why; nothing when it stands. */
export function ReversalNote({ reversal }: { reversal: Donation['reversal'] }) {
  const { t } = useTranslation();
  if (!reversal) return null;
  return (
    <Typography.Text type="secondary" style={{ fontSize: 12, display: 'block', maxWidth: 300, whiteSpace: 'normal' }}>
      {t('supplies.reverse.reversedBy', { by: reversal.by.name, at: formatDateTime(reversal.at), reason: reversal.reason })}
    </Typography.Text>
  );
}
