/**
 * 8. The roster optimiser (server/features/duty/optimiser) on synthetic but realistic instances:
 *  8a. the report's scale, 430 volunteers for 284 round-the-clock checkpoints over 7 days;
 *  8b. 新蔡县's scale, 5,837 volunteers for 1,200 checkpoints over 7 days (--quick: 1,500 / 300);
 *  8c. small instances against the exact optimum of the same objective (HiGHS, test/roster-exact.ts).
 * Each large run is a child process of its own (pinned to core 0 when possible), so its time and
 * peak memory are its own: peak RSS from the kernel, heap high-water from V8's GC trace.
 *
 *   node --trace-gc --import tsx bench/cases/roster.ts run <volunteers> <checkpoints> <days> <seed> <full|construction>
 * prints one JSON line (the child mode).
 */
import { spawn } from 'node:child_process';
import { resolve } from 'node:path';
import {
  checkRoster,
  compareFilled,
  rosterReport,
  solveRoster,
  type Availability,
  type Risk,
  type RosterCheckpoint,
  type RosterProblem,
  type RosterShift,
  type RosterVolunteer,
} from '../../server/features/duty/optimiser/index.ts';
import { demoAvailability, seededRandom, smallInstance, solveExact } from '../../test/roster-exact.ts';
import { canPin } from '../lib/children.ts';
import { percentile, type Measured } from '../lib/load.ts';
import { ROOT } from '../lib/redvest.ts';
import type { Comparison, Settings } from '../lib/report.ts';

export interface InstanceSize {
  volunteers: number;
  checkpoints: number;
  days: number;
  seed: number;
}

/**
 * A county-like instance: townships around the county seat, communities around each township
 * centre, 1–4 checkpoints per community (estate gates, village entrances; 4 % highway exits
 * needing 4 people round the clock). Checkpoints run three 8-hour shifts (0–8, 8–16, 16–24),
 * 15 % only 6–22 in two shifts; 1 or 2 people each. Risk 4/3/2/1 for 10/20/40/30 %. Volunteers
 * live near a checkpoint's community (85 %) or anywhere in the county (15 %, the city units'
 * people), 10 % without coordinates; availability as the demo people's; 60 % in a team of their
 * community; 5 % of checkpoints only for those teams; 5 % not eligible (paused, unwell).
 */
export function rosterInstance(size: InstanceSize): RosterProblem {
  const rnd = seededRandom(size.seed);
  const gauss = () => Math.sqrt(-2 * Math.log(1 - rnd())) * Math.cos(2 * Math.PI * rnd());
  const sideKm = Math.sqrt(size.checkpoints) * 1.2 + 6;
  const centre = { lat: 32.75, lng: 115.06 };
  const at = (x: number, y: number) => ({ lat: centre.lat + y / 111, lng: centre.lng + x / 93.4 });
  const townships = Math.max(2, Math.round(size.checkpoints / 60));
  const town = Array.from({ length: townships }, () => ({ x: (rnd() - 0.5) * sideKm, y: (rnd() - 0.5) * sideKm }));
  const communities: { id: string; path: string; x: number; y: number }[] = [];
  const checkpoints: RosterCheckpoint[] = [];
  const cpXY: { x: number; y: number }[] = [];
  while (checkpoints.length < size.checkpoints) {
    const t = Math.floor(rnd() * townships);
    const c = {
      id: `c${communities.length}`,
      path: `/city/county/t${t}/c${communities.length}/`,
      x: town[t]!.x + gauss() * 2.5,
      y: town[t]!.y + gauss() * 2.5,
    };
    communities.push(c);
    for (let k = 1 + Math.floor(rnd() * 4); k > 0 && checkpoints.length < size.checkpoints; k--) {
      const x = c.x + gauss() * 0.4;
      const y = c.y + gauss() * 0.4;
      const u = rnd();
      checkpoints.push({
        id: `cp${checkpoints.length}`,
        risk: (u < 0.1 ? 4 : u < 0.3 ? 3 : u < 0.7 ? 2 : 1) as Risk,
        regionId: c.id,
        regionPath: c.path,
        location: at(x, y),
      });
      cpXY.push({ x, y });
    }
  }
  const teamsOf = new Map<string, string[]>();
  const volunteers: RosterVolunteer[] = Array.from({ length: size.volunteers }, (_, i) => {
    const local = rnd() < 0.85;
    const cp = Math.floor(rnd() * checkpoints.length);
    const c = communities[Number(checkpoints[cp]!.regionId.slice(1))]!;
    const x = local ? cpXY[cp]!.x + gauss() * 0.8 : (rnd() - 0.5) * sideKm;
    const y = local ? cpXY[cp]!.y + gauss() * 0.8 : (rnd() - 0.5) * sideKm;
    const grid = `${c.path}g${Math.floor(rnd() * 4)}/`;
    const teamIds: string[] = [];
    if (local && rnd() < 0.6) {
      const teams = teamsOf.get(c.id) ?? [];
      const team = teams.length && rnd() < 0.8 ? teams[teams.length - 1]! : `team-${c.id}-${teams.length}`;
      if (!teams.includes(team)) teamsOf.set(c.id, [...teams, team]);
      teamIds.push(team);
    }
    const availability: Availability[] = demoAvailability(rnd);
    return {
      id: `v${i}`,
      regionPath: local ? grid : `/city/county/t${Math.floor(rnd() * townships)}/`,
      home: rnd() < 0.9 ? at(x, y) : null,
      availability,
      teamIds,
      eligible: rnd() < 0.95,
    };
  });
  for (const cp of checkpoints) {
    const teams = teamsOf.get(cp.regionId);
    if (teams && rnd() < 0.05) cp.teamIds = teams;
  }
  const shifts: RosterShift[] = [];
  for (const cp of checkpoints) {
    const u = rnd();
    const highway = u < 0.04;
    const dayOnly = !highway && u < 0.19;
    const required = highway ? 4 : rnd() < 0.5 ? 1 : 2;
    const pattern = dayOnly
      ? [
          [360, 840],
          [840, 1320],
        ]
      : [
          [0, 480],
          [480, 960],
          [960, 1440],
        ];
    for (let d = 0; d < size.days; d++) {
      for (const [a, b] of pattern) {
        shifts.push({ id: `${cp.id}-${d}-${a}`, checkpointId: cp.id, start: d * 1440 + a!, end: d * 1440 + b!, required });
      }
    }
  }
  return {
    horizonStart: '2020-02-03T00:00:00+08:00',
    shifts,
    checkpoints,
    volunteers,
    rules: { minRestMinutes: 480, maxShiftsPerWeek: 5 },
  };
}

interface RunResult {
  ms: number;
  rssBefore: number;
  maxRss: number;
  heapPeak: number;
  positions: number;
  filled: number;
  coverage: number;
  coverageByRisk: number[];
  secondary: number;
  meanKm: number | null;
  violations: number;
  bound: number;
  stoppedBy: string;
  phases: string;
}

/** Shifts a volunteer could serve at most, alone, by availability, rest and the weekly limit. */
function coverageBound(p: RosterProblem): number {
  const rest = p.rules?.minRestMinutes ?? 480;
  const cap = p.rules?.maxShiftsPerWeek ?? 5;
  const windows = [...new Map(p.shifts.map((s) => [`${s.start},${s.end}`, s])).values()].sort((a, b) => a.end - b.end);
  const mask = (a: Availability[]) => a.map((x) => `${x.weekday}${x.band}`);
  const bands = ['night', 'morning', 'afternoon', 'evening'];
  const slots = (s: RosterShift) => {
    const out: string[] = [];
    for (let q = Math.floor(s.start / 360); q <= Math.floor((s.end - 1) / 360); q++)
      out.push(`${(Math.floor(q / 4) % 7) + 1}${bands[q % 4]}`);
    return out;
  };
  const weeks = Math.ceil(p.shifts.reduce((a, s) => Math.max(a, s.end), 1) / 10080);
  const perPattern = new Map<string, number>();
  let supply = 0;
  for (const v of p.volunteers) {
    if (!v.eligible) continue;
    const key = mask(v.availability).join(',');
    let n = perPattern.get(key);
    if (n === undefined) {
      // Earliest end first over the distinct windows the pattern allows: the most shifts one person can take.
      const ok = new Set(mask(v.availability));
      n = 0;
      let free = -Infinity;
      for (const w of windows) {
        if (w.start >= free && slots(w).every((x) => ok.has(x))) {
          n++;
          free = w.end + rest;
        }
      }
      perPattern.set(key, n);
    }
    supply += Math.min(cap * weeks, n);
  }
  return Math.min(
    supply,
    p.shifts.reduce((a, s) => a + s.required, 0),
  );
}

async function child(args: string[]): Promise<void> {
  const [v, c, d, seed, mode] = args;
  const problem = rosterInstance({ volunteers: Number(v), checkpoints: Number(c), days: Number(d), seed: Number(seed) });
  (globalThis as { gc?: () => void }).gc?.();
  const rssBefore = process.memoryUsage().rss;
  const started = performance.now();
  const result = solveRoster(problem, mode === 'construction' ? { improve: false } : {});
  const ms = performance.now() - started;
  const heapNow = process.memoryUsage().heapUsed;
  const maxRss = process.resourceUsage().maxRSS * 1024;
  const r = result.report;
  const t = result.timings;
  const out: RunResult & { heapNow: number } = {
    ms,
    rssBefore,
    maxRss,
    heapPeak: heapNow,
    heapNow,
    positions: r.positions,
    filled: r.filled,
    coverage: r.coverage,
    coverageByRisk: r.coverageByRisk.map((x) => x.coverage),
    secondary: r.objective.secondary,
    meanKm: r.distance.meanKm,
    violations: checkRoster(problem, result.assignments).length,
    bound: coverageBound(problem),
    stoppedBy: t.stoppedBy,
    phases: `index ${t.indexMs.toFixed(0)} + greedy ${t.greedyMs.toFixed(0)} + repair ${t.repairMs.toFixed(0)} + improve ${t.improveMs.toFixed(0)} + search ${t.searchMs.toFixed(0)} ms (${t.searchIterations} iterations)`,
  };
  console.log(JSON.stringify(out));
}

/** Runs one solve in a child process with V8's GC trace on; the heap high-water is the largest heap seen before a GC. */
function runChild(size: InstanceSize, mode: 'full' | 'construction'): Promise<RunResult> {
  const node = [
    process.execPath,
    '--expose-gc',
    '--trace-gc',
    '--import',
    'tsx',
    'bench/cases/roster.ts',
    'run',
    String(size.volunteers),
    String(size.checkpoints),
    String(size.days),
    String(size.seed),
    mode,
  ];
  const [cmd, ...rest] = canPin ? ['taskset', '-c', '0', ...node] : node;
  return new Promise((done, fail) => {
    const proc = spawn(cmd!, rest, { cwd: ROOT, stdio: ['ignore', 'pipe', 'pipe'] });
    let out = '';
    let err = '';
    proc.stdout.on('data', (b: Buffer) => (out += b.toString()));
    proc.stderr.on('data', (b: Buffer) => (err += b.toString()));
    proc.on('error', fail);
    proc.on('exit', (code) => {
      // The GC trace may go on after the JSON line (a collection at exit).
      const lines = out.trim().split('\n');
      const last = lines.findLast((l) => l.startsWith('{')) ?? '';
      if (code !== 0 || !last) return fail(new Error(`roster run exited ${code}: ${err.slice(-2000)}${out.slice(-500)}`));
      const r = JSON.parse(last) as RunResult;
      // "… Mark-Compact 120.3 (131.2) -> 80.1 (131.2) MB …": the first figure is the heap in use before that GC.
      for (const line of lines) {
        const m =
          /: (?:Scavenge|Mark-Compact|Mark-sweep|Minor Mark-Compact|Mark-Compact \(reduce\))[^\d]*([\d.]+) \(([\d.]+)\) ->/.exec(
            line,
          );
        if (m) r.heapPeak = Math.max(r.heapPeak, Number(m[1]) * 1024 * 1024);
      }
      done(r);
    });
  });
}

const MB = (b: number) => (b / 1024 / 1024).toFixed(0);
const pct = (x: number) => `${(x * 100).toFixed(1)} %`;

function measured(label: string, ms: number[], ok: number, failed: number): Measured {
  const sorted = [...ms].sort((a, b) => a - b);
  const seconds = ms.reduce((a, b) => a + b, 0) / 1000;
  return {
    label,
    rps: ms.length / seconds,
    p50: percentile(sorted, 50),
    p95: percentile(sorted, 95),
    p99: percentile(sorted, 99),
    ok,
    failed,
    seconds,
  };
}

async function benchScale(title: string, size: InstanceSize, rounds: number): Promise<Comparison> {
  const full: RunResult[] = [];
  const construction: RunResult[] = [];
  for (let round = 0; round < rounds; round++) {
    for (const mode of round % 2 ? (['construction', 'full'] as const) : (['full', 'construction'] as const)) {
      (mode === 'full' ? full : construction).push(await runChild(size, mode));
    }
  }
  const r = full[0]!;
  const b = construction[0]!;
  const worst = Math.max(...full.map((x) => x.ms));
  const peakRss = Math.max(...full.map((x) => x.maxRss));
  const heap = Math.max(...full.map((x) => x.heapPeak));
  const line =
    `time p50 ${(
      percentile(
        full.map((x) => x.ms).sort((x, y) => x - y),
        50,
      ) / 1000
    ).toFixed(2)} s, worst ${(worst / 1000).toFixed(2)} s (target under 10 s: ${worst < 10_000 ? 'met' : 'NOT met'}); ` +
    `peak RSS ${MB(peakRss)} MB (+${MB(peakRss - r.rssBefore)} MB during the solve), heap high-water ${MB(heap)} MB; ` +
    `coverage ${pct(r.coverage)} (${r.filled} of ${r.positions} positions; by risk 4/3/2/1: ${r.coverageByRisk.map(pct).join(' / ')}), ` +
    `bound ${r.bound}; construction alone ${pct(b.coverage)}; secondary cost ${r.secondary.toFixed(0)} vs construction ${b.secondary.toFixed(0)} ` +
    `(mean ${r.meanKm?.toFixed(2)} km vs ${b.meanKm?.toFixed(2)} km); rule violations ${r.violations}; stopped: ${r.stoppedBy}; ${r.phases}`;
  console.log(`  ${title}: ${line}`);
  if (full.some((x) => x.violations)) throw new Error(`${title}: the roster breaks ${r.violations} rules`);
  return {
    name: `${title} (${line})`,
    ours: measured(
      'solveRoster (full)',
      full.map((x) => x.ms),
      full.length,
      0,
    ),
    bare: measured(
      'greedy construction alone',
      construction.map((x) => x.ms),
      construction.length,
      0,
    ),
    ratio: r.filled / r.bound,
    ratioOf: 'positions filled ÷ upper bound on what the volunteers could fill (p50/p95 columns: ms per solve)',
  };
}

async function benchExact(instances: number): Promise<Comparison> {
  const heuristicMs: number[] = [];
  const exactMs: number[] = [];
  const gaps: number[] = [];
  let equal = 0;
  let optimal = 0;
  let sumH = 0;
  let sumE = 0;
  for (let seed = 1; seed <= instances; seed++) {
    const p = smallInstance(1000 + seed);
    const h = solveRoster(p);
    heuristicMs.push(h.timings.totalMs);
    const e = await solveExact(p, { timeLimitSeconds: 60 });
    exactMs.push(e.ms);
    if (!e.optimal) continue;
    optimal++;
    const er = rosterReport(p, e.assignments);
    if (compareFilled(h.report.objective.filledByRisk, er.objective.filledByRisk) !== 0) continue;
    equal++;
    sumH += h.report.objective.secondary;
    sumE += er.objective.secondary;
    gaps.push((h.report.objective.secondary - er.objective.secondary) / Math.max(1e-9, er.objective.secondary));
  }
  const mean = gaps.reduce((a, g) => a + g, 0) / Math.max(1, gaps.length);
  const worst = Math.max(0, ...gaps);
  const line =
    `coverage by risk equal to the optimum on ${equal} of ${optimal} solved to optimality (${instances} instances, 10–30 volunteers, 4–8 checkpoints, 2–3 days); ` +
    `secondary-cost gap mean ${pct(mean)} (target under 2 %: ${mean < 0.02 ? 'met' : 'NOT met'}), worst ${pct(worst)}`;
  console.log(`  8c: ${line}`);
  return {
    name: `8c. Roster heuristic vs exact MILP (HiGHS) on small instances (${line})`,
    ours: measured('heuristic (solveRoster)', heuristicMs, instances, instances - equal),
    bare: measured('exact (HiGHS MILP)', exactMs, optimal, instances - optimal),
    ratio: sumE / sumH,
    ratioOf: 'optimal ÷ heuristic secondary cost over the instances (1.00 = optimal; p50/p95 columns: ms per instance)',
    target: 0.98,
  };
}

export async function benchRoster(s: Settings): Promise<Comparison[]> {
  const rounds = Math.max(1, s.rounds - 1);
  const report = { volunteers: 430, checkpoints: 284, days: 7, seed: 1 };
  const county = s.quick
    ? { volunteers: 1500, checkpoints: 300, days: 7, seed: 2 }
    : { volunteers: 5837, checkpoints: 1200, days: 7, seed: 2 };
  const out: Comparison[] = [];
  out.push(await benchScale(`8a. Roster, report's scale (430 volunteers, 284 checkpoints, 7 days)`, report, rounds));
  out.push(
    await benchScale(
      `8b. Roster, ${s.quick ? 'a quarter of ' : ''}新蔡县's scale (${county.volunteers} volunteers, ${county.checkpoints} checkpoints, 7 days)`,
      county,
      rounds,
    ),
  );
  out.push(await benchExact(s.quick ? 6 : 20));
  return out;
}

if (process.argv[2] === 'run' && resolve(process.argv[1] ?? '') === resolve(import.meta.filename)) {
  await child(process.argv.slice(3));
}
