import { Steps } from 'antd';
import { FIELD_ISSUE_STATUSES, type FieldIssueStatus } from '../../../common/enums.ts';
import { FIELD_ISSUE_STATUS_LABELS } from '../../../common/labels.ts';
import { useLanguage } from '../../app/useLanguage.ts';
import type { FieldIssueDetail } from './fieldIssues.api.ts';
import dayjs from 'dayjs';
import { useTranslation } from 'react-i18next';
import { platformTimeZone } from '../../app/dates.ts';

/** When the issue last reached each state (a sent-back issue reaches 处理中 again). */
function reachedAt(issue: FieldIssueDetail, status: FieldIssueStatus): string | null {
  switch (status) {
    case 'open':
      return issue.createdAt;
    case 'in_progress':
      return issue.events.findLast((e) => e.kind === 'status' && e.toStatus === 'in_progress')?.at ?? null;
    case 'resolved':
      return issue.resolvedAt;
    case 'verified':
      return issue.verifiedAt;
  }
}

/** 待处理 → 处理中 → 已解决 → 已核实; the step it is stuck on turns red while overdue. */
export function IssueSteps({ issue }: { issue: FieldIssueDetail }) {
  const { t } = useTranslation();
  const language = useLanguage();
  // Four steps share a phone's width: the short form fits under each.
  const time = (iso: string) => dayjs(iso).tz(platformTimeZone()).format(t('fieldIssues.stepTimeFormat'));
  const current = FIELD_ISSUE_STATUSES.indexOf(issue.status);
  let status: 'process' | 'finish' | 'error' = 'process';
  if (issue.status === 'verified') status = 'finish';
  else if (issue.overdue) status = 'error';
  return (
    <Steps
      size="small"
      responsive={false}
      titlePlacement="vertical"
      current={current}
      status={status}
      items={FIELD_ISSUE_STATUSES.map((s, i) => {
        const at = i <= current ? reachedAt(issue, s) : null;
        return {
          key: s,
          title: FIELD_ISSUE_STATUS_LABELS[s][language],
          content: at ? <span style={{ fontSize: 12, whiteSpace: 'nowrap' }}>{time(at)}</span> : undefined,
        };
      })}
      data-testid="field-issue-steps"
      data-current={issue.status}
    />
  );
}
