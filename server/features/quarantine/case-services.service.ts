import { maskMobile, maskName } from '../../../common/mask.ts';
import type { CaseServiceKind, ServiceKind } from '../../../common/enums.ts';
import { inScope, requireAccess, requireScope, scopeFor, type Actor } from '../../platform/access/actor.ts';
import { auditWrite, type CallContext } from '../../platform/audit/audit.ts';
import { addDays, calendarDate, zonedInstant } from '../../platform/dates.ts';
import { newId, nowIso } from '../../platform/db/ids.ts';
import { transact } from '../../platform/db/transact.ts';
import type { Deps } from '../../platform/deps.ts';
import { AppError, conflict, invalidField, notFound, type FieldProblem } from '../../platform/errors.ts';
import type { DisinfectionService, HomeVisit } from '../disinfection/disinfection.service.ts';
import type { RegionsService } from '../regions/regions.service.ts';
import type { VolunteersService } from '../volunteers/volunteers.service.ts';
import * as repo from './case-services.repository.ts';
import type {
  CaseService,
  CaseServiceLog,
  DueQueryInput,
  LogServiceInput,
  ScheduleServiceInput,
  UpdateServiceInput,
} from './case-services.schemas.ts';
import type { CasesService } from './cases.service.ts';

export type CaseServicesService = ReturnType<typeof caseServicesService>;

/** How a visit counts in the volunteer's service record. */
const RECORD_KIND: Record<CaseServiceKind, ServiceKind> = {
  disinfection: 'disinfection',
  supplies: 'errand',
  counselling: 'other',
};
const RECORD_TITLE: Record<CaseServiceKind, string> = {
  disinfection: '隔离户上门消杀',
  supplies: '隔离户物资配送',
  counselling: '隔离户心理疏导',
};

/** What each kind of visit must say: disinfection its area, agent and concentration; supplies the items; counselling a note. */
function logProblems(kind: CaseServiceKind, input: LogServiceInput): Record<string, FieldProblem> {
  const p: Record<string, FieldProblem> = {};
  const required = (field: keyof LogServiceInput) => {
    if (input[field] === undefined) p[field] = { reason: 'field.caseService.required' };
  };
  if (kind === 'disinfection') ['areaM2', 'agent', 'concentration'].forEach((f) => required(f as keyof LogServiceInput));
  if (kind === 'supplies') required('items');
  if (kind === 'counselling') required('note');
  return p;
}

/** How many visits a case's history shows. */
const HISTORY = 50;

/**
 * Services to isolated households (消杀 / 送物资 / 心理疏导), every N days for a volunteer.
 * Staff (quarantine.write) schedule and log; a volunteer (caseServices.log) sees and logs only the
 * services given to them, with the address and the name (they go to the door), the mobile masked.
 * A disinfection visit is a record of the disinfection feature (one record, in its totals), written
 * and read through its service; supplies and counselling visits stay in case_service_logs.
 */
export function caseServicesService(
  deps: Deps,
  {
    regions,
    cases,
    volunteers,
    disinfection,
  }: { regions: RegionsService; cases: CasesService; volunteers: VolunteersService; disinfection: DisinfectionService },
) {
  const {
    db: { db },
    events,
    config: { timeZone },
  } = deps;
  const today = () => calendarDate(timeZone);
  const homeVisits = disinfection.logs.homeVisits;

  /** The rows with their last visit day: disinfection visits are counted where they are kept. */
  async function withLastDone(rows: repo.ServiceRow[]): Promise<repo.ServiceRow[]> {
    const ids = rows.filter((r) => r.kind === 'disinfection').map((r) => r.id);
    if (ids.length === 0) return rows;
    const last = await homeVisits.lastDone(ids);
    return rows.map((r) => (r.kind === 'disinfection' ? { ...r, lastDoneOn: last.get(r.id) ?? null } : r));
  }

  function present(r: repo.ServiceRow, on: string, staff: boolean): CaseService {
    return {
      id: r.id,
      caseId: r.caseId,
      caseRef: r.caseRef,
      regionName: r.regionName,
      kind: r.kind as CaseServiceKind,
      everyDays: r.everyDays,
      nextOn: r.nextOn,
      due: Boolean(r.active) && r.caseStatus === 'active' && r.nextOn <= on,
      volunteer: r.volunteerId ? { id: r.volunteerId, name: r.volunteerName ?? '' } : null,
      note: r.note,
      active: Boolean(r.active),
      address: r.address,
      // Staff lists follow the case lists' masks; the volunteer at the door needs the name.
      personName: staff ? maskName(r.personName) : r.personName,
      mobile: r.mobile === null ? null : maskMobile(r.mobile),
      lastDoneOn: (r.lastDoneOn as string | null) ?? null,
    };
  }

  const presentLog = (l: Awaited<ReturnType<typeof repo.findLog>>): CaseServiceLog => ({
    ...l,
    kind: l.kind as CaseServiceKind,
    areaM2: l.areaM2 === null ? null : Number(l.areaM2),
    method: null,
    people: null,
    contactMinutes: null,
    signedOffAt: null,
  });

  const presentVisit = (v: HomeVisit): CaseServiceLog => ({
    id: v.id,
    kind: 'disinfection',
    doneOn: v.doneOn,
    doneAt: v.doneAt,
    byName: v.byName,
    areaM2: v.areaM2,
    agent: v.agent,
    concentration: v.concentration,
    items: null,
    note: v.note,
    method: v.method,
    people: v.people,
    contactMinutes: v.contactMinutes,
    signedOffAt: v.signedOffAt,
  });

  const changed = (q: typeof db, id: string, regionPath: string) =>
    events.publish(q, {
      type: 'caseService.changed',
      permission: 'quarantine.read',
      regionPath,
      entityType: 'case_service',
      entityId: id,
    });

  async function checkVolunteer(regionId: string, volunteerId: string | null | undefined) {
    if (!volunteerId) return;
    if (!(await repo.volunteerIn(db, await cases.areaPath(regionId), volunteerId)))
      throw invalidField('volunteerId', 'field.case.volunteer');
  }

  async function writable(actor: Actor, id: string): Promise<repo.ServiceRow> {
    const row = await repo.findService(db, id);
    if (!row) throw notFound();
    requireAccess(actor, 'quarantine.write', row.regionPath);
    return row;
  }

  return {
    async ofCase(actor: Actor, caseId: string) {
      await cases.get(actor, caseId);
      const on = today();
      const [services, logs, visits] = await Promise.all([
        repo.servicesOfCase(db, caseId).then(withLastDone),
        repo.logsOfCase(db, caseId),
        homeVisits.ofCase(caseId, HISTORY),
      ]);
      const history = [...logs.map(presentLog), ...visits.map(presentVisit)]
        .sort((a, b) => (a.doneAt === b.doneAt ? (a.id < b.id ? 1 : -1) : a.doneAt < b.doneAt ? 1 : -1))
        .slice(0, HISTORY);
      return { items: services.map((r) => present(r, on, true)), logs: history };
    },

    async schedule(actor: Actor, call: CallContext, caseId: string, input: ScheduleServiceInput): Promise<CaseService> {
      const c = await cases.find(caseId);
      if (!c) throw notFound();
      requireAccess(actor, 'quarantine.write', c.regionPath);
      if (c.status !== 'active') throw conflict('CASE_CLOSED');
      await checkVolunteer(c.regionId, input.volunteerId);
      const id = newId();
      const now = nowIso();
      await transact(db, call, async (trx) => {
        await repo.insertService(trx, {
          id,
          caseId,
          kind: input.kind,
          everyDays: input.everyDays,
          nextOn: input.startsOn,
          volunteerId: input.volunteerId ?? null,
          note: input.note?.trim() ?? null,
          active: 1,
          createdAt: now,
          updatedAt: now,
        });
        await auditWrite(trx, call, 'caseService.schedule', 'case_service', id, c.regionPath, {
          caseId,
          kind: input.kind,
          everyDays: input.everyDays,
          volunteerId: input.volunteerId ?? null,
        });
        await changed(trx, id, c.regionPath);
      });
      return present((await withLastDone([(await repo.findService(db, id))!]))[0]!, today(), true);
    },

    async update(actor: Actor, call: CallContext, id: string, input: UpdateServiceInput): Promise<CaseService> {
      const row = await writable(actor, id);
      if (row.caseStatus !== 'active') throw conflict('CASE_CLOSED');
      await checkVolunteer(row.regionId, input.volunteerId);
      const set = {
        ...(input.everyDays !== undefined ? { everyDays: input.everyDays } : {}),
        ...(input.nextOn !== undefined ? { nextOn: input.nextOn } : {}),
        ...(input.volunteerId !== undefined ? { volunteerId: input.volunteerId } : {}),
        ...(input.active !== undefined ? { active: input.active ? 1 : 0 } : {}),
      };
      await transact(db, call, async (trx) => {
        await repo.updateService(trx, id, { ...set, updatedAt: nowIso() });
        await auditWrite(trx, call, 'caseService.update', 'case_service', id, row.regionPath, { ...set });
        await changed(trx, id, row.regionPath);
      });
      return present((await withLastDone([(await repo.findService(db, id))!]))[0]!, today(), true);
    },

    async due(actor: Actor, query: DueQueryInput) {
      const scope = requireScope(actor, 'quarantine.read');
      const regionPath = await regions.readablePath(actor, 'quarantine.read', query.regionId);
      const on = query.on ?? today();
      const rows = await withLastDone(await repo.dueServices(db, scope, on, regionPath));
      return { items: rows.map((r) => present(r, on, true)) };
    },

    /** The caller's own services as a volunteer (none without a volunteer record). */
    async mine(actor: Actor, on: string | undefined) {
      requireScope(actor, 'caseServices.log');
      const me = await volunteers.byAccount(actor.accountId);
      if (!me) return { items: [] };
      const day = on ?? today();
      const rows = await withLastDone(await repo.servicesOfVolunteer(db, me.id));
      return { items: rows.map((r) => present(r, day, false)) };
    },

    /**
     * A visit done: logged by the volunteer it is given to or by staff of the area. Moves the next
     * visit to `every_days` after it, and counts in the volunteer's service record.
     */
    async log(actor: Actor, call: CallContext, id: string, input: LogServiceInput): Promise<CaseServiceLog> {
      requireScope(actor, 'caseServices.log');
      const row = await repo.findService(db, id);
      if (!row) throw notFound();
      const staff = inScope(scopeFor(actor, 'quarantine.write'), row.regionPath);
      const mine = row.volunteerAccountId !== null && row.volunteerAccountId === actor.accountId;
      if (!staff && !mine) throw notFound();
      if (row.caseStatus !== 'active' || !row.active) throw conflict('CASE_SERVICE_STOPPED');
      const on = today();
      const doneOn = input.doneOn ?? on;
      if (doneOn > on) throw invalidField('doneOn', 'field.caseService.doneInFuture');
      if (doneOn < addDays(on, -7)) throw invalidField('doneOn', 'field.caseService.doneTooOld', { days: 7 });
      const kind = row.kind as CaseServiceKind;
      const problems = logProblems(kind, input);
      if (Object.keys(problems).length) throw new AppError(422, 'VALIDATION', {}, problems);
      const now = nowIso();
      // A visit logged the next morning happened on its day, not now: midday of it stands for the time.
      const doneAt = doneOn === on ? now : zonedInstant(timeZone, doneOn, '12:00').toISOString();
      const doer = mine ? { id: row.volunteerId!, name: row.volunteerName } : await volunteers.byAccount(actor.accountId);
      const logId = await transact(db, call, async (trx) => {
        const written =
          kind === 'disinfection'
            ? await homeVisits.log(trx, call, {
                caseId: row.caseId,
                caseServiceId: row.id,
                regionId: row.regionId,
                regionPath: row.regionPath,
                doneAt,
                doneOn,
                byAccountId: actor.accountId,
                areaM2: input.areaM2!,
                agent: input.agent!.trim(),
                concentration: input.concentration!.trim(),
                method: input.method ?? 'spray',
                people: input.people ?? 1,
                contactMinutes: input.contactMinutes ?? null,
                note: input.note?.trim() ?? null,
              })
            : newId();
        if (kind !== 'disinfection') {
          await repo.insertLog(trx, {
            id: written,
            caseId: row.caseId,
            serviceId: row.id,
            kind,
            regionId: row.regionId,
            doneAt,
            doneOn,
            byAccountId: actor.accountId,
            areaM2: null,
            agent: null,
            concentration: null,
            items: kind === 'supplies' ? input.items!.trim() : null,
            note: input.note?.trim() ?? null,
            createdAt: now,
          });
        }
        const nextOn = addDays(doneOn, row.everyDays);
        if (nextOn > row.nextOn) await repo.updateService(trx, row.id, { nextOn, updatedAt: now });
        if (doer) {
          await volunteers.recordService(trx, {
            volunteerId: doer.id,
            kind: RECORD_KIND[kind],
            sourceId: written,
            title: `${RECORD_TITLE[kind]}（${row.caseRef}）`,
            hours: null,
            occurredOn: doneOn,
            createdBy: actor.accountId,
          });
        }
        await auditWrite(trx, call, 'caseService.log', 'case_service', row.id, row.regionPath, {
          caseId: row.caseId,
          kind,
          doneOn,
          areaM2: input.areaM2 ?? null,
          serviceRecord: Boolean(doer),
          logId: written,
        });
        await changed(trx, row.id, row.regionPath);
        return written;
      });
      if (kind === 'disinfection') return presentVisit((await homeVisits.find(logId))!);
      return presentLog(await repo.findLog(db, logId));
    },
  };
}
