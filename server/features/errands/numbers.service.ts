import { requireScope, type Actor } from '../../platform/access/actor.ts';
import { addDays, calendarDate, daysBetween } from '../../platform/dates.ts';
import type { Deps } from '../../platform/deps.ts';
import { invalidField } from '../../platform/errors.ts';
import type { FigureWindow } from '../dashboard/figure-sources.ts';
import type { RegionsService } from '../regions/regions.service.ts';
import { OPEN_ERRAND_STATUSES } from './errands.rules.ts';
import * as repo from './numbers.repository.ts';
import type { Numbers, NumbersLine, NumbersQueryInput } from './numbers.schemas.ts';
import type { ErrandStatus } from '../../../common/enums.ts';

export type NumbersService = ReturnType<typeof numbersService>;

/** A quarter at most: the answer is computed from the orders themselves. */
const MAX_DAYS = 92;
const DEFAULT_DAYS = 7;

const minutesBetween = (from: string, to: string) => (Date.parse(to) - Date.parse(from)) / 60_000;

function median(xs: number[]): number | null {
  if (xs.length === 0) return null;
  const s = [...xs].sort((a, b) => a - b);
  const mid = Math.floor(s.length / 2);
  const m = s.length % 2 ? s[mid]! : (s[mid - 1]! + s[mid]!) / 2;
  return Math.round(m * 10) / 10;
}

/** One line of figures from a group of orders. */
export function figures(key: string, name: string, orders: readonly repo.NumbersOrder[]): NumbersLine {
  const delivered = orders.filter((o) => o.deliveredAt !== null);
  const claimed = orders.filter((o) => o.claimedAt !== null);
  const onTime = delivered.filter((o) => o.deliveredAt! <= o.deliverBy).length;
  return {
    key,
    name,
    orders: orders.length,
    delivered: delivered.length,
    cancelled: orders.filter((o) => o.status === 'cancelled').length,
    open: orders.filter((o) => OPEN_ERRAND_STATUSES.includes(o.status as ErrandStatus)).length,
    medianClaimMinutes: median(claimed.map((o) => minutesBetween(o.createdAt, o.claimedAt!))),
    medianDeliveryMinutes: median(delivered.map((o) => minutesBetween(o.createdAt, o.deliveredAt!))),
    onTimeShare: delivered.length ? Math.round((onTime / delivered.length) * 1000) / 1000 : null,
    dueFen: orders.reduce((sum, o) => sum + (o.amountDueFen ?? 0), 0),
    paidFen: orders.reduce((sum, o) => sum + o.paidFen, 0),
  };
}

/**
 * 红色代办的数字: orders, median minutes to claim and to delivery, share delivered on time, and
 * amounts, per grid, community, county or day, for staff reading errands in their area. Orders
 * count on the day they were placed; the time figures count those claimed or delivered so far.
 */
export function numbersService(deps: Deps, { regions }: { regions: RegionsService }) {
  const {
    db: { db },
    config: { timeZone },
  } = deps;

  return {
    /** Errand figures per region for the dashboard's refresh job: the system's own reading, no access check. */
    figures: (w: FigureWindow) => repo.errandFigures(db, w),

    async numbers(actor: Actor, query: NumbersQueryInput): Promise<Numbers> {
      const scope = requireScope(actor, 'errands.read');
      const to = query.to ?? calendarDate(timeZone);
      const from = query.from ?? addDays(to, -(DEFAULT_DAYS - 1));
      if (to < from) throw invalidField('to', 'field.errands.range');
      if (daysBetween(from, to) >= MAX_DAYS) throw invalidField('from', 'field.errands.rangeLong', { days: MAX_DAYS });
      const regionPath = await regions.readablePath(actor, 'errands.read', query.regionId);
      const by = query.by ?? 'community';
      const orders = await repo.ordersIn(db, scope, { ...(regionPath ? { regionPath } : {}), from, to });

      const groups = new Map<string, repo.NumbersOrder[]>();
      const add = (key: string, o: repo.NumbersOrder) => groups.set(key, [...(groups.get(key) ?? []), o]);
      let names = new Map<string, string>();
      if (by === 'day') {
        for (const o of orders) add(o.orderedOn, o);
      } else {
        const ids = [...new Set(orders.flatMap((o) => o.regionPath.split('/').filter(Boolean)))];
        names = await repo.regionsAt(db, ids, by);
        for (const o of orders) {
          const at = o.regionPath
            .split('/')
            .filter(Boolean)
            .find((id) => names.has(id));
          // An order placed above the level asked for (a community post's order, by grid) is counted apart.
          add(at ?? '', o);
        }
      }
      const rows = [...groups.entries()]
        .map(([key, list]) => figures(key, by === 'day' ? key : (names.get(key) ?? ''), list))
        .sort((a, b) => (by === 'day' ? (a.key < b.key ? -1 : 1) : b.orders - a.orders || a.name.localeCompare(b.name, 'zh-CN')));
      return { from, to, by, rows, total: figures('total', '', orders) };
    },
  };
}
