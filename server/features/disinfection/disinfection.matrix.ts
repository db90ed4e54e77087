import type { CaseTable, MatrixContext, Where } from '../../../test/matrix.ts';
import { API } from '../../../test/requests.ts';
import { calendarDate } from '../../platform/dates.ts';
import { newId, nowIso } from '../../platform/db/ids.ts';

/** Places, schedules and logs in county A or B, written straight to the tables; logs by an account no role client uses. */
export const disinfectionMatrix: CaseTable = (ctx: MatrixContext) => {
  const db = () => ctx.t.deps.db.db;
  const today = () => calendarDate(ctx.t.deps.config.timeZone);
  let loggerId: string | undefined;

  async function place(where: Where): Promise<string> {
    const id = newId();
    const now = nowIso();
    await db()
      .insertInto('disinfectionPlaces')
      .values({
        id,
        regionId: ctx.area(where).community.id,
        kind: 'stairwell',
        name: ctx.uniq('楼道'),
        address: null,
        areaM2: 300,
        checkpointId: null,
        active: 1,
        note: null,
        createdBy: null,
        createdAt: now,
        updatedAt: now,
      })
      .execute();
    return id;
  }

  async function schedule(where: Where): Promise<string> {
    const placeId = await place(where);
    const volunteer = await ctx.t.factory.volunteer({ regionId: ctx.area(where).grid.id });
    const id = newId();
    const now = nowIso();
    await db()
      .insertInto('disinfectionSchedules')
      .values({
        id,
        placeId,
        regionId: ctx.area(where).community.id,
        everyDays: 1,
        nextOn: today(),
        teamId: null,
        volunteerId: volunteer.id,
        active: 1,
        note: null,
        createdBy: null,
        createdAt: now,
        updatedAt: now,
      })
      .execute();
    return id;
  }

  async function log(where: Where): Promise<string> {
    loggerId ??= (await ctx.t.factory.account({ grants: [{ role: 'volunteer', regionId: ctx.w.a.grid.id }] })).id;
    const id = newId();
    const now = nowIso();
    await db()
      .insertInto('disinfectionLogs')
      .values({
        id,
        regionId: ctx.area(where).community.id,
        placeId: await place(where),
        scheduleId: null,
        caseId: null,
        caseServiceId: null,
        doneAt: now,
        doneOn: today(),
        byAccountId: loggerId,
        teamId: null,
        people: 2,
        areaM2: 300,
        agent: '含氯消毒剂',
        concentration: '500 mg/L',
        method: 'spray',
        contactMinutes: 30,
        note: null,
        signedOffBy: null,
        signedOffAt: null,
        signOffNote: null,
        createdAt: now,
      })
      .execute();
    return id;
  }

  const county = (where: Where) => ctx.area(where).county.id;
  return {
    'GET /api/v1/disinfection/places': {
      scoped: true,
      build: async (where) => ({ url: `${API}/disinfection/places?regionId=${county(where)}` }),
    },
    'POST /api/v1/disinfection/places': {
      scoped: true,
      status: 201,
      build: async (where) => ({
        url: `${API}/disinfection/places`,
        body: { regionId: ctx.area(where).community.id, kind: 'market', name: ctx.uniq('农贸市场'), areaM2: 2000 },
      }),
    },
    'GET /api/v1/disinfection/places/:id': {
      scoped: true,
      build: async (where) => ({ url: `${API}/disinfection/places/${await place(where)}` }),
    },
    'PATCH /api/v1/disinfection/places/:id': {
      scoped: true,
      build: async (where) => ({ url: `${API}/disinfection/places/${await place(where)}`, body: { areaM2: 450 } }),
    },
    'DELETE /api/v1/disinfection/places/:id': {
      scoped: true,
      build: async (where) => ({ url: `${API}/disinfection/places/${await place(where)}` }),
    },
    'GET /api/v1/disinfection/my/places': { scoped: false, build: async () => ({ url: `${API}/disinfection/my/places` }) },
    'GET /api/v1/disinfection/schedules': {
      scoped: true,
      build: async (where) => ({ url: `${API}/disinfection/schedules?regionId=${county(where)}` }),
    },
    'POST /api/v1/disinfection/schedules': {
      scoped: true,
      status: 201,
      build: async (where) => ({
        url: `${API}/disinfection/schedules`,
        body: {
          placeId: await place(where),
          everyDays: 2,
          startsOn: today(),
          volunteerId: (await ctx.t.factory.volunteer({ regionId: ctx.area(where).grid.id })).id,
        },
      }),
    },
    'PATCH /api/v1/disinfection/schedules/:id': {
      scoped: true,
      build: async (where) => ({ url: `${API}/disinfection/schedules/${await schedule(where)}`, body: { everyDays: 3 } }),
    },
    'GET /api/v1/disinfection/my/jobs': { scoped: false, build: async () => ({ url: `${API}/disinfection/my/jobs` }) },
    'POST /api/v1/disinfection/logs': {
      scoped: true,
      status: 201,
      build: async (where) => ({
        url: `${API}/disinfection/logs`,
        body: { placeId: await place(where), areaM2: 300, agent: '84消毒液', concentration: '500 mg/L', method: 'spray' },
      }),
    },
    'GET /api/v1/disinfection/logs': {
      scoped: true,
      build: async (where) => ({ url: `${API}/disinfection/logs?regionId=${county(where)}` }),
    },
    'GET /api/v1/disinfection/logs/:id': {
      scoped: true,
      build: async (where) => ({ url: `${API}/disinfection/logs/${await log(where)}` }),
    },
    'POST /api/v1/disinfection/logs/:id/sign-off': {
      scoped: true,
      build: async (where) => ({ url: `${API}/disinfection/logs/${await log(where)}/sign-off`, body: { note: '现场抽查合格' } }),
    },
    'GET /api/v1/disinfection/my/logs': { scoped: false, build: async () => ({ url: `${API}/disinfection/my/logs` }) },
    'GET /api/v1/disinfection/totals': {
      scoped: true,
      build: async (where) => ({ url: `${API}/disinfection/totals?regionId=${county(where)}` }),
    },
  };
};
