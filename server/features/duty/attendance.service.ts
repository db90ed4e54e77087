import { requireAccess, requireScope, type Actor, type Scope } from '../../platform/access/actor.ts';
import { auditWrite, writeAudit, type CallContext } from '../../platform/audit/audit.ts';
import { addDays, calendarDate, mondayOf, zonedInstant } from '../../platform/dates.ts';
import { nowIso } from '../../platform/db/ids.ts';
import { transact } from '../../platform/db/transact.ts';
import type { Deps } from '../../platform/deps.ts';
import { AppError, conflict, invalidField, notFound } from '../../platform/errors.ts';
import type { JobDefinition } from '../../platform/jobs/scheduler.ts';
import { notify, type NewNotification } from '../../platform/notify/notify.ts';
import type { AttendanceState, Language } from '../../../common/enums.ts';
import type { CheckpointSummary } from '../checkpoints/checkpoints.schemas.ts';
import type { CheckpointsService } from '../checkpoints/checkpoints.service.ts';
import type { RegionsService } from '../regions/regions.service.ts';
import type { TeamsService } from '../teams/teams.service.ts';
import type { VolunteersService } from '../volunteers/volunteers.service.ts';
import { madeAt } from '../../platform/http/made-at.ts';
import { momentParam, syncService, type RecordedConflict, type SyncService } from '../sync/sync.service.ts';
import { shiftParams, shiftText } from './rosters.wording.ts';
import { attendanceOf } from './attendance-state.ts';
import * as repo from './attendance.repository.ts';
import type { DutyRow, NowShiftRow } from './attendance.repository.ts';
import type {
  Absence,
  AbsenceQueryInput,
  AttendanceInput,
  CheckInPage,
  DutyNow,
  DutyNowQueryInput,
  MyDuty,
  MyDutyPage,
  NowRow,
} from './attendance.schemas.ts';
import type { FigureWindow } from '../dashboard/figure-sources.ts';

export type AttendanceService = ReturnType<typeof attendanceService>;

/** A check-in/out applied (the duty as it stands), or kept as a conflict (answered 202). */
export type AttendanceResult = MyDuty | { conflict: RecordedConflict };

const MINUTE = 60_000;
const DAY = 24 * 60 * MINUTE;
/** An entry that reached the server this long after it was made waited on a phone without network. */
const WAITED_MS = MINUTE;
/** The longest check-out grace the roster rules allow. */
const MAX_GRACE_MS = 240 * MINUTE;
/** Rows handled per transaction by the attendance job. */
const BATCH = 500;
/** The job acts for nobody: its audit records carry no actor. */
const SYSTEM: CallContext = { actorId: null, actorLogin: null, ip: null };

const ms = (iso: string) => Date.parse(iso);
const opensAt = (d: DutyRow) => ms(d.startsAt) - d.windows.checkInEarlyMinutes * MINUTE;
const closesAt = (d: DutyRow) => ms(d.endsAt) + d.windows.checkOutGraceMinutes * MINUTE;
const checkInOpen = (d: DutyRow, now: number) => opensAt(d) <= now && now < ms(d.endsAt);
const canCheckOut = (d: DutyRow, now: number) => d.checkedInAt !== null && d.checkedOutAt === null && now < closesAt(d);
/**
 * A check-out made on a phone before the shift closed, which reached the server after the job had
 * closed the duty at its end: the person's own time replaces the job's.
 */
const replacesAutoClose = (d: DutyRow, made: number) =>
  d.autoClosed && d.checkedInAt !== null && ms(d.checkedInAt) <= made && made < closesAt(d);

/** An inspection found the person absent: they served no hours, however long they were checked in. */
const voided = (d: Pick<DutyRow, 'absentInspectionId'>) => d.absentInspectionId !== null;

/** Time on post clipped to the shift's windows, in tenths of an hour. */
export function dutyHours(d: Pick<DutyRow, 'startsAt' | 'endsAt' | 'windows'>, inAt: string, outAt: string): number {
  const lo = ms(d.startsAt) - d.windows.checkInEarlyMinutes * MINUTE;
  const hi = ms(d.endsAt) + d.windows.checkOutGraceMinutes * MINUTE;
  const clip = (t: number) => Math.min(hi, Math.max(lo, t));
  return Math.round(Math.max(0, clip(ms(outAt)) - clip(ms(inAt))) / (6 * MINUTE)) / 10;
}

/**
 * The shift a check-in at this checkpoint is for: of those whose check-in window holds `now`
 * and not yet checked in, one not marked absent first (the shift the person came for), else the
 * earliest (a late arrival). Undefined when there is none.
 */
function checkInTarget(here: DutyRow[], now: number): DutyRow | undefined {
  const open = here.filter((d) => checkInOpen(d, now) && d.checkedInAt === null);
  return open.find((d) => d.absentAt === null) ?? open[0];
}

/** Who the roster puts at a checkpoint at a moment: the shifts covering it and their people. */
export interface CrewAt {
  shifts: { shiftId: string; startsAt: string; endsAt: string; required: number; assigned: number }[];
  crew: {
    assignmentId: string;
    shiftId: string;
    volunteerId: string;
    startsAt: string;
    endsAt: string;
    attendance: AttendanceState;
    checkedInAt: string | null;
  }[];
}

/** An assignment's attendance columns as they stood at `at`: later check-ins and check-outs had not happened yet. */
function asOf<T extends { checkedInAt: string | null; checkedOutAt: string | null; absentAt: string | null }>(
  a: T,
  at: string,
): T {
  const by = (iso: string | null) => (iso !== null && iso <= at ? iso : null);
  return { ...a, checkedInAt: by(a.checkedInAt), checkedOutAt: by(a.checkedOutAt), absentAt: by(a.absentAt) };
}

export function attendanceService(
  deps: Deps,
  {
    regions,
    volunteers,
    teams,
    checkpoints,
    // The app hands in its own; tests and scripts building the service alone get one here.
    sync = syncService(deps),
  }: {
    regions: RegionsService;
    volunteers: VolunteersService;
    teams: TeamsService;
    checkpoints: CheckpointsService;
    sync?: SyncService;
  },
) {
  const {
    db: { db },
    events,
    config: { timeZone },
  } = deps;
  /** The instant a local calendar date begins. */
  const midnight = (date: string) => zonedInstant(timeZone, date, '00:00');

  const published = (q: typeof db, type: string, cp: Pick<CheckpointSummary, 'id' | 'regionPath'>, shiftId: string) =>
    events.publish(q, {
      type,
      permission: 'duty.read',
      regionPath: cp.regionPath,
      entityType: 'checkpoint',
      entityId: cp.id,
      data: { shiftId },
    });

  async function checkpointMap(ids: Iterable<string>): Promise<Map<string, CheckpointSummary>> {
    const unique = [...new Set(ids)];
    return new Map((unique.length ? await checkpoints.summaries(unique) : []).map((c) => [c.id, c]));
  }

  async function nameMap(ids: Iterable<string>): Promise<Map<string, string>> {
    const unique = [...new Set(ids)];
    return new Map((unique.length ? await volunteers.summaries(unique) : []).map((v) => [v.id, v.name]));
  }

  /** The caller's duties as their pages show them. */
  async function present(rows: DutyRow[], now: Date): Promise<MyDuty[]> {
    if (rows.length === 0) return [];
    const t = now.getTime();
    const cps = await checkpointMap(rows.map((d) => d.checkpointId));
    const people = await repo.shiftPeople(db, [...new Set(rows.map((d) => d.shiftId))]);
    const names = await nameMap(people.map((p) => p.volunteerId));
    const swaps = await repo.pendingSwaps(
      db,
      rows.map((d) => d.assignmentId),
    );
    return rows.map((d) => {
      const cp = cps.get(d.checkpointId);
      return {
        assignmentId: d.assignmentId,
        rosterId: d.rosterId,
        rosterName: d.rosterName,
        checkpoint: {
          id: d.checkpointId,
          name: cp?.name ?? '',
          kind: cp?.kind ?? 'other',
          regionName: cp?.regionName ?? '',
          address: cp?.address ?? null,
          lat: cp?.lat ?? null,
          lng: cp?.lng ?? null,
        },
        startsAt: d.startsAt,
        endsAt: d.endsAt,
        attendance: attendanceOf(d, d, d.windows, now),
        checkedInAt: d.checkedInAt,
        checkedOutAt: d.checkedOutAt,
        autoClosed: d.autoClosed,
        hours: d.hours,
        checkInOpensAt: nowIso(new Date(opensAt(d))),
        canCheckIn: d.checkedInAt === null && checkInOpen(d, t),
        canCheckOut: canCheckOut(d, t),
        teammates: people
          .filter((p) => p.shiftId === d.shiftId && p.volunteerId !== d.volunteerId)
          .map((p) => names.get(p.volunteerId) ?? '')
          .sort((a, b) => a.localeCompare(b, 'zh-CN')),
        pendingSwap: swaps.has(d.assignmentId),
      };
    });
  }

  async function reload(assignmentId: string, now: Date): Promise<MyDuty> {
    return (await present([(await repo.findDuty(db, assignmentId))!], now))[0]!;
  }

  /** The checkpoint of a placard code, and the caller's volunteer record (none for staff without one). */
  async function placard(actor: Actor, code: string) {
    requireScope(actor, 'duty.self');
    const cp = await checkpoints.byCode(code);
    if (!cp) throw notFound();
    return { cp, me: await volunteers.byAccount(actor.accountId) };
  }

  /** The caller's duties at this checkpoint whose windows may still hold something to do. */
  async function dutiesHere(volunteerId: string, checkpointId: string, now: number): Promise<DutyRow[]> {
    return repo.dutiesOf(db, volunteerId, { checkpointId, endsAfter: nowIso(new Date(now - MAX_GRACE_MS)) });
  }

  function notHere(here: DutyRow[], now: number): AppError {
    const next = here.find((d) => opensAt(d) > now);
    return new AppError(
      409,
      'DUTY_NOT_HERE',
      {},
      {},
      {
        localizedParams: {
          next: next
            ? { reason: 'DUTY_NEXT_SHIFT', params: shiftParams(timeZone, next.startsAt, next.endsAt) }
            : { reason: 'DUTY_NO_NEXT_SHIFT' },
        },
      },
    );
  }

  /**
   * Who hears of an absence: the volunteer's team leaders (and those of the team above) and the
   * managers of the checkpoint's community or grid, active accounts only.
   */
  async function absenceAudience(q: typeof db, volunteerIds: readonly string[], cps: Iterable<CheckpointSummary>) {
    const memberships = await teams.membershipsOf(volunteerIds, q);
    const leaders = await repo.activeAccounts(q, [...new Set([...memberships.values()].flatMap((m) => m.leaderAccountIds))]);
    // A checkpoint's community and grid are among the regions on its path.
    const placeIds = new Set([...cps].flatMap((c) => c.regionPath.split('/').filter(Boolean)));
    const managers = await repo.placeManagers(q, [...placeIds]);
    return (volunteerId: string, cp: CheckpointSummary): Set<string> => {
      const onPath = cp.regionPath.split('/');
      return new Set([
        ...(memberships.get(volunteerId)?.leaderAccountIds ?? []).filter((id) => leaders.has(id)),
        ...managers.filter((m) => onPath.includes(m.regionId)).map((m) => m.accountId),
      ]);
    };
  }

  /** Marks one batch absent and alerts the volunteers' team leaders and the place's staff. */
  async function recordAbsences(batch: DutyRow[], at: string): Promise<number> {
    const cps = await checkpointMap(batch.map((d) => d.checkpointId));
    const names = await nameMap(batch.map((d) => d.volunteerId));
    const audience = await absenceAudience(
      db,
      batch.map((d) => d.volunteerId),
      cps.values(),
    );
    return transact(db, SYSTEM, async (trx) => {
      const marked = await repo.markAbsent(
        trx,
        batch.map((d) => d.assignmentId),
        at,
      );
      const items: NewNotification[] = [];
      for (const d of batch) {
        if (!marked.has(d.assignmentId)) continue;
        const cp = cps.get(d.checkpointId);
        if (!cp) continue;
        const recipients = audience(d.volunteerId, cp);
        const params = {
          volunteer: names.get(d.volunteerId) ?? '',
          checkpoint: cp.name,
          ...shiftParams(timeZone, d.startsAt, d.endsAt),
        };
        for (const accountId of recipients) {
          items.push({ accountId, kind: 'notify.duty.absent', params, link: `/duty/now?regionId=${cp.regionId}` });
        }
        await auditWrite(trx, SYSTEM, 'duty.absent', 'roster_assignment', d.assignmentId, cp.regionPath, {
          checkpointId: cp.id,
          shiftId: d.shiftId,
          notified: recipients.size,
        });
        await published(trx, 'duty.absent', cp, d.shiftId);
      }
      await notify(trx, items);
      return marked.size;
    });
  }

  /** The service record a checked-out duty earns: its hours, on the day the shift started. */
  const recordDuty = (q: typeof db, d: DutyRow, cp: Pick<CheckpointSummary, 'name'>, hours: number, createdBy: string | null) =>
    volunteers.recordService(q, {
      volunteerId: d.volunteerId,
      kind: 'duty',
      sourceId: d.assignmentId,
      title: `${cp.name} 卡点值守`,
      hours,
      occurredOn: calendarDate(timeZone, new Date(d.startsAt)),
      createdBy,
    });

  /** Closes one batch of check-ins left open at the shift's end, with hours and service records. */
  async function closeBatch(batch: DutyRow[]): Promise<number> {
    const cps = await checkpointMap(batch.map((d) => d.checkpointId));
    return transact(db, SYSTEM, async (trx) => {
      let closed = 0;
      for (const d of batch) {
        const cp = cps.get(d.checkpointId);
        if (!cp) continue;
        const hours = voided(d) ? 0 : dutyHours(d, d.checkedInAt!, d.endsAt);
        const done = await repo.checkOut(trx, d.assignmentId, {
          at: d.endsAt,
          position: { lat: null, lng: null, accuracy: null },
          hours,
          autoClosed: true,
        });
        if (!done) continue;
        closed++;
        if (!voided(d)) await recordDuty(trx, d, cp, hours, null);
        await auditWrite(trx, SYSTEM, 'duty.auto_close', 'roster_assignment', d.assignmentId, cp.regionPath, {
          checkpointId: cp.id,
          hours,
        });
        await published(trx, 'duty.checked_out', cp, d.shiftId);
      }
      return closed;
    });
  }

  /** Published rosters a job run at `at` may have work in (shifts last at most a day). */
  const rostersNear = (at: Date) => {
    const today = calendarDate(timeZone, at);
    return repo.rostersAround(db, addDays(today, -2), addDays(today, 1));
  };

  /**
   * Marks absent every assignment of a published roster nobody checked in for by the shift's
   * start + absentAfterMinutes, and alerts. Idempotent: marked ones are not looked at again.
   */
  async function markAbsences(at: string): Promise<number> {
    const now = new Date(at);
    let total = 0;
    for (const roster of await rostersNear(now)) {
      const startedBy = nowIso(new Date(now.getTime() - roster.windows.absentAfterMinutes * MINUTE));
      for (;;) {
        const batch = await repo.unmarkedAbsences(db, roster.id, startedBy, BATCH);
        if (batch.length) total += await recordAbsences(batch, at);
        if (batch.length < BATCH) break;
      }
    }
    return total;
  }

  /**
   * Closes check-ins nobody checked out of by the shift's end + checkOutGraceMinutes: checked out
   * at the end, hours counted, service recorded. Idempotent.
   */
  async function closeShifts(at: string): Promise<number> {
    const now = new Date(at);
    let total = 0;
    for (const roster of await rostersNear(now)) {
      const endedBy = nowIso(new Date(now.getTime() - roster.windows.checkOutGraceMinutes * MINUTE));
      for (;;) {
        const batch = await repo.openCheckIns(db, roster.id, endedBy, BATCH);
        if (batch.length) total += await closeBatch(batch);
        if (batch.length < BATCH) break;
      }
    }
    return total;
  }

  /** Region the caller asked about, in their scope (404 otherwise). */
  async function chosenRegion(actor: Actor, regionId: string | undefined) {
    if (!regionId) return undefined;
    const region = await regions.findById(regionId);
    if (!region) throw notFound();
    requireAccess(actor, 'duty.read', region.path);
    return region;
  }

  /**
   * The group a checkpoint counts under: the child (below the chosen region, or else below the
   * caller's area when it is one region or the whole platform's single root) holding it; with
   * several areas, the area holding it.
   */
  function groupOf(path: string, chosen: { id: string; path: string } | undefined, scope: Scope): string {
    const ids = path.split('/').filter(Boolean);
    const below = (rootId: string) => ids[ids.indexOf(rootId) + 1] ?? rootId;
    if (chosen) return below(chosen.id);
    if (scope.all) return below(ids[0]!);
    const roots = scope.paths.filter((p) => path.startsWith(p));
    const root = roots[0]!.split('/').filter(Boolean).pop()!;
    return scope.paths.length === 1 ? below(root) : root;
  }

  /**
   * Whereabouts are kept only as long as configured after the shift (DESIGN.md §5): the positions
   * go, the times and hours stay; the audit log records how many were removed.
   */
  async function forgetPositions(at: string): Promise<number> {
    const before = nowIso(new Date(new Date(at).getTime() - deps.config.positionRetentionDays * 24 * 60 * MINUTE));
    return db.transaction().execute(async (trx) => {
      const removed = await repo.forgetPositions(trx, before);
      if (removed > 0) {
        await writeAudit(trx, {
          actorId: null,
          actorLogin: null,
          ip: null,
          action: 'duty.positions.remove',
          entityType: 'roster_assignment',
          entityId: null,
          detail: { assignments: removed, shiftsEndedBefore: before },
        });
      }
      return removed;
    });
  }

  /**
   * A check-in/out that fits no shift the caller holds, but one they held and lost (unassigned or
   * swapped away) whose window holds the made time: the entry is kept as a conflict for the team
   * leaders and the place's staff instead of refused, when the change came after it was made, or
   * when it waited on the phone (an offline phone showed the roster as it was). An entry sent at
   * once for a shift taken away earlier is refused as before: the page shows the change.
   */
  async function lostShiftConflict(
    call: CallContext,
    action: 'checkIn' | 'checkOut',
    e: { cp: CheckpointSummary; volunteerId: string; input: AttendanceInput; made: Date; received: Date },
  ): Promise<RecordedConflict | null> {
    const t = e.made.getTime();
    const waited = e.received.getTime() - t >= WAITED_MS;
    const lost = (
      await repo.lostShifts(db, e.volunteerId, e.cp.id, nowIso(new Date(t - MAX_GRACE_MS)), nowIso(new Date(t + DAY)))
    ).find((s) => {
      const open = ms(s.startsAt) - s.windows.checkInEarlyMinutes * MINUTE;
      const close = action === 'checkIn' ? ms(s.endsAt) : ms(s.endsAt) + s.windows.checkOutGraceMinutes * MINUTE;
      return open <= t && t < close && (waited || ms(s.changedAt) > t);
    });
    if (!lost) return null;
    const audience = await absenceAudience(db, [e.volunteerId], [e.cp]);
    const madeIso = nowIso(e.made);
    const both = (f: (lang: Language) => string) => ({ 'zh-CN': f('zh-CN'), en: f('en') });
    return sync.record(call, {
      kind: 'shift_reassigned',
      reason: action === 'checkIn' ? 'sync.reason.checkInReassigned' : 'sync.reason.checkOutReassigned',
      reasonParams: {
        made: momentParam(timeZone, madeIso),
        checkpoint: e.cp.name,
        time: both((lang) => shiftText(timeZone, lost.startsAt, lost.endsAt, lang)),
      },
      region: { id: e.cp.regionId, path: e.cp.regionPath },
      accountId: call.actorId,
      volunteerId: e.volunteerId,
      checkpointId: e.cp.id,
      shiftId: lost.shiftId,
      // Whereabouts stay out of it: the desk needs when, not where.
      entry: { action, at: madeIso, withPosition: e.input.lat !== undefined && e.input.lng !== undefined },
      sensitive: false,
      madeAt: madeIso,
      receivedAt: nowIso(e.received),
      tell: [...audience(e.volunteerId, e.cp)].filter((id) => id !== call.actorId),
      link: '/sync/conflicts',
    });
  }

  const jobs: JobDefinition[] = [
    {
      name: 'duty-attendance',
      everyMs: 60_000,
      run: async (slot) => {
        await markAbsences(slot);
        await closeShifts(slot);
      },
    },
    { name: 'duty-forget-positions', everyMs: 24 * 60 * MINUTE, run: async (slot) => void (await forgetPositions(slot)) },
  ];

  return {
    jobs,
    markAbsences,
    closeShifts,
    forgetPositions,

    /** The command dashboard's source (no access check: the refresh job's own reading). */
    figures: (window: FigureWindow) => repo.figures(db, window, nowIso(zonedInstant(timeZone, addDays(window.day, 1), '00:00'))),

    /**
     * Whether the account's volunteer stands a published shift at this checkpoint at `at`: from
     * the opening of check-in to the end of the check-out grace, until they checked out. Other
     * features use it to let the people on post act there (no access check: the caller's own).
     */
    async onDutyAt(accountId: string, checkpointId: string, at: Date): Promise<boolean> {
      const me = await volunteers.byAccount(accountId);
      if (!me) return false;
      const t = at.getTime();
      const here = await dutiesHere(me.id, checkpointId, t);
      return here.some((d) => opensAt(d) <= t && t < closesAt(d) && (d.checkedOutAt === null || t < ms(d.checkedOutAt)));
    },

    /**
     * The published shifts at the checkpoint covering `at` and the people on them, with their
     * attendance as it stood then (an inspection's absence mark counts whenever it was made).
     * No access check: the caller checked the checkpoint.
     */
    async crewAt(checkpointId: string, at: Date, q: typeof db = db): Promise<CrewAt> {
      const iso = nowIso(at);
      const shifts = await repo.shiftsCovering(q, checkpointId, iso);
      const people = await repo.peopleOn(
        q,
        shifts.map((s) => s.shiftId),
      );
      const byId = new Map(shifts.map((s) => [s.shiftId, s]));
      return {
        shifts: shifts.map((s) => ({
          shiftId: s.shiftId,
          startsAt: s.startsAt,
          endsAt: s.endsAt,
          required: s.required,
          assigned: people.filter((p) => p.shiftId === s.shiftId).length,
        })),
        crew: people.map((p) => {
          const s = byId.get(p.shiftId)!;
          const then = asOf(p, iso);
          return {
            assignmentId: p.assignmentId,
            shiftId: p.shiftId,
            volunteerId: p.volunteerId,
            startsAt: s.startsAt,
            endsAt: s.endsAt,
            attendance: attendanceOf(then, s, s.windows, at),
            checkedInAt: then.checkedInAt,
          };
        }),
      };
    },

    /**
     * People required and on post (checked in, not out, not found absent) on the published
     * shifts going on at `at`, per checkpoint in the scope (and under `regionPath`). No access
     * check beyond the scope the caller hands in.
     */
    async staffingAt(scope: Scope, at: Date, regionPath?: string): Promise<Map<string, { required: number; onDuty: number }>> {
      const today = calendarDate(timeZone, at);
      const shifts = await repo.shiftsAt(db, scope, nowIso(at), { fromDate: addDays(today, -1), toDate: today }, regionPath);
      const out = new Map<string, { required: number; onDuty: number }>();
      for (const s of shifts) {
        const row = out.get(s.checkpointId) ?? { required: 0, onDuty: 0 };
        row.required += s.required;
        row.onDuty += s.onDuty;
        out.set(s.checkpointId, row);
      }
      return out;
    },

    /**
     * An inspector found these people absent from their shifts at the checkpoint (inside the
     * inspection's transaction): each assignment keeps the first inspection that did, which
     * outranks any check-in and voids its hours; the volunteer, their team leaders and the
     * place's managers are told. Returns how many were marked.
     */
    async recordInspectionAbsences(
      trx: typeof db,
      call: CallContext,
      input: {
        inspectionId: string;
        checkpoint: CheckpointSummary;
        at: string;
        absent: { assignmentId: string; shiftId: string; volunteerId: string; startsAt: string; endsAt: string }[];
      },
    ): Promise<number> {
      const { inspectionId, checkpoint: cp, absent } = input;
      if (absent.length === 0) return 0;
      const marked = await repo.markAbsentByInspection(
        trx,
        absent.map((a) => a.assignmentId),
        inspectionId,
        input.at,
      );
      const volunteerIds = absent.map((a) => a.volunteerId);
      const people = new Map((await volunteers.summaries(volunteerIds, trx)).map((v) => [v.id, v]));
      const audience = await absenceAudience(trx, volunteerIds, [cp]);
      const items: NewNotification[] = [];
      const shifts = new Set<string>();
      for (const a of absent) {
        if (!marked.has(a.assignmentId)) continue;
        const person = people.get(a.volunteerId);
        const params = { volunteer: person?.name ?? '', checkpoint: cp.name, ...shiftParams(timeZone, a.startsAt, a.endsAt) };
        const staff = audience(a.volunteerId, cp);
        if (person?.accountId) {
          staff.delete(person.accountId);
          items.push({ accountId: person.accountId, kind: 'notify.inspections.absent', params, link: '/my-duty' });
        }
        for (const accountId of staff) {
          items.push({ accountId, kind: 'notify.inspections.absent', params, link: `/duty/now?regionId=${cp.regionId}` });
        }
        await auditWrite(trx, call, 'duty.absent', 'roster_assignment', a.assignmentId, cp.regionPath, {
          checkpointId: cp.id,
          shiftId: a.shiftId,
          inspectionId,
          notified: staff.size + (person?.accountId ? 1 : 0),
        });
        shifts.add(a.shiftId);
      }
      for (const shiftId of shifts) await published(trx, 'duty.absent', cp, shiftId);
      await notify(trx, items);
      return marked.size;
    },

    async me(actor: Actor): Promise<MyDutyPage> {
      requireScope(actor, 'duty.self');
      const me = await volunteers.byAccount(actor.accountId);
      if (!me) return { volunteer: null, duties: [], hoursThisWeek: 0, hoursTotal: 0 };
      const now = new Date();
      const today = calendarDate(timeZone, now);
      const rows = await repo.dutiesOf(db, me.id, {
        endsAfter: nowIso(midnight(addDays(today, -1))),
        startsBefore: nowIso(midnight(addDays(today, 15))),
      });
      return {
        volunteer: me,
        duties: await present(rows, now),
        hoursThisWeek: await repo.hoursServed(db, me.id, nowIso(midnight(mondayOf(today)))),
        hoursTotal: await repo.hoursServed(db, me.id),
      };
    },

    async checkInPage(actor: Actor, code: string): Promise<CheckInPage> {
      const { cp, me } = await placard(actor, code);
      const checkpoint = { id: cp.id, name: cp.name, kind: cp.kind, regionName: cp.regionName, address: cp.address };
      if (!me) return { checkpoint, duty: null, nextDuty: null };
      const now = new Date();
      const t = now.getTime();
      const here = await dutiesHere(me.id, cp.id, t);
      const duty = here.find((d) => canCheckOut(d, t)) ?? checkInTarget(here, t);
      if (duty) return { checkpoint, duty: (await present([duty], now))[0]!, nextDuty: null };
      const next = (
        await repo.dutiesOf(db, me.id, { endsAfter: nowIso(now), startsBefore: nowIso(new Date(t + 15 * DAY)) })
      ).find((d) => d.checkedInAt === null);
      return { checkpoint, duty: null, nextDuty: next ? (await present([next], now))[0]! : null };
    },

    /**
     * 到岗: a check-in made at `input.at` (the phone's time, maybe offline; now by default), for
     * the shift whose check-in window held that time. Rules are judged at the made time; both
     * times are kept. A check-in for a shift taken from the caller meanwhile is kept as a conflict
     * for the team leader (see `lostShiftConflict`).
     */
    async checkIn(actor: Actor, call: CallContext, input: AttendanceInput): Promise<AttendanceResult> {
      const { made, received } = madeAt(input.at, 'at');
      const { cp, me } = await placard(actor, input.code);
      const t = made.getTime();
      const here = me ? await dutiesHere(me.id, cp.id, t) : [];
      const target = checkInTarget(here, t);
      if (!target) {
        if (here.some((d) => checkInOpen(d, t))) throw conflict('DUTY_ALREADY_CHECKED_IN');
        const kept = me && (await lostShiftConflict(call, 'checkIn', { cp, volunteerId: me.id, input, made, received }));
        if (kept) return { conflict: kept };
        throw notHere(here, t);
      }
      const position = { lat: input.lat ?? null, lng: input.lng ?? null, accuracy: input.accuracy ?? null };
      // Made in time, it outranks the absence the job marked while the entry waited on the phone.
      const inTime = t < ms(target.startsAt) + target.windows.absentAfterMinutes * MINUTE;
      await transact(db, call, async (trx) => {
        if (!(await repo.checkIn(trx, target.assignmentId, nowIso(made), position, nowIso(received), inTime))) {
          throw conflict('DUTY_ALREADY_CHECKED_IN');
        }
        // Whereabouts are sensitive: the audit trail says a position came, not where.
        await auditWrite(trx, call, 'duty.check_in', 'roster_assignment', target.assignmentId, cp.regionPath, {
          checkpointId: cp.id,
          shiftId: target.shiftId,
          late: target.absentAt !== null && !inTime,
          withPosition: input.lat !== undefined && input.lng !== undefined,
          ...(made < received ? { madeAt: nowIso(made) } : {}),
        });
        await published(trx, 'duty.checked_in', cp, target.shiftId);
      });
      return reload(target.assignmentId, received);
    },

    /** 离岗: like the check-in, judged at the made time, which is when the hours stop. */
    async checkOut(actor: Actor, call: CallContext, input: AttendanceInput): Promise<AttendanceResult> {
      const { made, received } = madeAt(input.at, 'at');
      const { cp, me } = await placard(actor, input.code);
      const t = made.getTime();
      const here = me ? await dutiesHere(me.id, cp.id, t) : [];
      const target = here.find((d) => canCheckOut(d, t)) ?? here.find((d) => replacesAutoClose(d, t));
      if (!target) {
        const kept = me && (await lostShiftConflict(call, 'checkOut', { cp, volunteerId: me.id, input, made, received }));
        if (kept) return { conflict: kept };
        throw conflict('DUTY_NOT_ON_DUTY');
      }
      const at = nowIso(made);
      const hours = voided(target) ? 0 : dutyHours(target, target.checkedInAt!, at);
      const position = { lat: input.lat ?? null, lng: input.lng ?? null, accuracy: input.accuracy ?? null };
      await transact(db, call, async (trx) => {
        if (
          !(await repo.checkOut(trx, target.assignmentId, {
            at,
            position,
            hours,
            autoClosed: false,
            receivedAt: nowIso(received),
            replacing: target.autoClosed,
          }))
        ) {
          throw conflict('DUTY_NOT_ON_DUTY');
        }
        if (!voided(target)) await recordDuty(trx, target, cp, hours, call.actorId);
        if (!voided(target) && target.autoClosed) await volunteers.correctServiceHours(trx, 'duty', target.assignmentId, hours);
        await auditWrite(trx, call, 'duty.check_out', 'roster_assignment', target.assignmentId, cp.regionPath, {
          checkpointId: cp.id,
          shiftId: target.shiftId,
          hours,
          withPosition: input.lat !== undefined && input.lng !== undefined,
          ...(made < received ? { madeAt: at } : {}),
          ...(target.autoClosed ? { replacedAutoClose: true } : {}),
        });
        await published(trx, 'duty.checked_out', cp, target.shiftId);
      });
      return reload(target.assignmentId, received);
    },

    async now(actor: Actor, query: DutyNowQueryInput): Promise<DutyNow> {
      const scope = requireScope(actor, 'duty.read');
      const chosen = await chosenRegion(actor, query.regionId);
      const now = new Date();
      const at = nowIso(now);
      const today = calendarDate(timeZone, now);
      const shifts = await repo.shiftsAt(db, scope, at, { fromDate: addDays(today, -1), toDate: today }, chosen?.path);

      // Past the absence grace, the unmarked count as absent already (the job marks them within a minute).
      const counted = shifts.map((s) => {
        const late = now.getTime() >= ms(s.startsAt) + s.windows.absentAfterMinutes * MINUTE;
        return late ? { ...s, absent: s.absent + s.due, due: 0 } : s;
      });
      const rows = new Map<string, { shifts: NowShiftRow[]; required: number; onDuty: number; absent: number; due: number }>();
      for (const s of counted) {
        const row = rows.get(s.checkpointId) ?? { shifts: [], required: 0, onDuty: 0, absent: 0, due: 0 };
        row.shifts.push(s);
        row.required += s.required;
        row.onDuty += s.onDuty;
        row.absent += s.absent;
        row.due += s.due;
        rows.set(s.checkpointId, row);
      }
      const all = [...rows.entries()].map(([id, r]) => ({ id, ...r, first: r.shifts[0]! }));
      const totals = { checkpoints: all.length, required: 0, onDuty: 0, due: 0, absent: 0 };
      const groups = new Map<string, { required: number; onDuty: number; absent: number }>();
      for (const r of all) {
        totals.required += r.required;
        totals.onDuty += r.onDuty;
        totals.due += r.due;
        totals.absent += r.absent;
        const key = groupOf(r.first.regionPath, chosen, scope);
        const g = groups.get(key) ?? { required: 0, onDuty: 0, absent: 0 };
        g.required += r.required;
        g.onDuty += r.onDuty;
        g.absent += r.absent;
        groups.set(key, g);
      }
      const groupNames = new Map((await regions.findByIds([...groups.keys()])).map((g) => [g.id, g.name]));
      const byRegion = [...groups.entries()]
        .map(([regionId, g]) => ({ regionId, regionName: groupNames.get(regionId) ?? '', ...g }))
        .sort((a, b) => b.required - b.onDuty - (a.required - a.onDuty) || a.regionName.localeCompare(b.regionName, 'zh-CN'));

      const listed = all
        .filter((r) => !query.short || r.onDuty < r.required)
        .sort(
          (a, b) =>
            b.required - b.onDuty - (a.required - a.onDuty) ||
            b.first.risk - a.first.risk ||
            a.first.checkpointName.localeCompare(b.first.checkpointName, 'zh-CN') ||
            a.id.localeCompare(b.id),
        );
      const offset = query.offset ?? 0;
      const page = listed.slice(offset, offset + (query.limit ?? 50));
      const cps = await checkpointMap(page.map((r) => r.id));
      const people = await repo.peopleOn(
        db,
        page.flatMap((r) => r.shifts.map((s) => s.shiftId)),
      );
      const names = await nameMap(people.map((p) => p.volunteerId));
      const items: NowRow[] = page.map((r) => {
        const cp = cps.get(r.id)!;
        return {
          checkpoint: {
            id: cp.id,
            name: cp.name,
            kind: cp.kind,
            regionId: cp.regionId,
            regionName: cp.regionName,
            risk: cp.risk,
            lat: cp.lat,
            lng: cp.lng,
          },
          shifts: r.shifts
            .sort((a, b) => a.startsAt.localeCompare(b.startsAt))
            .map((s) => ({
              shiftId: s.shiftId,
              startsAt: s.startsAt,
              endsAt: s.endsAt,
              required: s.required,
              people: people
                .filter((p) => p.shiftId === s.shiftId)
                .map((p) => ({
                  volunteerId: p.volunteerId,
                  name: names.get(p.volunteerId) ?? '',
                  attendance: attendanceOf(p, s, s.windows, now),
                  checkedInAt: p.checkedInAt,
                })),
            })),
          required: r.required,
          onDuty: r.onDuty,
          absent: r.absent,
        };
      });
      return { at, totals, byRegion, items, total: listed.length };
    },

    async absences(actor: Actor, query: AbsenceQueryInput): Promise<{ items: Absence[]; total: number }> {
      const scope = requireScope(actor, 'duty.read');
      const chosen = await chosenRegion(actor, query.regionId);
      if (query.from && query.to && query.to < query.from) throw invalidField('to', 'field.duty.toBeforeFrom');
      const { items, total } = await repo.listAbsences(db, scope, {
        ...(chosen ? { regionPath: chosen.path } : {}),
        ...(query.from ? { startsFrom: nowIso(midnight(query.from)) } : {}),
        ...(query.to ? { startsBefore: nowIso(midnight(addDays(query.to, 1))) } : {}),
        limit: query.limit ?? 50,
        offset: query.offset ?? 0,
      });
      const names = await nameMap(items.map((a) => a.volunteerId));
      return { items: items.map((a) => ({ ...a, volunteerName: names.get(a.volunteerId) ?? '' })), total };
    },
  };
}
