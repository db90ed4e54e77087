/** Pieces the benchmarks' data loaders share. */
import type { RegionTable } from '../../server/platform/db/schema.ts';
import { newId } from '../../server/platform/db/ids.ts';

/** xorshift32: deterministic, so every run loads the same data. */
export function prng(seed: number): () => number {
  let x = seed;
  return () => {
    x ^= x << 13;
    x ^= x >>> 17;
    x ^= x << 5;
    return (x >>> 0) / 2 ** 32;
  };
}

/** A region row under `parent`, with its path as the regions service makes it. */
export function childRegion(parent: { id: string; path: string }, level: string, name: string, now: string): RegionTable {
  const id = newId();
  return {
    id,
    parentId: parent.id,
    code: null,
    name,
    level,
    path: `${parent.path}${id}/`,
    sortOrder: 0,
    createdAt: now,
    updatedAt: now,
  };
}
