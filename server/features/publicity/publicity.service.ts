import type { Kysely } from 'kysely';
import type { PublicityMaterial, RegionLevel } from '../../../common/enums.ts';
import { hasPermission, inScope, requireAccess, requireScope, scopeFor, type Actor } from '../../platform/access/actor.ts';
import { auditWrite, type CallContext } from '../../platform/audit/audit.ts';
import { addDays, calendarDate } from '../../platform/dates.ts';
import { newId, nowIso } from '../../platform/db/ids.ts';
import type { Database } from '../../platform/db/schema.ts';
import { transact } from '../../platform/db/transact.ts';
import type { Deps } from '../../platform/deps.ts';
import { invalidField, notFound } from '../../platform/errors.ts';
import type { CheckpointsService } from '../checkpoints/checkpoints.service.ts';
import type { FigureWindow } from '../dashboard/figure-sources.ts';
import type { RegionsService } from '../regions/regions.service.ts';
import * as repo from './publicity.repository.ts';
import { foldTotals, type GroupRegion } from './publicity.rules.ts';
import type { CreateLogInput, LogQueryInput, PublicityLog, Totals, TotalsQueryInput } from './publicity.schemas.ts';

export type PublicityService = ReturnType<typeof publicityService>;

/** How late an entry may be logged: a week's posters written up on a Sunday still count. */
export const BACKFILL_DAYS = 14;
/** A phone whose clock runs a little ahead is not logging the future. */
const CLOCK_SKEW_MS = 2 * 60_000;
/** Checkpoints offered for one region on the phone page. */
const MAX_PLACES = 200;

/**
 * 宣传: what was put up or handed out, how many, where and by whom. Volunteers and team leaders
 * (`publicity.log`) log in their area and see their own entries; staff (`publicity.read`) see the
 * area's, total them by region and delete a wrong entry (audited with its content and a reason).
 * Entries are never edited: a wrong one is deleted and logged again.
 */
export function publicityService(
  deps: Deps,
  { regions, checkpoints }: { regions: RegionsService; checkpoints: CheckpointsService },
) {
  const {
    db: { db },
    events,
    config: { timeZone },
  } = deps;

  function present(r: repo.LogRow, viewerId: string): PublicityLog {
    return {
      id: r.id,
      material: r.material as PublicityMaterial,
      title: r.title,
      quantity: Number(r.quantity),
      regionId: r.regionId,
      regionName: r.regionName,
      checkpointId: r.checkpointId,
      checkpointName: r.checkpointName,
      place: r.place,
      doneAt: r.doneAt,
      doneOn: r.doneOn,
      byName: r.byName,
      teamId: r.teamId,
      teamName: r.teamName,
      note: r.note,
      mine: r.byAccountId === viewerId,
      createdAt: r.createdAt,
    };
  }

  const changed = (q: Kysely<Database>, type: string, id: string, regionPath: string) =>
    events.publish(q, { type, permission: 'publicity.read', regionPath, entityType: 'publicity_log', entityId: id });

  /** A region in the caller's logging area; another area's looks missing. */
  async function loggableRegion(actor: Actor, regionId: string) {
    const region = await regions.findById(regionId);
    if (!region) throw notFound();
    requireAccess(actor, 'publicity.log', region.path);
    return region;
  }

  async function checkpointIn(regionPath: string, checkpointId: string | null | undefined) {
    if (!checkpointId) return null;
    const [cp] = await checkpoints.summaries([checkpointId]);
    if (!cp || !cp.regionPath.startsWith(regionPath)) throw invalidField('checkpointId', 'field.publicity.checkpointOutside');
    return cp;
  }

  /** A team the caller serves in, or one of their area (staff logging for a team). */
  async function teamFor(actor: Actor, teamId: string | null | undefined) {
    if (!teamId) return null;
    const team = await repo.findTeam(db, teamId);
    const mine = team && (await repo.teamsOfAccount(db, actor.accountId)).some((t) => t.id === team.id);
    if (!team || !(mine || inScope(scopeFor(actor, 'publicity.log'), team.regionPath)))
      throw invalidField('teamId', 'field.publicity.team');
    return team;
  }

  function doneAtOf(input: CreateLogInput): Date {
    const now = Date.now();
    if (!input.doneAt) return new Date(now);
    const at = new Date(input.doneAt);
    if (at.getTime() > now + CLOCK_SKEW_MS) throw invalidField('doneAt', 'field.publicity.doneInFuture');
    if (calendarDate(timeZone, at) < addDays(calendarDate(timeZone), -BACKFILL_DAYS))
      throw invalidField('doneAt', 'field.publicity.doneTooOld', { days: BACKFILL_DAYS });
    return at;
  }

  function checkPeriod(from: string | undefined, to: string | undefined) {
    if (from && to && to < from) throw invalidField('to', 'field.publicity.toBeforeFrom');
  }

  /** The rows of a totals table: the asked region's children (and itself), or the caller's areas. */
  async function groupsFor(actor: Actor, regionId: string | undefined) {
    if (regionId) {
      const path = (await regions.readablePath(actor, 'publicity.read', regionId))!;
      const [region] = await repo.regionsByPaths(db, [path]);
      return { base: region!, groups: await repo.childrenOf(db, region!.id) };
    }
    const scope = requireScope(actor, 'publicity.read');
    const areas = scope.all ? await repo.rootRegions(db) : await repo.regionsByPaths(db, scope.paths);
    if (areas.length === 1) return { base: areas[0]!, groups: await repo.childrenOf(db, areas[0]!.id) };
    return { base: null, groups: areas };
  }

  return {
    /** The day's publicity entries per region for the dashboard's refresh job: the system's own reading, no access check. */
    figures: (w: FigureWindow) => repo.dayFigures(db, w.day),

    async create(actor: Actor, call: CallContext, input: CreateLogInput): Promise<PublicityLog> {
      requireScope(actor, 'publicity.log');
      const region = await loggableRegion(actor, input.regionId);
      const cp = await checkpointIn(region.path, input.checkpointId);
      const team = await teamFor(actor, input.teamId);
      const at = doneAtOf(input);
      const id = newId();
      const now = nowIso();
      await transact(db, call, async (trx) => {
        await repo.insertLog(trx, {
          id,
          regionId: region.id,
          checkpointId: cp?.id ?? null,
          material: input.material,
          title: input.title.trim(),
          quantity: input.quantity,
          place: input.place?.trim() || null,
          doneAt: nowIso(at),
          doneOn: calendarDate(timeZone, at),
          byAccountId: actor.accountId,
          teamId: team?.id ?? null,
          note: input.note?.trim() || null,
          createdAt: now,
        });
        await auditWrite(trx, call, 'publicity.log', 'publicity_log', id, region.path, {
          material: input.material,
          quantity: input.quantity,
          regionId: region.id,
          checkpointId: cp?.id ?? null,
          teamId: team?.id ?? null,
        });
        await changed(trx, 'publicity.logged', id, region.path);
      });
      return present((await repo.findLog(db, id))!, actor.accountId);
    },

    /** The area's entries for staff; a volunteer's own entries for everyone else (and for staff asking `mine`). */
    async list(actor: Actor, query: LogQueryInput): Promise<{ items: PublicityLog[]; total: number }> {
      const staff = hasPermission(actor, 'publicity.read');
      const permission = staff ? 'publicity.read' : 'publicity.log';
      const scope = requireScope(actor, permission);
      const regionPath = await regions.readablePath(actor, permission, query.regionId);
      checkPeriod(query.from, query.to);
      const { items, total } = await repo.listLogs(db, scope, {
        ...(regionPath ? { regionPath } : {}),
        ...(query.checkpointId ? { checkpointId: query.checkpointId } : {}),
        ...(query.material ? { material: query.material } : {}),
        ...(query.from ? { from: query.from } : {}),
        ...(query.to ? { to: query.to } : {}),
        ...(!staff || query.mine ? { byAccountId: actor.accountId } : {}),
        limit: query.limit ?? 50,
        offset: query.offset ?? 0,
      });
      return { items: items.map((r) => present(r, actor.accountId)), total };
    },

    /** A wrong entry goes, its content kept in the audit record with the reason. */
    async remove(actor: Actor, call: CallContext, id: string, reason: string): Promise<void> {
      const row = await repo.findLog(db, id);
      if (!row) throw notFound();
      requireAccess(actor, 'publicity.read', row.regionPath);
      await transact(db, call, async (trx) => {
        if (!(await repo.deleteLog(trx, id))) throw notFound();
        await auditWrite(trx, call, 'publicity.delete', 'publicity_log', id, row.regionPath, {
          reason: reason.trim(),
          material: row.material,
          title: row.title,
          quantity: Number(row.quantity),
          regionId: row.regionId,
          checkpointId: row.checkpointId,
          doneAt: row.doneAt,
          byAccountId: row.byAccountId,
          teamId: row.teamId,
        });
        await changed(trx, 'publicity.deleted', id, row.regionPath);
      });
    },

    /** Entries and quantities per material for each child region of the one asked (or each of the caller's areas). */
    async totals(actor: Actor, query: TotalsQueryInput): Promise<Totals> {
      const scope = requireScope(actor, 'publicity.read');
      checkPeriod(query.from, query.to);
      const { base, groups } = await groupsFor(actor, query.regionId);
      const sums = await repo.sumsByPath(db, scope, {
        regionPaths: base ? [base.path] : groups.map((g) => g.path),
        ...(query.from ? { from: query.from } : {}),
        ...(query.to ? { to: query.to } : {}),
      });
      const asGroup = (r: repo.RegionFacts): GroupRegion => ({ ...r, level: r.level as RegionLevel });
      const folded = foldTotals(sums, groups.map(asGroup), base ? asGroup(base) : null);
      return {
        region: base ? { id: base.id, name: base.name, level: base.level as RegionLevel } : null,
        from: query.from ?? null,
        to: query.to ?? null,
        ...folded,
      };
    },

    /** Checkpoints of a region in the caller's area, to pick on the phone (volunteers cannot search checkpoints). */
    async places(actor: Actor, regionId: string) {
      const region = await loggableRegion(actor, regionId);
      const items = (await checkpoints.forPlanning(region.path)).slice(0, MAX_PLACES);
      return { items: items.map((c) => ({ id: c.id, name: c.name, regionId: c.regionId, regionName: c.regionName })) };
    },

    /** The teams the caller serves in, to log under. */
    async myTeams(actor: Actor) {
      requireScope(actor, 'publicity.log');
      return { items: await repo.teamsOfAccount(db, actor.accountId) };
    },
  };
}
