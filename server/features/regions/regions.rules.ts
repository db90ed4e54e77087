import { childLevel, REGION_LEVELS, type RegionLevel } from '../../../common/enums.ts';
import type { FieldProblem } from '../../platform/errors.ts';

/** Official codes have a fixed length at the top three levels; communities and grids use local codes. */
const CODE_DIGITS: Partial<Record<RegionLevel, number>> = { city: 6, county: 6, township: 9 };

/** A code problem for a region at `level`, or null. City and county need their GB/T 2260 code. */
export function codeProblem(level: RegionLevel, code: string | null | undefined): FieldProblem | null {
  const digits = CODE_DIGITS[level];
  if (code === null || code === undefined || code === '') {
    return level === 'city' || level === 'county' ? { reason: 'field.required' } : null;
  }
  if (digits !== undefined && !new RegExp(`^\\d{${digits}}$`).test(code)) {
    return { reason: 'field.regionCodeLevel', params: { digits } };
  }
  return null;
}

/** The level of a new region under `parentLevel` (null parent: a top-level city). */
export function levelUnder(parentLevel: RegionLevel | null): RegionLevel | null {
  return parentLevel === null ? 'city' : childLevel(parentLevel);
}

export function isRegionLevel(value: string): value is RegionLevel {
  return (REGION_LEVELS as readonly string[]).includes(value);
}
