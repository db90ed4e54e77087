import type { Kysely } from 'kysely';
import type { Role } from '../../../common/enums.ts';
import type { Actor } from '../access/actor.ts';
import { nowIso } from '../db/ids.ts';
import type { Database } from '../db/schema.ts';
import { newToken, tokenHash } from './tokens.ts';

export interface SessionLimits {
  idleSeconds: number;
  absoluteSeconds: number;
}

/** A new random token each login; only its hash is stored. Returns the token for the cookie. */
export async function createSession(
  q: Kysely<Database>,
  accountId: string,
  limits: SessionLimits,
  meta: { ip: string | null; userAgent: string | null },
  now = new Date(),
): Promise<string> {
  const token = newToken();
  await q
    .insertInto('sessions')
    .values({
      id: tokenHash(token),
      accountId,
      createdAt: nowIso(now),
      lastSeenAt: nowIso(now),
      expiresAt: nowIso(new Date(now.getTime() + limits.absoluteSeconds * 1000)),
      ip: meta.ip,
      userAgent: meta.userAgent?.slice(0, 300) ?? null,
    })
    .execute();
  return token;
}

/**
 * The actor behind a cookie token, or null when the session is unknown, idle too long, past its
 * absolute limit, or the account is disabled. Refreshes last-seen at most once a minute.
 */
export async function resolveSession(
  q: Kysely<Database>,
  token: string,
  limits: SessionLimits,
  now = new Date(),
): Promise<Actor | null> {
  const id = tokenHash(token);
  // Session, account and grants in one round trip: this runs on every request.
  const rows = await q
    .selectFrom('sessions')
    .innerJoin('accounts', 'accounts.id', 'sessions.accountId')
    .leftJoin('roleGrants', 'roleGrants.accountId', 'accounts.id')
    .leftJoin('regions', 'regions.id', 'roleGrants.regionId')
    .select([
      'sessions.id',
      'sessions.lastSeenAt',
      'sessions.expiresAt',
      'accounts.id as accountId',
      'accounts.login',
      'accounts.name',
      'accounts.status',
      'roleGrants.id as grantId',
      'roleGrants.role',
      'roleGrants.regionId',
      'regions.path as regionPath',
    ])
    .where('sessions.id', '=', id)
    .orderBy('roleGrants.createdAt')
    .execute();
  const row = rows[0];
  if (!row) return null;
  const idleLimit = new Date(row.lastSeenAt).getTime() + limits.idleSeconds * 1000;
  if (row.status !== 'active' || row.expiresAt <= nowIso(now) || idleLimit <= now.getTime()) {
    await q.deleteFrom('sessions').where('id', '=', id).execute();
    return null;
  }
  if (now.getTime() - new Date(row.lastSeenAt).getTime() > 60_000) {
    await q
      .updateTable('sessions')
      .set({ lastSeenAt: nowIso(now) })
      .where('id', '=', id)
      .execute();
  }
  return {
    accountId: row.accountId,
    login: row.login,
    name: row.name,
    grants: rows.flatMap((r) =>
      r.grantId ? [{ id: r.grantId, role: r.role as Role, regionId: r.regionId, regionPath: r.regionPath }] : [],
    ),
    sessionId: id,
  };
}

export async function deleteSession(q: Kysely<Database>, sessionId: string): Promise<void> {
  await q.deleteFrom('sessions').where('id', '=', sessionId).execute();
}

export async function deleteAccountSessions(q: Kysely<Database>, accountId: string, exceptSessionId?: string): Promise<void> {
  let query = q.deleteFrom('sessions').where('accountId', '=', accountId);
  if (exceptSessionId) query = query.where('id', '!=', exceptSessionId);
  await query.execute();
}
