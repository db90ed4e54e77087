/**
 * Load measurements. Each comparison's sides take turns (A B, B A, …) for several short rounds,
 * so the drift of a shared, noisy machine falls on both sides alike rather than on whichever ran
 * second. Throughput counts 2xx answers only, so a route that starts failing cannot look fast;
 * latency percentiles come from every answer's own time (autocannon's summary has no p95).
 */
import autocannon, { type Request } from 'autocannon';
import type { Settings } from './report.ts';

export interface Measured {
  label: string;
  /** 2xx answers per second. */
  rps: number;
  p50: number;
  p95: number;
  p99: number;
  ok: number;
  /** Non-2xx answers, errors and timeouts. */
  failed: number;
  seconds: number;
}

export interface Tally {
  ok: number;
  failed: number;
  seconds: number;
}

/** One side of a comparison: runs load for `seconds`, pushing each answer's time (ms) when asked. */
export interface Side {
  label: string;
  run(seconds: number, latencies: number[] | null): Promise<Tally>;
}

export function percentile(sorted: number[], p: number): number {
  if (!sorted.length) return NaN;
  return sorted[Math.min(sorted.length - 1, Math.ceil((p / 100) * sorted.length) - 1)]!;
}

/** Warms every side up, then runs `rounds` rounds alternating the order; returns one result per side. */
export async function alternate(sides: Side[], s: Settings): Promise<Measured[]> {
  const totals = sides.map(() => ({ ok: 0, failed: 0, seconds: 0, latencies: [] as number[] }));
  if (s.warmupSeconds > 0) for (const side of sides) await side.run(s.warmupSeconds, null);
  for (let round = 0; round < s.rounds; round++) {
    const order = sides.map((_, i) => i);
    if (round % 2) order.reverse();
    for (const i of order) {
      const t = await sides[i]!.run(s.seconds, totals[i]!.latencies);
      totals[i]!.ok += t.ok;
      totals[i]!.failed += t.failed;
      totals[i]!.seconds += t.seconds;
    }
  }
  return sides.map((side, i) => {
    const t = totals[i]!;
    const sorted = t.latencies.sort((a, b) => a - b);
    const p = (q: number) => percentile(sorted, q);
    return {
      label: side.label,
      rps: t.ok / t.seconds,
      p50: p(50),
      p95: p(95),
      p99: p(99),
      ok: t.ok,
      failed: t.failed,
      seconds: t.seconds,
    };
  });
}

export interface LoadOptions {
  url: string;
  connections: number;
  method?: 'GET' | 'POST';
  path: string;
  headers?: Record<string, string>;
  /** `[<id>]` anywhere in body or headers becomes a fresh id per request. */
  body?: string;
  setupRequest?: Request['setupRequest'];
}

/** A side driven by autocannon from this process. */
export function cannon(label: string, o: LoadOptions): Side {
  const request: Request = {
    method: o.method ?? 'GET',
    path: o.path,
    ...(o.headers ? { headers: o.headers } : {}),
    ...(o.body === undefined ? {} : { body: o.body }),
    ...(o.setupRequest ? { setupRequest: o.setupRequest } : {}),
  };
  return {
    label,
    run: (seconds, latencies) =>
      new Promise((resolve, reject) => {
        const options = { url: o.url, connections: o.connections, duration: seconds, idReplacement: true, requests: [request] };
        // The callback form returns the instance, whose 'response' events carry each answer's time.
        const instance = autocannon(options, (err: unknown, r: autocannon.Result) => {
          if (err) return reject(err as Error);
          const failed = r.non2xx + r.errors + r.timeouts;
          if (failed)
            console.log(`  ${label}: ${failed} answers were not 2xx (${JSON.stringify(r.statusCodeStats)}, ${r.errors} errors)`);
          resolve({ ok: r['2xx'], failed, seconds: r.duration });
        });
        if (latencies) instance.on('response', (_client, _status, _bytes, ms) => latencies.push(ms));
      }),
  };
}
