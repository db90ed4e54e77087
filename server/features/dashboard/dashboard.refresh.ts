/**
 * The refresh that keeps the dashboard's snapshot (README.md here): every source is read for a
 * day's window, rolled up the tree and compared with the stored rows; only rows whose figures
 * changed are written, one transaction per day.
 */
import type { Figures } from '../../../common/dashboard-figures.ts';
import type { CallContext } from '../../platform/audit/audit.ts';
import { addDays, calendarDate } from '../../platform/dates.ts';
import { nowIso } from '../../platform/db/ids.ts';
import { transact } from '../../platform/db/transact.ts';
import type { Deps } from '../../platform/deps.ts';
import * as repo from './dashboard.repository.ts';
import { TREND_DAYS, dayWindow, encodeFigures, rollUp } from './dashboard.rules.ts';
import type { FigureRow, FigureSource, FigureWindow } from './figure-sources.ts';

const SYSTEM: CallContext = { actorId: null, actorLogin: null, ip: null };

export interface RefreshResult {
  /** When today's figures were computed. */
  computedAt: string;
  /** Days computed by this refresh (today, and past days computed for the first or last time). */
  days: string[];
  /** Stored rows written or deleted. */
  written: number;
}

export function dashboardRefresh(deps: Deps, sources: readonly FigureSource[]) {
  const {
    db: { db },
    config: { timeZone },
    events,
  } = deps;

  /** The sums of every source for one window, per region of the whole subtree. */
  async function sumsFor(window: FigureWindow, paths: ReadonlyMap<string, string>): Promise<Map<string, Partial<Figures>>> {
    const rows: FigureRow[] = [];
    // One after another: each is one or a few grouped queries, and the database has other work.
    for (const source of sources) rows.push(...(await source(window)));
    return rollUp(rows, paths);
  }

  /** Writes a day's sums where they differ from what is stored; answers the regions touched. */
  async function store(day: string, sums: Map<string, Partial<Figures>>, at: string): Promise<string[]> {
    return transact(db, SYSTEM, async (trx) => {
      const stored = await repo.dayFigures(trx, day);
      const upserts: { regionId: string; figures: string }[] = [];
      for (const [regionId, values] of sums) {
        const figures = encodeFigures(values);
        if (figures !== null && stored.get(regionId) !== figures) upserts.push({ regionId, figures });
      }
      const gone = [...stored.keys()].filter((id) => encodeFigures(sums.get(id) ?? {}) === null);
      await repo.upsertFigures(trx, day, upserts, at);
      await repo.deleteFigures(trx, day, gone);
      await repo.markDayComputed(trx, day, at);
      return [...upserts.map((u) => u.regionId), ...gone];
    });
  }

  /**
   * Tells open dashboards to refetch: one notice at each changed root region, reaching every
   * holder of `dashboard.read` at or below it (it carries only the time, nothing of any region's
   * records), rather than an event per community with a reader.
   */
  async function announce(changed: Set<string>, computedAt: string): Promise<void> {
    const all = await repo.regionPaths(db);
    const roots = [...changed].map((id) => all.get(id)).filter((p): p is string => p?.split('/').length === 3);
    await transact(db, SYSTEM, async (trx) => {
      for (const regionPath of roots)
        await events.publish(trx, {
          type: 'dashboard.refreshed',
          permission: 'dashboard.read',
          regionPath,
          reachBelow: true,
          data: { computedAt },
        });
    });
  }

  /**
   * Today up to `now`; and any of the last days never computed (a fresh install) or last computed
   * before its end (yesterday, on the first refresh after midnight), once, to its end. After that
   * a past day is frozen.
   */
  return async function refresh(now: Date = new Date()): Promise<RefreshResult> {
    const at = nowIso(now);
    const today = calendarDate(timeZone, now);
    const past = Array.from({ length: TREND_DAYS - 1 }, (_, i) => addDays(today, i - (TREND_DAYS - 1)));
    const computed = await repo.computedDays(db, past);
    const windows = [
      ...past.map((day) => dayWindow(timeZone, day)).filter((w) => (computed.get(w.day) ?? '') < w.to),
      dayWindow(timeZone, today, at),
    ];
    const paths = await repo.regionPaths(db);
    const changed = new Set<string>();
    let written = 0;
    for (const window of windows) {
      const touched = await store(window.day, await sumsFor(window, paths), at);
      written += touched.length;
      for (const id of touched) changed.add(id);
    }
    if (changed.size) await announce(changed, at);
    return { computedAt: at, days: windows.map((w) => w.day), written };
  };
}
