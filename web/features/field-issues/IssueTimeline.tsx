import { Empty, Timeline, Typography } from 'antd';
import type { ReactNode } from 'react';
import { useTranslation } from 'react-i18next';
import { FIELD_ISSUE_STATUS_LABELS } from '../../../common/labels.ts';
import { useLanguage } from '../../app/useLanguage.ts';
import type { FieldIssueEvent } from './fieldIssues.api.ts';
import { useIssueTime } from './FieldIssueTags.tsx';

/** antd's 'blue' is the theme's red here: explicit colours, red kept for escalations. */
const NEUTRAL = '#1677ff';
const DONE = '#52c41a';
const ALARM = '#cf1322';
const QUIET = '#bfbfbf';
const SENT_BACK = '#fa8c16';

function colorOf(event: FieldIssueEvent): string {
  switch (event.kind) {
    case 'escalated':
      return ALARM;
    case 'status':
      if (event.toStatus === 'verified' || event.toStatus === 'resolved') return DONE;
      return event.fromStatus === 'resolved' ? SENT_BACK : NEUTRAL;
    case 'comment':
      return QUIET;
    case 'created':
    case 'edited':
      return NEUTRAL;
  }
}

/** What happened, in a line: who, and for a status change from what to what. */
function useHeadline(): (event: FieldIssueEvent) => ReactNode {
  const { t } = useTranslation();
  const language = useLanguage();
  return (event) => {
    const who = event.by?.name ?? t('fieldIssues.system');
    switch (event.kind) {
      case 'created':
        return t('fieldIssues.eventCreated', { who });
      case 'comment':
        return t('fieldIssues.eventComment', { who });
      case 'escalated':
        return t('fieldIssues.eventEscalated');
      case 'edited':
        return t('fieldIssues.eventEdited', { who });
      case 'status': {
        const from = event.fromStatus ? FIELD_ISSUE_STATUS_LABELS[event.fromStatus][language] : '—';
        const to = event.toStatus ? FIELD_ISSUE_STATUS_LABELS[event.toStatus][language] : '—';
        return t('fieldIssues.eventStatus', { who, from, to });
      }
    }
  };
}

/** The issue's history, oldest first: comments, status changes, escalations and edits. */
export function IssueTimeline({ events }: { events: FieldIssueEvent[] }) {
  const { t } = useTranslation();
  const time = useIssueTime();
  const headline = useHeadline();
  if (!events.length) return <Empty image={Empty.PRESENTED_IMAGE_SIMPLE} description={t('fieldIssues.noEvents')} />;
  return (
    <Timeline
      items={events.map((event) => ({
        key: event.id,
        color: colorOf(event),
        content: (
          <div data-testid={`field-issue-event-${event.kind}`}>
            <Typography.Text strong={event.kind !== 'comment'}>{headline(event)}</Typography.Text>
            {event.body ? (
              <Typography.Paragraph
                style={{
                  whiteSpace: 'pre-wrap',
                  margin: '4px 0 0',
                  ...(event.kind === 'comment' ? { background: '#fafafa', padding: '6px 10px', borderRadius: 6 } : {}),
                }}
              >
                {event.body}
              </Typography.Paragraph>
            ) : null}
            <Typography.Text type="secondary" style={{ display: 'block', fontSize: 12 }}>
              {time(event.at)}
            </Typography.Text>
          </div>
        ),
      }))}
      data-testid="field-issue-timeline"
    />
  );
}
