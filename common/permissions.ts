/** Shared with the web app, which shows only what the signed-in account may do; the server enforces it. */
import type { Role } from './enums.ts';

/**
 * What each role may do. A grant gives its role's permissions over the grant's region subtree
 * (admin: everywhere). Routes name one permission; services then check the record's region.
 */
export const PERMISSIONS = [
  'regions.read',
  'regions.write',
  'units.read',
  'units.write',
  'accounts.read',
  'accounts.write',
  'audit.read',
  'pii.reveal',
  'jobs.read',
] as const;
export type Permission = (typeof PERMISSIONS)[number];

export const ROLE_PERMISSIONS: Record<Role, readonly Permission[]> = {
  admin: PERMISSIONS,
  commander: ['regions.read', 'regions.write', 'units.read', 'units.write', 'accounts.read', 'accounts.write', 'pii.reveal'],
  region_manager: ['regions.read', 'regions.write', 'units.read', 'units.write', 'accounts.read', 'accounts.write', 'pii.reveal'],
  team_leader: ['regions.read', 'units.read'],
  volunteer: ['regions.read', 'units.read'],
  inspector: ['regions.read', 'units.read'],
  medical_observer: ['regions.read', 'units.read', 'pii.reveal'],
};

/** Roles a holder of `accounts.write` through `role` may hand out (never above their own). */
export const GRANTABLE_ROLES: Record<Role, readonly Role[]> = {
  admin: ['admin', 'commander', 'region_manager', 'team_leader', 'volunteer', 'inspector', 'medical_observer'],
  commander: ['commander', 'region_manager', 'team_leader', 'volunteer', 'inspector', 'medical_observer'],
  region_manager: ['region_manager', 'team_leader', 'volunteer', 'inspector', 'medical_observer'],
  team_leader: [],
  volunteer: [],
  inspector: [],
  medical_observer: [],
};

/** How a route is reached: a permission, any signed-in account, or anyone. */
export type RouteAccess = Permission | 'authenticated' | 'public';
