/**
 * How a demo person acts through the services: their account and grants as a session would load
 * them, so what the demo writes passes the same access checks as a signed-in person's request.
 */
import type { Kysely } from 'kysely';
import type { Role } from '../../common/enums.ts';
import type { Actor } from '../platform/access/actor.ts';
import type { CallContext } from '../platform/audit/audit.ts';
import type { Database } from '../platform/db/schema.ts';

export interface DemoActor {
  actor: Actor;
  call: CallContext;
}

/** The account with this login as an actor, or null when the demo has no such account. */
export async function demoActor(db: Kysely<Database>, login: string): Promise<DemoActor | null> {
  const rows = await db
    .selectFrom('accounts')
    .leftJoin('roleGrants', 'roleGrants.accountId', 'accounts.id')
    .leftJoin('regions', 'regions.id', 'roleGrants.regionId')
    .select([
      'accounts.id',
      'accounts.login',
      'accounts.name',
      'roleGrants.id as grantId',
      'roleGrants.role',
      'roleGrants.regionId',
      'regions.path',
    ])
    .where('accounts.login', '=', login)
    .execute();
  const first = rows[0];
  if (!first) return null;
  const actor: Actor = {
    accountId: first.id,
    login: first.login,
    name: first.name,
    grants: rows.flatMap((r) =>
      r.grantId ? [{ id: r.grantId, role: r.role as Role, regionId: r.regionId, regionPath: r.path }] : [],
    ),
    sessionId: 'demo',
  };
  return { actor, call: { actorId: first.id, actorLogin: first.login, ip: null } };
}

/** The same, for a demo that cannot go on without the account. */
export async function requireDemoActor(db: Kysely<Database>, login: string, demo: string): Promise<DemoActor> {
  const found = await demoActor(db, login);
  if (!found) throw new Error(`${demo}: account ${login} is missing`);
  return found;
}
