import { useQuery } from '@tanstack/react-query';
import type { RegionLevel } from '../../../common/enums.ts';
import { api } from '../../app/api.ts';

export interface RegionNode {
  id: string;
  code: string | null;
  name: string;
  level: RegionLevel;
  children: RegionNode[];
}

export interface RegionDetail {
  id: string;
  parentId: string | null;
  code: string | null;
  name: string;
  level: RegionLevel;
  sortOrder: number;
  ancestors: { id: string; name: string; level: RegionLevel }[];
  usage: { children: number; units: number; grants: number };
}

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
