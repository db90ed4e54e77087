import { Descriptions, Drawer, Empty, Flex, List, Skeleton, Typography } from 'antd';
import { useTranslation } from 'react-i18next';
import { Link } from 'react-router';
import { formatDateTime } from '../../../app/dates.ts';
import { useIsPhone } from '../../../app/useIsPhone.ts';
import { QueryError } from '../../../components/QueryError.tsx';
import { shiftTime } from '../../duty/roster/time.ts';
import { CategoryTag, StatusTag } from '../../field-issues/FieldIssueTags.tsx';
import { MarkTag, RatingsView } from '../InspectionTags.tsx';
import { useInspection, useVisitIssues, type Inspection } from '../inspections.api.ts';

function Marks({ visit }: { visit: Inspection }) {
  const { t } = useTranslation();
  if (!visit.marks.length) return <Typography.Text type="secondary">{t('inspections.visits.noMarks')}</Typography.Text>;
  return (
    <List
      size="small"
      dataSource={visit.marks}
      data-testid="visit-drawer-marks"
      renderItem={(m) => (
        <List.Item key={m.assignmentId} style={{ paddingInline: 0 }} data-testid={`visit-drawer-mark-${m.name}`}>
          <Flex wrap gap={8} align="center" style={{ width: '100%' }}>
            <span style={{ minWidth: 64 }}>{m.name}</span>
            <Typography.Text type="secondary">{shiftTime(m.startsAt, m.endsAt)}</Typography.Text>
            <span style={{ marginInlineStart: 'auto' }}>
              <MarkTag mark={m.mark} testId={`visit-drawer-mark-${m.name}-mark`} />
            </span>
            {m.note ? <Typography.Text type="secondary">{m.note}</Typography.Text> : null}
          </Flex>
        </List.Item>
      )}
    />
  );
}

/** Issues raised from the visit, each a link into the ledger. */
function Issues({ inspectionId }: { inspectionId: string }) {
  const { t } = useTranslation();
  const issues = useVisitIssues(inspectionId);
  if (issues.isError) return <QueryError error={issues.error} onRetry={() => void issues.refetch()} />;
  if (!issues.data) return <Skeleton active paragraph={{ rows: 1 }} />;
  if (!issues.data.length)
    return (
      <Empty
        image={Empty.PRESENTED_IMAGE_SIMPLE}
        description={t('inspections.visits.noIssues')}
        data-testid="visit-drawer-no-issues"
      />
    );
  return (
    <List
      size="small"
      dataSource={issues.data}
      data-testid="visit-drawer-issues"
      renderItem={(issue) => (
        <List.Item key={issue.id} style={{ paddingInline: 0 }}>
          <Flex wrap gap={8} align="center" style={{ width: '100%' }}>
            <Link to={`/field-issues/${issue.id}`} data-testid={`visit-drawer-issue-${issue.ref}`}>
              {issue.ref}
            </Link>
            <span style={{ minWidth: 0, flex: 1 }}>{issue.title}</span>
            <CategoryTag category={issue.category} />
            <StatusTag status={issue.status} testId={`visit-drawer-issue-${issue.ref}-status`} />
          </Flex>
        </List.Item>
      )}
    />
  );
}

/** One visit in full: who was marked, the ratings, the findings and the issues it raised. */
export function VisitDrawer({ id, onClose }: { id: string | null; onClose: () => void }) {
  const { t } = useTranslation();
  const phone = useIsPhone();
  const visit = useInspection(id);
  const v = visit.data;
  return (
    <Drawer
      open={id !== null}
      onClose={onClose}
      size={phone ? '100%' : 560}
      title={v ? v.checkpointName : t('inspections.visits.detail')}
      data-testid="visit-drawer"
    >
      {visit.isError ? <QueryError error={visit.error} onRetry={() => void visit.refetch()} /> : null}
      {!v ? (
        <Skeleton active />
      ) : (
        <Flex vertical gap={16}>
          <Descriptions
            column={1}
            size="small"
            items={[
              { key: 'place', label: t('inspections.visits.place'), children: v.regionName },
              { key: 'visitedAt', label: t('inspections.visits.visitedAt'), children: formatDateTime(v.visitedAt) },
              { key: 'inspector', label: t('inspections.visits.inspector'), children: v.inspector.name },
              { key: 'group', label: t('inspections.visits.group'), children: v.groupName ?? '—' },
              {
                key: 'counts',
                label: t('inspections.visits.counts'),
                children: (
                  <span data-testid="visit-drawer-counts">
                    {t('inspections.visits.countsText', { expected: v.expected, present: v.present, absent: v.absent })}
                  </span>
                ),
              },
              {
                key: 'ratings',
                label: t('inspections.visits.ratings'),
                children: <RatingsView ratings={v.ratings} testId="visit-drawer-ratings" />,
              },
              {
                key: 'findings',
                label: t('inspections.visits.findings'),
                children: v.findings ? (
                  <Typography.Paragraph style={{ whiteSpace: 'pre-wrap', marginBottom: 0 }} data-testid="visit-drawer-findings">
                    {v.findings}
                  </Typography.Paragraph>
                ) : (
                  '—'
                ),
              },
            ]}
          />
          <div>
            <Typography.Title level={5}>{t('inspections.visits.marksTitle')}</Typography.Title>
            <Marks visit={v} />
          </div>
          <div>
            <Typography.Title level={5}>{t('inspections.visits.issuesTitle')}</Typography.Title>
            <Issues inspectionId={v.id} />
          </div>
        </Flex>
      )}
    </Drawer>
  );
}
