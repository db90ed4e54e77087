/**
 * The hard rules, shared by the optimiser and by hand edits: `checkRoster` lists every violation
 * of an assignment set; `RosterState` holds an assignment set and answers `canAssign` for one
 * more (shift, volunteer) pair in time proportional to that volunteer's own shifts.
 *
 * Rules: the volunteer is eligible; available for every (weekday, band) the shift touches;
 * a member of one of the checkpoint's teams where it has some; the shift has room (required);
 * no two shifts of one volunteer overlap, and between them there are at least minRestMinutes;
 * at most maxShiftsPerDay shifts start on one day; at most maxShiftsPerWeek shifts start within
 * any 7 consecutive days.
 */
import { compile, intersects, permitted, type Model } from './model.ts';
import { maskSlots, MINUTES_PER_WEEK, type Assignment, type RosterProblem, type Violation } from './problem.ts';

export type { Violation, ViolationCode } from './problem.ts';

const WEEK = MINUTES_PER_WEEK;

/** An assignment set with fast incremental checks. Integer methods serve the optimiser; id methods the app. */
export class RosterState {
  readonly m: Model;
  /** Per volunteer: shift indices sorted by start. */
  readonly sched: number[][];
  /** Per shift: volunteer indices in the order they were added. */
  readonly crew: number[][];
  /** Changes so far; caches compare against it. */
  version = 0;
  /** Volunteers whose schedule shrank, in order (an infeasibility cache re-checks only these). */
  readonly freed: number[] = [];
  private readonly scratch: number[] = [];

  constructor(problem: RosterProblem | Model, assignments: readonly Assignment[] = []) {
    this.m = 'nS' in problem ? problem : compile(problem);
    this.sched = Array.from({ length: this.m.nV }, () => []);
    this.crew = Array.from({ length: this.m.nS }, () => []);
    for (const a of assignments) {
      const s = this.m.shiftIndex.get(a.shiftId);
      const v = this.m.volunteerIndex.get(a.volunteerId);
      if (s !== undefined && v !== undefined && !this.has(s, v)) this.add(s, v);
    }
  }

  has(s: number, v: number): boolean {
    return this.crew[s]!.includes(v);
  }

  add(s: number, v: number): void {
    const list = this.sched[v]!;
    const start = this.m.sStart[s]!;
    let i = list.length;
    while (i > 0 && this.m.sStart[list[i - 1]!]! > start) i--;
    list.splice(i, 0, s);
    this.crew[s]!.push(v);
    this.version++;
  }

  remove(s: number, v: number): void {
    const list = this.sched[v]!;
    const i = list.indexOf(s);
    if (i < 0) return;
    list.splice(i, 1);
    const crew = this.crew[s]!;
    crew.splice(crew.indexOf(v), 1);
    this.freed.push(v);
    this.version++;
  }

  /** Eligible, available for every slot of the shift, and a team member where the checkpoint requires one. */
  staticOk(s: number, v: number): boolean {
    const m = this.m;
    return (m.sMask[s]! & ~m.vMask[v]!) === 0 && permitted(m, v, m.sCp[s]!);
  }

  /**
   * The rules that depend on v's other shifts (overlap, rest, per day, per week), as if `ignore`
   * (one of v's shifts, or -1) were not there. False when v already has s.
   */
  timeOk(s: number, v: number, ignore = -1): boolean {
    const m = this.m;
    const list = this.sched[v]!;
    const a0 = m.sStart[s]!;
    const a1 = m.sEnd[s]!;
    const rest = m.rules.minRestMinutes;
    const perDay = m.rules.maxShiftsPerDay;
    const day = m.sDay[s]!;
    let sameDay = 0;
    let n = 0;
    for (let i = 0; i < list.length; i++) {
      const t = list[i]!;
      if (t === ignore) continue;
      if (t === s) return false;
      n++;
      if (m.sStart[t]! < a1 + rest && a0 < m.sEnd[t]! + rest) return false;
      if (m.sDay[t] === day) sameDay++;
    }
    if (sameDay >= perDay) return false;
    const cap = m.rules.maxShiftsPerWeek;
    if (n < cap) return true;
    if (cap <= 0) return false;
    // The starts within 7 days of a0, in order (the list is sorted by start), a0 included.
    const xs = this.scratch;
    xs.length = 0;
    let placed = false;
    for (const t of list) {
      if (t === ignore) continue;
      const st = m.sStart[t]!;
      if (st <= a0 - WEEK || st >= a0 + WEEK) continue;
      if (!placed && st > a0) {
        xs.push(a0);
        placed = true;
      }
      xs.push(st);
    }
    if (!placed) xs.push(a0);
    if (xs.length <= cap) return true;
    return maxWindowCount(xs, a0) <= cap;
  }

  /** v's shifts that overlap s or leave too little rest around it. */
  timeConflicts(s: number, v: number): number[] {
    const m = this.m;
    const a0 = m.sStart[s]!;
    const a1 = m.sEnd[s]!;
    const rest = m.rules.minRestMinutes;
    return this.sched[v]!.filter((t) => t !== s && m.sStart[t]! < a1 + rest && a0 < m.sEnd[t]! + rest);
  }

  /** timeOk as if all of `except` (some of v's shifts) were not there. */
  timeOkExcept(s: number, v: number, except: readonly number[]): boolean {
    if (except.length <= 1) return this.timeOk(s, v, except[0] ?? -1);
    const list = this.sched[v]!;
    const kept = list.filter((t) => !except.includes(t));
    this.sched[v] = kept;
    try {
      return this.timeOk(s, v);
    } finally {
      this.sched[v] = list;
    }
  }

  /** All hard rules for adding v to s. */
  feasible(s: number, v: number): boolean {
    return this.crew[s]!.length < this.m.sReq[s]! && this.staticOk(s, v) && this.timeOk(s, v);
  }

  /** Every rule that adding (s, v) would break, given the current set. */
  explain(s: number, v: number): Violation[] {
    const m = this.m;
    const shiftId = m.problem.shifts[s]!.id;
    const volunteerId = m.problem.volunteers[v]!.id;
    const base = { shiftId, volunteerId };
    const out: Violation[] = [];
    if (this.has(s, v)) return [{ code: 'duplicate', ...base }];
    if (!m.vEligible[v]) out.push({ code: 'not_eligible', ...base });
    const missing = m.sMask[s]! & ~m.vMask[v]!;
    if (missing) out.push({ code: 'not_available', ...base, slots: maskSlots(missing) });
    const c = m.sCp[s]!;
    const restricted = m.cTeams[c];
    if (restricted && !intersects(m.vTeams[v]!, restricted)) out.push({ code: 'team_restricted', ...base });
    const crew = this.crew[s]!.length;
    if (crew >= m.sReq[s]!) out.push({ code: 'over_required', ...base, limit: m.sReq[s]!, actual: crew + 1 });
    const a0 = m.sStart[s]!;
    const a1 = m.sEnd[s]!;
    const rest = m.rules.minRestMinutes;
    const sameDay: number[] = [];
    for (const t of this.sched[v]!) {
      const b0 = m.sStart[t]!;
      const b1 = m.sEnd[t]!;
      const other = [m.problem.shifts[t]!.id];
      if (b0 < a1 && a0 < b1) out.push({ code: 'overlap', ...base, otherShiftIds: other });
      else if (b0 < a1 + rest && a0 < b1 + rest) {
        const gap = b0 >= a1 ? b0 - a1 : a0 - b1;
        out.push({ code: 'rest_too_short', ...base, otherShiftIds: other, limit: rest, actual: gap });
      }
      if (m.sDay[t] === m.sDay[s]) sameDay.push(t);
    }
    if (sameDay.length >= m.rules.maxShiftsPerDay) {
      out.push({
        code: 'too_many_per_day',
        ...base,
        otherShiftIds: sameDay.map((t) => m.problem.shifts[t]!.id),
        limit: m.rules.maxShiftsPerDay,
        actual: sameDay.length + 1,
      });
    }
    const window = this.worstWindow(s, v);
    if (window.length + 1 > m.rules.maxShiftsPerWeek) {
      out.push({
        code: 'too_many_per_week',
        ...base,
        otherShiftIds: window.map((t) => m.problem.shifts[t]!.id),
        limit: m.rules.maxShiftsPerWeek,
        actual: window.length + 1,
      });
    }
    return out;
  }

  /** v's shifts in the 7-day window containing s's start that holds most of them. */
  private worstWindow(s: number, v: number): number[] {
    const m = this.m;
    const a0 = m.sStart[s]!;
    const near = this.sched[v]!.filter((t) => m.sStart[t]! > a0 - WEEK && m.sStart[t]! < a0 + WEEK);
    let best: number[] = [];
    for (const left of [a0, ...near.map((t) => m.sStart[t]!)]) {
      if (left > a0) continue;
      const inside = near.filter((t) => m.sStart[t]! >= left && m.sStart[t]! < left + WEEK);
      if (inside.length > best.length) best = inside;
    }
    return best;
  }

  /** Every rule that assigning the volunteer to the shift would break; empty when it is allowed. */
  canAssign(shiftId: string, volunteerId: string): Violation[] {
    const s = this.m.shiftIndex.get(shiftId);
    const v = this.m.volunteerIndex.get(volunteerId);
    const out: Violation[] = [];
    if (s === undefined) out.push({ code: 'unknown_shift', shiftId, volunteerId });
    if (v === undefined) out.push({ code: 'unknown_volunteer', shiftId, volunteerId });
    if (s === undefined || v === undefined) return out;
    return this.explain(s, v);
  }

  /** Adds the pair if it is allowed; returns what it would break otherwise (and changes nothing). */
  assign(shiftId: string, volunteerId: string): Violation[] {
    const problems = this.canAssign(shiftId, volunteerId);
    if (!problems.length) this.add(this.m.shiftIndex.get(shiftId)!, this.m.volunteerIndex.get(volunteerId)!);
    return problems;
  }

  unassign(shiftId: string, volunteerId: string): boolean {
    const s = this.m.shiftIndex.get(shiftId);
    const v = this.m.volunteerIndex.get(volunteerId);
    if (s === undefined || v === undefined || !this.has(s, v)) return false;
    this.remove(s, v);
    return true;
  }

  assignments(): Assignment[] {
    const out: Assignment[] = [];
    this.crew.forEach((crew, s) => {
      for (const v of crew) out.push({ shiftId: this.m.problem.shifts[s]!.id, volunteerId: this.m.problem.volunteers[v]!.id });
    });
    return out;
  }
}

/**
 * The most starts in one 7-day window [x, x + 7 d) that contains a0, where `xs` are the sorted
 * starts within 7 days of a0, a0 among them. The best window starts at one of the xs ≤ a0.
 */
function maxWindowCount(xs: readonly number[], a0: number): number {
  let best = 0;
  let j = 0;
  for (let i = 0; i < xs.length && xs[i]! <= a0; i++) {
    if (j < i) j = i;
    while (j < xs.length && xs[j]! < xs[i]! + WEEK) j++;
    if (j - i > best) best = j - i;
  }
  return best;
}

/** Starts a state for hand edits: the problem and the roster as it stands. */
export function createRosterState(problem: RosterProblem, assignments: readonly Assignment[] = []): RosterState {
  return new RosterState(problem, assignments);
}

/** Every rule adding (shiftId, volunteerId) to the state would break; empty when allowed. */
export function canAssign(state: RosterState, shiftId: string, volunteerId: string): Violation[] {
  return state.canAssign(shiftId, volunteerId);
}

/**
 * Every violation in an assignment set. The pairs are replayed in the given order, and each
 * violation names the pair that broke the rule given the pairs before it (an overlap is reported
 * once, on the later pair; a too-full week on each pair beyond the limit).
 */
export function checkRoster(problem: RosterProblem | Model, assignments: readonly Assignment[]): Violation[] {
  const state = new RosterState(problem);
  const m = state.m;
  const out: Violation[] = [];
  for (const a of assignments) {
    const s = m.shiftIndex.get(a.shiftId);
    const v = m.volunteerIndex.get(a.volunteerId);
    if (s === undefined) out.push({ code: 'unknown_shift', ...a });
    if (v === undefined) out.push({ code: 'unknown_volunteer', ...a });
    if (s === undefined || v === undefined) continue;
    out.push(...state.explain(s, v));
    if (!state.has(s, v)) state.add(s, v);
  }
  return out;
}
