import { maskName } from '../../../common/mask.ts';
import type { ErrandStatus } from '../../../common/enums.ts';
import { addDays, calendarDate, daysBetween, zonedInstant } from '../../platform/dates.ts';
import { nowIso } from '../../platform/db/ids.ts';
import type { Deps } from '../../platform/deps.ts';
import { AppError, invalidField, notFound } from '../../platform/errors.ts';
import type { RegionsService } from '../regions/regions.service.ts';
import * as repo from './ledger.repository.ts';
import type { ErrandLedger, ErrandLedgerQueryInput } from './ledger.schemas.ts';

export type ErrandLedgerService = ReturnType<typeof errandLedgerService>;

const MAX_ENTRIES = 2000;
const MAX_DAYS = 92;
/** The month up to today when no period is given. */
const DEFAULT_DAYS = 31;
/** Served ledgers per address and minute, as for the supplies ledger. */
const LEDGER_LIMIT = 60;
const LEDGER_WINDOW_SECONDS = 60;

/**
 * 代办公示: the public errand ledger of a community, printed for its notice board (real deployments
 * posted receipts and had residents pay actual cost). Public on purpose, like the supplies ledger:
 * it takes a community's code and a period and shows runs (shops and amounts), orders (masked
 * name, amounts) and totals — no mobiles, no addresses, no volunteers' names. Served answers are
 * counted per address.
 */
export function errandLedgerService(deps: Deps, { regions }: { regions: RegionsService }) {
  const {
    db: { db },
    rateLimiter,
    config: { timeZone },
  } = deps;
  const startOf = (date: string) => nowIso(zonedInstant(timeZone, date, '00:00'));

  return {
    async ledger(ip: string, code: string, query: ErrandLedgerQueryInput): Promise<ErrandLedger> {
      const key = `errands:ledger:${ip}`;
      const { count, retryAfter } = await rateLimiter.peek(key, LEDGER_WINDOW_SECONDS);
      if (count >= LEDGER_LIMIT) throw new AppError(429, 'RATE_LIMITED', { minutes: Math.ceil(retryAfter / 60), retryAfter });
      const to = query.to ?? calendarDate(timeZone);
      const from = query.from ?? addDays(to, -(DEFAULT_DAYS - 1));
      if (to < from) throw invalidField('to', 'field.errands.range');
      if (daysBetween(from, to) >= MAX_DAYS) throw invalidField('from', 'field.errands.rangeLong', { days: MAX_DAYS });
      const [region] = await regions.findByCodes([code]);
      if (!region || region.level !== 'community') throw notFound();

      const runs = await repo.runsIn(db, region.path, {
        fromAt: startOf(from),
        beforeAt: startOf(addDays(to, 1)),
        limit: MAX_ENTRIES + 1,
      });
      const orders = await repo.ordersIn(db, region.path, { from, to, limit: MAX_ENTRIES + 1 });
      const truncated = runs.length > MAX_ENTRIES || orders.length > MAX_ENTRIES;
      runs.splice(MAX_ENTRIES);
      orders.splice(MAX_ENTRIES);
      const paid = await repo.shopsPaid(
        db,
        runs.map((r) => r.id),
      );
      const runOrders = new Map<string, number>();
      for (const o of orders) if (o.runRef) runOrders.set(o.runRef, (runOrders.get(o.runRef) ?? 0) + 1);

      const entries: ErrandLedger = {
        region: { code: region.code ?? code, name: region.name },
        from,
        to,
        generatedAt: nowIso(),
        runs: runs.map((r) => {
          const shops = paid
            .filter((p) => p.runId === r.id)
            .map((p) => ({ name: p.name, amountFen: p.amountFen, hasReceipt: p.receiptFileId !== null }));
          return {
            ref: r.ref,
            on: calendarDate(timeZone, new Date(r.createdAt)),
            postName: r.postName,
            bought: r.status === 'bought',
            orders: runOrders.get(r.ref) ?? 0,
            shops,
            totalFen: shops.reduce((sum, s) => sum + s.amountFen, 0),
          };
        }),
        orders: orders.map((o) => ({
          ref: o.ref,
          on: o.orderedOn,
          name: maskName(o.contactName),
          status: o.status as ErrandStatus,
          runRef: o.runRef,
          amountDueFen: o.amountDueFen,
          paidFen: o.paidFen,
        })),
        totals: { orders: 0, delivered: 0, runs: runs.length, boughtFen: 0, dueFen: 0, paidFen: 0 },
        truncated,
      };
      const counted = entries.orders.filter((o) => o.status !== 'cancelled');
      entries.totals.orders = counted.length;
      entries.totals.delivered = counted.filter((o) => o.status === 'delivered' || o.status === 'confirmed').length;
      entries.totals.boughtFen = entries.runs.reduce((sum, r) => sum + r.totalFen, 0);
      entries.totals.dueFen = counted.reduce((sum, o) => sum + (o.amountDueFen ?? 0), 0);
      entries.totals.paidFen = counted.reduce((sum, o) => sum + o.paidFen, 0);
      await rateLimiter.hit(key, LEDGER_WINDOW_SECONDS);
      return entries;
    },
  };
}
