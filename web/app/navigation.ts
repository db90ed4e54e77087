import type { Permission } from './session.ts';

/** The side menu: each entry is shown only to accounts holding its permission. */
export const NAV_ITEMS = [
  { key: 'regions', path: '/regions', permission: 'regions.read' },
  { key: 'units', path: '/units', permission: 'units.read' },
  { key: 'pledges', path: '/pledges', permission: 'pledges.review' },
  { key: 'volunteers', path: '/volunteers', permission: 'volunteers.read' },
  { key: 'teams', path: '/teams', permission: 'teams.read' },
  { key: 'posts', path: '/posts', permission: 'teams.read' },
  { key: 'myDuty', path: '/my-duty', permission: 'duty.self' },
  { key: 'checkpoints', path: '/checkpoints', permission: 'checkpoints.read' },
  { key: 'rosters', path: '/rosters', permission: 'duty.read' },
  { key: 'dutyNow', path: '/duty/now', permission: 'duty.read' },
  { key: 'swaps', path: '/duty/swaps', permission: 'duty.swaps' },
  { key: 'inspect', path: '/inspect', permission: 'inspections.visit' },
  { key: 'inspections', path: '/inspections', permission: 'inspections.read' },
  { key: 'inspectionGroups', path: '/inspection-groups', permission: 'inspections.read' },
  { key: 'fieldIssues', path: '/field-issues', permission: 'fieldIssues.raise' },
  { key: 'passages', path: '/passages', permission: 'passages.read' },
  { key: 'followUps', path: '/follow-ups', permission: 'followUps.read' },
  { key: 'isolationCases', path: '/quarantine/cases', permission: 'quarantine.read' },
  { key: 'healthAlerts', path: '/quarantine/alerts', permission: 'quarantine.read' },
  { key: 'myServices', path: '/quarantine/my-services', permission: 'caseServices.log' },
  { key: 'returnees', path: '/quarantine/returnees', permission: 'quarantine.read' },
  { key: 'contacts', path: '/quarantine/contacts', permission: 'quarantine.read' },
  { key: 'riskAreas', path: '/risk-areas', permission: 'passages.read' },
  { key: 'households', path: '/households', permission: 'households.read' },
  { key: 'screening', path: '/screening', permission: 'households.read' },
  { key: 'screeningVisit', path: '/screening/visit', permission: 'screening.visit' },
  { key: 'accounts', path: '/accounts', permission: 'accounts.read' },
  { key: 'audit', path: '/audit', permission: 'audit.read' },
] as const satisfies readonly { key: string; path: string; permission: Permission }[];

export type NavKey = (typeof NAV_ITEMS)[number]['key'];
