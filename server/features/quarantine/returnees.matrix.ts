import type { CaseTable, MatrixContext, Where } from '../../../test/matrix.ts';
import { API } from '../../../test/requests.ts';
import { calendarDate } from '../../platform/dates.ts';
import { newId, nowIso } from '../../platform/db/ids.ts';

/** The person and place columns a returnee and a contact share, in the community of county A ('in') or B. */
export function personRow(ctx: MatrixContext, where: Where) {
  const now = nowIso();
  return {
    id: newId(),
    regionId: ctx.area(where).community.id,
    householdId: null,
    name: '李四',
    idNumberEnc: null,
    idNumberIndex: null,
    mobile: '13900001111',
    address: '雪松路 1 号',
    followUpId: null,
    note: null,
    createdBy: null,
    createdAt: now,
    updatedAt: now,
    anonymisedAt: null,
  };
}

/** Returnees, made straight in the database in the community of the caller's county or the other one. */
export const returneesMatrix: CaseTable = (ctx) => {
  const today = () => calendarDate(ctx.t.deps.config.timeZone);

  async function returnee(where: Where): Promise<string> {
    const row = {
      ...personRow(ctx, where),
      originCode: '420100',
      originName: '湖北省 武汉市',
      fromRiskArea: 0,
      returnedOn: today(),
      transport: 'rail',
      tripNumber: 'G72',
      exposures: '[]',
      proposedMeasure: 'health_monitoring',
      measure: null,
      measureBy: null,
      measureAt: null,
    };
    await ctx.t.deps.db.db.insertInto('returnees').values(row).execute();
    return row.id;
  }

  const returneeBody = (where: Where) => ({
    regionId: ctx.area(where).community.id,
    name: ctx.uniq('返乡'),
    originCode: '420600',
    returnedOn: today(),
    transport: 'coach',
    tripNumber: '襄阳—驻马店班车',
  });
  return {
    'GET /api/v1/returnees': {
      scoped: true,
      build: async (where) => ({ url: `${API}/returnees?regionId=${ctx.area(where).county.id}&pending=true` }),
    },
    'POST /api/v1/returnees': {
      scoped: true,
      build: async (where) => ({ url: `${API}/returnees`, body: returneeBody(where) }),
    },
    'GET /api/v1/returnees/:id': {
      scoped: true,
      build: async (where) => ({ url: `${API}/returnees/${await returnee(where)}` }),
    },
    'PATCH /api/v1/returnees/:id': {
      scoped: true,
      build: async (where) => ({ url: `${API}/returnees/${await returnee(where)}`, body: { address: '雪松路 2 号' } }),
    },
    'POST /api/v1/returnees/:id/measure': {
      scoped: true,
      build: async (where) => ({
        url: `${API}/returnees/${await returnee(where)}/measure`,
        body: { measure: 'health_monitoring' },
      }),
    },
    'POST /api/v1/returnees/:id/reveal': {
      scoped: true,
      build: async (where) => ({ url: `${API}/returnees/${await returnee(where)}/reveal`, body: {} }),
    },
  };
};
