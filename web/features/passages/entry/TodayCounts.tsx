import { Typography } from 'antd';
import { useTranslation } from 'react-i18next';
import type { CountTotals } from '../passages.api.ts';

/** Today at this gate in one strip: what the team leader asks for at the shift change. */
export function TodayCounts({ today }: { today: CountTotals }) {
  const { t } = useTranslation();
  const cells: { key: keyof CountTotals; label: string; alert?: boolean }[] = [
    { key: 'passers', label: t('passages.counts.passers') },
    { key: 'vehicles', label: t('passages.counts.vehicles') },
    { key: 'fevers', label: t('passages.counts.fevers'), alert: today.fevers > 0 },
    { key: 'riskArrivals', label: t('passages.entry.todayRisk'), alert: today.riskArrivals > 0 },
    { key: 'leaflets', label: t('passages.counts.leaflets') },
  ];
  return (
    <div style={{ display: 'grid', gridTemplateColumns: `repeat(${cells.length}, 1fr)`, gap: 4 }} data-testid="passage-today">
      {cells.map((c) => (
        <div key={c.key} style={{ textAlign: 'center', minWidth: 0 }}>
          <div
            style={{ fontSize: 22, fontWeight: 700, lineHeight: 1.2, color: c.alert ? '#cf1322' : undefined }}
            data-testid={`passage-today-${c.key}`}
          >
            {today[c.key]}
          </div>
          <Typography.Text type="secondary" style={{ display: 'block', fontSize: 12, lineHeight: 1.3 }}>
            {c.label}
          </Typography.Text>
        </div>
      ))}
    </div>
  );
}
