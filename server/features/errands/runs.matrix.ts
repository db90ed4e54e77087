import type { Role } from '../../../common/enums.ts';
import type { CaseTable, Where } from '../../../test/matrix.ts';
import { API } from '../../../test/requests.ts';
import { recordFile, writeImage } from '../../platform/files/stored-files.ts';
import { makeOrder, makePost, makeRun, makeShop, type TestPost } from './runs.test-helpers.ts';

/** The PNG signature and a little more: what the server sniffs. */
const PNG = Buffer.concat([Buffer.from([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a]), Buffer.alloc(32, 7)]);

/**
 * Purchase runs, settlement, numbers and the public ledger. Each county's grid gets a post of its
 * own whose team the matrix's accounts are not on: the m-volunteer and m-team_leader accounts
 * (errands.run over county A) read its runs but may not change them or record a payment (403);
 * staff holding errands.manage may. Records are made straight in the database.
 */
export const runsMatrix: CaseTable = (ctx) => {
  const db = () => ctx.t.deps.db.db;
  const posts = new Map<Where, Promise<{ post: TestPost; shop: string }>>();
  const postIn = (where: Where) => {
    let found = posts.get(where);
    if (!found) {
      found = (async () => {
        const post = await makePost(db(), ctx.t.factory, { gridId: ctx.area(where).grid.id });
        return { post, shop: await makeShop(db(), { communityId: ctx.area(where).community.id, isDefault: true }) };
      })();
      posts.set(where, found);
    }
    return found;
  };
  /** Volunteers of the post work the run; the matrix's volunteer and team leader are not among them. */
  const onlyStaff = (role: Role, where: Where) =>
    (role === 'volunteer' || role === 'team_leader') && where === 'in' ? 403 : undefined;

  /** A run bundling one fresh order, its item at the default shop; `paid`: its amount recorded. */
  async function run(where: Where, o: { paid?: boolean; receipt?: boolean } = {}) {
    const { post, shop } = await postIn(where);
    const order = await makeOrder(db(), { post });
    const id = await makeRun(db(), { post, shopId: shop, orderIds: [order.id] });
    const now = new Date().toISOString();
    let receiptFileId: string | null = null;
    if (o.receipt) {
      const file = await writeImage(ctx.t.deps, 'receipt', PNG);
      await recordFile(db(), file, { kind: 'errand_receipt', regionId: post.regionId, createdBy: null });
      receiptFileId = file.id;
    }
    if (o.paid || o.receipt) {
      await db()
        .insertInto('errandRunShops')
        .values({
          runId: id,
          shopId: shop,
          amountFen: 1_000,
          receiptFileId,
          paidByVolunteerId: null,
          recordedBy: null,
          recordedAt: now,
        })
        .execute();
    }
    return { id, shop, order, post };
  }

  return {
    'GET /api/v1/errands/runs': { scoped: false, build: async () => ({ url: `${API}/errands/runs` }) },
    'GET /api/v1/errands/runs/candidates': {
      scoped: true,
      build: async (where) => ({ url: `${API}/errands/runs/candidates?postId=${(await postIn(where)).post.id}` }),
    },
    'POST /api/v1/errands/runs': {
      scoped: true,
      status: 201,
      expectFor: onlyStaff,
      build: async (where) => {
        const { post } = await postIn(where);
        const order = await makeOrder(db(), { post });
        return { url: `${API}/errands/runs`, body: { postId: post.id, orderIds: [order.id] } };
      },
    },
    'GET /api/v1/errands/runs/:id': {
      scoped: true,
      build: async (where) => ({ url: `${API}/errands/runs/${(await run(where)).id}` }),
    },
    'PUT /api/v1/errands/runs/:id/items': {
      scoped: true,
      expectFor: onlyStaff,
      build: async (where) => {
        const r = await run(where);
        return { url: `${API}/errands/runs/${r.id}/items`, body: { items: [{ itemId: r.order.itemIds[0], shopId: r.shop }] } };
      },
    },
    'PUT /api/v1/errands/runs/:id/shops/:shopId': {
      scoped: true,
      expectFor: onlyStaff,
      build: async (where) => {
        const r = await run(where);
        return {
          url: `${API}/errands/runs/${r.id}/shops/${r.shop}`,
          body: { amountFen: 2_000, paidByVolunteerId: r.post.leader.volunteerId },
        };
      },
    },
    'POST /api/v1/errands/runs/:id/shops/:shopId/receipt': {
      scoped: true,
      expectFor: onlyStaff,
      build: async (where) => {
        const r = await run(where, { paid: true });
        return { url: `${API}/errands/runs/${r.id}/shops/${r.shop}/receipt`, raw: { payload: PNG, contentType: 'image/png' } };
      },
    },
    'GET /api/v1/errands/runs/:id/shops/:shopId/receipt': {
      scoped: true,
      build: async (where) => {
        const r = await run(where, { receipt: true });
        return { url: `${API}/errands/runs/${r.id}/shops/${r.shop}/receipt` };
      },
    },
    'GET /api/v1/errands/settlement': { scoped: false, build: async () => ({ url: `${API}/errands/settlement` }) },
    'PUT /api/v1/errands/orders/:id/payment': {
      scoped: true,
      expectFor: onlyStaff,
      build: async (where) => {
        const { post } = await postIn(where);
        const order = await makeOrder(db(), { post });
        return {
          url: `${API}/errands/orders/${order.id}/payment`,
          body: { paidFen: 1_200, method: 'transfer', collectedByVolunteerId: null },
        };
      },
    },
    'GET /api/v1/errands/payouts': { scoped: false, build: async () => ({ url: `${API}/errands/payouts` }) },
    'POST /api/v1/errands/payouts': {
      scoped: true,
      status: 201,
      build: async (where) => {
        const { post } = await postIn(where);
        return {
          url: `${API}/errands/payouts`,
          body: {
            regionId: ctx.area(where).community.id,
            volunteerId: post.member.volunteerId,
            direction: 'hand_in',
            amountFen: 500,
          },
        };
      },
    },
    'GET /api/v1/errands/numbers': { scoped: false, build: async () => ({ url: `${API}/errands/numbers` }) },
    'GET /api/v1/errands/ledger/:code': {
      scoped: false,
      build: async () => ({ url: `${API}/errands/ledger/${ctx.w.a.community.code}` }),
    },
  };
};
