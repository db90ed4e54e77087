import { Card, Flex, Statistic } from 'antd';
import { useTranslation } from 'react-i18next';
import type { DutyNow } from '../now.api.ts';

type TotalKey = keyof DutyNow['totals'];

const ORDER: TotalKey[] = ['checkpoints', 'required', 'onDuty', 'due', 'absent'];
const COLORS: Partial<Record<TotalKey, string>> = { onDuty: '#389e0d', due: '#d46b08', absent: '#cf1322' };

/** Five numbers a commander reads first; on a phone they wrap three and two to a row. */
export function TotalsCards({ totals, loading }: { totals: DutyNow['totals'] | undefined; loading: boolean }) {
  const { t } = useTranslation();
  return (
    <Flex wrap gap={12} style={{ marginBottom: 16 }}>
      {ORDER.map((key) => (
        <Card key={key} size="small" style={{ flex: '1 1 100px' }}>
          <Statistic
            title={t(`dutyNow.totals.${key}`)}
            value={totals?.[key] ?? 0}
            loading={loading}
            styles={COLORS[key] && totals?.[key] ? { content: { color: COLORS[key] } } : undefined}
            data-testid={`duty-now-total-${key}`}
          />
        </Card>
      ))}
    </Flex>
  );
}
