import type { CaseTable, Where } from '../../../test/matrix.ts';
import { API } from '../../../test/requests.ts';
import { calendarDate } from '../../platform/dates.ts';
import { newId, nowIso } from '../../platform/db/ids.ts';
import { assign, inMinutes, makeCheckpoint, makeRoster, makeShift } from '../duty/duty.test-helpers.ts';

/**
 * Inspection groups and visits. Records are made straight in the database, so a case depends on
 * no other route; an "out" record lies in county B, which only the admin reaches.
 */
export const inspectionsMatrix: CaseTable = (ctx) => {
  const db = () => ctx.t.deps.db.db;
  const today = () => calendarDate(ctx.t.deps.config.timeZone);

  /** An account that can be put in a group. */
  const person = async (where: Where) =>
    (await ctx.t.factory.account({ grants: [{ role: 'volunteer', regionId: ctx.area(where).grid.id }] })).id;

  async function group(where: Where): Promise<string> {
    const id = newId();
    const now = nowIso();
    const a = ctx.area(where);
    await db()
      .insertInto('inspectionGroups')
      .values({
        id,
        name: ctx.uniq('联络组'),
        kind: 'liaison',
        regionId: a.county.id,
        leaderAccountId: null,
        note: null,
        createdAt: now,
        updatedAt: now,
      })
      .execute();
    await db().insertInto('inspectionGroupRegions').values({ groupId: id, regionId: a.township.id }).execute();
    await db()
      .insertInto('inspectionGroupMembers')
      .values({ groupId: id, accountId: await person(where), createdAt: now })
      .execute();
    return id;
  }

  /** A checkpoint with a published shift going on now and one person on it. */
  async function post(where: Where): Promise<{ checkpointId: string; assignmentId: string }> {
    const a = ctx.area(where);
    const cp = await makeCheckpoint(db(), { regionId: a.community.id });
    const rosterId = await makeRoster(db(), { regionId: a.county.id });
    const shiftId = await makeShift(db(), { rosterId, checkpointId: cp.id, startsAt: inMinutes(-60), endsAt: inMinutes(60) });
    const volunteerId = (await ctx.t.factory.volunteer({ regionId: a.grid.id })).id;
    return { checkpointId: cp.id, assignmentId: await assign(db(), { rosterId, shiftId, volunteerId }) };
  }

  async function inspection(where: Where): Promise<string> {
    const a = ctx.area(where);
    const cp = await makeCheckpoint(db(), { regionId: a.community.id });
    const id = newId();
    const now = nowIso();
    await db()
      .insertInto('inspections')
      .values({
        id,
        checkpointId: cp.id,
        regionId: a.community.id,
        groupId: null,
        inspectorAccountId: await person(where),
        visitedAt: now,
        visitedOn: today(),
        ratingStaffing: 4,
        ratingSupplies: 4,
        ratingRegistration: 5,
        ratingAttitude: 5,
        findings: null,
        expected: 0,
        present: 0,
        absent: 0,
        createdAt: now,
      })
      .execute();
    return id;
  }

  const ratings = { staffing: 3, supplies: 4, registration: 5, attitude: 4 };

  return {
    'GET /api/v1/inspection-groups': {
      scoped: true,
      build: async (where) => ({ url: `${API}/inspection-groups?regionId=${ctx.area(where).county.id}` }),
    },
    'POST /api/v1/inspection-groups': {
      scoped: true,
      status: 201,
      build: async (where) => ({
        url: `${API}/inspection-groups`,
        body: {
          name: ctx.uniq('纪检组'),
          kind: 'discipline',
          regionId: ctx.area(where).county.id,
          areaRegionIds: [ctx.area(where).township.id],
          memberAccountIds: [await person(where)],
        },
      }),
    },
    'GET /api/v1/inspection-groups/:id': {
      scoped: true,
      build: async (where) => ({ url: `${API}/inspection-groups/${await group(where)}` }),
    },
    'PATCH /api/v1/inspection-groups/:id': {
      scoped: true,
      build: async (where) => ({ url: `${API}/inspection-groups/${await group(where)}`, body: { note: ctx.uniq('说明') } }),
    },
    'DELETE /api/v1/inspection-groups/:id': {
      scoped: true,
      build: async (where) => ({ url: `${API}/inspection-groups/${await group(where)}` }),
    },
    'GET /api/v1/inspections/checkpoints/:checkpointId/crew': {
      scoped: true,
      build: async (where) => ({ url: `${API}/inspections/checkpoints/${(await post(where)).checkpointId}/crew` }),
    },
    'POST /api/v1/inspections': {
      scoped: true,
      status: 201,
      build: async (where) => {
        const { checkpointId, assignmentId } = await post(where);
        return { url: `${API}/inspections`, body: { checkpointId, marks: [{ assignmentId, mark: 'absent' }], ratings } };
      },
    },
    'GET /api/v1/inspections': {
      scoped: true,
      build: async (where) => ({ url: `${API}/inspections?regionId=${ctx.area(where).county.id}` }),
    },
    'GET /api/v1/inspections/:id': {
      scoped: true,
      build: async (where) => ({ url: `${API}/inspections/${await inspection(where)}` }),
    },
    'GET /api/v1/inspections/coverage': {
      scoped: true,
      build: async (where) => {
        await post(where);
        return { url: `${API}/inspections/coverage?regionId=${ctx.area(where).county.id}` };
      },
    },
    'GET /api/v1/inspections/absences': {
      scoped: true,
      build: async (where) => ({
        url: `${API}/inspections/absences?regionId=${ctx.area(where).county.id}&from=${today()}&to=${today()}`,
      }),
    },
  };
};
