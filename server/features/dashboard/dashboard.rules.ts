import { FIGURE_KEYS, emptyFigures, type FigureKey, type Figures } from '../../../common/dashboard-figures.ts';
import { addDays, zonedInstant } from '../../platform/dates.ts';
import { nowIso } from '../../platform/db/ids.ts';
import type { FigureRow, FigureWindow } from './figure-sources.ts';

/** Days shown in the trend, today included. */
export const TREND_DAYS = 14;

export const pathIds = (path: string): string[] => path.split('/').filter(Boolean);

/** The instant a Beijing day begins (local midnight), ISO UTC. */
export const dayStart = (timeZone: string, day: string): string => nowIso(zonedInstant(timeZone, day, '00:00'));

/** A day's window; `to` defaults to the day's end (a complete past day). */
export function dayWindow(timeZone: string, day: string, to?: string): FigureWindow {
  return { day, from: dayStart(timeZone, day), to: to ?? dayStart(timeZone, addDays(day, 1)), live: to !== undefined };
}

/**
 * Adds every source row to its own region and each ancestor, so a region's sums cover its whole
 * subtree. A row of a region no longer in the tree (deleted since the source read) is dropped.
 */
export function rollUp(rows: readonly FigureRow[], paths: ReadonlyMap<string, string>): Map<string, Partial<Figures>> {
  const sums = new Map<string, Partial<Figures>>();
  for (const row of rows) {
    const path = paths.get(row.regionId);
    if (!path) continue;
    for (const id of pathIds(path)) {
      let s = sums.get(id);
      if (!s) sums.set(id, (s = {}));
      for (const [key, value] of Object.entries(row.values) as [FigureKey, number | undefined][]) {
        if (value) s[key] = (s[key] ?? 0) + value;
      }
    }
  }
  return sums;
}

/**
 * The stored form: the non-zero figures in key order, so equal figures give equal text and an
 * unchanged region is recognised without parsing. Fractions (m²) are kept to two places, so the
 * order sources return rows in cannot change the text. Null when every figure is zero.
 */
export function encodeFigures(values: Partial<Figures>): string | null {
  const kept: Partial<Figures> = {};
  let any = false;
  for (const key of FIGURE_KEYS) {
    const v = Math.round((values[key] ?? 0) * 100) / 100;
    if (v !== 0) {
      kept[key] = v;
      any = true;
    }
  }
  return any ? JSON.stringify(kept) : null;
}

/** Every key, zero where the stored row has none (or no row at all); unknown keys are ignored. */
export function decodeFigures(json: string | undefined): Figures {
  const figures = emptyFigures();
  if (!json) return figures;
  const stored = JSON.parse(json) as Record<string, unknown>;
  for (const key of FIGURE_KEYS) {
    const v = stored[key];
    if (typeof v === 'number') figures[key] = v;
  }
  return figures;
}
