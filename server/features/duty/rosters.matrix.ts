import type { Role } from '../../../common/enums.ts';
import type { CaseTable, Where } from '../../../test/matrix.ts';
import { API } from '../../../test/requests.ts';
import { newId, nowIso } from '../../platform/db/ids.ts';
import { dutyFixtures } from './rosters.fixtures.ts';

/**
 * Rosters and swaps. Rosters are made straight in the database, each over a community of its own
 * (so no two overlap), with shifts two days ahead. The duty.self routes act on an assignment of
 * the m-volunteer account's volunteer: that role succeeds anywhere (duty.self has no region); the
 * others with duty.self (admin, team leader) are not that volunteer and get 404. Swaps to decide
 * come from a member of a team the m-team_leader account's volunteer leads, so the leader may
 * decide them in county A.
 */
export const rostersMatrix: CaseTable = (ctx) => {
  const fx = () => dutyFixtures(ctx.t);
  const db = () => ctx.t.deps.db.db;
  const area = ctx.area;
  const volunteerOf = new Map<string, Promise<string>>();

  /** The volunteer record of a matrix account (made once; the teams matrix may have made the leader's). */
  const volunteerOfLogin = (login: string) => {
    let found = volunteerOf.get(login);
    if (!found) {
      found = (async () => {
        const account = await db().selectFrom('accounts').select('id').where('login', '=', login).executeTakeFirstOrThrow();
        const existing = await db().selectFrom('volunteers').select('id').where('accountId', '=', account.id).executeTakeFirst();
        return existing?.id ?? (await fx().volunteer(ctx.area('in').grid.id, { accountId: account.id })).id;
      })();
      volunteerOf.set(login, found);
    }
    return found;
  };

  /** A community of its own under the area's township, with a checkpoint and a volunteer at home there. */
  async function place(where: Where) {
    const community = await ctx.t.factory.region({ parent: area(where).township, name: ctx.uniq('矩阵社区') });
    const checkpoint = await fx().checkpoint(community.id, { name: ctx.uniq('矩阵卡点') });
    const volunteer = await fx().volunteer(community.id);
    return { community, checkpoint, volunteer };
  }

  /** A roster of two shifts two days ahead (the first needing two people); `holders` on the first. */
  async function roster(where: Where, o: { status?: 'draft' | 'published'; holders?: string[] } = {}) {
    const p = await place(where);
    const r = await fx().roster({
      regionId: p.community.id,
      startsOn: fx().day(2),
      endsOn: fx().day(3),
      status: o.status ?? 'draft',
      shifts: [
        {
          checkpointId: p.checkpoint.id,
          startsAt: fx().at(2, '08:00'),
          endsAt: fx().at(2, '16:00'),
          required: 2,
          volunteerIds: o.holders ?? [],
        },
        { checkpointId: p.checkpoint.id, startsAt: fx().at(3, '08:00'), endsAt: fx().at(3, '16:00') },
      ],
    });
    return { ...r, ...p };
  }

  /** A pending swap from a member of a team led by m-team_leader's volunteer, to a free volunteer of the roster's pool. */
  async function swapToDecide(where: Where): Promise<string> {
    const leader = await volunteerOfLogin('m-team_leader');
    const requester = await fx().volunteer(area(where).grid.id);
    const r = await roster(where, { status: 'published', holders: [requester.id] });
    const team = await fx().team(area(where).township.id, { leaderVolunteerId: leader });
    await fx().member(team, requester.id);
    return swap(r.id, r.assignmentIds[0]![0]!, requester.id, r.volunteer.id);
  }

  async function swap(rosterId: string, assignmentId: string, requester: string, target: string): Promise<string> {
    const id = newId();
    await db()
      .insertInto('swapRequests')
      .values({
        id,
        rosterId,
        assignmentId,
        requesterVolunteerId: requester,
        targetVolunteerId: target,
        targetAssignmentId: null,
        note: null,
        status: 'pending',
        decidedBy: null,
        decidedAt: null,
        decisionReason: null,
        createdAt: nowIso(),
      })
      .execute();
    return id;
  }

  /** A published roster where m-volunteer's volunteer holds the first shift. */
  async function mine(where: Where) {
    const self = await volunteerOfLogin('m-volunteer');
    return roster(where, { status: 'published', holders: [self] });
  }

  /** Only the volunteer's own duty is theirs; the other duty.self holders get the 404 of a foreign id. */
  const selfOnly = (role: Role) => (role === 'volunteer' ? undefined : 404);

  return {
    'GET /api/v1/rosters': {
      scoped: true,
      build: async (where) => ({ url: `${API}/rosters?regionId=${area(where).county.id}` }),
    },
    'POST /api/v1/rosters': {
      scoped: true,
      status: 201,
      build: async (where) => {
        const p = await place(where);
        return { url: `${API}/rosters`, body: { regionId: p.community.id, startsOn: fx().day(2), endsOn: fx().day(2) } };
      },
    },
    'GET /api/v1/rosters/:id': { scoped: true, build: async (where) => ({ url: `${API}/rosters/${(await roster(where)).id}` }) },
    'PATCH /api/v1/rosters/:id': {
      scoped: true,
      build: async (where) => ({ url: `${API}/rosters/${(await roster(where)).id}`, body: { name: ctx.uniq('改名排班') } }),
    },
    'DELETE /api/v1/rosters/:id': {
      scoped: true,
      build: async (where) => ({ url: `${API}/rosters/${(await roster(where)).id}` }),
    },
    'POST /api/v1/rosters/:id/regenerate': {
      scoped: true,
      build: async (where) => ({ url: `${API}/rosters/${(await roster(where)).id}/regenerate`, body: {} }),
    },
    'GET /api/v1/rosters/:id/board': {
      scoped: true,
      build: async (where) => ({ url: `${API}/rosters/${(await roster(where)).id}/board?short=true` }),
    },
    'GET /api/v1/rosters/:id/shifts/:shiftId/candidates': {
      scoped: true,
      build: async (where) => {
        const r = await roster(where);
        return { url: `${API}/rosters/${r.id}/shifts/${r.shiftIds[0]}/candidates` };
      },
    },
    'POST /api/v1/rosters/:id/assignments': {
      scoped: true,
      status: 201,
      build: async (where) => {
        const r = await roster(where);
        return { url: `${API}/rosters/${r.id}/assignments`, body: { shiftId: r.shiftIds[0], volunteerId: r.volunteer.id } };
      },
    },
    'DELETE /api/v1/rosters/:id/assignments/:assignmentId': {
      scoped: true,
      build: async (where) => {
        const holder = await fx().volunteer(area(where).grid.id);
        const r = await roster(where, { status: 'published', holders: [holder.id] });
        return { url: `${API}/rosters/${r.id}/assignments/${r.assignmentIds[0]![0]}?reason=${encodeURIComponent('调整')}` };
      },
    },
    'POST /api/v1/rosters/:id/publish': {
      scoped: true,
      build: async (where) => ({ url: `${API}/rosters/${(await roster(where)).id}/publish`, body: {} }),
    },
    'GET /api/v1/rosters/:id/changes': {
      scoped: true,
      build: async (where) => ({ url: `${API}/rosters/${(await roster(where, { status: 'published' })).id}/changes` }),
    },
    'GET /api/v1/rosters/:id/export': {
      scoped: true,
      build: async (where) => ({ url: `${API}/rosters/${(await roster(where)).id}/export` }),
    },

    'GET /api/v1/duty/me/swap-options': {
      scoped: false,
      expectFor: selfOnly,
      build: async (where) => ({ url: `${API}/duty/me/swap-options?assignmentId=${(await mine(where)).assignmentIds[0]![0]}` }),
    },
    'POST /api/v1/duty/me/swaps': {
      scoped: false,
      status: 201,
      expectFor: selfOnly,
      build: async (where) => {
        const r = await mine(where);
        return { url: `${API}/duty/me/swaps`, body: { assignmentId: r.assignmentIds[0]![0], targetVolunteerId: r.volunteer.id } };
      },
    },
    'GET /api/v1/duty/me/swaps': { scoped: false, build: async () => ({ url: `${API}/duty/me/swaps` }) },
    'POST /api/v1/duty/me/swaps/:id/cancel': {
      scoped: false,
      expectFor: selfOnly,
      build: async (where) => {
        const r = await mine(where);
        const id = await swap(r.id, r.assignmentIds[0]![0]!, await volunteerOfLogin('m-volunteer'), r.volunteer.id);
        return { url: `${API}/duty/me/swaps/${id}/cancel`, body: {} };
      },
    },
    'GET /api/v1/duty/swaps': {
      scoped: true,
      build: async (where) => ({
        url: `${API}/duty/swaps?status=pending&rosterId=${(await roster(where, { status: 'published' })).id}`,
      }),
    },
    'POST /api/v1/duty/swaps/:id/approve': {
      scoped: true,
      build: async (where) => ({ url: `${API}/duty/swaps/${await swapToDecide(where)}/approve`, body: { reason: '同意' } }),
    },
    'POST /api/v1/duty/swaps/:id/reject': {
      scoped: true,
      build: async (where) => ({ url: `${API}/duty/swaps/${await swapToDecide(where)}/reject`, body: { reason: '人手不足' } }),
    },
  };
};
