import { ROLES } from '../../../common/enums.ts';
import { ROLE_PERMISSIONS } from '../../../common/permissions.ts';
import type { CaseTable, Where } from '../../../test/matrix.ts';
import { API } from '../../../test/requests.ts';
import { assign, inMinutes, makeCheckpoint, makeRoster, makeShift, volunteerOfAccount } from './duty.test-helpers.ts';

/**
 * Attendance and the inbox. `duty.self` works on the caller's own duties wherever they are, so
 * "out of scope" for the check-in routes means a shift of somebody else (in the other county):
 * the caller has nothing to check in to or out of there (409), never somebody else's data. The
 * roles holding duty.self (staff may serve too) each get a volunteer record linked to
 * their m-<role> account, and every "in" case gives all three a shift going on now at a fresh
 * checkpoint of county A. The staff routes (/duty/now, /duty/absences) are scoped by region.
 */
export const attendanceMatrix: CaseTable = (ctx) => {
  const db = () => ctx.t.deps.db.db;
  let selves: Promise<string[]> | undefined;

  /** The volunteers of the m-<role> accounts that hold duty.self. */
  const selfVolunteers = () =>
    (selves ??= (async () => {
      const ids: string[] = [];
      for (const role of ROLES.filter((r) => ROLE_PERMISSIONS[r].includes('duty.self'))) {
        const login = `m-${role}`;
        const account = await db().selectFrom('accounts').select('id').where('login', '=', login).executeTakeFirstOrThrow();
        ids.push(await volunteerOfAccount(db(), ctx.t.factory, account.id, ctx.area('in').grid.id));
      }
      return ids;
    })());

  /** A checkpoint with a published shift going on now: the matrix accounts' own ("in"), or a stranger's ("out"). */
  async function shiftNow(where: Where, o: { checkedIn: boolean }): Promise<string> {
    const regionId = ctx.area(where).community.id;
    const cp = await makeCheckpoint(db(), { regionId });
    const rosterId = await makeRoster(db(), { regionId: ctx.area(where).county.id });
    const shiftId = await makeShift(db(), { rosterId, checkpointId: cp.id, startsAt: inMinutes(-60), endsAt: inMinutes(60) });
    const people =
      where === 'in' ? await selfVolunteers() : [(await ctx.t.factory.volunteer({ regionId: ctx.area(where).grid.id })).id];
    for (const volunteerId of people) {
      await assign(db(), { rosterId, shiftId, volunteerId, ...(o.checkedIn ? { checkedInAt: inMinutes(-50) } : {}) });
    }
    return cp.code;
  }

  const nothingThere = (_role: unknown, where: Where) => (where === 'out' ? 409 : undefined);

  return {
    'GET /api/v1/duty/me': { scoped: false, build: async () => ({ url: `${API}/duty/me` }) },
    // Any placard opens its page; the caller's own duty there, if any, is shown.
    'GET /api/v1/duty/check-in/:code': {
      scoped: false,
      build: async (where) => ({ url: `${API}/duty/check-in/${await shiftNow(where, { checkedIn: false })}` }),
    },
    'POST /api/v1/duty/check-in': {
      scoped: false,
      expectFor: nothingThere,
      build: async (where) => ({
        url: `${API}/duty/check-in`,
        body: { code: await shiftNow(where, { checkedIn: false }), lat: 32.9, lng: 114.1, accuracy: 25 },
      }),
    },
    'POST /api/v1/duty/check-out': {
      scoped: false,
      expectFor: nothingThere,
      build: async (where) => ({ url: `${API}/duty/check-out`, body: { code: await shiftNow(where, { checkedIn: true }) } }),
    },
    'GET /api/v1/duty/now': {
      scoped: true,
      build: async (where) => ({ url: `${API}/duty/now?regionId=${ctx.area(where).county.id}` }),
    },
    'GET /api/v1/duty/absences': {
      scoped: true,
      build: async (where) => ({ url: `${API}/duty/absences?regionId=${ctx.area(where).county.id}` }),
    },
    'GET /api/v1/notifications': { scoped: false, build: async () => ({ url: `${API}/notifications?unread=true` }) },
    'POST /api/v1/notifications/read': {
      scoped: false,
      build: async () => ({ url: `${API}/notifications/read`, body: { all: true } }),
    },
  };
};
