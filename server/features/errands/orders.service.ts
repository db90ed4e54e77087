import type { ErrandChannel } from '../../../common/enums.ts';
import { maskMobile, maskName } from '../../../common/mask.ts';
import { requireAccess, requireScope, type Actor } from '../../platform/access/actor.ts';
import { auditWrite, type CallContext } from '../../platform/audit/audit.ts';
import { calendarDate } from '../../platform/dates.ts';
import { newId, nowIso } from '../../platform/db/ids.ts';
import { nextRef } from '../../platform/db/refs.ts';
import type { ErrandOrderItemTable } from '../../platform/db/schema.ts';
import { transact } from '../../platform/db/transact.ts';
import type { Deps } from '../../platform/deps.ts';
import { AppError, conflict, invalidField, notFound, type FieldProblem } from '../../platform/errors.ts';
import type { FieldIssuesService } from '../field-issues/field-issues.service.ts';
import type { HouseholdsService } from '../households/households.service.ts';
import type { RegionsService } from '../regions/regions.service.ts';
import type { OrderingPlace } from './errand-links.repository.ts';
import type { ErrandLinksService } from './errand-links.service.ts';
import type { ComplaintInput, ErrandPage, RatingInput } from './errand-links.schemas.ts';
import { REF_PREFIX } from './errands.rules.ts';
import * as goodsRepo from './goods.repository.ts';
import { householdPlace } from './errand-links.repository.ts';
import { moveOrder, recordStep } from './order-steps.ts';
import * as repo from './orders.repository.ts';
import {
  MAX_ORDER_LINES,
  type Goods,
  type Order,
  type OrderDetail,
  type OrderLineInput,
  type OrderQueryInput,
  type PublicOrder,
  type ResidentOrderInput,
  type StaffOrderInput,
} from './orders.schemas.ts';
import type { PostsService } from './posts.service.ts';

export type OrdersService = ReturnType<typeof ordersService>;

const MINUTE = 60_000;

/** Open and past a deadline: unclaimed past claim_by, or undelivered past deliver_by. */
export function isOverdue(o: Pick<repo.OrderRow, 'status' | 'claimBy' | 'deliverBy'>, now: string): boolean {
  if (o.status === 'new') return o.claimBy < now;
  return (o.status === 'claimed' || o.status === 'purchasing' || o.status === 'delivering') && o.deliverBy < now;
}

/**
 * 红色代办 orders: a resident orders through their household's link (or an isolated person's
 * health link), or staff enter an order taken by phone. The order goes to the post of the
 * household's grid (else its community) with its deadlines; its volunteers receive
 * `errandOrder.created` live. The resident follows every step, confirms receipt, rates it, and
 * may complain, which opens a field issue owned by the community.
 */
export function ordersService(
  deps: Deps,
  {
    regions,
    households,
    posts,
    links,
    fieldIssues,
  }: {
    regions: RegionsService;
    households: HouseholdsService;
    posts: PostsService;
    links: ErrandLinksService;
    fieldIssues: FieldIssuesService;
  },
) {
  const {
    db: { db },
    events,
    config,
  } = deps;

  // The catalogue changes only by migration: read it once per process.
  let catalogue: Promise<Goods[]> | undefined;
  const goods = () => (catalogue ??= goodsRepo.activeGoods(db));

  async function present(rows: repo.OrderRow[]): Promise<Order[]> {
    const items = await repo.itemsOf(
      db,
      rows.map((r) => r.id),
    );
    const now = nowIso();
    return rows.map((r) => ({
      id: r.id,
      ref: r.ref,
      status: r.status,
      payment: r.payment,
      address: r.address,
      note: r.note,
      claimBy: r.claimBy,
      deliverBy: r.deliverBy,
      claimedAt: r.claimedAt,
      deliveredAt: r.deliveredAt,
      confirmedAt: r.confirmedAt,
      cancelledAt: r.cancelledAt,
      cancelReason: r.cancelReason,
      amountDueFen: r.amountDueFen,
      paidFen: r.paidFen,
      rating: r.rating,
      comment: r.comment,
      createdAt: r.createdAt,
      items: (items.get(r.id) ?? []).map(({ orderId: _o, shopId: _s, ...i }) => i),
      region: { id: r.regionId, name: r.regionName },
      post: r.postId ? { id: r.postId, name: r.postName ?? '' } : null,
      householdId: r.householdId,
      caseId: r.caseId,
      channel: r.channel,
      contactName: r.contactName,
      contactMobile: r.contactMobile === null ? null : maskMobile(r.contactMobile),
      claimedBy: r.claimedBy ? { id: r.claimedBy, name: r.claimedByName ?? '' } : null,
      paidMethod: r.paidMethod,
      escalationLevel: r.escalationLevel,
      overdue: isOverdue(r, now),
      runId: r.runId,
      issueId: r.issueId,
      proofNote: r.proofNote,
      hasProof: r.proofFileId !== null,
      orderedOn: r.orderedOn,
    }));
  }

  async function detailOf(row: repo.OrderRow): Promise<OrderDetail> {
    const [order] = await present([row]);
    const steps = await repo.stepsOf(db, row.id);
    return { ...order!, steps: steps.map((s) => ({ kind: s.kind, at: s.at, by: s.byName, detail: s.detail })) };
  }

  /** The resident's view: masked names, no one's account on the steps, no step details. */
  async function publicOf(row: repo.OrderRow): Promise<PublicOrder> {
    const [order] = await present([row]);
    const steps = await repo.stepsOf(db, row.id);
    const o = order!;
    return {
      id: o.id,
      ref: o.ref,
      status: o.status,
      payment: o.payment,
      address: o.address,
      note: o.note,
      claimBy: o.claimBy,
      deliverBy: o.deliverBy,
      claimedAt: o.claimedAt,
      deliveredAt: o.deliveredAt,
      confirmedAt: o.confirmedAt,
      cancelledAt: o.cancelledAt,
      cancelReason: o.cancelReason,
      amountDueFen: o.amountDueFen,
      paidFen: o.paidFen,
      rating: o.rating,
      comment: o.comment,
      createdAt: o.createdAt,
      items: o.items,
      contactName: maskName(row.contactName),
      claimedBy: row.claimedByName ? maskName(row.claimedByName) : null,
      proofNote: row.proofNote,
      complained: row.issueId !== null || steps.some((s) => s.kind === 'complaint'),
      steps: steps.map((s) => ({ kind: s.kind, at: s.at, by: null, detail: null })),
    };
  }

  /** The lines as stored: catalogue goods named and measured by the catalogue; every limit checked. */
  async function linesOf(lines: readonly OrderLineInput[], orderId: string): Promise<ErrandOrderItemTable[]> {
    const byId = new Map((await goods()).map((g) => [g.id, g]));
    const problems: Record<string, FieldProblem> = {};
    const seen = new Set<string>();
    const out = lines.map((l, i): ErrandOrderItemTable => {
      const at = `items.${i}`;
      let name = l.name?.trim() ?? '';
      let unit = l.unit?.trim() ?? '';
      let max = config.errandMaxQuantity;
      if (l.goodsId !== undefined) {
        const g = byId.get(l.goodsId);
        if (!g) problems[`${at}.goodsId`] = { reason: 'field.errands.goods' };
        else if (seen.has(g.id)) problems[`${at}.goodsId`] = { reason: 'field.errands.lineDuplicate' };
        else {
          seen.add(g.id);
          name = g.nameZh;
          unit = g.unitZh;
          max = g.maxQuantity;
        }
      } else {
        if (!name) problems[`${at}.name`] = { reason: 'field.required' };
        if (!unit) problems[`${at}.unit`] = { reason: 'field.required' };
      }
      if (l.quantity > max) problems[`${at}.quantity`] = { reason: 'field.errands.tooMany', params: { max, unit } };
      return {
        id: newId(),
        orderId,
        goodsId: l.goodsId ?? null,
        name,
        unit,
        quantity: l.quantity,
        note: l.note?.trim() || null,
        shopId: null,
        costFen: null,
        sortOrder: i,
      };
    });
    if (Object.keys(problems).length) throw new AppError(422, 'VALIDATION', {}, problems);
    return out;
  }

  /** Writes one order and its first step; the daily limit is counted inside the write. */
  async function place(
    call: CallContext,
    where: OrderingPlace,
    input: ResidentOrderInput,
    channel: ErrandChannel,
    enteredBy: string | null,
  ): Promise<repo.OrderRow> {
    const id = newId();
    const items = await linesOf(input.items, id);
    const post = await posts.serving(where.regionPath);
    const now = new Date();
    const today = calendarDate(config.timeZone, now);
    const responseMinutes = post?.responseMinutes ?? config.errandResponseMinutes;
    const order = {
      id,
      regionId: where.regionId,
      householdId: where.householdId,
      caseId: where.caseId,
      postId: post?.id ?? null,
      channel,
      enteredBy,
      contactName: input.contactName.trim(),
      contactMobile: input.contactMobile ?? null,
      address: input.address?.trim() || where.address,
      note: input.note?.trim() || null,
      payment: input.payment,
      status: 'new',
      claimedBy: null,
      claimedAt: null,
      purchasingAt: null,
      deliveringAt: null,
      deliveredAt: null,
      confirmedAt: null,
      cancelledAt: null,
      cancelReason: null,
      claimBy: nowIso(new Date(now.getTime() + responseMinutes * MINUTE)),
      deliverBy: nowIso(new Date(now.getTime() + config.errandDeliveryHours * 60 * MINUTE)),
      escalationLevel: 0,
      escalatedAt: null,
      runId: null,
      amountDueFen: null,
      paidFen: 0,
      paidAt: null,
      paidMethod: null,
      collectedBy: null,
      proofNote: null,
      proofFileId: null,
      rating: null,
      comment: null,
      issueId: null,
      orderedOn: today,
      createdAt: nowIso(now),
      updatedAt: nowIso(now),
    };
    if (!order.address) throw invalidField('address', 'field.required');
    await transact(db, call, async (trx) => {
      // The number first: its counter row queues parallel orders, so the count below sees theirs.
      const ref = await nextRef(trx, REF_PREFIX.errandOrders, today);
      const placed = await repo.countOrdersOn(trx, where, today);
      if (placed >= config.errandOrdersPerDay) throw conflict('ERRAND_DAILY_LIMIT', { limit: config.errandOrdersPerDay });
      await repo.insertOrder(trx, { ...order, ref }, items);
      // Counts only: the contact's name and mobile stay out of the audit log.
      await auditWrite(trx, call, 'errandOrder.create', 'errand_order', id, where.regionPath, {
        ref,
        channel,
        householdId: where.householdId,
        caseId: where.caseId,
        postId: order.postId,
        lines: items.length,
      });
      await recordStep(trx, events, { id, ref, status: 'new', postId: order.postId, regionPath: where.regionPath }, 'created', {
        by: enteredBy,
        detail: { channel },
      });
    });
    return (await repo.findOrder(db, id))!;
  }

  /** An order of the link's household (or case); any other looks missing. */
  async function ownOrder(where: OrderingPlace, id: string): Promise<repo.OrderRow> {
    const row = await repo.findOrder(db, id);
    const mine =
      row &&
      ((where.householdId !== null && row.householdId === where.householdId) ||
        (where.caseId !== null && row.caseId === where.caseId));
    if (!mine) throw notFound();
    return row;
  }

  async function readable(actor: Actor, id: string): Promise<repo.OrderRow> {
    const row = await repo.findOrder(db, id);
    if (!row) throw notFound();
    requireAccess(actor, 'errands.read', row.regionPath);
    return row;
  }

  const reread = async (id: string) => (await repo.findOrder(db, id))!;

  return {
    present,
    detailOf,
    goods,

    // ---- staff ----

    async list(actor: Actor, query: OrderQueryInput): Promise<{ items: Order[]; total: number }> {
      const scope = requireScope(actor, 'errands.read');
      const regionPath = await regions.readablePath(actor, 'errands.read', query.regionId);
      if (query.postId) await posts.readable(actor, 'errands.read', query.postId);
      if (query.from && query.to && query.to < query.from) throw invalidField('to', 'field.errands.toBeforeFrom');
      const { items, total } = await repo.listOrders(db, scope, {
        ...(regionPath ? { regionPath } : {}),
        ...(query.status ? { statuses: [query.status] } : {}),
        ...(query.postId ? { postId: query.postId } : {}),
        ...(query.householdId ? { householdId: query.householdId } : {}),
        ...(query.from ? { from: query.from } : {}),
        ...(query.to ? { to: query.to } : {}),
        ...(query.overdue ? { overdueAt: nowIso() } : {}),
        limit: query.limit ?? 50,
        offset: query.offset ?? 0,
      });
      return { items: await present(items), total };
    },

    async get(actor: Actor, id: string): Promise<OrderDetail> {
      return detailOf(await readable(actor, id));
    },

    /** The contact's mobile in full, for a caller who may reveal personal data there; audited. */
    async reveal(actor: Actor, call: CallContext, id: string): Promise<{ contactMobile: string | null }> {
      const row = await readable(actor, id);
      requireAccess(actor, 'pii.reveal', row.regionPath);
      await auditWrite(db, call, 'pii.reveal', 'errand_order', id, row.regionPath, { field: 'contactMobile' });
      return { contactMobile: row.contactMobile };
    },

    /** An order taken by phone for a registered household (errands.order over its grid). */
    async create(actor: Actor, call: CallContext, input: StaffOrderInput): Promise<OrderDetail> {
      const [h] = await households.summaries([input.householdId]);
      if (!h) throw notFound();
      requireAccess(actor, 'errands.order', h.regionPath);
      const where = (await householdPlace(db, h.id))!;
      const { householdId: _h, ...order } = input;
      return detailOf(await place(call, where, order, 'staff', actor.accountId));
    },

    // ---- the resident, through their link ----

    async page(ip: string, token: string): Promise<ErrandPage> {
      const where = await links.resolve(ip, token);
      const post = await posts.serving(where.regionPath);
      const today = calendarDate(config.timeZone);
      const recent = await repo.listOrders(db, { all: true }, { ownedBy: where, limit: 10, offset: 0 });
      const items = await repo.itemsOf(
        db,
        recent.items.map((o) => o.id),
      );
      return {
        regionName: where.regionName,
        address: where.address,
        personName: where.maskedName,
        post: post ? { name: post.name, phone: post.phone, address: post.address } : null,
        goods: await goods(),
        limits: {
          ordersPerDay: config.errandOrdersPerDay,
          ordersToday: await repo.countOrdersOn(db, where, today),
          maxLines: MAX_ORDER_LINES,
          maxFreeQuantity: config.errandMaxQuantity,
        },
        orders: recent.items.map((o) => ({
          id: o.id,
          ref: o.ref,
          status: o.status,
          createdAt: o.createdAt,
          itemCount: items.get(o.id)?.length ?? 0,
        })),
      };
    },

    async submit(ip: string, call: CallContext, token: string, input: ResidentOrderInput): Promise<PublicOrder> {
      const where = await links.resolve(ip, token);
      return publicOf(await place(call, where, input, 'resident', null));
    },

    async status(ip: string, token: string, id: string): Promise<PublicOrder> {
      const where = await links.resolve(ip, token);
      return publicOf(await ownOrder(where, id));
    },

    /** The resident confirms receipt: delivered → confirmed. */
    async confirm(ip: string, call: CallContext, token: string, id: string): Promise<PublicOrder> {
      const where = await links.resolve(ip, token);
      const row = await ownOrder(where, id);
      await transact(db, call, async (trx) => {
        await moveOrder(trx, events, row, 'confirmed', { by: null });
        await auditWrite(trx, call, 'errandOrder.confirm', 'errand_order', id, row.regionPath, { ref: row.ref });
      });
      return publicOf(await reread(id));
    },

    /** One rating (1–5) with an optional comment, once the order has arrived. */
    async rate(ip: string, call: CallContext, token: string, id: string, input: RatingInput): Promise<PublicOrder> {
      const where = await links.resolve(ip, token);
      const row = await ownOrder(where, id);
      if (row.status !== 'delivered' && row.status !== 'confirmed') throw conflict('ORDER_STATUS', { status: row.status });
      if (row.rating !== null) throw conflict('ERRAND_ALREADY_RATED');
      await transact(db, call, async (trx) => {
        const r = await trx
          .updateTable('errandOrders')
          .set({ rating: input.rating, comment: input.comment?.trim() || null, updatedAt: nowIso() })
          .where('id', '=', id)
          .where('rating', 'is', null)
          .executeTakeFirst();
        if (Number(r.numUpdatedRows) !== 1) throw conflict('ERRAND_ALREADY_RATED');
        await recordStep(trx, events, row, 'rated', { by: null, detail: { rating: input.rating } });
        await auditWrite(trx, call, 'errandOrder.rate', 'errand_order', id, row.regionPath, {
          ref: row.ref,
          rating: input.rating,
        });
      });
      return publicOf(await reread(id));
    },

    /**
     * A complaint opens a field issue owned by the community (the one issue ledger); once per
     * order. Where nobody looks after the place yet, the complaint stays on the order's steps.
     */
    async complain(ip: string, call: CallContext, token: string, id: string, input: ComplaintInput): Promise<PublicOrder> {
      const where = await links.resolve(ip, token);
      const row = await ownOrder(where, id);
      const text = input.text.trim();
      await transact(db, call, async (trx) => {
        const already = await trx
          .selectFrom('errandOrderEvents')
          .select('id')
          .where('orderId', '=', id)
          .where('kind', '=', 'complaint')
          .executeTakeFirst();
        if (already || row.issueId) throw conflict('ERRAND_ALREADY_COMPLAINED');
        const issue = await fieldIssues.raiseForResident(trx, call, {
          regionId: row.regionId,
          regionPath: row.regionPath,
          regionName: row.regionName,
          title: `代办投诉 ${row.ref}`,
          description: text,
        });
        if (issue)
          await trx.updateTable('errandOrders').set({ issueId: issue.id, updatedAt: nowIso() }).where('id', '=', id).execute();
        await recordStep(trx, events, row, 'complaint', { by: null, detail: { text, issueRef: issue?.ref ?? null } });
        await auditWrite(trx, call, 'errandOrder.complain', 'errand_order', id, row.regionPath, {
          ref: row.ref,
          issueId: issue?.id ?? null,
        });
      });
      return publicOf(await reread(id));
    },
  };
}
