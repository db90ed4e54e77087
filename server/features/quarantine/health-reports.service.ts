import { findCountingMisses } from '../../platform/auth/throttle.ts';
import type { Kysely } from 'kysely';
import { FEVER_THRESHOLD, REPORT_SLOTS, type AlertKind, type ReportSlot } from '../../../common/enums.ts';
import { maskName } from '../../../common/mask.ts';
import { requireAccess, type Actor } from '../../platform/access/actor.ts';
import { auditWrite, type CallContext } from '../../platform/audit/audit.ts';
import { addDays, localDateTime, zonedInstant } from '../../platform/dates.ts';
import { newId, nowIso } from '../../platform/db/ids.ts';
import type { Database } from '../../platform/db/schema.ts';
import { transact } from '../../platform/db/transact.ts';
import type { Deps } from '../../platform/deps.ts';
import { AppError, conflict, invalidField, notFound } from '../../platform/errors.ts';
import type { FigureRow, FigureWindow } from '../dashboard/figure-sources.ts';
import type { JobDefinition } from '../../platform/jobs/scheduler.ts';
import type { OpenAlert } from './alerts.schemas.ts';
import { SYSTEM, type AlertsService } from './alerts.service.ts';
import * as repo from './health-reports.repository.ts';
import {
  caseDay,
  chooseSlot,
  endedSlots,
  isFever,
  oneDecimal,
  slotEnd,
  slotKey,
  slotRequired,
  slotStart,
  todaySlots,
} from './health-reports.rules.ts';
import type { EnterReportInput, HealthStatus, RemeasureInput, ReportInput, Submitted } from './health-reports.schemas.ts';
import type { ResidentTokensService } from './resident-tokens.service.ts';
import { madeAt } from '../../platform/http/made-at.ts';
import { momentParam, syncService, type RecordedConflict, type SyncService } from '../sync/sync.service.ts';

export type HealthReportsService = ReturnType<typeof healthReportsService>;

/** Unknown or dead links per client address: a link is only ever mistyped or stale, never guessed. */
export const LINK_MISS_LIMIT = 30;
export const LINK_MISS_WINDOW_SECONDS = 10 * 60;

/** Reports shown on the public page. */
const RECENT = 6;

const invalidLink = () => new AppError(404, 'HEALTH_LINK_INVALID');

/**
 * 健康上报: twice a day, by the person through their personal link (no account), or by staff on
 * their behalf (healthReports.enter). A fever reading asks for a re-measure; a confirmed fever
 * alerts the case's medical observer, a help request its grid worker. Jobs alert on missed slots
 * and on re-measures not sent in time.
 */
export function healthReportsService(
  deps: Deps,
  // The app hands in its sync service; tests and scripts building this one alone get their own.
  { tokens, alerts, sync = syncService(deps) }: { tokens: ResidentTokensService; alerts: AlertsService; sync?: SyncService },
) {
  const {
    db: { db },
    events,
    rateLimiter,
    config: { timeZone, reportWindows: windows, remeasureMinutes },
  } = deps;

  /** The person's link, or 404 counted against the caller's address. */
  async function caseByToken(ip: string, token: string): Promise<repo.CaseFacts> {
    return findCountingMisses(
      rateLimiter,
      `health:link:${ip}`,
      { max: LINK_MISS_LIMIT, windowSeconds: LINK_MISS_WINDOW_SECONDS },
      () => tokens.caseOf(token),
      invalidLink,
    );
  }

  const slotSet = (rows: { slotOn: string; slot: ReportSlot }[]) => new Set(rows.map((r) => slotKey(r.slotOn, r.slot)));

  function requireReading(field: string, t: number) {
    if (!oneDecimal(t)) throw invalidField(field, 'field.health.temperature');
  }

  const changed = (q: Kysely<Database>, c: repo.CaseFacts, id: string) =>
    events.publish(q, {
      type: 'healthReport.recorded',
      permission: 'quarantine.read',
      regionPath: c.regionPath,
      entityType: 'health_report',
      entityId: id,
    });

  /** An alert about this case, owned as the kind says: the doctor for readings, the grid worker for the rest. */
  function alertOf(
    c: repo.CaseFacts,
    kind: AlertKind,
    slotOn: string,
    slot: 'morning' | 'evening',
    reportId: string,
    temperature?: number,
  ): OpenAlert {
    const owner = kind === 'fever' || kind === 'remeasure' ? c.medicalObserverId : c.gridWorkerId;
    return {
      caseId: c.id,
      regionId: c.regionId,
      regionPath: c.regionPath,
      caseRef: c.ref,
      kind,
      slotOn,
      slot,
      reportId,
      ownerAccountId: owner,
      params: { ref: c.ref, region: c.regionName, date: slotOn, ...(temperature === undefined ? {} : { temperature }) },
    };
  }

  /** Writes one report and the alerts it raises; 409 when the slot is reported already. */
  async function record(
    call: CallContext,
    c: repo.CaseFacts,
    r: {
      slotOn: string;
      slot: 'morning' | 'evening';
      late: boolean;
      temperature: number;
      remeasuredTemperature: number | null;
      symptoms: string[];
      feeling: string;
      helpRequest: string | null;
      enteredBy: string | null;
      /** When the person made it on their phone (now unless it waited offline). */
      madeAt?: string;
    },
    /** When it reached the server. */
    receivedAt: Date,
  ): Promise<string> {
    const now = nowIso();
    const id = newId();
    const reading = r.remeasuredTemperature ?? r.temperature;
    await transact(db, call, async (trx) => {
      const inserted = await repo.insertReport(trx, {
        id,
        caseId: c.id,
        regionId: c.regionId,
        slotOn: r.slotOn,
        slot: r.slot,
        temperature: r.temperature,
        remeasuredTemperature: r.remeasuredTemperature,
        remeasuredAt: r.remeasuredTemperature === null ? null : now,
        fever: isFever(reading) ? 1 : 0,
        symptoms: JSON.stringify(r.symptoms),
        feeling: r.feeling,
        helpRequest: r.helpRequest,
        late: r.late ? 1 : 0,
        enteredBy: r.enteredBy,
        reportedAt: r.madeAt ?? now,
        createdAt: now,
        updatedAt: now,
        anonymisedAt: null,
      });
      if (!inserted) throw conflict('HEALTH_REPORT_DONE');
      // Readings and symptoms are health data: the audit keeps the slot and the flags only.
      await auditWrite(trx, call, 'healthReport.record', 'health_report', id, c.regionPath, {
        caseId: c.id,
        slotOn: r.slotOn,
        slot: r.slot,
        late: r.late,
        byStaff: r.enteredBy !== null,
      });
      const raised: OpenAlert[] = [];
      if (r.remeasuredTemperature !== null && isFever(r.remeasuredTemperature)) {
        raised.push(alertOf(c, 'fever', r.slotOn, r.slot, id, r.remeasuredTemperature));
      }
      if (r.helpRequest) raised.push(alertOf(c, 'help', r.slotOn, r.slot, id));
      await alerts.open(trx, raised, call);
      // Made in time but received after its window ended: the missed-slot scan may have alerted meanwhile.
      if (!r.late && slotEnd(timeZone, windows, r.slotOn, r.slot).getTime() <= receivedAt.getTime())
        await alerts.closeMissed(trx, call, { caseId: c.id, slotOn: r.slotOn, slot: r.slot, regionPath: c.regionPath });
      await changed(trx, c, id);
    });
    return id;
  }

  /**
   * A report made while the case was active that arrived after it closed: kept, sealed, as a
   * conflict for the case's medical observer and grid worker, never written as a report (the case
   * is closed) nor dropped.
   */
  async function keepClosed(
    call: CallContext,
    closed: { case: repo.CaseFacts; closedAt: string },
    input: ReportInput,
    made: Date,
    received: Date,
  ): Promise<RecordedConflict> {
    const c = closed.case;
    const madeIso = nowIso(made);
    return sync.record(call, {
      kind: 'case_released',
      reason: 'sync.reason.caseReleased',
      reasonParams: { made: momentParam(timeZone, madeIso), closed: momentParam(timeZone, closed.closedAt) },
      region: { id: c.regionId, path: c.regionPath },
      accountId: null,
      caseId: c.id,
      entry: {
        temperature: input.temperature,
        symptoms: input.symptoms,
        feeling: input.feeling,
        helpRequest: input.helpRequest?.trim() || null,
        fever: isFever(input.temperature),
      },
      sensitive: true,
      madeAt: madeIso,
      receivedAt: nowIso(received),
      tell: [c.medicalObserverId, c.gridWorkerId].filter((id): id is string => id !== null),
      link: '/sync/conflicts',
    });
  }

  async function status(ip: string, token: string, at: Date = new Date()): Promise<HealthStatus> {
    const c = await caseByToken(ip, token);
    const today = localDateTime(timeZone, at).date;
    const rows = await repo.reportsOf(db, c.id, addDays(today, -7), 10);
    const set = slotSet(rows);
    const choice = chooseSlot(timeZone, windows, c, set, at);
    const pending = await repo.pendingRemeasure(db, c.id, FEVER_THRESHOLD, nowIso(new Date(at.getTime() - 12 * 3600_000)));
    return {
      name: maskName(c.personName),
      today,
      day: caseDay(c, today),
      days: c.planDays,
      startsOn: c.startsOn,
      endsOn: c.endsOn,
      windows,
      slots: todaySlots(timeZone, windows, c, set, at),
      next: choice.kind === 'open' ? { slotOn: choice.slotOn, slot: choice.slot, late: choice.late } : null,
      upcoming: choice.kind === 'not_due' ? choice.next : null,
      remeasure: pending
        ? {
            slotOn: pending.slotOn,
            slot: pending.slot as 'morning' | 'evening',
            temperature: Number(pending.temperature),
            dueBy: nowIso(new Date(new Date(pending.reportedAt).getTime() + remeasureMinutes * 60_000)),
          }
        : null,
      recent: rows.slice(0, RECENT).map((r) => ({
        slotOn: r.slotOn,
        slot: r.slot,
        temperature: r.temperature,
        remeasuredTemperature: r.remeasuredTemperature,
        late: r.late,
      })),
      feverThreshold: FEVER_THRESHOLD,
    };
  }

  /** The missed-slot scan at an instant: every ended window of today and yesterday, set-based. */
  async function scanMissed(at: Date): Promise<number> {
    let total = 0;
    for (const s of endedSlots(timeZone, windows, at)) {
      const missing = (await repo.missingSlots(db, s.slotOn, s.slot)).filter((m) =>
        slotRequired(timeZone, windows, m.case, s.slotOn, s.slot),
      );
      if (!missing.length) continue;
      total += await transact(db, SYSTEM, (trx) => alerts.openMissed(trx, missing));
    }
    return total;
  }

  /** Fever readings whose re-measure did not come within `remeasureMinutes`: the medical observer is told anyway. */
  async function scanRemeasures(at: Date): Promise<number> {
    const before = nowIso(new Date(at.getTime() - remeasureMinutes * 60_000));
    const since = nowIso(new Date(at.getTime() - 2 * 86_400_000));
    const overdue = await repo.overdueRemeasures(db, FEVER_THRESHOLD, before, since);
    if (!overdue.length) return 0;
    const items: OpenAlert[] = [];
    for (const r of overdue) {
      const c = await repo.findCase(db, r.caseId);
      if (c) items.push(alertOf(c, 'remeasure', r.slotOn, r.slot as 'morning' | 'evening', r.id));
    }
    return (await transact(db, SYSTEM, (trx) => alerts.open(trx, items))).length;
  }

  return {
    jobs: [
      { name: 'health-missed-slots', everyMs: 15 * 60_000, run: async (slot) => void (await scanMissed(new Date(slot))) },
      { name: 'health-remeasures', everyMs: 5 * 60_000, run: async (slot) => void (await scanRemeasures(new Date(slot))) },
    ] as JobDefinition[],
    scanMissed,
    scanRemeasures,
    status,

    /** Report figures per case region for the dashboard's refresh job: the system's own reading, no access check. */
    async figures(w: FigureWindow): Promise<FigureRow[]> {
      const closed = new Map<ReportSlot, string>();
      for (const slot of REPORT_SLOTS) {
        const end = slotEnd(timeZone, windows, w.day, slot);
        if (end.getTime() <= Date.parse(w.to)) closed.set(slot, end.toISOString());
      }
      return repo.reportFigures(db, w, closed, zonedInstant(timeZone, addDays(w.day, 1), '00:00').toISOString());
    },

    /**
     * A report through the personal link: the slot follows from the time it was made
     * (`input.madeAt`, the phone's time when it waited offline; `at` by default; see `chooseSlot`),
     * and so does lateness. Made while the case was active but arriving after it closed (the link
     * ended with it), it is kept as a conflict for the case's staff instead (`{ conflict }`).
     */
    async submit(
      ip: string,
      call: CallContext,
      token: string,
      input: ReportInput,
      at: Date = new Date(),
    ): Promise<Submitted | { conflict: RecordedConflict }> {
      const { made } = madeAt(input.madeAt, 'madeAt', {}, at);
      requireReading('temperature', input.temperature);
      const found = await findCountingMisses(
        rateLimiter,
        `health:link:${ip}`,
        { max: LINK_MISS_LIMIT, windowSeconds: LINK_MISS_WINDOW_SECONDS },
        async () => {
          const live = await tokens.caseOf(token);
          if (live) return { live };
          const closed = await tokens.closedCaseOf(token, nowIso(made));
          return closed ? { closed } : undefined;
        },
        invalidLink,
      );
      if (found.closed) return { conflict: await keepClosed(call, found.closed, input, made, at) };
      const c = found.live!;
      const set = slotSet(await repo.reportedSlots(db, c.id, addDays(localDateTime(timeZone, made).date, -1)));
      const choice = chooseSlot(timeZone, windows, c, set, made);
      if (choice.kind === 'done') throw conflict('HEALTH_REPORT_DONE');
      if (choice.kind === 'not_due') {
        const w = choice.next ? windows[choice.next.slot] : null;
        throw new AppError(422, 'HEALTH_REPORT_NOT_DUE', { from: w ? `${choice.next!.slotOn} ${w.from}` : '—' });
      }
      const id = await record(
        call,
        c,
        {
          slotOn: choice.slotOn,
          slot: choice.slot,
          late: choice.late,
          temperature: input.temperature,
          remeasuredTemperature: null,
          symptoms: input.symptoms,
          feeling: input.feeling,
          helpRequest: input.helpRequest?.trim() || null,
          enteredBy: null,
          madeAt: nowIso(made),
        },
        at,
      );
      const remeasureDue = isFever(input.temperature);
      return {
        id,
        slotOn: choice.slotOn,
        slot: choice.slot,
        late: choice.late,
        remeasureDue,
        // The re-measure is due after the first reading was taken, not after it arrived.
        remeasureBy: remeasureDue ? nowIso(new Date(made.getTime() + remeasureMinutes * 60_000)) : null,
      };
    },

    /** The second reading after a fever one; a fever again alerts the medical observer. */
    async remeasure(ip: string, call: CallContext, token: string, input: RemeasureInput, at: Date = new Date()) {
      requireReading('temperature', input.temperature);
      const c = await caseByToken(ip, token);
      const pending = await repo.pendingRemeasure(db, c.id, FEVER_THRESHOLD, nowIso(new Date(at.getTime() - 12 * 3600_000)));
      if (!pending) throw conflict('REMEASURE_NOT_DUE');
      const fever = isFever(input.temperature);
      const slot = pending.slot as 'morning' | 'evening';
      await transact(db, call, async (trx) => {
        if (!(await repo.recordRemeasure(trx, pending.id, input.temperature, fever, nowIso())))
          throw conflict('REMEASURE_NOT_DUE');
        await auditWrite(trx, call, 'healthReport.remeasure', 'health_report', pending.id, c.regionPath, { caseId: c.id, fever });
        if (fever) await alerts.open(trx, [alertOf(c, 'fever', pending.slotOn, slot, pending.id, input.temperature)], call);
        await changed(trx, c, pending.id);
      });
      return { slotOn: pending.slotOn, slot, temperature: input.temperature, fever };
    },

    /** A report taken by phone and typed in by staff for the slot they name; late if after its window. */
    async enter(actor: Actor, call: CallContext, caseId: string, input: EnterReportInput, at: Date = new Date()) {
      const c = await repo.findCase(db, caseId);
      if (!c) throw notFound();
      requireAccess(actor, 'healthReports.enter', c.regionPath);
      if (c.status !== 'active') throw conflict('HEALTH_CASE_NOT_ACTIVE');
      requireReading('temperature', input.temperature);
      if (input.remeasuredTemperature != null) requireReading('remeasuredTemperature', input.remeasuredTemperature);
      if (input.slotOn < c.startsOn || input.slotOn > c.endsOn) throw invalidField('slotOn', 'field.health.slotOutsideCase');
      if (slotStart(timeZone, windows, input.slotOn, input.slot).getTime() > at.getTime())
        throw invalidField('slotOn', 'field.health.slotAhead');
      const late = at.getTime() >= slotEnd(timeZone, windows, input.slotOn, input.slot).getTime();
      const id = await record(
        call,
        c,
        {
          slotOn: input.slotOn,
          slot: input.slot,
          late,
          temperature: input.temperature,
          remeasuredTemperature: input.remeasuredTemperature ?? null,
          symptoms: input.symptoms,
          feeling: input.feeling,
          helpRequest: input.helpRequest?.trim() || null,
          enteredBy: actor.accountId,
        },
        at,
      );
      const remeasureDue = isFever(input.temperature) && input.remeasuredTemperature == null;
      return {
        id,
        slotOn: input.slotOn,
        slot: input.slot,
        late,
        remeasureDue,
        remeasureBy: remeasureDue ? nowIso(new Date(at.getTime() + remeasureMinutes * 60_000)) : null,
      };
    },

    /** A case's reports for the desk (the last 30 days), newest first. */
    async list(actor: Actor, caseId: string) {
      const c = await repo.findCase(db, caseId);
      if (!c) throw notFound();
      requireAccess(actor, 'quarantine.read', c.regionPath);
      const rows = await repo.reportsOf(db, c.id, addDays(localDateTime(timeZone, new Date()).date, -30), 60);
      return {
        items: rows.map(({ enteredByName, remeasuredAt: _at, ...r }) => ({
          ...r,
          enteredBy: r.enteredBy ? { accountId: r.enteredBy, name: enteredByName ?? '' } : null,
        })),
      };
    },
  };
}
