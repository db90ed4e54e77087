import { Tag, Typography } from 'antd';
import { useTranslation } from 'react-i18next';
import type { CaseStatus } from '../../../common/enums.ts';
import { CASE_STATUS_LABELS } from '../../../common/labels.ts';
import { useLanguage } from '../../app/useLanguage.ts';
import type { CaseSummary } from './cases.api.ts';

const STATUS_COLOR: Record<CaseStatus, string> = { active: 'processing', released: 'success', transferred: 'error' };

export function CaseStatusTag({ status }: { status: CaseStatus }) {
  const language = useLanguage();
  return <Tag color={STATUS_COLOR[status]}>{CASE_STATUS_LABELS[status][language]}</Tag>;
}

/** 第 N 天 / 共 M 天, with the due-for-release mark while the case is open. */
export function DayCounter({ c }: { c: Pick<CaseSummary, 'counter' | 'status' | 'endsOn'> }) {
  const { t } = useTranslation();
  const { day, total, remaining, dueForRelease } = c.counter;
  return (
    <span>
      <Typography.Text strong>{t('cases.dayCounter', { day, total })}</Typography.Text>{' '}
      {c.status !== 'active' ? null : dueForRelease ? (
        <Tag color="gold" data-testid="case-due">
          {t(remaining === 0 && day === total ? 'cases.dueToday' : 'cases.overdue')}
        </Tag>
      ) : (
        <Typography.Text type="secondary">{t('cases.remaining', { count: remaining })}</Typography.Text>
      )}
    </span>
  );
}
