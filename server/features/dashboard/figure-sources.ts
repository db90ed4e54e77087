/**
 * How features feed the dashboard. Each feature's service offers one `figures(window)` function
 * (its repository does the grouped SQL): the figures it owns, one row per region that holds
 * records, with the record's own region (any level). The dashboard adds each row to its region
 * and every ancestor, so no feature needs to know the tree.
 *
 * These functions are the system's own reading for the refresh job, not a caller's: they take no
 * actor and check no access. The dashboard's routes check `dashboard.read` over the region shown.
 */
import type { FigureKey } from '../../../common/dashboard-figures.ts';

export interface FigureWindow {
  /** The Beijing day, `YYYY-MM-DD`. */
  day: string;
  /** The day's start, ISO UTC (Beijing midnight). */
  from: string;
  /** The end of the day or, for today, the moment of the refresh: state figures are as of here. */
  to: string;
  /**
   * Today's window, ending at the refresh: a source may read state kept only as it is now (tallies,
   * stock thresholds). The refresh says so; a source never guesses it from the clock.
   */
  live: boolean;
}

export interface FigureRow {
  regionId: string;
  values: Partial<Record<FigureKey, number>>;
}

export type FigureSource = (window: FigureWindow) => Promise<FigureRow[]>;
