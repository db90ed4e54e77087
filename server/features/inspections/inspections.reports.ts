import { requireScope, type Actor, type Scope } from '../../platform/access/actor.ts';
import { calendarDate, daysBetween, mondayOf } from '../../platform/dates.ts';
import type { Deps } from '../../platform/deps.ts';
import { invalidField } from '../../platform/errors.ts';
import type { CheckpointsService } from '../checkpoints/checkpoints.service.ts';
import type { AttendanceService } from '../duty/attendance.service.ts';
import type { RegionsService } from '../regions/regions.service.ts';
import * as repo from './inspections.repository.ts';
import { planRound } from './inspections.route.ts';
import type { AbsenceTally, AbsenceTallyQueryInput, Coverage, CoverageQueryInput } from './inspections.schemas.ts';

/** A county's checkpoints fit; a page with more would not be read on a phone anyway. */
export const MAX_COVERAGE_CHECKPOINTS = 2000;
/** A quarter: enough for a season's review, small enough to stay one quick grouped query. */
export const MAX_TALLY_DAYS = 92;

/** What inspectors and their managers read about an area: coverage with today's round, and absences found. */
export function inspectionReports(
  deps: Deps,
  {
    regions,
    checkpoints,
    attendance,
  }: { regions: RegionsService; checkpoints: CheckpointsService; attendance: AttendanceService },
) {
  const {
    db: { db },
    config: { timeZone },
  } = deps;

  /** Active checkpoints under the region, or in the whole scope, highest risk first, capped. */
  async function checkpointsIn(scope: Scope, regionPath: string | undefined) {
    const roots = regionPath ? [regionPath] : scope.all ? ['/'] : scope.paths;
    const all = [];
    for (const root of roots) all.push(...(await checkpoints.forPlanning(root)));
    // A stable sort keeps the registry's order (place, then name) within a risk level.
    return all.sort((a, b) => b.risk - a.risk).slice(0, MAX_COVERAGE_CHECKPOINTS);
  }

  return {
    async coverage(actor: Actor, query: CoverageQueryInput): Promise<Coverage> {
      const scope = requireScope(actor, 'inspections.read');
      if ((query.lat === undefined) !== (query.lng === undefined)) {
        throw invalidField(query.lat === undefined ? 'lat' : 'lng', 'field.inspection.latLngPair');
      }
      const regionPath = await regions.readablePath(actor, 'inspections.read', query.regionId);
      const cps = await checkpointsIn(scope, regionPath);
      const now = new Date();
      const date = calendarDate(timeZone, now);
      const weekStart = mondayOf(date);
      const ids = cps.map((c) => c.id);
      const stats = await repo.visitStats(db, ids, date, weekStart);
      const staffing = await attendance.staffingAt(scope, now, regionPath);
      const rows = cps.map((c) => {
        const s = stats.get(c.id);
        return {
          id: c.id,
          name: c.name,
          kind: c.kind,
          regionName: c.regionName,
          risk: c.risk,
          lat: c.lat,
          lng: c.lng,
          lastVisitAt: s?.lastVisitAt ?? null,
          visitsToday: s?.today ?? 0,
          visitsThisWeek: s?.thisWeek ?? 0,
          staffedNow: staffing.get(c.id) ?? { required: 0, onDuty: 0 },
        };
      });
      const start = query.lat !== undefined && query.lng !== undefined ? { lat: query.lat, lng: query.lng } : undefined;
      const { route, routeKm } = planRound(
        rows.filter((r) => r.visitsToday === 0),
        start,
      );
      return {
        date,
        weekStart,
        totals: {
          checkpoints: rows.length,
          visitedToday: rows.filter((r) => r.visitsToday > 0).length,
          visitedThisWeek: rows.filter((r) => r.visitsThisWeek > 0).length,
        },
        checkpoints: rows,
        route,
        routeKm,
      };
    },

    async absences(actor: Actor, query: AbsenceTallyQueryInput): Promise<AbsenceTally> {
      const scope = requireScope(actor, 'inspections.read');
      const regionPath = await regions.readablePath(actor, 'inspections.read', query.regionId);
      if (query.to < query.from) throw invalidField('to', 'field.inspection.toBeforeFrom');
      if (daysBetween(query.from, query.to) >= MAX_TALLY_DAYS) {
        throw invalidField('to', 'field.inspection.period', { limit: MAX_TALLY_DAYS });
      }
      const tally = await repo.absenceTally(db, scope, { ...(regionPath ? { regionPath } : {}), from: query.from, to: query.to });
      return { from: query.from, to: query.to, ...tally };
    },
  };
}
