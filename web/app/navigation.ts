import { useCallback } from 'react';
import { useNavigate, type NavigateOptions } from 'react-router';
import { isFieldPath, pathOf } from '../../common/field-paths.ts';
import type { Permission } from './session.ts';

/** The side menu's sections, in menu order. */
export const NAV_GROUPS = [
  'command',
  'organisation',
  'volunteers',
  'duty',
  'inspection',
  'screening',
  'errands',
  'support',
  'system',
] as const;
export type NavGroup = (typeof NAV_GROUPS)[number];

/**
 * The side menu: each entry is shown only to accounts holding its permission. Listed section by
 * section; inside one, the person's own work first, then by how often the entry is used.
 */
export const NAV_ITEMS = [
  { key: 'dashboard', group: 'command', path: '/dashboard', permission: 'dashboard.read' },
  { key: 'reports', group: 'command', path: '/reports/daily', permission: 'reports.read' },
  { key: 'conflicts', group: 'command', path: '/sync/conflicts', permission: 'conflicts.review' },
  { key: 'regions', group: 'organisation', path: '/regions', permission: 'regions.read' },
  { key: 'units', group: 'organisation', path: '/units', permission: 'units.read' },
  { key: 'volunteers', group: 'volunteers', path: '/volunteers', permission: 'volunteers.read' },
  { key: 'teams', group: 'volunteers', path: '/teams', permission: 'teams.read' },
  { key: 'recognition', group: 'volunteers', path: '/recognition', permission: 'volunteers.read' },
  { key: 'pledges', group: 'volunteers', path: '/pledges', permission: 'pledges.review' },
  { key: 'posts', group: 'volunteers', path: '/posts', permission: 'teams.read' },
  { key: 'myDuty', group: 'duty', path: '/my-duty', permission: 'duty.self' },
  { key: 'dutyNow', group: 'duty', path: '/duty/now', permission: 'duty.read' },
  { key: 'rosters', group: 'duty', path: '/rosters', permission: 'duty.read' },
  { key: 'checkpoints', group: 'duty', path: '/checkpoints', permission: 'checkpoints.read' },
  { key: 'passages', group: 'duty', path: '/passages', permission: 'passages.read' },
  { key: 'swaps', group: 'duty', path: '/duty/swaps', permission: 'duty.swaps' },
  { key: 'followUps', group: 'duty', path: '/follow-ups', permission: 'followUps.read' },
  { key: 'riskAreas', group: 'duty', path: '/risk-areas', permission: 'passages.read' },
  { key: 'inspect', group: 'inspection', path: '/inspect', permission: 'inspections.visit' },
  { key: 'inspections', group: 'inspection', path: '/inspections', permission: 'inspections.read' },
  { key: 'fieldIssues', group: 'inspection', path: '/field-issues', permission: 'fieldIssues.raise' },
  { key: 'inspectionGroups', group: 'inspection', path: '/inspection-groups', permission: 'inspections.read' },
  { key: 'screeningVisit', group: 'screening', path: '/screening/visit', permission: 'screening.visit' },
  { key: 'myServices', group: 'screening', path: '/quarantine/my-services', permission: 'caseServices.log' },
  { key: 'healthAlerts', group: 'screening', path: '/quarantine/alerts', permission: 'quarantine.read' },
  { key: 'isolationCases', group: 'screening', path: '/quarantine/cases', permission: 'quarantine.read' },
  { key: 'returnees', group: 'screening', path: '/quarantine/returnees', permission: 'quarantine.read' },
  { key: 'contacts', group: 'screening', path: '/quarantine/contacts', permission: 'quarantine.read' },
  { key: 'screening', group: 'screening', path: '/screening', permission: 'households.read' },
  { key: 'households', group: 'screening', path: '/households', permission: 'households.read' },
  { key: 'myErrands', group: 'errands', path: '/my-errands', permission: 'errands.run' },
  { key: 'errandOrders', group: 'errands', path: '/errands/orders', permission: 'errands.read' },
  { key: 'errandRuns', group: 'errands', path: '/errands/runs', permission: 'errands.run' },
  { key: 'errandSettlement', group: 'errands', path: '/errands/settlement', permission: 'errands.read' },
  { key: 'errandNumbers', group: 'errands', path: '/errands/numbers', permission: 'errands.read' },
  { key: 'errandPosts', group: 'errands', path: '/errands/posts', permission: 'errands.manage' },
  { key: 'errandShops', group: 'errands', path: '/errands/shops', permission: 'errands.manage' },
  { key: 'myDisinfection', group: 'support', path: '/my-disinfection', permission: 'disinfection.log' },
  { key: 'disinfection', group: 'support', path: '/disinfection', permission: 'disinfection.read' },
  { key: 'disinfectionPlaces', group: 'support', path: '/disinfection/places', permission: 'disinfection.read' },
  { key: 'suppliesToConfirm', group: 'support', path: '/supplies/to-confirm', permission: 'supplies.confirm' },
  { key: 'suppliesStores', group: 'support', path: '/supplies/stores', permission: 'supplies.read' },
  { key: 'suppliesDonations', group: 'support', path: '/supplies/donations', permission: 'supplies.read' },
  { key: 'suppliesAllocations', group: 'support', path: '/supplies/allocations', permission: 'supplies.read' },
  { key: 'suppliesLedger', group: 'support', path: '/supplies/ledger', permission: 'supplies.read' },
  { key: 'suppliesItems', group: 'support', path: '/supplies/items', permission: 'supplies.read' },
  { key: 'publicityLog', group: 'support', path: '/publicity/log', permission: 'publicity.log' },
  { key: 'publicity', group: 'support', path: '/publicity', permission: 'publicity.read' },
  { key: 'announcements', group: 'support', path: '/announcements', permission: 'announcements.write' },
  { key: 'accounts', group: 'system', path: '/accounts', permission: 'accounts.read' },
  { key: 'audit', group: 'system', path: '/audit', permission: 'audit.read' },
] as const satisfies readonly { key: string; group: NavGroup; path: string; permission: Permission }[];

export type NavKey = (typeof NAV_ITEMS)[number]['key'];

/** Up to this many entries read as one short list; section headings would only add clutter. */
export const FLAT_MENU_MAX = 7;

/**
 * Whether `to` belongs to the other app than this page: the field app (field.html) and the staff
 * desk (index.html) are separate bundles with separate routers, so crossing between them is a
 * full page load. A page always runs in the app its own address is served with.
 */
export function leavesApp(to: string): boolean {
  return isFieldPath(pathOf(to)) !== isFieldPath(window.location.pathname);
}

/** Loads `to` in full, in place of the current entry when `replace`. */
export function loadPage(to: string, replace = false): void {
  if (replace) window.location.replace(to);
  else window.location.assign(to);
}

/** `navigate` that loads the page in full when it belongs to the other app. */
export function useGo(): (to: string, options?: NavigateOptions) => void {
  const navigate = useNavigate();
  return useCallback(
    (to: string, options?: NavigateOptions) => {
      if (leavesApp(to)) loadPage(to, options?.replace);
      else void navigate(to, options);
    },
    [navigate],
  );
}
