import { addDays, calendarDate } from '../../platform/dates.ts';
import { inScope, requireScope, scopeFor, type Actor } from '../../platform/access/actor.ts';
import type { Deps } from '../../platform/deps.ts';
import type { JobDefinition } from '../../platform/jobs/scheduler.ts';
import type { NumbersService } from '../errands/numbers.service.ts';
import type { RegionsService } from '../regions/regions.service.ts';
import * as repo from './dashboard.repository.ts';
import { dashboardRefresh, type RefreshResult } from './dashboard.refresh.ts';
import type { Figures } from '../../../common/dashboard-figures.ts';
import { TREND_DAYS, dayStart, decodeFigures, pathIds } from './dashboard.rules.ts';
import type { Dashboard, DashboardQueryInput, Refreshed } from './dashboard.schemas.ts';
import type { FigureSource } from './figure-sources.ts';

export type DashboardService = ReturnType<typeof dashboardService>;

const ref = (r: repo.RegionRow) => ({ id: r.id, name: r.name, level: r.level });

/**
 * 指挥大屏: reads the stored snapshot of figures per region and day (README.md here), which the
 * `dashboard-refresh` job keeps current from every feature's `figures` source.
 */
export function dashboardService(
  deps: Deps,
  others: { regions: RegionsService; numbers: NumbersService; sources: readonly FigureSource[] },
) {
  const {
    db: { db },
    config: { timeZone, dashboardRefreshSeconds },
  } = deps;
  const runRefresh = dashboardRefresh(deps, others.sources);

  /**
   * One refresh at a time in this instance, and each caller gets one that began after it asked, so
   * whatever was committed before the ask is counted: callers arriving while one runs share the
   * next one, which starts when it ends.
   */
  let running: Promise<RefreshResult> | null = null;
  let next: Promise<RefreshResult> | null = null;
  function refresh(now?: Date): Promise<RefreshResult> {
    if (!running) return (running = runRefresh(now).finally(() => (running = null)));
    next ??= running
      .catch(() => undefined)
      .then(() => {
        next = null;
        return refresh(now);
      });
    return next;
  }

  /** Medians do not add up the tree, so they are asked of errands now; only for readers of errands there. */
  async function errandMedians(actor: Actor, region: repo.RegionRow, today: string) {
    if (!inScope(scopeFor(actor, 'errands.read'), region.path)) return { claim: null, delivery: null };
    const { total } = await others.numbers.numbers(actor, { regionId: region.id, from: today, to: today, by: 'day' });
    return { claim: total.medianClaimMinutes, delivery: total.medianDeliveryMinutes };
  }

  const jobs: JobDefinition[] = [
    { name: 'dashboard-refresh', everyMs: dashboardRefreshSeconds * 1000, run: async () => void (await refresh()) },
  ];

  return {
    jobs,
    /** The refresh itself, for the job and tests (a clock may be given). */
    refresh,

    async dashboard(actor: Actor, query: DashboardQueryInput): Promise<Dashboard> {
      const scope = requireScope(actor, 'dashboard.read');
      const region = await others.regions.namedOrTop(actor, 'dashboard.read', query.regionId);

      const today = calendarDate(timeZone);
      const days = Array.from({ length: TREND_DAYS }, (_, i) => addDays(today, i - (TREND_DAYS - 1)));
      const [ancestors, children, trendRows, computed, medians] = await Promise.all([
        repo.findRegions(db, pathIds(region.path)),
        repo.children(db, region.id),
        repo.figureRows(db, [region.id], days),
        repo.computedDays(db, [today]),
        errandMedians(actor, region, today),
      ]);
      const childRows = await repo.figureRows(
        db,
        children.map((c) => c.id),
        [today],
      );
      const byDay = new Map(trendRows.map((r) => [r.day, r.figures]));
      const byChild = new Map(childRows.map((r) => [r.regionId, r.figures]));
      return {
        region: ref(region),
        breadcrumb: ancestors
          .filter((a) => inScope(scope, a.path))
          .sort((a, b) => a.path.length - b.path.length)
          .map(ref),
        day: today,
        computedAt: computed.get(today) ?? null,
        figures: decodeFigures(byDay.get(today)),
        children: children.map((c) => ({
          region: ref(c),
          hasChildren: c.hasChildren,
          figures: decodeFigures(byChild.get(c.id)),
        })),
        trend: days.map((day) => ({ day, figures: decodeFigures(byDay.get(day)) })),
        errandsMedianClaimMinutes: medians.claim,
        errandsMedianDeliveryMinutes: medians.delivery,
      };
    },

    /**
     * Stored figures of these regions on a day, for the daily report (reports/, which checks
     * access). With `current`, the day is first made current when a refresh computes it: today, or
     * a day of the trend not yet computed to its end. Null when the day has no figures (older than
     * the trend and never computed), so a refused request writes nothing.
     */
    async figuresOn(regionIds: string[], day: string, current = true) {
      const today = calendarDate(timeZone);
      const computed = async () => (await repo.computedDays(db, [day])).get(day);
      let computedAt = await computed();
      const refreshable = day <= today && day > addDays(today, -TREND_DAYS);
      if (current && refreshable && (day === today || (computedAt ?? '') < dayStart(timeZone, addDays(day, 1)))) {
        await refresh();
        computedAt = await computed();
      }
      if (!computedAt) return null;
      const rows = new Map((await repo.figureRows(db, regionIds, [day])).map((r) => [r.regionId, r.figures]));
      return { computedAt, figures: new Map<string, Figures>(regionIds.map((id) => [id, decodeFigures(rows.get(id))])) };
    },

    /**
     * Refreshes now for whoever reads a dashboard, counting everything committed before the ask.
     * Not audited: it writes no business record, only the snapshot any refresh would write.
     */
    async refreshNow(actor: Actor): Promise<Refreshed> {
      requireScope(actor, 'dashboard.read');
      return { computedAt: (await refresh()).computedAt };
    },
  };
}
