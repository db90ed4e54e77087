/**
 * The national division list on the server (common/divisions.ts builds and searches it), read
 * once from the `china-area-data` package when first needed.
 */
import { readFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import { buildDivisionIndex, childrenOf, searchIndex, type DivisionIndex, type RawDivisions } from '../../../common/divisions.ts';
import type { Division } from './risk-areas.schemas.ts';

let index: DivisionIndex | undefined;

function divisions(): DivisionIndex {
  index ??= buildDivisionIndex(
    JSON.parse(readFileSync(createRequire(import.meta.url).resolve('china-area-data/data.json'), 'utf8')) as RawDivisions,
  );
  return index;
}

export function divisionByCode(code: string): Division | undefined {
  return divisions().byCode.get(code);
}

/** The divisions directly under `parent` (the provinces when null); undefined for an unknown code. */
export function divisionChildren(parent: string | null): Division[] | undefined {
  return childrenOf(divisions(), parent);
}

export function searchDivisions(q: string, o: { parent?: string; limit: number }): Division[] {
  return searchIndex(divisions(), q, o);
}

/**
 * The codes a risk area may be listed under that cover `code`: its province (2 digits + 0000),
 * its city (4 digits + 00) and itself. A province or city covers everything under it.
 */
export function coveringCodes(code: string): string[] {
  return [...new Set([`${code.slice(0, 2)}0000`, `${code.slice(0, 4)}00`, code])];
}
