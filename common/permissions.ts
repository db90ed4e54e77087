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
  'pledges.review',
  'volunteers.read',
  'volunteers.write',
  'teams.read',
  'teams.write',
  'teams.members',
  'checkpoints.read',
  'checkpoints.write',
  'duty.read',
  'duty.plan',
  'duty.swaps',
  'duty.self',
  'inspections.groups',
  'inspections.read',
  'inspections.visit',
  'fieldIssues.read',
  'fieldIssues.raise',
  'fieldIssues.handle',
  'fieldIssues.verify',
  'riskAreas.write',
  'passages.write',
  'passages.read',
  'passages.reveal',
  'followUps.read',
  'followUps.handle',
  'households.read',
  'households.write',
  'screening.plan',
  'screening.visit',
  'quarantine.read',
  'quarantine.write',
  'quarantine.reveal',
  'healthReports.enter',
  'alerts.handle',
  'caseServices.log',
  'disinfection.read',
  'disinfection.plan',
  'disinfection.log',
  'disinfection.signOff',
  'publicity.read',
  'publicity.log',
  'announcements.write',
  'supplies.read',
  'supplies.manage',
  'supplies.move',
  'supplies.confirm',
  'errands.read',
  'errands.manage',
  'errands.order',
  'errands.run',
  'dashboard.read',
  'reports.read',
  'conflicts.review',
] as const;
export type Permission = (typeof PERMISSIONS)[number];

/** What staff who run an area may do there (commander: the whole city through a city grant). */
const MANAGER: readonly Permission[] = [
  'regions.read',
  'regions.write',
  'units.read',
  'units.write',
  'accounts.read',
  'accounts.write',
  'pii.reveal',
  'pledges.review',
  'volunteers.read',
  'volunteers.write',
  'teams.read',
  'teams.write',
  'teams.members',
  'checkpoints.read',
  'checkpoints.write',
  'duty.read',
  'duty.plan',
  'duty.swaps',
  // Staff may serve as volunteers too; and no role may grant what it does not hold.
  'duty.self',
  'inspections.groups',
  'inspections.read',
  'inspections.visit',
  'fieldIssues.read',
  'fieldIssues.raise',
  'fieldIssues.handle',
  'fieldIssues.verify',
  'passages.write',
  'passages.read',
  'passages.reveal',
  'followUps.read',
  'followUps.handle',
  'households.read',
  'households.write',
  'screening.plan',
  'screening.visit',
  'quarantine.read',
  'quarantine.write',
  'quarantine.reveal',
  'healthReports.enter',
  'alerts.handle',
  'caseServices.log',
  'disinfection.read',
  'disinfection.plan',
  'disinfection.log',
  'disinfection.signOff',
  'publicity.read',
  'publicity.log',
  'announcements.write',
  'supplies.read',
  'supplies.manage',
  'supplies.move',
  'supplies.confirm',
  'errands.read',
  'errands.manage',
  'errands.order',
  'errands.run',
  'dashboard.read',
  'reports.read',
  'conflicts.review',
];

/**
 * `teams.members` lets a team leader manage the members of the teams they lead (and their
 * sub-teams) only; the service checks leadership. Holders of `teams.write` manage any team in scope.
 * Likewise `duty.swaps` lets a team leader decide swap requests of their teams' members only, and
 * `duty.self` gives a volunteer their own duties, check-in and swap requests, whatever the region.
 * `passages.write` lets a volunteer log passers only at a checkpoint they are on duty at now
 * (holders of `passages.read` over the checkpoint log there any time); `fieldIssues.raise` lets
 * anyone on the ground raise an issue and follow the ones they raised.
 * `screening.visit` lets a volunteer record visits only in the grids of campaigns given to them or
 * their team; `caseServices.log` lets a volunteer see and log only the services they are given.
 * A medical observer works the cases they observe and the alerts they own, in their area.
 * `disinfection.log` and `publicity.log` let a volunteer log what they did in their area and see
 * their own entries and schedules; `supplies.confirm` lets a team leader sign for supplies sent to
 * their teams or to a checkpoint their teams hold.
 * `errands.run` lets a volunteer see and work the errand orders of the posts their teams staff (and
 * the orders they claimed); the leader of a post's team also assigns its orders and runs its
 * purchase runs.
 * `conflicts.review` settles entries made offline that arrived too late to apply as made; each
 * kind also needs the permission of what it is about over its region (`duty.read` for check-ins,
 * `quarantine.read` for health reports), so a team leader sees the shifts and a medical observer
 * the cases.
 */
export const ROLE_PERMISSIONS: Record<Role, readonly Permission[]> = {
  admin: PERMISSIONS,
  // The risk-area list holds for the whole city: the organisation department keeps it.
  commander: [...MANAGER, 'riskAreas.write'],
  region_manager: MANAGER,
  team_leader: [
    'regions.read',
    'units.read',
    'volunteers.read',
    'teams.read',
    'teams.members',
    'checkpoints.read',
    'duty.read',
    'duty.swaps',
    'duty.self',
    'fieldIssues.raise',
    'passages.write',
    'screening.visit',
    'caseServices.log',
    'disinfection.log',
    'publicity.log',
    'supplies.confirm',
    'errands.run',
    'conflicts.review',
  ],
  volunteer: [
    'regions.read',
    'units.read',
    'duty.self',
    'fieldIssues.raise',
    'passages.write',
    'screening.visit',
    'caseServices.log',
    'disinfection.log',
    'publicity.log',
    'errands.run',
  ],
  inspector: [
    'regions.read',
    'units.read',
    'volunteers.read',
    'teams.read',
    'checkpoints.read',
    'duty.read',
    'inspections.read',
    'inspections.visit',
    'fieldIssues.read',
    'fieldIssues.raise',
    'fieldIssues.verify',
    'passages.read',
    'disinfection.read',
    'disinfection.signOff',
    'dashboard.read',
  ],
  medical_observer: [
    'regions.read',
    'units.read',
    'pii.reveal',
    'passages.read',
    'passages.reveal',
    'followUps.read',
    'followUps.handle',
    'households.read',
    'quarantine.read',
    'quarantine.reveal',
    'healthReports.enter',
    'alerts.handle',
    'conflicts.review',
  ],
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
