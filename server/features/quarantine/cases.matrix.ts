import type { CaseTable, MatrixContext, Where } from '../../../test/matrix.ts';
import { API } from '../../../test/requests.ts';
import { calendarDate, addDays } from '../../platform/dates.ts';
import { newId, nowIso } from '../../platform/db/ids.ts';
import type { IsolationCaseTable } from '../../platform/db/schema.ts';
import { caseMobile } from './health-reports.matrix.ts';

let seq = 0;

/**
 * An isolation case written straight to the table in the community of county A or B, observed
 * by the matrix's medical observer (who sees only the cases they observe).
 */
export async function matrixCase(ctx: MatrixContext, where: Where, o: Partial<IsolationCaseTable> = {}): Promise<string> {
  const db = ctx.t.deps.db.db;
  const observer = await db.selectFrom('accounts').select('id').where('login', '=', 'm-medical_observer').executeTakeFirst();
  const today = calendarDate(ctx.t.deps.config.timeZone);
  const id = newId();
  const now = nowIso();
  await db
    .insertInto('isolationCases')
    .values({
      id,
      ref: ctx.uniq('GL-MATRIX-'),
      regionId: ctx.area(where).community.id,
      householdId: null,
      returneeId: null,
      contactId: null,
      personName: '王五',
      idNumberEnc: null,
      idNumberIndex: null,
      mobile: caseMobile(++seq),
      address: '建设路 1 号',
      kind: 'home',
      plan: 'd14',
      planDays: 14,
      startBasis: 'other',
      startsOn: addDays(today, -3),
      endsOn: addDays(today, 10),
      status: 'active',
      gridWorkerId: null,
      medicalObserverId: observer?.id ?? null,
      volunteerId: null,
      closedOn: null,
      closeKind: null,
      closeReason: null,
      hospital: null,
      createdBy: null,
      createdAt: now,
      updatedAt: now,
      anonymisedAt: null,
      ...o,
    })
    .execute();
  return id;
}

export const casesMatrix: CaseTable = (ctx) => {
  const at = async (where: Where, suffix = '', o: Partial<IsolationCaseTable> = {}) =>
    `${API}/quarantine/cases/${await matrixCase(ctx, where, o)}${suffix}`;
  return {
    'GET /api/v1/quarantine/cases': {
      scoped: true,
      build: async (where) => ({ url: `${API}/quarantine/cases?regionId=${ctx.area(where).county.id}&status=active` }),
    },
    'POST /api/v1/quarantine/cases': {
      scoped: true,
      build: async (where) => ({
        url: `${API}/quarantine/cases`,
        body: {
          regionId: ctx.area(where).community.id,
          personName: '赵六',
          mobile: `139${String(Math.floor(Math.random() * 1e8)).padStart(8, '0')}`,
          kind: 'home',
        },
      }),
    },
    'GET /api/v1/quarantine/assignees': {
      scoped: true,
      build: async (where) => ({ url: `${API}/quarantine/assignees?regionId=${ctx.area(where).community.id}` }),
    },
    'GET /api/v1/quarantine/case-sources': {
      scoped: true,
      build: async (where) => ({ url: `${API}/quarantine/case-sources?kind=contact&regionId=${ctx.area(where).community.id}` }),
    },
    'GET /api/v1/quarantine/cases/:id': { scoped: true, build: async (where) => ({ url: await at(where) }) },
    'PATCH /api/v1/quarantine/cases/:id': {
      scoped: true,
      build: async (where) => ({ url: await at(where), body: { volunteerId: null } }),
    },
    'POST /api/v1/quarantine/cases/:id/reveal': {
      scoped: true,
      alsoRequires: ['quarantine.read'],
      build: async (where) => ({ url: await at(where, '/reveal'), body: {} }),
    },
    'POST /api/v1/quarantine/cases/:id/extend': {
      scoped: true,
      build: async (where) => ({ url: await at(where, '/extend'), body: { endsOn: '2099-01-01', reason: '复查结果未出' } }),
    },
    'POST /api/v1/quarantine/cases/:id/release': {
      scoped: true,
      build: async (where) => ({
        url: await at(where, '/release'),
        body: { early: true, reason: '核酸检测阴性，经评估提前解除' },
      }),
    },
    'POST /api/v1/quarantine/cases/:id/transfer': {
      scoped: true,
      build: async (where) => ({ url: await at(where, '/transfer'), body: { hospital: '驻马店市中心医院', reason: '持续发热' } }),
    },
    'GET /api/v1/quarantine/cases/:id/release-notice': {
      scoped: true,
      build: async (where) => ({
        url: await at(where, '/release-notice', {
          status: 'released',
          closeKind: 'normal',
          closedOn: calendarDate(ctx.t.deps.config.timeZone),
        }),
      }),
    },
  };
};
