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

export const GENDERS = ['male', 'female'] as const;
export type Gender = (typeof GENDERS)[number];

/** Skills a pledge or volunteer offers; the roster and errand features match on them. */
export const SKILLS = ['medical', 'driving', 'counselling', 'publicity', 'logistics', 'security', 'disinfection', 'it'] as const;
export type Skill = (typeof SKILLS)[number];

/** Availability is a set of (weekday 1 = Monday … 7 = Sunday, time band) pairs. */
export const TIME_BANDS = ['morning', 'afternoon', 'evening', 'night'] as const;
export type TimeBand = (typeof TIME_BANDS)[number];

export const PLEDGE_STATUSES = ['pending', 'approved', 'rejected', 'waitlisted'] as const;
export type PledgeStatus = (typeof PLEDGE_STATUSES)[number];
/** What a reviewer may decide; approval is final, the others may be revisited. */
export const PLEDGE_DECISIONS = ['approve', 'reject', 'waitlist'] as const;
export type PledgeDecision = (typeof PLEDGE_DECISIONS)[number];

export const VOLUNTEER_STATUSES = ['active', 'paused', 'withdrawn'] as const;
export type VolunteerStatus = (typeof VOLUNTEER_STATUSES)[number];

/** What a volunteer's service record is made of; each later feature adds entries of its kind. */
export const SERVICE_KINDS = ['duty', 'errand', 'inspection', 'screening', 'disinfection', 'commendation', 'other'] as const;
export type ServiceKind = (typeof SERVICE_KINDS)[number];

export const TEAM_KINDS = ['shock', 'vanguard', 'emergency', 'volunteer_service', 'work_group'] as const;
export type TeamKind = (typeof TEAM_KINDS)[number];

export const POST_KINDS = ['vanguard_post', 'model_post', 'responsibility_zone'] as const;
export type PostKind = (typeof POST_KINDS)[number];

/** The report's four roles (宣传员 战斗员 守门员 勤务员), tags on a team member. */
export const MEMBER_ROLE_TAGS = ['publicist', 'fighter', 'gatekeeper', 'orderly'] as const;
export type MemberRoleTag = (typeof MEMBER_ROLE_TAGS)[number];
