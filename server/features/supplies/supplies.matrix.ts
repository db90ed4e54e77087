import type { CaseTable, Where } from '../../../test/matrix.ts';
import { API } from '../../../test/requests.ts';
import { calendarDate } from '../../platform/dates.ts';
import { newId, nowIso } from '../../platform/db/ids.ts';
import { makeCheckpoint } from '../duty/duty.test-helpers.ts';
import { makeStore, MASKS, sendToCheckpoint, stockUp, transfer } from './supplies.test-helpers.ts';

/**
 * Supplies. Records are made straight in the database; an "out" record lies in county B. The
 * catalogue is city-wide: only a grant at a root of the region tree changes it, so the matrix's
 * managers (granted over county A) are refused with 403 and only the administrator passes.
 * A team leader signs only for their teams' supplies: one who leads none gets 403 in their area.
 */
export const suppliesMatrix: CaseTable = (ctx) => {
  const db = () => ctx.t.deps.db.db;
  const today = () => calendarDate(ctx.t.deps.config.timeZone);
  let by = '';
  const keeper = async () => (by ||= (await ctx.t.factory.account({ grants: [{ role: 'admin', regionId: null }] })).id);
  const catalogueOnlyAtRoot = (role: string) => (role === 'region_manager' || role === 'commander' ? 403 : undefined);

  async function item(): Promise<string> {
    const id = newId();
    const now = nowIso();
    await db()
      .insertInto('supplyItems')
      .values({
        id,
        code: `m_${id.slice(-8).replace(/-/g, '')}`,
        nameZh: '测试物资',
        nameEn: 'Test item',
        unitZh: '个',
        unitEn: 'pcs',
        category: 'other',
        active: 1,
        createdAt: now,
        updatedAt: now,
      })
      .execute();
    return id;
  }

  const store = async (where: Where) => makeStore(db(), { regionId: ctx.area(where).county.id, name: ctx.uniq('物资库') });

  async function stocked(where: Where, quantity = 1000): Promise<{ storeId: string; donationId: string }> {
    const storeId = await store(where);
    return { storeId, donationId: await stockUp(db(), { storeId, quantity, by: await keeper() }) };
  }

  async function sent(where: Where): Promise<string> {
    const { storeId } = await stocked(where);
    const cp = await makeCheckpoint(db(), { regionId: ctx.area(where).community.id });
    return sendToCheckpoint(db(), { storeId, checkpointId: cp.id, quantity: 10, by: await keeper() });
  }

  const lines = [{ itemId: MASKS, quantity: 5 }];

  return {
    'GET /api/v1/supplies/items': { scoped: false, build: async () => ({ url: `${API}/supplies/items` }) },
    'POST /api/v1/supplies/items': {
      scoped: false,
      status: 201,
      expectFor: catalogueOnlyAtRoot,
      build: async () => ({
        url: `${API}/supplies/items`,
        body: {
          code: `x_${ctx.uniq('').padStart(4, '0')}`,
          nameZh: '消毒湿巾',
          nameEn: 'Wipes',
          unitZh: '包',
          unitEn: 'packs',
          category: 'disinfection',
        },
      }),
    },
    'PATCH /api/v1/supplies/items/:id': {
      scoped: false,
      expectFor: catalogueOnlyAtRoot,
      build: async () => ({ url: `${API}/supplies/items/${await item()}`, body: { nameEn: ctx.uniq('Item ') } }),
    },
    'GET /api/v1/supplies/stores': {
      scoped: true,
      build: async (where) => ({ url: `${API}/supplies/stores?regionId=${ctx.area(where).county.id}` }),
    },
    'POST /api/v1/supplies/stores': {
      scoped: true,
      status: 201,
      build: async (where) => ({
        url: `${API}/supplies/stores`,
        body: { regionId: ctx.area(where).community.id, name: ctx.uniq('社区物资库') },
      }),
    },
    'GET /api/v1/supplies/stores/:id': {
      scoped: true,
      build: async (where) => ({ url: `${API}/supplies/stores/${await store(where)}` }),
    },
    'PATCH /api/v1/supplies/stores/:id': {
      scoped: true,
      build: async (where) => ({ url: `${API}/supplies/stores/${await store(where)}`, body: { address: ctx.uniq('仓库路') } }),
    },
    'PUT /api/v1/supplies/stores/:id/thresholds': {
      scoped: true,
      build: async (where) => ({
        url: `${API}/supplies/stores/${await store(where)}/thresholds`,
        body: { items: [{ itemId: MASKS, lowAt: 100 }] },
      }),
    },
    'GET /api/v1/supplies/stores/:id/movements': {
      scoped: true,
      build: async (where) => ({ url: `${API}/supplies/stores/${(await stocked(where)).storeId}/movements` }),
    },
    'GET /api/v1/supplies/stock': {
      scoped: true,
      build: async (where) => ({ url: `${API}/supplies/stock?regionId=${ctx.area(where).county.id}&lowOnly=true` }),
    },
    'POST /api/v1/supplies/donations': {
      scoped: true,
      status: 201,
      build: async (where) => ({
        url: `${API}/supplies/donations`,
        body: { storeId: await store(where), donorKind: 'unit', donorName: '爱心企业', receivedOn: today(), lines },
      }),
    },
    'GET /api/v1/supplies/donations': {
      scoped: true,
      build: async (where) => ({ url: `${API}/supplies/donations?regionId=${ctx.area(where).county.id}` }),
    },
    'GET /api/v1/supplies/donations/:id': {
      scoped: true,
      build: async (where) => ({ url: `${API}/supplies/donations/${(await stocked(where)).donationId}` }),
    },
    'POST /api/v1/supplies/donations/:id/reveal': {
      scoped: true,
      alsoRequires: ['supplies.read'],
      build: async (where) => ({ url: `${API}/supplies/donations/${(await stocked(where)).donationId}/reveal`, body: {} }),
    },
    'POST /api/v1/supplies/donations/:id/reverse': {
      scoped: true,
      build: async (where) => ({
        url: `${API}/supplies/donations/${(await stocked(where)).donationId}/reverse`,
        body: { reason: '重复录入' },
      }),
    },
    'POST /api/v1/supplies/allocations': {
      scoped: true,
      status: 201,
      build: async (where) => {
        const { storeId } = await stocked(where);
        const cp = await makeCheckpoint(db(), { regionId: ctx.area(where).community.id });
        return {
          url: `${API}/supplies/allocations`,
          body: { storeId, toKind: 'checkpoint', toId: cp.id, purpose: '卡点值守人员用', lines },
        };
      },
    },
    'GET /api/v1/supplies/allocations': {
      scoped: true,
      build: async (where) => ({ url: `${API}/supplies/allocations?regionId=${ctx.area(where).county.id}` }),
    },
    'GET /api/v1/supplies/allocations/to-confirm': {
      scoped: false,
      build: async () => ({ url: `${API}/supplies/allocations/to-confirm` }),
    },
    'GET /api/v1/supplies/allocations/:id': {
      scoped: true,
      build: async (where) => ({ url: `${API}/supplies/allocations/${await sent(where)}` }),
    },
    'POST /api/v1/supplies/allocations/:id/confirm': {
      scoped: true,
      expectFor: (role, where) => (role === 'team_leader' && where === 'in' ? 403 : undefined),
      build: async (where) => ({ url: `${API}/supplies/allocations/${await sent(where)}/confirm`, body: { note: '已收到' } }),
    },
    'POST /api/v1/supplies/allocations/:id/reverse': {
      scoped: true,
      build: async (where) => ({ url: `${API}/supplies/allocations/${await sent(where)}/reverse`, body: { reason: '发错卡点' } }),
    },
    'POST /api/v1/supplies/transfers': {
      scoped: true,
      status: 201,
      build: async (where) => ({
        url: `${API}/supplies/transfers`,
        body: { fromStoreId: (await stocked(where)).storeId, toStoreId: await store(where), lines },
      }),
    },
    'GET /api/v1/supplies/transfers': {
      scoped: true,
      build: async (where) => ({ url: `${API}/supplies/transfers?regionId=${ctx.area(where).county.id}` }),
    },
    'POST /api/v1/supplies/transfers/:id/reverse': {
      scoped: true,
      build: async (where) => {
        const { storeId } = await stocked(where);
        const id = await transfer(db(), {
          fromStoreId: storeId,
          toStoreId: await store(where),
          quantity: 10,
          by: await keeper(),
        });
        return { url: `${API}/supplies/transfers/${id}/reverse`, body: { reason: '调错库' } };
      },
    },
    'GET /api/v1/supplies/ledger/:code': {
      scoped: false,
      build: async (where) => ({ url: `${API}/supplies/ledger/${ctx.area(where).county.code ?? ''}` }),
    },
  };
};
