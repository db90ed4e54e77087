import type { CaseTable, Where } from '../../../test/matrix.ts';
import { API } from '../../../test/requests.ts';
import { calendarDate } from '../../platform/dates.ts';
import { newId, nowIso } from '../../platform/db/ids.ts';
import { matrixCase } from './cases.matrix.ts';

/** Services on a case of county A or B, given to no volunteer: only staff of the area may log them. */
export const caseServicesMatrix: CaseTable = (ctx) => {
  async function service(where: Where): Promise<string> {
    const caseId = await matrixCase(ctx, where);
    const id = newId();
    const now = nowIso();
    await ctx.t.deps.db.db
      .insertInto('caseServices')
      .values({
        id,
        caseId,
        kind: 'supplies',
        everyDays: 2,
        nextOn: calendarDate(ctx.t.deps.config.timeZone),
        volunteerId: null,
        note: null,
        active: 1,
        createdAt: now,
        updatedAt: now,
      })
      .execute();
    return id;
  }
  return {
    'GET /api/v1/quarantine/cases/:id/services': {
      scoped: true,
      build: async (where) => ({ url: `${API}/quarantine/cases/${await matrixCase(ctx, where)}/services` }),
    },
    'POST /api/v1/quarantine/cases/:id/services': {
      scoped: true,
      build: async (where) => ({
        url: `${API}/quarantine/cases/${await matrixCase(ctx, where)}/services`,
        body: { kind: 'disinfection', everyDays: 2, startsOn: calendarDate(ctx.t.deps.config.timeZone) },
      }),
    },
    'PATCH /api/v1/quarantine/services/:id': {
      scoped: true,
      build: async (where) => ({ url: `${API}/quarantine/services/${await service(where)}`, body: { everyDays: 3 } }),
    },
    'GET /api/v1/quarantine/services/due': {
      scoped: true,
      build: async (where) => ({ url: `${API}/quarantine/services/due?regionId=${ctx.area(where).county.id}` }),
    },
    'GET /api/v1/quarantine/services/mine': { scoped: false, build: async () => ({ url: `${API}/quarantine/services/mine` }) },
    'POST /api/v1/quarantine/services/:id/logs': {
      scoped: true,
      // Volunteers and team leaders log only the services given to them: another's is not there.
      expectFor: (role) => (role === 'volunteer' || role === 'team_leader' ? 404 : undefined),
      build: async (where) => ({
        url: `${API}/quarantine/services/${await service(where)}/logs`,
        body: { items: '米 5kg，蔬菜一袋' },
      }),
    },
  };
};
