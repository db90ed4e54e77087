import type { Kysely } from 'kysely';
import type { CaseTable, MatrixContext, Where } from '../../../test/matrix.ts';
import { API } from '../../../test/requests.ts';
import { calendarDate } from '../../platform/dates.ts';
import { newId, nowIso } from '../../platform/db/ids.ts';
import type { Database } from '../../platform/db/schema.ts';

/** The person and place columns a returnee and a contact share, for a row written straight to its table. */
export function personColumns(regionId: string) {
  const now = nowIso();
  return {
    id: newId(),
    regionId,
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

/** The same in the community of county A ('in') or B. */
export const personRow = (ctx: MatrixContext, where: Where) => personColumns(ctx.area(where).community.id);

/** A household written straight to its table (its region's tally is left alone), at an address of its own. */
export async function insertHousehold(db: Kysely<Database>, regionId: string): Promise<string> {
  const id = newId();
  const now = nowIso();
  await db
    .insertInto('households')
    .values({
      id,
      regionId,
      building: '2',
      unit: '1',
      room: '301',
      address: `雪松路 ${id.slice(-6)}`,
      housing: 'owner',
      note: null,
      createdAt: now,
      updatedAt: now,
    })
    .execute();
  return id;
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
