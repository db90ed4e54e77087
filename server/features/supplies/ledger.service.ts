import { SUPPLY_CATEGORIES } from '../../../common/enums.ts';
import { addDays, calendarDate, zonedInstant } from '../../platform/dates.ts';
import { nowIso } from '../../platform/db/ids.ts';
import type { Deps } from '../../platform/deps.ts';
import { AppError, invalidField, notFound } from '../../platform/errors.ts';
import type { RegionsService } from '../regions/regions.service.ts';
import { findItems } from './catalogue.repository.ts';
import * as repo from './ledger.repository.ts';
import type { Ledger, LedgerQueryInput } from './ledger.schemas.ts';
import { linesOf } from './stock.repository.ts';

export type LedgerService = ReturnType<typeof ledgerService>;

/** Entries of each kind one answer carries; a longer period is asked for in parts. */
const MAX_ENTRIES = 2000;
/** Served ledgers per address and minute: plenty for people reading it, not for scraping in a loop. */
const LEDGER_LIMIT = 60;
const LEDGER_WINDOW_SECONDS = 60;
const LEDGER_LEVELS = new Set(['county', 'city']);

/**
 * 捐赠物资公示: the public donation ledger of a county (or of the city, whose 市防疫物资库 takes
 * the large unit donations). Counties posted these on notice boards and official accounts in
 * 2020, so the route is public: it takes a region code and a period, nothing else, answers only
 * for county and city codes, and says nothing personal — a person donor is always "爱心人士", a
 * unit that asked to stay anonymous "爱心单位", a household "住户" of its community. Served
 * answers are counted per address (a miss costs one indexed lookup, like /healthz).
 */
export function ledgerService(deps: Deps, { regions }: { regions: RegionsService }) {
  const {
    db: { db },
    rateLimiter,
    config: { timeZone },
  } = deps;

  const localDate = (iso: string) => calendarDate(timeZone, new Date(iso));
  const startOf = (date: string) => nowIso(zonedInstant(timeZone, date, '00:00'));

  return {
    async ledger(ip: string, code: string, query: LedgerQueryInput): Promise<Ledger> {
      const key = `supplies:ledger:${ip}`;
      const { count, retryAfter } = await rateLimiter.peek(key, LEDGER_WINDOW_SECONDS);
      if (count >= LEDGER_LIMIT) throw new AppError(429, 'RATE_LIMITED', { minutes: Math.ceil(retryAfter / 60), retryAfter });
      if (query.from && query.to && query.to < query.from) throw invalidField('to', 'field.supplies.toBeforeFrom');
      const [region] = await regions.findByCodes([code]);
      if (!region || !LEDGER_LEVELS.has(region.level)) throw notFound();

      const limit = MAX_ENTRIES + 1;
      const period = {
        ...(query.from ? { fromAt: startOf(query.from) } : {}),
        ...(query.to ? { beforeAt: startOf(addDays(query.to, 1)) } : {}),
        limit,
      };
      const donations = await repo.donationsIn(db, region.path, {
        ...(query.from ? { from: query.from } : {}),
        ...(query.to ? { to: query.to } : {}),
        limit,
      });
      const allocations = await repo.allocationsFrom(db, region.path, period);
      const transfers = await repo.transfersAcross(db, region.path, period);
      const truncated = [donations, allocations, transfers].some((list) => list.length > MAX_ENTRIES);
      [donations, allocations, transfers].forEach((list) => list.splice(MAX_ENTRIES));

      const donationLines = await linesOf(
        db,
        'donationId',
        'donation',
        donations.map((d) => d.id),
      );
      const allocationLines = await linesOf(
        db,
        'allocationId',
        'allocation',
        allocations.map((a) => a.id),
      );
      const transferLines = await linesOf(
        db,
        'transferId',
        'transfer_out',
        transfers.map((t) => t.id),
      );
      const publicLines = (lines: { item: { id: string }; quantity: number }[] | undefined) =>
        (lines ?? []).map((l) => ({ itemId: l.item.id, quantity: l.quantity }));

      // A household is named by its community only: the id of the community on its region's path.
      const householdPaths = allocations.map((a) => a.householdRegionPath).filter((p): p is string => p !== null);
      const communities = await repo.communityNames(
        db,
        householdPaths.flatMap((p) => p.split('/').filter(Boolean)),
      );
      const communityOf = (path: string | null) =>
        (path ?? '')
          .split('/')
          .filter(Boolean)
          .map((id) => communities.get(id))
          .find((name) => name !== undefined) ?? '';

      const entries: Ledger = {
        region: { code: region.code ?? code, name: region.name, level: region.level as 'county' | 'city' },
        from: query.from ?? null,
        to: query.to ?? null,
        generatedAt: nowIso(),
        items: [],
        donations: donations.map((d) => ({
          ref: d.ref,
          on: d.receivedOn,
          donor: {
            kind: d.donorKind as 'unit' | 'person',
            name: d.donorKind === 'unit' && !d.anonymous ? d.donorName : null,
          },
          storeName: d.storeName,
          lines: publicLines(donationLines.get(d.id)),
        })),
        allocations: allocations.map((a) => ({
          ref: a.ref,
          on: localDate(a.sentAt),
          toKind: a.toKind as 'checkpoint' | 'team' | 'region' | 'household',
          toName:
            a.toKind === 'checkpoint'
              ? (a.checkpointName ?? '')
              : a.toKind === 'team'
                ? (a.teamName ?? '')
                : a.toKind === 'region'
                  ? (a.regionName ?? '')
                  : communityOf(a.householdRegionPath),
          confirmed: a.status === 'confirmed',
          storeName: a.storeName,
          lines: publicLines(allocationLines.get(a.id)),
        })),
        transfers: transfers.map((t) => ({
          ref: t.ref,
          on: localDate(t.at),
          direction: t.toPath.startsWith(region.path) ? ('in' as const) : ('out' as const),
          fromStore: t.fromStore,
          toStore: t.toStore,
          lines: publicLines(transferLines.get(t.id)),
        })),
        totals: [],
        truncated,
      };

      const stock = await repo.inStock(db, region.path);
      const totals = new Map<string, Ledger['totals'][number]>();
      const total = (itemId: string) => {
        let t = totals.get(itemId);
        if (!t) {
          t = { itemId, donated: 0, allocated: 0, transferredIn: 0, transferredOut: 0, inStock: stock.get(itemId) ?? 0 };
          totals.set(itemId, t);
        }
        return t;
      };
      for (const d of entries.donations) for (const l of d.lines) total(l.itemId).donated += l.quantity;
      for (const a of entries.allocations) for (const l of a.lines) total(l.itemId).allocated += l.quantity;
      for (const t of entries.transfers) {
        for (const l of t.lines) total(l.itemId)[t.direction === 'in' ? 'transferredIn' : 'transferredOut'] += l.quantity;
      }
      for (const [itemId, quantity] of stock) if (quantity > 0) total(itemId);
      entries.items = await findItems(db, [...totals.keys()]);
      const rank = (i: { category: string }) => SUPPLY_CATEGORIES.indexOf(i.category as (typeof SUPPLY_CATEGORIES)[number]);
      entries.items.sort((a, b) => rank(a) - rank(b) || (a.code < b.code ? -1 : 1));
      const order = new Map(entries.items.map((item, i) => [item.id, i]));
      entries.totals = [...totals.values()].sort((a, b) => order.get(a.itemId)! - order.get(b.itemId)!);

      await rateLimiter.hit(key, LEDGER_WINDOW_SECONDS);
      return entries;
    },
  };
}
