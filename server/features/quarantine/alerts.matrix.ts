import type { CaseTable, Where } from '../../../test/matrix.ts';
import { API } from '../../../test/requests.ts';
import { newId, nowIso } from '../../platform/db/ids.ts';
import { insertCase } from './health-reports.matrix.ts';

/**
 * Alerts about a case in the caller's county or the other one, written straight into the table;
 * the case is observed by the matrix's medical observer (who sees only their cases' alerts).
 */
export const alertsMatrix: CaseTable = (ctx) => {
  async function alert(where: Where): Promise<string> {
    const regionId = ctx.area(where).grid.id;
    const db = ctx.t.deps.db.db;
    const observer = await db.selectFrom('accounts').select('id').where('login', '=', 'm-medical_observer').executeTakeFirst();
    const caseId = await insertCase(db, { regionId, medicalObserverId: observer?.id ?? null });
    const id = newId();
    const now = nowIso();
    await db
      .insertInto('alerts')
      .values({
        id,
        caseId,
        regionId,
        kind: 'missed_slot',
        slotOn: '2020-02-10',
        slot: 'morning',
        reportId: null,
        ownerAccountId: null,
        level: 0,
        escalatedAt: null,
        status: 'open',
        outcome: null,
        closedBy: null,
        closedAt: null,
        createdAt: now,
        updatedAt: now,
      })
      .execute();
    return id;
  }
  return {
    'GET /api/v1/quarantine/alerts': {
      scoped: true,
      build: async (where) => ({ url: `${API}/quarantine/alerts?regionId=${ctx.area(where).county.id}&status=open` }),
    },
    'GET /api/v1/quarantine/alerts/:id': {
      scoped: true,
      build: async (where) => ({ url: `${API}/quarantine/alerts/${await alert(where)}` }),
    },
    'POST /api/v1/quarantine/alerts/:id/take': {
      scoped: true,
      build: async (where) => ({ url: `${API}/quarantine/alerts/${await alert(where)}/take`, body: {} }),
    },
    'POST /api/v1/quarantine/alerts/:id/close': {
      scoped: true,
      build: async (where) => ({
        url: `${API}/quarantine/alerts/${await alert(where)}/close`,
        body: { outcome: '已电话联系，体温复测正常' },
      }),
    },
  };
};
