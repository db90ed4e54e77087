import { useQuery } from '@tanstack/react-query';
import type { Static } from 'typebox';
import type { RegionDetail as RegionDetailSchema, TreeNode } from '../../../server/features/regions/regions.schemas.ts';
import { api } from '../../app/api.ts';

/** The API's shapes, from the server's schemas (types only: nothing of the server is bundled). */
export type RegionNode = TreeNode;
export type RegionDetail = Static<typeof RegionDetailSchema>;

export interface ImportResult {
  created: number;
  updated: number;
  unchanged: number;
}

/** Every query about regions starts with this, so one invalidation refreshes tree and details. */
export const REGIONS_KEY = 'regions';

export function useRegionTree() {
  return useQuery({
    queryKey: [REGIONS_KEY, 'tree'],
    queryFn: async () => (await api.get<{ items: RegionNode[] }>('/regions/tree')).items,
  });
}

export function useRegion(id: string | null) {
  return useQuery({
    queryKey: [REGIONS_KEY, 'detail', id],
    queryFn: () => api.get<RegionDetail>(`/regions/${id}`),
    enabled: id !== null,
  });
}
