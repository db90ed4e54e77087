import fc from 'fast-check';
import type { LightMyRequestResponse } from 'fastify';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { MOBILE_PATTERN } from '../../../common/phone.ts';
import { createTestApp, routeTableOf, type TestApp } from '../../../test/app.ts';
import { twoCounties } from '../../../test/fixtures.ts';
import { snapshot, snapshotChanges, type Snapshot } from '../../../test/requests.ts';
import { csrfTokenFor } from '../access/guard.ts';
import { createSession } from '../auth/sessions.ts';
import type { RouteEntry } from './route-table.ts';
import { dispatchFixtures } from '../../features/errands/dispatch.test-helpers.ts';
import { makeOrder, makePost, makeRun, makeShop } from '../../features/errands/runs.test-helpers.ts';

/**
 * DESIGN.md §7: every route gets generated hostile input, as an administrator and anonymously.
 * The answer is never a 5xx; a 4xx carries `{ error: { code, message } }`; a refused request
 * leaves every table as it was. REDVEST_FUZZ_RUNS sets the runs per route and caller (default 25).
 */
const RUNS = Math.max(1, Number(process.env.REDVEST_FUZZ_RUNS) || 25);

/** Requests that end the caller's session get a session of their own. */
const SESSION_ENDING = new Set(['POST /api/v1/auth/logout']);
/** An accepted event stream never ends: an unknown query field keeps every fuzzed call refused. */
const NEVER_ENDS = new Set(['GET /api/v1/events/stream']);
/** Tables a refused request may still write: failed password checks are counted (and sign-ins audited). */
const WRITES_WHEN_REFUSED: Record<string, string[]> = {
  'POST /api/v1/auth/login': ['audit_log', 'rate_limits'],
  'POST /api/v1/auth/password': ['rate_limits'],
  'POST /api/v1/setup': ['rate_limits'],
  // A duplicate pledge and an unknown status token are counted against flooding and guessing.
  'POST /api/v1/pledges': ['rate_limits'],
  'GET /api/v1/pledges/status/:token': ['rate_limits'],
  // An unknown certificate code is counted against guessing too.
  'GET /api/v1/c/:code': ['rate_limits'],
};

const XLSX = 'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet';

let t: TestApp;
let adminId: string;
let admin: { token: string; csrf: string };
let pool: string[] = [];
let lastSnapshot: Snapshot | undefined;
const stats = { requests: 0, serverErrors: 0, byStatus: new Map<number, number>() };

async function newAdminSession() {
  const token = await createSession(
    t.deps.db.db,
    adminId,
    { idleSeconds: 3600, absoluteSeconds: 3600 },
    { ip: null, userAgent: 'fuzz' },
  );
  return { token, csrf: csrfTokenFor(t.deps.config, token) };
}

beforeAll(async () => {
  t = await createTestApp();
  const w = await twoCounties(t.factory);
  adminId = (await t.factory.account({ login: 'fuzz-admin', grants: [{ role: 'admin', regionId: null }] })).id;
  admin = await newAdminSession();
  const target = await t.factory.account({ login: 'fuzz-target', grants: [{ role: 'volunteer', regionId: w.a.grid.id }] });
  const unit = await t.factory.unit({ regionId: w.a.community.id });
  const grants = await t.deps.db.db.selectFrom('roleGrants').select('id').execute();
  // An open errand order (with its post), so the dispatch routes are fuzzed past the look-up.
  const errands = dispatchFixtures(t);
  const errand = await errands.order({ regionId: w.a.grid.id, postId: (await errands.post({ regionId: w.a.grid.id })).id });
  // A purchase run with its shop, so the run routes are fuzzed past the look-up too.
  const runPost = await makePost(t.deps.db.db, t.factory, { gridId: w.a.grid.id });
  const runShop = await makeShop(t.deps.db.db, { communityId: w.a.community.id, isDefault: true });
  const runOrder = await makeOrder(t.deps.db.db, { post: runPost });
  const run = await makeRun(t.deps.db.db, { post: runPost, shopId: runShop, orderIds: [runOrder.id] });
  pool = [
    w.city.id,
    ...Object.values(w.a).map((r) => r.id),
    ...Object.values(w.b).map((r) => r.id),
    target.id,
    unit.id,
    ...grants.map((g) => g.id),
    errand.id,
    run,
    runShop,
  ];
});
afterAll(async () => {
  const statuses = [...stats.byStatus]
    .sort(([a], [b]) => a - b)
    .map(([s, n]) => `${s}×${n}`)
    .join(' ');
  console.log(
    `fuzz: ${stats.requests} requests sent, ${stats.serverErrors} answered 5xx (runs per route and caller: ${RUNS}); statuses ${statuses}`,
  );
  await t?.close();
});

// ---------------------------------------------------------------- generators

const NASTY = [
  "' OR '1'='1",
  "'; DROP TABLE regions; --",
  '" OR ""="',
  '1; SELECT pg_sleep(10)',
  "%' AND 1=1 --",
  '\\',
  '<script>alert(1)</script>',
  '"><img src=x onerror=alert(1)>',
  '{{7*7}}${7*7}',
  '../../../etc/passwd',
  '%00',
  '\u0000',
  '\u0007\u001b[31m',
  '\u202egnp.exe',
  '\ufeff',
  '\ud800',
  '𠜎𠜱𠝹',
  '👨‍👩‍👧‍👦',
  'Ω≈ç√∫',
  '   ',
  '',
  'null',
  'undefined',
  'NaN',
  '-1',
  '1e309',
  '9007199254740993',
  '__proto__',
  'constructor',
  '0x41',
  '13800000000',
  '11010519491231002X',
  '00000000-0000-0000-0000-000000000000',
  '2016-12-31T23:59:60Z',
  '9999-12-31T23:59:59.999999Z',
  '0000-01-01T00:00:00Z',
];

const hostileString: fc.Arbitrary<string> = fc.oneof(
  { weight: 4, arbitrary: fc.constantFrom(...NASTY) },
  { weight: 2, arbitrary: fc.string({ unit: 'binary', maxLength: 40 }) },
  { weight: 2, arbitrary: fc.string({ unit: 'grapheme', maxLength: 40 }) },
  { weight: 1, arbitrary: fc.string({ maxLength: 40 }).map((s) => `${s}\u0000${s}`) },
  { weight: 1, arbitrary: fc.integer({ min: 41, max: 5_000 }).map((n) => '字'.repeat(n)) },
);

const hostileValue: fc.Arbitrary<unknown> = fc.oneof(
  { weight: 5, arbitrary: hostileString },
  { weight: 1, arbitrary: fc.integer() },
  { weight: 1, arbitrary: fc.constantFrom(-1, 0, 1.5, 1e308, -1e308, Number.MAX_SAFE_INTEGER + 2, 2 ** 31) },
  { weight: 1, arbitrary: fc.boolean() },
  { weight: 1, arbitrary: fc.constant(null) },
  { weight: 1, arbitrary: fc.jsonValue({ maxDepth: 3 }) },
  { weight: 1, arbitrary: fc.constant({ __proto__: { admin: true }, constructor: { prototype: {} } }) },
);

type Schema = {
  type?: string | string[];
  properties?: Record<string, Schema>;
  required?: string[];
  anyOf?: Schema[];
  enum?: unknown[];
  const?: unknown;
  format?: string;
  pattern?: string;
  minimum?: number;
  maximum?: number;
  items?: Schema;
};

/** Values that pass the schema, so fuzzing reaches past validation into the services. */
function valid(schema: Schema | undefined): fc.Arbitrary<unknown> {
  if (!schema) return hostileValue;
  if (schema.anyOf) return fc.oneof(...schema.anyOf.map(valid));
  if (schema.enum) return fc.constantFrom(...schema.enum);
  if (schema.const !== undefined) return fc.constant(schema.const);
  switch (typeof schema.type === 'string' ? schema.type : 'any') {
    case 'string':
      if (schema.format === 'uuid') return fc.oneof(fc.constantFrom(...pool), fc.uuid());
      if (schema.format === 'date-time')
        return fc.date({ noInvalidDate: true, min: new Date(0), max: new Date(4e12) }).map((d) => d.toISOString());
      if (schema.pattern === MOBILE_PATTERN) return fc.stringMatching(/^1[3-9]\d{9}$/);
      if (schema.pattern) return fc.stringMatching(new RegExp(schema.pattern)).filter((s) => s.length <= 30);
      return fc.string({ minLength: 1, maxLength: 12 }).filter((s) => s.trim().length > 0);
    case 'integer':
    case 'number':
      return fc.integer({ min: schema.minimum ?? 0, max: Math.min(schema.maximum ?? 1000, 1000) });
    case 'boolean':
      return fc.boolean();
    case 'null':
      return fc.constant(null);
    case 'array':
      return fc.array(valid(schema.items), { maxLength: 3 });
    case 'object':
      return objectOf(schema, 0);
    default:
      return hostileValue;
  }
}

/** An object with the schema's fields, each valid or hostile, some left out, maybe unknown ones added. */
function objectOf(schema: Schema, hostileWeight: number): fc.Arbitrary<Record<string, unknown>> {
  const props = Object.entries(schema.properties ?? {});
  const fields = Object.fromEntries(
    props.map(([k, s]) => [
      k,
      hostileWeight ? fc.oneof({ weight: 2, arbitrary: valid(s) }, { weight: hostileWeight, arbitrary: hostileValue }) : valid(s),
    ]),
  );
  return fc
    .tuple(
      fc.record(fields, { requiredKeys: hostileWeight ? [] : (schema.required ?? []).filter((k) => k in fields) }),
      fc.dictionary(hostileString, hostileValue, { maxKeys: hostileWeight ? 2 : 0 }),
    )
    .map(([known, unknown]) => ({ ...unknown, ...known }));
}

const nested = (depth: number, open: string, close: string) => open.repeat(depth) + '1' + close.repeat(depth);

interface Payload {
  body?: string | Buffer;
  contentType?: string;
}

function payloadFor(schema: Schema | undefined): fc.Arbitrary<Payload> {
  const json = (v: unknown): Payload => ({ body: JSON.stringify(v) ?? 'null', contentType: 'application/json' });
  return fc.oneof(
    { weight: 6, arbitrary: objectOf(schema ?? { type: 'object' }, 1).map(json) },
    { weight: 2, arbitrary: hostileValue.map(json) },
    {
      weight: 2,
      arbitrary: fc
        .tuple(
          fc.constantFrom(
            '{',
            '{"a":',
            '[1,2',
            'nul',
            '{"a":1}}',
            "{'a':1}",
            '{"a":1,}',
            '\u0000',
            '',
            ' ',
            '{"__proto__":',
            '[]]',
          ),
          fc.string({ maxLength: 10 }),
        )
        .map(([a, b]): Payload => ({ body: a + b, contentType: 'application/json' })),
    },
    {
      weight: 1,
      arbitrary: fc.tuple(fc.integer({ min: 50, max: 20_000 }), fc.boolean()).map(([d, arr]): Payload => ({
        body: arr ? nested(d, '[', ']') : nested(d, '{"a":', '}'),
        contentType: 'application/json',
      })),
    },
    {
      weight: 1,
      arbitrary: fc
        .integer({ min: 100_000, max: 1_300_000 })
        .map((n) => json({ name: 'x'.repeat(n), login: 'y'.repeat(n >> 4) })),
    },
    {
      weight: 2,
      arbitrary: fc
        .tuple(
          fc.constantFrom(
            'text/plain',
            'application/x-www-form-urlencoded',
            'multipart/form-data; boundary=x',
            XLSX,
            'application/json; charset=utf-16',
            'application/xml',
            'application/octet-stream',
            '*/*',
            'application/json;;;',
          ),
          fc.oneof(hostileString, fc.constant('PK\u0003\u0004')),
        )
        .map(([contentType, body]): Payload => ({ body, contentType })),
    },
    {
      weight: 1,
      arbitrary: fc
        .uint8Array({ maxLength: 3000 })
        .map((b): Payload => ({ body: Buffer.concat([Buffer.from('PK\u0003\u0004'), Buffer.from(b)]), contentType: XLSX })),
    },
    { weight: 1, arbitrary: fc.constant<Payload>({}) },
  );
}

function queryFor(schema: Schema | undefined): fc.Arbitrary<string> {
  const props = Object.entries(schema?.properties ?? {});
  const value = (s: Schema | undefined) =>
    fc.oneof(
      // Objects (some without a prototype) become JSON text: a query string only carries text.
      valid(s).map((v) => (v !== null && typeof v === 'object' ? JSON.stringify(v) : String(v))),
      hostileString,
      fc.array(hostileString, { minLength: 2, maxLength: 3 }),
    );
  return fc
    .tuple(
      fc.record(Object.fromEntries(props.map(([k, s]) => [k, value(s)])), { requiredKeys: [] }),
      fc.dictionary(fc.oneof(hostileString, fc.constantFrom('lang', 'limit', '__proto__')), value(undefined), { maxKeys: 2 }),
    )
    .map(([known, unknown]) => {
      const q = new URLSearchParams();
      for (const [k, v] of Object.entries({ ...unknown, ...known })) for (const x of [v].flat()) q.append(k, String(x));
      const s = q.toString();
      return s ? `?${s}` : '';
    });
}

const paramValue = fc.oneof(
  { weight: 3, arbitrary: fc.constant(null).chain(() => fc.constantFrom(...pool)) },
  { weight: 2, arbitrary: fc.uuid() },
  { weight: 3, arbitrary: hostileString.filter((s) => s.length > 0 && s.length < 3000) },
);

/** Lone surrogates cannot be percent-encoded; they become U+FFFD as a browser would send them. */
function encodePathPart(value: string): string {
  try {
    return encodeURIComponent(value);
  } catch {
    return encodeURIComponent(value.replace(/[\ud800-\udfff]/g, '\ufffd'));
  }
}

/** Already-encoded path parts, malformed ones included: they reach the router as they are. */
const rawParam = fc.constantFrom('%zz', '%E0%A4%A', '%', '%00', '.', '..', '%2e%2e', '%2F', 'a%2Fb', '%C0%AF', '%u0041', '%25');

function pathFor(url: string): fc.Arbitrary<string> {
  const names = [...url.matchAll(/:(\w+)/g)].map((m) => m[1]!);
  const part = fc.oneof({ weight: 6, arbitrary: paramValue.map(encodePathPart) }, { weight: 1, arbitrary: rawParam });
  return fc.tuple(...names.map(() => part)).map((values) => names.reduce((u, name, i) => u.replace(`:${name}`, values[i]!), url));
}

const headerValue = fc.oneof(fc.constantFrom('en', 'zh-CN', '*', 'en;q=abc', ''), fc.stringMatching(/^[\x20-\x7e]{0,300}$/));
const extraHeaders = fc.record(
  { 'accept-language': headerValue, 'idempotency-key': headerValue, 'last-event-id': headerValue },
  { requiredKeys: [] },
);

// ---------------------------------------------------------------- the run

const keyOf = (r: RouteEntry) => `${r.method} ${r.url}`;

function fuzzable(): RouteEntry[] {
  return t.app.routeTable.filter((r) => r.method !== 'HEAD' && !r.url.startsWith('/api/docs'));
}

type Session = { token: string; csrf: string } | null;

/** The caller's session: the shared administrator one, or a new one where the call may end it. */
async function sessionFor(route: RouteEntry, as: 'admin' | 'anonymous'): Promise<Session> {
  if (as === 'anonymous') return null;
  if (!SESSION_ENDING.has(keyOf(route))) return admin;
  lastSnapshot = undefined; // a new session row: take a fresh "before"
  return newAdminSession();
}

async function sendOne(
  route: RouteEntry,
  session: Session,
  path: string,
  query: string,
  payload: Payload,
  headers: Record<string, string>,
): Promise<LightMyRequestResponse> {
  const url = path + (NEVER_ENDS.has(keyOf(route)) ? `${query || '?'}${query ? '&' : ''}__fuzz=1` : query);
  return t.app.inject({
    method: route.method as 'GET',
    url,
    headers: {
      ...headers,
      ...(payload.contentType ? { 'content-type': payload.contentType } : {}),
      ...(session ? { 'x-csrf-token': session.csrf } : {}),
    },
    ...(session ? { cookies: { redvest_session: session.token } } : {}),
    ...(payload.body !== undefined ? { payload: payload.body } : {}),
  });
}

const ROUTES = (await routeTableOf()).filter((r) => r.method !== 'HEAD' && !r.url.startsWith('/api/docs'));

describe('fuzz', () => {
  it('has routes to fuzz, the same the test app has', () => {
    expect(ROUTES.length).toBeGreaterThan(25);
    expect(fuzzable().map(keyOf)).toEqual(ROUTES.map(keyOf));
  });

  for (const as of ['admin', 'anonymous'] as const) {
    describe(`as ${as}`, () => {
      for (const route of ROUTES) {
        it(keyOf(route), { timeout: 120_000 }, async () => {
          const schema = (route.schema ?? {}) as { body?: Schema; querystring?: Schema };
          const arb = fc.record({
            path: pathFor(route.url),
            query: queryFor(schema.querystring),
            payload: payloadFor(schema.body),
            headers: extraHeaders,
          });
          await fc.assert(
            fc.asyncProperty(arb, async ({ path, query, payload, headers }) => {
              const session = await sessionFor(route, as);
              // The state after the previous request is the state before this one (one snapshot per request).
              const before = (lastSnapshot ??= await snapshot(t.deps));
              const res = await sendOne(route, session, path, query, payload, headers as Record<string, string>);
              stats.requests++;
              stats.byStatus.set(res.statusCode, (stats.byStatus.get(res.statusCode) ?? 0) + 1);
              if (res.statusCode >= 500) stats.serverErrors++;
              const what = `${route.method} ${`${path}${query}`.slice(0, 300)} → ${res.statusCode} ${res.body.slice(0, 200)}`;
              expect(res.statusCode, what).toBeLessThan(500);
              const after = await snapshot(t.deps);
              lastSnapshot = after;
              if (res.statusCode >= 400) {
                const body = res.json() as { error?: { code?: unknown; message?: unknown } };
                expect(typeof body.error?.code, what).toBe('string');
                expect(typeof body.error?.message, what).toBe('string');
                const changes = snapshotChanges(before, after, WRITES_WHEN_REFUSED[keyOf(route)] ?? []);
                expect(changes, `refused but wrote: ${what}`).toEqual({});
              }
            }),
            { numRuns: RUNS, endOnFailure: true },
          );
        });
      }
    });
  }
});
