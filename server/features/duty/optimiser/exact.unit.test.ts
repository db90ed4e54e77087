import { describe, expect, it } from 'vitest';
import { smallInstance, solveExact } from '../../../../test/roster-exact.ts';
import { checkRoster, compareFilled, rosterReport, solveRoster } from './index.ts';

/**
 * The heuristic against the exact optimum of the same objective (test/roster-exact.ts: one
 * weighted MILP solved by HiGHS) on small instances: 10–30 volunteers, 4–8 checkpoints, 2–3 days,
 * tight weekly limits, teams, missing coordinates, locked pairs now and then.
 */
const INSTANCES = 40;

describe('solveRoster against the exact MILP optimum', () => {
  it(`fills as many positions at every risk as the optimum, at a secondary cost within a few per cent (${INSTANCES} instances)`, async () => {
    const rows: { seed: number; gap: number; heuristicMs: number; exactMs: number }[] = [];
    for (let seed = 1; seed <= INSTANCES; seed++) {
      const p = smallInstance(seed);
      const h = solveRoster(p, { timeLimitMs: 8000 });
      const e = await solveExact(p, { timeLimitSeconds: 20 });
      expect(e.status, `seed ${seed}`).toBe('Optimal');
      expect(checkRoster(p, e.assignments), `seed ${seed}: the exact model keeps the rules`).toEqual([]);
      const exact = rosterReport(p, e.assignments);
      // Coverage by risk, compared lexicographically: the heuristic must reach the optimum exactly.
      expect(h.report.objective.filledByRisk, `seed ${seed}`).toEqual(exact.objective.filledByRisk);
      expect(compareFilled(h.report.objective.filledByRisk, exact.objective.filledByRisk)).toBe(0);
      const gap = (h.report.objective.secondary - exact.objective.secondary) / Math.max(1e-9, exact.objective.secondary);
      // The exact optimum is a lower bound (up to the team tie-breaker the MILP leaves out).
      expect(gap, `seed ${seed}`).toBeGreaterThan(-0.01);
      expect(gap, `seed ${seed}: secondary gap`).toBeLessThan(0.05);
      rows.push({ seed, gap, heuristicMs: h.timings.totalMs, exactMs: e.ms });
    }
    const mean = rows.reduce((a, r) => a + r.gap, 0) / rows.length;
    const worst = Math.max(...rows.map((r) => r.gap));
    const hMs = rows.reduce((a, r) => a + r.heuristicMs, 0);
    const eMs = rows.reduce((a, r) => a + r.exactMs, 0);
    console.log(
      `roster vs exact MILP: coverage equal on ${rows.length}/${INSTANCES}; secondary gap mean ${(mean * 100).toFixed(2)} %, ` +
        `worst ${(worst * 100).toFixed(2)} % (seed ${rows.find((r) => r.gap === worst)?.seed}); ` +
        `heuristic ${hMs.toFixed(0)} ms, HiGHS ${eMs.toFixed(0)} ms in all`,
    );
    expect(mean).toBeLessThan(0.02);
  }, 60_000);
});
