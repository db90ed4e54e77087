/**
 * The roster optimiser's interface: a problem in (shifts, checkpoints, volunteers, locked
 * assignments, rules), an assignment and a report out. Pure data, no database, no HTTP: the
 * caller (the duty service) builds the problem from its tables and stores the answer. The only
 * use of the clock is the search's safety cap.
 */
import { TIME_BANDS, type TimeBand } from '../../../../common/enums.ts';

export interface LatLng {
  lat: number;
  lng: number;
}

export interface RosterShift {
  id: string;
  checkpointId: string;
  /** Minutes from the horizon start (a Monday 00:00, local time); `end` is exclusive. */
  start: number;
  end: number;
  /** People needed at the same time; 0 is allowed (a closed shift). */
  required: number;
}

export type Risk = 1 | 2 | 3 | 4;
export const RISKS: readonly Risk[] = [4, 3, 2, 1];

export interface RosterCheckpoint {
  id: string;
  /** 1 … 4, 4 the highest. */
  risk: Risk;
  regionId: string;
  /** Materialised path of the checkpoint's region, `/city/county/…/`. */
  regionPath: string;
  location: LatLng | null;
  /** When set and non-empty, only members of one of these teams may serve here. */
  teamIds?: string[];
}

export interface Availability {
  /** 1 = Monday … 7 = Sunday. */
  weekday: number;
  band: TimeBand;
}

export interface RosterVolunteer {
  id: string;
  /** Path of the volunteer's home grid. */
  regionPath: string;
  home: LatLng | null;
  availability: Availability[];
  teamIds: string[];
  /** Active and healthy: only eligible volunteers are given shifts. */
  eligible: boolean;
}

export interface Assignment {
  shiftId: string;
  volunteerId: string;
}

export interface RosterRules {
  /** Minimum rest between the end of one shift and the start of the next (default 480 = 8 h). */
  minRestMinutes?: number;
  /** Shifts starting within any 7 consecutive days (default 5). */
  maxShiftsPerWeek?: number;
  /** Shifts starting on one calendar day of the horizon (default: no limit). */
  maxShiftsPerDay?: number;
}

export interface RosterProblem {
  /** ISO date-time of the horizon start (a Monday 00:00 local time); informational only. */
  horizonStart: string;
  shifts: RosterShift[];
  checkpoints: RosterCheckpoint[];
  volunteers: RosterVolunteer[];
  /** Assignments kept as they are (hand edits, published duties); they count towards every rule. */
  locked?: Assignment[];
  rules?: RosterRules;
}

export interface ResolvedRules {
  minRestMinutes: number;
  maxShiftsPerWeek: number;
  /** Infinity when not set. */
  maxShiftsPerDay: number;
}

export const DEFAULT_RULES = { minRestMinutes: 480, maxShiftsPerWeek: 5 } as const;

export function resolveRules(rules: RosterRules | undefined): ResolvedRules {
  return {
    minRestMinutes: rules?.minRestMinutes ?? DEFAULT_RULES.minRestMinutes,
    maxShiftsPerWeek: rules?.maxShiftsPerWeek ?? DEFAULT_RULES.maxShiftsPerWeek,
    maxShiftsPerDay: rules?.maxShiftsPerDay ?? Number.POSITIVE_INFINITY,
  };
}

/** Weights of the secondary goals, in km-equivalents (README.md, "The objective"). */
export interface Weights {
  /** Cost of one unit of Σ (load − mean load)², i.e. of Σ load² at a fixed total (default 0.5 km). */
  loadKm: number;
  /** Bonus for each pair of people on one shift who share a team (default 0.1 km). */
  teamKm: number;
}

export const DEFAULT_WEIGHTS: Weights = { loadKm: 0.5, teamKm: 0.1 };

export interface SolveOptions {
  /** Safety cap on the improvement phases; default proportional to size, never above 8 s. */
  timeLimitMs?: number;
  /** Seed of the tie-breaking; the same problem and seed give the same roster. Default 1. */
  seed?: number;
  weights?: Partial<Weights>;
  /** false: the greedy construction alone (for comparisons); default true. */
  improve?: boolean;
  /** How many nearest volunteers each checkpoint keeps as its candidate list (default 256). */
  nearest?: number;
  /** Iterations of the large-neighbourhood search (default: 10 per position, 1,000 to 3,000; 1,000 above 1,000 positions). */
  searchIterations?: number;
}

export const HARD_TIME_CAP_MS = 8_000;

export interface UncoveredPosition {
  shiftId: string;
  checkpointId: string;
  regionId: string;
  risk: Risk;
  start: number;
  end: number;
  missing: number;
}

export interface RiskCoverage {
  risk: Risk;
  positions: number;
  filled: number;
  coverage: number;
}

export interface LoadFigures {
  count: number;
  min: number;
  max: number;
  mean: number;
  stdDev: number;
}

export interface RosterReport {
  /** Σ required over all shifts. */
  positions: number;
  /** Σ min(assigned, required). */
  filled: number;
  /** filled ÷ positions (1 when there are no positions). */
  coverage: number;
  /** Highest risk first. */
  coverageByRisk: RiskCoverage[];
  /** Shifts needing people that have nobody at all. */
  unstaffedShifts: number;
  /** Missing people per checkpoint region, most missing first. */
  shortfallByRegion: { regionId: string; regionPath: string; missing: number; missingByRisk: Record<Risk, number> }[];
  distance: {
    /** Mean home → checkpoint distance over the assignments (null without assignments). */
    meanKm: number | null;
    maxKm: number | null;
    totalKm: number;
    /** Assignments measured by coordinates (haversine) and by region paths (estimate). */
    byCoordinates: number;
    byRegion: number;
  };
  load: {
    /** Shifts per volunteer among the volunteers given at least one shift. */
    used: LoadFigures;
    /** Shifts per volunteer among all eligible volunteers (0 for those without). */
    eligible: LoadFigures;
  };
  /** Pairs of people on one shift, and how many of them share a team. */
  teamCohesion: { pairs: number; sameTeamPairs: number; share: number | null };
  objective: {
    /** Filled positions per risk, highest risk first: the primary goal, compared lexicographically. */
    filledByRisk: number[];
    distanceKm: number;
    /** Σ over eligible volunteers of (load − mean load)². */
    loadDeviation: number;
    /** distanceKm + loadKm × loadDeviation: what the secondary goals cost (lower is better). */
    secondary: number;
    sameTeamPairs: number;
  };
}

export type ViolationCode =
  | 'unknown_shift'
  | 'unknown_volunteer'
  | 'duplicate'
  | 'not_eligible'
  | 'not_available'
  | 'team_restricted'
  | 'over_required'
  | 'overlap'
  | 'rest_too_short'
  | 'too_many_per_day'
  | 'too_many_per_week';

/** One broken hard rule, machine-readable: the web app words it in the reader's language. */
export interface Violation {
  code: ViolationCode;
  shiftId?: string;
  volunteerId?: string;
  /** The other shifts involved: the overlapping or too-close one, the shifts counted by a limit. */
  otherShiftIds?: string[];
  /** not_available: the (weekday, band) slots of the shift the volunteer has not offered. */
  slots?: Availability[];
  /** The limit broken (required, rest minutes, shifts per day or week) and the actual value. */
  limit?: number;
  actual?: number;
}

export interface RosterTimings {
  totalMs: number;
  indexMs: number;
  greedyMs: number;
  repairMs: number;
  improveMs: number;
  searchMs: number;
  searchIterations: number;
  /** Search iterations that improved the roster (equal ones are kept too, but not counted). */
  searchAccepted: number;
  /**
   * 'completed': every phase ran to its end (no improving move found, or its round or iteration
   * limit reached), so the roster depends on the problem and the seed only; 'time': the time cap
   * cut the search short (the roster is valid but may depend on the machine's speed).
   */
  stoppedBy: 'completed' | 'time' | 'construction-only';
  /** Moves applied by the repair and improvement phases. */
  moves: number;
}

export interface RosterResult {
  /** Locked assignments first, then the new ones. */
  assignments: Assignment[];
  /** Shifts with fewer people than required, highest risk first, then by start. */
  uncovered: UncoveredPosition[];
  report: RosterReport;
  /** Rule violations among the locked assignments (kept as they are); the optimiser adds none. */
  lockedViolations: Violation[];
  timings: RosterTimings;
}

/** Band index by time of day: 0 night 0–6, 1 morning 6–12, 2 afternoon 12–18, 3 evening 18–24. */
export const BAND_BY_QUARTER: readonly TimeBand[] = ['night', 'morning', 'afternoon', 'evening'];

export const MINUTES_PER_DAY = 1440;
export const MINUTES_PER_WEEK = 7 * MINUTES_PER_DAY;
const QUARTER = 360;

/** The 28-bit weekly mask of an availability list: bit (weekday − 1) × 4 + quarter of the day. */
export function availabilityMask(availability: readonly Availability[]): number {
  let mask = 0;
  for (const a of availability) {
    const q = BAND_BY_QUARTER.indexOf(a.band);
    if (q < 0 || !Number.isInteger(a.weekday) || a.weekday < 1 || a.weekday > 7) continue;
    mask |= 1 << ((a.weekday - 1) * 4 + q);
  }
  return mask;
}

export const FULL_WEEK_MASK = 2 ** 28 - 1;

/** The weekly mask of the (weekday, band) slots a shift touches. */
export function shiftMask(start: number, end: number): number {
  if (end - start >= MINUTES_PER_WEEK) return FULL_WEEK_MASK;
  let mask = 0;
  const last = Math.floor((end - 1) / QUARTER);
  for (let slot = Math.floor(start / QUARTER); slot <= last; slot++) mask |= 1 << (((slot % 28) + 28) % 28);
  return mask;
}

/** The slots of `mask` as (weekday, band) pairs, for messages. */
export function maskSlots(mask: number): Availability[] {
  const out: Availability[] = [];
  for (let bit = 0; bit < 28; bit++) {
    if (mask & (1 << bit)) out.push({ weekday: Math.floor(bit / 4) + 1, band: BAND_BY_QUARTER[bit % 4]! });
  }
  return out;
}

export class RosterInputError extends Error {
  constructor(readonly issues: { path: string; reason: string }[]) {
    super(`invalid roster problem: ${issues.map((i) => `${i.path}: ${i.reason}`).join('; ')}`);
    this.name = 'RosterInputError';
  }
}

const finite = (n: unknown): n is number => typeof n === 'number' && Number.isFinite(n);
const validLocation = (l: LatLng | null) =>
  l === null || (finite(l.lat) && finite(l.lng) && Math.abs(l.lat) <= 90 && Math.abs(l.lng) <= 180);

/** Structural problems that make a roster problem meaningless (rule violations are checkRoster's). */
export function validateProblem(p: RosterProblem): { path: string; reason: string }[] {
  const issues: { path: string; reason: string }[] = [];
  const unique = (kind: string, ids: string[]) => {
    const seen = new Set<string>();
    ids.forEach((id, i) => {
      if (seen.has(id)) issues.push({ path: `${kind}[${i}].id`, reason: 'duplicate' });
      seen.add(id);
    });
    return seen;
  };
  const checkpoints = unique(
    'checkpoints',
    p.checkpoints.map((c) => c.id),
  );
  const shifts = unique(
    'shifts',
    p.shifts.map((s) => s.id),
  );
  const volunteers = unique(
    'volunteers',
    p.volunteers.map((v) => v.id),
  );
  p.checkpoints.forEach((c, i) => {
    if (![1, 2, 3, 4].includes(c.risk)) issues.push({ path: `checkpoints[${i}].risk`, reason: 'not 1–4' });
    if (!validLocation(c.location)) issues.push({ path: `checkpoints[${i}].location`, reason: 'not a coordinate' });
  });
  p.shifts.forEach((s, i) => {
    if (!checkpoints.has(s.checkpointId)) issues.push({ path: `shifts[${i}].checkpointId`, reason: 'unknown' });
    if (!Number.isInteger(s.start) || s.start < 0) issues.push({ path: `shifts[${i}].start`, reason: 'not a minute ≥ 0' });
    if (!Number.isInteger(s.end) || s.end <= s.start) issues.push({ path: `shifts[${i}].end`, reason: 'not after start' });
    if (!Number.isInteger(s.required) || s.required < 0) issues.push({ path: `shifts[${i}].required`, reason: 'not ≥ 0' });
  });
  p.volunteers.forEach((v, i) => {
    if (!validLocation(v.home)) issues.push({ path: `volunteers[${i}].home`, reason: 'not a coordinate' });
    v.availability.forEach((a, j) => {
      if (!Number.isInteger(a.weekday) || a.weekday < 1 || a.weekday > 7 || !TIME_BANDS.includes(a.band)) {
        issues.push({ path: `volunteers[${i}].availability[${j}]`, reason: 'not a weekday 1–7 and band' });
      }
    });
  });
  (p.locked ?? []).forEach((a, i) => {
    if (!shifts.has(a.shiftId)) issues.push({ path: `locked[${i}].shiftId`, reason: 'unknown' });
    if (!volunteers.has(a.volunteerId)) issues.push({ path: `locked[${i}].volunteerId`, reason: 'unknown' });
  });
  const r = p.rules ?? {};
  if (r.minRestMinutes !== undefined && !(Number.isInteger(r.minRestMinutes) && r.minRestMinutes >= 0)) {
    issues.push({ path: 'rules.minRestMinutes', reason: 'not ≥ 0' });
  }
  if (r.maxShiftsPerWeek !== undefined && !(Number.isInteger(r.maxShiftsPerWeek) && r.maxShiftsPerWeek >= 0)) {
    issues.push({ path: 'rules.maxShiftsPerWeek', reason: 'not ≥ 0' });
  }
  if (r.maxShiftsPerDay !== undefined && !(Number.isInteger(r.maxShiftsPerDay) && r.maxShiftsPerDay >= 0)) {
    issues.push({ path: 'rules.maxShiftsPerDay', reason: 'not ≥ 0' });
  }
  return issues;
}
