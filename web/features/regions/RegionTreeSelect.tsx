import { TreeSelect } from 'antd';
import type { CSSProperties } from 'react';
import { useMemo } from 'react';
import { REGION_LEVELS, type RegionLevel } from '../../../common/enums.ts';
import { useRegionTree, type RegionNode } from './regions.api.ts';
import { pruneBelow } from './tree.ts';

interface Option {
  value: string;
  title: string;
  selectable: boolean;
  children: Option[];
}

function toOptions(nodes: RegionNode[], onlyLevel: RegionLevel | undefined): Option[] {
  return nodes.map((node) => ({
    value: node.id,
    title: node.code ? `${node.name}（${node.code}）` : node.name,
    selectable: !onlyLevel || node.level === onlyLevel,
    children: toOptions(node.children, onlyLevel),
  }));
}

/** Cities and counties open, so the usual pick (a township or community) is one click away. */
function topIds(nodes: RegionNode[]): string[] {
  return nodes.flatMap((city) => [city.id, ...city.children.map((county) => county.id)]);
}

export interface RegionTreeSelectProps {
  value?: string | null;
  onChange?: (id: string | null) => void;
  placeholder?: string;
  /** Only regions of this level can be picked (the others are shown as the way to them). */
  onlyLevel?: RegionLevel;
  allowClear?: boolean;
  disabled?: boolean;
  testId: string;
  style?: CSSProperties;
}

export function RegionTreeSelect({
  value,
  onChange,
  placeholder,
  onlyLevel,
  allowClear,
  disabled,
  testId,
  style,
}: RegionTreeSelectProps) {
  const tree = useRegionTree();
  const nodes = useMemo(() => {
    const all = tree.data ?? [];
    return onlyLevel ? pruneBelow(all, onlyLevel, REGION_LEVELS) : all;
  }, [tree.data, onlyLevel]);
  const options = useMemo(() => toOptions(nodes, onlyLevel), [nodes, onlyLevel]);
  return (
    <TreeSelect<string>
      showSearch
      treeNodeFilterProp="title"
      treeData={options}
      treeDefaultExpandedKeys={topIds(nodes)}
      // antd shows the placeholder only for undefined, not null.
      value={value ?? undefined}
      onChange={(id) => onChange?.(id ?? null)}
      placeholder={placeholder}
      allowClear={allowClear}
      disabled={disabled}
      loading={tree.isPending}
      popupMatchSelectWidth={false}
      style={{ minWidth: 200, ...style }}
      data-testid={testId}
    />
  );
}
