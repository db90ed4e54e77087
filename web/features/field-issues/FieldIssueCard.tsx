import { EnvironmentOutlined } from '@ant-design/icons';
import { Card, Flex, Typography } from 'antd';
import { useTranslation } from 'react-i18next';
import { Link } from 'react-router';
import type { FieldIssue } from './fieldIssues.api.ts';
import { CategoryTag, DeadlineText, OwnerText, StatusTag } from './FieldIssueTags.tsx';

/** The labels of a card's lines line up, in either language. */
const LABEL = { flex: 'none', minWidth: 56, fontSize: 13 } as const;

/** The place as people say it: the checkpoint when there is one, with its region. */
export function placeText(issue: Pick<FieldIssue, 'checkpoint' | 'regionName'>): string {
  return issue.checkpoint ? `${issue.checkpoint.name} · ${issue.regionName}` : issue.regionName;
}

/** The checkpoint (or region) on one line, the region under it in small type. */
export function PlaceLines({ issue }: { issue: Pick<FieldIssue, 'checkpoint' | 'regionName'> }) {
  if (!issue.checkpoint) return <>{issue.regionName}</>;
  return (
    <Flex vertical>
      <span>{issue.checkpoint.name}</span>
      <Typography.Text type="secondary" style={{ fontSize: 12 }}>
        {issue.regionName}
      </Typography.Text>
    </Flex>
  );
}

/** One issue of the ledger on a phone: the whole card opens it. */
export function FieldIssueCard({ issue }: { issue: FieldIssue }) {
  const { t } = useTranslation();
  return (
    <Link to={`/field-issues/${issue.id}`} data-testid={`field-issue-card-${issue.ref}`} style={{ display: 'block' }}>
      <Card
        size="small"
        hoverable
        style={{ borderColor: issue.overdue ? '#ffa39e' : undefined }}
        styles={{ body: { padding: 12 } }}
      >
        <Flex vertical gap={6}>
          <Flex justify="space-between" align="center" gap={8}>
            <Typography.Text type="secondary" style={{ fontSize: 12 }}>
              {issue.ref}
            </Typography.Text>
            <StatusTag status={issue.status} />
          </Flex>
          <Typography.Text strong style={{ fontSize: 16 }}>
            {issue.title}
          </Typography.Text>
          <Flex wrap gap={6} align="center">
            <CategoryTag category={issue.category} />
            <Typography.Text type="secondary">
              <EnvironmentOutlined /> {placeText(issue)}
            </Typography.Text>
          </Flex>
          <Flex gap={8} align="baseline">
            <Typography.Text type="secondary" style={LABEL}>
              {t('fieldIssues.owner')}
            </Typography.Text>
            <OwnerText issue={issue} />
          </Flex>
          <Flex gap={8} align="baseline">
            <Typography.Text type="secondary" style={LABEL}>
              {t('fieldIssues.deadline')}
            </Typography.Text>
            <DeadlineText issue={issue} />
          </Flex>
        </Flex>
      </Card>
    </Link>
  );
}
