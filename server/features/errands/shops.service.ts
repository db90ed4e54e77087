import { requireAccess, requireScope, type Actor } from '../../platform/access/actor.ts';
import { auditWrite, type CallContext } from '../../platform/audit/audit.ts';
import { newId, nowIso } from '../../platform/db/ids.ts';
import { transact } from '../../platform/db/transact.ts';
import type { Deps } from '../../platform/deps.ts';
import { invalidField, notFound } from '../../platform/errors.ts';
import type { RegionsService } from '../regions/regions.service.ts';
import type { CreateShopInput, Shop, ShopQueryInput, UpdateShopInput } from './posts.schemas.ts';
import * as repo from './shops.repository.ts';

export type ShopsService = ReturnType<typeof shopsService>;

const toShop = ({ regionPath: _path, ...s }: repo.ShopRow): Shop => s;

/** Shops a community buys from; one of them the default, where a run buys what is not assigned elsewhere. */
export function shopsService(deps: Deps, { regions }: { regions: RegionsService }) {
  const {
    db: { db },
    events,
  } = deps;

  const changed = (q: typeof db, shop: { id: string; regionPath: string }) =>
    events.publish(q, {
      type: 'errandShop.changed',
      permission: 'errands.read',
      regionPath: shop.regionPath,
      entityType: 'errand_shop',
      entityId: shop.id,
    });

  async function readable(
    actor: Actor,
    permission: 'errands.read' | 'errands.manage' | 'errands.run',
    id: string,
  ): Promise<repo.ShopRow> {
    const shop = await repo.findShop(db, id);
    if (!shop) throw notFound();
    requireAccess(actor, permission, shop.regionPath);
    return shop;
  }

  return {
    readable,

    /** Shops of a community, for a purchase run; no access check (the caller checked the run's). */
    ofRegion: async (regionPath: string) =>
      (await repo.listShops(db, { all: true }, { regionPath, active: true, limit: 200, offset: 0 })).items,

    async list(actor: Actor, query: ShopQueryInput): Promise<{ items: Shop[]; total: number }> {
      const scope = requireScope(actor, 'errands.read');
      const regionPath = await regions.readablePath(actor, 'errands.read', query.regionId);
      const { items, total } = await repo.listShops(db, scope, {
        ...(regionPath ? { regionPath } : {}),
        ...(query.active === undefined ? {} : { active: query.active }),
        limit: query.limit ?? 100,
        offset: query.offset ?? 0,
      });
      return { items: items.map(toShop), total };
    },

    async create(actor: Actor, call: CallContext, input: CreateShopInput): Promise<Shop> {
      const region = await regions.findById(input.regionId);
      if (!region) throw notFound();
      requireAccess(actor, 'errands.manage', region.path);
      if (region.level !== 'community') throw invalidField('regionId', 'field.errands.shopLevel');
      const id = newId();
      const now = nowIso();
      await transact(db, call, async (trx) => {
        if (input.isDefault) await repo.clearDefault(trx, region.id, now);
        await repo.insertShop(trx, {
          id,
          regionId: region.id,
          name: input.name.trim(),
          address: input.address?.trim() || null,
          phone: input.phone ?? null,
          isDefault: input.isDefault ? 1 : 0,
          active: 1,
          createdBy: actor.accountId,
          createdAt: now,
          updatedAt: now,
        });
        await auditWrite(trx, call, 'errandShop.create', 'errand_shop', id, region.path, {
          regionId: region.id,
          isDefault: Boolean(input.isDefault),
        });
        await changed(trx, { id, regionPath: region.path });
      });
      return toShop((await repo.findShop(db, id))!);
    },

    async update(actor: Actor, call: CallContext, id: string, input: UpdateShopInput): Promise<Shop> {
      const shop = await readable(actor, 'errands.manage', id);
      // An inactive shop cannot stay the default: runs would buy there.
      const isDefault = input.active === false ? false : input.isDefault;
      const now = nowIso();
      await transact(db, call, async (trx) => {
        if (isDefault) await repo.clearDefault(trx, shop.region.id, now);
        await repo.updateShop(trx, id, {
          ...(input.name ? { name: input.name.trim() } : {}),
          ...(input.address !== undefined ? { address: input.address?.trim() || null } : {}),
          ...(input.phone !== undefined ? { phone: input.phone } : {}),
          ...(isDefault !== undefined ? { isDefault: isDefault ? 1 : 0 } : {}),
          ...(input.active !== undefined ? { active: input.active ? 1 : 0 } : {}),
          updatedAt: now,
        });
        await auditWrite(trx, call, 'errandShop.update', 'errand_shop', id, shop.regionPath, { fields: Object.keys(input) });
        await changed(trx, shop);
      });
      return toShop((await repo.findShop(db, id))!);
    },
  };
}
