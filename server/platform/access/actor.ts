import type { Role } from '../../../common/enums.ts';
import { notFound, forbidden } from '../errors.ts';
import { GRANTABLE_ROLES, ROLE_PERMISSIONS, type Permission } from '../../../common/permissions.ts';

export interface Grant {
  id: string;
  role: Role;
  /** null: the whole platform (admin). */
  regionId: string | null;
  regionPath: string | null;
}

/** Who is calling, resolved once per request from the session. */
export interface Actor {
  accountId: string;
  login: string;
  name: string;
  grants: Grant[];
  sessionId: string;
}

/** Where an actor holds a permission: everywhere, or under these region paths (possibly none). */
export type Scope = { all: true } | { all: false; paths: string[] };

export function scopeFor(actor: Actor, permission: Permission): Scope {
  const paths: string[] = [];
  for (const g of actor.grants) {
    if (!ROLE_PERMISSIONS[g.role].includes(permission)) continue;
    if (g.regionPath === null) return { all: true };
    paths.push(g.regionPath);
  }
  // A path inside another adds nothing; dropping it keeps scope queries short.
  const minimal = paths.filter((p) => !paths.some((q) => q !== p && p.startsWith(q)));
  return { all: false, paths: [...new Set(minimal)] };
}

export function hasPermission(actor: Actor, permission: Permission): boolean {
  const scope = scopeFor(actor, permission);
  return scope.all || scope.paths.length > 0;
}

export function inScope(scope: Scope, regionPath: string): boolean {
  return scope.all || scope.paths.some((p) => regionPath.startsWith(p));
}

/**
 * The access check every service method starts with. No permission at all: 403. A permission,
 * but not over this record's region: 404, so a foreign id looks exactly like a missing one.
 */
export function requireAccess(actor: Actor, permission: Permission, regionPath: string | null): Scope {
  const scope = scopeFor(actor, permission);
  if (!scope.all && scope.paths.length === 0) throw forbidden();
  if (regionPath !== null && !inScope(scope, regionPath)) throw notFound();
  if (regionPath === null && !scope.all) throw forbidden();
  return scope;
}

/** Lists need only the permission somewhere; the query then narrows to the scope. */
export function requireScope(actor: Actor, permission: Permission): Scope {
  const scope = scopeFor(actor, permission);
  if (!scope.all && scope.paths.length === 0) throw forbidden();
  return scope;
}

/** Whether the actor may grant `role` over `regionPath` (null = platform-wide). */
export function canGrant(actor: Actor, role: Role, regionPath: string | null): boolean {
  return actor.grants.some(
    (g) =>
      ROLE_PERMISSIONS[g.role].includes('accounts.write') &&
      GRANTABLE_ROLES[g.role].includes(role) &&
      (g.regionPath === null || (regionPath !== null && regionPath.startsWith(g.regionPath))),
  );
}
