import type { CaseTable, Where } from '../../../test/matrix.ts';
import { API } from '../../../test/requests.ts';
import { newId, nowIso } from '../../platform/db/ids.ts';
import { dutyFixtures } from '../duty/rosters.fixtures.ts';
import { dispatchFixtures } from './dispatch.test-helpers.ts';
import { insertErrandLink, insertHousehold, orderBody } from './orders.test-helpers.ts';

/**
 * Orders, posts, shops and household links (staff: errands.read / manage / order), and the
 * resident's page behind a link (public: the token is the access, so no scope). Records are made
 * fresh for each call in the caller's county (A) or the other one (B).
 */
export const ordersMatrix: CaseTable = (ctx) => {
  const db = () => ctx.t.deps.db.db;
  const fx = () => dispatchFixtures(ctx.t);

  const post = async (where: Where) => (await fx().post({ regionId: ctx.area(where).grid.id })).id;
  const household = async (where: Where) => (await insertHousehold(db(), ctx.area(where).grid.id)).id;
  const shop = async (where: Where) => {
    const id = newId();
    const now = nowIso();
    await db()
      .insertInto('errandShops')
      .values({
        id,
        regionId: ctx.area(where).community.id,
        name: ctx.uniq('商店'),
        address: null,
        phone: null,
        isDefault: 0,
        active: 1,
        createdBy: null,
        createdAt: now,
        updatedAt: now,
      })
      .execute();
    return id;
  };
  const order = async (where: Where) => (await fx().order({ regionId: ctx.area(where).grid.id, postId: null })).id;
  /** A link of a fresh household and, when asked, one of its orders in a status. */
  const linked = async (where: Where, status?: 'new' | 'delivered') => {
    const h = await household(where);
    const token = await insertErrandLink(db(), h);
    if (!status) return { token, id: '' };
    const { id } = await fx().order({ regionId: ctx.area(where).grid.id, postId: null, status });
    await db().updateTable('errandOrders').set({ householdId: h }).where('id', '=', id).execute();
    return { token, id };
  };

  return {
    'GET /api/v1/errands/goods': { scoped: false, build: async () => ({ url: `${API}/errands/goods` }) },
    'GET /api/v1/errands/posts': { scoped: false, build: async () => ({ url: `${API}/errands/posts` }) },
    'GET /api/v1/errands/posts/:id': {
      scoped: true,
      build: async (where) => ({ url: `${API}/errands/posts/${await post(where)}` }),
    },
    'POST /api/v1/errands/posts': {
      scoped: true,
      status: 201,
      build: async (where) => ({
        url: `${API}/errands/posts`,
        body: {
          regionId: ctx.area(where).grid.id,
          teamId: await dutyFixtures(ctx.t).team(ctx.area(where).community.id),
          name: ctx.uniq('代办岗'),
        },
      }),
    },
    'PATCH /api/v1/errands/posts/:id': {
      scoped: true,
      build: async (where) => ({ url: `${API}/errands/posts/${await post(where)}`, body: { phone: '0396-1234567' } }),
    },
    'GET /api/v1/errands/shops': { scoped: false, build: async () => ({ url: `${API}/errands/shops` }) },
    'POST /api/v1/errands/shops': {
      scoped: true,
      status: 201,
      build: async (where) => ({
        url: `${API}/errands/shops`,
        body: { regionId: ctx.area(where).community.id, name: ctx.uniq('超市') },
      }),
    },
    'PATCH /api/v1/errands/shops/:id': {
      scoped: true,
      build: async (where) => ({ url: `${API}/errands/shops/${await shop(where)}`, body: { isDefault: true } }),
    },
    'GET /api/v1/errands/orders': { scoped: false, build: async () => ({ url: `${API}/errands/orders` }) },
    'GET /api/v1/errands/orders/:id': {
      scoped: true,
      build: async (where) => ({ url: `${API}/errands/orders/${await order(where)}` }),
    },
    'POST /api/v1/errands/orders': {
      scoped: true,
      status: 201,
      build: async (where) => ({ url: `${API}/errands/orders`, body: { householdId: await household(where), ...orderBody() } }),
    },
    'POST /api/v1/errands/orders/:id/reveal': {
      scoped: true,
      alsoRequires: ['errands.read'],
      build: async (where) => ({ url: `${API}/errands/orders/${await order(where)}/reveal`, body: {} }),
    },
    'GET /api/v1/errands/households/:id/link': {
      scoped: true,
      build: async (where) => ({ url: `${API}/errands/households/${await household(where)}/link` }),
    },
    'POST /api/v1/errands/households/:id/link': {
      scoped: true,
      status: 201,
      build: async (where) => ({ url: `${API}/errands/households/${await household(where)}/link`, body: {} }),
    },
    'DELETE /api/v1/errands/households/:id/link': {
      scoped: true,
      build: async (where) => ({ url: `${API}/errands/households/${await household(where)}/link` }),
    },
    'GET /api/v1/e/:token': { scoped: false, build: async (where) => ({ url: `${API}/e/${(await linked(where)).token}` }) },
    'GET /api/v1/e/:token/announcements': {
      scoped: false,
      build: async (where) => ({ url: `${API}/e/${(await linked(where)).token}/announcements` }),
    },
    'POST /api/v1/e/:token/orders': {
      scoped: false,
      status: 201,
      build: async (where) => ({ url: `${API}/e/${(await linked(where)).token}/orders`, body: orderBody() }),
    },
    'GET /api/v1/e/:token/orders/:id': {
      scoped: false,
      build: async (where) => {
        const { token, id } = await linked(where, 'new');
        return { url: `${API}/e/${token}/orders/${id}` };
      },
    },
    'POST /api/v1/e/:token/orders/:id/confirm': {
      scoped: false,
      build: async (where) => {
        const { token, id } = await linked(where, 'delivered');
        return { url: `${API}/e/${token}/orders/${id}/confirm`, body: {} };
      },
    },
    'POST /api/v1/e/:token/orders/:id/rating': {
      scoped: false,
      build: async (where) => {
        const { token, id } = await linked(where, 'delivered');
        return { url: `${API}/e/${token}/orders/${id}/rating`, body: { rating: 4 } };
      },
    },
    'POST /api/v1/e/:token/orders/:id/complaint': {
      scoped: false,
      build: async (where) => {
        const { token, id } = await linked(where, 'delivered');
        return { url: `${API}/e/${token}/orders/${id}/complaint`, body: { text: '送晚了' } };
      },
    },
  };
};
