import type { LightMyRequestResponse } from 'fastify';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { ROLES, type Role } from '../../../common/enums.ts';
import { createTestApp, TEST_PASSWORD, type Client, type TestApp } from '../../../test/app.ts';
import { twoCounties, type TwoCounties } from '../../../test/fixtures.ts';
import type { Built, Case, MatrixContext, Where } from '../../../test/matrix.ts';
import { pledgesMatrix } from '../../features/volunteers/pledges.matrix.ts';
import { volunteersMatrix } from '../../features/volunteers/volunteers.matrix.ts';
import { teamsMatrix } from '../../features/teams/teams.matrix.ts';
import { checkpointsMatrix } from '../../features/checkpoints/checkpoints.matrix.ts';
import { rostersMatrix } from '../../features/duty/rosters.matrix.ts';
import { attendanceMatrix } from '../../features/duty/attendance.matrix.ts';
import { fieldIssuesMatrix } from '../../features/field-issues/field-issues.matrix.ts';
import { inspectionsMatrix } from '../../features/inspections/inspections.matrix.ts';
import { passagesMatrix } from '../../features/passages/passages.matrix.ts';
import { householdsMatrix } from '../../features/households/households.matrix.ts';
import { followUpsMatrix } from '../../features/quarantine/follow-ups.matrix.ts';
import { screeningMatrix } from '../../features/households/screening.matrix.ts';
import { alertsMatrix } from '../../features/quarantine/alerts.matrix.ts';
import { healthReportsMatrix } from '../../features/quarantine/health-reports.matrix.ts';
import { casesMatrix } from '../../features/quarantine/cases.matrix.ts';
import { caseServicesMatrix } from '../../features/quarantine/case-services.matrix.ts';
import { returneesMatrix } from '../../features/quarantine/returnees.matrix.ts';
import { contactsMatrix } from '../../features/quarantine/contacts.matrix.ts';
import { riskAreasMatrix } from '../../features/risk-areas/risk-areas.matrix.ts';
import { disinfectionMatrix } from '../../features/disinfection/disinfection.matrix.ts';
import { publicityMatrix } from '../../features/publicity/publicity.matrix.ts';
import { suppliesMatrix } from '../../features/supplies/supplies.matrix.ts';
import { dispatchMatrix } from '../../features/errands/dispatch.matrix.ts';
import { ordersMatrix } from '../../features/errands/orders.matrix.ts';
import { runsMatrix } from '../../features/errands/runs.matrix.ts';
import { dashboardMatrix } from '../../features/dashboard/dashboard.matrix.ts';
import { dailyReportMatrix } from '../../features/reports/daily-report.matrix.ts';
import { rankingsMatrix } from '../../features/recognition/rankings.matrix.ts';
import { certificatesMatrix } from '../../features/recognition/certificates.matrix.ts';
import { syncMatrix } from '../../features/sync/sync.matrix.ts';
import { API } from '../../../test/requests.ts';
import { PERMISSIONS, ROLE_PERMISSIONS, type Permission } from '../../../common/permissions.ts';

/**
 * Every route × every role × {record in the caller's area, record in another county}, against the
 * permission table: no permission → 401 anonymous / 403 signed in; permission but another
 * county → 404; inside → success. Each role holds its grant over county A (admin: everywhere).
 * A route without a case here fails the test: whoever adds a route says how to call it.
 */

let t: TestApp;
let w: TwoCounties;
const clients = new Map<Role, Client>();
let n = 0;
const uniq = (p: string) => `${p}${++n}`;

const A = () => w.a;
const area = (where: Where) => (where === 'in' ? w.a : w.b);

/** A fresh account holding a volunteer grant in `where`'s grid (and more grants if asked). */
async function target(where: Where, o: { status?: 'disabled'; extraGrant?: boolean } = {}) {
  const grants: { role: Role; regionId: string }[] = [{ role: 'volunteer', regionId: area(where).grid.id }];
  if (o.extraGrant) grants.push({ role: 'inspector', regionId: area(where).grid.id });
  return t.factory.account({ grants, ...(o.status ? { status: o.status } : {}) });
}

const fixed: { unit: Record<Where, string>; account: Record<Where, string> } = {
  unit: { in: '', out: '' },
  account: { in: '', out: '' },
};

const ctx: MatrixContext = {
  get t() {
    return t;
  },
  get w() {
    return w;
  },
  area,
  uniq,
};

const CASES: Record<string, Case> = {
  ...pledgesMatrix(ctx),
  ...volunteersMatrix(ctx),
  ...teamsMatrix(ctx),
  ...checkpointsMatrix(ctx),
  ...rostersMatrix(ctx),
  ...attendanceMatrix(ctx),
  ...inspectionsMatrix(ctx),
  ...fieldIssuesMatrix(ctx),
  ...riskAreasMatrix(ctx),
  ...passagesMatrix(ctx),
  ...householdsMatrix(ctx),
  ...followUpsMatrix(ctx),
  ...screeningMatrix(ctx),
  ...healthReportsMatrix(ctx),
  ...alertsMatrix(ctx),
  ...casesMatrix(ctx),
  ...caseServicesMatrix(ctx),
  ...returneesMatrix(ctx),
  ...contactsMatrix(ctx),
  ...disinfectionMatrix(ctx),
  ...publicityMatrix(ctx),
  ...suppliesMatrix(ctx),
  ...dispatchMatrix(ctx),
  ...ordersMatrix(ctx),
  ...runsMatrix(ctx),
  ...dashboardMatrix(ctx),
  ...dailyReportMatrix(ctx),
  ...rankingsMatrix(ctx),
  ...certificatesMatrix(ctx),
  ...syncMatrix(ctx),
  'GET /healthz': { scoped: false, build: async () => ({ url: '/healthz' }) },
  'GET /readyz': { scoped: false, build: async () => ({ url: '/readyz' }) },
  'GET /api/openapi.json': { scoped: false, build: async () => ({ url: '/api/openapi.json' }) },

  'POST /api/v1/auth/login': {
    scoped: false,
    build: async () => ({ url: `${API}/auth/login`, body: { login: 'm-login-target', password: TEST_PASSWORD } }),
  },
  'POST /api/v1/auth/logout': { scoped: false, build: async () => ({ url: `${API}/auth/logout`, body: {}, freshSession: true }) },
  'GET /api/v1/auth/me': { scoped: false, build: async () => ({ url: `${API}/auth/me` }) },
  // A wrong current password: passes the gate, changes nothing (other sessions would end).
  'POST /api/v1/auth/password': {
    scoped: false,
    status: 422,
    build: async () => ({
      url: `${API}/auth/password`,
      body: { currentPassword: 'not-the-password-1', newPassword: 'Another-pass-123' },
    }),
  },
  'PUT /api/v1/auth/language': {
    scoped: false,
    build: async () => ({ url: `${API}/auth/language`, body: { language: 'zh-CN' } }),
  },
  'GET /api/v1/setup': { scoped: false, build: async () => ({ url: `${API}/setup` }) },
  'POST /api/v1/setup': {
    scoped: false,
    status: 409,
    build: async () => ({
      url: `${API}/setup`,
      body: { code: 'AAAA-BBBB-CCCC', login: uniq('setup'), name: '管理员', mobile: '13900000000', password: 'Setup-pass-123' },
    }),
  },

  'GET /api/v1/regions/tree': { scoped: false, build: async () => ({ url: `${API}/regions/tree` }) },
  'GET /api/v1/regions/:id': { scoped: true, build: async (where) => ({ url: `${API}/regions/${area(where).township.id}` }) },
  'POST /api/v1/regions': {
    scoped: true,
    status: 201,
    build: async (where) => ({ url: `${API}/regions`, body: { parentId: area(where).township.id, name: uniq('社区') } }),
  },
  'PATCH /api/v1/regions/:id': {
    scoped: true,
    build: async (where) => ({ url: `${API}/regions/${area(where).community.id}`, body: { name: uniq('改名') } }),
  },
  'POST /api/v1/regions/:id/move': {
    scoped: true,
    build: async (where) => {
      const moving = await t.factory.region({ parent: area(where).township });
      return { url: `${API}/regions/${moving.id}/move`, body: { parentId: area(where).township2.id } };
    },
  },
  'DELETE /api/v1/regions/:id': {
    scoped: true,
    build: async (where) => ({ url: `${API}/regions/${(await t.factory.region({ parent: area(where).community })).id}` }),
  },
  // Spreadsheet import and export (being built): an unreadable file must be refused, never crash.
  'POST /api/v1/regions/import': {
    scoped: false,
    lenient: true,
    build: async () => ({
      url: `${API}/regions/import`,
      raw: {
        payload: Buffer.from('not a spreadsheet'),
        contentType: 'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet',
      },
    }),
  },
  'GET /api/v1/regions/import-template': {
    scoped: false,
    lenient: true,
    build: async () => ({ url: `${API}/regions/import-template` }),
  },
  'GET /api/v1/regions/export': { scoped: false, lenient: true, build: async () => ({ url: `${API}/regions/export` }) },

  'GET /api/v1/units': { scoped: true, build: async (where) => ({ url: `${API}/units?regionId=${area(where).county.id}` }) },
  'GET /api/v1/units/:id': { scoped: true, build: async (where) => ({ url: `${API}/units/${fixed.unit[where]}` }) },
  'POST /api/v1/units': {
    scoped: true,
    status: 201,
    build: async (where) => ({
      url: `${API}/units`,
      body: { name: uniq('单位'), kind: 'other', regionId: area(where).township.id },
    }),
  },
  'PATCH /api/v1/units/:id': {
    scoped: true,
    build: async (where) => ({ url: `${API}/units/${fixed.unit[where]}`, body: { contact: uniq('联系人') } }),
  },
  'DELETE /api/v1/units/:id': {
    scoped: true,
    build: async (where) => ({ url: `${API}/units/${(await t.factory.unit({ regionId: area(where).community.id })).id}` }),
  },

  'GET /api/v1/accounts': {
    scoped: true,
    build: async (where) => ({ url: `${API}/accounts?regionId=${area(where).county.id}` }),
  },
  'GET /api/v1/accounts/:id': { scoped: true, build: async (where) => ({ url: `${API}/accounts/${fixed.account[where]}` }) },
  'POST /api/v1/accounts': {
    scoped: true,
    status: 201,
    build: async (where) => ({
      url: `${API}/accounts`,
      body: {
        login: uniq('made-'),
        name: '新人',
        mobile: '13700000001',
        password: 'Matrix-pass-1',
        grants: [{ role: 'volunteer', regionId: area(where).grid.id }],
      },
    }),
  },
  'PATCH /api/v1/accounts/:id': {
    scoped: true,
    build: async (where) => ({ url: `${API}/accounts/${(await target(where)).id}`, body: { name: uniq('名') } }),
  },
  'POST /api/v1/accounts/:id/disable': {
    scoped: true,
    build: async (where) => ({ url: `${API}/accounts/${(await target(where)).id}/disable`, body: {} }),
  },
  'POST /api/v1/accounts/:id/enable': {
    scoped: true,
    build: async (where) => ({ url: `${API}/accounts/${(await target(where, { status: 'disabled' })).id}/enable`, body: {} }),
  },
  'POST /api/v1/accounts/:id/reset-password': {
    scoped: true,
    build: async (where) => ({ url: `${API}/accounts/${(await target(where)).id}/reset-password`, body: {} }),
  },
  'POST /api/v1/accounts/:id/grants': {
    scoped: true,
    build: async (where) => ({
      url: `${API}/accounts/${(await target(where)).id}/grants`,
      body: { role: 'inspector', regionId: area(where).grid.id },
    }),
  },
  'DELETE /api/v1/accounts/:id/grants/:grantId': {
    scoped: true,
    build: async (where) => {
      const account = await target(where, { extraGrant: true });
      const grant = await t.deps.db.db
        .selectFrom('roleGrants')
        .select('id')
        .where('accountId', '=', account.id)
        .where('role', '=', 'inspector')
        .executeTakeFirstOrThrow();
      return { url: `${API}/accounts/${account.id}/grants/${grant.id}` };
    },
  },
  // Revealing an account's mobile needs reading that account as well.
  'POST /api/v1/accounts/:id/reveal': {
    scoped: true,
    alsoRequires: ['accounts.read'],
    build: async (where) => ({ url: `${API}/accounts/${fixed.account[where]}/reveal`, body: {} }),
  },

  'GET /api/v1/audit': { scoped: false, build: async () => ({ url: `${API}/audit` }) },
  'GET /api/v1/jobs': { scoped: false, build: async () => ({ url: `${API}/jobs` }) },
  // A granted stream never ends under inject; a malformed resume id is refused just after the guard.
  'GET /api/v1/events/stream': {
    scoped: false,
    status: 400,
    build: async () => ({ url: `${API}/events/stream?lastEventId=not-a-number` }),
  },
};

/** Third-party documentation assets: public by construction, checked only for "no 401/403, no 5xx". */
const isDocsAsset = (url: string) => url === '/api/docs' || url.startsWith('/api/docs/');
const keyOf = (r: { method: string; url: string }) => `${r.method} ${r.url}`;
/** HEAD routes mirror their GET. */
const caseFor = (method: string, url: string): Case | undefined => CASES[`${method === 'HEAD' ? 'GET' : method} ${url}`];

beforeAll(async () => {
  t = await createTestApp();
  w = await twoCounties(t.factory);
  for (const role of ROLES) {
    await t.factory.account({ login: `m-${role}`, grants: [{ role, regionId: role === 'admin' ? null : A().county.id }] });
    clients.set(role, await t.signIn(`m-${role}`));
  }
  await t.factory.account({ login: 'm-login-target', grants: [{ role: 'volunteer', regionId: A().grid.id }] });
  for (const where of ['in', 'out'] as const) {
    fixed.unit[where] = (await t.factory.unit({ regionId: area(where).community.id })).id;
    fixed.account[where] = (await target(where)).id;
  }
});
afterAll(() => t.close());

async function send(method: string, built: Built, client: Client | null): Promise<LightMyRequestResponse> {
  let session = client;
  if (client && built.freshSession) session = await t.signIn(`m-${[...clients].find(([, c]) => c === client)![0]}`);
  const headers: Record<string, string> = {};
  if (session?.csrf && method !== 'GET' && method !== 'HEAD') headers['x-csrf-token'] = session.csrf;
  if (built.raw) headers['content-type'] = built.raw.contentType;
  else if (built.body !== undefined) headers['content-type'] = 'application/json';
  return t.app.inject({
    method: method as 'GET',
    url: built.url,
    headers,
    ...(session?.sessionToken ? { cookies: { redvest_session: session.sessionToken } } : {}),
    ...(built.raw ? { payload: built.raw.payload } : built.body !== undefined ? { payload: JSON.stringify(built.body) } : {}),
  });
}

type Expectation = { kind: 'status'; status: number } | { kind: 'allowed'; status?: number } | { kind: 'lenient' };

function expected(access: string, c: Case, role: Role | null, where: Where): Expectation {
  if (access === 'public') return c.status ? { kind: 'status', status: c.status } : { kind: 'allowed' };
  if (role === null) return { kind: 'status', status: 401 };
  const needed = access === 'authenticated' ? [] : [access as Permission, ...(c.alsoRequires ?? [])];
  if (!needed.every((p) => ROLE_PERMISSIONS[role].includes(p))) return { kind: 'status', status: 403 };
  const special = c.expectFor?.(role, where);
  if (special !== undefined) return { kind: 'status', status: special };
  if (c.lenient) return { kind: 'lenient' };
  if (where === 'out' && c.scoped && role !== 'admin') return { kind: 'status', status: 404 };
  return c.status ? { kind: 'status', status: c.status } : { kind: 'allowed' };
}

function check(res: LightMyRequestResponse, want: Expectation, label: string): void {
  expect(res.statusCode, `${label}: ${res.body.slice(0, 300)}`).toBeLessThan(500);
  if (want.kind === 'status') expect(res.statusCode, `${label}: ${res.body.slice(0, 300)}`).toBe(want.status);
  else if (want.kind === 'allowed') {
    expect(res.statusCode, `${label}: ${res.body.slice(0, 300)}`).toBeGreaterThanOrEqual(200);
    expect(res.statusCode, `${label}: ${res.body.slice(0, 300)}`).toBeLessThan(300);
  } else expect([401, 404], `${label}: ${res.body.slice(0, 300)}`).not.toContain(res.statusCode);
  if (res.statusCode >= 400 && res.body !== '')
    expect(res.json().error, label).toMatchObject({ code: expect.any(String), message: expect.any(String) });
}

describe('access matrix', () => {
  it('every route declares its access, and every route has a case here', async () => {
    const table = t.app.routeTable;
    expect(table.length).toBeGreaterThan(30);
    const allowed = new Set<string>([...PERMISSIONS, 'authenticated', 'public']);
    for (const r of table) expect(allowed.has(String(r.access)), keyOf(r)).toBe(true);
    const uncovered = table.filter((r) => !isDocsAsset(r.url) && !caseFor(r.method, r.url)).map(keyOf);
    expect(uncovered, 'routes without an access-matrix case: add one to CASES').toEqual([]);
    const stale = Object.entries(CASES)
      .filter(([key, c]) => !c.lenient && !table.some((r) => keyOf(r) === key))
      .map(([key]) => key);
    expect(stale, 'cases for routes that no longer exist').toEqual([]);
  });

  it('public documentation assets answer anyone', async () => {
    for (const r of t.app.routeTable.filter((x) => isDocsAsset(x.url) && x.method === 'GET')) {
      const res = await t.app.inject({ method: 'GET', url: r.url.replace('*', 'index.html') });
      expect(res.statusCode, keyOf(r)).toBeLessThan(500);
      expect([401, 403], keyOf(r)).not.toContain(res.statusCode);
    }
  });

  const keys = [...new Set(Object.keys(CASES))];
  for (const key of keys) {
    for (const method of key.startsWith('GET ') ? ['GET', 'HEAD'] : [key.split(' ')[0]!]) {
      const url = key.slice(key.indexOf(' ') + 1);
      const name = `${method} ${url}`;
      it(name, async ({ skip }) => {
        const route = t.app.routeTable.find((r) => r.method === method && r.url === url);
        if (!route) {
          // Only cases marked lenient (routes still being built) may be missing.
          expect(CASES[key]!.lenient, `${name} is not registered`).toBe(true);
          skip();
          return;
        }
        const c = CASES[key]!;
        const access = String(route.access);
        check(await send(method, await c.build('in'), null), expected(access, c, null, 'in'), `${name} anonymous`);
        for (const role of ROLES) {
          for (const where of ['in', 'out'] as const) {
            const res = await send(method, await c.build(where), clients.get(role)!);
            check(res, expected(access, c, role, where), `${name} as ${role}, record ${where === 'in' ? 'in' : 'out of'} scope`);
          }
        }
      });
    }
  }
});
