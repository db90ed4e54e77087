/**
 * Shared data shapes for the scope, matrix and fuzz tests: one city with two counties, each with a
 * full chain down to a grid, so "inside my area" and "another county" are both at hand.
 */
import type { Factory } from './app.ts';

type RegionRow = Awaited<ReturnType<Factory['region']>>;

export interface County {
  county: RegionRow;
  township: RegionRow;
  /** A second township, as a move target. */
  township2: RegionRow;
  community: RegionRow;
  grid: RegionRow;
}

export interface TwoCounties {
  city: RegionRow;
  a: County;
  b: County;
}

let cityCode = 0;

export async function twoCounties(factory: Factory): Promise<TwoCounties> {
  const city = await factory.region({ code: `49${String(++cityCode).padStart(4, '0')}`.slice(0, 6), level: 'city' });
  const county = async (): Promise<County> => {
    const c = await factory.region({ parent: city });
    const township = await factory.region({ parent: c });
    const township2 = await factory.region({ parent: c });
    const community = await factory.region({ parent: township });
    const grid = await factory.region({ parent: community });
    return { county: c, township, township2, community, grid };
  };
  return { city, a: await county(), b: await county() };
}
