/**
 * The heart of the supplies books: stock in a store is the sum of its movements and never below
 * zero. Every write that moves stock calls `move` inside its transaction, which inserts the
 * movements and moves `stock_levels` by the same deltas (one atomic upsert per store and item).
 * The service checks first and answers 409 naming the item; the table's check (quantity >= 0) is
 * the last line of defence against a race, and `guard` turns its refusal into the same 409.
 */
import type { Kysely } from 'kysely';
import type { MovementKind } from '../../../common/enums.ts';
import { isCheckViolation } from '../../platform/db/dialect.ts';
import { newId, nowIso } from '../../platform/db/ids.ts';
import type { Database } from '../../platform/db/schema.ts';
import type { Deps } from '../../platform/deps.ts';
import { AppError, type FieldProblem } from '../../platform/errors.ts';
import { notify } from '../../platform/notify/notify.ts';
import type { AccountsService } from '../accounts/accounts.service.ts';
import * as catalogue from './catalogue.repository.ts';
import * as repo from './stock.repository.ts';
import type { Item, LineInput } from './supplies.schemas.ts';

export interface NewMovement {
  storeId: string;
  itemId: string;
  /** Signed: + into the store, − out of it; never 0. */
  delta: number;
  kind: MovementKind;
  donationId?: string | null;
  allocationId?: string | null;
  transferId?: string | null;
  reversesId?: string | null;
  note?: string | null;
  /** The request field a shortage is reported on (`lines.2.quantity`). */
  field?: string;
}

export interface StoreFacts {
  id: string;
  name: string;
  regionPath: string;
  keeper: { id: string } | null;
}

/** Who is told when a store runs low: its keeper and the nearest managers of its region. */
const LOW_STOCK_ROLES = ['region_manager', 'commander'] as const;

const pairKey = (storeId: string, itemId: string) => `${storeId}/${itemId}`;

/** 库存不足：医用外科口罩 剩余 300 只 — in the caller's language, on the line's field when there is one. */
function shortage(item: Item, left: number, field: string | undefined): AppError {
  const params = {
    item: { 'zh-CN': item.nameZh, en: item.nameEn },
    left,
    unit: { 'zh-CN': item.unitZh, en: item.unitEn },
  };
  const fields: Record<string, FieldProblem> = field ? { [field]: { reason: 'field.supplies.short', params } } : {};
  return new AppError(409, 'STOCK_SHORT', params, fields);
}

/** The net delta of each (store, item) pair, in a fixed order (so concurrent writers lock rows alike). */
function netByPair(moves: readonly NewMovement[]): { storeId: string; itemId: string; delta: number; field?: string }[] {
  const net = new Map<string, { storeId: string; itemId: string; delta: number; field?: string }>();
  for (const m of moves) {
    const key = pairKey(m.storeId, m.itemId);
    const cur = net.get(key) ?? { storeId: m.storeId, itemId: m.itemId, delta: 0 };
    cur.delta += m.delta;
    if (m.delta < 0 && m.field && !cur.field) cur.field = m.field;
    net.set(key, cur);
  }
  return [...net.entries()].sort(([a], [b]) => (a < b ? -1 : a > b ? 1 : 0)).map(([, v]) => v);
}

export type StockEngine = ReturnType<typeof stockEngine>;

export function stockEngine(deps: Deps, { accounts }: { accounts: AccountsService }) {
  const {
    db: { db },
    events,
  } = deps;

  /** The first pair these moves would take below zero given `levels`, as the 409 to answer. */
  function firstShort(moves: readonly NewMovement[], levels: Map<string, number>, items: Map<string, Item>): AppError | null {
    for (const p of netByPair(moves)) {
      const left = levels.get(pairKey(p.storeId, p.itemId)) ?? 0;
      if (left + p.delta < 0) return shortage(items.get(p.itemId)!, left, p.field);
    }
    return null;
  }

  async function tellLow(q: Kysely<Database>, store: StoreFacts, item: Item, quantity: number, lowAt: number) {
    const to = new Set(await accounts.staffOf(q, store.regionPath, LOW_STOCK_ROLES));
    if (store.keeper) to.add(store.keeper.id);
    const params = {
      store: store.name,
      item: { 'zh-CN': item.nameZh, en: item.nameEn },
      quantity,
      unit: { 'zh-CN': item.unitZh, en: item.unitEn },
      lowAt,
    };
    await notify(
      q,
      [...to].map((accountId) => ({ accountId, kind: 'notify.supplies.low', params, link: `/supplies/stores/${store.id}` })),
    );
    await events.publish(q, {
      type: 'supplies.lowStock',
      permission: 'supplies.read',
      regionPath: store.regionPath,
      entityType: 'store',
      entityId: store.id,
      data: { itemId: item.id, quantity, lowAt },
    });
  }

  /** Refuses (409) before writing when the moves would take a level below zero. */
  async function precheck(q: Kysely<Database>, moves: readonly NewMovement[], items: Map<string, Item>): Promise<void> {
    const pairs = netByPair(moves).filter((p) => p.delta < 0);
    if (pairs.length === 0) return;
    const levels = await repo.levelsOf(
      q,
      pairs.map((p) => p.storeId),
      pairs.map((p) => p.itemId),
    );
    const short = firstShort(moves, levels, items);
    if (short) throw short;
  }

  return {
    /**
     * The items of a movement's lines: each at most once, each in the catalogue (and active, for
     * new movements; a reversal may still move an item taken out of use since).
     */
    async lineItems(lines: readonly LineInput[], field = 'lines'): Promise<Map<string, Item>> {
      const found = new Map(
        (
          await catalogue.findItems(
            db,
            lines.map((l) => l.itemId),
          )
        ).map((i) => [i.id, i]),
      );
      const problems: Record<string, FieldProblem> = {};
      const seen = new Set<string>();
      lines.forEach((l, i) => {
        const item = found.get(l.itemId);
        if (seen.has(l.itemId)) problems[`${field}.${i}.itemId`] = { reason: 'field.supplies.lineDuplicate' };
        else if (!item || !item.active) problems[`${field}.${i}.itemId`] = { reason: 'field.supplies.item' };
        seen.add(l.itemId);
      });
      if (Object.keys(problems).length) throw new AppError(422, 'VALIDATION', {}, problems);
      return found;
    },

    precheck,

    /**
     * A threshold raised above what a store already holds makes the item low as surely as a
     * movement would: tell the same people, once, when the new mark is what makes it low.
     */
    async thresholdsRaised(
      q: Kysely<Database>,
      store: StoreFacts,
      changes: readonly { item: Item; quantity: number; before: number | null; after: number | null }[],
    ): Promise<void> {
      for (const c of changes) {
        const wasLow = c.before !== null && c.quantity < c.before;
        if (c.after !== null && c.quantity < c.after && !wasLow) await tellLow(q, store, c.item, c.quantity, c.after);
      }
    },

    /**
     * Inserts the movements and moves the levels, inside the caller's transaction; tells the
     * keeper and managers of a store where a level fell from at or above its threshold to below
     * it. Call it before publishing any other event of the transaction: on PostgreSQL the level
     * rows are locked first and the event lock last, in every writer, so none waits on another
     * in a circle.
     */
    async move(
      q: Kysely<Database>,
      moves: readonly NewMovement[],
      by: { accountId: string; onDate: string },
      items: Map<string, Item>,
      stores: Map<string, StoreFacts>,
    ): Promise<void> {
      await precheck(q, moves, items);
      const now = nowIso();
      await repo.insertMovements(
        q,
        moves.map((m) => ({
          id: newId(),
          storeId: m.storeId,
          itemId: m.itemId,
          delta: m.delta,
          kind: m.kind,
          donationId: m.donationId ?? null,
          allocationId: m.allocationId ?? null,
          transferId: m.transferId ?? null,
          reversesId: m.reversesId ?? null,
          at: now,
          onDate: by.onDate,
          byAccountId: by.accountId,
          note: m.note ?? null,
          createdAt: now,
        })),
      );
      const fell: { store: StoreFacts; item: Item; quantity: number; lowAt: number }[] = [];
      for (const p of netByPair(moves)) {
        if (p.delta === 0) continue;
        const { quantity, lowAt } = await repo.bumpLevel(q, p.storeId, p.itemId, p.delta, now);
        if (lowAt !== null && quantity - p.delta >= lowAt && quantity < lowAt) {
          fell.push({ store: stores.get(p.storeId)!, item: items.get(p.itemId)!, quantity, lowAt });
        }
      }
      for (const f of fell) await tellLow(q, f.store, f.item, f.quantity, f.lowAt);
      for (const store of new Set(moves.map((m) => m.storeId))) {
        await events.publish(q, {
          type: 'supplies.stock',
          permission: 'supplies.read',
          regionPath: stores.get(store)!.regionPath,
          entityType: 'store',
          entityId: store,
        });
      }
    },

    /**
     * Runs a write that moves stock; a race lost to another writer (the check constraint
     * refused a level below zero) becomes the same 409 the pre-check gives, never a 500.
     */
    async guard<T>(moves: () => readonly NewMovement[], items: Map<string, Item>, write: () => Promise<T>): Promise<T> {
      try {
        return await write();
      } catch (e) {
        if (!isCheckViolation(e)) throw e;
        const planned = moves();
        const outs = netByPair(planned).filter((p) => p.delta < 0);
        const levels = await repo.levelsOf(
          db,
          outs.map((p) => p.storeId),
          outs.map((p) => p.itemId),
        );
        // Another writer may have put stock back meanwhile: then name the first item this write takes out.
        const first = outs[0];
        const short =
          firstShort(planned, levels, items) ??
          (first ? shortage(items.get(first.itemId)!, levels.get(pairKey(first.storeId, first.itemId)) ?? 0, first.field) : null);
        throw short ?? e;
      }
    },
  };
}
