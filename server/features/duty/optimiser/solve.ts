/**
 * The roster heuristic (README.md):
 *  1. greedy construction, positions in risk order (first person of every shift before the
 *     second, scarce time windows first), each to the cheapest feasible volunteer;
 *  2. repair: ejection chains that put one more person on an uncovered shift by moving people
 *     along (v leaves q for s, w leaves x for q, …), dropping a position only when its risk is
 *     lower than the one gained;
 *  3. improvement: coverage-neutral moves (reassign, swap, move to an uncovered position of the
 *     same risk) that lower distance + load spread − team pairs;
 *  4. large-neighbourhood search: remove the assignments of a few nearby checkpoints over a day
 *     or two (or of a few volunteers), rebuild, keep the result when it is no worse.
 * Every step keeps every hard rule. Ties are broken by seeded keys, and the search is bounded by
 * a number of iterations, so a problem and a seed give one roster (unless the time cap cuts in).
 */
import { checkRoster, RosterState } from './rules.ts';
import { compile, dist, haversineKm, intersects, permitted, REGION_DISTANCE_KM, type Model } from './model.ts';
import {
  DEFAULT_WEIGHTS,
  HARD_TIME_CAP_MS,
  RosterInputError,
  validateProblem,
  type RosterProblem,
  type RosterResult,
  type RosterTimings,
  type SolveOptions,
  type Weights,
} from './problem.ts';
import { reportOf, uncoveredOf } from './report.ts';

const EPS = 1e-9;
/** Nearest volunteers tried when moving someone to an uncovered position of the same risk. */
const MOVE_WIDTH = 64;
/** Candidates tried per step of a chain. */
const CHAIN_WIDTH = 64;

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

const positionsOf = (problem: RosterProblem) => problem.shifts.reduce((a, s) => a + s.required, 0);

/** Default safety cap: proportional to the number of positions, between 0.5 s and 8 s. */
export function defaultTimeLimitMs(problem: RosterProblem): number {
  return Math.min(HARD_TIME_CAP_MS, Math.max(500, positionsOf(problem) * 0.2));
}

/** Default large-neighbourhood iterations: enough to settle small rosters, bounded for large ones. */
export function defaultSearchIterations(problem: RosterProblem): number {
  return Math.min(3_000, Math.max(300, Math.round(positionsOf(problem) * 2)));
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
    this.buildNear(nearest);
    this.sWin = new Int32Array(m.nS);
    const keys = new Map<string, number>();
    for (let s = 0; s < m.nS; s++) {
      const key = `${m.sStart[s]},${m.sEnd[s]},${m.cTeamKey[m.sCp[s]!]}`;
      let k = keys.get(key);
      if (k === undefined) keys.set(key, (k = keys.size));
      this.sWin[s] = k;
    }
    this.chainBudget = m.nV <= 200 ? 4_000 : 400;
    // The objective of what is already there (locked pairs).
    for (let s = 0; s < m.nS; s++) {
      const crew = st.crew[s]!;
      this.filled[m.sRisk[s]!] += Math.min(crew.length, m.sReq[s]!);
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
      const keys = new Float64Array(pool.length);
      for (let i = 0; i < pool.length; i++) keys[i] = Math.round(dist(m, pool[i]!, c) * 1000) * span + pool[i]!;
      keys.sort();
      const n = Math.min(k, pool.length);
      const list = new Int32Array(n);
      const d = new Float64Array(n);
      for (let i = 0; i < n; i++) {
        const v = keys[i]! % span;
        list[i] = v;
        d[i] = dist(m, v, c);
      }
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
    if (st.crew[s]!.length < m.sReq[s]!) this.filled[m.sRisk[s]!]++;
    this.distSum += dist(m, v, m.sCp[s]!);
    this.sumSq += 2 * st.sched[v]!.length + 1;
    if (this.w.teamKm) this.pairs += this.teamPairs(s, v);
    st.add(s, v);
    this.log.push((s * m.nV + v) * 2 + 1);
  }

  remove(s: number, v: number): void {
    const m = this.m;
    const st = this.st;
    st.remove(s, v);
    if (st.crew[s]!.length < m.sReq[s]!) this.filled[m.sRisk[s]!]--;
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
      if (this.place(s, dropBelow, depth, { n: budgetPerTry })) return true;
      if (this.timedOut) return false;
    }
    return false;
  }

  /** Covers what the chains can, highest risk first, until a pass changes nothing. */
  repair(): boolean {
    const m = this.m;
    const st = this.st;
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
        const before = st.version;
        while (this.missing(s) > 0 && this.augment(s, 3, this.chainBudget)) this.moves++;
        this.commit();
        if (st.version !== before) {
          progress = any = true;
          failed.clear();
        } else failed.add(sig);
      }
      if (!progress) break;
    }
    return any;
  }

  /** Coverage-neutral moves that lower the cost, until a pass finds none; true when any was made. */
  improve(): boolean {
    let any = false;
    for (let pass = 0; pass < 50 && !this.expired(); pass++) {
      const before = this.moves;
      this.reassignPass();
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

  /** (q, v) → (q, u) where u is nearer or less loaded. */
  private reassignPass(): void {
    const m = this.m;
    const st = this.st;
    const lw = this.w.loadKm;
    const tw = this.w.teamKm;
    for (const [q, v] of this.assignmentsList()) {
      if (this.expired()) break;
      if (!st.has(q, v)) continue;
      const c = m.sCp[q]!;
      const lv = st.sched[v]!.length;
      const dv = dist(m, v, c);
      const pv = tw ? this.teamPairs(q, v) : 0;
      // Δ = d − dv + 2·lw·(l_u − lv + 1) − tw·(pairs_u − pv) ≥ d − keep − crewSlack
      const keep = dv + lw * 2 * (lv - 1) - tw * pv;
      const crewSlack = tw * (st.crew[q]!.length - 1);
      const list = this.near[c]!;
      const ds = this.nearD[c]!;
      const mask = m.sMask[q]!;
      let best = -1;
      let bestDelta = -EPS;
      for (let i = 0; i < list.length; i++) {
        const d = ds[i]!;
        if (d - keep - crewSlack >= bestDelta) break;
        const u = list[i]!;
        if (u === v || (mask & ~m.vMask[u]!) !== 0 || !st.timeOk(q, u)) continue;
        const delta = d - dv + lw * 2 * (st.sched[u]!.length - lv + 1) - (tw ? tw * (this.teamPairs(q, u, v) - pv) : 0);
        if (delta < bestDelta) {
          best = u;
          bestDelta = delta;
        }
      }
      if (best >= 0) {
        this.remove(q, v);
        this.add(q, best);
        this.moves++;
      }
    }
  }

  /** (q1, v), (q2, w) → (q1, w), (q2, v) when w is nearer q1 and the pair's cost falls. */
  private swapPass(): void {
    const m = this.m;
    const st = this.st;
    const tw = this.w.teamKm;
    for (const [q1, v] of this.assignmentsList()) {
      if (this.expired()) break;
      if (!st.has(q1, v)) continue;
      const c1 = m.sCp[q1]!;
      const dv1 = dist(m, v, c1);
      const list = this.near[c1]!;
      const ds = this.nearD[c1]!;
      const slack = tw * 2 * m.sReq[q1]!;
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
          if (delta >= -EPS || !st.staticOk(q2, v)) continue;
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
      let tried = 0;
      for (let i = 0; i < list.length && tried < MOVE_WIDTH && this.missing(p) > 0; i++) {
        const v = list[i]!;
        if ((mask & ~m.vMask[v]!) !== 0 || st.has(p, v)) continue;
        tried++;
        let best = -1;
        let bestDelta = -EPS;
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
    const days = Math.max(1, ...Array.from(m.sDay, (d) => d + 1));
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
      if (rnd() < 0.5) {
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
      for (const [s] of order) {
        while (this.missing(s) > 0) {
          const v = this.bestFor(s);
          if (v < 0) break;
          this.add(s, v);
        }
      }
      for (const [s] of order) {
        if (this.missing(s) > 0) this.augment(s, 2, 200);
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
  let repairMs = 0;
  let improveMs = 0;
  let searchMs = 0;
  let search = { iterations: 0, accepted: 0 };
  const phase = (f: () => void, add: (ms: number) => void) => {
    const a = performance.now();
    f();
    add(performance.now() - a);
  };
  if (options.improve !== false) {
    phase(
      () => solver.repair(),
      (ms) => (repairMs += ms),
    );
    phase(
      () => solver.improve(),
      (ms) => (improveMs += ms),
    );
    phase(
      () => (search = solver.search(options.searchIterations ?? defaultSearchIterations(problem))),
      (ms) => (searchMs += ms),
    );
    for (let round = 0; round < 5 && !solver.expired(); round++) {
      let changed = false;
      phase(
        () => (changed = solver.repair()),
        (ms) => (repairMs += ms),
      );
      phase(
        () => (changed = solver.improve() || changed),
        (ms) => (improveMs += ms),
      );
      if (!changed) break;
    }
  }
  const lockedKeys = new Set(locked.map((a) => `${a.shiftId}\u0000${a.volunteerId}`));
  const assignments = [...locked, ...state.assignments().filter((a) => !lockedKeys.has(`${a.shiftId}\u0000${a.volunteerId}`))];
  const report = reportOf(state, weights);
  const timings: RosterTimings = {
    totalMs: performance.now() - t0,
    indexMs: t1 - t0,
    greedyMs: t2 - t1,
    repairMs,
    improveMs,
    searchMs,
    searchIterations: search.iterations,
    searchAccepted: search.accepted,
    stoppedBy: options.improve === false ? 'construction-only' : solver.timedOut ? 'time' : 'converged',
    moves: solver.moves,
  };
  return { assignments, uncovered: uncoveredOf(state), report, lockedViolations, timings };
}
