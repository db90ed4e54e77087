import { ArrowLeftOutlined, AuditOutlined } from '@ant-design/icons';
import { Card, Descriptions, Flex, Result, Skeleton, Tag, Typography, type DescriptionsProps } from 'antd';
import { useTranslation } from 'react-i18next';
import { Link, useParams } from 'react-router';
import { ApiError } from '../../app/api.ts';
import { can, useMe } from '../../app/session.ts';
import { QueryError } from '../../components/QueryError.tsx';
import { placeText } from './FieldIssueCard.tsx';
import { useFieldIssue, useLiveFieldIssues, type FieldIssueDetail } from './fieldIssues.api.ts';
import { CategoryTag, DeadlineText, EscalationTag, OwnerText, StatusTag, useIssueTime } from './FieldIssueTags.tsx';
import { CommentBox } from './CommentBox.tsx';
import { hasActions, IssueActions } from './IssueActions.tsx';
import { IssueSteps } from './IssueSteps.tsx';
import { IssueTimeline } from './IssueTimeline.tsx';

/** Readable on a desk without stretching; the whole width on a phone. */
const COLUMN = { width: '100%', maxWidth: 760, margin: '0 auto' } as const;

function BackLink() {
  const { t } = useTranslation();
  return (
    <Link to="/field-issues" data-testid="field-issue-back">
      <ArrowLeftOutlined /> {t('fieldIssues.back')}
    </Link>
  );
}

function Facts({ issue }: { issue: FieldIssueDetail }) {
  const { t } = useTranslation();
  const time = useIssueTime();
  const items: DescriptionsProps['items'] = [
    { key: 'place', label: t('fieldIssues.place'), children: placeText(issue) },
    { key: 'owner', label: t('fieldIssues.owner'), children: <OwnerText issue={issue} /> },
    { key: 'deadline', label: t('fieldIssues.deadline'), children: <DeadlineText issue={issue} /> },
    {
      key: 'raised',
      label: t('fieldIssues.raisedBy'),
      children: `${issue.raisedBy.name} · ${time(issue.createdAt)}`,
    },
  ];
  if (issue.description)
    items.push({
      key: 'description',
      label: t('fieldIssues.description'),
      span: 'filled',
      children: <span style={{ whiteSpace: 'pre-wrap' }}>{issue.description}</span>,
    });
  if (issue.resolution)
    items.push({
      key: 'resolution',
      label: t('fieldIssues.resolution'),
      span: 'filled',
      children: (
        <span data-testid="field-issue-resolution">
          <span style={{ whiteSpace: 'pre-wrap' }}>{issue.resolution}</span>
          {issue.resolvedBy && issue.resolvedAt ? (
            <Typography.Text type="secondary" style={{ display: 'block', fontSize: 12 }}>
              {issue.resolvedBy.name} · {time(issue.resolvedAt)}
            </Typography.Text>
          ) : null}
        </span>
      ),
    });
  if (issue.verifiedBy && issue.verifiedAt)
    items.push({
      key: 'verified',
      label: t('fieldIssues.verifiedBy'),
      children: `${issue.verifiedBy.name} · ${time(issue.verifiedAt)}`,
    });
  return <Descriptions size="small" column={{ xs: 1, sm: 1, md: 2 }} items={items} data-testid="field-issue-facts" />;
}

function Issue({ issue }: { issue: FieldIssueDetail }) {
  const { t } = useTranslation();
  return (
    <Flex vertical gap={12}>
      <Card styles={{ body: { padding: 16 } }} data-testid="field-issue" data-status={issue.status}>
        <Flex vertical gap={10}>
          <Flex justify="space-between" align="center" gap={8}>
            <Typography.Text type="secondary" copyable data-testid="field-issue-ref">
              {issue.ref}
            </Typography.Text>
            <StatusTag status={issue.status} testId="field-issue-status" />
          </Flex>
          <Typography.Title level={4} style={{ margin: 0 }} data-testid="field-issue-title">
            {issue.title}
          </Typography.Title>
          <Flex wrap gap={6}>
            <CategoryTag category={issue.category} />
            <EscalationTag issue={issue} />
            {issue.inspectionId ? (
              <Tag icon={<AuditOutlined />} style={{ marginInlineEnd: 0 }}>
                {t('fieldIssues.fromInspection')}
              </Tag>
            ) : null}
          </Flex>
          <div style={{ overflowX: 'auto', paddingTop: 4 }}>
            <IssueSteps issue={issue} />
          </div>
          {hasActions(issue) ? <IssueActions issue={issue} /> : null}
        </Flex>
      </Card>
      <Card size="small" styles={{ body: { padding: 16 } }}>
        <Facts issue={issue} />
      </Card>
      <Card size="small" title={t('fieldIssues.timeline')} styles={{ body: { padding: 16 } }}>
        <IssueTimeline events={issue.events} />
        {issue.can.comment ? <CommentBox issueId={issue.id} /> : null}
      </Card>
    </Flex>
  );
}

/** 问题详情: opened from the ledger or straight from a notification's link, on a phone as often as on a desk. */
export function FieldIssueDetailPage() {
  const { t } = useTranslation();
  const { id = '' } = useParams();
  const issue = useFieldIssue(id);
  useLiveFieldIssues(can(useMe().data, 'fieldIssues.read'));
  let body;
  if (issue.error instanceof ApiError && (issue.error.status === 404 || issue.error.status === 400))
    body = (
      <Card>
        <Result status="warning" title={t('fieldIssues.notFound')} data-testid="field-issue-not-found" />
      </Card>
    );
  else if (issue.isError) body = <QueryError error={issue.error} onRetry={() => void issue.refetch()} />;
  else if (!issue.data) body = <Skeleton active paragraph={{ rows: 8 }} />;
  else body = <Issue issue={issue.data} />;
  return (
    <div style={COLUMN}>
      <div style={{ marginBottom: 12 }}>
        <BackLink />
      </div>
      {body}
    </div>
  );
}
