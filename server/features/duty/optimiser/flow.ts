/**
 * Min-cost bipartite assignment with lexicographic costs (primary, secondary), improved from a
 * given assignment by cancelling negative cycles. Left nodes take at most one unit, right node r
 * at most cap[r]; the size of the assignment is free (a closing arc sink → source lets a cycle
 * add or remove units). With no negative cycle left in the residual graph the assignment is
 * optimal. Primary costs are integers (exact in a double); secondary costs are km.
 */

/** Edges as parallel arrays (no object per edge: flows are built thousands of times). */
export interface FlowEdges {
  left: number[];
  right: number[];
  primary: number[];
  secondary: number[];
}

/** A cycle must lower the secondary cost by more than this to count, so rounding never loops. */
const TOL = 1e-7;

/**
 * An optimal assignment reached from `current` (left → right or -1), or null when `current` is
 * already optimal. `current` must be feasible and use only given edges.
 */
export function improveAssignment(
  nLeft: number,
  nRight: number,
  cap: ArrayLike<number>,
  edges: FlowEdges,
  current: Int32Array,
  maxCycles = 10_000,
): Int32Array | null {
  const S = nLeft + nRight;
  const T = S + 1;
  const N = T + 1;
  const nE = edges.left.length;
  // Arcs in pairs (a, a ^ 1): source → left, left → right, right → sink, sink → source.
  const M = 2 * (nLeft + nE + nRight + 1);
  const from = new Int32Array(M);
  const to = new Int32Array(M);
  const res = new Int32Array(M);
  const cp = new Float64Array(M);
  const cq = new Float64Array(M);
  const next = new Int32Array(M);
  const head = new Int32Array(N).fill(-1);
  let m = 0;
  const pair = (u: number, v: number, capacity: number, flow: number, p: number, q: number) => {
    from[m] = u;
    to[m] = v;
    res[m] = capacity - flow;
    cp[m] = p;
    cq[m] = q;
    next[m] = head[u]!;
    head[u] = m++;
    from[m] = v;
    to[m] = u;
    res[m] = flow;
    cp[m] = -p;
    cq[m] = -q;
    next[m] = head[v]!;
    head[v] = m++;
  };
  const load = new Int32Array(nRight);
  let flow = 0;
  for (let l = 0; l < nLeft; l++) {
    if (current[l]! >= 0) {
      load[current[l]!]!++;
      flow++;
    }
    pair(S, l, 1, current[l]! >= 0 ? 1 : 0, 0, 0);
  }
  const firstEdge = m;
  for (let e = 0; e < nE; e++) {
    const l = edges.left[e]!;
    const r = edges.right[e]!;
    pair(l, nLeft + r, 1, current[l] === r ? 1 : 0, edges.primary[e]!, edges.secondary[e]!);
  }
  const endEdges = m;
  for (let r = 0; r < nRight; r++) pair(nLeft + r, T, cap[r]!, load[r]!, 0, 0);
  pair(T, S, nLeft, flow, 0, 0);

  const distP = new Float64Array(N);
  const distQ = new Float64Array(N);
  const parent = new Int32Array(N);
  const count = new Int32Array(N);
  const inQueue = new Uint8Array(N);
  const queue = new Int32Array(N + 1);
  const walkMark = new Int32Array(N);
  let walkId = 0;
  /** One node on each cycle of parent arcs (each node has one parent, so the cycles are disjoint). */
  const parentCycles = (): number[] => {
    const base = walkId + 1;
    const found: number[] = [];
    for (let start = 0; start < N; start++) {
      if (walkMark[start]! >= base) continue;
      const id = ++walkId;
      let v = start;
      while (v >= 0 && walkMark[v]! < base) {
        walkMark[v] = id;
        v = parent[v]! >= 0 ? from[parent[v]!]! : -1;
      }
      if (v >= 0 && walkMark[v] === id) found.push(v);
    }
    return found;
  };

  let changed = false;
  for (let round = 0; round < maxCycles; round++) {
    // SPFA from a virtual source (every node at 0). A negative cycle shows up among the parent
    // arcs, looked for every N relaxations, long before some node is relaxed N times.
    distP.fill(0);
    distQ.fill(0);
    parent.fill(-1);
    count.fill(0);
    let qHead = 0;
    let qTail = 0;
    for (let v = 0; v < N; v++) {
      queue[qTail++] = v;
      inQueue[v] = 1;
    }
    let hits: number[] = [];
    let relaxations = 0;
    search: while (qHead !== qTail) {
      const u = queue[qHead]!;
      qHead = qHead === N ? 0 : qHead + 1;
      inQueue[u] = 0;
      for (let a = head[u]!; a !== -1; a = next[a]!) {
        if (res[a]! <= 0) continue;
        const v = to[a]!;
        const np = distP[u]! + cp[a]!;
        const nq = distQ[u]! + cq[a]!;
        if (np < distP[v]! || (np === distP[v]! && nq < distQ[v]! - TOL)) {
          distP[v] = np;
          distQ[v] = nq;
          parent[v] = a;
          if (++count[v]! >= N || ++relaxations % N === 0) {
            hits = parentCycles();
            if (hits.length) break search;
          }
          if (!inQueue[v]) {
            inQueue[v] = 1;
            queue[qTail] = v;
            qTail = qTail === N ? 0 : qTail + 1;
          }
        }
      }
    }
    // Cancel every negative cycle found at once (they share no node, so no arc either).
    let cancelled = false;
    for (const hit of hits) {
      const cycle: number[] = [];
      let v = hit;
      do {
        const a = parent[v]!;
        cycle.push(a);
        v = from[a]!;
      } while (v !== hit && cycle.length <= N);
      let sumP = 0;
      let sumQ = 0;
      for (const a of cycle) {
        sumP += cp[a]!;
        sumQ += cq[a]!;
      }
      if (v !== hit || !(sumP < 0 || (sumP === 0 && sumQ < -TOL)) || cycle.some((a) => res[a]! <= 0)) continue;
      for (const a of cycle) {
        res[a]!--;
        res[a ^ 1]!++;
      }
      cancelled = changed = true;
    }
    if (!cancelled) break;
  }
  if (!changed) return null;
  const match = new Int32Array(nLeft).fill(-1);
  for (let a = firstEdge; a < endEdges; a += 2) if (res[a] === 0) match[from[a]!] = to[a]! - nLeft;
  return match;
}
