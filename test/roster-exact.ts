/**
 * The roster problem as one weighted MILP, solved exactly by HiGHS (the `highs` dev dependency):
 * the yardstick the heuristic in server/features/duty/optimiser is measured against, by its unit
 * tests and by `npm run bench -- --only roster`. Production code never imports this file.
 *
 *   x[s,v] ∈ {0,1}   v serves shift s (only pairs that pass eligibility, availability and teams)
 *   t[v] ≥ 0         v's load squared, exact at integer loads (secant cuts of l², below)
 *
 *   Σ_v x[s,v] ≤ required[s]                                     every shift
 *   Σ_{s ∋ p} x[s,v] ≤ 1      for every start p of v's shifts, over the shifts whose interval
 *                             extended by the rest, [start, end + minRest), contains p (no overlap,
 *                             enough rest: conflicts form an interval graph, these are its cliques)
 *   Σ_{a ≤ start[s] < a+7d} x[s,v] ≤ maxShiftsPerWeek   for every start a of v's shifts
 *   Σ_{day[s] = d} x[s,v] ≤ maxShiftsPerDay              when set
 *   t[v] ≥ (2k+1)·Σ_s x[s,v] − k(k+1)                   k = 0 … maxLoad−1
 *   x[s,v] = 1 for locked pairs
 *
 *   minimise  Σ −W[risk(s)]·x[s,v]  +  Σ distKm(v, s)·x[s,v]  +  loadKm · Σ t[v]
 *
 * with W[1] above any possible secondary cost U and W[r] above U plus everything the lower risks
 * can weigh, so one more position at a risk outweighs anything below it: the lexicographic goal
 * (coverage by risk, then distance, then load) as a single weighted objective. At a fixed
 * coverage Σ load² differs from the report's Σ (load − mean)² by a constant. Goal 4 (team
 * pairs) is left out: it would need a variable per pair of people per shift.
 */
import highsLoader from 'highs';
import {
  availabilityMask,
  createRosterState,
  DEFAULT_WEIGHTS,
  distanceKm,
  MINUTES_PER_DAY,
  MINUTES_PER_WEEK,
  resolveRules,
  shiftMask,
  type Assignment,
  type Availability,
  type Risk,
  type RosterCheckpoint,
  type RosterProblem,
  type RosterShift,
  type RosterVolunteer,
  type Weights,
} from '../server/features/duty/optimiser/index.ts';

type Highs = Awaited<ReturnType<typeof highsLoader>>;
let loaded: Promise<Highs> | null = null;
const highs = () => (loaded ??= highsLoader());

export interface ExactSolution {
  /** HiGHS's model status: 'Optimal', 'Time limit reached', … */
  status: string;
  optimal: boolean;
  assignments: Assignment[];
  ms: number;
  variables: number;
  constraints: number;
}

/** Numbers in LP text: plain decimals, never exponents HiGHS might misread. */
const num = (n: number) => (Number.isInteger(n) ? String(n) : n.toFixed(9));

function linear(terms: [number, string][]): string {
  const parts = terms.map(([c, name], i) => {
    const sign = c < 0 ? '-' : i === 0 ? '' : '+';
    return `${sign} ${num(Math.abs(c))} ${name}`;
  });
  const lines: string[] = [];
  for (let i = 0; i < parts.length; i += 8) lines.push(parts.slice(i, i + 8).join(' '));
  return lines.join('\n   ');
}

export async function solveExact(
  problem: RosterProblem,
  options: { weights?: Partial<Weights>; timeLimitSeconds?: number } = {},
): Promise<ExactSolution> {
  const began = performance.now();
  const weights = { ...DEFAULT_WEIGHTS, ...options.weights };
  const rules = resolveRules(problem.rules);
  const cps = new Map(problem.checkpoints.map((c) => [c.id, c]));
  const locked = new Set((problem.locked ?? []).map((a) => `${a.shiftId}\u0000${a.volunteerId}`));
  const vars: { s: number; v: number; name: string; cost: number }[] = [];
  const byShift = problem.shifts.map(() => [] as number[]);
  const byVolunteer = problem.volunteers.map(() => [] as number[]);
  problem.shifts.forEach((shift, s) => {
    const c = cps.get(shift.checkpointId)!;
    const need = shiftMask(shift.start, shift.end);
    problem.volunteers.forEach((vol, v) => {
      const teamOk = !c.teamIds?.length || vol.teamIds.some((t) => c.teamIds!.includes(t));
      if (!vol.eligible || !teamOk || (need & ~availabilityMask(vol.availability)) !== 0) return;
      const i = vars.length;
      vars.push({ s, v, name: `x${s}_${v}`, cost: distanceKm(vol, c) });
      byShift[s]!.push(i);
      byVolunteer[v]!.push(i);
    });
  });
  for (const a of problem.locked ?? []) {
    const ok = vars.some((x) => problem.shifts[x.s]!.id === a.shiftId && problem.volunteers[x.v]!.id === a.volunteerId);
    if (!ok) throw new Error(`locked pair ${a.shiftId}/${a.volunteerId} breaks a static rule; the exact model needs valid locks`);
  }

  const rows: string[] = [];
  const row = (name: string, terms: [number, string][], sense: '<=' | '>=', rhs: number) => {
    if (terms.length) rows.push(` ${name}: ${linear(terms)} ${sense} ${num(rhs)}`);
  };
  byShift.forEach((list, s) => {
    if (list.length > problem.shifts[s]!.required)
      row(
        `req${s}`,
        list.map((i) => [1, vars[i]!.name]),
        '<=',
        problem.shifts[s]!.required,
      );
  });
  let maxLoads = 0;
  const loadTerms: [number, string][] = [];
  byVolunteer.forEach((list, v) => {
    const shifts = list.map((i) => ({ i, shift: problem.shifts[vars[i]!.s]! }));
    const starts = [...new Set(shifts.map((x) => x.shift.start))].sort((a, b) => a - b);
    starts.forEach((p, k) => {
      const clique = shifts.filter((x) => x.shift.start <= p && p < x.shift.end + rules.minRestMinutes);
      if (clique.length > 1)
        row(
          `c${v}_${k}`,
          clique.map((x) => [1, vars[x.i]!.name]),
          '<=',
          1,
        );
      const week = shifts.filter((x) => x.shift.start >= p && x.shift.start < p + MINUTES_PER_WEEK);
      if (week.length > rules.maxShiftsPerWeek)
        row(
          `w${v}_${k}`,
          week.map((x) => [1, vars[x.i]!.name]),
          '<=',
          rules.maxShiftsPerWeek,
        );
    });
    if (Number.isFinite(rules.maxShiftsPerDay)) {
      const days = new Map<number, number[]>();
      for (const x of shifts) {
        const d = Math.floor(x.shift.start / MINUTES_PER_DAY);
        days.set(d, [...(days.get(d) ?? []), x.i]);
      }
      for (const [d, ids] of days) {
        if (ids.length > rules.maxShiftsPerDay)
          row(
            `d${v}_${d}`,
            ids.map((i) => [1, vars[i]!.name]),
            '<=',
            rules.maxShiftsPerDay,
          );
      }
    }
    // The largest load v can reach bounds the secant cuts needed.
    const maxLoad = Math.min(
      list.length,
      rules.maxShiftsPerWeek * Math.ceil((starts.at(-1)! - starts[0]! + 1) / MINUTES_PER_WEEK + 1),
    );
    if (!list.length) return;
    maxLoads += maxLoad * maxLoad;
    if (weights.loadKm > 0) {
      for (let k = 0; k < maxLoad; k++) {
        row(
          `l${v}_${k}`,
          [[1, `t${v}`], ...list.map((i): [number, string] => [-(2 * k + 1), vars[i]!.name])],
          '>=',
          -k * (k + 1),
        );
      }
      loadTerms.push([weights.loadKm, `t${v}`]);
    }
  });

  // Weights of the coverage by risk: each risk's weight outweighs all the lower ones and all secondary cost.
  const positions: Record<Risk, number> = { 1: 0, 2: 0, 3: 0, 4: 0 };
  let secondaryBound = weights.loadKm * maxLoads;
  byShift.forEach((list, s) => {
    const shift = problem.shifts[s]!;
    positions[cps.get(shift.checkpointId)!.risk] += shift.required;
    secondaryBound += shift.required * Math.max(0, ...list.map((i) => vars[i]!.cost));
  });
  const W: Record<Risk, number> = { 1: 0, 2: 0, 3: 0, 4: 0 };
  let below = 0;
  for (const r of [1, 2, 3, 4] as Risk[]) {
    W[r] = Math.ceil(below + secondaryBound + 1);
    below += W[r] * positions[r];
  }
  const objective: [number, string][] = vars.map((x) => [x.cost - W[cps.get(problem.shifts[x.s]!.checkpointId)!.risk], x.name]);
  objective.push(...loadTerms);

  const bounds = vars.map((x) =>
    locked.has(`${problem.shifts[x.s]!.id}\u0000${problem.volunteers[x.v]!.id}`) ? ` ${x.name} = 1` : ` 0 <= ${x.name} <= 1`,
  );
  const lp = [
    'Minimize',
    ` obj: ${objective.length ? linear(objective) : '0 dummy'}`,
    'Subject To',
    ...(rows.length ? rows : [' none: 0 dummy >= 0']),
    'Bounds',
    ...bounds,
    ...(objective.length ? [] : [' dummy = 0']),
    ...(vars.length ? ['Binary', ...vars.map((x) => ` ${x.name}`)] : []),
    'End',
  ].join('\n');

  const solver = await highs();
  const result = solver.solve(lp, {
    output_flag: false,
    mip_rel_gap: 0,
    mip_abs_gap: 1e-6,
    time_limit: options.timeLimitSeconds ?? 30,
  });
  const assignments: Assignment[] = [];
  if (result.Status === 'Optimal' || result.Status === 'Time limit reached') {
    for (const x of vars) {
      const col = result.Columns[x.name];
      if (col && 'Primal' in col && col.Primal > 0.5) {
        assignments.push({ shiftId: problem.shifts[x.s]!.id, volunteerId: problem.volunteers[x.v]!.id });
      }
    }
  }
  return {
    status: result.Status,
    optimal: result.Status === 'Optimal',
    assignments,
    ms: performance.now() - began,
    variables: vars.length + loadTerms.length,
    constraints: rows.length,
  };
}

/** mulberry32, as in the demo data. */
export function seededRandom(seed: number): () => number {
  let a = seed >>> 0;
  return () => {
    a = (a + 0x6d2b79f5) >>> 0;
    let t = a;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

const BANDS = ['night', 'morning', 'afternoon', 'evening'] as const;

/** The demo people's availability patterns (server/demo/demo-people.ts): office hours, evenings and weekends, round the clock, nights. */
export function demoAvailability(rnd: () => number): Availability[] {
  const out: Availability[] = [];
  const pattern = rnd();
  for (let weekday = 1; weekday <= 7; weekday++) {
    for (const band of BANDS) {
      const weekend = weekday >= 6;
      const yes =
        pattern < 0.35
          ? band !== 'night'
          : pattern < 0.7
            ? weekend
              ? band !== 'night'
              : band === 'evening'
            : pattern < 0.85
              ? true
              : band === 'night' || band === 'morning';
      if (yes) out.push({ weekday, band });
    }
  }
  return out;
}

export interface SmallOptions {
  volunteers?: number;
  checkpoints?: number;
  days?: number;
}

/**
 * A small random instance (10–30 volunteers, 4–8 checkpoints, 2–3 days unless given): volunteers
 * around the checkpoints in a 6 km square, some without coordinates, teams, a team-only
 * checkpoint now and then, tight weekly limits so that the rules bind, sometimes locked pairs.
 */
export function smallInstance(seed: number, o: SmallOptions = {}): RosterProblem {
  const rnd = seededRandom(seed * 7919 + 17);
  const int = (lo: number, hi: number) => lo + Math.floor(rnd() * (hi - lo + 1));
  const nV = o.volunteers ?? int(10, 30);
  const nC = o.checkpoints ?? int(4, 8);
  const days = o.days ?? int(2, 3);
  const base = { lat: 32.75, lng: 114.98 };
  const at = (x: number, y: number) => ({ lat: base.lat + y / 111, lng: base.lng + x / 93 });
  const teams = ['t1', 't2', 't3'].slice(0, int(0, 3));
  const checkpoints: RosterCheckpoint[] = Array.from({ length: nC }, (_, i) => {
    const community = `c${i % 3}`;
    const restricted = teams.length > 0 && rnd() < 0.15;
    return {
      id: `cp${i}`,
      risk: int(1, 4) as Risk,
      regionId: community,
      regionPath: `/city/county/town/${community}/`,
      location: rnd() < 0.9 ? at(rnd() * 6, rnd() * 6) : null,
      ...(restricted ? { teamIds: [teams[int(0, teams.length - 1)]!] } : {}),
    };
  });
  const volunteers: RosterVolunteer[] = Array.from({ length: nV }, (_, i) => {
    const home = checkpoints[int(0, nC - 1)]!;
    const loc = home.location ?? at(3, 3);
    const spread = 0.3 + rnd() * 1.5;
    return {
      id: `v${i}`,
      regionPath: `${home.regionPath}g${int(0, 2)}/`,
      home: rnd() < 0.85 ? { lat: loc.lat + ((rnd() - 0.5) * spread) / 111, lng: loc.lng + ((rnd() - 0.5) * spread) / 93 } : null,
      availability: demoAvailability(rnd),
      teamIds: teams.length && rnd() < 0.6 ? [teams[int(0, teams.length - 1)]!] : [],
      eligible: rnd() < 0.9,
    };
  });
  const offset = rnd() < 0.5 ? 0 : 360;
  const shifts: RosterShift[] = [];
  for (const c of checkpoints) {
    const need = int(1, 2);
    const dayOnly = rnd() < 0.2;
    for (let d = 0; d < days; d++) {
      for (let k = 0; k < 3; k++) {
        if (dayOnly && k === 2) continue;
        const start = d * MINUTES_PER_DAY + offset + k * 480;
        shifts.push({ id: `${c.id}-d${d}-k${k}`, checkpointId: c.id, start, end: start + 480, required: need });
      }
    }
  }
  const rules = { minRestMinutes: 480, maxShiftsPerWeek: int(2, 4), ...(rnd() < 0.25 ? { maxShiftsPerDay: 1 } : {}) };
  const problem: RosterProblem = { horizonStart: '2020-02-03T00:00:00+08:00', shifts, checkpoints, volunteers, rules };
  if (rnd() < 0.3) {
    // A few valid hand edits to keep.
    const state = createRosterState(problem);
    const locked: Assignment[] = [];
    for (let tries = 0; tries < 40 && locked.length < 2; tries++) {
      const a = { shiftId: shifts[int(0, shifts.length - 1)]!.id, volunteerId: volunteers[int(0, nV - 1)]!.id };
      if (!state.assign(a.shiftId, a.volunteerId).length) locked.push(a);
    }
    problem.locked = locked;
  }
  return problem;
}
