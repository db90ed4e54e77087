import { App, Flex, Tag, Tooltip, Typography } from 'antd';
import { useCallback, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { Link } from 'react-router';
import type { Measure } from '../../../common/enums.ts';
import { CASE_STATUS_LABELS, ISOLATION_KIND_LABELS, MEASURE_LABELS } from '../../../common/labels.ts';
import { MEASURE_REASON_LABELS, type MeasureReason } from '../../../common/measures.ts';
import type { CaseRef } from '../../../server/features/quarantine/returnees.schemas.ts';
import { useConfirm } from '../../app/confirm.ts';
import { useLanguage } from '../../app/useLanguage.ts';
import type { PersonReveal, Returnee } from './returnees.api.ts';

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

/** The isolation case opened for the person, linked to its page. */
export function CaseLink({ value }: { value: CaseRef | null }) {
  const language = useLanguage();
  if (!value) return <Typography.Text type="secondary">—</Typography.Text>;
  return (
    <Link to={`/quarantine/cases/${value.id}`} data-testid={`case-link-${value.id}`}>
      {value.ref} · {ISOLATION_KIND_LABELS[value.kind][language]} · {CASE_STATUS_LABELS[value.status][language]}
    </Link>
  );
}

/** Name, ID number and mobile as the list may show them: masked unless revealed. */
export function PersonCell({
  person,
  revealed,
}: {
  person: { name: string; idNumber: string | null; mobile: string | null };
  revealed?: PersonReveal;
}) {
  const shown = revealed ?? person;
  return (
    <Flex vertical gap={0}>
      <Typography.Text strong>{shown.name}</Typography.Text>
      {shown.mobile ? <span>{shown.mobile}</span> : null}
      {shown.idNumber ? (
        <Typography.Text type="secondary" style={{ fontSize: 12 }}>
          {shown.idNumber}
        </Typography.Text>
      ) : null}
    </Flex>
  );
}

/** The person behind a row's masks, after a confirmation saying the look is audited; kept while the list is shown. */
export function useRevealedPeople(testId: string, fetch: (id: string) => Promise<PersonReveal>) {
  const { t } = useTranslation();
  const { message } = App.useApp();
  const confirm = useConfirm();
  const [revealed, setRevealed] = useState<Record<string, PersonReveal>>({});
  const reveal = useCallback(
    (id: string) =>
      confirm({
        title: t('returnees.revealTitle'),
        content: t('returnees.revealConfirm'),
        okText: t('returnees.reveal'),
        testId,
        action: async () => {
          const shown = await fetch(id);
          setRevealed((prev) => ({ ...prev, [id]: shown }));
          void message.info(t('returnees.revealAudited'));
        },
      }),
    [confirm, fetch, message, t, testId],
  );
  return { revealed, reveal };
}
