import { TreeSelect } from 'antd';
import { useMemo } from 'react';
import { useTranslation } from 'react-i18next';
import { useRegionTree, type RegionNode } from '../../regions/regions.api.ts';

interface Option {
  value: string;
  title: string;
  children: Option[];
}

function toOptions(nodes: RegionNode[]): Option[] {
  return nodes.map((node) => ({ value: node.id, title: node.name, children: toOptions(node.children) }));
}

function find(nodes: RegionNode[], id: string): RegionNode | null {
  for (const node of nodes) {
    if (node.id === id) return node;
    const inside = find(node.children, id);
    if (inside) return inside;
  }
  return null;
}

/** Every id in the subtree of `root`, itself included. */
export function subtreeIds(nodes: RegionNode[], root: string): Set<string> {
  const ids = new Set<string>();
  const walk = (node: RegionNode) => {
    ids.add(node.id);
    node.children.forEach(walk);
  };
  const start = find(nodes, root);
  if (start) walk(start);
  return ids;
}

/** The regions a group inspects: several picks inside the region that set the group up. */
export function AreaSelect({
  within,
  value,
  onChange,
  testId,
}: {
  /** The group's region; nothing can be picked before it is chosen. */
  within: string | null;
  value?: string[];
  onChange?: (ids: string[]) => void;
  testId: string;
}) {
  const { t } = useTranslation();
  const tree = useRegionTree();
  const options = useMemo(() => {
    const root = within ? find(tree.data ?? [], within) : null;
    return root ? toOptions([root]) : [];
  }, [tree.data, within]);
  return (
    <TreeSelect<string[]>
      multiple
      showSearch
      treeNodeFilterProp="title"
      treeData={options}
      treeDefaultExpandAll={false}
      treeDefaultExpandedKeys={within ? [within] : []}
      value={value ?? []}
      onChange={(ids) => onChange?.(ids)}
      disabled={!within}
      placeholder={within ? t('inspections.groups.areaPlaceholder') : t('inspections.groups.areaFirstRegion')}
      loading={tree.isPending}
      style={{ width: '100%' }}
      data-testid={testId}
    />
  );
}
