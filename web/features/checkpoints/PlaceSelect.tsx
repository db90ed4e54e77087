import { TreeSelect } from 'antd';
import { useMemo, type CSSProperties } from 'react';
import { useRegionTree, type RegionNode } from '../regions/regions.api.ts';

/** A checkpoint stands in a community or one of its grids; the levels above are only the way there. */
const PLACE_LEVELS = new Set(['community', 'grid']);

interface Option {
  value: string;
  title: string;
  /** Shown once picked: a grid with its community (“雪松社区 第一网格”), as lists name places. */
  label: string;
  selectable: boolean;
  children: Option[];
}

function toOptions(nodes: RegionNode[], parent: RegionNode | null = null): Option[] {
  return nodes.map((node) => ({
    value: node.id,
    title: node.code ? `${node.name}（${node.code}）` : node.name,
    label: node.level === 'grid' && parent ? `${parent.name} ${node.name}` : node.name,
    selectable: PLACE_LEVELS.has(node.level),
    children: toOptions(node.children, node),
  }));
}

/** The community a community or grid belongs to (itself for a community), found in the region tree. */
function communityOf(nodes: RegionNode[], regionId: string): RegionNode | null {
  for (const node of nodes) {
    if (node.id === regionId) return node.level === 'community' ? node : null;
    if (node.level === 'community' && node.children.some((grid) => grid.id === regionId)) return node;
    const inside = communityOf(node.children, regionId);
    if (inside) return inside;
  }
  return null;
}

export function useCommunityOf(regionId: string | null | undefined): RegionNode | null {
  const tree = useRegionTree();
  return useMemo(() => (regionId && tree.data ? communityOf(tree.data, regionId) : null), [tree.data, regionId]);
}

export function PlaceSelect({
  value,
  onChange,
  testId,
  style,
}: {
  value?: string | null;
  onChange?: (id: string | null) => void;
  testId: string;
  style?: CSSProperties;
}) {
  const tree = useRegionTree();
  const options = useMemo(() => toOptions(tree.data ?? []), [tree.data]);
  return (
    <TreeSelect<string>
      showSearch
      treeNodeFilterProp="title"
      treeNodeLabelProp="label"
      treeData={options}
      // Cities and counties open, as in RegionTreeSelect: the community is a couple of clicks away.
      treeDefaultExpandedKeys={(tree.data ?? []).flatMap((city) => [city.id, ...city.children.map((county) => county.id)])}
      value={value ?? undefined}
      onChange={(id) => onChange?.(id ?? null)}
      loading={tree.isPending}
      popupMatchSelectWidth={false}
      style={{ minWidth: 200, ...style }}
      data-testid={testId}
    />
  );
}
