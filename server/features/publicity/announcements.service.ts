import { findCountingMisses } from '../../platform/auth/throttle.ts';
import type { Kysely } from 'kysely';
import type { RegionLevel } from '../../../common/enums.ts';
import { requireAccess, requireScope, type Actor } from '../../platform/access/actor.ts';
import { auditWrite, type CallContext } from '../../platform/audit/audit.ts';
import { newId, nowIso } from '../../platform/db/ids.ts';
import type { Database } from '../../platform/db/schema.ts';
import { transact } from '../../platform/db/transact.ts';
import type { Deps } from '../../platform/deps.ts';
import { AppError, conflict, invalidField, notFound } from '../../platform/errors.ts';
import { LINK_MISS_LIMIT, LINK_MISS_WINDOW_SECONDS } from '../quarantine/health-reports.service.ts';
import type { ResidentTokensService } from '../quarantine/resident-tokens.service.ts';
import type { RegionsService } from '../regions/regions.service.ts';
import * as repo from './announcements.repository.ts';
import type {
  Announcement,
  AnnouncementQueryInput,
  CreateAnnouncementInput,
  ResidentAnnouncement,
} from './announcements.schemas.ts';
import { announcementStatus, looksLikeHtml, normaliseBody, pathIds } from './publicity.rules.ts';

export type AnnouncementsService = ReturnType<typeof announcementsService>;

const DAY_MS = 86_400_000;
/** The longest an announcement stays up; a standing rule is announced again when it still holds. */
export const MAX_DAYS = 90;
/** How far ahead one may be scheduled. */
export const AHEAD_DAYS = 30;
/** A form left open a while still publishes "now". */
const PAST_GRACE_MS = 60 * 60_000;
/** What a resident's page shows at most. */
export const RESIDENT_LIMIT = 10;

/**
 * 公告: staff (`announcements.write`) publish to a region; residents of its subtree see it on their
 * phone pages from `publishAt` until `expiresAt` unless withdrawn (audited). Residents have no
 * account: their personal link (the quarantine feature's resident token) says where they live.
 */
export function announcementsService(
  deps: Deps,
  { regions, tokens }: { regions: RegionsService; tokens: ResidentTokensService },
) {
  const {
    db: { db },
    events,
    rateLimiter,
  } = deps;

  const present = (r: repo.AnnouncementRow, now: string): Announcement => ({
    id: r.id,
    regionId: r.regionId,
    regionName: r.regionName,
    regionLevel: r.regionLevel as RegionLevel,
    title: r.title,
    body: r.body,
    publishAt: r.publishAt,
    expiresAt: r.expiresAt,
    status: announcementStatus(r, now),
    withdrawnAt: r.withdrawnAt,
    withdrawnByName: r.withdrawnByName,
    createdByName: r.createdByName,
    createdAt: r.createdAt,
  });

  const forResident = (r: repo.AnnouncementRow): ResidentAnnouncement => ({
    id: r.id,
    title: r.title,
    body: r.body,
    publishAt: r.publishAt,
    expiresAt: r.expiresAt,
    fromName: r.regionName,
    fromLevel: r.regionLevel as RegionLevel,
  });

  const changed = (q: Kysely<Database>, type: string, id: string, regionPath: string) =>
    events.publish(q, { type, permission: 'announcements.write', regionPath, entityType: 'announcement', entityId: id });

  async function writable(actor: Actor, id: string) {
    const row = await repo.findAnnouncement(db, id);
    if (!row) throw notFound();
    requireAccess(actor, 'announcements.write', row.regionPath);
    return row;
  }

  function period(input: CreateAnnouncementInput, now: number): { publishAt: string; expiresAt: string } {
    const publish = input.publishAt ? Date.parse(input.publishAt) : now;
    const expires = Date.parse(input.expiresAt);
    if (publish < now - PAST_GRACE_MS) throw invalidField('publishAt', 'field.announcement.publishInPast');
    if (publish > now + AHEAD_DAYS * DAY_MS)
      throw invalidField('publishAt', 'field.announcement.publishTooFar', { days: AHEAD_DAYS });
    if (expires <= Math.max(publish, now)) throw invalidField('expiresAt', 'field.announcement.expiresBeforePublish');
    if (expires - publish > MAX_DAYS * DAY_MS) throw invalidField('expiresAt', 'field.announcement.tooLong', { days: MAX_DAYS });
    // Stored as the server writes every time, so text comparison orders them.
    return { publishAt: nowIso(new Date(publish)), expiresAt: nowIso(new Date(expires)) };
  }

  /** Current announcements for residents of the region at `regionPath`: its own and those above it. */
  async function reachingPath(regionPath: string): Promise<ResidentAnnouncement[]> {
    return (await repo.currentFor(db, pathIds(regionPath), nowIso(), RESIDENT_LIMIT)).map(forResident);
  }

  return {
    reachingPath,

    async create(actor: Actor, call: CallContext, input: CreateAnnouncementInput): Promise<Announcement> {
      requireScope(actor, 'announcements.write');
      const region = await regions.findById(input.regionId);
      if (!region) throw notFound();
      requireAccess(actor, 'announcements.write', region.path);
      const body = normaliseBody(input.body);
      if (looksLikeHtml(body) || looksLikeHtml(input.title)) {
        throw invalidField(looksLikeHtml(body) ? 'body' : 'title', 'field.announcement.html');
      }
      const now = Date.now();
      const { publishAt, expiresAt } = period(input, now);
      const id = newId();
      const at = nowIso(new Date(now));
      await transact(db, call, async (trx) => {
        await repo.insertAnnouncement(trx, {
          id,
          regionId: region.id,
          title: input.title.trim(),
          body,
          publishAt,
          expiresAt,
          withdrawnAt: null,
          withdrawnBy: null,
          createdBy: actor.accountId,
          createdAt: at,
          updatedAt: at,
        });
        await auditWrite(trx, call, 'announcement.publish', 'announcement', id, region.path, {
          regionId: region.id,
          title: input.title.trim(),
          publishAt,
          expiresAt,
        });
        await changed(trx, 'announcement.published', id, region.path);
      });
      return present((await repo.findAnnouncement(db, id))!, nowIso());
    },

    /** Taken down from the residents' pages at once (scheduled ones never appear); expired ones are already down. */
    async withdraw(actor: Actor, call: CallContext, id: string, reason: string): Promise<Announcement> {
      const row = await writable(actor, id);
      const now = nowIso();
      const status = announcementStatus(row, now);
      if (status === 'withdrawn') throw conflict('ANNOUNCEMENT_WITHDRAWN');
      if (status === 'expired') throw conflict('ANNOUNCEMENT_ENDED');
      await transact(db, call, async (trx) => {
        if (!(await repo.withdraw(trx, id, actor.accountId, now))) throw conflict('ANNOUNCEMENT_WITHDRAWN');
        await auditWrite(trx, call, 'announcement.withdraw', 'announcement', id, row.regionPath, {
          reason: reason.trim(),
          was: status,
        });
        await changed(trx, 'announcement.withdrawn', id, row.regionPath);
      });
      return present((await repo.findAnnouncement(db, id))!, nowIso());
    },

    async list(actor: Actor, query: AnnouncementQueryInput): Promise<{ items: Announcement[]; total: number }> {
      const scope = requireScope(actor, 'announcements.write');
      const regionPath = await regions.readablePath(actor, 'announcements.write', query.regionId);
      const now = nowIso();
      const { items, total } = await repo.listAnnouncements(db, scope, {
        ...(regionPath ? { regionPath } : {}),
        ...(query.status ? { status: query.status } : {}),
        now,
        limit: query.limit ?? 50,
        offset: query.offset ?? 0,
      });
      return { items: items.map((r) => present(r, now)), total };
    },

    /** What residents of a region in the caller's area see now, as their page shows it. */
    async reaching(actor: Actor, regionId: string): Promise<{ items: ResidentAnnouncement[] }> {
      const path = (await regions.readablePath(actor, 'announcements.write', regionId))!;
      return { items: await reachingPath(path) };
    },

    /**
     * For the page behind a resident's personal link. An unknown, revoked or expired link, or one
     * whose case has ended, answers the same 404, counted against the caller's address as the
     * health-report routes count theirs; past the limit, 429 before the token is even looked up.
     */
    async forToken(ip: string, token: string): Promise<{ items: ResidentAnnouncement[] }> {
      const c = await findCountingMisses(
        rateLimiter,
        `announcements:link:${ip}`,
        { max: LINK_MISS_LIMIT, windowSeconds: LINK_MISS_WINDOW_SECONDS },
        () => tokens.caseOf(token),
        () => new AppError(404, 'HEALTH_LINK_INVALID'),
      );
      return { items: await reachingPath(c.regionPath) };
    },
  };
}
