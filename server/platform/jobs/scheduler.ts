/**
 * A small scheduler for several instances (DESIGN.md §2): time is cut into slots per job; each
 * instance tries to claim the current slot with a unique row, so each slot runs exactly once
 * whatever the number of instances. A failed run is retried (with a pause) up to `maxAttempts`;
 * a run whose instance died is taken over once it has gone stale. Failures stay visible to admins
 * through `GET /api/v1/jobs`.
 */
import { hostname } from 'node:os';
import type { Db } from '../db/connect.ts';
import { nowIso } from '../db/ids.ts';
import { claimSlot, finishRun, reclaim, retryable } from './job-runs.repository.ts';

export interface JobDefinition {
  name: string;
  /** Slot length: the job runs once per slot. */
  everyMs: number;
  /** `slot` is the ISO start of the slot being run (a retry runs its original slot). */
  run(slot: string): Promise<void>;
  maxAttempts?: number;
  /** A running attempt older than this is presumed dead and may be taken over. */
  staleAfterMs?: number;
  /** Pause after a failure before another attempt. */
  retryAfterMs?: number;
}

export interface SchedulerOptions {
  /** How often each instance looks for due work. */
  tickMs?: number;
  instance?: string;
  /** The clock, in epoch milliseconds; tests drive it. */
  now?: () => number;
  onError?: (job: string, error: unknown) => void;
  /** Told of every finished run, for metrics. */
  onRun?: (job: string, status: 'ok' | 'failed', seconds: number) => void;
}

export class Scheduler {
  private timer: NodeJS.Timeout | null = null;
  private readonly busy = new Set<string>();
  private ticking: Promise<void> | null = null;
  readonly instance: string;
  private readonly now: () => number;

  constructor(
    private readonly db: Db,
    private readonly jobs: JobDefinition[],
    private readonly options: SchedulerOptions = {},
  ) {
    this.instance = options.instance ?? `${hostname()}:${process.pid}`;
    this.now = options.now ?? Date.now;
  }

  start(): void {
    if (this.timer) return;
    const tick = this.options.tickMs ?? 1_000;
    this.timer = setInterval(() => {
      this.ticking ??= this.tick().finally(() => (this.ticking = null));
    }, tick);
    this.timer.unref();
  }

  async stop(): Promise<void> {
    if (this.timer) clearInterval(this.timer);
    this.timer = null;
    await this.ticking;
    await this.idle();
  }

  /** Resolves when no job of this instance is running. */
  async idle(): Promise<void> {
    while (this.busy.size) await new Promise((r) => setTimeout(r, 5));
  }

  /** One look for due work; public so tests can drive it with their clock. */
  async tick(): Promise<void> {
    const now = this.now();
    const at = nowIso(new Date(now));
    for (const job of this.jobs) {
      if (this.busy.has(job.name)) continue;
      try {
        const slot = nowIso(new Date(Math.floor(now / job.everyMs) * job.everyMs));
        if (await claimSlot(this.db.db, job.name, slot, this.instance, at)) {
          this.launch(job, slot);
          continue;
        }
        const stale = nowIso(new Date(now - (job.staleAfterMs ?? 10 * 60_000)));
        const since = nowIso(new Date(now - 24 * 3600_000));
        for (const run of await retryable(this.db.db, job.name, job.maxAttempts ?? 3, stale, since)) {
          const pausedEnough =
            run.status === 'running' ||
            !run.finishedAt ||
            now - new Date(run.finishedAt).getTime() >= (job.retryAfterMs ?? 30_000);
          if (pausedEnough && (await reclaim(this.db.db, run, this.instance, at))) {
            this.launch(job, run.slot);
            break;
          }
        }
      } catch (e) {
        this.options.onError?.(job.name, e); // database briefly away: the next tick tries again
      }
    }
  }

  private launch(job: JobDefinition, slot: string): void {
    this.busy.add(job.name);
    const began = performance.now();
    const report = (status: 'ok' | 'failed') => this.options.onRun?.(job.name, status, (performance.now() - began) / 1000);
    void job
      .run(slot)
      .then(
        () => {
          report('ok');
          return finishRun(this.db.db, job.name, slot, nowIso(new Date(this.now())), { status: 'ok' });
        },
        (e: unknown) => {
          report('failed');
          this.options.onError?.(job.name, e);
          return finishRun(this.db.db, job.name, slot, nowIso(new Date(this.now())), {
            status: 'failed',
            error: e instanceof Error ? e.message : String(e),
          });
        },
      )
      .catch((e: unknown) => this.options.onError?.(job.name, e))
      .finally(() => this.busy.delete(job.name));
  }
}
