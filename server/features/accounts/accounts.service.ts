import { randomInt } from 'node:crypto';
import type { Kysely } from 'kysely';
import { maskMobile } from '../../../common/mask.ts';
import type { Role } from '../../../common/enums.ts';
import { canGrant, inScope, requireAccess, requireScope, scopeFor, type Actor } from '../../platform/access/actor.ts';
import { auditWrite, type CallContext } from '../../platform/audit/audit.ts';
import { deleteAccountSessions } from '../../platform/auth/sessions.ts';
import { hashPassword, isStrongPassword } from '../../platform/auth/password.ts';
import { isUniqueViolation } from '../../platform/db/dialect.ts';
import { transact } from '../../platform/db/transact.ts';
import { newId, nowIso } from '../../platform/db/ids.ts';
import type { Database } from '../../platform/db/schema.ts';
import type { Deps } from '../../platform/deps.ts';
import { AppError, conflict, forbidden, invalidField, notFound } from '../../platform/errors.ts';
import type { RegionsService } from '../regions/regions.service.ts';
import * as repo from './accounts.repository.ts';
import type { Account, AccountQueryInput, CreateAccountInput, GrantInputT, UpdateAccountInput } from './accounts.schemas.ts';

export type AccountsService = ReturnType<typeof accountsService>;

/** Ten characters without look-alikes (0/O, 1/l/I), always with letters and digits. */
export function generatePassword(): string {
  const letters = 'abcdefghjkmnpqrstuvwxyzABCDEFGHJKLMNPQRSTUVWXYZ';
  const digits = '23456789';
  const all = letters + digits;
  for (;;) {
    const pw = Array.from({ length: 10 }, () => all[randomInt(all.length)]).join('');
    if (isStrongPassword(pw)) return pw;
  }
}

/** Responses never carry the hash, and carry the mobile masked. */
export function present(a: repo.AccountRow): Account {
  const { passwordHash: _hash, ...rest } = a;
  return { ...rest, mobile: maskMobile(a.mobile), grants: a.grants };
}

export function accountsService({ db: { db, dialect } }: Deps, regions: RegionsService) {
  /** Readable: admin sees all; others see accounts holding a grant inside their scope. */
  async function readable(actor: Actor, id: string): Promise<repo.AccountRow> {
    const account = await repo.findAccount(db, id);
    if (!account) throw notFound();
    const scope = requireScope(actor, 'accounts.read');
    if (!account.grants.some((g) => g.regionPath !== null && inScope(scope, g.regionPath)) && !scope.all) throw notFound();
    return account;
  }

  /** Manageable: every grant the account holds is one the actor could have given. */
  async function manageable(actor: Actor, id: string): Promise<repo.AccountRow> {
    const account = await readable(actor, id);
    requireScope(actor, 'accounts.write');
    const admin = scopeFor(actor, 'accounts.write').all;
    if (!admin && (account.grants.length === 0 || !account.grants.every((g) => canGrant(actor, g.role, g.regionPath))))
      throw forbidden();
    return account;
  }

  async function resolveGrant(
    actor: Actor,
    g: GrantInputT,
    field: string,
  ): Promise<{ role: Role; regionId: string | null; regionPath: string | null }> {
    if (g.role === 'admin') {
      if (g.regionId !== null) throw new AppError(422, 'GRANT_ADMIN_GLOBAL', {}, { [field]: { reason: 'field.invalid' } });
    } else if (g.regionId === null) {
      throw new AppError(422, 'GRANT_REGION_REQUIRED', {}, { [field]: { reason: 'field.required' } });
    }
    const regionPath = g.regionId ? ((await regions.pathOf(g.regionId)) ?? null) : null;
    if (g.regionId && !regionPath) throw notFound();
    // A region outside the actor's area looks missing; a role above theirs is forbidden.
    if (regionPath && !inScope(scopeFor(actor, 'accounts.write'), regionPath)) throw notFound();
    if (!canGrant(actor, g.role, regionPath)) throw forbidden();
    return { role: g.role, regionId: g.regionId, regionPath };
  }

  async function assertNotLastAdmin(account: repo.AccountRow): Promise<void> {
    if (
      account.status === 'active' &&
      account.grants.some((g) => g.role === 'admin') &&
      (await repo.countActiveAdmins(db)) <= 1
    ) {
      throw new AppError(409, 'LAST_ADMIN');
    }
  }

  return {
    /**
     * Who to tell about something at a place: the active holders of `roles` granted on the
     * region itself, else on its nearest ancestor that has any (a community without staff of its
     * own is looked after by its township). No access check: for notifications.
     */
    async staffOf(q: Kysely<Database>, regionPath: string, roles: readonly Role[]): Promise<string[]> {
      const nearestFirst = regionPath.split('/').filter(Boolean).reverse();
      const holders = await repo.holdersOn(q, nearestFirst, roles);
      for (const regionId of nearestFirst) {
        const here = holders.filter((h) => h.regionId === regionId).map((h) => h.accountId);
        if (here.length > 0) return [...new Set(here)];
      }
      return [];
    },

    async list(actor: Actor, query: AccountQueryInput) {
      const scope = requireScope(actor, 'accounts.read');
      let regionPath: string | undefined;
      if (query.regionId) {
        regionPath = await regions.pathOf(query.regionId);
        if (!regionPath) throw notFound();
        requireAccess(actor, 'accounts.read', regionPath);
      }
      const { items, total } = await repo.listAccounts(db, dialect, scope, {
        ...(query.q ? { q: query.q } : {}),
        ...(regionPath ? { regionPath } : {}),
        ...(query.role ? { role: query.role } : {}),
        ...(query.status ? { status: query.status } : {}),
        limit: query.limit ?? 50,
        offset: query.offset ?? 0,
      });
      return { items: items.map(present), total };
    },

    async get(actor: Actor, id: string): Promise<Account> {
      return present(await readable(actor, id));
    },

    async create(
      actor: Actor,
      call: CallContext,
      input: CreateAccountInput,
    ): Promise<{ account: Account; initialPassword?: string }> {
      requireScope(actor, 'accounts.write');
      if (input.password !== undefined && !isStrongPassword(input.password)) throw invalidField('password', 'field.passwordWeak');
      const grants = [];
      for (const [i, g] of input.grants.entries()) grants.push(await resolveGrant(actor, g, `grants.${i}`));
      if (grants.length === 0 && !scopeFor(actor, 'accounts.write').all)
        throw invalidField('grants', 'field.minItems', { limit: 1 });
      if (await repo.loginTaken(db, input.login)) throw conflict('LOGIN_TAKEN');
      const initialPassword = input.password === undefined ? generatePassword() : undefined;
      const passwordHash = await hashPassword(input.password ?? initialPassword!);
      const id = newId();
      const now = nowIso();
      const unique = [...new Map(grants.map((g) => [`${g.role}|${g.regionId}`, g])).values()];
      try {
        await transact(db, call, async (trx) => {
          await repo.insertAccount(
            trx,
            { id, login: input.login, name: input.name.trim(), mobile: input.mobile, passwordHash, mustChangePassword: true },
            now,
          );
          for (const g of unique)
            await repo.insertGrant(trx, { id: newId(), accountId: id, role: g.role, regionId: g.regionId }, now);
          await auditWrite(trx, call, 'account.create', 'account', id, unique[0]?.regionPath ?? null, {
            login: input.login,
            grants: unique.map((g) => ({ role: g.role, regionId: g.regionId })),
          });
        });
      } catch (e) {
        // Two creates with the same login at once: the unique index decides, the loser gets 409.
        if (isUniqueViolation(e) && (await repo.loginTaken(db, input.login))) throw conflict('LOGIN_TAKEN');
        throw e;
      }
      const account = present((await repo.findAccount(db, id))!);
      return initialPassword ? { account, initialPassword } : { account };
    },

    async update(actor: Actor, call: CallContext, id: string, input: UpdateAccountInput): Promise<Account> {
      const account = id === actor.accountId ? await repo.findAccount(db, id) : await manageable(actor, id);
      if (!account) throw notFound();
      const patch = {
        ...(input.name !== undefined ? { name: input.name.trim() } : {}),
        ...(input.mobile !== undefined ? { mobile: input.mobile } : {}),
        ...(input.language !== undefined ? { language: input.language } : {}),
      };
      await transact(db, call, async (trx) => {
        await repo.updateAccount(trx, id, patch, nowIso());
        await auditWrite(trx, call, 'account.update', 'account', id, null, { fields: Object.keys(patch) });
      });
      return present((await repo.findAccount(db, id))!);
    },

    async setStatus(actor: Actor, call: CallContext, id: string, status: 'active' | 'disabled'): Promise<Account> {
      if (id === actor.accountId && status === 'disabled') throw new AppError(409, 'SELF_DISABLE');
      const account = await manageable(actor, id);
      if (status === 'disabled') await assertNotLastAdmin(account);
      await transact(db, call, async (trx) => {
        await repo.updateAccount(trx, id, { status }, nowIso());
        // Disabling ends every session at once; the guard would refuse them anyway.
        if (status === 'disabled') await deleteAccountSessions(trx, id);
        await auditWrite(trx, call, status === 'disabled' ? 'account.disable' : 'account.enable', 'account', id, null);
      });
      return present((await repo.findAccount(db, id))!);
    },

    async resetPassword(actor: Actor, call: CallContext, id: string): Promise<{ initialPassword: string }> {
      await manageable(actor, id);
      const initialPassword = generatePassword();
      const hash = await hashPassword(initialPassword);
      await transact(db, call, async (trx) => {
        await repo.setPassword(trx, id, hash, true, nowIso());
        await deleteAccountSessions(trx, id);
        await auditWrite(trx, call, 'account.resetPassword', 'account', id, null);
      });
      return { initialPassword };
    },

    async addGrant(actor: Actor, call: CallContext, id: string, input: GrantInputT): Promise<Account> {
      const account = await manageable(actor, id);
      const g = await resolveGrant(actor, input, 'role');
      if (!account.grants.some((x) => x.role === g.role && x.regionId === g.regionId)) {
        await transact(db, call, async (trx) => {
          const grantId = newId();
          await repo.insertGrant(trx, { id: grantId, accountId: id, role: g.role, regionId: g.regionId }, nowIso());
          await auditWrite(trx, call, 'account.grant', 'account', id, g.regionPath, {
            grantId,
            role: g.role,
            regionId: g.regionId,
          });
        });
      }
      return present((await repo.findAccount(db, id))!);
    },

    async removeGrant(actor: Actor, call: CallContext, id: string, grantId: string): Promise<Account> {
      const account = await manageable(actor, id);
      const grant = account.grants.find((g) => g.id === grantId);
      if (!grant) throw notFound();
      if (grant.role === 'admin' && account.grants.filter((g) => g.role === 'admin').length === 1)
        await assertNotLastAdmin(account);
      // Membership of an inspection group holds it: the group would give it back at its next save.
      if (await repo.grantKeptByGroup(db, grantId)) throw conflict('GRANT_KEPT_BY_GROUP');
      await transact(db, call, async (trx) => {
        await repo.deleteGrant(trx, grantId);
        await auditWrite(trx, call, 'account.revoke', 'account', id, grant.regionPath, {
          grantId,
          role: grant.role,
          regionId: grant.regionId,
        });
      });
      return present((await repo.findAccount(db, id))!);
    },

    /** The unmasked mobile, for a caller with `pii.reveal` over the account; every reveal is audited. */
    async revealMobile(actor: Actor, call: CallContext, id: string): Promise<{ mobile: string }> {
      const account = await readable(actor, id);
      const scope = requireScope(actor, 'pii.reveal');
      if (!scope.all && !account.grants.some((g) => g.regionPath !== null && inScope(scope, g.regionPath))) throw forbidden();
      await auditWrite(db, call, 'pii.reveal', 'account', id, null, { field: 'mobile' });
      return { mobile: account.mobile };
    },
  };
}

/**
 * A new volunteer's own account, inside the caller's transaction (pledge approval): login = the
 * mobile number, a `volunteer` grant over the home region, a one-time password to change at first
 * sign-in. The caller hashes that password before opening the transaction (argon2 is slow) and
 * keeps the plain text to show once. A login already in use is 409 LOGIN_TAKEN.
 */
export async function provisionVolunteerAccount(
  trx: Kysely<Database>,
  call: CallContext,
  input: { name: string; mobile: string; regionId: string; regionPath: string; passwordHash: string },
): Promise<{ accountId: string; login: string }> {
  const login = input.mobile;
  if (await repo.loginTaken(trx, login)) throw conflict('LOGIN_TAKEN');
  const accountId = newId();
  const now = nowIso();
  await repo.insertAccount(
    trx,
    { id: accountId, login, name: input.name, mobile: input.mobile, passwordHash: input.passwordHash, mustChangePassword: true },
    now,
  );
  await repo.insertGrant(trx, { id: newId(), accountId, role: 'volunteer', regionId: input.regionId }, now);
  // The login is a mobile number: personal data stays out of the audit detail.
  await auditWrite(trx, call, 'account.create', 'account', accountId, input.regionPath, {
    grants: [{ role: 'volunteer', regionId: input.regionId }],
    source: 'pledge',
  });
  return { accountId, login };
}
