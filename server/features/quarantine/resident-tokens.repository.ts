import type { Kysely } from 'kysely';
import type { Database, ResidentTokenTable } from '../../platform/db/schema.ts';

type Q = Kysely<Database>;

export async function insertToken(q: Q, row: ResidentTokenTable): Promise<void> {
  await q.insertInto('residentTokens').values(row).execute();
}

/** Revokes every live link of a case for a purpose; the number revoked. */
export async function revokeForCase(q: Q, caseId: string, purpose: string, now: string): Promise<number> {
  const result = await q
    .updateTable('residentTokens')
    .set({ revokedAt: now })
    .where('caseId', '=', caseId)
    .where('purpose', '=', purpose)
    .where('revokedAt', 'is', null)
    .executeTakeFirst();
  return Number(result.numUpdatedRows);
}

/** The case a live (unrevoked, unexpired) link of this purpose points to. */
export async function liveCaseOf(q: Q, hash: string, purpose: string, now: string): Promise<string | undefined> {
  const row = await q
    .selectFrom('residentTokens')
    .select('caseId')
    .where('tokenHash', '=', hash)
    .where('purpose', '=', purpose)
    .where('revokedAt', 'is', null)
    .where('expiresAt', '>', now)
    .executeTakeFirst();
  return row?.caseId ?? undefined;
}

/**
 * The case a link of this purpose pointed to while it was live at `at`, though it no longer is
 * (revoked since, when the case closed), with when it stopped.
 */
export async function caseLiveAt(
  q: Q,
  hash: string,
  purpose: string,
  at: string,
): Promise<{ caseId: string; revokedAt: string } | undefined> {
  const row = await q
    .selectFrom('residentTokens')
    .select(['caseId', 'revokedAt'])
    .where('tokenHash', '=', hash)
    .where('purpose', '=', purpose)
    .where('createdAt', '<=', at)
    .where('revokedAt', '>', at)
    .where('expiresAt', '>', at)
    .executeTakeFirst();
  return row?.caseId && row.revokedAt ? { caseId: row.caseId, revokedAt: row.revokedAt } : undefined;
}
