import { Input, Tree } from 'antd';
import { useMemo, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { useRegionTree, type RegionNode } from '../regions/regions.api.ts';
import { filterTree } from '../regions/tree.ts';

interface Node {
  key: string;
  title: string;
  children: Node[];
}

const toNodes = (nodes: RegionNode[]): Node[] => nodes.map((n) => ({ key: n.id, title: n.name, children: toNodes(n.children) }));

/** Cities, counties and townships open, so a community and its grids are one click away. */
function openKeys(nodes: RegionNode[], depth = 0): string[] {
  return depth > 2 ? [] : nodes.flatMap((n) => [n.id, ...openKeys(n.children, depth + 1)]);
}

/** The region tree beside the desk list: a click narrows the list to that region's subtree, again clears it. */
export function HouseholdRegionTree({ value, onChange }: { value: string | null; onChange: (id: string | null) => void }) {
  const { t } = useTranslation();
  const tree = useRegionTree();
  const [text, setText] = useState('');
  const { nodes, expand } = useMemo(() => {
    const all = tree.data ?? [];
    return text.trim() ? filterTree(all, text.trim()) : { nodes: all, expand: openKeys(all) };
  }, [tree.data, text]);
  return (
    <>
      <Input.Search
        allowClear
        size="small"
        placeholder={t('households.regions')}
        onChange={(e) => setText(e.target.value)}
        style={{ marginBottom: 8 }}
        data-testid="households-region-search"
      />
      <Tree
        key={`${text}\u0000${tree.data ? 1 : 0}`}
        blockNode
        height={560}
        treeData={toNodes(nodes)}
        defaultExpandedKeys={expand}
        selectedKeys={value ? [value] : []}
        onSelect={(keys) => onChange((keys[0] as string | undefined) ?? null)}
        data-testid="households-region-tree"
      />
    </>
  );
}
