/**
 * The dashboard's tiles: what each shows, how, and the list behind it. Rates are worked out here
 * from two sums, because a rate does not add up the region tree (common/dashboard-figures.ts).
 */
import type { Figures } from '../../../common/dashboard-figures.ts';
import type { Permission } from '../../app/session.ts';
import type { Dashboard } from './dashboard.api.ts';
import type { DashboardMessages } from './dashboard.i18n.ts';

/** part ÷ whole as a fraction, or null when there is nothing to divide by (shown as "—"). */
export function rate(part: number, whole: number): number | null {
  return whole > 0 ? part / whole : null;
}

export type TileFormat = 'count' | 'percent' | 'minutes' | 'area';

/** A second line under the value: an i18n key under `dashboard.detail` and its values. */
export interface TileDetail {
  key: keyof DashboardMessages['detail'];
  values: Record<string, number | null>;
  formats?: Record<string, TileFormat>;
}

export const GROUPS = [
  'volunteers',
  'checkpoints',
  'inspection',
  'screening',
  'isolation',
  'reports',
  'errands',
  'support',
] as const;
export type TileGroup = (typeof GROUPS)[number];

export interface Tile {
  /** Under `dashboard.tiles`, and the test id `dashboard-tile-<key>`. */
  key: keyof DashboardMessages['tiles'];
  group: TileGroup;
  format: TileFormat;
  value: (d: Dashboard) => number | null;
  detail?: (d: Dashboard) => TileDetail;
  /** Drawn in red when true: something waits past its time. */
  alarm?: (d: Dashboard) => boolean;
  /**
   * The list behind the figure, with the permission of its route: the tile links there only for
   * those who may open it, narrowed to the region on screen (`listHref`) and by `query` to what the
   * figure counts. Query parameters only where that page reads them from its address.
   */
  list: TileList;
}

export interface TileList {
  path: string;
  permission: Permission;
  query?: Record<string, string>;
}

/** The tile's list as it opens from the dashboard of one region: every list reads `regionId`. */
export function listHref({ path, query }: TileList, regionId: string): string {
  return `${path}?${new URLSearchParams({ regionId, ...query }).toString()}`;
}

const f = (key: keyof Figures) => (d: Dashboard) => d.figures[key];
const positive = (key: keyof Figures) => (d: Dashboard) => d.figures[key] > 0;

// The on-duty view filters by region only; it shows the shifts going on now, not the day's check-ins.
const DUTY_NOW: TileList = { path: '/duty/now', permission: 'duty.read' };
// Open issues are two statuses (open, in progress) and the ledger's tabs are one status each.
const ISSUES: TileList = { path: '/field-issues', permission: 'fieldIssues.raise' };
const ACTIVE_CASES: TileList = { path: '/quarantine/cases', permission: 'quarantine.read', query: { status: 'active' } };
const ALERTS: TileList = { path: '/quarantine/alerts', permission: 'quarantine.read' };
// Open orders are four statuses and the list filters one; delivered and the medians are the day's,
// and the list's dates are the day ordered: only overdue has a filter of its own.
const ORDERS: TileList = { path: '/errands/orders', permission: 'errands.read' };
// The day's jobs: the totals open on all time and the log on every day; both follow the region.
const DISINFECTION: TileList = { path: '/disinfection', permission: 'disinfection.read' };

export const TILES: readonly Tile[] = [
  {
    key: 'volunteersActive',
    group: 'volunteers',
    format: 'count',
    value: f('volunteersActive'),
    list: { path: '/volunteers', permission: 'volunteers.read', query: { status: 'active' } },
  },
  { key: 'volunteersOnPost', group: 'volunteers', format: 'count', value: f('volunteersOnPost'), list: DUTY_NOW },
  { key: 'volunteersServed', group: 'volunteers', format: 'count', value: f('volunteersServed'), list: DUTY_NOW },
  { key: 'teams', group: 'volunteers', format: 'count', value: f('teams'), list: { path: '/teams', permission: 'teams.read' } },
  {
    key: 'checkpoints',
    group: 'checkpoints',
    format: 'count',
    value: f('checkpoints'),
    detail: ({ figures: x }) => ({ key: 'allDay', values: { count: x.checkpointsAllDay } }),
    list: { path: '/checkpoints', permission: 'checkpoints.read', query: { status: 'active' } },
  },
  {
    key: 'attendanceRate',
    group: 'checkpoints',
    format: 'percent',
    value: (d) => rate(d.figures.attendancePresent, d.figures.attendanceDue),
    detail: ({ figures: x }) => ({ key: 'ofTotal', values: { part: x.attendancePresent, total: x.attendanceDue } }),
    list: DUTY_NOW,
  },
  {
    key: 'shiftsStaffed',
    group: 'checkpoints',
    format: 'percent',
    value: (d) => rate(d.figures.shiftsAssigned, d.figures.shiftsRequired),
    detail: ({ figures: x }) => ({ key: 'ofTotal', values: { part: x.shiftsAssigned, total: x.shiftsRequired } }),
    // The day's shifts come from published rosters; the list is of rosters, not of the day's shifts.
    list: { path: '/rosters', permission: 'duty.read', query: { status: 'published' } },
  },
  {
    key: 'inspections',
    group: 'inspection',
    format: 'count',
    value: f('inspections'),
    // The day's visits; the list starts on every day.
    list: { path: '/inspections', permission: 'inspections.read' },
  },
  { key: 'issuesOpen', group: 'inspection', format: 'count', value: f('issuesOpen'), list: ISSUES },
  {
    key: 'issuesOverdue',
    group: 'inspection',
    format: 'count',
    value: f('issuesOverdue'),
    alarm: positive('issuesOverdue'),
    list: { ...ISSUES, query: { tab: 'overdue' } },
  },
  {
    key: 'screenedRate',
    group: 'screening',
    format: 'percent',
    value: (d) => rate(d.figures.householdsScreened, d.figures.households),
    detail: ({ figures: x }) => ({ key: 'households', values: { part: x.householdsScreened, total: x.households } }),
    // Households visited in any campaign; the list is of campaigns (the active ones, as it opens).
    list: { path: '/screening', permission: 'households.read' },
  },
  {
    key: 'households',
    group: 'screening',
    format: 'count',
    value: f('households'),
    list: { path: '/households', permission: 'households.read' },
  },
  {
    key: 'returnees',
    group: 'isolation',
    format: 'count',
    value: f('returnees'),
    detail: ({ figures: x }) => ({ key: 'newToday', values: { count: x.returneesNew } }),
    list: { path: '/quarantine/returnees', permission: 'quarantine.read' },
  },
  {
    key: 'contacts',
    group: 'isolation',
    format: 'count',
    value: f('contacts'),
    detail: ({ figures: x }) => ({ key: 'newToday', values: { count: x.contactsNew } }),
    list: { path: '/quarantine/contacts', permission: 'quarantine.read' },
  },
  {
    key: 'casesActive',
    group: 'isolation',
    format: 'count',
    value: f('casesActive'),
    detail: ({ figures: x }) => ({ key: 'newToday', values: { count: x.casesNew } }),
    list: ACTIVE_CASES,
  },
  // The day's report slots are the active cases' to fill.
  { key: 'reportsDue', group: 'reports', format: 'count', value: f('reportsDue'), list: ACTIVE_CASES },
  {
    key: 'reportsMissed',
    group: 'reports',
    format: 'count',
    value: f('reportsMissed'),
    // Each missed slot raises an alert; the list shows those still open, of any day.
    list: { ...ALERTS, query: { kind: 'missed_slot' } },
  },
  {
    key: 'reportsCompliance',
    group: 'reports',
    format: 'percent',
    value: (d) => rate(d.figures.reportsReceived, d.figures.reportsDue),
    detail: ({ figures: x }) => ({ key: 'ofTotal', values: { part: x.reportsReceived, total: x.reportsDue } }),
    list: ACTIVE_CASES,
  },
  {
    key: 'alertsFeverOpen',
    group: 'reports',
    format: 'count',
    value: f('alertsFeverOpen'),
    alarm: positive('alertsFeverOpen'),
    list: { ...ALERTS, query: { kind: 'fever', status: 'open' } },
  },
  { key: 'errandsOpen', group: 'errands', format: 'count', value: f('errandsOpen'), list: ORDERS },
  {
    key: 'errandsOverdue',
    group: 'errands',
    format: 'count',
    value: f('errandsOverdue'),
    alarm: positive('errandsOverdue'),
    list: { ...ORDERS, query: { overdue: 'true' } },
  },
  {
    key: 'errandsDelivered',
    group: 'errands',
    format: 'count',
    value: f('errandsDelivered'),
    detail: ({ figures: x }) => ({
      key: 'onTime',
      values: { rate: rate(x.errandsOnTime, x.errandsDelivered) },
      formats: { rate: 'percent' },
    }),
    list: ORDERS,
  },
  {
    key: 'errandsMedianClaim',
    group: 'errands',
    format: 'minutes',
    value: (d) => d.errandsMedianClaimMinutes,
    detail: (d) => ({
      key: 'deliveryMedian',
      values: { value: d.errandsMedianDeliveryMinutes },
      formats: { value: 'minutes' },
    }),
    list: ORDERS,
  },
  {
    key: 'disinfectionOps',
    group: 'support',
    format: 'count',
    value: f('disinfectionOps'),
    detail: ({ figures: x }) => ({ key: 'people', values: { count: x.disinfectionPeople } }),
    list: DISINFECTION,
  },
  { key: 'disinfectionArea', group: 'support', format: 'area', value: f('disinfectionAreaM2'), list: DISINFECTION },
  {
    key: 'publicity',
    group: 'support',
    format: 'count',
    value: f('publicityActivities'),
    // The day's entries: the log opens on every day.
    list: { path: '/publicity', permission: 'publicity.read', query: { tab: 'logs' } },
  },
  {
    key: 'stockAlerts',
    group: 'support',
    format: 'count',
    value: f('stockAlerts'),
    alarm: positive('stockAlerts'),
    // Items below their level are listed above the stores for the caller's whole area; the stores follow the region.
    list: { path: '/supplies/stores', permission: 'supplies.read' },
  },
];
