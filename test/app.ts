/**
 * The one way tests get an app (DESIGN.md §4.6): built once per file on a fresh migrated database
 * of the kind this project run is for (SQLite or PostgreSQL), called with `inject`, with factories
 * that create data through the real services and clients that sign in like a browser.
 */
import type { FastifyInstance, LightMyRequestResponse } from 'fastify';
import { buildApp } from '../server/app.ts';
import { loadConfig, type Config } from '../server/config.ts';
import type { Role, RegionLevel } from '../common/enums.ts';
import { hashPassword } from '../server/platform/auth/password.ts';
import { newId, nowIso } from '../server/platform/db/ids.ts';
import { connect } from '../server/platform/db/connect.ts';
import type { Deps } from '../server/platform/deps.ts';
import type { RouteEntry } from '../server/platform/http/route-table.ts';
import { childLevel } from '../common/enums.ts';
import { sealIdNumber } from '../server/platform/pii/identity.ts';
import { freshDatabase, testDbKind } from './databases.ts';
import { testIdNumber } from './identity.ts';

export const TEST_PASSWORD = 'test-password-1';
const TEST_SECRET = 'ab'.repeat(32);

export interface TestApp {
  app: FastifyInstance & { deps: Deps; routeTable: RouteEntry[] };
  deps: Deps;
  kind: 'sqlite' | 'postgres';
  factory: Factory;
  /** A client signed in as this login (password TEST_PASSWORD unless given). */
  signIn(login: string, password?: string, options?: { ip?: string }): Promise<Client>;
  /** A client with no session. */
  anonymous(ip?: string): Client;
  close(): Promise<void>;
}

export function testConfig(overrides: NodeJS.ProcessEnv = {}): Config {
  return loadConfig({
    REDVEST_DATABASE_URL: 'sqlite::memory:',
    REDVEST_SESSION_SECRET: TEST_SECRET,
    REDVEST_DATA_KEY: TEST_SECRET,
    REDVEST_WEB_DIR: '',
    REDVEST_LOG_LEVEL: 'silent',
    ...overrides,
  });
}

/**
 * The route table of a throwaway app, for tests that make one test per route (the table is
 * needed while tests are being collected, before any per-file app exists).
 */
export async function routeTableOf(): Promise<RouteEntry[]> {
  const app = await buildApp(testConfig(), { logger: false });
  await app.ready();
  const table = [...app.routeTable];
  await app.close();
  return table;
}

export async function createTestApp(): Promise<TestApp> {
  const fresh = await freshDatabase();
  const config = { ...testConfig(), database: fresh.config };
  const db = connect(fresh.config, { poolMax: 5 });
  const app = await buildApp(config, { db, logger: false, migrate: false });
  await app.ready();
  const factory = createFactory(app.deps);
  return {
    app,
    deps: app.deps,
    kind: testDbKind(),
    factory,
    anonymous: (ip?: string) => new Client(app, ip),
    async signIn(login, password = TEST_PASSWORD, options = {}) {
      const client = new Client(app, options.ip);
      const res = await client.post('/api/v1/auth/login', { login, password });
      if (res.statusCode !== 200) throw new Error(`sign-in as ${login} failed: ${res.statusCode} ${res.body}`);
      return client;
    },
    async close() {
      await app.close();
      await db.close();
      await fresh.drop();
    },
  };
}

type Body = Record<string, unknown> | unknown[] | string | Buffer | undefined;

/** Keeps the session cookie and CSRF token across calls, as the web app does. */
export class Client {
  private cookie: string | undefined;
  csrf: string | undefined;
  lang: 'zh-CN' | 'en' = 'zh-CN';

  /** `ip`: the caller's address as the server sees it (default 127.0.0.1). */
  constructor(
    private readonly app: FastifyInstance,
    readonly ip?: string,
  ) {}

  /** The session token in the cookie (its SHA-256 is the `sessions.id`), if signed in. */
  get sessionToken(): string | undefined {
    return this.cookie?.slice('redvest_session='.length);
  }

  async request(
    method: 'GET' | 'HEAD' | 'POST' | 'PUT' | 'PATCH' | 'DELETE',
    url: string,
    body?: Body,
    headers: Record<string, string> = {},
  ): Promise<LightMyRequestResponse> {
    const res = await this.app.inject({
      method,
      url,
      ...(this.ip ? { remoteAddress: this.ip } : {}),
      headers: {
        'accept-language': this.lang,
        ...(this.cookie ? { cookie: this.cookie } : {}),
        ...(this.csrf && method !== 'GET' && method !== 'HEAD' ? { 'x-csrf-token': this.csrf } : {}),
        ...(body !== undefined && !Buffer.isBuffer(body) && typeof body !== 'string'
          ? { 'content-type': 'application/json' }
          : {}),
        ...headers,
      },
      ...(body === undefined ? {} : { payload: body as never }),
    });
    const set = res.cookies.find((c) => c.name === 'redvest_session');
    if (set) this.cookie = set.value ? `redvest_session=${set.value}` : undefined;
    if (res.statusCode === 200 && (url.endsWith('/auth/login') || url.endsWith('/setup') || url.endsWith('/auth/me'))) {
      this.csrf = (res.json() as { csrfToken?: string }).csrfToken;
    }
    return res;
  }

  get = (url: string, headers?: Record<string, string>) => this.request('GET', url, undefined, headers);
  post = (url: string, body?: Body, headers?: Record<string, string>) => this.request('POST', url, body ?? {}, headers);
  patch = (url: string, body?: Body, headers?: Record<string, string>) => this.request('PATCH', url, body ?? {}, headers);
  put = (url: string, body?: Body, headers?: Record<string, string>) => this.request('PUT', url, body ?? {}, headers);
  delete = (url: string, headers?: Record<string, string>) => this.request('DELETE', url, undefined, headers);
}

export type Factory = ReturnType<typeof createFactory>;

let counter = 0;
const unique = (prefix: string) => `${prefix}${(++counter).toString(36)}${Math.random().toString(36).slice(2, 6)}`;

/** Creates rows directly with overridable fields; fast, and independent of the routes under test. */
export function createFactory(deps: Deps) {
  const { db } = deps.db;
  let passwordHash: Promise<string> | undefined;

  async function region(
    o: {
      parent?: { id: string; path: string; level: RegionLevel } | null;
      name?: string;
      code?: string | null;
      level?: RegionLevel;
    } = {},
  ) {
    const parent = o.parent ?? null;
    const level = o.level ?? (parent ? childLevel(parent.level)! : 'city');
    const id = newId();
    const row = {
      id,
      parentId: parent?.id ?? null,
      code: o.code === undefined ? unique('c') : o.code,
      name: o.name ?? unique('区划'),
      level,
      path: `${parent?.path ?? '/'}${id}/`,
      sortOrder: 0,
    };
    const now = nowIso();
    await db
      .insertInto('regions')
      .values({ ...row, createdAt: now, updatedAt: now })
      .execute();
    return row;
  }

  return {
    region,

    /** city → county → township → community → grid, each level one region. */
    async chain() {
      const city = await region({ code: unique('41') });
      const county = await region({ parent: city });
      const township = await region({ parent: county });
      const community = await region({ parent: township });
      const grid = await region({ parent: community });
      return { city, county, township, community, grid };
    },

    async account(
      o: {
        login?: string;
        name?: string;
        mobile?: string;
        grants?: { role: Role; regionId: string | null }[];
        status?: 'active' | 'disabled';
        password?: string;
      } = {},
    ) {
      passwordHash ??= hashPassword(TEST_PASSWORD);
      const id = newId();
      const now = nowIso();
      const login = o.login ?? unique('u');
      await db
        .insertInto('accounts')
        .values({
          id,
          login,
          name: o.name ?? '测试用户',
          mobile: o.mobile ?? `139${String(Math.floor(Math.random() * 1e8)).padStart(8, '0')}`,
          passwordHash: o.password ? await hashPassword(o.password) : await passwordHash,
          status: o.status ?? 'active',
          mustChangePassword: 0,
          language: 'zh-CN',
          createdAt: now,
          updatedAt: now,
          passwordChangedAt: now,
        })
        .execute();
      for (const g of o.grants ?? []) {
        await db
          .insertInto('roleGrants')
          .values({ id: newId(), accountId: id, role: g.role, regionId: g.regionId, createdAt: now })
          .execute();
      }
      return { id, login };
    },

    async unit(o: { regionId: string; name?: string; kind?: string }) {
      const id = newId();
      const now = nowIso();
      await db
        .insertInto('units')
        .values({
          id,
          name: o.name ?? unique('单位'),
          kind: o.kind ?? 'city_unit',
          regionId: o.regionId,
          contact: null,
          createdAt: now,
          updatedAt: now,
        })
        .execute();
      return { id };
    },

    /** An active volunteer at home in `regionId` (a grid or community), optionally with an account. */
    async volunteer(o: {
      regionId: string;
      name?: string;
      idNumber?: string;
      mobile?: string;
      unitId?: string | null;
      accountId?: string | null;
      partyMember?: boolean;
      skills?: string[];
      status?: 'active' | 'paused' | 'withdrawn';
    }) {
      const id = newId();
      const now = nowIso();
      const idNumber = o.idNumber ?? testIdNumber();
      await db
        .insertInto('volunteers')
        .values({
          id,
          pledgeId: null,
          accountId: o.accountId ?? null,
          name: o.name ?? unique('志愿者'),
          gender: 'male',
          ...sealIdNumber(deps.pii, idNumber),
          mobile: o.mobile ?? `137${String(Math.floor(Math.random() * 1e8)).padStart(8, '0')}`,
          partyMember: o.partyMember === false ? 0 : 1,
          partyBranch: null,
          unitId: o.unitId ?? null,
          unitName: null,
          homeAddress: '测试路 1 号',
          regionId: o.regionId,
          skills: JSON.stringify(o.skills ?? []),
          availability: JSON.stringify([]),
          status: o.status ?? 'active',
          statusReason: null,
          statusSince: now.slice(0, 10),
          createdAt: now,
          updatedAt: now,
        })
        .execute();
      return { id, idNumber };
    },
  };
}
