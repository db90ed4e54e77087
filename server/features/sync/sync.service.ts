import type { Kysely } from 'kysely';
import { OFFLINE_CONFLICT_KINDS, type Language, type OfflineConflictKind } from '../../../common/enums.ts';
import { maskName } from '../../../common/mask.ts';
import { ROLE_PERMISSIONS, type Permission } from '../../../common/permissions.ts';
import { inScope, requireScope, type Actor, type Scope } from '../../platform/access/actor.ts';
import { auditWrite, writeAudit, type CallContext } from '../../platform/audit/audit.ts';
import { newId, nowIso } from '../../platform/db/ids.ts';
import type { Database } from '../../platform/db/schema.ts';
import { transact } from '../../platform/db/transact.ts';
import type { Deps } from '../../platform/deps.ts';
import { conflict, forbidden, notFound } from '../../platform/errors.ts';
import { localDateTime } from '../../platform/dates.ts';
import { translate, type LocalText, type MessageParams } from '../../platform/i18n.ts';
import type { JobDefinition } from '../../platform/jobs/scheduler.ts';
import { notify } from '../../platform/notify/notify.ts';
import * as repo from './sync.repository.ts';
import type { Conflict, ConflictAnswer, ConflictQueryInput, ResolveInput } from './sync.schemas.ts';

export type SyncService = ReturnType<typeof syncService>;

/** What a conflict is about decides who settles it: the permission over that kind of record. */
const KIND_PERMISSION: Record<OfflineConflictKind, Permission> = {
  shift_reassigned: 'duty.read',
  case_released: 'quarantine.read',
};

const DAY_MS = 24 * 3600_000;

/** The retention job acts for nobody. */
const SYSTEM: CallContext = { actorId: null, actorLogin: null, ip: null };

/** An entry made offline that the feature receiving it could not apply as made. */
export interface NewConflict {
  kind: OfflineConflictKind;
  /** Message key (sync.messages.ts) saying why; params are names and times only. */
  reason: string;
  reasonParams: MessageParams;
  region: { id: string; path: string };
  /** Who made the entry; null for a resident through their link. */
  accountId: string | null;
  volunteerId?: string | null;
  checkpointId?: string | null;
  shiftId?: string | null;
  caseId?: string | null;
  /** What was sent, without positions. */
  entry: Record<string, unknown>;
  /** The entry holds health data: sealed at rest, forgotten after the retention period once resolved. */
  sensitive: boolean;
  madeAt: string;
  receivedAt: string;
  /** Who is told (their inbox) besides the desk list: team leaders, the case's staff. */
  tell: readonly string[];
  /** Where the notification opens. */
  link: string;
}

/** A kept conflict as a feature hands it back to the route: worded there in the caller's language. */
export interface RecordedConflict {
  id: string;
  kind: OfflineConflictKind;
  reason: string;
  reasonParams: MessageParams;
}

const MONTHS = ['Jan', 'Feb', 'Mar', 'Apr', 'May', 'Jun', 'Jul', 'Aug', 'Sep', 'Oct', 'Nov', 'Dec'];

/** A moment as a reason param in both languages, local time: '2月10日 08:05' / 'Feb 10 08:05'. */
export function momentParam(timeZone: string, iso: string): LocalText {
  const { date, time } = localDateTime(timeZone, new Date(iso));
  const [, m, d] = date.split('-').map(Number) as [number, number, number];
  return { 'zh-CN': `${m}月${d}日 ${time}`, en: `${MONTHS[m - 1]} ${d} ${time}` };
}

/** The 202 answer for a kept conflict, in the caller's language. */
export function conflictAnswer(lang: Language, c: RecordedConflict): ConflictAnswer {
  return { conflict: { id: c.id, kind: c.kind, reason: translate(lang, c.reason, c.reasonParams) } };
}

/**
 * Where the actor settles conflicts of one kind: the regions of the grants whose role holds both
 * `conflicts.review` and the kind's own permission (a grant for one and another for the other
 * over different regions gives nothing).
 */
function kindScope(actor: Actor, kind: OfflineConflictKind): Scope {
  const needed: Permission[] = ['conflicts.review', KIND_PERMISSION[kind]];
  const paths: string[] = [];
  for (const g of actor.grants) {
    if (!needed.every((p) => ROLE_PERMISSIONS[g.role].includes(p))) continue;
    if (g.regionPath === null) return { all: true };
    paths.push(g.regionPath);
  }
  return { all: false, paths: [...new Set(paths.filter((p) => !paths.some((q) => q !== p && p.startsWith(q))))] };
}

/**
 * The ledger of entries made offline that arrived too late to apply as made (issue 11): kept and
 * flagged, never dropped. Duty and quarantine record them here; staff list and resolve them.
 */
export function syncService(deps: Deps) {
  const {
    db: { db },
    events,
    pii,
    config: { healthRetentionDays },
  } = deps;

  const published = (q: Kysely<Database>, type: string, id: string, regionPath: string) =>
    events.publish(q, { type, permission: 'conflicts.review', regionPath, entityType: 'offline_conflict', entityId: id });

  function present(r: repo.ConflictRow, lang: Language): Conflict {
    let entry: Record<string, unknown> | null = null;
    if (r.entry !== null) entry = JSON.parse(r.entrySealed ? pii.decrypt(r.entry) : r.entry) as Record<string, unknown>;
    return {
      id: r.id,
      kind: r.kind,
      status: r.status,
      reason: translate(lang, r.reason, JSON.parse(r.reasonParams) as MessageParams),
      region: { id: r.regionId, name: r.regionName },
      madeBy: r.accountId ? { accountId: r.accountId, name: r.accountName ?? '' } : null,
      volunteer: r.volunteerId ? { id: r.volunteerId, name: r.volunteerName ?? '' } : null,
      checkpoint: r.checkpointId ? { id: r.checkpointId, name: r.checkpointName ?? '' } : null,
      shift: r.shiftId && r.shiftStartsAt ? { id: r.shiftId, startsAt: r.shiftStartsAt, endsAt: r.shiftEndsAt ?? '' } : null,
      // The person stays masked here; the case's page reveals by permission.
      case: r.caseId ? { id: r.caseId, ref: r.caseRef ?? '', personName: maskName(r.casePersonName ?? '') } : null,
      entry,
      madeAt: r.madeAt,
      receivedAt: r.receivedAt,
      resolvedBy: r.resolvedBy ? { accountId: r.resolvedBy, name: r.resolvedByName ?? '' } : null,
      resolvedAt: r.resolvedAt,
      resolutionNote: r.resolutionNote,
    };
  }

  /** The conflict, if the actor may settle its kind in its region: 403 without the kind at all, 404 elsewhere. */
  async function reachable(actor: Actor, id: string): Promise<repo.ConflictRow> {
    requireScope(actor, 'conflicts.review');
    const row = await repo.findConflict(db, id);
    if (!row) throw notFound();
    const scope = kindScope(actor, row.kind);
    if (!scope.all && scope.paths.length === 0) throw forbidden();
    if (!inScope(scope, row.regionPath)) throw notFound();
    return row;
  }

  /**
   * Health data in resolved conflicts is kept for the health retention period after resolution
   * (DESIGN.md §5), then removed; the audit log records how many.
   */
  async function forgetEntries(at: string): Promise<number> {
    const before = nowIso(new Date(Date.parse(at) - healthRetentionDays * DAY_MS));
    return db.transaction().execute(async (trx) => {
      const removed = await repo.forgetSealedEntries(trx, before);
      if (removed > 0) {
        await writeAudit(trx, {
          ...SYSTEM,
          action: 'conflicts.forget',
          entityType: 'offline_conflict',
          entityId: null,
          detail: { conflicts: removed, resolvedBefore: before, fields: ['entry'] },
        });
      }
      return removed;
    });
  }

  return {
    jobs: [
      { name: 'sync-forget-entries', everyMs: DAY_MS, run: async (slot) => void (await forgetEntries(slot)) },
    ] as JobDefinition[],
    forgetEntries,

    /**
     * Keeps a conflict, audits it, tells the people who settle it and publishes it. Runs as the
     * request's write (its own transaction, claiming the Idempotency-Key), so a resent entry
     * answers the same conflict instead of keeping a second. No access check: the feature
     * recording it has checked the caller.
     */
    async record(call: CallContext, c: NewConflict): Promise<RecordedConflict> {
      const id = newId();
      const json = JSON.stringify(c.entry);
      const both = (lang: Language) => translate(lang, c.reason, c.reasonParams);
      await transact(db, call, async (trx) => {
        await repo.insertConflict(trx, {
          id,
          kind: c.kind,
          reason: c.reason,
          reasonParams: JSON.stringify(c.reasonParams),
          regionId: c.region.id,
          accountId: c.accountId,
          volunteerId: c.volunteerId ?? null,
          checkpointId: c.checkpointId ?? null,
          shiftId: c.shiftId ?? null,
          caseId: c.caseId ?? null,
          entry: c.sensitive ? pii.encrypt(json) : json,
          entrySealed: c.sensitive ? 1 : 0,
          madeAt: c.madeAt,
          receivedAt: c.receivedAt,
          status: 'open',
          resolvedBy: null,
          resolvedAt: null,
          resolutionNote: null,
        });
        await auditWrite(trx, call, 'conflict.record', 'offline_conflict', id, c.region.path, {
          kind: c.kind,
          madeAt: c.madeAt,
          receivedAt: c.receivedAt,
          ...(c.caseId ? { caseId: c.caseId } : {}),
          ...(c.shiftId ? { shiftId: c.shiftId } : {}),
        });
        const reason = { 'zh-CN': both('zh-CN'), en: both('en') };
        await notify(
          trx,
          [...new Set(c.tell)].map((accountId) => ({
            accountId,
            kind: 'notify.sync.conflict',
            params: { reason },
            link: c.link,
          })),
        );
        await published(trx, 'conflict.recorded', id, c.region.path);
      });
      return { id, kind: c.kind, reason: c.reason, reasonParams: c.reasonParams };
    },

    async list(actor: Actor, lang: Language, query: ConflictQueryInput): Promise<{ items: Conflict[]; total: number }> {
      requireScope(actor, 'conflicts.review');
      const scopes = Object.fromEntries(OFFLINE_CONFLICT_KINDS.map((k) => [k, kindScope(actor, k)])) as repo.KindScopes;
      let regionPath: string | undefined;
      if (query.regionId) {
        regionPath = await repo.regionPath(db, query.regionId);
        if (!regionPath || !OFFLINE_CONFLICT_KINDS.some((k) => inScope(scopes[k], regionPath!))) throw notFound();
      }
      const { items, total } = await repo.listConflicts(db, scopes, {
        ...(query.status ? { status: query.status } : {}),
        ...(query.kind ? { kind: query.kind } : {}),
        ...(regionPath ? { regionPath } : {}),
        limit: query.limit ?? 50,
        offset: query.offset ?? 0,
      });
      return { items: items.map((r) => present(r, lang)), total };
    },

    /** Settles a conflict with a note saying what was done (hours corrected, the doctor called…). */
    async resolve(actor: Actor, call: CallContext, lang: Language, id: string, input: ResolveInput): Promise<Conflict> {
      const row = await reachable(actor, id);
      if (row.status !== 'open') throw conflict('CONFLICT_RESOLVED');
      const note = input.note.trim();
      await transact(db, call, async (trx) => {
        if (!(await repo.resolveConflict(trx, id, { by: actor.accountId, at: nowIso(), note })))
          throw conflict('CONFLICT_RESOLVED');
        await auditWrite(trx, call, 'conflict.resolve', 'offline_conflict', id, row.regionPath, { kind: row.kind, note });
        await published(trx, 'conflict.resolved', id, row.regionPath);
      });
      return present((await repo.findConflict(db, id))!, lang);
    },
  };
}
