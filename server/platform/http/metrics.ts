/**
 * Prometheus metrics at `/metrics` (issue 3): request rate and latency per route, event-loop lag
 * and the rest of Node's defaults, the database pool, and scheduled job runs. One registry per app,
 * so several apps in one process (tests) keep separate counts.
 */
import type { FastifyInstance } from 'fastify';
import { Counter, Gauge, Histogram, Registry, collectDefaultMetrics } from 'prom-client';
import type { Config } from '../../config.ts';
import type { Db } from '../db/connect.ts';
import { safeEqual } from '../auth/tokens.ts';
import { AppError } from '../errors.ts';

export interface Metrics {
  registry: Registry;
  jobRun(job: string, status: 'ok' | 'failed', seconds: number): void;
}

export function installMetrics(app: FastifyInstance, config: Config, db: Db): Metrics {
  const registry = new Registry();
  collectDefaultMetrics({ register: registry, prefix: 'redvest_' });

  const requests = new Counter({
    name: 'redvest_http_requests_total',
    help: 'HTTP requests by route and status',
    labelNames: ['method', 'route', 'status'],
    registers: [registry],
  });
  const duration = new Histogram({
    name: 'redvest_http_request_duration_seconds',
    help: 'HTTP request duration by route',
    labelNames: ['method', 'route'],
    buckets: [0.005, 0.01, 0.025, 0.05, 0.1, 0.25, 0.5, 1, 2.5, 5],
    registers: [registry],
  });
  const jobRuns = new Counter({
    name: 'redvest_job_runs_total',
    help: 'Scheduled job runs by outcome',
    labelNames: ['job', 'status'],
    registers: [registry],
  });
  const jobSeconds = new Histogram({
    name: 'redvest_job_run_seconds',
    help: 'Scheduled job run time',
    labelNames: ['job'],
    registers: [registry],
  });
  const pool = (name: string, help: string, pick: (s: ReturnType<Db['poolStats']>) => number) =>
    new Gauge({
      name,
      help,
      registers: [registry],
      collect() {
        this.set(pick(db.poolStats()));
      },
    });
  pool('redvest_db_pool_connections', 'Database connections open', (s) => s.total);
  pool('redvest_db_pool_idle', 'Database connections idle', (s) => s.idle);
  pool('redvest_db_pool_waiting', 'Queries waiting for a database connection', (s) => s.waiting);
  const group = db.groupCommit;
  if (group) {
    // Read at scrape time: writes ÷ commits is how many writes shared each disk flush.
    const counted = (name: string, help: string, pick: () => number) => {
      let seen = 0;
      new Counter({
        name,
        help,
        registers: [registry],
        collect() {
          const now = pick();
          this.inc(now - seen);
          seen = now;
        },
      });
    };
    counted('redvest_sqlite_commits_total', 'SQLite group commits, one disk flush each', () => group.stats.commits);
    counted('redvest_sqlite_writes_total', 'SQLite writes committed in those groups', () => group.stats.writes);
  }

  app.addHook('onResponse', async (request, reply) => {
    // The route template, never the raw URL: ids would explode the label set.
    const route = request.routeOptions.url ?? 'unmatched';
    requests.inc({ method: request.method, route, status: String(reply.statusCode) });
    duration.observe({ method: request.method, route }, reply.elapsedTime / 1000);
  });

  app.get('/metrics', { config: { access: 'public' }, schema: { hide: true } }, async (request, reply) => {
    if (config.metricsToken) {
      const sent = request.headers.authorization?.replace(/^Bearer /, '') ?? '';
      if (!safeEqual(sent, config.metricsToken)) throw new AppError(401, 'UNAUTHENTICATED');
    }
    return reply.type(registry.contentType).send(await registry.metrics());
  });

  return {
    registry,
    jobRun(job, status, seconds) {
      jobRuns.inc({ job, status });
      jobSeconds.observe({ job }, seconds);
    },
  };
}
