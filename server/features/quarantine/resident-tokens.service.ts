import { randomBytes } from 'node:crypto';
import { requireAccess, type Actor } from '../../platform/access/actor.ts';
import { auditWrite, type CallContext } from '../../platform/audit/audit.ts';
import { tokenHash } from '../../platform/auth/tokens.ts';
import { newId, nowIso } from '../../platform/db/ids.ts';
import { transact } from '../../platform/db/transact.ts';
import type { Deps } from '../../platform/deps.ts';
import { conflict, notFound } from '../../platform/errors.ts';
import { findCase, type CaseFacts } from './health-reports.repository.ts';
import { linkExpiry } from './health-reports.rules.ts';
import * as repo from './resident-tokens.repository.ts';

export type ResidentTokensService = ReturnType<typeof residentTokensService>;

const PURPOSE = 'health_report';

/** 128 bits (DESIGN.md §5), URL-safe: 22 characters keep the printed QR code coarse and easy to scan. */
export const newResidentToken = () => randomBytes(16).toString('base64url');

/** The path a personal link opens in the web app. */
export const healthLinkPath = (token: string) => `/h/${token}`;

/**
 * Personal links (个人上报链接) for people without an account: a random token, kept only as its
 * SHA-256, one live link per case, expiring the day after the case's last day. Issuing a new link
 * revokes the old one (a lost card), so staff reprint rather than look a link up.
 */
export function residentTokensService(deps: Deps) {
  const {
    db: { db },
    events,
    config: { timeZone },
  } = deps;

  async function activeCase(actor: Actor, caseId: string): Promise<CaseFacts> {
    const c = await findCase(db, caseId);
    if (!c) throw notFound();
    requireAccess(actor, 'quarantine.write', c.regionPath);
    if (c.status !== 'active') throw conflict('HEALTH_CASE_NOT_ACTIVE');
    return c;
  }

  return {
    /** A new link for the case's card, answered once; the previous link stops working. Audited, never the token. */
    async issue(actor: Actor, call: CallContext, caseId: string) {
      const c = await activeCase(actor, caseId);
      const token = newResidentToken();
      const now = nowIso();
      const expiresAt = nowIso(linkExpiry(timeZone, c.endsOn));
      const id = newId();
      await transact(db, call, async (trx) => {
        const revoked = await repo.revokeForCase(trx, c.id, PURPOSE, now);
        await repo.insertToken(trx, {
          id,
          purpose: PURPOSE,
          caseId: c.id,
          householdId: null,
          tokenHash: tokenHash(token),
          expiresAt,
          revokedAt: null,
          createdBy: actor.accountId,
          createdAt: now,
        });
        await auditWrite(trx, call, 'healthLink.issue', 'isolation_case', c.id, c.regionPath, {
          tokenId: id,
          revoked,
          expiresAt,
        });
        await events.publish(trx, {
          type: 'healthLink.issued',
          permission: 'quarantine.read',
          regionPath: c.regionPath,
          entityType: 'isolation_case',
          entityId: c.id,
        });
      });
      return { token, path: healthLinkPath(token), expiresAt, case: c };
    },

    /** Stops the case's link (the card was lost, or the person moved to central isolation). */
    async revoke(actor: Actor, call: CallContext, caseId: string): Promise<{ revoked: number }> {
      const c = await findCase(db, caseId);
      if (!c) throw notFound();
      requireAccess(actor, 'quarantine.write', c.regionPath);
      return transact(db, call, async (trx) => {
        const revoked = await repo.revokeForCase(trx, c.id, PURPOSE, nowIso());
        await auditWrite(trx, call, 'healthLink.revoke', 'isolation_case', c.id, c.regionPath, { revoked });
        await events.publish(trx, {
          type: 'healthLink.revoked',
          permission: 'quarantine.read',
          regionPath: c.regionPath,
          entityType: 'isolation_case',
          entityId: c.id,
        });
        return { revoked };
      });
    },

    /**
     * The case a link pointed to at `at`, when the link was live then but the case has closed
     * since (released or transferred): a report made before the close and sent late. No access
     * check: the token is the access.
     */
    async closedCaseOf(token: string, at: string): Promise<{ case: CaseFacts; closedAt: string } | undefined> {
      const live = await repo.caseLiveAt(db, tokenHash(token), PURPOSE, at);
      if (!live) return undefined;
      const c = await findCase(db, live.caseId);
      return c && c.status !== 'active' ? { case: c, closedAt: live.revokedAt } : undefined;
    },

    /** The active case a live link points to, if any (no access check: the token is the access). */
    async caseOf(token: string): Promise<CaseFacts | undefined> {
      const caseId = await repo.liveCaseOf(db, tokenHash(token), PURPOSE, nowIso());
      if (!caseId) return undefined;
      const c = await findCase(db, caseId);
      return c && c.status === 'active' ? c : undefined;
    },
  };
}
