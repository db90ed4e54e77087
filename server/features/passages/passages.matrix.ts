import type { Role } from '../../../common/enums.ts';
import type { CaseTable, Where } from '../../../test/matrix.ts';
import { API } from '../../../test/requests.ts';
import { calendarDate } from '../../platform/dates.ts';
import { newId, nowIso } from '../../platform/db/ids.ts';
import { assign, inMinutes, makeCheckpoint, makeRoster, makeShift, volunteerOfAccount } from '../duty/duty.test-helpers.ts';

/** The roles that log only where they stand on duty (passages.write without passages.read). */
const ON_THE_GROUND: readonly Role[] = ['volunteer', 'team_leader'];

/**
 * The passage log. Volunteers and team leaders log only while on duty: each "in" checkpoint has a
 * shift going on now with both of their m-<role> accounts on it, so they may log there; in the
 * other county they have no duty and no area, and the checkpoint reads as missing. Passages are
 * made straight in the database, logged by m-volunteer (the only one who may correct them).
 */
export const passagesMatrix: CaseTable = (ctx) => {
  const db = () => ctx.t.deps.db.db;
  const accountOf = async (role: Role) =>
    (await db().selectFrom('accounts').select('id').where('login', '=', `m-${role}`).executeTakeFirstOrThrow()).id;

  async function checkpoint(where: Where): Promise<string> {
    const cp = await makeCheckpoint(db(), { regionId: ctx.area(where).community.id });
    if (where === 'out') return cp.id;
    const rosterId = await makeRoster(db(), { regionId: ctx.area(where).county.id });
    const shiftId = await makeShift(db(), { rosterId, checkpointId: cp.id, startsAt: inMinutes(-60), endsAt: inMinutes(60) });
    for (const role of ON_THE_GROUND) {
      const volunteerId = await volunteerOfAccount(db(), ctx.t.factory, await accountOf(role), ctx.area(where).grid.id);
      await assign(db(), { rosterId, shiftId, volunteerId, checkedInAt: inMinutes(-50) });
    }
    return cp.id;
  }

  async function passage(where: Where): Promise<string> {
    const cp = await makeCheckpoint(db(), { regionId: ctx.area(where).grid.id });
    const id = newId();
    const now = nowIso();
    await db()
      .insertInto('passages')
      .values({
        id,
        checkpointId: cp.id,
        regionId: ctx.area(where).grid.id,
        recordedBy: await accountOf('volunteer'),
        direction: 'in',
        subject: 'person',
        people: 1,
        name: '李四',
        mobile: '13900139000',
        plate: null,
        originCode: '411702',
        originName: '河南省 驻马店市 驿城区',
        fromRiskArea: 0,
        temperature: 36.6,
        remeasured: null,
        fever: 0,
        purpose: 'home',
        leaflets: 1,
        occurredAt: now,
        occurredOn: calendarDate(ctx.t.deps.config.timeZone),
        createdAt: now,
        updatedAt: now,
        anonymisedAt: null,
      })
      .execute();
    return id;
  }

  const today = () => calendarDate(ctx.t.deps.config.timeZone);

  return {
    // Off duty in their own area, volunteers still open the desk (it says they cannot log).
    'GET /api/v1/passages/checkpoints/:checkpointId/desk': {
      scoped: true,
      build: async (where) => ({ url: `${API}/passages/checkpoints/${await checkpoint(where)}/desk` }),
    },
    'POST /api/v1/passages': {
      scoped: true,
      status: 201,
      build: async (where) => ({
        url: `${API}/passages`,
        body: { checkpointId: await checkpoint(where), direction: 'in', subject: 'person', temperature: 36.4, leaflets: 1 },
      }),
    },
    // Only the recorder corrects; staff who can read it are told so, anyone else finds nothing.
    'PATCH /api/v1/passages/:id': {
      scoped: true,
      expectFor: (role, where) => {
        if (role === 'volunteer') return 200;
        if (role === 'team_leader') return 404;
        return where === 'in' || role === 'admin' ? 403 : undefined;
      },
      build: async (where) => ({ url: `${API}/passages/${await passage(where)}`, body: { leaflets: 2 } }),
    },
    'GET /api/v1/passages': {
      scoped: true,
      build: async (where) => ({ url: `${API}/passages?regionId=${ctx.area(where).county.id}&fever=false` }),
    },
    'POST /api/v1/passages/:id/reveal': {
      scoped: true,
      build: async (where) => ({ url: `${API}/passages/${await passage(where)}/reveal`, body: {} }),
    },
    'GET /api/v1/passages/counts': {
      scoped: true,
      build: async (where) => ({
        url: `${API}/passages/counts?regionId=${ctx.area(where).county.id}&from=${today()}&to=${today()}`,
      }),
    },
  };
};
