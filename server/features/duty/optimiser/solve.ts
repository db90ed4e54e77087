/**
 * The roster heuristic (README.md):
 *  1. greedy construction, positions in risk order (first person of every shift before the
 *     second, scarce time windows first), each to the cheapest feasible volunteer;
 *  2. repair: ejection chains that put one more person on an uncovered shift by moving people
 *     along (w leaves q for s, x leaves q' for q, …), dropping a position only when its risk is
 *     lower than the one gained;
 *  3. improvement, in rounds: each group of clashing time windows (per cluster of checkpoints)
 *     re-assigned exactly as a min-cost assignment, then swaps and moves to uncovered positions
 *     of the same risk, then repair again;
 *  4. large-neighbourhood search: take out the assignments around an uncovered shift, of a few
 *     nearby checkpoints over a day or two, or of a few volunteers; rebuild; keep the result when
 *     it is no worse; then the rounds of 3 once more.
 * Every step keeps every hard rule. Ties are broken by seeded keys and every loop is bounded by
 * counts, so a problem and a seed give one roster, unless the time cap cuts in (reported).
 */
import { checkRoster, RosterState } from './rules.ts';
import { compile, dist, haversineKm, intersects, permitted, REGION_DISTANCE_KM, type Model } from './model.ts';
import {
  DEFAULT_WEIGHTS,
  HARD_TIME_CAP_MS,
  MINUTES_PER_DAY,
  MINUTES_PER_WEEK,
  RosterInputError,
  validateProblem,
  type Assignment,
  type RosterProblem,
  type RosterResult,
  type RosterTimings,
  type SolveOptions,
  type Weights,
} from './problem.ts';
import { reportOf, uncoveredOf } from './report.ts';
import { improveAssignment, type FlowEdges } from './flow.ts';

const EPS = 1e-9;
/** A move of the improvement passes must gain at least this much (km): the long tail is not worth a pass. */
const MIN_GAIN = 0.01;
/** Nearest volunteers tried when moving someone to an uncovered position of the same risk. */
const MOVE_WIDTH = 64;
/** Candidates tried per step of a chain, and the candidates a repair attempt may try in all. */
const CHAIN_WIDTH = 64;
const CHAIN_BUDGET = 400;
/** Checkpoints per cluster, and nearest feasible volunteers per shift, in a window re-optimisation. */
const CLUSTER = 48;
const FLOW_WIDTH = 32;
/** Time windows in one re-optimisation group at most. */
const MAX_GROUP_WINDOWS = 4;

function mulberry32(seed: number): () => number {
  let a = seed >>> 0;
  return () => {
    a = (a + 0x6d2b79f5) >>> 0;
    let t = a;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

/** Moves the n smallest keys to the front, in any order (quickselect). */
function selectSmallest(keys: Float64Array, n: number): void {
  let lo = 0;
  let hi = keys.length - 1;
  while (lo < hi) {
    const pivot = keys[(lo + hi) >> 1]!;
    let i = lo;
    let j = hi;
    while (i <= j) {
      while (keys[i]! < pivot) i++;
      while (keys[j]! > pivot) j--;
      if (i <= j) {
        const t = keys[i]!;
        keys[i++] = keys[j]!;
        keys[j--] = t;
      }
    }
    if (n - 1 <= j) hi = j;
    else if (n - 1 >= i) lo = i;
    else return;
  }
}

const positionsOf = (problem: RosterProblem) => problem.shifts.reduce((a, s) => a + s.required, 0);

/** Default safety cap: proportional to the number of positions (0.8 ms each), between 1 s and 8 s. */
export function defaultTimeLimitMs(problem: RosterProblem): number {
  return Math.min(HARD_TIME_CAP_MS, Math.max(1_000, positionsOf(problem) * 0.8));
}

/**
 * Default large-neighbourhood iterations: 10 per position between 1,000 and 3,000 for rosters of
 * up to 1,000 positions (where it settles what the other phases leave), 1,000 above (where each
 * iteration touches a small corner of the roster and gains little).
 */
export function defaultSearchIterations(problem: RosterProblem): number {
  const positions = positionsOf(problem);
  return positions > 1_000 ? 1_000 : Math.min(3_000, Math.max(1_000, positions * 10));
}

interface TakerEntry {
  /** Index into the window's pool where the scan resumes. */
  cursor: number;
  /** The volunteer found last (may have become infeasible since), or -1. */
  found: number;
  /** Position in state.freed up to which freed volunteers were re-checked. */
  freedPos: number;
}

class Solver {
  readonly st: RosterState;
  readonly m: Model;
  readonly w: Weights;
  readonly locked = new Set<number>();
  readonly rnd: () => number;
  /** Seeded tie-break key per volunteer and per shift. */
  readonly vKey: Float64Array;
  readonly sKey: Float64Array;
  /** Per checkpoint: permitted volunteers, nearest first, and their distances. */
  readonly near: Int32Array[] = [];
  readonly nearD: Float64Array[] = [];
  readonly nearComplete: Uint8Array;
  /** Per shift: its time-window key (start, end, team restriction); a volunteer's feasibility depends on nothing else. */
  readonly sWin: Int32Array;
  private readonly pools: (Int32Array | undefined)[] = [];
  private readonly takers: (TakerEntry | undefined)[] = [];
  private bestCache = new Map<number, number>();
  private bestVersion = -1;
  readonly deadline: number;
  timedOut = false;
  moves = 0;
  private ticks = 0;
  /** Change counter, and when each volunteer's schedule last changed (for skipping unchanged neighbourhoods). */
  private clock = 1;
  private readonly vChanged: Int32Array;
  /** When each volunteer last lost a shift (only that can make them able to take another). */
  private readonly vFreed: Int32Array;
  /** Scratch for the window re-optimisation: feasibility of (volunteer, window of the group), valid for one stamp. */
  private readonly feasStamp: Int32Array;
  private readonly feasValue: Uint8Array;
  private readonly groupMark: Int32Array;
  private readonly groupShift: Int32Array;
  private readonly groupSeen: Int32Array;
  private readonly groupLeft: Int32Array;
  private readonly groupLeftStamp: Int32Array;
  private feasClock = 0;
  private freeVersion = -1;
  private freeValue = false;
  private winReps: number[] | null = null;
  chainBudget: number;

  /** The objective, kept up to date by add/remove: filled positions per risk, Σ distance, Σ load², same-team pairs. */
  readonly filled = new Float64Array(5);
  distSum = 0;
  sumSq = 0;
  pairs = 0;
  /** Changes since the last mark, for undo: (s·nV + v)·2 + (1 for add). */
  private log: number[] = [];

  constructor(st: RosterState, weights: Weights, seed: number, nearest: number, deadline: number) {
    this.st = st;
    this.m = st.m;
    this.w = weights;
    this.deadline = deadline;
    const m = this.m;
    this.rnd = mulberry32(seed);
    this.vKey = Float64Array.from({ length: m.nV }, () => this.rnd());
    this.sKey = Float64Array.from({ length: m.nS }, () => this.rnd());
    this.nearComplete = new Uint8Array(m.nC);
    this.vChanged = new Int32Array(m.nV);
    this.vFreed = new Int32Array(m.nV);
    this.feasStamp = new Int32Array(MAX_GROUP_WINDOWS * m.nV);
    this.feasValue = new Uint8Array(MAX_GROUP_WINDOWS * m.nV);
    this.groupMark = new Int32Array(m.nV);
    this.groupShift = new Int32Array(m.nV);
    this.groupSeen = new Int32Array(m.nV);
    this.groupLeft = new Int32Array(m.nV);
    this.groupLeftStamp = new Int32Array(m.nV);
    this.moveExamined = new Int32Array(m.nS);
    this.buildNear(nearest);
    this.sWin = new Int32Array(m.nS);
    const keys = new Map<string, number>();
    for (let s = 0; s < m.nS; s++) {
      const key = `${m.sStart[s]},${m.sEnd[s]},${m.cTeamKey[m.sCp[s]!]}`;
      let k = keys.get(key);
      if (k === undefined) keys.set(key, (k = keys.size));
      this.sWin[s] = k;
    }
    this.chainBudget = CHAIN_BUDGET;
    // The objective of what is already there (locked pairs).
    for (let s = 0; s < m.nS; s++) {
      const crew = st.crew[s]!;
      this.filled[m.sRisk[s]!]! += Math.min(crew.length, m.sReq[s]!);
      for (let i = 0; i < crew.length; i++) {
        this.distSum += dist(m, crew[i]!, m.sCp[s]!);
        for (let j = i + 1; j < crew.length; j++) if (intersects(m.vTeams[crew[i]!]!, m.vTeams[crew[j]!]!)) this.pairs++;
      }
    }
    for (let v = 0; v < m.nV; v++) this.sumSq += st.sched[v]!.length ** 2;
  }

  /** The K nearest permitted volunteers of every checkpoint, by one sort of packed (metres, index) keys. */
  private buildNear(k: number): void {
    const m = this.m;
    const eligible: number[] = [];
    for (let v = 0; v < m.nV; v++) if (m.vEligible[v]) eligible.push(v);
    const byRestriction = new Map<number, Int32Array>();
    const span = 2 ** Math.ceil(Math.log2(m.nV + 1));
    for (let c = 0; c < m.nC; c++) {
      let pool = byRestriction.get(m.cTeamKey[c]!);
      if (!pool) {
        pool = Int32Array.from(m.cTeams[c] ? eligible.filter((v) => permitted(m, v, c)) : eligible);
        byRestriction.set(m.cTeamKey[c]!, pool);
      }
      // Ranked by a flat-earth distance where both have coordinates (fine at county scale); exact below.
      const keys = new Float64Array(pool.length);
      const cLat = m.cLat[c]!;
      const cLng = m.cLng[c]!;
      const cosLat = Math.cos(cLat);
      for (let i = 0; i < pool.length; i++) {
        const v = pool[i]!;
        const vLat = m.vLat[v]!;
        let d: number;
        if (vLat === vLat && cLat === cLat) {
          const x = (m.vLng[v]! - cLng) * cosLat;
          const y = vLat - cLat;
          d = 6371 * Math.sqrt(x * x + y * y);
        } else d = dist(m, v, c);
        keys[i] = Math.round(d * 1000) * span + v;
      }
      const n = Math.min(k, pool.length);
      if (n < pool.length) selectSmallest(keys, n);
      keys.subarray(0, n).sort();
      const list = new Int32Array(n);
      const d = new Float64Array(n);
      for (let i = 0; i < n; i++) {
        const v = keys[i]! % span;
        list[i] = v;
        d[i] = dist(m, v, c);
      }
      // Exact distances may reorder neighbours the flat ranking put a hair apart.
      const order = Array.from(list.keys()).sort((a, b) => d[a]! - d[b]! || list[a]! - list[b]!);
      const sortedList = Int32Array.from(order, (i) => list[i]!);
      const sortedD = Float64Array.from(order, (i) => d[i]!);
      list.set(sortedList);
      d.set(sortedD);
      this.near.push(list);
      this.nearD.push(d);
      this.nearComplete[c] = n === pool.length ? 1 : 0;
    }
  }

  /** Every permitted volunteer available for the whole of s's window (its static candidates). */
  pool(s: number): Int32Array {
    const k = this.sWin[s]!;
    let p = this.pools[k];
    if (!p) {
      const m = this.m;
      const out: number[] = [];
      const c = m.sCp[s]!;
      const mask = m.sMask[s]!;
      for (let v = 0; v < m.nV; v++) if ((mask & ~m.vMask[v]!) === 0 && permitted(m, v, c)) out.push(v);
      p = this.pools[k] = Int32Array.from(out);
    }
    return p;
  }

  expired(): boolean {
    if (this.timedOut) return true;
    if (++this.ticks % 32 === 0 && performance.now() > this.deadline) this.timedOut = true;
    return this.timedOut;
  }

  isLocked(s: number, v: number): boolean {
    return this.locked.has(s * this.m.nV + v);
  }

  missing(s: number): number {
    return this.m.sReq[s]! - this.st.crew[s]!.length;
  }

  /** Team members among the people on s (other than `except`) that v shares a team with. */
  teamPairs(s: number, v: number, except = -1): number {
    let n = 0;
    for (const u of this.st.crew[s]!) if (u !== v && u !== except && intersects(this.m.vTeams[v]!, this.m.vTeams[u]!)) n++;
    return n;
  }

  add(s: number, v: number): void {
    const m = this.m;
    const st = this.st;
    if (st.crew[s]!.length < m.sReq[s]!) this.filled[m.sRisk[s]!]!++;
    this.distSum += dist(m, v, m.sCp[s]!);
    this.sumSq += 2 * st.sched[v]!.length + 1;
    if (this.w.teamKm) this.pairs += this.teamPairs(s, v);
    st.add(s, v);
    this.vChanged[v] = ++this.clock;
    this.log.push((s * m.nV + v) * 2 + 1);
  }

  remove(s: number, v: number): void {
    const m = this.m;
    const st = this.st;
    st.remove(s, v);
    this.vChanged[v] = this.vFreed[v] = ++this.clock;
    if (st.crew[s]!.length < m.sReq[s]!) this.filled[m.sRisk[s]!]!--;
    this.distSum -= dist(m, v, m.sCp[s]!);
    this.sumSq -= 2 * st.sched[v]!.length + 1;
    if (this.w.teamKm) this.pairs -= this.teamPairs(s, v);
    this.log.push((s * m.nV + v) * 2);
  }

  mark(): number {
    return this.log.length;
  }

  undo(mark: number): void {
    const nV = this.m.nV;
    while (this.log.length > mark) {
      const op = this.log.pop()!;
      const pair = Math.floor(op / 2);
      const s = Math.floor(pair / nV);
      const v = pair - s * nV;
      if (op % 2) this.remove(s, v);
      else this.add(s, v);
      this.log.pop();
    }
  }

  /** Forget the undo history (no trial is open). */
  commit(): void {
    this.log.length = 0;
  }

  /** Secondary cost: distance, Σ load² (Σ (load − mean)² plus a constant at fixed coverage), team pairs. */
  cost(): number {
    return this.distSum + this.w.loadKm * this.sumSq - this.w.teamKm * this.pairs;
  }

  /** > 0 when the current filled-by-risk vector beats `before`, < 0 when it is worse. */
  comparePrimary(before: Float64Array): number {
    for (let r = 4; r >= 1; r--) if (this.filled[r] !== before[r]) return this.filled[r]! - before[r]!;
    return 0;
  }

  /** Cost of adding v to s: distance, the growth of Σ load², the team pairs it makes. */
  addCost(s: number, v: number, d: number): number {
    const l = this.st.sched[v]!.length;
    return d + this.w.loadKm * (2 * l + 1) - (this.w.teamKm ? this.w.teamKm * this.teamPairs(s, v) : 0);
  }

  /**
   * Some volunteer who could take s by the time rules (fullness aside), or -1. Amortised: a scan
   * resumes where it stopped, and volunteers before the cursor are re-checked only once freed.
   */
  anyTaker(s: number): number {
    const k = this.sWin[s]!;
    const st = this.st;
    const pool = this.pool(s);
    let e = this.takers[k];
    if (!e) e = this.takers[k] = { cursor: 0, found: -1, freedPos: st.freed.length };
    if (e.found >= 0 && st.timeOk(s, e.found)) return e.found;
    e.found = -1;
    const freed = st.freed;
    for (; e.freedPos < freed.length; e.freedPos++) {
      const v = freed[e.freedPos]!;
      if (st.staticOk(s, v) && st.timeOk(s, v)) {
        e.found = v;
        e.freedPos++;
        return v;
      }
    }
    for (; e.cursor < pool.length; e.cursor++) {
      const v = pool[e.cursor]!;
      if (st.timeOk(s, v)) {
        e.found = v;
        e.cursor++;
        return v;
      }
    }
    return -1;
  }

  /** Could anyone take one more shift in any time window that has someone on it? (cached per state version) */
  anyFreeTaker(): boolean {
    if (this.freeVersion === this.st.version) return this.freeValue;
    if (!this.winReps) {
      const seen = new Set<number>();
      this.winReps = [];
      for (let s = 0; s < this.m.nS; s++) {
        if (!seen.has(this.sWin[s]!)) {
          seen.add(this.sWin[s]!);
          this.winReps.push(s);
        }
      }
    }
    this.freeValue = this.winReps.some((s) => this.anyTaker(s) >= 0);
    this.freeVersion = this.st.version;
    return this.freeValue;
  }

  /** The cheapest volunteer who can take s by every rule but fullness (cached per state version), or -1. */
  bestFor(s: number): number {
    if (this.bestVersion !== this.st.version) {
      this.bestCache.clear();
      this.bestVersion = this.st.version;
    }
    const hit = this.bestCache.get(s);
    if (hit !== undefined) return hit;
    const best = this.searchBest(s);
    this.bestCache.set(s, best);
    return best;
  }

  private searchBest(s: number): number {
    if (this.anyTaker(s) < 0) return -1;
    const m = this.m;
    const st = this.st;
    const c = m.sCp[s]!;
    const list = this.near[c]!;
    const ds = this.nearD[c]!;
    const mask = m.sMask[s]!;
    const slack = this.w.loadKm - this.w.teamKm * st.crew[s]!.length;
    let best = -1;
    let bestCost = Infinity;
    const better = (v: number, cost: number) =>
      cost < bestCost - EPS || (cost < bestCost + EPS && this.vKey[v]! < this.vKey[best]!);
    for (let i = 0; i < list.length; i++) {
      const d = ds[i]!;
      if (d + slack > bestCost) break;
      const v = list[i]!;
      if ((mask & ~m.vMask[v]!) !== 0 || !st.timeOk(s, v)) continue;
      const cost = this.addCost(s, v, d);
      if (better(v, cost)) {
        best = v;
        bestCost = cost;
      }
    }
    if (best >= 0 || this.nearComplete[c]) return best;
    for (const v of this.pool(s)) {
      if (!st.timeOk(s, v)) continue;
      const cost = this.addCost(s, v, dist(m, v, c));
      if (better(v, cost)) {
        best = v;
        bestCost = cost;
      }
    }
    return best;
  }

  /** Positions in risk order: first person of every shift before the second, scarce windows first. */
  greedy(): void {
    const m = this.m;
    const st = this.st;
    const order: number[] = [];
    const rank: number[] = [];
    for (let s = 0; s < m.nS; s++) {
      for (let k = st.crew[s]!.length; k < m.sReq[s]!; k++) {
        order.push(s);
        rank.push(k);
      }
    }
    const scarcity = Int32Array.from({ length: m.nS }, (_, s) => (m.sReq[s]! > 0 ? this.pool(s).length : 0));
    const idx = Array.from(order.keys()).sort((a, b) => {
      const s = order[a]!;
      const t = order[b]!;
      return (
        m.sRisk[t]! - m.sRisk[s]! ||
        rank[a]! - rank[b]! ||
        scarcity[s]! - scarcity[t]! ||
        m.sStart[s]! - m.sStart[t]! ||
        this.sKey[s]! - this.sKey[t]!
      );
    });
    for (const i of idx) {
      const s = order[i]!;
      if (this.missing(s) <= 0) continue;
      const v = this.bestFor(s);
      if (v >= 0) this.add(s, v);
    }
    this.commit();
  }

  /** Candidates for s in distance order: the checkpoint's near list, available for s, not on it. */
  private candidates(s: number, width: number): number[] {
    const m = this.m;
    const list = this.near[m.sCp[s]!]!;
    const mask = m.sMask[s]!;
    const out: number[] = [];
    for (let i = 0; i < list.length && out.length < width; i++) {
      const v = list[i]!;
      if ((mask & ~m.vMask[v]!) === 0 && !this.st.has(s, v)) out.push(v);
    }
    return out;
  }

  /**
   * Sets of w's shifts whose removal would let w take s: the shifts too close in time (all of
   * them), plus at most one more when a per-day or per-week limit still stands. Locked ones stay.
   */
  private removalSets(s: number, w: number): number[][] {
    const st = this.st;
    const close = st.timeConflicts(s, w);
    if (close.some((q) => this.isLocked(q, w))) return [];
    if (st.timeOkExcept(s, w, close)) return close.length ? [close] : [];
    const out: number[][] = [];
    for (const q of st.sched[w]!) {
      if (close.includes(q) || this.isLocked(q, w)) continue;
      const set = [...close, q];
      if (st.timeOkExcept(s, w, set)) out.push(set);
    }
    return out;
  }

  /**
   * Puts one more person on s (which has room): directly, or through a chain of moves up to
   * `depth` long. Positions taken away on the way must be refilled, unless their risk is below
   * `dropBelow`. On failure the state is as it was.
   */
  private place(s: number, dropBelow: number, depth: number, budget: { n: number }): boolean {
    const direct = this.bestFor(s);
    if (direct >= 0) {
      this.add(s, direct);
      return true;
    }
    if (depth === 0) return false;
    const m = this.m;
    for (const w of this.candidates(s, CHAIN_WIDTH)) {
      if (--budget.n < 0 || this.expired()) return false;
      for (const set of this.removalSets(s, w)) {
        // At the last step the freed shifts need a direct taker (or may be dropped): check first.
        if (depth === 1 && !set.every((q) => m.sRisk[q]! < dropBelow || this.missing(q) < 0 || this.anyTaker(q) >= 0)) continue;
        const mark = this.mark();
        for (const q of set) this.remove(q, w);
        this.add(s, w);
        let ok = true;
        set.sort((a, b) => m.sRisk[b]! - m.sRisk[a]!);
        for (const q of set) {
          if (this.missing(q) <= 0) continue;
          if (this.place(q, dropBelow, depth - 1, budget)) continue;
          if (m.sRisk[q]! < dropBelow) continue;
          ok = false;
          break;
        }
        if (ok) return true;
        this.undo(mark);
      }
    }
    return false;
  }

  /** One more person on s: without dropping anything if possible, else dropping the lowest risk possible. */
  private augment(s: number, depth: number, budgetPerTry: number): boolean {
    const r = this.m.sRisk[s]!;
    for (let dropBelow = 0; dropBelow <= r; dropBelow = dropBelow ? dropBelow + 1 : 2) {
      // Each level adds one droppable risk; without positions of it filled it adds nothing. Without
      // drops a chain must end with someone taking a freed shift: nobody free anywhere, no chain.
      if (dropBelow ? !this.filled[dropBelow - 1] : !this.anyFreeTaker()) continue;
      if (this.place(s, dropBelow, depth, { n: budgetPerTry })) return true;
      if (this.timedOut) return false;
    }
    return false;
  }

  /** Covers what the chains can, highest risk first, until a pass changes nothing. */
  repair(): boolean {
    const m = this.m;
    let any = false;
    for (let pass = 0; pass < 50; pass++) {
      const open: number[] = [];
      for (let s = 0; s < m.nS; s++) if (this.missing(s) > 0) open.push(s);
      open.sort(
        (s, t) =>
          m.sRisk[t]! - m.sRisk[s]! ||
          this.pool(s).length - this.pool(t).length ||
          m.sStart[s]! - m.sStart[t]! ||
          this.sKey[s]! - this.sKey[t]!,
      );
      let progress = false;
      // With complete candidate lists a failure at one window and risk repeats at the same
      // window and risk until something changes.
      const failed = new Set<number>();
      for (const s of open) {
        if (this.expired()) return any;
        const sig = this.sWin[s]! * 8 + m.sRisk[s]!;
        if (failed.has(sig) && this.nearComplete[m.sCp[s]!]) continue;
        let gained = false;
        while (this.missing(s) > 0 && this.augment(s, 3, this.chainBudget)) {
          this.moves++;
          gained = true;
        }
        this.commit();
        if (gained) {
          progress = any = true;
          failed.clear();
        } else failed.add(sig);
      }
      if (!progress) break;
    }
    return any;
  }

  /**
   * Coverage-neutral moves that lower the cost, until a pass finds none (at most 12 passes: the
   * long tail gains little, and the callers alternate this with the window re-optimisation).
   * Reassigning one shift to another person needs no pass of its own: the window re-optimisation
   * finds the best such changes exactly.
   */
  improve(): boolean {
    let any = false;
    for (let pass = 0; pass < 12 && !this.expired(); pass++) {
      const before = this.moves;
      this.swapPass();
      this.movePass();
      this.commit();
      if (this.moves === before) break;
      any = true;
    }
    return any;
  }

  private assignmentsList(): [number, number][] {
    const out: [number, number][] = [];
    this.st.crew.forEach((crew, s) => {
      for (const v of crew) if (!this.isLocked(s, v)) out.push([s, v]);
    });
    return out;
  }

  /** When each (shift, volunteer) pair was last examined by a pass and found unimprovable. */
  private readonly examined = new Map<number, number>();
  private readonly moveExamined: Int32Array;

  /** Has anyone on s, or anyone among the first entries of a near list, changed since `at`? */
  private changedSince(at: number, s: number, list: Int32Array, ds: Float64Array, within: number): boolean {
    if (!at) return true;
    for (const u of this.st.crew[s]!) if (this.vChanged[u]! > at) return true;
    for (let i = 0; i < list.length && ds[i]! < within; i++) if (this.vChanged[list[i]!]! > at) return true;
    return false;
  }

  /** (q1, v), (q2, w) → (q1, w), (q2, v) when w is nearer q1 and the pair's cost falls. */
  private swapPass(): void {
    const m = this.m;
    const st = this.st;
    const tw = this.w.teamKm;
    const examined = this.examined;
    for (const [q1, v] of this.assignmentsList()) {
      if (this.expired()) break;
      if (!st.has(q1, v)) continue;
      const c1 = m.sCp[q1]!;
      const dv1 = dist(m, v, c1);
      const list = this.near[c1]!;
      const ds = this.nearD[c1]!;
      const slack = tw * 2 * m.sReq[q1]!;
      const key = q1 * m.nV + v;
      const at = examined.get(key) ?? 0;
      if (!this.changedSince(at, q1, list, ds, dv1 + slack)) continue;
      examined.set(key, this.clock);
      search: for (let i = 0; i < list.length; i++) {
        const dw1 = ds[i]!;
        if (dw1 >= dv1 + slack) break;
        const w = list[i]!;
        if (w === v || st.has(q1, w) || !st.staticOk(q1, w)) continue;
        for (const q2 of st.sched[w]!) {
          if (q2 === q1 || this.isLocked(q2, w) || st.has(q2, v)) continue;
          const c2 = m.sCp[q2]!;
          let delta = dw1 + dist(m, v, c2) - dv1 - dist(m, w, c2);
          if (tw) {
            delta -= tw * (this.teamPairs(q1, w, v) + this.teamPairs(q2, v, w) - this.teamPairs(q1, v) - this.teamPairs(q2, w));
          }
          if (delta >= -MIN_GAIN || !st.staticOk(q2, v)) continue;
          if (!st.timeOk(q1, w, q2) || !st.timeOk(q2, v, q1)) continue;
          this.remove(q1, v);
          this.remove(q2, w);
          this.add(q1, w);
          this.add(q2, v);
          this.moves++;
          break search;
        }
      }
    }
  }

  /** (q, v) → (p, v) for an uncovered p of the same risk nearer v's home. */
  private movePass(): void {
    const m = this.m;
    const st = this.st;
    const tw = this.w.teamKm;
    for (let p = 0; p < m.nS; p++) {
      if (this.missing(p) <= 0) continue;
      if (this.expired()) break;
      const c = m.sCp[p]!;
      const r = m.sRisk[p]!;
      const list = this.near[c]!;
      const ds = this.nearD[c]!;
      const mask = m.sMask[p]!;
      // Skip p when nobody it would try has changed since it was last tried.
      const at = this.moveExamined[p]!;
      let dirty = !at || st.crew[p]!.some((u) => this.vChanged[u]! > at);
      for (let i = 0, n = 0; !dirty && i < list.length && n < MOVE_WIDTH; i++) {
        if ((mask & ~m.vMask[list[i]!]!) !== 0) continue;
        n++;
        dirty = this.vChanged[list[i]!]! > at;
      }
      if (!dirty) continue;
      this.moveExamined[p] = this.clock;
      let tried = 0;
      for (let i = 0; i < list.length && tried < MOVE_WIDTH && this.missing(p) > 0; i++) {
        const v = list[i]!;
        if ((mask & ~m.vMask[v]!) !== 0 || st.has(p, v)) continue;
        tried++;
        let best = -1;
        let bestDelta = -MIN_GAIN;
        for (const q of st.sched[v]!) {
          if (m.sRisk[q] !== r || this.isLocked(q, v) || this.missing(q) < 0) continue;
          let delta = ds[i]! - dist(m, v, m.sCp[q]!);
          if (tw) delta -= tw * (this.teamPairs(p, v) - this.teamPairs(q, v));
          if (delta < bestDelta && st.timeOk(p, v, q)) {
            best = q;
            bestDelta = delta;
          }
        }
        if (best >= 0) {
          this.remove(best, v);
          this.add(p, v);
          this.moves++;
        }
      }
    }
  }

  /** Shift groups sharing start and end, each split by clusters of checkpoints in spatial order (two offsets). */
  private windowGroups(offset: number): number[][] {
    const m = this.m;
    const cps = m.problem.checkpoints;
    let lat0 = Infinity;
    let lat1 = -Infinity;
    let lng0 = Infinity;
    let lng1 = -Infinity;
    for (const c of cps) {
      if (!c.location) continue;
      lat0 = Math.min(lat0, c.location.lat);
      lat1 = Math.max(lat1, c.location.lat);
      lng0 = Math.min(lng0, c.location.lng);
      lng1 = Math.max(lng1, c.location.lng);
    }
    const morton = (c: (typeof cps)[number]) => {
      if (!c.location) return 0;
      const x = Math.round(((c.location.lng - lng0) / (lng1 - lng0 || 1)) * 65535);
      const y = Math.round(((c.location.lat - lat0) / (lat1 - lat0 || 1)) * 65535);
      let z = 0;
      for (let b = 15; b >= 0; b--) z = z * 4 + ((x >> b) & 1) * 2 + ((y >> b) & 1);
      return z;
    };
    const order = cps
      .map((c, i) => ({ i, path: c.regionPath, z: morton(c) }))
      .sort((a, b) => (a.path < b.path ? -1 : a.path > b.path ? 1 : a.z - b.z || a.i - b.i));
    const cluster = new Int32Array(m.nC);
    order.forEach((o, rank) => (cluster[o.i] = Math.floor((rank + offset) / CLUSTER)));
    // Time windows in order. A group is a run of consecutive windows that clash pairwise (overlap
    // or too little rest, the same day with at most one shift a day, …), so that nobody can take
    // two shifts of a group; every maximal run is one, each split by cluster.
    const windows = new Map<string, { start: number; end: number; shifts: number[] }>();
    for (let s = 0; s < m.nS; s++) {
      const key = `${m.sStart[s]},${m.sEnd[s]}`;
      const w = windows.get(key);
      if (w) w.shifts.push(s);
      else windows.set(key, { start: m.sStart[s]!, end: m.sEnd[s]!, shifts: [s] });
    }
    const timeline = [...windows.values()].sort((a, b) => a.start - b.start || a.end - b.end);
    const { minRestMinutes: rest, maxShiftsPerDay: perDay, maxShiftsPerWeek: perWeek } = m.rules;
    const clash = (a: { start: number; end: number }, b: { start: number; end: number }) =>
      (a.start < b.end + rest && b.start < a.end + rest) ||
      (perDay <= 1 && Math.floor(a.start / MINUTES_PER_DAY) === Math.floor(b.start / MINUTES_PER_DAY)) ||
      (perWeek <= 1 && Math.abs(a.start - b.start) < MINUTES_PER_WEEK);
    const groups: number[][] = [];
    let lastEnd = -1;
    for (let i = 0; i < timeline.length; i++) {
      let j = i + 1;
      while (j < timeline.length && j - i < MAX_GROUP_WINDOWS && timeline.slice(i, j).every((w) => clash(w, timeline[j]!))) j++;
      if (j - 1 <= lastEnd) continue;
      lastEnd = j - 1;
      const byCluster = new Map<number, number[]>();
      for (const w of timeline.slice(i, j)) {
        for (const s of w.shifts) {
          const k = cluster[m.sCp[s]!]!;
          const g = byCluster.get(k);
          if (g) g.push(s);
          else byCluster.set(k, [s]);
        }
      }
      for (const k of [...byCluster.keys()].sort((a, b) => a - b)) groups.push(byCluster.get(k)!);
    }
    return groups;
  }

  /**
   * Re-assigns the shifts of one group (time windows that clash pairwise, so nobody takes two of
   * them) as an exact min-cost assignment: everyone's other shifts stay, so who can serve is
   * known, and a volunteer on a shift costs its risk first, then distance plus the growth of
   * Σ load². The current assignment is the start; negative cycles are cancelled until none is
   * left. Kept when the roster is no worse (team pairs, which the assignment ignores, included).
   */
  private reoptimize(group: number[], used: number[], blocked: number[]): boolean {
    const m = this.m;
    const st = this.st;
    const stamp = ++this.feasClock;
    const onGroup = this.groupMark;
    const cur = this.groupShift;
    // Who is on which shift of the group now (not locked: those stay and take room).
    group.forEach((s, r) => {
      for (const v of st.crew[s]!) {
        if (this.isLocked(s, v)) continue;
        onGroup[v] = stamp;
        cur[v] = r;
      }
    });
    const isCurrent = (v: number) => onGroup[v] === stamp;
    // Feasibility depends on the volunteer and the shift's times only (a group has a few windows).
    const starts: number[] = [];
    const windowOf = (s: number) => {
      for (let i = 0; i < starts.length; i += 2) if (starts[i] === m.sStart[s] && starts[i + 1] === m.sEnd[s]) return i / 2;
      starts.push(m.sStart[s]!, m.sEnd[s]!);
      return starts.length / 2 - 1;
    };
    const ok = (s: number, v: number) => {
      const k = MAX_GROUP_WINDOWS * v + windowOf(s);
      if (this.feasStamp[k] !== stamp) {
        this.feasStamp[k] = stamp;
        this.feasValue[k] = st.timeOk(s, v, isCurrent(v) ? group[cur[v]!]! : -1) ? 1 : 0;
      }
      return this.feasValue[k] === 1;
    };
    // Candidates per shift: its nearest feasible volunteers (all of them with a complete near list), and who is on it now.
    const seen = this.groupSeen;
    const leftOf = this.groupLeft;
    const vols: number[] = [];
    const edges: FlowEdges = { left: [], right: [], primary: [], secondary: [] };
    const cap: number[] = [];
    const loadKm = this.w.loadKm;
    let positions = 0;
    for (const s of group) positions += m.sReq[s]!;
    const weight = (risk: number) => -((positions + 1) ** (risk - 1));
    group.forEach((s, r) => {
      let lockedHere = 0;
      for (const v of st.crew[s]!) if (this.isLocked(s, v)) lockedHere++;
      cap.push(Math.max(0, m.sReq[s]! - lockedHere));
      if (cap[r]! <= 0) return;
      const c = m.sCp[s]!;
      const mask = m.sMask[s]!;
      const primary = weight(m.sRisk[s]!);
      const connect = (v: number, d: number) => {
        let l = leftOf[v]!;
        if (this.groupLeftStamp[v] !== stamp) {
          this.groupLeftStamp[v] = stamp;
          leftOf[v] = l = vols.length;
          vols.push(v);
        }
        const load = st.sched[v]!.length - (isCurrent(v) ? 1 : 0);
        edges.left.push(l);
        edges.right.push(r);
        edges.primary.push(primary);
        edges.secondary.push(d + loadKm * (2 * load + 1));
      };
      let taken = 0;
      // A complete near list: everyone; else the nearest FLOW_WIDTH feasible among the first 4 × FLOW_WIDTH.
      const complete = this.nearComplete[c] === 1;
      const width = complete ? Infinity : FLOW_WIDTH;
      const list = this.near[c]!;
      const ds = this.nearD[c]!;
      const scan = complete ? list.length : Math.min(list.length, 4 * FLOW_WIDTH);
      for (let i = 0; i < scan && taken < width; i++) {
        const v = list[i]!;
        if ((mask & ~m.vMask[v]!) !== 0 || (isCurrent(v) && cur[v] === r)) continue;
        const fine = ok(s, v);
        if (seen[v] !== stamp) {
          seen[v] = stamp;
          (fine || isCurrent(v) ? used : blocked).push(v);
        }
        if (!fine) continue;
        taken++;
        connect(v, ds[i]!);
      }
      for (const v of st.crew[s]!) {
        if (!isCurrent(v)) continue;
        if (seen[v] !== stamp) {
          seen[v] = stamp;
          used.push(v);
        }
        connect(v, dist(m, v, c));
      }
    });
    const current = new Map<number, number>();
    for (const v of vols) if (isCurrent(v)) current.set(v, cur[v]!);
    const start = Int32Array.from(vols, (v) => current.get(v) ?? -1);
    const match = improveAssignment(vols.length, group.length, cap, edges, start);
    if (!match) return false;
    const before = Float64Array.from(this.filled);
    const cost0 = this.cost();
    const mark = this.mark();
    vols.forEach((v, l) => {
      if (start[l]! >= 0 && match[l] !== start[l]) this.remove(group[start[l]!]!, v);
    });
    vols.forEach((v, l) => {
      if (match[l]! >= 0 && match[l] !== start[l]) this.add(group[match[l]!]!, v);
    });
    const primary = this.comparePrimary(before);
    if (primary < 0 || (primary === 0 && this.cost() > cost0 + EPS)) {
      this.undo(mark);
      return false;
    }
    return primary > 0 || this.cost() < cost0 - EPS;
  }

  private partitions: { group: number[]; at: number; used: Int32Array; blocked: Int32Array }[][] = [];

  /**
   * Re-optimises every group of every time window, alternating the cluster offset, until a sweep
   * gains nothing. A group is skipped when no volunteer it looked at has changed since it was last
   * optimised (its optimum cannot have moved).
   */
  windows(maxSweeps = 4): boolean {
    let any = false;
    if (!this.partitions.length) {
      for (const offset of [0, CLUSTER / 2]) {
        this.partitions.push(
          this.windowGroups(offset).map((group) => ({ group, at: 0, used: new Int32Array(0), blocked: new Int32Array(0) })),
        );
      }
    }
    for (let sweep = 0; sweep < maxSweeps && !this.expired(); sweep++) {
      let gained = false;
      for (const g of this.partitions[sweep % 2]!) {
        if (this.expired()) break;
        const clean =
          g.at &&
          !g.group.some((s) => this.st.crew[s]!.some((v) => this.vChanged[v]! > g.at)) &&
          !g.used.some((v) => this.vChanged[v]! > g.at) &&
          !g.blocked.some((v) => this.vFreed[v]! > g.at);
        if (clean) continue;
        const used: number[] = [];
        const blocked: number[] = [];
        if (this.reoptimize(g.group, used, blocked)) {
          gained = any = true;
          this.moves++;
        }
        this.commit();
        g.at = this.clock;
        g.used = Int32Array.from(used);
        g.blocked = Int32Array.from(blocked);
      }
      if (!gained && sweep > 0) break;
    }
    return any;
  }

  /** Shifts with room, highest risk first (ties in index order). */
  private openShifts(): number[] {
    const out: number[] = [];
    for (let s = 0; s < this.m.nS; s++) if (this.missing(s) > 0 && this.pool(s).length) out.push(s);
    return out.sort((a, b) => this.m.sRisk[b]! - this.m.sRisk[a]! || a - b);
  }

  /** Per checkpoint, the other checkpoints nearest first (a few), for the neighbourhoods. */
  private cpNeighbours: Int32Array[] | null = null;
  private shiftsByCp: number[][] | null = null;

  private neighbourhoods(): { cps: Int32Array[]; shifts: number[][] } {
    const m = this.m;
    if (!this.cpNeighbours || !this.shiftsByCp) {
      const cps = m.problem.checkpoints;
      const d = (a: number, b: number) => {
        const x = cps[a]!;
        const y = cps[b]!;
        if (x.location && y.location) return haversineKm(x.location, y.location);
        let i = 0;
        const p = m.cPath[a]!;
        const q = m.cPath[b]!;
        while (i < p.length && i < q.length && p[i] === q[i]) i++;
        return REGION_DISTANCE_KM[Math.min(i, REGION_DISTANCE_KM.length - 1)]!;
      };
      const k = Math.min(6, m.nC - 1);
      this.cpNeighbours = Array.from({ length: m.nC }, (_, a) => {
        const best: [number, number][] = [];
        for (let b = 0; b < m.nC; b++) {
          if (b === a) continue;
          const x = d(a, b);
          if (best.length < k || x < best[best.length - 1]![0]) {
            best.push([x, b]);
            best.sort((p, q) => p[0] - q[0] || p[1] - q[1]);
            if (best.length > k) best.pop();
          }
        }
        return Int32Array.from(best, (p) => p[1]);
      });
      this.shiftsByCp = Array.from({ length: m.nC }, () => []);
      for (let s = 0; s < m.nS; s++) this.shiftsByCp[m.sCp[s]!]!.push(s);
    }
    return { cps: this.cpNeighbours, shifts: this.shiftsByCp };
  }

  /**
   * Large-neighbourhood search: take out the assignments of a few neighbouring checkpoints over
   * one or two days (or all shifts of a few nearby volunteers), rebuild in a random order, repair,
   * and keep the result when it covers more, or as much at no higher cost.
   */
  search(iterations: number): { iterations: number; accepted: number } {
    const m = this.m;
    const st = this.st;
    if (!m.nS || !m.nC) return { iterations: 0, accepted: 0 };
    const { cps, shifts } = this.neighbourhoods();
    const days = m.sDay.reduce((a, d) => Math.max(a, d + 1), 1);
    const rnd = this.rnd;
    let accepted = 0;
    let done = 0;
    const before = new Float64Array(5);
    for (; done < iterations && !this.expired(); done++) {
      this.commit();
      before.set(this.filled);
      const cost = this.cost();
      const c0 = Math.floor(rnd() * m.nC);
      const touched = new Set<number>();
      const mode = rnd();
      const open = mode < 1 / 3 ? this.openShifts() : [];
      const target = open.length ? open[Math.floor(rnd() * open.length)]! : -1;
      if (target >= 0) {
        // Aimed at coverage: free a few of the people who could serve an uncovered shift, fill it first.
        const p = target;
        const pool = this.pool(p);
        touched.add(p);
        for (let k = 2 + Math.floor(rnd() * 3); k > 0 && pool.length; k--) {
          const v = pool[Math.floor(rnd() * pool.length)]!;
          for (const s of [...st.sched[v]!]) {
            if (this.isLocked(s, v)) continue;
            touched.add(s);
            this.remove(s, v);
          }
        }
      } else if (mode < 2 / 3) {
        const cluster = [c0, ...cps[c0]!.slice(0, Math.floor(rnd() * 3))];
        const d0 = Math.floor(rnd() * days) - 1;
        const d1 = d0 + 1 + Math.floor(rnd() * 2);
        for (const c of cluster) {
          for (const s of shifts[c]!) {
            if (m.sDay[s]! < d0 || m.sDay[s]! > d1) continue;
            touched.add(s);
            for (const v of [...st.crew[s]!]) if (!this.isLocked(s, v)) this.remove(s, v);
          }
        }
      } else {
        const list = this.near[c0]!;
        const n = Math.min(list.length, 24);
        for (let k = 1 + Math.floor(rnd() * 3); k > 0 && n > 0; k--) {
          const v = list[Math.floor(rnd() * n)]!;
          for (const s of [...st.sched[v]!]) {
            if (this.isLocked(s, v)) continue;
            touched.add(s);
            this.remove(s, v);
          }
        }
        for (const s of shifts[c0]!) if (this.missing(s) > 0) touched.add(s);
      }
      const order = [...touched].map((s) => [s, rnd()] as const).sort((a, b) => m.sRisk[b[0]]! - m.sRisk[a[0]]! || a[1] - b[1]);
      if (target >= 0) {
        // The uncovered shift first.
        const i = order.findIndex(([s]) => s === target);
        order.unshift(...order.splice(i, 1));
      }
      for (const [s] of order) {
        while (this.missing(s) > 0) {
          const v = this.bestFor(s);
          if (v < 0) break;
          this.add(s, v);
        }
      }
      for (const [s] of order) {
        if (this.missing(s) > 0) this.augment(s, 2, 50);
      }
      const primary = this.comparePrimary(before);
      if (primary > 0 || (primary === 0 && this.cost() <= cost + EPS)) {
        if (primary > 0 || this.cost() < cost - EPS) accepted++;
        this.moves++;
      } else this.undo(0);
    }
    this.commit();
    return { iterations: done, accepted };
  }
}

/**
 * Assigns volunteers to shifts. Locked assignments are kept (and counted by every rule); every
 * new assignment keeps all hard rules. Throws RosterInputError on a malformed problem.
 */
export function solveRoster(problem: RosterProblem, options: SolveOptions = {}): RosterResult {
  const t0 = performance.now();
  const issues = validateProblem(problem);
  if (issues.length) throw new RosterInputError(issues);
  const weights: Weights = { ...DEFAULT_WEIGHTS, ...options.weights };
  const limit = Math.min(HARD_TIME_CAP_MS, options.timeLimitMs ?? defaultTimeLimitMs(problem));
  const m = compile(problem);
  const locked = problem.locked ?? [];
  const lockedViolations = checkRoster(m, locked);
  const state = new RosterState(m, locked);
  const solver = new Solver(state, weights, options.seed ?? 1, options.nearest ?? 256, t0 + limit);
  for (const a of locked) solver.locked.add(m.shiftIndex.get(a.shiftId)! * m.nV + m.volunteerIndex.get(a.volunteerId)!);
  const t1 = performance.now();
  solver.greedy();
  const t2 = performance.now();
  const ms = { repair: 0, improve: 0, search: 0 };
  let search = { iterations: 0, accepted: 0 };
  if (options.improve !== false) {
    const timed = <T>(f: () => T, into: 'repair' | 'improve' | 'search'): T => {
      const a = performance.now();
      const out = f();
      ms[into] += performance.now() - a;
      return out;
    };
    // Rounds of window re-optimisation, moves and repair, until a round covers nothing more and
    // gains less than 0.1 % of the cost (the tail is long and worth little).
    const rounds = () => {
      for (let round = 0; round < 10 && !solver.expired(); round++) {
        const filled = Float64Array.from(solver.filled);
        const cost = solver.cost();
        timed(() => solver.windows(), 'improve');
        timed(() => solver.improve(), 'improve');
        timed(() => solver.repair(), 'repair');
        if (solver.comparePrimary(filled) === 0 && cost - solver.cost() < 1e-3 * Math.abs(cost)) break;
      }
    };
    timed(() => solver.repair(), 'repair');
    rounds();
    const iterations = options.searchIterations ?? defaultSearchIterations(problem);
    if (iterations > 0 && !solver.expired()) {
      search = timed(() => solver.search(iterations), 'search');
      rounds();
    }
  }
  // Locked pairs first (once each), in their order, then the new ones.
  const key = (a: Assignment) => `${a.shiftId}\u0000${a.volunteerId}`;
  const lockedKeys = new Set(locked.map(key));
  const assignments = [
    ...[...new Map(locked.map((a) => [key(a), a])).values()],
    ...state.assignments().filter((a) => !lockedKeys.has(key(a))),
  ];
  const report = reportOf(state, weights);
  const timings: RosterTimings = {
    totalMs: performance.now() - t0,
    indexMs: t1 - t0,
    greedyMs: t2 - t1,
    repairMs: ms.repair,
    improveMs: ms.improve,
    searchMs: ms.search,
    searchIterations: search.iterations,
    searchAccepted: search.accepted,
    stoppedBy: options.improve === false ? 'construction-only' : solver.timedOut ? 'time' : 'completed',
    moves: solver.moves,
  };
  return { assignments, uncovered: uncoveredOf(state), report, lockedViolations, timings };
}
