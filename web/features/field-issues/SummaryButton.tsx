import { DownOutlined, PrinterOutlined } from '@ant-design/icons';
import { Button, Dropdown, Tooltip } from 'antd';
import { useMemo } from 'react';
import { useTranslation } from 'react-i18next';
import { useRegionTree, type RegionNode } from '../regions/regions.api.ts';
import { summaryUrl } from './fieldIssues.api.ts';

/** The summary is published per county (or for the whole city): the caller's regions at those levels. */
function summaryRegions(nodes: RegionNode[]): RegionNode[] {
  return nodes.flatMap((node) =>
    node.level === 'city' ? [node, ...summaryRegions(node.children)] : node.level === 'county' ? [node] : [],
  );
}

/**
 * 打印公开汇总: the server's printable page in a new tab, so the browser prints it. Plain links rather
 * than window.open, which a popup blocker may stop.
 */
export function SummaryButton() {
  const { t } = useTranslation();
  const tree = useRegionTree();
  const regions = useMemo(() => summaryRegions(tree.data ?? []), [tree.data]);
  // Staff of a township or community hold no county: there is nothing they could print.
  if (!regions.length) return null;
  const only = regions.length === 1 ? regions[0] : undefined;
  if (only)
    return (
      <Tooltip title={t('fieldIssues.summaryHint')}>
        <Button
          icon={<PrinterOutlined />}
          href={summaryUrl(only.id)}
          target="_blank"
          rel="noopener"
          data-testid="field-issues-summary"
        >
          {t('fieldIssues.printSummary')}
        </Button>
      </Tooltip>
    );
  return (
    <Dropdown
      trigger={['click']}
      menu={{
        items: [
          { key: 'hint', type: 'group', label: t('fieldIssues.summaryRegion') },
          ...regions.map((r) => ({
            key: r.id,
            label: (
              <a href={summaryUrl(r.id)} target="_blank" rel="noopener" data-testid={`field-issues-summary-${r.id}`}>
                {r.name}
              </a>
            ),
          })),
        ],
      }}
    >
      <Button icon={<PrinterOutlined />} title={t('fieldIssues.summaryHint')} data-testid="field-issues-summary">
        {t('fieldIssues.printSummary')} <DownOutlined />
      </Button>
    </Dropdown>
  );
}
