/**
 * How what a run paid at one shop is charged back to the orders (issue 8: "costs are allocated
 * back to orders by the items each received"). No database here; the service feeds it the items.
 *
 * The rule, in two steps, exact in fen:
 * 1. The shop's total is split over its products (a product: one catalogue good, or one free-text
 *    name and unit). A product whose price the leader read off the receipt gets that amount; what
 *    is left of the total is shared evenly by the products without a price. Products of different
 *    units (kg of rice, boxes of medicine) have no common measure, so quantity cannot weigh them
 *    against each other; the receipt's line prices can, and an even share is the plain fallback.
 * 2. A product's amount is split over the order items of that product in proportion to their
 *    quantity (same unit, so the weighing is fair).
 * Each split uses the largest-remainder method: every share is rounded down, and the fen left
 * over go one each to the largest fractional parts (ties to the earlier item), so the shares
 * always add up to the amount exactly.
 */

/** Splits `total` fen in proportion to `weights` (non-negative); all-zero weights split evenly. */
export function splitFen(total: number, weights: readonly number[]): number[] {
  if (weights.length === 0) return [];
  const sum = weights.reduce((a, b) => a + b, 0);
  const w = sum > 0 ? weights : weights.map(() => 1);
  const wSum = sum > 0 ? sum : weights.length;
  const exact = w.map((x) => (total * x) / wSum);
  const shares = exact.map((x) => Math.floor(x));
  let left = total - shares.reduce((a, b) => a + b, 0);
  const byRemainder = exact.map((x, i) => ({ i, r: x - Math.floor(x) })).sort((a, b) => b.r - a.r || a.i - b.i);
  for (const { i } of byRemainder) {
    if (left <= 0) break;
    shares[i]! += 1;
    left -= 1;
  }
  return shares;
}

export interface BoughtItem {
  id: string;
  /** The product: a catalogue good's id, or the free-text name and unit. */
  product: string;
  quantity: number;
}

export type AllocationProblem = { kind: 'pricesOverTotal'; priced: number } | { kind: 'pricesNotTotal'; priced: number };

/**
 * The cost of each item bought at one shop, by item id, or the problem with the prices given.
 * `prices`: the receipt's amount per product, for the products the leader priced.
 */
export function allocateShop(
  totalFen: number,
  items: readonly BoughtItem[],
  prices: ReadonlyMap<string, number>,
): { costs: Map<string, number> } | { problem: AllocationProblem } {
  const products = [...new Set(items.map((i) => i.product))];
  const priced = products.filter((p) => prices.has(p)).reduce((sum, p) => sum + prices.get(p)!, 0);
  const unpriced = products.filter((p) => !prices.has(p));
  if (priced > totalFen) return { problem: { kind: 'pricesOverTotal', priced } };
  // Every product priced: the prices are the receipt, so they must make its total.
  if (unpriced.length === 0 && priced !== totalFen) return { problem: { kind: 'pricesNotTotal', priced } };
  const evenShares = splitFen(
    totalFen - priced,
    unpriced.map(() => 1),
  );
  const productAmount = new Map<string, number>(products.filter((p) => prices.has(p)).map((p) => [p, prices.get(p)!]));
  unpriced.forEach((p, i) => productAmount.set(p, evenShares[i]!));

  const costs = new Map<string, number>();
  for (const product of products) {
    const of = items.filter((i) => i.product === product);
    const shares = splitFen(
      productAmount.get(product)!,
      of.map((i) => i.quantity),
    );
    of.forEach((item, i) => costs.set(item.id, shares[i]!));
  }
  return { costs };
}

/** The product key of an order item: its good, or its free-text name and unit. */
export const productOf = (item: { goodsId: string | null; name: string; unit: string }): string =>
  item.goodsId ?? `text:${item.name.trim()}|${item.unit.trim()}`;
