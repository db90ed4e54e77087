import { findCountingMisses } from '../../platform/auth/throttle.ts';
import { maskName } from '../../../common/mask.ts';
import { requireAccess, type Actor } from '../../platform/access/actor.ts';
import { auditWrite, type CallContext } from '../../platform/audit/audit.ts';
import { tokenHash } from '../../platform/auth/tokens.ts';
import { newId, nowIso } from '../../platform/db/ids.ts';
import { transact } from '../../platform/db/transact.ts';
import type { Deps } from '../../platform/deps.ts';
import { AppError, notFound } from '../../platform/errors.ts';
import type { HouseholdsService } from '../households/households.service.ts';
import type { AnnouncementsService } from '../publicity/announcements.service.ts';
import type { ResidentAnnouncement } from '../publicity/announcements.schemas.ts';
import { newResidentToken } from '../quarantine/resident-tokens.service.ts';
import * as repo from './errand-links.repository.ts';
import type { IssuedLink, LinkState } from './errand-links.schemas.ts';
import type { PostsService } from './posts.service.ts';

export type ErrandLinksService = ReturnType<typeof errandLinksService>;

/** A household's link lasts a year: the card stays on the door for the whole epidemic. */
const LINK_DAYS = 365;

/** Unknown or dead links per client address (as the health page counts them). */
export const LINK_MISS_LIMIT = 30;
export const LINK_MISS_WINDOW_SECONDS = 10 * 60;

export const errandLinkPath = (token: string) => `/e/${token}`;

/**
 * The household's errand link (`/e/<token>`), issued, reprinted (a new link revokes the old) and
 * revoked by staff with errands.manage; and the resolution of a link a resident opens, which also
 * accepts an isolated person's health link (`/h/<token>`): no account, the token is the access.
 */
export function errandLinksService(
  deps: Deps,
  {
    households,
    posts,
    announcements,
  }: { households: HouseholdsService; posts: PostsService; announcements: Pick<AnnouncementsService, 'reachingPath'> },
) {
  const {
    db: { db },
    events,
    rateLimiter,
  } = deps;

  async function managedHousehold(actor: Actor, householdId: string) {
    const [h] = await households.summaries([householdId]);
    if (!h) throw notFound();
    requireAccess(actor, 'errands.manage', h.regionPath);
    return h;
  }

  const changed = (q: typeof db, h: { id: string; regionPath: string }, type: string) =>
    events.publish(q, { type, permission: 'errands.read', regionPath: h.regionPath, entityType: 'household', entityId: h.id });

  /** The place a resident's link orders for, or 404 counted against the caller's address (429 past the limit). */
  async function resolve(ip: string, token: string): Promise<repo.OrderingPlace & { maskedName: string | null }> {
    const place = await findCountingMisses(
      rateLimiter,
      `errand:link:${ip}`,
      { max: LINK_MISS_LIMIT, windowSeconds: LINK_MISS_WINDOW_SECONDS },
      () => repo.placeOfLink(db, tokenHash(token), nowIso()),
      () => new AppError(404, 'ERRAND_LINK_INVALID'),
    );
    return { ...place, maskedName: place.personName ? maskName(place.personName) : null };
  }

  return {
    /** A new link for the household's card, answered once; the previous one stops working. Audited, never the token. */
    async issue(actor: Actor, call: CallContext, householdId: string): Promise<IssuedLink> {
      const h = await managedHousehold(actor, householdId);
      const token = newResidentToken();
      const now = new Date();
      const expiresAt = nowIso(new Date(now.getTime() + LINK_DAYS * 86_400_000));
      const id = newId();
      await transact(db, call, async (trx) => {
        const revoked = await repo.revokeLinks(trx, h.id, nowIso(now));
        await repo.insertLink(trx, {
          id,
          purpose: 'errand',
          caseId: null,
          householdId: h.id,
          tokenHash: tokenHash(token),
          expiresAt,
          revokedAt: null,
          createdBy: actor.accountId,
          createdAt: nowIso(now),
        });
        await auditWrite(trx, call, 'errandLink.issue', 'household', h.id, h.regionPath, { tokenId: id, revoked, expiresAt });
        await changed(trx, h, 'errandLink.issued');
      });
      const post = await posts.serving(h.regionPath);
      return {
        token,
        path: errandLinkPath(token),
        expiresAt,
        household: { id: h.id, address: h.address, regionName: h.regionName },
        post: post ? { name: post.name, phone: post.phone, address: post.address } : null,
      };
    },

    async revoke(actor: Actor, call: CallContext, householdId: string): Promise<{ revoked: number }> {
      const h = await managedHousehold(actor, householdId);
      return transact(db, call, async (trx) => {
        const revoked = await repo.revokeLinks(trx, h.id, nowIso());
        await auditWrite(trx, call, 'errandLink.revoke', 'household', h.id, h.regionPath, { revoked });
        await changed(trx, h, 'errandLink.revoked');
        return { revoked };
      });
    },

    /** Whether the household has a live link (the token itself is never kept). */
    async state(actor: Actor, householdId: string): Promise<LinkState> {
      const h = await managedHousehold(actor, householdId);
      const live = await repo.liveLinkOf(db, h.id, nowIso());
      return { live: Boolean(live), issuedAt: live?.createdAt ?? null, expiresAt: live?.expiresAt ?? null };
    },

    /**
     * 社区公告 for the errand page: those of the region the link orders for (the household's grid,
     * or the isolated person's) and the regions above it. Resolved like the page itself, so a
     * household's link, which the health page's announcements do not know, finds them too.
     */
    async announcements(ip: string, token: string): Promise<{ items: ResidentAnnouncement[] }> {
      const place = await resolve(ip, token);
      return { items: await announcements.reachingPath(place.regionPath) };
    },

    resolve,
  };
}
