import { PlusOutlined } from '@ant-design/icons';
import { Button, Card, Empty, Flex, Input, Pagination, Table, Tabs, Tag, Typography, type TablePaginationConfig } from 'antd';
import type { HTMLAttributes } from 'react';
import { useTranslation } from 'react-i18next';
import { Link } from 'react-router';
import { FIELD_ISSUE_CATEGORIES, FIELD_ISSUE_STATUSES, type FieldIssueCategory } from '../../../common/enums.ts';
import { FIELD_ISSUE_CATEGORY_LABELS, FIELD_ISSUE_STATUS_LABELS } from '../../../common/labels.ts';
import { can, useMe } from '../../app/session.ts';
import { useIsPhone } from '../../app/useIsPhone.ts';
import { useLanguage } from '../../app/useLanguage.ts';
import { useFilterWidth } from '../../components/filterWidth.ts';
import { SelectFilter } from '../../components/filters.tsx';
import { PageHeader } from '../../components/PageHeader.tsx';
import { QueryError } from '../../components/QueryError.tsx';
import { oneOfParam, textParam, useUrlPagedFilter } from '../../components/useUrlFilter.ts';
import { RegionTreeSelect } from '../regions/RegionTreeSelect.tsx';
import { FieldIssueCard, PlaceLines } from './FieldIssueCard.tsx';
import {
  useFieldIssues,
  useLiveFieldIssues,
  useTabCounts,
  type FieldIssue,
  type FieldIssueFilter,
  type LedgerTab,
  type StatusCounts,
} from './fieldIssues.api.ts';
import { CategoryTag, DeadlineText, OwnerText, StatusTag } from './FieldIssueTags.tsx';
import { SummaryButton } from './SummaryButton.tsx';

const TABS: readonly LedgerTab[] = ['all', ...FIELD_ISSUE_STATUSES, 'overdue'];

function countOf(tab: LedgerTab, counts: StatusCounts | undefined): number | null {
  if (!counts) return null;
  if (tab === 'all') return FIELD_ISSUE_STATUSES.reduce((sum, s) => sum + counts[s], 0);
  return counts[tab];
}

function TabLabel({ tab, counts, plain }: { tab: LedgerTab; counts: StatusCounts | undefined; plain?: boolean }) {
  const { t } = useTranslation();
  const language = useLanguage();
  const label =
    tab === 'all'
      ? t('fieldIssues.tabAll')
      : tab === 'overdue'
        ? t('fieldIssues.tabOverdue')
        : FIELD_ISSUE_STATUS_LABELS[tab][language];
  const count = countOf(tab, counts);
  return (
    <span data-testid={`field-issues-tab-${tab}`}>
      {label}
      {count === null ? null : (
        <Typography.Text
          // On a phone's chip the text is white on red when chosen: the count keeps the chip's colour.
          type={plain ? undefined : tab === 'overdue' && count > 0 ? 'danger' : 'secondary'}
          style={{ marginInlineStart: 6, color: plain ? 'inherit' : undefined }}
          data-testid={`field-issues-count-${tab}`}
        >
          {count}
        </Typography.Text>
      )}
    </span>
  );
}

/** Tabs on a desk; on a phone chips that wrap, so every count shows without scrolling sideways. */
function LedgerTabs({
  tab,
  counts,
  onChange,
}: {
  tab: LedgerTab;
  counts: StatusCounts | undefined;
  onChange: (tab: LedgerTab) => void;
}) {
  const phone = useIsPhone();
  if (!phone)
    return (
      <Tabs
        activeKey={tab}
        onChange={(key) => onChange(key as LedgerTab)}
        items={TABS.map((key) => ({ key, label: <TabLabel tab={key} counts={counts} /> }))}
      />
    );
  return (
    <Flex wrap gap={6} style={{ margin: '12px 0' }}>
      {TABS.map((key) => (
        <Tag.CheckableTag
          key={key}
          checked={tab === key}
          onChange={() => onChange(key)}
          style={{
            fontSize: 14,
            padding: '5px 10px',
            marginInlineEnd: 0,
            border: `1px solid ${tab === key ? 'transparent' : key === 'overdue' && counts?.overdue ? '#ffa39e' : '#d9d9d9'}`,
          }}
        >
          <TabLabel tab={key} counts={counts} plain />
        </Tag.CheckableTag>
      ))}
    </Flex>
  );
}

function IssuesTable({
  items,
  loading,
  pagination,
}: {
  items: FieldIssue[];
  loading: boolean;
  pagination: TablePaginationConfig;
}) {
  const { t } = useTranslation();
  return (
    <Table<FieldIssue>
      rowKey="id"
      loading={loading}
      dataSource={items}
      scroll={{ x: 'max-content' }}
      pagination={pagination}
      locale={{ emptyText: <Empty description={t('fieldIssues.empty')} /> }}
      onRow={(issue) =>
        ({
          'data-testid': `field-issue-row-${issue.ref}`,
          'data-overdue': issue.overdue ? 'true' : 'false',
        }) as HTMLAttributes<HTMLElement>
      }
      columns={[
        {
          key: 'title',
          title: t('fieldIssues.issue'),
          render: (_: unknown, issue: FieldIssue) => (
            <Flex vertical>
              <Link to={`/field-issues/${issue.id}`} data-testid={`field-issue-open-${issue.ref}`}>
                <Typography.Text strong style={{ maxWidth: 260, color: 'inherit' }} ellipsis={{ tooltip: issue.title }}>
                  {issue.title}
                </Typography.Text>
              </Link>
              <Typography.Text type="secondary" style={{ fontSize: 12 }}>
                {issue.ref}
              </Typography.Text>
            </Flex>
          ),
        },
        {
          key: 'category',
          title: t('fieldIssues.category'),
          render: (_: unknown, issue: FieldIssue) => <CategoryTag category={issue.category} />,
        },
        { key: 'place', title: t('fieldIssues.place'), render: (_: unknown, issue: FieldIssue) => <PlaceLines issue={issue} /> },
        {
          key: 'owner',
          title: t('fieldIssues.owner'),
          render: (_: unknown, issue: FieldIssue) => <OwnerText issue={issue} block />,
        },
        {
          key: 'deadline',
          title: t('fieldIssues.deadline'),
          render: (_: unknown, issue: FieldIssue) => <DeadlineText issue={issue} block />,
        },
        {
          key: 'status',
          title: t('fieldIssues.status'),
          render: (_: unknown, issue: FieldIssue) => <StatusTag status={issue.status} />,
        },
      ]}
      data-testid="field-issues-table"
    />
  );
}

/** 问题台账: the ledger. A table on a desk; cards on a phone, where an inspector follows up on the spot. */
export function FieldIssuesPage() {
  const { t } = useTranslation();
  const language = useLanguage();
  const phone = useIsPhone();
  const filterWidth = useFilterWidth();
  // Two short selects share a row on a phone: the list starts higher up the screen.
  const half = (desk: number) => (phone ? { width: 'calc(50% - 4px)' } : { width: desk });
  const me = useMe().data;
  const canRead = can(me, 'fieldIssues.read');
  const canHandle = can(me, 'fieldIssues.handle');
  // The ledger opens on the tab its address names (a dashboard tile's overdue issues).
  const {
    filter: { tab, ...filter },
    change,
    page,
    pageSize,
    pagination,
  } = useUrlPagedFilter<FieldIssueFilter & { tab: LedgerTab }>(
    { tab: oneOfParam(TABS), regionId: textParam },
    { defaults: { tab: 'all' } },
  );
  const issues = useFieldIssues(tab, filter, page, pageSize);
  const counts = useTabCounts(tab, filter, issues.data);
  useLiveFieldIssues(canRead);
  const items = issues.data?.items ?? [];
  const total = issues.data?.total ?? 0;

  return (
    <>
      <PageHeader
        title={t('fieldIssues.title')}
        extra={
          <>
            {canRead ? <SummaryButton /> : null}
            <Link to="/field-issues/new">
              <Button type="primary" icon={<PlusOutlined />} data-testid="field-issues-raise">
                {t('fieldIssues.raise')}
              </Button>
            </Link>
          </>
        }
      />
      <Card styles={{ body: { paddingTop: 4 } }}>
        <LedgerTabs tab={tab} counts={counts} onChange={change('tab')} />
        <Flex wrap gap={8} style={{ marginBottom: 16 }}>
          <Input.Search
            allowClear
            placeholder={t('fieldIssues.filterQ')}
            aria-label={t('fieldIssues.filterQ')}
            onSearch={(q) => change('q')(q)}
            style={filterWidth(200)}
            data-testid="field-issues-filter-q"
          />
          <SelectFilter<FieldIssueCategory>
            label={t('fieldIssues.filterCategory')}
            value={filter.category}
            onChange={change('category')}
            options={FIELD_ISSUE_CATEGORIES.map((c) => ({ value: c, label: FIELD_ISSUE_CATEGORY_LABELS[c][language] }))}
            style={half(150)}
            testId="field-issues-filter-category"
          />
          <SelectFilter<'raised' | 'owned'>
            label={t('fieldIssues.filterMine')}
            value={filter.mine}
            onChange={change('mine')}
            options={[
              { value: 'raised', label: t('fieldIssues.mineRaised') },
              ...(canHandle ? [{ value: 'owned' as const, label: t('fieldIssues.mineOwned') }] : []),
            ]}
            style={half(130)}
            testId="field-issues-filter-mine"
          />
          {canRead ? (
            <RegionTreeSelect
              allowClear
              placeholder={t('fieldIssues.filterRegion')}
              value={filter.regionId ?? null}
              onChange={change('regionId')}
              testId="field-issues-filter-region"
              style={filterWidth(220)}
            />
          ) : null}
        </Flex>
        {issues.isError ? <QueryError error={issues.error} onRetry={() => void issues.refetch()} /> : null}
        {phone ? (
          <Flex vertical gap={10} data-testid="field-issues-cards">
            {issues.data && !items.length ? <Empty description={t('fieldIssues.empty')} /> : null}
            {items.map((issue) => (
              <FieldIssueCard key={issue.id} issue={issue} />
            ))}
            {total > pageSize ? (
              <Flex justify="center">
                <Pagination simple {...pagination(total)} showSizeChanger={false} />
              </Flex>
            ) : null}
          </Flex>
        ) : (
          <IssuesTable items={items} loading={issues.isFetching} pagination={pagination(total)} />
        )}
      </Card>
    </>
  );
}
