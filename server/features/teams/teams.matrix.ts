import { newId, nowIso } from '../../platform/db/ids.ts';
import type { CaseTable, Where } from '../../../test/matrix.ts';
import { API } from '../../../test/requests.ts';

/**
 * Teams and posts. Records are made straight in the database, so a case depends on no other route.
 * The member routes need leadership for team leaders: POST and PATCH use a team (or a sub-team of
 * one) led by the m-team_leader account's volunteer, so the leader succeeds in county A; DELETE
 * uses a team led by nobody, where the leader is refused with 403.
 */
export const teamsMatrix: CaseTable = (ctx) => {
  const db = () => ctx.t.deps.db.db;
  let leaderVolunteer: Promise<string> | undefined;

  /** The volunteer whose account is m-team_leader (made once). */
  const matrixLeader = () =>
    (leaderVolunteer ??= (async () => {
      const account = await db()
        .selectFrom('accounts')
        .select('id')
        .where('login', '=', 'm-team_leader')
        .executeTakeFirstOrThrow();
      return (await ctx.t.factory.volunteer({ regionId: ctx.area('in').grid.id, accountId: account.id })).id;
    })());

  const volunteer = async (where: Where) => (await ctx.t.factory.volunteer({ regionId: ctx.area(where).grid.id })).id;

  async function team(
    where: Where,
    o: { leaderVolunteerId?: string; parentTeamId?: string; branchName?: string } = {},
  ): Promise<string> {
    const id = newId();
    const now = nowIso();
    await db()
      .insertInto('teams')
      .values({
        id,
        parentTeamId: o.parentTeamId ?? null,
        name: ctx.uniq('矩阵队'),
        kind: 'shock',
        regionId: ctx.area(where).township.id,
        leaderVolunteerId: o.leaderVolunteerId ?? null,
        description: null,
        branchName: o.branchName ?? null,
        branchSecretaryId: null,
        createdAt: now,
        updatedAt: now,
      })
      .execute();
    if (o.leaderVolunteerId) await member(id, o.leaderVolunteerId);
    return id;
  }

  async function member(teamId: string, volunteerId: string): Promise<void> {
    await db()
      .insertInto('teamMembers')
      .values({ teamId, volunteerId, roleTags: '[]', inBranch: 0, joinedAt: nowIso() })
      .execute();
  }

  async function post(where: Where): Promise<string> {
    const id = newId();
    const now = nowIso();
    await db()
      .insertInto('posts')
      .values({
        id,
        kind: 'model_post',
        name: ctx.uniq('示范岗'),
        volunteerId: await volunteer(where),
        regionId: ctx.area(where).community.id,
        teamId: null,
        checkpointId: null,
        description: null,
        startsOn: '2020-02-01',
        endsOn: null,
        createdAt: now,
        updatedAt: now,
      })
      .execute();
    return id;
  }

  const area = ctx.area;
  return {
    'GET /api/v1/teams': { scoped: true, build: async (where) => ({ url: `${API}/teams?regionId=${area(where).county.id}` }) },
    'GET /api/v1/teams/:id': { scoped: true, build: async (where) => ({ url: `${API}/teams/${await team(where)}` }) },
    'POST /api/v1/teams': {
      scoped: true,
      status: 201,
      build: async (where) => ({
        url: `${API}/teams`,
        body: {
          name: ctx.uniq('新队'),
          kind: 'emergency',
          regionId: area(where).community.id,
          leaderVolunteerId: await volunteer(where),
        },
      }),
    },
    'PATCH /api/v1/teams/:id': {
      scoped: true,
      build: async (where) => ({ url: `${API}/teams/${await team(where)}`, body: { description: ctx.uniq('说明') } }),
    },
    'DELETE /api/v1/teams/:id': { scoped: true, build: async (where) => ({ url: `${API}/teams/${await team(where)}` }) },
    'PUT /api/v1/teams/:id/branch': {
      scoped: true,
      build: async (where) => {
        const teamId = await team(where);
        const secretary = await volunteer(where);
        await member(teamId, secretary);
        return { url: `${API}/teams/${teamId}/branch`, body: { name: '临时党支部', secretaryVolunteerId: secretary } };
      },
    },
    'DELETE /api/v1/teams/:id/branch': {
      scoped: true,
      build: async (where) => ({ url: `${API}/teams/${await team(where, { branchName: '临时党支部' })}/branch` }),
    },
    'POST /api/v1/teams/:id/members': {
      scoped: true,
      status: 201,
      build: async (where) => {
        const teamId = await team(where, { leaderVolunteerId: await matrixLeader() });
        return { url: `${API}/teams/${teamId}/members`, body: { volunteerId: await volunteer(where), roleTags: ['gatekeeper'] } };
      },
    },
    'PATCH /api/v1/teams/:id/members/:volunteerId': {
      scoped: true,
      build: async (where) => {
        // A sub-team: its parent's leader manages it.
        const parentTeamId = await team(where, { leaderVolunteerId: await matrixLeader() });
        const teamId = await team(where, { parentTeamId });
        const volunteerId = await volunteer(where);
        await member(teamId, volunteerId);
        return { url: `${API}/teams/${teamId}/members/${volunteerId}`, body: { roleTags: ['fighter', 'orderly'] } };
      },
    },
    'DELETE /api/v1/teams/:id/members/:volunteerId': {
      scoped: true,
      // A team the team leader does not lead: in their area, refused; elsewhere, out of sight.
      expectFor: (role, where) => (role === 'team_leader' && where === 'in' ? 403 : undefined),
      build: async (where) => {
        const teamId = await team(where);
        const volunteerId = await volunteer(where);
        await member(teamId, volunteerId);
        return { url: `${API}/teams/${teamId}/members/${volunteerId}` };
      },
    },

    'GET /api/v1/posts': { scoped: true, build: async (where) => ({ url: `${API}/posts?regionId=${area(where).county.id}` }) },
    'POST /api/v1/posts': {
      scoped: true,
      status: 201,
      build: async (where) => ({
        url: `${API}/posts`,
        body: {
          kind: 'vanguard_post',
          name: ctx.uniq('先锋岗'),
          volunteerId: await volunteer(where),
          regionId: area(where).grid.id,
          startsOn: '2020-02-01',
          endsOn: '2020-03-01',
        },
      }),
    },
    'PATCH /api/v1/posts/:id': {
      scoped: true,
      build: async (where) => ({ url: `${API}/posts/${await post(where)}`, body: { name: ctx.uniq('改名岗') } }),
    },
    'DELETE /api/v1/posts/:id': { scoped: true, build: async (where) => ({ url: `${API}/posts/${await post(where)}` }) },
  };
};
