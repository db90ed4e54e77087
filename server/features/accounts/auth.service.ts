import { randomBytes } from 'node:crypto';
import type { Language } from '../../../common/enums.ts';
import { maskMobile } from '../../../common/mask.ts';
import { scopeFor, type Actor } from '../../platform/access/actor.ts';
import { PERMISSIONS } from '../../../common/permissions.ts';
import { auditWrite, writeAudit, type CallContext } from '../../platform/audit/audit.ts';
import { dummyPasswordHash, hashPassword, isStrongPassword, verifyPassword } from '../../platform/auth/password.ts';
import { createSession, deleteAccountSessions, deleteSession } from '../../platform/auth/sessions.ts';
import { safeEqual, tokenHash } from '../../platform/auth/tokens.ts';
import { newId, nowIso } from '../../platform/db/ids.ts';
import type { Deps } from '../../platform/deps.ts';
import { AppError, invalidField, notFound } from '../../platform/errors.ts';
import * as repo from './accounts.repository.ts';

export type AuthService = ReturnType<typeof authService>;

/**
 * Guessing limits: failures per account and per address in a 15-minute window. 10 per account
 * caps guessing at 40 an hour (the issue asks ≤ 100), and the real user waits at most 15 minutes.
 */
export const LOGIN_WINDOW_SECONDS = 15 * 60;
export const MAX_FAILURES_PER_ACCOUNT = 10;
export const MAX_FAILURES_PER_ADDRESS = 50;

const SETUP_KEY = 'setup_code_hash';

export function authService({ config, db: { db }, rateLimiter }: Deps) {
  const limits = { idleSeconds: config.sessionIdleSeconds, absoluteSeconds: config.sessionAbsoluteSeconds };

  async function me(actor: Actor) {
    const account = await repo.findAccount(db, actor.accountId);
    if (!account) throw notFound();
    return {
      id: account.id,
      login: account.login,
      name: account.name,
      mobile: maskMobile(account.mobile),
      language: account.language,
      mustChangePassword: account.mustChangePassword,
      grants: account.grants,
      /** Calendar days and displayed times follow the platform's zone, not the browser's. */
      timeZone: config.timeZone,
      permissions: PERMISSIONS.filter((p) => {
        const s = scopeFor(actor, p);
        return s.all || s.paths.length > 0;
      }),
    };
  }

  return {
    me,

    /** Returns the session token for the cookie, or throws LOGIN_FAILED / RATE_LIMITED / ACCOUNT_DISABLED. */
    async login(
      login: string,
      password: string,
      meta: { ip: string; userAgent: string | null },
    ): Promise<{ token: string; accountId: string }> {
      const accountKey = `login:account:${login.toLowerCase()}`;
      const addressKey = `login:address:${meta.ip}`;
      const call: CallContext = { actorId: null, actorLogin: login.slice(0, 40), ip: meta.ip };
      const [byAccount, byAddress] = await Promise.all([
        rateLimiter.peek(accountKey, LOGIN_WINDOW_SECONDS),
        rateLimiter.peek(addressKey, LOGIN_WINDOW_SECONDS),
      ]);
      const blocked = [
        byAccount.count >= MAX_FAILURES_PER_ACCOUNT ? byAccount.retryAfter : 0,
        byAddress.count >= MAX_FAILURES_PER_ADDRESS ? byAddress.retryAfter : 0,
      ];
      const retryAfter = Math.max(...blocked);
      if (retryAfter > 0) {
        await writeAudit(db, {
          ...call,
          action: 'auth.login',
          entityType: 'account',
          entityId: null,
          outcome: 'denied',
          detail: { reason: 'throttled' },
        });
        throw new AppError(429, 'RATE_LIMITED', { minutes: Math.ceil(retryAfter / 60), retryAfter });
      }
      const account = await repo.findAccountForLogin(db, login);
      const ok = await verifyPassword(account?.passwordHash ?? (await dummyPasswordHash()), password);
      if (!account || !ok) {
        await rateLimiter.hit(accountKey, LOGIN_WINDOW_SECONDS);
        await rateLimiter.hit(addressKey, LOGIN_WINDOW_SECONDS);
        await writeAudit(db, {
          ...call,
          action: 'auth.login',
          entityType: 'account',
          entityId: account?.id ?? null,
          outcome: 'failed',
        });
        throw new AppError(401, 'LOGIN_FAILED');
      }
      if (account.status !== 'active') {
        await writeAudit(db, {
          ...call,
          action: 'auth.login',
          entityType: 'account',
          entityId: account.id,
          outcome: 'denied',
          detail: { reason: 'disabled' },
        });
        throw new AppError(403, 'ACCOUNT_DISABLED');
      }
      const token = await db.transaction().execute(async (trx) => {
        const t = await createSession(trx, account.id, limits, meta);
        await writeAudit(trx, {
          ...call,
          actorId: account.id,
          actorLogin: account.login,
          action: 'auth.login',
          entityType: 'account',
          entityId: account.id,
        });
        return t;
      });
      await rateLimiter.clear(accountKey);
      return { token, accountId: account.id };
    },

    async logout(actor: Actor, call: CallContext): Promise<void> {
      await db.transaction().execute(async (trx) => {
        await deleteSession(trx, actor.sessionId);
        await auditWrite(trx, call, 'auth.logout', 'account', actor.accountId, null);
      });
    },

    async changePassword(actor: Actor, call: CallContext, current: string, next: string): Promise<void> {
      const account = await repo.findAccount(db, actor.accountId);
      if (!account) throw notFound();
      // A stolen session must not become a way to guess the password: same limit as sign-in.
      const key = `password:account:${account.id}`;
      const tries = await rateLimiter.peek(key, LOGIN_WINDOW_SECONDS);
      if (tries.count >= MAX_FAILURES_PER_ACCOUNT) {
        throw new AppError(429, 'RATE_LIMITED', { minutes: Math.ceil(tries.retryAfter / 60), retryAfter: tries.retryAfter });
      }
      if (!(await verifyPassword(account.passwordHash, current))) {
        await rateLimiter.hit(key, LOGIN_WINDOW_SECONDS);
        throw new AppError(422, 'PASSWORD_WRONG', {}, { currentPassword: { reason: 'field.invalid' } });
      }
      if (!isStrongPassword(next)) throw invalidField('newPassword', 'field.passwordWeak');
      const hash = await hashPassword(next);
      await db.transaction().execute(async (trx) => {
        await repo.setPassword(trx, account.id, hash, false, nowIso());
        // Other devices signed in with the old password are signed out; this one stays.
        await deleteAccountSessions(trx, account.id, actor.sessionId);
        await auditWrite(trx, call, 'account.changePassword', 'account', account.id, null);
      });
    },

    async setLanguage(actor: Actor, language: Language): Promise<void> {
      await repo.updateAccount(db, actor.accountId, { language }, nowIso());
    },

    /** True while no administrator exists: the first-run page is open. */
    async setupNeeded(): Promise<boolean> {
      return (await repo.countActiveAdmins(db)) === 0;
    },

    /**
     * Called at start-up: with no administrator, makes a new one-time setup code, keeps its hash,
     * and returns it for the log. The latest started instance's code is the valid one.
     */
    async prepareSetup(): Promise<string | null> {
      if ((await repo.countActiveAdmins(db)) > 0) return null;
      const code = randomBytes(6).toString('hex').toUpperCase().match(/.{4}/g)!.join('-');
      await repo.putSetting(db, SETUP_KEY, tokenHash(code.replace(/-/g, '')), nowIso());
      return code;
    },

    /** Creates the first administrator; guarded by the setup code so reaching the port first is not enough. */
    async completeSetup(
      input: { code: string; login: string; name: string; mobile: string; password: string },
      meta: { ip: string; userAgent: string | null },
    ): Promise<{ token: string }> {
      if (!isStrongPassword(input.password)) throw invalidField('password', 'field.passwordWeak');
      // The code is 48 random bits; a per-address limit makes guessing it hopeless as well as slow.
      const addressKey = `setup:address:${meta.ip}`;
      const tries = await rateLimiter.peek(addressKey, LOGIN_WINDOW_SECONDS);
      if (tries.count >= MAX_FAILURES_PER_ACCOUNT) {
        throw new AppError(429, 'RATE_LIMITED', { minutes: Math.ceil(tries.retryAfter / 60), retryAfter: tries.retryAfter });
      }
      const sent = tokenHash(input.code.replace(/[-\s]/g, '').toUpperCase());
      const stored = await repo.getSetting(db, SETUP_KEY);
      if ((await repo.countActiveAdmins(db)) === 0 && (!stored || !safeEqual(stored, sent))) {
        await rateLimiter.hit(addressKey, LOGIN_WINDOW_SECONDS);
        throw new AppError(403, 'SETUP_CODE_WRONG', {}, { code: { reason: 'field.invalid' } });
      }
      const hash = await hashPassword(input.password);
      return db.transaction().execute(async (trx) => {
        // Taking (deleting) the code row locks it: of two setups racing, the second finds nothing.
        const taken = await repo.takeSetting(trx, SETUP_KEY);
        if ((await repo.countActiveAdmins(trx)) > 0 || taken === undefined) throw new AppError(409, 'SETUP_DONE');
        if (!safeEqual(taken, sent)) throw new AppError(403, 'SETUP_CODE_WRONG', {}, { code: { reason: 'field.invalid' } });
        if (await repo.loginTaken(trx, input.login)) throw new AppError(409, 'LOGIN_TAKEN');
        const id = newId();
        const now = nowIso();
        await repo.insertAccount(
          trx,
          {
            id,
            login: input.login,
            name: input.name.trim(),
            mobile: input.mobile,
            passwordHash: hash,
            mustChangePassword: false,
          },
          now,
        );
        await repo.insertGrant(trx, { id: newId(), accountId: id, role: 'admin', regionId: null }, now);
        const call = { actorId: id, actorLogin: input.login, ip: meta.ip };
        await auditWrite(trx, call, 'setup.complete', 'account', id, null);
        return { token: await createSession(trx, id, limits, meta) };
      });
    },
  };
}
