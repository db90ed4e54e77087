import { describe, expect, it } from 'vitest';
import { allocateShop, productOf, splitFen } from './runs.allocation.ts';

const sum = (xs: Iterable<number>) => [...xs].reduce((a, b) => a + b, 0);

describe('splitFen (largest remainder)', () => {
  it('splits in proportion and adds up exactly', () => {
    expect(splitFen(1000, [1, 1, 1])).toEqual([334, 333, 333]);
    expect(splitFen(100, [2, 1])).toEqual([67, 33]);
    expect(splitFen(0, [3, 4])).toEqual([0, 0]);
    expect(splitFen(7, [0, 0])).toEqual([4, 3]);
    expect(splitFen(5, [])).toEqual([]);
  });

  it('gives the leftover fen to the largest fractions, ties to the earlier', () => {
    // 10 × (0.5, 1.5, 1) / 3 = 1.666…, 5, 3.333…: floors 1, 5, 3 → one fen left, to the first.
    expect(splitFen(10, [0.5, 1.5, 1])).toEqual([2, 5, 3]);
  });

  it('always adds up, whatever the weights', () => {
    for (let n = 0; n < 200; n++) {
      const weights = Array.from({ length: 1 + (n % 7) }, (_, i) => ((n * 31 + i * 17) % 13) / 2);
      const total = (n * 9973) % 100_000;
      const shares = splitFen(total, weights);
      expect(sum(shares)).toBe(total);
      expect(shares.every((s) => s >= 0 && Number.isInteger(s))).toBe(true);
    }
  });
});

describe('allocateShop', () => {
  const rice = (id: string, quantity: number) => ({ id, product: 'goods-rice', quantity });
  const eggs = (id: string, quantity: number) => ({ id, product: 'goods-eggs', quantity });

  it('shares the total evenly between products without prices, then by quantity', () => {
    const out = allocateShop(10_000, [rice('a', 5), rice('b', 15), eggs('c', 2)], new Map());
    if (!('costs' in out)) throw new Error('expected costs');
    expect(Object.fromEntries(out.costs)).toEqual({ a: 1250, b: 3750, c: 5000 });
  });

  it('uses the receipt’s prices and shares the rest', () => {
    const out = allocateShop(
      9_001,
      [rice('a', 1), rice('b', 2), eggs('c', 1), { id: 'd', product: 'text:酱油|瓶', quantity: 1 }],
      new Map([['goods-rice', 6_000]]),
    );
    if (!('costs' in out)) throw new Error('expected costs');
    expect(Object.fromEntries(out.costs)).toEqual({ a: 2000, b: 4000, c: 1501, d: 1500 });
    expect(sum(out.costs.values())).toBe(9_001);
  });

  it('refuses prices above the total, or all prices not making the total', () => {
    expect(allocateShop(100, [rice('a', 1), eggs('b', 1)], new Map([['goods-rice', 101]]))).toEqual({
      problem: { kind: 'pricesOverTotal', priced: 101 },
    });
    expect(allocateShop(100, [rice('a', 1)], new Map([['goods-rice', 90]]))).toEqual({
      problem: { kind: 'pricesNotTotal', priced: 90 },
    });
  });

  it('names free-text products by name and unit', () => {
    expect(productOf({ goodsId: null, name: ' 酱油 ', unit: '瓶' })).toBe('text:酱油|瓶');
    expect(productOf({ goodsId: 'goods-oil', name: '食用油', unit: '桶' })).toBe('goods-oil');
  });
});
