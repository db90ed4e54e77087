/**
 * Our real server as the benchmarks and the crash test use it: a database made ready (migrated,
 * one city with one county, accounts managing the county), `server/main.ts serve` in a child
 * process, and a client that signs in the way the web app does.
 */
import { randomBytes } from 'node:crypto';
import { resolve } from 'node:path';
import pg from 'pg';
import type { DatabaseConfig } from '../../server/config.ts';
import { hashPassword } from '../../server/platform/auth/password.ts';
import { connect } from '../../server/platform/db/connect.ts';
import { newId, nowIso } from '../../server/platform/db/ids.ts';
import { migrateToLatest } from '../../server/platform/db/migrate.ts';
import { freePort, startServer, type ServerChild } from './children.ts';

export const ROOT = resolve(import.meta.dirname, '../..');
export const PASSWORD = 'bench-password-1';
/** Where PostgreSQL runs for the crash test and the benchmarks; a fresh database is made on it. */
export const PG_ADMIN_URL = process.env.REDVEST_BENCH_PG_URL || 'postgres://postgres@127.0.0.1:5432/postgres';

export interface Seeded {
  countyId: string;
  logins: string[];
}

/** Migrates, then adds a city, a county and `accounts` region managers of that county. */
export async function prepareDatabase(config: DatabaseConfig, accounts: number): Promise<Seeded> {
  const db = connect(config);
  try {
    await migrateToLatest(db);
    const now = nowIso();
    const cityId = newId();
    const countyId = newId();
    const region = (id: string, parent: { id: string; path: string } | null, level: string) => ({
      id,
      parentId: parent?.id ?? null,
      code: null,
      name: `bench-${level}-${id.slice(-6)}`,
      level,
      path: `${parent?.path ?? '/'}${id}/`,
      sortOrder: 0,
      createdAt: now,
      updatedAt: now,
    });
    const city = region(cityId, null, 'city');
    await db.db
      .insertInto('regions')
      .values([city, region(countyId, city, 'county')])
      .execute();
    const passwordHash = await hashPassword(PASSWORD);
    const logins: string[] = [];
    for (let i = 0; i < accounts; i++) {
      const id = newId();
      const login = `bench-${i}-${id.slice(-6)}`;
      const account = { id, login, name: '压测', mobile: `139${String(i).padStart(8, '0')}`, passwordHash, status: 'active' };
      await db.db
        .insertInto('accounts')
        .values({ ...account, mustChangePassword: 0, language: 'zh-CN', createdAt: now, updatedAt: now, passwordChangedAt: now })
        .execute();
      await db.db
        .insertInto('roleGrants')
        .values({ id: newId(), accountId: id, role: 'region_manager', regionId: countyId, createdAt: now })
        .execute();
      logins.push(login);
    }
    return { countyId, logins };
  } finally {
    await db.close();
  }
}

export function databaseUrl(config: DatabaseConfig): string {
  return config.kind === 'sqlite' ? `sqlite:${config.file}` : config.url;
}

function cpuProfile(): string[] {
  const dir = process.env.REDVEST_BENCH_CPU_PROF;
  return dir ? ['--cpu-prof', `--cpu-prof-dir=${dir}`] : [];
}

/** `node --import tsx server/main.ts serve` on a free port, API only, request logging off. */
export async function startRedvest(
  config: DatabaseConfig,
  /** `env`: more settings for this server (e.g. report windows), over the ones below. */
  o: {
    dataDir: string;
    logFile: string;
    core?: number;
    env?: NodeJS.ProcessEnv;
    /** `demo` loads the demo city into the database before listening. */
    command?: 'serve' | 'demo';
    readyTimeoutMs?: number;
  },
): Promise<ServerChild> {
  const port = await freePort();
  const secret = randomBytes(32).toString('hex');
  return startServer({
    // REDVEST_BENCH_CPU_PROF=<dir>: each server writes a V8 CPU profile there when it stops.
    args: [...cpuProfile(), '--import', 'tsx', 'server/main.ts', o.command ?? 'serve'],
    cwd: ROOT,
    env: {
      ...process.env,
      REDVEST_DATABASE_URL: databaseUrl(config),
      REDVEST_HOST: '127.0.0.1',
      REDVEST_PORT: String(port),
      REDVEST_DATA_DIR: o.dataDir,
      REDVEST_SESSION_SECRET: secret,
      REDVEST_DATA_KEY: secret,
      // info logs two lines per request; the benchmark measures the request path, not the logger.
      REDVEST_LOG_LEVEL: 'warn',
      REDVEST_WEB_DIR: '',
      ...o.env,
    },
    port,
    readyPath: '/readyz',
    logFile: o.logFile,
    ...(o.core === undefined ? {} : { core: o.core }),
    ...(o.readyTimeoutMs === undefined ? {} : { readyTimeoutMs: o.readyTimeoutMs }),
  });
}

export interface Session {
  accountId: string;
  cookie: string;
  csrf: string;
}

export async function signIn(url: string, login: string, password = PASSWORD): Promise<Session> {
  const res = await fetch(`${url}/api/v1/auth/login`, {
    method: 'POST',
    headers: { 'content-type': 'application/json' },
    body: JSON.stringify({ login, password }),
  });
  if (res.status !== 200) throw new Error(`sign-in as ${login} failed: ${res.status} ${await res.text()}`);
  const cookie = res.headers.getSetCookie().find((c) => c.startsWith('redvest_session='));
  if (!cookie) throw new Error('sign-in answered without a session cookie');
  const me = (await res.json()) as { id: string; csrfToken: string };
  return { accountId: me.id, cookie: cookie.split(';')[0]!, csrf: me.csrfToken };
}

/** A fresh PostgreSQL database, or null (with the reason) when the server cannot be reached. */
export async function freshPostgres(
  prefix: string,
): Promise<{ config: DatabaseConfig; drop: () => Promise<void> } | { skipped: string }> {
  const name = `${prefix}_${randomBytes(5).toString('hex')}`;
  const admin = async (statement: string) => {
    const client = new pg.Client({ connectionString: PG_ADMIN_URL, connectionTimeoutMillis: 3_000 });
    await client.connect();
    try {
      await client.query(statement);
    } finally {
      await client.end();
    }
  };
  try {
    await admin(`CREATE DATABASE ${name}`);
  } catch (e) {
    return { skipped: `PostgreSQL at ${PG_ADMIN_URL.replace(/\/\/[^@]*@/, '//***@')} not usable: ${(e as Error).message}` };
  }
  const url = new URL(PG_ADMIN_URL);
  url.pathname = `/${name}`;
  return { config: { kind: 'postgres', url: url.toString() }, drop: () => admin(`DROP DATABASE IF EXISTS ${name} WITH (FORCE)`) };
}
