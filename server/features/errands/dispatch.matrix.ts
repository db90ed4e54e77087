import type { Role } from '../../../common/enums.ts';
import type { CaseTable, Where } from '../../../test/matrix.ts';
import { API } from '../../../test/requests.ts';
import { recordFile, writeImage } from '../../platform/files/stored-files.ts';
import { dispatchFixtures, TINY_PNG } from './dispatch.test-helpers.ts';

/**
 * Dispatch and delivery. Each county's grid has an errand post whose team the m-team_leader
 * account's volunteer leads and the m-volunteer account's volunteer belongs to; orders are made
 * fresh for each call. In the other county the same people are on the team, but their grants
 * are over county A: they reach nothing there (404). Staff accounts are not volunteers: they see
 * and assign or cancel, but never claim or carry an order (403); the carrier's steps belong to
 * the m-volunteer account, who claimed the order.
 */
export const dispatchMatrix: CaseTable = (ctx) => {
  const fx = () => dispatchFixtures(ctx.t);
  const db = () => ctx.t.deps.db.db;
  const volunteerOf = new Map<string, Promise<string>>();
  const posts = new Map<Where, Promise<string>>();

  /** The volunteer record of a matrix account (made once, or the one another matrix made). */
  const volunteerOfLogin = (login: string) => {
    let found = volunteerOf.get(login);
    if (!found) {
      found = (async () => {
        const account = await db().selectFrom('accounts').select('id').where('login', '=', login).executeTakeFirstOrThrow();
        const existing = await db().selectFrom('volunteers').select('id').where('accountId', '=', account.id).executeTakeFirst();
        return existing?.id ?? (await ctx.t.factory.volunteer({ regionId: ctx.area('in').grid.id, accountId: account.id })).id;
      })();
      volunteerOf.set(login, found);
    }
    return found;
  };

  const postIn = (where: Where) => {
    let found = posts.get(where);
    if (!found) {
      found = (async () => {
        const [leader, member] = await Promise.all([volunteerOfLogin('m-team_leader'), volunteerOfLogin('m-volunteer')]);
        return (await fx().post({ regionId: ctx.area(where).grid.id, leader, members: [member] })).id;
      })();
      posts.set(where, found);
    }
    return found;
  };

  const order = async (where: Where, o: { status?: 'new' | 'claimed' | 'delivering' } = {}) => {
    const claimedBy = o.status && o.status !== 'new' ? await volunteerOfLogin('m-volunteer') : null;
    return (
      await fx().order({ regionId: ctx.area(where).grid.id, postId: await postIn(where), status: o.status ?? 'new', claimedBy })
    ).id;
  };

  const delivered = async (where: Where) => {
    const id = await order(where, { status: 'delivering' });
    const photo = await writeImage(ctx.t.deps, 'photo', TINY_PNG);
    await recordFile(db(), photo, { kind: 'errand_proof', regionId: ctx.area(where).grid.id, createdBy: null });
    await db().updateTable('errandOrders').set({ status: 'delivered', proofFileId: photo.id }).where('id', '=', id).execute();
    return id;
  };

  const STAFF: readonly Role[] = ['admin', 'commander', 'region_manager'];
  /** Only the carrier (m-volunteer, who claimed it) acts; others who see the order get 403. */
  const carrierOnly = (role: Role, where: Where) =>
    role === 'admin' || (where === 'in' && role !== 'volunteer') ? 403 : undefined;
  /** A volunteer of the post claims; staff see the order but are not volunteers. */
  const crewOnly = (role: Role, where: Where) => (role === 'admin' || (where === 'in' && STAFF.includes(role)) ? 403 : undefined);
  /** The post's leader and staff assign and cancel; a member sees the order but may not. */
  const leaderOrStaff = (role: Role, where: Where) => (where === 'in' && role === 'volunteer' ? 403 : undefined);

  const on = (what: string) => async (where: Where, status?: 'new' | 'claimed' | 'delivering') =>
    `${API}/errands/orders/${await order(where, status ? { status } : {})}/${what}`;

  return {
    'GET /api/v1/errands/my-orders': { scoped: false, build: async () => ({ url: `${API}/errands/my-orders` }) },
    'POST /api/v1/errands/orders/:id/claim': {
      scoped: true,
      expectFor: crewOnly,
      build: async (where) => ({ url: await on('claim')(where), body: {} }),
    },
    'POST /api/v1/errands/orders/:id/assign': {
      scoped: true,
      expectFor: leaderOrStaff,
      build: async (where) => ({ url: await on('assign')(where), body: { volunteerId: await volunteerOfLogin('m-volunteer') } }),
    },
    'POST /api/v1/errands/orders/:id/cancel': {
      scoped: true,
      expectFor: leaderOrStaff,
      build: async (where) => ({ url: await on('cancel')(where), body: { reason: '住户已自行购买' } }),
    },
    'POST /api/v1/errands/orders/:id/release': {
      scoped: true,
      expectFor: carrierOnly,
      build: async (where) => ({ url: await on('release')(where, 'claimed'), body: { reason: '临时有事' } }),
    },
    'POST /api/v1/errands/orders/:id/step': {
      scoped: true,
      expectFor: carrierOnly,
      build: async (where) => ({ url: await on('step')(where, 'claimed'), body: { to: 'purchasing' } }),
    },
    'POST /api/v1/errands/orders/:id/deliver': {
      scoped: true,
      expectFor: carrierOnly,
      build: async (where) => ({ url: await on('deliver')(where, 'delivering'), body: { note: '放在门口，已电话告知' } }),
    },
    'POST /api/v1/errands/orders/:id/deliver-photo': {
      scoped: true,
      expectFor: carrierOnly,
      build: async (where) => ({
        url: await on('deliver-photo')(where, 'delivering'),
        raw: { payload: TINY_PNG, contentType: 'image/png' },
      }),
    },
    'GET /api/v1/errands/orders/:id/proof-photo': {
      scoped: true,
      build: async (where) => ({ url: `${API}/errands/orders/${await delivered(where)}/proof-photo` }),
    },
  };
};
