import type { RegionLevel } from '../../../common/enums.ts';
import type { RegionNode } from './regions.api.ts';

/**
 * The nodes whose name or code contains `text`, with their ancestors so each match stays in place,
 * and the ids to expand so every match is visible.
 */
export function filterTree(nodes: RegionNode[], text: string): { nodes: RegionNode[]; expand: string[] } {
  const needle = text.trim().toLowerCase();
  const expand: string[] = [];
  const visit = (list: RegionNode[]): RegionNode[] =>
    list.flatMap((node) => {
      const children = visit(node.children);
      const hit = node.name.toLowerCase().includes(needle) || (node.code ?? '').toLowerCase().includes(needle);
      if (children.length) expand.push(node.id);
      return hit || children.length ? [{ ...node, children: hit && !children.length ? node.children : children }] : [];
    });
  return { nodes: visit(nodes), expand };
}

/** Nodes down to `level` only: a picker for a parent never needs the levels below it. */
export function pruneBelow(nodes: RegionNode[], level: RegionLevel, levels: readonly RegionLevel[]): RegionNode[] {
  const depth = levels.indexOf(level);
  return nodes
    .filter((node) => levels.indexOf(node.level) <= depth)
    .map((node) => ({ ...node, children: pruneBelow(node.children, level, levels) }));
}
