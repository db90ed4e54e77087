import { requireAccess, requireScope, scopeFor, type Actor } from '../../platform/access/actor.ts';
import { auditWrite, type CallContext } from '../../platform/audit/audit.ts';
import { isUniqueViolation } from '../../platform/db/dialect.ts';
import { newId, nowIso } from '../../platform/db/ids.ts';
import { transact } from '../../platform/db/transact.ts';
import type { Deps } from '../../platform/deps.ts';
import { AppError, conflict, forbidden, invalidField, notFound, type FieldProblem } from '../../platform/errors.ts';
import type { AccountsService } from '../accounts/accounts.service.ts';
import type { FigureRow, FigureWindow } from '../dashboard/figure-sources.ts';
import type { RegionsService } from '../regions/regions.service.ts';
import * as repo from './catalogue.repository.ts';
import type {
  CreateItemInput,
  CreateStoreInput,
  MovementQueryInput,
  StockQueryInput,
  Store,
  StoreDetail,
  StoreQueryInput,
  ThresholdsInput,
  UpdateItemInput,
  UpdateStoreInput,
} from './catalogue.schemas.ts';
import type { StockEngine } from './stock.engine.ts';
import * as stock from './stock.repository.ts';
import type { Item } from './supplies.schemas.ts';

export type CatalogueService = ReturnType<typeof catalogueService>;

/** Stores sit at these levels: the city's 物资库, a county's, a community's. */
const STORE_LEVELS = new Set(['city', 'county', 'community']);

const withoutPath = ({ regionPath: _path, ...store }: repo.StoreRow): Store => store;

/** The catalogue (items and their units), the stores, their stock and thresholds, and their movement history. */
export function catalogueService(
  deps: Deps,
  { regions, accounts, engine }: { regions: RegionsService; accounts: AccountsService; engine: StockEngine },
) {
  const {
    db: { db },
    events,
  } = deps;

  const changed = (q: typeof db, type: string, entityType: string, id: string, regionPath: string | null) =>
    events.publish(q, { type, permission: 'supplies.read', regionPath, entityType, entityId: id });

  /**
   * The catalogue is one list for every store of the platform, so only a grant at a root of the
   * region tree (the city: the commander, or an administrator) may change it. A county manager
   * also holds `supplies.manage`, but a change of theirs would change every other county's books.
   */
  function managesCatalogue(actor: Actor): boolean {
    const scope = scopeFor(actor, 'supplies.manage');
    return scope.all || scope.paths.some((p) => p.split('/').filter(Boolean).length === 1);
  }

  function requireCatalogueManager(actor: Actor): void {
    requireScope(actor, 'supplies.manage');
    if (!managesCatalogue(actor)) throw forbidden();
  }

  /** A store the actor may act on with `permission`; one outside their area looks missing. */
  async function storeFor(actor: Actor, permission: 'supplies.read' | 'supplies.manage' | 'supplies.move', id: string) {
    const store = await repo.findStore(db, id);
    if (!store) throw notFound();
    requireAccess(actor, permission, store.regionPath);
    return store;
  }

  /** A keeper: an active account the actor can see in their own area. */
  async function checkKeeper(actor: Actor, keeperId: string | null | undefined): Promise<void> {
    if (!keeperId) return;
    const keeper = await accounts.get(actor, keeperId).catch((e: unknown) => {
      if (e instanceof AppError && (e.status === 404 || e.status === 403)) return null;
      throw e;
    });
    if (!keeper || keeper.status !== 'active') throw invalidField('keeperAccountId', 'field.supplies.keeper');
  }

  async function uniqueStoreName<T>(write: () => Promise<T>): Promise<T> {
    try {
      return await write();
    } catch (e) {
      if (isUniqueViolation(e)) throw conflict('STORE_NAME_TAKEN');
      throw e;
    }
  }

  async function detail(store: repo.StoreRow): Promise<StoreDetail> {
    return { ...withoutPath(store), stock: await repo.stockOfStore(db, store) };
  }

  return {
    storeFor,

    /**
     * Supplies figures per store region for the dashboard's refresh job: the system's own reading,
     * no access check. Stock alerts only for today's live window: past levels and thresholds are
     * not kept.
     */
    async figures(w: FigureWindow): Promise<FigureRow[]> {
      return [...(w.live ? await repo.lowStockFigures(db) : []), ...(await stock.dayFigures(db, w.day, w.to))];
    },

    async items(actor: Actor, activeOnly: boolean): Promise<{ items: Item[]; canManage: boolean }> {
      requireScope(actor, 'supplies.read');
      return { items: await repo.listItems(db, activeOnly), canManage: managesCatalogue(actor) };
    },

    async createItem(actor: Actor, call: CallContext, input: CreateItemInput): Promise<Item> {
      requireCatalogueManager(actor);
      if (await repo.findItemByCode(db, input.code)) throw conflict('ITEM_CODE_TAKEN');
      const id = newId();
      const now = nowIso();
      try {
        await transact(db, call, async (trx) => {
          await repo.insertItem(trx, { id, ...input, active: 1, createdAt: now, updatedAt: now });
          await auditWrite(trx, call, 'supplyItem.create', 'supply_item', id, null, { code: input.code });
          await changed(trx, 'supplies.catalogue', 'supply_item', id, null);
        });
      } catch (e) {
        if (isUniqueViolation(e)) throw conflict('ITEM_CODE_TAKEN');
        throw e;
      }
      return (await repo.findItems(db, [id]))[0]!;
    },

    async updateItem(actor: Actor, call: CallContext, id: string, input: UpdateItemInput): Promise<Item> {
      requireCatalogueManager(actor);
      if (!(await repo.findItems(db, [id]))[0]) throw notFound();
      const { active, ...names } = input;
      const set = { ...names, ...(active !== undefined ? { active: active ? 1 : 0 } : {}) };
      await transact(db, call, async (trx) => {
        await repo.updateItem(trx, id, { ...set, updatedAt: nowIso() });
        await auditWrite(trx, call, 'supplyItem.update', 'supply_item', id, null, { ...set });
        await changed(trx, 'supplies.catalogue', 'supply_item', id, null);
      });
      return (await repo.findItems(db, [id]))[0]!;
    },

    async stores(actor: Actor, query: StoreQueryInput): Promise<{ items: Store[]; total: number }> {
      const scope = requireScope(actor, 'supplies.read');
      const regionPath = await regions.readablePath(actor, 'supplies.read', query.regionId);
      const { items, total } = await repo.listStores(db, scope, {
        ...(regionPath ? { regionPath } : {}),
        ...(query.active !== undefined ? { active: query.active } : {}),
        limit: query.limit ?? 100,
        offset: query.offset ?? 0,
      });
      return { items: items.map(withoutPath), total };
    },

    async store(actor: Actor, id: string): Promise<StoreDetail> {
      return detail(await storeFor(actor, 'supplies.read', id));
    },

    async createStore(actor: Actor, call: CallContext, input: CreateStoreInput): Promise<StoreDetail> {
      const region = await regions.findById(input.regionId);
      if (!region) throw notFound();
      requireAccess(actor, 'supplies.manage', region.path);
      const problems: Record<string, FieldProblem> = {};
      if (!STORE_LEVELS.has(region.level)) problems.regionId = { reason: 'field.supplies.storeLevel' };
      if (Object.keys(problems).length) throw new AppError(422, 'VALIDATION', {}, problems);
      await checkKeeper(actor, input.keeperAccountId);
      const name = input.name.trim();
      if (await repo.findStoreByName(db, region.id, name)) throw conflict('STORE_NAME_TAKEN');
      const id = newId();
      const now = nowIso();
      await uniqueStoreName(() =>
        transact(db, call, async (trx) => {
          await repo.insertStore(trx, {
            id,
            regionId: region.id,
            name,
            address: input.address?.trim() ?? null,
            keeperAccountId: input.keeperAccountId ?? null,
            active: 1,
            createdAt: now,
            updatedAt: now,
          });
          await auditWrite(trx, call, 'store.create', 'store', id, region.path, {
            name,
            keeperAccountId: input.keeperAccountId ?? null,
          });
          await changed(trx, 'supplies.store', 'store', id, region.path);
        }),
      );
      return detail((await repo.findStore(db, id))!);
    },

    async updateStore(actor: Actor, call: CallContext, id: string, input: UpdateStoreInput): Promise<StoreDetail> {
      const store = await storeFor(actor, 'supplies.manage', id);
      await checkKeeper(actor, input.keeperAccountId);
      const name = input.name?.trim();
      if (name && name !== store.name) {
        const holder = await repo.findStoreByName(db, store.regionId, name);
        if (holder && holder.id !== id) throw conflict('STORE_NAME_TAKEN');
      }
      // A store closed with goods inside would hide them from every list that shows open stores.
      if (input.active === false && store.active && (await repo.storeHoldsStock(db, id))) throw conflict('STORE_HAS_STOCK');
      const set = {
        ...(name ? { name } : {}),
        ...(input.address !== undefined ? { address: input.address?.trim() ?? null } : {}),
        ...(input.keeperAccountId !== undefined ? { keeperAccountId: input.keeperAccountId } : {}),
        ...(input.active !== undefined ? { active: input.active ? 1 : 0 } : {}),
      };
      await uniqueStoreName(() =>
        transact(db, call, async (trx) => {
          await repo.updateStore(trx, id, { ...set, updatedAt: nowIso() });
          await auditWrite(trx, call, 'store.update', 'store', id, store.regionPath, { ...set });
          await changed(trx, 'supplies.store', 'store', id, store.regionPath);
        }),
      );
      return detail((await repo.findStore(db, id))!);
    },

    /** Low-stock thresholds of a store's items (null clears one); a threshold alone moves no stock. */
    async setThresholds(actor: Actor, call: CallContext, id: string, input: ThresholdsInput): Promise<StoreDetail> {
      const store = await storeFor(actor, 'supplies.manage', id);
      const found = new Set(
        (
          await repo.findItems(
            db,
            input.items.map((t) => t.itemId),
          )
        ).map((i) => i.id),
      );
      const problems: Record<string, FieldProblem> = {};
      const seen = new Set<string>();
      input.items.forEach((t, i) => {
        if (seen.has(t.itemId)) problems[`items.${i}.itemId`] = { reason: 'field.supplies.lineDuplicate' };
        else if (!found.has(t.itemId)) problems[`items.${i}.itemId`] = { reason: 'field.supplies.item' };
        seen.add(t.itemId);
      });
      if (Object.keys(problems).length) throw new AppError(422, 'VALIDATION', {}, problems);
      await transact(db, call, async (trx) => {
        // What is held and the old marks, read in the write's transaction (one writer at a time on SQLite).
        const held = new Map((await repo.stockOfStore(trx, store)).map((r) => [r.item.id, r]));
        await repo.setThresholds(trx, id, input.items, nowIso());
        await engine.thresholdsRaised(
          trx,
          store,
          // An item out of use and not held has no row, and nothing to run low.
          input.items.flatMap((t) => {
            const row = held.get(t.itemId);
            return row ? [{ item: row.item, quantity: row.quantity, before: row.lowAt, after: t.lowAt }] : [];
          }),
        );
        await auditWrite(trx, call, 'store.thresholds', 'store', id, store.regionPath, {
          items: input.items.map((t) => ({ itemId: t.itemId, lowAt: t.lowAt })),
        });
        await changed(trx, 'supplies.stock', 'store', id, store.regionPath);
      });
      return detail((await repo.findStore(db, id))!);
    },

    /** Stock rows across the stores in scope (one store, a region's, or the low ones). */
    async stock(actor: Actor, query: StockQueryInput) {
      const scope = requireScope(actor, 'supplies.read');
      const regionPath = await regions.readablePath(actor, 'supplies.read', query.regionId);
      if (query.storeId) await storeFor(actor, 'supplies.read', query.storeId);
      return repo.listStock(db, scope, {
        ...(regionPath ? { regionPath } : {}),
        ...(query.storeId ? { storeId: query.storeId } : {}),
        ...(query.itemId ? { itemId: query.itemId } : {}),
        ...(query.lowOnly ? { lowOnly: true } : {}),
        limit: query.limit ?? 500,
        offset: query.offset ?? 0,
      });
    },

    async movements(actor: Actor, storeId: string, query: MovementQueryInput) {
      await storeFor(actor, 'supplies.read', storeId);
      if (query.from && query.to && query.to < query.from) throw invalidField('to', 'field.supplies.toBeforeFrom');
      return stock.movementsOf(db, storeId, {
        ...(query.itemId ? { itemId: query.itemId } : {}),
        ...(query.from ? { from: query.from } : {}),
        ...(query.to ? { to: query.to } : {}),
        limit: query.limit ?? 50,
        offset: query.offset ?? 0,
      });
    },
  };
}
