import { keepPreviousData, useQuery } from '@tanstack/react-query';
import type { UnitKind } from '../../../common/enums.ts';
import { api, withQuery } from '../../app/api.ts';

export interface Unit {
  id: string;
  name: string;
  kind: UnitKind;
  regionId: string;
  regionName: string;
  contact: string | null;
}

export interface UnitFilter {
  regionId?: string | null;
  kind?: UnitKind | null;
  q?: string;
  page: number;
  pageSize: number;
}

export const UNITS_KEY = 'units';

export function useUnits({ page, pageSize, ...filter }: UnitFilter) {
  return useQuery({
    queryKey: [UNITS_KEY, filter, page, pageSize],
    queryFn: () =>
      api.get<{ items: Unit[]; total: number }>(
        withQuery('/units', { ...filter, q: filter.q?.trim(), limit: pageSize, offset: (page - 1) * pageSize }),
      ),
    // The table keeps its rows while the next page or filter loads, instead of flashing empty.
    placeholderData: keepPreviousData,
  });
}
