import type { ErrandPayment, ErrandPayoutDirection, ErrandStatus } from '../../../common/enums.ts';
import { inScope, requireAccess, requireScope, scopeFor, type Actor } from '../../platform/access/actor.ts';
import { auditWrite, type CallContext } from '../../platform/audit/audit.ts';
import { newId, nowIso } from '../../platform/db/ids.ts';
import { transact } from '../../platform/db/transact.ts';
import type { Deps } from '../../platform/deps.ts';
import { AppError, forbidden, invalidField, notFound, type FieldProblem } from '../../platform/errors.ts';
import type { RegionsService } from '../regions/regions.service.ts';
import { recordStep } from './order-steps.ts';
import * as runsRepo from './runs.repository.ts';
import * as repo from './settlement.repository.ts';
import type { CreatePayoutInput, OrderMoney, PaymentInput, Settlement, SettlementQueryInput } from './settlement.schemas.ts';

export type SettlementService = ReturnType<typeof settlementService>;

/** Orders one settlement answer lists; a longer period is asked for in parts. */
const MAX_ORDERS = 2000;

/**
 * 结算: who owes whom. An order owes its amount due (its items' allocated costs, once its run is
 * bought) and has paid what was recorded; a volunteer's balance is what they advanced at shops,
 * less what the community reimbursed, less what they collected at doors, plus what they handed in
 * (settlement.schemas.ts). Marking an order paid is done by whoever took the money (the order's
 * volunteer), the post's leader, or staff managing errands; payouts (reimbursements and hand-ins)
 * by staff managing errands.
 */
export function settlementService(deps: Deps, { regions }: { regions: RegionsService }) {
  const {
    db: { db },
    events,
  } = deps;

  const outstanding = (o: { amountDueFen: number | null; paidFen: number }) => Math.max(0, (o.amountDueFen ?? 0) - o.paidFen);

  function presentOrder(o: repo.OrderMoneyRow): OrderMoney {
    return {
      id: o.id,
      ref: o.ref,
      orderedOn: o.orderedOn,
      status: o.status as ErrandStatus,
      regionName: o.regionName,
      contactName: o.contactName,
      address: o.address,
      runRef: o.runRef,
      amountDueFen: o.amountDueFen,
      paidFen: o.paidFen,
      outstandingFen: outstanding(o),
      payment: o.payment as ErrandPayment,
      paidMethod: o.paidMethod as ErrandPayment | null,
      paidAt: o.paidAt,
      collectedBy: o.collectedBy ? { id: o.collectedBy, name: o.collectedByName ?? '' } : null,
    };
  }

  return {
    async settlement(actor: Actor, query: SettlementQueryInput): Promise<Settlement> {
      const scope = requireScope(actor, 'errands.read');
      if (query.from && query.to && query.to < query.from) throw invalidField('to', 'field.errands.range');
      const regionPath = await regions.readablePath(actor, 'errands.read', query.regionId);
      const area = { scope, ...(regionPath ? { regionPath } : {}) };
      const rows = await repo.orderMoney(db, area, {
        ...(query.from ? { from: query.from } : {}),
        ...(query.to ? { to: query.to } : {}),
        limit: MAX_ORDERS + 1,
      });
      const truncated = rows.length > MAX_ORDERS;
      const orders = rows.slice(0, MAX_ORDERS).map(presentOrder);

      const households = new Map<string, Settlement['households'][number]>();
      for (const o of rows.slice(0, MAX_ORDERS)) {
        const key = o.householdId ?? o.caseId ?? o.id;
        const h = households.get(key) ?? {
          key,
          contactName: o.contactName,
          address: o.address,
          orders: 0,
          dueFen: 0,
          paidFen: 0,
          outstandingFen: 0,
        };
        h.orders += 1;
        h.dueFen += o.amountDueFen ?? 0;
        h.paidFen += o.paidFen;
        h.outstandingFen += outstanding(o);
        households.set(key, h);
      }

      const money = await repo.volunteerMoney(db, area);
      const ids = [...new Set([money.advanced, money.collected, money.reimbursed, money.handedIn].flatMap((m) => [...m.keys()]))];
      const names = await repo.volunteerNames(db, ids);
      const volunteers = ids
        .map((id) => {
          const advancedFen = money.advanced.get(id) ?? 0;
          const collectedFen = money.collected.get(id) ?? 0;
          const reimbursedFen = money.reimbursed.get(id) ?? 0;
          const handedInFen = money.handedIn.get(id) ?? 0;
          return {
            volunteer: { id, name: names.get(id) ?? '' },
            advancedFen,
            collectedFen,
            reimbursedFen,
            handedInFen,
            balanceFen: advancedFen - reimbursedFen - collectedFen + handedInFen,
          };
        })
        .sort(
          (a, b) => Math.abs(b.balanceFen) - Math.abs(a.balanceFen) || a.volunteer.name.localeCompare(b.volunteer.name, 'zh-CN'),
        );

      const sum = (xs: number[]) => xs.reduce((a, b) => a + b, 0);
      return {
        from: query.from ?? null,
        to: query.to ?? null,
        totals: {
          orders: orders.length,
          dueFen: sum(orders.map((o) => o.amountDueFen ?? 0)),
          paidFen: sum(orders.map((o) => o.paidFen)),
          outstandingFen: sum(orders.map((o) => o.outstandingFen)),
          advancedFen: sum(volunteers.map((v) => v.advancedFen)),
          owedToVolunteersFen: sum(volunteers.map((v) => Math.max(0, v.balanceFen))),
          heldByVolunteersFen: sum(volunteers.map((v) => Math.max(0, -v.balanceFen))),
        },
        orders,
        households: [...households.values()]
          .filter((h) => h.outstandingFen > 0)
          .sort((a, b) => b.outstandingFen - a.outstandingFen),
        volunteers,
        truncated,
      };
    },

    /** Records what the household paid for an order, how, and who took the money. */
    async pay(actor: Actor, call: CallContext, orderId: string, input: PaymentInput): Promise<OrderMoney> {
      const [order] = await runsRepo.ordersByIds(db, [orderId]);
      if (!order) throw notFound();
      requireAccess(actor, 'errands.run', order.regionPath);
      const post = order.postId ? await runsRepo.findPost(db, order.postId) : undefined;
      const mine = await runsRepo.volunteerIdsOf(db, actor.accountId);
      const manages = inScope(scopeFor(actor, 'errands.manage'), order.regionPath);
      const allowed =
        manages ||
        (order.claimedBy !== null && mine.includes(order.claimedBy)) ||
        (post?.leaderVolunteerId != null && mine.includes(post.leaderVolunteerId));
      if (!allowed) throw forbidden();

      const problems: Record<string, FieldProblem> = {};
      if (order.status === 'cancelled') problems.paidFen = { reason: 'field.errands.payment.cancelled' };
      if (input.method === 'on_delivery' && input.collectedByVolunteerId === null) {
        problems.collectedByVolunteerId = { reason: 'field.errands.payment.method' };
      }
      if (input.collectedByVolunteerId !== null) {
        const people = post ? (await runsRepo.teamPeople(db, post.teamId)).map((p) => p.id) : [];
        if (input.collectedByVolunteerId !== order.claimedBy && !people.includes(input.collectedByVolunteerId)) {
          problems.collectedByVolunteerId = { reason: 'field.errands.payment.collector' };
        }
      }
      if (Object.keys(problems).length) throw new AppError(422, 'VALIDATION', {}, problems);

      await transact(db, call, async (trx) => {
        await repo.recordPayment(trx, order.id, {
          paidFen: input.paidFen,
          method: input.method,
          collectedBy: input.collectedByVolunteerId,
          at: nowIso(),
        });
        await recordStep(trx, events, order, 'paid', {
          by: actor.accountId,
          detail: { paidFen: input.paidFen, method: input.method },
        });
        await auditWrite(trx, call, 'errandOrder.paid', 'errand_order', order.id, order.regionPath, {
          paidFen: input.paidFen,
          method: input.method,
          collectedBy: input.collectedByVolunteerId,
        });
      });
      const [row] = await repo.orderMoneyById(db, order.id);
      return presentOrder(row!);
    },

    async payouts(actor: Actor, query: { regionId?: string; limit?: number }) {
      const scope = requireScope(actor, 'errands.read');
      const regionPath = await regions.readablePath(actor, 'errands.read', query.regionId);
      const rows = await repo.listPayouts(db, { scope, ...(regionPath ? { regionPath } : {}) }, query.limit ?? 100);
      return {
        items: rows.map((r) => ({
          id: r.id,
          direction: r.direction as ErrandPayoutDirection,
          amountFen: r.amountFen,
          note: r.note,
          at: r.at,
          volunteer: { id: r.volunteerId, name: r.volunteerName },
          regionName: r.regionName,
          recordedBy: r.recordedByName,
        })),
      };
    },

    /** Money between a volunteer and the community: reimbursing what they advanced, or cash handed in. */
    async createPayout(actor: Actor, call: CallContext, input: CreatePayoutInput) {
      const region = await regions.findById(input.regionId);
      if (!region) throw notFound();
      requireAccess(actor, 'errands.manage', region.path);
      if (!(await repo.staffsPostIn(db, input.volunteerId, region.path))) {
        const home = await repo.volunteerHomePath(db, input.volunteerId);
        if (!home?.startsWith(region.path)) throw invalidField('volunteerId', 'field.errands.payout.volunteer');
      }
      const id = newId();
      await transact(db, call, async (trx) => {
        await trx
          .insertInto('errandPayouts')
          .values({
            id,
            regionId: region.id,
            volunteerId: input.volunteerId,
            direction: input.direction,
            amountFen: input.amountFen,
            note: input.note?.trim() ?? null,
            recordedBy: actor.accountId,
            at: nowIso(),
          })
          .execute();
        await auditWrite(trx, call, 'errandPayout.create', 'errand_payout', id, region.path, {
          volunteerId: input.volunteerId,
          direction: input.direction,
          amountFen: input.amountFen,
        });
        await events.publish(trx, {
          type: 'errandPayout.created',
          permission: 'errands.read',
          regionPath: region.path,
          entityType: 'errand_payout',
          entityId: id,
        });
      });
      const { items } = await this.payouts(actor, { regionId: region.id, limit: 500 });
      return items.find((p) => p.id === id)!;
    },
  };
}
