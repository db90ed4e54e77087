/** The figures of a roster: coverage by risk, shortfall by region, distance, load, team cohesion, objective. */
import { byCoordinates, dist, intersects } from './model.ts';
import {
  DEFAULT_WEIGHTS,
  RISKS,
  type Assignment,
  type LoadFigures,
  type Risk,
  type RosterProblem,
  type RosterReport,
  type UncoveredPosition,
  type Weights,
} from './problem.ts';
import { RosterState } from './rules.ts';

function figures(loads: number[]): LoadFigures {
  if (!loads.length) return { count: 0, min: 0, max: 0, mean: 0, stdDev: 0 };
  let min = Infinity;
  let max = -Infinity;
  let sum = 0;
  for (const l of loads) {
    min = Math.min(min, l);
    max = Math.max(max, l);
    sum += l;
  }
  const mean = sum / loads.length;
  const variance = loads.reduce((a, l) => a + (l - mean) ** 2, 0) / loads.length;
  return { count: loads.length, min, max, mean, stdDev: Math.sqrt(variance) };
}

const byRisk = (): Record<Risk, number> => ({ 1: 0, 2: 0, 3: 0, 4: 0 });

/** Shifts with fewer people than required: highest risk first, then by start, checkpoint and shift id. */
export function uncoveredOf(state: RosterState): UncoveredPosition[] {
  const m = state.m;
  const out: UncoveredPosition[] = [];
  for (let s = 0; s < m.nS; s++) {
    const missing = m.sReq[s]! - state.crew[s]!.length;
    if (missing <= 0) continue;
    const shift = m.problem.shifts[s]!;
    const c = m.problem.checkpoints[m.sCp[s]!]!;
    out.push({
      shiftId: shift.id,
      checkpointId: c.id,
      regionId: c.regionId,
      risk: c.risk,
      start: shift.start,
      end: shift.end,
      missing,
    });
  }
  const cmp = (a: string, b: string) => (a < b ? -1 : a > b ? 1 : 0);
  return out.sort(
    (a, b) => b.risk - a.risk || a.start - b.start || cmp(a.checkpointId, b.checkpointId) || cmp(a.shiftId, b.shiftId),
  );
}

export function reportOf(state: RosterState, weights: Weights = DEFAULT_WEIGHTS): RosterReport {
  const m = state.m;
  const cps = m.problem.checkpoints;
  const positionsByRisk = byRisk();
  const filledByRisk = byRisk();
  const regions = new Map<
    string,
    { regionId: string; regionPath: string; missing: number; missingByRisk: Record<Risk, number> }
  >();
  let unstaffedShifts = 0;
  let totalKm = 0;
  let maxKm = 0;
  let measured = 0;
  let coordinates = 0;
  let pairs = 0;
  let sameTeamPairs = 0;
  for (let s = 0; s < m.nS; s++) {
    const crew = state.crew[s]!;
    const req = m.sReq[s]!;
    const c = m.sCp[s]!;
    const risk = m.sRisk[s] as Risk;
    const filled = Math.min(req, crew.length);
    positionsByRisk[risk] += req;
    filledByRisk[risk] += filled;
    if (req > 0 && crew.length === 0) unstaffedShifts++;
    if (filled < req) {
      const cp = cps[c]!;
      let r = regions.get(cp.regionId);
      if (!r)
        regions.set(cp.regionId, (r = { regionId: cp.regionId, regionPath: cp.regionPath, missing: 0, missingByRisk: byRisk() }));
      r.missing += req - filled;
      r.missingByRisk[risk] += req - filled;
    }
    for (let i = 0; i < crew.length; i++) {
      const v = crew[i]!;
      const d = dist(m, v, c);
      totalKm += d;
      maxKm = Math.max(maxKm, d);
      measured++;
      if (byCoordinates(m, v, c)) coordinates++;
      for (let j = i + 1; j < crew.length; j++) {
        pairs++;
        if (intersects(m.vTeams[v]!, m.vTeams[crew[j]!]!)) sameTeamPairs++;
      }
    }
  }
  const used: number[] = [];
  const eligible: number[] = [];
  for (let v = 0; v < m.nV; v++) {
    const load = state.sched[v]!.length;
    if (load > 0) used.push(load);
    if (m.vEligible[v]) eligible.push(load);
  }
  const eligibleFigures = figures(eligible);
  const loadDeviation = eligible.reduce((a, l) => a + (l - eligibleFigures.mean) ** 2, 0);
  const positions = RISKS.reduce((a, r) => a + positionsByRisk[r], 0);
  const filled = RISKS.reduce((a, r) => a + filledByRisk[r], 0);
  return {
    positions,
    filled,
    coverage: positions ? filled / positions : 1,
    coverageByRisk: RISKS.map((risk) => ({
      risk,
      positions: positionsByRisk[risk],
      filled: filledByRisk[risk],
      coverage: positionsByRisk[risk] ? filledByRisk[risk] / positionsByRisk[risk] : 1,
    })),
    unstaffedShifts,
    shortfallByRegion: [...regions.values()].sort(
      (a, b) => b.missing - a.missing || (a.regionId < b.regionId ? -1 : a.regionId > b.regionId ? 1 : 0),
    ),
    distance: {
      meanKm: measured ? totalKm / measured : null,
      maxKm: measured ? maxKm : null,
      totalKm,
      byCoordinates: coordinates,
      byRegion: measured - coordinates,
    },
    load: { used: figures(used), eligible: eligibleFigures },
    teamCohesion: { pairs, sameTeamPairs, share: pairs ? sameTeamPairs / pairs : null },
    objective: {
      filledByRisk: RISKS.map((r) => filledByRisk[r]),
      distanceKm: totalKm,
      loadDeviation,
      secondary: totalKm + weights.loadKm * loadDeviation,
      sameTeamPairs,
    },
  };
}

/** The report of any assignment set (a hand-edited roster, another solver's answer); unknown ids are skipped. */
export function rosterReport(
  problem: RosterProblem,
  assignments: readonly Assignment[],
  weights?: Partial<Weights>,
): RosterReport {
  return reportOf(new RosterState(problem, assignments), { ...DEFAULT_WEIGHTS, ...weights });
}

/** Compares primary objectives: > 0 when `a` fills more at the first risk where they differ. */
export function compareFilled(a: readonly number[], b: readonly number[]): number {
  for (let i = 0; i < Math.min(a.length, b.length); i++) if (a[i] !== b[i]) return a[i]! - b[i]!;
  return 0;
}
