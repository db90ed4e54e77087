import { Progress, Table, Typography } from 'antd';
import { useMemo } from 'react';
import { useTranslation } from 'react-i18next';
import type { CoverageNode } from './screening.api.ts';

type Row = CoverageNode & { children?: Row[] };

/** The flat nodes (parents first) as a tree: the campaign's region at the top, grids at the leaves. */
function toTree(nodes: readonly CoverageNode[]): Row[] {
  const byId = new Map<string, Row>();
  const roots: Row[] = [];
  for (const n of nodes) {
    const row: Row = { ...n };
    byId.set(n.regionId, row);
    const parent = n.parentId ? byId.get(n.parentId) : undefined;
    if (parent) (parent.children ??= []).push(row);
    else roots.push(row);
  }
  return roots;
}

const count = (n: number) => n.toLocaleString('zh-CN');

/** Coverage from the campaign's region down to its grids, each with its progress bar and findings. */
export function ScreeningCoverageTable({ nodes, loading }: { nodes: readonly CoverageNode[]; loading: boolean }) {
  const { t } = useTranslation();
  const tree = useMemo(() => toTree(nodes), [nodes]);
  // The top two levels open: a county shows its townships, a community its grids.
  const expanded = useMemo(
    () =>
      tree.flatMap((r) => [
        r.regionId,
        ...(r.children ?? []).filter((c) => c.children && nodes.length < 200).map((c) => c.regionId),
      ]),
    [tree, nodes.length],
  );
  return (
    <Table<Row>
      key={tree[0]?.regionId ?? 'empty'}
      rowKey="regionId"
      size="small"
      loading={loading}
      dataSource={tree}
      pagination={false}
      expandable={{ defaultExpandedRowKeys: expanded }}
      scroll={{ x: 'max-content' }}
      data-testid="screening-coverage"
      columns={[
        {
          title: t('screening.place'),
          dataIndex: 'name',
          render: (name: string) => <Typography.Text strong>{name}</Typography.Text>,
        },
        { title: t('screening.households'), dataIndex: 'households', align: 'right', render: count },
        {
          title: t('screening.percent'),
          key: 'percent',
          width: 200,
          render: (_, r) => (
            <Progress
              percent={r.households ? ((r.reached + r.notReached) * 100) / r.households : 0}
              success={{ percent: r.percent }}
              format={() => `${r.percent}%`}
              size="small"
            />
          ),
        },
        { title: t('screening.reached'), dataIndex: 'reached', align: 'right', render: count },
        {
          title: t('screening.notReached'),
          dataIndex: 'notReached',
          align: 'right',
          render: (n: number) => (n ? <Typography.Text type="warning">{count(n)}</Typography.Text> : 0),
        },
        { title: t('screening.notVisited'), dataIndex: 'notVisited', align: 'right', render: count },
        {
          title: t('screening.fever'),
          dataIndex: 'fever',
          align: 'right',
          render: (n: number) => (n ? <Typography.Text type="danger">{count(n)}</Typography.Text> : 0),
        },
        {
          title: t('screening.riskReturns'),
          dataIndex: 'riskReturns',
          align: 'right',
          render: (n: number) => (n ? <Typography.Text type="danger">{count(n)}</Typography.Text> : 0),
        },
        { title: t('screening.outsiders'), dataIndex: 'outsiders', align: 'right', render: count },
      ]}
    />
  );
}
