import type { Role } from '../../../common/enums.ts';
import type { CaseTable, Where } from '../../../test/matrix.ts';
import { API } from '../../../test/requests.ts';
import { addDays, calendarDate } from '../../platform/dates.ts';
import { newId, nowIso } from '../../platform/db/ids.ts';
import { volunteerOfAccount } from '../duty/duty.test-helpers.ts';

/** The roles that visit only the grids given to them (screening.visit without screening.plan). */
const ON_THE_GROUND: readonly Role[] = ['volunteer', 'team_leader'];

/**
 * Screening campaigns, made straight in the database over the community of the caller's county or
 * the other one. In the caller's county the grid is given to a team holding the m-volunteer and
 * m-team_leader volunteers, so they may visit there; in the other county they hold no grid and
 * the campaign reads as missing.
 */
export const screeningMatrix: CaseTable = (ctx) => {
  const db = () => ctx.t.deps.db.db;
  const today = () => calendarDate(ctx.t.deps.config.timeZone);

  async function campaign(where: Where): Promise<{ id: string; householdId: string }> {
    const id = newId();
    const now = nowIso();
    const area = ctx.area(where);
    await db()
      .insertInto('screeningCampaigns')
      .values({
        id,
        name: ctx.uniq('排查'),
        regionId: area.community.id,
        startsOn: addDays(today(), -1),
        endsOn: addDays(today(), 5),
        status: 'active',
        note: null,
        createdBy: null,
        createdAt: now,
        updatedAt: now,
      })
      .execute();
    const householdId = newId();
    await db()
      .insertInto('households')
      .values({
        id: householdId,
        regionId: area.grid.id,
        building: '1',
        unit: '1',
        room: '101',
        address: ctx.uniq('矩阵路 1-1-101 '),
        housing: 'owner',
        note: null,
        createdAt: now,
        updatedAt: now,
      })
      .execute();
    if (where === 'in') {
      const teamId = newId();
      await db()
        .insertInto('teams')
        .values({
          id: teamId,
          parentTeamId: null,
          name: ctx.uniq('排查队'),
          kind: 'volunteer_service',
          regionId: area.community.id,
          leaderVolunteerId: null,
          description: null,
          branchName: null,
          branchSecretaryId: null,
          createdAt: now,
          updatedAt: now,
        })
        .execute();
      for (const role of ON_THE_GROUND) {
        const account = await db().selectFrom('accounts').select('id').where('login', '=', `m-${role}`).executeTakeFirstOrThrow();
        const volunteerId = await volunteerOfAccount(db(), ctx.t.factory, account.id, area.grid.id);
        await db()
          .insertInto('teamMembers')
          .values({ teamId, volunteerId, roleTags: '[]', inBranch: 0, joinedAt: now })
          .execute();
      }
      await db()
        .insertInto('screeningAssignments')
        .values({ campaignId: id, regionId: area.grid.id, volunteerId: null, teamId, createdAt: now })
        .execute();
    }
    return { id, householdId };
  }

  return {
    'GET /api/v1/screening/campaigns': {
      scoped: true,
      build: async (where) => ({ url: `${API}/screening/campaigns?regionId=${ctx.area(where).county.id}&status=active` }),
    },
    'GET /api/v1/screening/campaigns/:id': {
      scoped: true,
      build: async (where) => ({ url: `${API}/screening/campaigns/${(await campaign(where)).id}` }),
    },
    'POST /api/v1/screening/campaigns': {
      scoped: true,
      status: 201,
      build: async (where) => ({
        url: `${API}/screening/campaigns`,
        body: { name: ctx.uniq('排查'), regionId: ctx.area(where).community.id, startsOn: today(), endsOn: addDays(today(), 3) },
      }),
    },
    'PATCH /api/v1/screening/campaigns/:id': {
      scoped: true,
      build: async (where) => ({ url: `${API}/screening/campaigns/${(await campaign(where)).id}`, body: { note: '第二轮' } }),
    },
    'POST /api/v1/screening/campaigns/:id/close': {
      scoped: true,
      build: async (where) => ({ url: `${API}/screening/campaigns/${(await campaign(where)).id}/close`, body: {} }),
    },
    'PUT /api/v1/screening/campaigns/:id/assignments': {
      scoped: true,
      build: async (where) => ({
        url: `${API}/screening/campaigns/${(await campaign(where)).id}/assignments`,
        body: { items: [] },
      }),
    },
    'GET /api/v1/screening/campaigns/:id/coverage': {
      scoped: true,
      build: async (where) => ({ url: `${API}/screening/campaigns/${(await campaign(where)).id}/coverage` }),
    },
    'GET /api/v1/screening/field/campaigns': {
      scoped: false,
      build: async () => ({ url: `${API}/screening/field/campaigns` }),
    },
    'GET /api/v1/screening/campaigns/:id/grids/:gridId/households': {
      scoped: true,
      build: async (where) => ({
        url: `${API}/screening/campaigns/${(await campaign(where)).id}/grids/${ctx.area(where).grid.id}/households?q=101`,
      }),
    },
    'POST /api/v1/screening/campaigns/:id/visits': {
      scoped: true,
      status: 201,
      build: async (where) => {
        const c = await campaign(where);
        return {
          url: `${API}/screening/campaigns/${c.id}/visits`,
          body: { householdId: c.householdId, outcome: 'reached', residentsPresent: 2, feverCount: 0, outsiders: 0 },
        };
      },
    },
  };
};
