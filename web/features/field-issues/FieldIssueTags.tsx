import { RiseOutlined } from '@ant-design/icons';
import { Tag, Tooltip, Typography } from 'antd';
import dayjs from 'dayjs';
import { useTranslation } from 'react-i18next';
import type { FieldIssueCategory, FieldIssueStatus } from '../../../common/enums.ts';
import { FIELD_ISSUE_CATEGORY_LABELS, FIELD_ISSUE_STATUS_LABELS } from '../../../common/labels.ts';
import { platformTimeZone } from '../../app/dates.ts';
import { useLanguage } from '../../app/useLanguage.ts';
import type { FieldIssue } from './fieldIssues.api.ts';

/** Waiting for someone reads warm, done reads green: a glance down the ledger shows what needs hands. */
export const STATUS_COLORS: Record<FieldIssueStatus, string> = {
  open: 'orange',
  in_progress: 'processing',
  resolved: 'cyan',
  verified: 'success',
};

export function StatusTag({ status, testId }: { status: FieldIssueStatus; testId?: string }) {
  const language = useLanguage();
  return (
    <Tag color={STATUS_COLORS[status]} style={{ marginInlineEnd: 0 }} data-testid={testId} data-status={status}>
      {FIELD_ISSUE_STATUS_LABELS[status][language]}
    </Tag>
  );
}

export function CategoryTag({ category }: { category: FieldIssueCategory }) {
  const language = useLanguage();
  return (
    <Tag variant="outlined" style={{ marginInlineEnd: 0 }}>
      {FIELD_ISSUE_CATEGORY_LABELS[category][language]}
    </Tag>
  );
}

/** Where an overdue issue went up the region tree, and how many levels. */
export function EscalationTag({ issue }: { issue: Pick<FieldIssue, 'escalationLevel' | 'currentRegion'> }) {
  const { t } = useTranslation();
  if (issue.escalationLevel <= 0) return null;
  const full = t('fieldIssues.escalated', { region: issue.currentRegion.name, level: issue.escalationLevel });
  return (
    <Tag color="volcano" icon={<RiseOutlined />} style={{ marginInlineEnd: 0 }} data-testid="field-issue-escalated">
      {full}
    </Tag>
  );
}

/** 'M月D日 HH:mm' where the checkpoints are. */
export function useIssueTime(): (iso: string) => string {
  const { t } = useTranslation();
  return (iso) => dayjs(iso).tz(platformTimeZone()).format(t('fieldIssues.dateFormat'));
}

/** 2天3小时 / 5小时 / 40分钟: how long past or until a deadline, as precise as it matters. */
function useSpan(): (ms: number) => string {
  const { t } = useTranslation();
  return (ms) => {
    const minutes = Math.max(1, Math.floor(ms / 60_000));
    const hours = Math.floor(minutes / 60);
    if (hours >= 24) return t('fieldIssues.days', { days: Math.floor(hours / 24), hours: hours % 24 });
    if (hours >= 1) return t('fieldIssues.hours', { hours });
    return t('fieldIssues.minutes', { minutes });
  };
}

/** The deadline, and while the issue is still being worked on how much time is left (or how far past it is, in red). */
export function DeadlineText({
  issue,
  block,
}: {
  issue: Pick<FieldIssue, 'deadline' | 'overdue' | 'status'>;
  /** The hint on its own line (narrow table cells, cards). */
  block?: boolean;
}) {
  const { t } = useTranslation();
  const time = useIssueTime();
  const span = useSpan();
  const pending = issue.status === 'open' || issue.status === 'in_progress';
  const left = Date.parse(issue.deadline) - Date.now();
  let hint = null;
  if (issue.overdue) hint = <Typography.Text type="danger">{t('fieldIssues.overdueBy', { time: span(-left) })}</Typography.Text>;
  else if (pending && left > 0)
    hint = <Typography.Text type="secondary">{t('fieldIssues.timeLeft', { time: span(left) })}</Typography.Text>;
  return (
    <span data-testid="field-issue-deadline" data-overdue={issue.overdue ? 'true' : 'false'} style={{ whiteSpace: 'nowrap' }}>
      <Typography.Text type={issue.overdue ? 'danger' : undefined} strong={issue.overdue}>
        {time(issue.deadline)}
      </Typography.Text>
      {hint ? block ? <div>{hint}</div> : <> · {hint}</> : null}
    </span>
  );
}

/** The owner region (and unit), with where it escalated to when it did. */
export function OwnerText({
  issue,
  block,
}: {
  issue: Pick<FieldIssue, 'ownerRegion' | 'ownerUnit' | 'escalationLevel' | 'currentRegion'>;
  /** The escalation on its own line (narrow table cells). */
  block?: boolean;
}) {
  const { t } = useTranslation();
  return (
    <span style={block ? { display: 'inline-flex', flexDirection: 'column', alignItems: 'flex-start', gap: 4 } : undefined}>
      <span>
        {issue.ownerRegion.name}
        {issue.ownerUnit ? <Typography.Text type="secondary"> · {issue.ownerUnit.name}</Typography.Text> : null}
      </span>
      {issue.escalationLevel > 0 ? (
        <Tooltip title={t('fieldIssues.escalated', { region: issue.currentRegion.name, level: issue.escalationLevel })}>
          <Tag color="volcano" icon={<RiseOutlined />} style={{ marginInlineStart: block ? 0 : 6, marginInlineEnd: 0 }}>
            {issue.currentRegion.name} · {t('fieldIssues.escalatedShort', { level: issue.escalationLevel })}
          </Tag>
        </Tooltip>
      ) : null}
    </span>
  );
}
