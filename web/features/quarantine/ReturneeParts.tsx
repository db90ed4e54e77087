import { Flex, Tag, Tooltip, Typography } from 'antd';
import { useTranslation } from 'react-i18next';
import type { Measure } from '../../../common/enums.ts';
import { MEASURE_LABELS } from '../../../common/labels.ts';
import { MEASURE_REASON_LABELS, type MeasureReason } from '../../../common/measures.ts';
import { useLanguage } from '../../app/useLanguage.ts';
import type { Returnee } from './returnees.api.ts';

const MEASURE_COLORS: Record<Measure, string> = { home_isolation: 'red', health_monitoring: 'orange', none: 'green' };

export function MeasureTag({ measure, dashed }: { measure: Measure; dashed?: boolean }) {
  const language = useLanguage();
  return (
    <Tag
      color={MEASURE_COLORS[measure]}
      variant={dashed ? 'outlined' : 'solid'}
      style={{ marginInlineEnd: 0, borderStyle: dashed ? 'dashed' : undefined }}
    >
      {MEASURE_LABELS[measure][language]}
    </Tag>
  );
}

export function useReasonText(): (reasons: readonly MeasureReason[]) => string {
  const { t } = useTranslation();
  const language = useLanguage();
  return (reasons) =>
    reasons.length ? reasons.map((r) => MEASURE_REASON_LABELS[r][language]).join('、') : t('returnees.noReason');
}

/** The proposal (outlined) and, once staff decided, the confirmed measure (solid) with who decided. */
export function MeasureCell({ returnee: r }: { returnee: Returnee }) {
  const { t } = useTranslation();
  const reasons = useReasonText();
  return (
    <Flex vertical gap={2} data-testid={`returnee-measure-${r.id}`}>
      <Flex gap={4} align="center" wrap>
        <Tooltip title={t('returnees.reasons', { reasons: reasons(r.proposalReasons) })}>
          <span>
            <MeasureTag measure={r.proposedMeasure} dashed />
          </span>
        </Tooltip>
        {r.measure ? <span>→</span> : null}
        {r.measure ? <MeasureTag measure={r.measure} /> : <Tag color="gold">{t('returnees.pending')}</Tag>}
      </Flex>
      {r.measureBy ? (
        <Typography.Text type="secondary" style={{ fontSize: 12 }}>
          {t('returnees.confirmedBy', { name: r.measureBy.name })}
          {r.measureReason ? `：${r.measureReason}` : ''}
        </Typography.Text>
      ) : null}
    </Flex>
  );
}
