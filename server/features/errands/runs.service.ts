import { maskMobile } from '../../../common/mask.ts';
import type { ErrandPayment } from '../../../common/enums.ts';
import { requireAccess, requireScope, scopeFor, inScope, type Actor } from '../../platform/access/actor.ts';
import { auditWrite, type CallContext } from '../../platform/audit/audit.ts';
import { calendarDate } from '../../platform/dates.ts';
import { newId, nowIso } from '../../platform/db/ids.ts';
import { nextRef } from '../../platform/db/refs.ts';
import { transact } from '../../platform/db/transact.ts';
import type { Deps } from '../../platform/deps.ts';
import { AppError, conflict, forbidden, invalidField, notFound, type FieldProblem } from '../../platform/errors.ts';
import { openFile, recordFile, writeImage } from '../../platform/files/stored-files.ts';
import type { RegionsService } from '../regions/regions.service.ts';
import { REF_PREFIX } from './errands.rules.ts';
import { moveOrder, recordStep } from './order-steps.ts';
import { allocateShop, productOf } from './runs.allocation.ts';
import * as repo from './runs.repository.ts';
import type { AssignShopsInput, CreateRunInput, RecordShopInput, Run, RunOrder, RunQueryInput } from './runs.schemas.ts';

export type RunsService = ReturnType<typeof runsService>;

/**
 * 集中采办: the leader of a post's team bundles open orders into a run, prints the shopping list
 * by shop, and after buying records what was paid at each shop, who advanced it, and the receipt;
 * the shop's amount is then allocated to the items bought there (runs.allocation.ts) and, once
 * every shop is recorded, each order's amount due is the sum of its items. Volunteers of the post
 * see its runs (the list tells them what is being bought); only the leader, or staff managing
 * errands there, change one.
 */
export function runsService(deps: Deps, { regions }: { regions: RegionsService }) {
  const {
    db: { db },
    events,
    config: { timeZone },
  } = deps;

  /** The post's team leader, or staff holding errands.manage over the post. */
  async function leads(actor: Actor, post: { regionPath: string; leaderVolunteerId: string | null }): Promise<boolean> {
    if (inScope(scopeFor(actor, 'errands.manage'), post.regionPath)) return true;
    if (!post.leaderVolunteerId) return false;
    return (await repo.volunteerIdsOf(db, actor.accountId)).includes(post.leaderVolunteerId);
  }

  async function visiblePost(actor: Actor, postId: string): Promise<repo.PostRow> {
    const post = await repo.findPost(db, postId);
    if (!post) throw notFound();
    requireAccess(actor, 'errands.run', post.regionPath);
    return post;
  }

  async function visibleRun(actor: Actor, id: string): Promise<{ run: repo.RunRow; post: repo.PostRow }> {
    const run = await repo.findRun(db, id);
    if (!run) throw notFound();
    requireAccess(actor, 'errands.run', run.regionPath);
    const post = (await repo.findPost(db, run.postId))!;
    return { run, post };
  }

  async function ledRun(actor: Actor, id: string) {
    const found = await visibleRun(actor, id);
    if (!(await leads(actor, found.post))) throw forbidden();
    return found;
  }

  function presentOrders(orders: repo.OrderOfRun[], items: repo.ItemRow[]): RunOrder[] {
    return orders.map((o) => ({
      id: o.id,
      ref: o.ref,
      status: o.status,
      contactName: o.contactName,
      contactMobile: o.contactMobile === null ? null : maskMobile(o.contactMobile),
      address: o.address,
      note: o.note,
      payment: o.payment as ErrandPayment,
      amountDueFen: o.amountDueFen,
      paidFen: o.paidFen,
      createdAt: o.createdAt,
      items: items
        .filter((i) => i.orderId === o.id)
        .map((i) => ({
          id: i.id,
          product: productOf(i),
          name: i.name,
          unit: i.unit,
          quantity: Number(i.quantity),
          note: i.note,
          shopId: i.shopId,
          costFen: i.costFen,
        })),
    }));
  }

  /** Items still to be bought: those of the run's orders that were not cancelled. */
  const live = (orders: repo.OrderOfRun[], items: repo.ItemRow[]) => {
    const cancelled = new Set(orders.filter((o) => o.status === 'cancelled').map((o) => o.id));
    return items.filter((i) => !cancelled.has(i.orderId));
  };

  async function present(actor: Actor, run: repo.RunRow, post: repo.PostRow): Promise<Run> {
    const orders = await repo.ordersOfRun(db, run.id);
    const items = await repo.itemsOf(
      db,
      orders.map((o) => o.id),
    );
    const shopRows = await repo.shopsFor(db, run.regionPath);
    const paid = new Map((await repo.runShops(db, run.id)).map((r) => [r.shopId, r]));
    const shopIds = [...new Set(live(orders, items).map((i) => i.shopId))];
    const shopById = new Map(shopRows.map((s) => [s.id, s]));
    const missing = shopIds.filter((id): id is string => id !== null && !shopById.has(id));
    for (const s of await repo.shopsByIds(db, missing)) shopById.set(s.id, s);

    const lists = shopIds
      .map((shopId) => {
        const bought = live(orders, items).filter((i) => i.shopId === shopId);
        const products = new Map<string, Run['lists'][number]['lines'][number]>();
        for (const i of bought) {
          const key = productOf(i);
          const line = products.get(key) ?? { product: key, name: i.name, unit: i.unit, quantity: 0, orders: 0, costFen: 0 };
          line.quantity += Number(i.quantity);
          line.orders += 1;
          line.costFen = line.costFen === null || i.costFen === null ? null : line.costFen + i.costFen;
          products.set(key, line);
        }
        const shop = shopId === null ? null : shopById.get(shopId)!;
        const record = shopId === null ? undefined : paid.get(shopId);
        return {
          shop: shop ? { id: shop.id, name: shop.name, address: shop.address, phone: shop.phone } : null,
          lines: [...products.values()],
          paid: record
            ? {
                amountFen: record.amountFen,
                paidBy: record.paidByVolunteerId ? { id: record.paidByVolunteerId, name: record.paidByName ?? '' } : null,
                hasReceipt: record.receiptFileId !== null,
                recordedAt: record.recordedAt,
              }
            : null,
        };
      })
      .sort((a, b) => (a.shop === null ? 1 : b.shop === null ? -1 : a.shop.name.localeCompare(b.shop.name, 'zh-CN')));

    return {
      id: run.id,
      ref: run.ref,
      status: run.status as Run['status'],
      post: { id: post.id, name: post.name },
      region: { id: post.regionId, name: post.regionName },
      note: run.note,
      createdAt: run.createdAt,
      createdBy: run.createdByName,
      boughtAt: run.boughtAt,
      canManage: await leads(actor, post),
      lists,
      orders: presentOrders(orders, items),
      shops: shopRows.map((s) => ({ id: s.id, name: s.name })),
      people: await repo.teamPeople(db, post.teamId),
      totalFen: [...paid.values()].reduce((sum, r) => sum + r.amountFen, 0),
    };
  }

  /**
   * After a shop's amount changed: once every item to buy has a shop and every shop an amount,
   * the run is bought and each order owes the sum of its items' costs.
   */
  async function settleIfBought(trx: typeof db, runId: string, at: string): Promise<boolean> {
    const orders = await repo.ordersOfRun(trx, runId);
    const items = live(
      orders,
      await repo.itemsOf(
        trx,
        orders.map((o) => o.id),
      ),
    );
    const recorded = new Set((await repo.runShops(trx, runId)).map((r) => r.shopId));
    const bought = items.length > 0 && items.every((i) => i.shopId !== null && recorded.has(i.shopId));
    if (!bought) return false;
    for (const o of orders) {
      if (o.status === 'cancelled') continue;
      const due = items.filter((i) => i.orderId === o.id).reduce((sum, i) => sum + (i.costFen ?? 0), 0);
      await trx.updateTable('errandOrders').set({ amountDueFen: due, updatedAt: at }).where('id', '=', o.id).execute();
    }
    await trx
      .updateTable('errandRuns')
      .set((eb) => ({ status: 'bought', boughtAt: eb.fn.coalesce('boughtAt', eb.val(at)), updatedAt: at }))
      .where('id', '=', runId)
      .execute();
    return true;
  }

  const published = (q: typeof db, type: string, run: { id: string; ref: string; regionPath: string; postId: string }) =>
    events.publish(q, {
      type,
      permission: 'errands.run',
      regionPath: run.regionPath,
      entityType: 'errand_run',
      entityId: run.id,
      data: { ref: run.ref, postId: run.postId },
    });

  return {
    async list(actor: Actor, query: RunQueryInput) {
      const scope = requireScope(actor, 'errands.run');
      const regionPath = await regions.readablePath(actor, 'errands.run', query.regionId);
      const limit = query.limit ?? 50;
      const { rows, total } = await repo.listRuns(db, scope, {
        ...(regionPath ? { regionPath } : {}),
        ...(query.postId ? { postId: query.postId } : {}),
        ...(query.status ? { status: query.status } : {}),
        limit,
        offset: query.offset ?? 0,
      });
      const figures = await repo.runFigures(
        db,
        rows.map((r) => r.id),
      );
      return {
        total,
        items: rows.map((r) => ({
          id: r.id,
          ref: r.ref,
          status: r.status as Run['status'],
          post: { id: r.postId, name: r.postName },
          note: r.note,
          orders: figures.orders.get(r.id) ?? 0,
          amountFen: figures.amounts.get(r.id) ?? 0,
          createdAt: r.createdAt,
          createdBy: r.createdByName,
          boughtAt: r.boughtAt,
        })),
      };
    },

    /** Open orders the post's leader may bundle now. */
    async candidates(actor: Actor, postId: string) {
      const post = await visiblePost(actor, postId);
      const orders = await repo.bundleable(db, post);
      const items = await repo.itemsOf(
        db,
        orders.map((o) => o.id),
      );
      return { post: { id: post.id, name: post.name }, canManage: await leads(actor, post), items: presentOrders(orders, items) };
    },

    async get(actor: Actor, id: string): Promise<Run> {
      const { run, post } = await visibleRun(actor, id);
      return present(actor, run, post);
    },

    async create(actor: Actor, call: CallContext, input: CreateRunInput): Promise<Run> {
      const post = await visiblePost(actor, input.postId);
      if (!(await leads(actor, post))) throw forbidden();
      const found = new Map((await repo.ordersByIds(db, input.orderIds)).map((o) => [o.id, o]));
      const problems: Record<string, FieldProblem> = {};
      input.orderIds.forEach((id, i) => {
        const o = found.get(id);
        const ofPost = o && (o.postId === post.id || o.regionPath.startsWith(post.regionPath));
        if (input.orderIds.indexOf(id) !== i) problems[`orderIds.${i}`] = { reason: 'field.errands.runs.orderTwice' };
        else if (!o || !ofPost) problems[`orderIds.${i}`] = { reason: 'field.errands.runs.orderNotOfPost' };
        else if (o.runId !== null || !repo.BUNDLEABLE.includes(o.status)) {
          problems[`orderIds.${i}`] = { reason: 'field.errands.runs.orderNotOpen', params: { ref: o.ref } };
        }
      });
      if (Object.keys(problems).length) throw new AppError(422, 'VALIDATION', {}, problems);
      const defaultShop = (await repo.shopsFor(db, post.regionPath)).find((s) => s.isDefault === 1) ?? null;
      const orders = input.orderIds.map((id) => found.get(id)!);
      const id = newId();
      await transact(db, call, async (trx) => {
        const at = nowIso();
        const ref = await nextRef(trx, REF_PREFIX.errandRuns, calendarDate(timeZone));
        await trx
          .insertInto('errandRuns')
          .values({
            id,
            ref,
            postId: post.id,
            regionId: post.regionId,
            status: 'open',
            note: input.note?.trim() ?? null,
            createdBy: actor.accountId,
            createdAt: at,
            boughtAt: null,
            updatedAt: at,
          })
          .execute();
        // Conditional on "in no run yet": of two leaders bundling the same order, one wins.
        const taken = await trx
          .updateTable('errandOrders')
          .set({ runId: id, updatedAt: at })
          .where('id', 'in', input.orderIds)
          .where('runId', 'is', null)
          .executeTakeFirst();
        if (Number(taken.numUpdatedRows) !== orders.length) throw conflict('RUN_ORDER_TAKEN');
        if (defaultShop) {
          await trx
            .updateTable('errandOrderItems')
            .set({ shopId: defaultShop.id })
            .where('orderId', 'in', input.orderIds)
            .where('shopId', 'is', null)
            .execute();
        }
        for (const o of orders) {
          const step = { by: actor.accountId, detail: { run: ref } };
          // The leader buying for a claimed order is its purchase under way.
          if (o.status === 'claimed') await moveOrder(trx, events, o, 'purchasing', step);
          await recordStep(trx, events, o.status === 'claimed' ? { ...o, status: 'purchasing' } : o, 'bundled', step);
        }
        await auditWrite(trx, call, 'errandRun.create', 'errand_run', id, post.regionPath, {
          ref,
          postId: post.id,
          orderIds: input.orderIds,
        });
        await published(trx, 'errandRun.created', { id, ref, regionPath: post.regionPath, postId: post.id });
      });
      return this.get(actor, id);
    },

    /** Moves items to the shop they will be bought at (open runs; not into or out of a shop already paid). */
    async assignShops(actor: Actor, call: CallContext, id: string, input: AssignShopsInput): Promise<Run> {
      const { run } = await ledRun(actor, id);
      if (run.status !== 'open') throw conflict('RUN_BOUGHT');
      const orders = await repo.ordersOfRun(db, run.id);
      const items = new Map(
        live(
          orders,
          await repo.itemsOf(
            db,
            orders.map((o) => o.id),
          ),
        ).map((i) => [i.id, i]),
      );
      const shops = new Set((await repo.shopsFor(db, run.regionPath)).map((s) => s.id));
      const recorded = new Set((await repo.runShops(db, run.id)).map((r) => r.shopId));
      const problems: Record<string, FieldProblem> = {};
      input.items.forEach((a, i) => {
        const item = items.get(a.itemId);
        if (!item) problems[`items.${i}.itemId`] = { reason: 'field.errands.runs.item' };
        else if (!shops.has(a.shopId)) problems[`items.${i}.shopId`] = { reason: 'field.errands.runs.shop' };
        else if (item.shopId !== a.shopId && (recorded.has(a.shopId) || (item.shopId !== null && recorded.has(item.shopId)))) {
          problems[`items.${i}.shopId`] = { reason: 'field.errands.runs.shopPaid' };
        }
      });
      if (Object.keys(problems).length) throw new AppError(422, 'VALIDATION', {}, problems);
      await transact(db, call, async (trx) => {
        for (const a of input.items) {
          await trx.updateTable('errandOrderItems').set({ shopId: a.shopId }).where('id', '=', a.itemId).execute();
        }
        await trx.updateTable('errandRuns').set({ updatedAt: nowIso() }).where('id', '=', run.id).execute();
        await auditWrite(trx, call, 'errandRun.shops', 'errand_run', run.id, run.regionPath, { items: input.items });
        await published(trx, 'errandRun.updated', run);
      });
      return this.get(actor, id);
    },

    /** What was paid at one shop of the run, and who advanced it; allocates it to the items bought there. */
    async recordShop(actor: Actor, call: CallContext, id: string, shopId: string, input: RecordShopInput): Promise<Run> {
      const { run, post } = await ledRun(actor, id);
      const orders = await repo.ordersOfRun(db, run.id);
      const bought = live(
        orders,
        await repo.itemsOf(
          db,
          orders.map((o) => o.id),
        ),
      ).filter((i) => i.shopId === shopId);
      if (bought.length === 0) throw notFound();
      const problems: Record<string, FieldProblem> = {};
      if (input.paidByVolunteerId !== null) {
        const people = await repo.teamPeople(db, post.teamId);
        if (!people.some((p) => p.id === input.paidByVolunteerId))
          problems.paidByVolunteerId = { reason: 'field.errands.runs.payer' };
      }
      const products = new Set(bought.map(productOf));
      const prices = new Map<string, number>();
      (input.prices ?? []).forEach((p, i) => {
        if (!products.has(p.product)) problems[`prices.${i}.product`] = { reason: 'field.errands.runs.product' };
        else if (prices.has(p.product)) problems[`prices.${i}.product`] = { reason: 'field.errands.runs.productTwice' };
        else prices.set(p.product, p.amountFen);
      });
      if (Object.keys(problems).length) throw new AppError(422, 'VALIDATION', {}, problems);
      const allocated = allocateShop(
        input.amountFen,
        bought.map((i) => ({ id: i.id, product: productOf(i), quantity: Number(i.quantity) })),
        prices,
      );
      if ('problem' in allocated) {
        const reason =
          allocated.problem.kind === 'pricesOverTotal' ? 'field.errands.runs.pricesOver' : 'field.errands.runs.pricesNotTotal';
        throw invalidField('amountFen', reason, { priced: (allocated.problem.priced / 100).toFixed(2) });
      }
      await transact(db, call, async (trx) => {
        const at = nowIso();
        await trx
          .insertInto('errandRunShops')
          .values({
            runId: run.id,
            shopId,
            amountFen: input.amountFen,
            receiptFileId: null,
            paidByVolunteerId: input.paidByVolunteerId,
            recordedBy: actor.accountId,
            recordedAt: at,
          })
          .onConflict((oc) =>
            oc.columns(['runId', 'shopId']).doUpdateSet({
              amountFen: input.amountFen,
              paidByVolunteerId: input.paidByVolunteerId,
              recordedBy: actor.accountId,
              recordedAt: at,
            }),
          )
          .execute();
        for (const [itemId, costFen] of allocated.costs) {
          await trx.updateTable('errandOrderItems').set({ costFen }).where('id', '=', itemId).execute();
        }
        const nowBought = await settleIfBought(trx, run.id, at);
        await trx.updateTable('errandRuns').set({ updatedAt: at }).where('id', '=', run.id).execute();
        await auditWrite(trx, call, 'errandRun.paid', 'errand_run', run.id, run.regionPath, {
          shopId,
          amountFen: input.amountFen,
          paidByVolunteerId: input.paidByVolunteerId,
          prices: Object.fromEntries(prices),
          bought: nowBought,
        });
        await published(trx, nowBought ? 'errandRun.bought' : 'errandRun.updated', run);
      });
      return this.get(actor, id);
    },

    /** The receipt photo of a shop whose amount is recorded (a new photo replaces the old). */
    async attachReceipt(actor: Actor, call: CallContext, id: string, shopId: string, body: unknown): Promise<Run> {
      const { run } = await ledRun(actor, id);
      const record = (await repo.runShops(db, run.id)).find((r) => r.shopId === shopId);
      if (!record) throw conflict('RUN_SHOP_UNPAID');
      const file = await writeImage(deps, 'receipt', body);
      await transact(db, call, async (trx) => {
        await recordFile(trx, file, { kind: 'errand_receipt', regionId: run.regionId, createdBy: actor.accountId });
        await trx
          .updateTable('errandRunShops')
          .set({ receiptFileId: file.id })
          .where('runId', '=', run.id)
          .where('shopId', '=', shopId)
          .execute();
        await auditWrite(trx, call, 'errandRun.receipt', 'errand_run', run.id, run.regionPath, { shopId, fileId: file.id });
        await published(trx, 'errandRun.updated', run);
      });
      return this.get(actor, id);
    },

    async receipt(actor: Actor, id: string, shopId: string) {
      const { run } = await visibleRun(actor, id);
      const record = (await repo.runShops(db, run.id)).find((r) => r.shopId === shopId);
      const file = record?.receiptFileId ? await openFile(deps, record.receiptFileId) : null;
      if (!file) throw notFound();
      return file;
    },
  };
}
