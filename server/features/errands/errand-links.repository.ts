import type { Kysely } from 'kysely';
import type { Database, ResidentTokenTable } from '../../platform/db/schema.ts';

type Q = Kysely<Database>;

/** Purposes of the links that open the errand page: the household's own, or an isolated person's health link. */
export const ERRAND_LINK_PURPOSES = ['errand', 'health_report'] as const;

/**
 * Who orders through a link: a household, or an isolated person (their case, and the household
 * the case lives in when it has one). The region is where the order goes (the grid).
 */
export interface OrderingPlace {
  householdId: string | null;
  caseId: string | null;
  regionId: string;
  regionName: string;
  regionPath: string;
  address: string;
  /** The case's person (masked before it leaves); null for a household link. */
  personName: string | null;
}

/**
 * The place a live link points to. Errands reads the token table itself (not through the
 * quarantine service) because it needs the case's household and address, which the health
 * page never shows; an ended case's link orders nothing.
 */
export async function placeOfLink(q: Q, hash: string, now: string): Promise<OrderingPlace | undefined> {
  const link = await q
    .selectFrom('residentTokens')
    .select(['purpose', 'householdId', 'caseId'])
    .where('tokenHash', '=', hash)
    .where('purpose', 'in', [...ERRAND_LINK_PURPOSES])
    .where('revokedAt', 'is', null)
    .where('expiresAt', '>', now)
    .executeTakeFirst();
  if (!link) return undefined;
  if (link.purpose === 'errand' && link.householdId) return householdPlace(q, link.householdId);
  if (link.purpose !== 'health_report' || !link.caseId) return undefined;
  const c = await q
    .selectFrom('isolationCases as c')
    .innerJoin('regions as r', 'r.id', 'c.regionId')
    .leftJoin('households as h', 'h.id', 'c.householdId')
    .select([
      'c.id',
      'c.householdId',
      'c.regionId',
      'r.name as regionName',
      'r.path as regionPath',
      'c.address',
      'h.address as homeAddress',
      'c.personName',
    ])
    .where('c.id', '=', link.caseId)
    .where('c.status', '=', 'active')
    .executeTakeFirst();
  return (
    c && {
      householdId: c.householdId,
      caseId: c.id,
      regionId: c.regionId,
      regionName: c.regionName,
      regionPath: c.regionPath,
      address: c.address ?? c.homeAddress ?? '',
      personName: c.personName,
    }
  );
}

export async function householdPlace(q: Q, householdId: string): Promise<OrderingPlace | undefined> {
  const h = await q
    .selectFrom('households as h')
    .innerJoin('regions as r', 'r.id', 'h.regionId')
    .select(['h.id', 'h.regionId', 'r.name as regionName', 'r.path as regionPath', 'h.address'])
    .where('h.id', '=', householdId)
    .executeTakeFirst();
  return (
    h && {
      householdId: h.id,
      caseId: null,
      regionId: h.regionId,
      regionName: h.regionName,
      regionPath: h.regionPath,
      address: h.address,
      personName: null,
    }
  );
}

export async function insertLink(q: Q, row: ResidentTokenTable): Promise<void> {
  await q.insertInto('residentTokens').values(row).execute();
}

/** Revokes the household's live errand links; the number revoked. */
export async function revokeLinks(q: Q, householdId: string, now: string): Promise<number> {
  const r = await q
    .updateTable('residentTokens')
    .set({ revokedAt: now })
    .where('householdId', '=', householdId)
    .where('purpose', '=', 'errand')
    .where('revokedAt', 'is', null)
    .executeTakeFirst();
  return Number(r.numUpdatedRows);
}

/** When the household's live link was issued and when it ends, if it has one. */
export async function liveLinkOf(
  q: Q,
  householdId: string,
  now: string,
): Promise<{ createdAt: string; expiresAt: string } | undefined> {
  return q
    .selectFrom('residentTokens')
    .select(['createdAt', 'expiresAt'])
    .where('householdId', '=', householdId)
    .where('purpose', '=', 'errand')
    .where('revokedAt', 'is', null)
    .where('expiresAt', '>', now)
    .orderBy('createdAt', 'desc')
    .executeTakeFirst();
}
