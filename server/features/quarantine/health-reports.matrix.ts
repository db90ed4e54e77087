import type { Kysely } from 'kysely';
import type { CaseTable, Where } from '../../../test/matrix.ts';
import { API } from '../../../test/requests.ts';
import { tokenHash } from '../../platform/auth/tokens.ts';
import { calendarDate, addDays } from '../../platform/dates.ts';
import { newId, nowIso } from '../../platform/db/ids.ts';
import type { Database, IsolationCaseTable } from '../../platform/db/schema.ts';
import { newResidentToken } from './resident-tokens.service.ts';

let seq = 0;

/**
 * A mobile of its own for each case (one active case per person: name and mobile when there is no
 * ID number), all masked alike: 138****8000.
 */
export const caseMobile = (n: number) => String(13800138000 + n * 10_000);

/**
 * An active isolation case written straight into its table (the cases feature is built in
 * parallel): started `daysAgo` days ago for 14 days, created well before any slot it is checked on.
 */
export async function insertCase(
  db: Kysely<Database>,
  o: { regionId: string; daysAgo?: number } & Partial<IsolationCaseTable>,
): Promise<string> {
  const today = calendarDate('Asia/Shanghai');
  const startsOn = addDays(today, -(o.daysAgo ?? 3));
  const id = newId();
  const now = nowIso();
  const { daysAgo: _d, ...rest } = o;
  const n = ++seq;
  await db
    .insertInto('isolationCases')
    .values({
      id,
      ref: `GL-T-${n}-${id.slice(-6)}`,
      householdId: null,
      returneeId: null,
      contactId: null,
      personName: '张小明',
      idNumberEnc: null,
      idNumberIndex: null,
      mobile: caseMobile(n),
      address: null,
      kind: 'home',
      plan: 'd14',
      planDays: 14,
      startBasis: 'return',
      startsOn,
      endsOn: addDays(startsOn, 13),
      status: 'active',
      gridWorkerId: null,
      medicalObserverId: null,
      volunteerId: null,
      closedOn: null,
      closeKind: null,
      closeReason: null,
      hospital: null,
      createdBy: null,
      createdAt: nowIso(new Date(Date.parse(startsOn) - 86_400_000)),
      updatedAt: now,
      anonymisedAt: null,
      ...rest,
    })
    .execute();
  return id;
}

/** A live personal link for a case; the token. */
export async function insertToken(db: Kysely<Database>, caseId: string): Promise<string> {
  const token = newResidentToken();
  await db
    .insertInto('residentTokens')
    .values({
      id: newId(),
      purpose: 'health_report',
      caseId,
      householdId: null,
      tokenHash: tokenHash(token),
      expiresAt: nowIso(new Date(Date.now() + 30 * 86_400_000)),
      revokedAt: null,
      createdBy: null,
      createdAt: nowIso(),
    })
    .execute();
  return token;
}

/** A report with a fever reading still waiting for its re-measure. */
export async function insertFeverReport(db: Kysely<Database>, caseId: string, regionId: string): Promise<string> {
  const id = newId();
  const now = nowIso();
  await db
    .insertInto('healthReports')
    .values({
      id,
      caseId,
      regionId,
      slotOn: addDays(calendarDate('Asia/Shanghai'), -1),
      slot: 'evening',
      temperature: 38.2,
      remeasuredTemperature: null,
      remeasuredAt: null,
      fever: 1,
      symptoms: '[]',
      feeling: 'fair',
      helpRequest: null,
      late: 0,
      enteredBy: null,
      reportedAt: now,
      createdAt: now,
      updatedAt: now,
      anonymisedAt: null,
    })
    .execute();
  return id;
}

const report = { temperature: 36.6, symptoms: [], feeling: 'good' };

export const healthReportsMatrix: CaseTable = (ctx) => {
  const db = () => ctx.t.deps.db.db;
  const kase = (where: Where) => insertCase(db(), { regionId: ctx.area(where).grid.id });
  const linked = async (where: Where) => insertToken(db(), await kase(where));
  return {
    'POST /api/v1/quarantine/cases/:id/card': {
      scoped: true,
      build: async (where) => ({ url: `${API}/quarantine/cases/${await kase(where)}/card`, body: {} }),
    },
    'DELETE /api/v1/quarantine/cases/:id/card': {
      scoped: true,
      build: async (where) => ({ url: `${API}/quarantine/cases/${await kase(where)}/card` }),
    },
    'GET /api/v1/quarantine/cases/:id/reports': {
      scoped: true,
      build: async (where) => ({ url: `${API}/quarantine/cases/${await kase(where)}/reports` }),
    },
    'POST /api/v1/quarantine/cases/:id/reports': {
      scoped: true,
      status: 201,
      build: async (where) => ({
        url: `${API}/quarantine/cases/${await kase(where)}/reports`,
        body: { ...report, slotOn: addDays(calendarDate('Asia/Shanghai'), -1), slot: 'morning' },
      }),
    },
    'GET /api/v1/h/:token': { scoped: false, build: async (where) => ({ url: `${API}/h/${await linked(where)}` }) },
    // A case three days in always has a slot to report: the open window or a late one.
    'POST /api/v1/h/:token/reports': {
      scoped: false,
      status: 201,
      build: async (where) => ({ url: `${API}/h/${await linked(where)}/reports`, body: report }),
    },
    'POST /api/v1/h/:token/reports/remeasure': {
      scoped: false,
      build: async (where) => {
        const regionId = ctx.area(where).grid.id;
        const caseId = await insertCase(db(), { regionId });
        await insertFeverReport(db(), caseId, regionId);
        return { url: `${API}/h/${await insertToken(db(), caseId)}/reports/remeasure`, body: { temperature: 36.8 } };
      },
    },
  };
};
