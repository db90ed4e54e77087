/** Enumerations shared by API schemas and the web app. Order matters where it is a hierarchy. */

export const REGION_LEVELS = ['city', 'county', 'township', 'community', 'grid'] as const;
export type RegionLevel = (typeof REGION_LEVELS)[number];

/** The level a child of `level` must have, or null for a grid (leaf). */
export function childLevel(level: RegionLevel): RegionLevel | null {
  return REGION_LEVELS[REGION_LEVELS.indexOf(level) + 1] ?? null;
}

export const ROLES = [
  'admin',
  'commander',
  'region_manager',
  'team_leader',
  'volunteer',
  'inspector',
  'medical_observer',
] as const;
export type Role = (typeof ROLES)[number];

export const UNIT_KINDS = ['city_unit', 'county_unit', 'township_unit', 'enterprise', 'social_org', 'other'] as const;
export type UnitKind = (typeof UNIT_KINDS)[number];

export const ACCOUNT_STATUSES = ['active', 'disabled'] as const;
export type AccountStatus = (typeof ACCOUNT_STATUSES)[number];

export const LANGUAGES = ['zh-CN', 'en'] as const;
export type Language = (typeof LANGUAGES)[number];
