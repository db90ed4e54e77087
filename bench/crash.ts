/**
 * npm run test:crash — an acknowledged write survives the server being killed (DESIGN.md §2).
 * Drives unit creates (16 in flight, each with its own Idempotency-Key) against a real server,
 * SIGKILLs it after a random 200–600 acknowledgements, restarts it on the same database and checks
 * that every acknowledged unit is there and the database is consistent. SQLite always; PostgreSQL
 * when reachable (REDVEST_BENCH_PG_URL, default postgres://postgres@127.0.0.1:5432/postgres).
 *
 * SIGKILL ends the process, not the machine: the page cache survives, so this proves that nothing
 * is acknowledged before its commit, and that recovery works; power-cut durability rests on
 * synchronous=FULL / PostgreSQL's fsync, which no process-level test can show.
 */
import { randomUUID } from 'node:crypto';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { parseArgs } from 'node:util';
import type { DatabaseConfig } from '../server/config.ts';
import type { ServerChild } from './lib/children.ts';
import { countByName, inspect, type InFlight } from './lib/integrity.ts';
import { freshPostgres, prepareDatabase, signIn, startRedvest, type Session } from './lib/redvest.ts';

const { values: flags } = parseArgs({
  options: { rounds: { type: 'string', default: '3' }, concurrency: { type: 'string', default: '16' } },
});
const ROUNDS = Number(flags.rounds);
const CONCURRENCY = Number(flags.concurrency);

/** One unit create with its Idempotency-Key; the same request is what a retry resends. */
function createUnit(server: ServerChild, session: Session, countyId: string, request: InFlight): Promise<Response> {
  return fetch(`${server.url}/api/v1/units`, {
    method: 'POST',
    headers: {
      'content-type': 'application/json',
      cookie: session.cookie,
      'x-csrf-token': session.csrf,
      'idempotency-key': request.key,
    },
    body: JSON.stringify({ name: request.name, kind: 'county_unit', regionId: countyId }),
  });
}

interface Load {
  sent: number;
  acknowledged: string[];
  inFlight: InFlight[];
  /** Answers other than 201 before the kill: each one is a failure. */
  unexpected: string[];
}

/** Creates units until `killAfter` are acknowledged, then SIGKILLs the server with the rest in flight. */
async function loadUntilKill(
  server: ServerChild,
  session: Session,
  countyId: string,
  round: string,
  killAfter: number,
): Promise<Load> {
  const load: Load = { sent: 0, acknowledged: [], inFlight: [], unexpected: [] };
  const pending = new Map<number, InFlight>();
  let killing: Promise<void> | null = null;
  const worker = async () => {
    while (!killing) {
      const seq = load.sent++;
      const request = { name: `crash-${round}-${seq}`, key: randomUUID() };
      pending.set(seq, request);
      try {
        const res = await createUnit(server, session, countyId, request);
        const body = await res.text();
        if (res.status !== 201) {
          if (!killing) load.unexpected.push(`${res.status} ${body.slice(0, 200)}`);
          continue;
        }
        load.acknowledged.push((JSON.parse(body) as { id: string }).id);
        pending.delete(seq);
        if (load.acknowledged.length >= killAfter && !killing) {
          load.inFlight = [...pending.values()];
          killing = server.kill();
        }
      } catch {
        // Connection cut by the kill: this request was never acknowledged.
      }
      if (load.unexpected.length && !killing) killing = server.kill();
    }
  };
  await Promise.all(Array.from({ length: CONCURRENCY }, worker));
  await killing;
  return load;
}

/**
 * The client's side of a crash: every request left unanswered is sent again with its key. Each
 * must end as exactly one unit — created now, replayed, or refused as already done — never two.
 */
async function retryUnanswered(
  server: ServerChild,
  session: Session,
  countyId: string,
  inFlight: InFlight[],
  config: DatabaseConfig,
): Promise<string[]> {
  const problems: string[] = [];
  for (const request of inFlight) {
    const res = await createUnit(server, session, countyId, request);
    const body = await res.text();
    const settled = res.status === 201 || (res.status === 409 && /IDEMPOTENCY_(IN_FLIGHT|ANSWER_LOST)/.test(body));
    if (!settled) problems.push(`retry of ${request.name}: ${res.status} ${body.slice(0, 160)}`);
  }
  const counts = await countByName(
    config,
    inFlight.map((r) => r.name),
  );
  for (const r of inFlight)
    if (counts.get(r.name) !== 1) problems.push(`${r.name}: ${counts.get(r.name) ?? 0} units after the retry`);
  return problems;
}

interface Round {
  db: string;
  round: number;
  sent: number;
  acknowledged: number;
  found: number;
  inFlightAtKill: number;
  integrity: string;
  seconds: number;
  ok: boolean;
}

async function crashRounds(label: string, config: DatabaseConfig, dir: string): Promise<Round[]> {
  const seeded = await prepareDatabase(config, 1);
  const login = seeded.logins[0]!;
  const start = () => startRedvest(config, { dataDir: dir, logFile: join(dir, `${label}-server.log`) });
  let server = await start();
  const rounds: Round[] = [];
  try {
    for (let round = 1; round <= ROUNDS; round++) {
      const began = performance.now();
      const session = await signIn(server.url, login);
      const killAfter = 200 + Math.floor(Math.random() * 401);
      const load = await loadUntilKill(server, session, seeded.countyId, `${label}${round}`, killAfter);
      server = await start();
      const f = await inspect(config, load.acknowledged, load.inFlight, session.accountId);
      const retried = await retryUnanswered(server, await signIn(server.url, login), seeded.countyId, load.inFlight, config);
      const ok =
        load.unexpected.length === 0 && f.found === load.acknowledged.length && f.integrity === 'ok' && retried.length === 0;
      const u = f.unacknowledged;
      console.log(
        `${label} round ${round}: sent ${load.sent}, acknowledged ${load.acknowledged.length}, found ${f.found}, ` +
          `ratio ${(f.found / load.acknowledged.length).toFixed(3)}, integrity ${f.integrity}, ${f.units} units in all, ` +
          `${load.inFlight.length} in flight at the kill (committed+key done ${u.committedDone}, committed+key in_flight ${u.committedInFlight}, ` +
          `not committed ${u.notCommitted}); retried with their keys: ${retried.length ? `${retried.length} problems` : 'each exactly once'}, ` +
          `${((performance.now() - began) / 1000).toFixed(1)} s${ok ? '' : '  FAILED'}`,
      );
      for (const problem of retried.slice(0, 5)) console.log(`  ${problem}`);
      for (const answer of load.unexpected.slice(0, 5)) console.log(`  unexpected answer before the kill: ${answer}`);
      rounds.push({
        db: label,
        round,
        sent: load.sent,
        acknowledged: load.acknowledged.length,
        found: f.found,
        inFlightAtKill: load.inFlight.length,
        integrity: f.integrity,
        seconds: (performance.now() - began) / 1000,
        ok,
      });
    }
  } finally {
    await server.stop();
  }
  return rounds;
}

async function main(): Promise<number> {
  const began = performance.now();
  const dir = mkdtempSync(join(tmpdir(), 'redvest-crash-'));
  const rounds: Round[] = [];
  let failed = false;
  try {
    rounds.push(...(await crashRounds('sqlite', { kind: 'sqlite', file: join(dir, 'crash.db') }, dir)));
    const pg = await freshPostgres('redvest_crash');
    if ('skipped' in pg) {
      console.log(`postgres: SKIPPED — ${pg.skipped}`);
    } else {
      try {
        rounds.push(...(await crashRounds('postgres', pg.config, dir)));
      } finally {
        await pg.drop();
      }
    }
  } catch (e) {
    console.error(`crash test could not run: ${e instanceof Error ? e.message : String(e)}`);
    failed = true;
  } finally {
    rmSync(dir, { recursive: true, force: true });
  }
  const acknowledged = rounds.reduce((n, r) => n + r.acknowledged, 0);
  const found = rounds.reduce((n, r) => n + r.found, 0);
  failed ||= rounds.some((r) => !r.ok);
  console.log(
    `\ncrash test: ${rounds.length} kills, ${rounds.reduce((n, r) => n + r.sent, 0)} sent, ${acknowledged} acknowledged, ${found} found, ` +
      `ratio ${acknowledged ? (found / acknowledged).toFixed(3) : 'n/a'}, ${((performance.now() - began) / 1000).toFixed(1)} s — ${failed ? 'FAILED' : 'passed'}`,
  );
  return failed ? 1 : 0;
}

process.exit(await main());
