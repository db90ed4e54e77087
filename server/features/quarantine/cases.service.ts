import type { Kysely } from 'kysely';
import type { CloseKind, IsolationKind, StartBasis } from '../../../common/enums.ts';
import { maskIdCard, maskMobile, maskName } from '../../../common/mask.ts';
import { inScope, requireAccess, requireScope, scopeFor, type Actor } from '../../platform/access/actor.ts';
import { auditWrite, writeAudit, type CallContext } from '../../platform/audit/audit.ts';
import { addDays, calendarDate, dateRange } from '../../platform/dates.ts';
import { isUniqueViolation } from '../../platform/db/dialect.ts';
import { newId, nowIso } from '../../platform/db/ids.ts';
import type { Database, IsolationCaseTable } from '../../platform/db/schema.ts';
import { transact } from '../../platform/db/transact.ts';
import type { Deps } from '../../platform/deps.ts';
import { AppError, conflict, invalidField, notFound } from '../../platform/errors.ts';
import type { JobDefinition } from '../../platform/jobs/scheduler.ts';
import { requireIdNumber, sealIdNumber } from '../../platform/pii/identity.ts';
import type { AccountsService } from '../accounts/accounts.service.ts';
import type { FigureWindow } from '../dashboard/figure-sources.ts';
import type { RegionsService } from '../regions/regions.service.ts';
import * as repo from './cases.repository.ts';
import {
  ANONYMISED_NAME,
  dayCounter,
  endsOnFor,
  observerOnly,
  peopleKeptFrom,
  refOf,
  refPrefix,
  releaseBlock,
} from './cases.rules.ts';
import { anonymisePeople, inBatches, SYSTEM } from './people.ts';
import type {
  AssignCaseInput,
  CaseDetail,
  CaseQueryInput,
  CaseSummary,
  ExtendCaseInput,
  OpenCaseInput,
  ReleaseCaseInput,
  SourcesQueryInput,
  TransferCaseInput,
} from './cases.schemas.ts';

export type CasesService = ReturnType<typeof casesService>;

const MINUTE = 60_000;
const REPORT_DAYS = 14;
const GRID_WORKER_ROLES = ['region_manager', 'team_leader'] as const;

type Assignments = Pick<IsolationCaseTable, 'gridWorkerId' | 'medicalObserverId' | 'volunteerId'>;

/**
 * Isolation cases (居家隔离 / 集中隔离): opened for a returnee, a close contact or anyone staff
 * name, followed day by day until released or transferred to hospital, then anonymised after the
 * retention period. quarantine.read / write over the case's region; a medical observer sees the
 * cases they observe. The person is masked everywhere but the audited reveal and the notice.
 */
export function casesService(deps: Deps, { regions, accounts }: { regions: RegionsService; accounts: AccountsService }) {
  const {
    db: { db },
    events,
    pii,
    config,
  } = deps;
  const { timeZone } = config;
  const today = () => calendarDate(timeZone);

  const changed = (q: Kysely<Database>, type: string, id: string, regionPath: string) =>
    events.publish(q, { type, permission: 'quarantine.read', regionPath, entityType: 'isolation_case', entityId: id });

  async function visible(actor: Actor, permission: 'quarantine.read' | 'quarantine.write', id: string): Promise<repo.CaseRow> {
    const row = await repo.findCase(db, id);
    if (!row) throw notFound();
    requireAccess(actor, permission, row.regionPath);
    if (permission === 'quarantine.read' && observerOnly(actor) && row.medicalObserverId !== actor.accountId) throw notFound();
    return row;
  }

  async function active(actor: Actor, id: string): Promise<repo.CaseRow> {
    const row = await visible(actor, 'quarantine.write', id);
    if (row.status !== 'active') throw conflict('CASE_CLOSED');
    return row;
  }

  function summary(r: repo.CaseRow, on: string): CaseSummary {
    const named = (id: string | null, name: string | null) => (id ? { id, name: name ?? '' } : null);
    const gone = r.anonymisedAt !== null;
    return {
      id: r.id,
      ref: r.ref,
      regionId: r.regionId,
      regionName: r.regionName,
      personName: gone ? ANONYMISED_NAME : maskName(r.personName),
      mobile: r.mobile === null ? null : maskMobile(r.mobile),
      address: r.address,
      kind: r.kind as IsolationKind,
      plan: r.plan,
      planDays: r.planDays,
      startBasis: r.startBasis as StartBasis,
      startsOn: r.startsOn,
      endsOn: r.endsOn,
      status: r.status as CaseSummary['status'],
      counter: dayCounter(r.startsOn, r.endsOn, r.closedOn ?? on),
      gridWorker: named(r.gridWorkerId, r.gridWorkerName),
      medicalObserver: named(r.medicalObserverId, r.medicalObserverName),
      volunteer: named(r.volunteerId, r.volunteerName),
      closedOn: r.closedOn,
      closeKind: r.closeKind as CloseKind | null,
      anonymised: gone,
    };
  }

  const idNumberOf = (r: repo.CaseRow) => (r.idNumberEnc === null ? null : pii.decrypt(r.idNumberEnc));

  /** The community a case is kept in: a grid's parent, a community itself. */
  async function areaOf(region: repo.RegionInfo): Promise<repo.RegionInfo> {
    if (region.level !== 'grid') return region;
    const parentId = region.path.split('/').filter(Boolean).at(-2)!;
    return (await repo.regionOf(db, parentId))!;
  }

  async function checkAssignments(regionPath: string, areaPath: string, a: Partial<Assignments>): Promise<void> {
    if (a.gridWorkerId && (await repo.staffAround(db, regionPath, areaPath, GRID_WORKER_ROLES, a.gridWorkerId)).length === 0) {
      throw invalidField('gridWorkerId', 'field.case.gridWorker');
    }
    if (
      a.medicalObserverId &&
      (await repo.staffAround(db, regionPath, areaPath, ['medical_observer'], a.medicalObserverId)).length === 0
    ) {
      throw invalidField('medicalObserverId', 'field.case.medicalObserver');
    }
    if (a.volunteerId && (await repo.volunteersIn(db, areaPath, a.volunteerId)).length === 0) {
      throw invalidField('volunteerId', 'field.case.volunteer');
    }
  }

  /** The source row (returnee or contact) the case starts from, in the caller's scope. */
  async function sourceOf(actor: Actor, input: OpenCaseInput) {
    if (input.returneeId && input.contactId) throw invalidField('contactId', 'field.case.oneSource');
    const from = input.returneeId
      ? { table: 'returnees' as const, id: input.returneeId, basis: 'return' as const }
      : input.contactId
        ? { table: 'contacts' as const, id: input.contactId, basis: 'exposure' as const }
        : undefined;
    if (!from) return undefined;
    const s = await repo.source(db, from.table, from.id);
    if (!s) throw notFound();
    requireAccess(actor, 'quarantine.write', s.regionPath);
    if (s.anonymisedAt) throw conflict('CASE_SOURCE_ANONYMISED');
    return { ...s, basis: from.basis };
  }

  async function newRef(q: Kysely<Database>, region: repo.RegionInfo): Promise<string> {
    const ids = region.path.split('/').filter(Boolean);
    const county = (await repo.regionsByIds(q, ids)).find((r) => r.level === 'county');
    const prefix = refPrefix(county?.code ?? null);
    return refOf(prefix, (await repo.lastRefSequence(q, prefix)) + 1);
  }

  async function event(
    q: Kysely<Database>,
    caseId: string,
    kind: string,
    by: string | null,
    detail: Record<string, unknown> = {},
    reason: string | null = null,
  ) {
    await repo.insertEvent(q, {
      id: newId(),
      caseId,
      kind,
      detail: JSON.stringify(detail),
      reason,
      byAccountId: by,
      at: nowIso(),
    });
  }

  async function detail(row: repo.CaseRow): Promise<CaseDetail> {
    const on = today();
    const last = row.closedOn ?? (on < row.endsOn ? on : row.endsOn);
    const first = addDays(last, -(REPORT_DAYS - 1)) < row.startsOn ? row.startsOn : addDays(last, -(REPORT_DAYS - 1));
    const reports = await repo.reportsOf(db, row.id, first, last);
    const cell = (date: string, slot: string) => {
      const r = reports.find((x) => x.slotOn === date && x.slot === slot);
      return r
        ? {
            temperature: r.remeasuredTemperature ?? r.temperature,
            fever: r.fever,
            symptoms: r.symptoms.length,
            help: r.helpRequest !== null,
            late: r.late,
          }
        : null;
    };
    const idNumber = idNumberOf(row);
    return {
      ...summary(row, on),
      idNumber: idNumber === null ? null : maskIdCard(idNumber),
      householdId: row.householdId,
      returneeId: row.returneeId,
      contactId: row.contactId,
      closeReason: row.closeReason,
      hospital: row.hospital,
      createdAt: row.createdAt,
      events: (await repo.eventsOf(db, row.id)).map((e) => ({
        id: e.id,
        kind: e.kind,
        detail: e.detail ? (JSON.parse(e.detail) as Record<string, unknown>) : {},
        reason: e.reason,
        byName: e.byName,
        at: e.at,
      })),
      reports: dateRange(first, last).map((date) => ({ date, morning: cell(date, 'morning'), evening: cell(date, 'evening') })),
      windowCloses: { morning: config.reportWindows.morning.to, evening: config.reportWindows.evening.to },
      openAlerts: await repo.openAlerts(db, row.id),
    };
  }

  async function reload(id: string): Promise<CaseDetail> {
    return detail((await repo.findCase(db, id))!);
  }

  /** Closes an active case (released or transferred): services stop, the person's links end. */
  async function close(
    actor: Actor,
    call: CallContext,
    row: repo.CaseRow,
    set: Partial<IsolationCaseTable> & { closeKind: CloseKind },
    eventKind: string,
    eventDetail: Record<string, unknown>,
    reason: string | null,
  ): Promise<CaseDetail> {
    const now = nowIso();
    await transact(db, call, async (trx) => {
      const done = await repo.updateActive(trx, row.id, { ...set, closedOn: today(), updatedAt: now });
      if (!done) throw conflict('CASE_CLOSED');
      await repo.revokeTokens(trx, row.id, now);
      await repo.stopServices(trx, row.id, now);
      await event(trx, row.id, eventKind, actor.accountId, eventDetail, reason);
      await auditWrite(trx, call, `case.${eventKind}`, 'isolation_case', row.id, row.regionPath, {
        ref: row.ref,
        ...eventDetail,
      });
      await changed(trx, 'case.closed', row.id, row.regionPath);
    });
    return reload(row.id);
  }

  /**
   * Past the retention period after a case closed, the person leaves it (name, ID number, mobile,
   * address, household) and their reports lose their help requests; then returnees and close
   * contacts past their watch and the retention period, once no case still holding a person names
   * them. One audit record per kind counts what went.
   */
  async function anonymise(at: string): Promise<{ cases: number; reports: number; returnees: number; contacts: number }> {
    const today = calendarDate(timeZone, new Date(at));
    const before = addDays(today, -config.healthRetentionDays);
    const batches = await inBatches(
      db,
      (limit) => repo.dueForAnonymising(db, before, limit),
      (trx, ids) => repo.anonymise(trx, ids, nowIso()),
    );
    const total = {
      cases: batches.reduce((n, b) => n + b.cases, 0),
      reports: batches.reduce((n, b) => n + b.reports, 0),
    };
    if (total.cases > 0) {
      await writeAudit(db, {
        ...SYSTEM,
        action: 'cases.anonymise',
        entityType: 'isolation_case',
        entityId: null,
        detail: { before, ...total, fields: ['personName', 'idNumber', 'mobile', 'address', 'householdId', 'helpRequest'] },
      });
    }
    const startedBefore = peopleKeptFrom(today, config.isolationPlans[0]!.days, config.healthRetentionDays);
    return {
      ...total,
      returnees: await anonymisePeople(db, 'returnee', startedBefore),
      contacts: await anonymisePeople(db, 'contact', startedBefore),
    };
  }

  const jobs: JobDefinition[] = [
    { name: 'cases-anonymise', everyMs: 24 * 60 * MINUTE, run: async (slot) => void (await anonymise(slot)) },
  ];

  return {
    jobs,
    anonymise,
    /** For case services: the case behind a service, unmasked, with its region path. No access check. */
    find: (id: string) => repo.findCase(db, id),
    /** The community a case of this region is kept in (a grid's parent), for "a volunteer of the area". */
    areaPath: async (regionId: string) => (await areaOf((await repo.regionOf(db, regionId))!)).path,
    /** Case figures per region for the dashboard's refresh job: the system's own reading, no access check. */
    figures: (w: FigureWindow) => repo.caseFigures(db, w),

    async list(actor: Actor, query: CaseQueryInput): Promise<{ items: CaseSummary[]; total: number }> {
      const scope = requireScope(actor, 'quarantine.read');
      const regionPath = await regions.readablePath(actor, 'quarantine.read', query.regionId);
      const on = today();
      const { items, total } = await repo.listCases(db, scope, {
        ...(regionPath ? { regionPath } : {}),
        ...(query.status ? { status: query.status } : {}),
        ...(query.kind ? { kind: query.kind } : {}),
        ...(query.due ? { dueOn: on } : {}),
        ...(observerOnly(actor) ? { observerId: actor.accountId } : {}),
        limit: query.limit ?? 50,
        offset: query.offset ?? 0,
      });
      return { items: items.map((r) => summary(r, on)), total };
    },

    async get(actor: Actor, id: string): Promise<CaseDetail> {
      return detail(await visible(actor, 'quarantine.read', id));
    },

    /** Who may be given the cases of a place, and the plans to choose from. */
    async assignees(actor: Actor, regionId: string) {
      const path = await regions.readablePath(actor, 'quarantine.write', regionId);
      const region = (await repo.regionOf(db, regionId))!;
      const area = await areaOf(region);
      return {
        gridWorkers: await repo.staffAround(db, path!, area.path, GRID_WORKER_ROLES),
        medicalObservers: await repo.staffAround(db, path!, area.path, ['medical_observer']),
        volunteers: await repo.volunteersIn(db, area.path),
        plans: config.isolationPlans,
      };
    },

    /** Returnees told to isolate and close contacts with no case yet: where a case is usually opened from. */
    async sources(actor: Actor, query: SourcesQueryInput) {
      const scope = requireScope(actor, 'quarantine.write');
      const regionPath = await regions.readablePath(actor, 'quarantine.write', query.regionId);
      const rows = await repo.sources(db, scope, query.kind, regionPath, query.limit ?? 50);
      return {
        items: rows.map((r) => ({
          id: r.id,
          regionId: r.regionId,
          regionName: r.regionName,
          personName: maskName(r.name),
          mobile: r.mobile === null ? null : maskMobile(r.mobile),
          startsOn: r.startsOn,
          detail: r.detail,
        })),
      };
    },

    async open(actor: Actor, call: CallContext, input: OpenCaseInput): Promise<CaseDetail> {
      requireScope(actor, 'quarantine.write');
      const source = await sourceOf(actor, input);
      const regionId = input.regionId ?? source?.regionId;
      if (!regionId) throw invalidField('regionId', 'field.case.regionRequired');
      const region = await repo.regionOf(db, regionId);
      if (!region) throw notFound();
      requireAccess(actor, 'quarantine.write', region.path);
      if (region.level !== 'community' && region.level !== 'grid') throw invalidField('regionId', 'field.case.regionLevel');
      const area = await areaOf(region);

      const name = source?.name ?? input.personName?.trim();
      if (!name) throw invalidField('personName', 'field.case.nameRequired');
      const sealed = source
        ? source.idNumberEnc && source.idNumberIndex
          ? { idNumberEnc: source.idNumberEnc, idNumberIndex: source.idNumberIndex }
          : null
        : input.idNumber
          ? sealIdNumber(pii, requireIdNumber(input.idNumber))
          : null;
      const mobile = input.mobile ?? source?.mobile ?? null;
      if (!sealed && !mobile) throw invalidField('mobile', 'field.case.identityRequired');

      const householdId = input.householdId ?? source?.householdId ?? null;
      if (householdId) {
        const hp = await repo.householdRegionPath(db, householdId);
        if (!hp || !hp.startsWith(area.path)) throw invalidField('householdId', 'field.case.household');
      }
      const plan = input.plan ? config.isolationPlans.find((p) => p.code === input.plan) : config.isolationPlans[0]!;
      if (!plan) throw invalidField('plan', 'field.case.plan');
      const on = today();
      const startsOn = input.startsOn ?? source?.startsOn ?? on;
      if (startsOn > on) throw invalidField('startsOn', 'field.case.startsInFuture');
      const endsOn = endsOnFor(startsOn, plan.days);
      if (endsOn < on) throw invalidField('startsOn', 'field.case.alreadyOver', { days: plan.days });

      // Defaults: the nearest staff of the place (DESIGN.md §6: the community's doctor observes).
      const assignments: Assignments = {
        gridWorkerId: input.gridWorkerId ?? (await accounts.staffOf(db, region.path, GRID_WORKER_ROLES))[0] ?? null,
        medicalObserverId: input.medicalObserverId ?? (await accounts.staffOf(db, region.path, ['medical_observer']))[0] ?? null,
        volunteerId: input.volunteerId ?? null,
      };
      await checkAssignments(region.path, area.path, {
        ...(input.gridWorkerId ? { gridWorkerId: input.gridWorkerId } : {}),
        ...(input.medicalObserverId ? { medicalObserverId: input.medicalObserverId } : {}),
        ...(input.volunteerId ? { volunteerId: input.volunteerId } : {}),
      });

      const id = newId();
      const now = nowIso();
      // A reference taken by a parallel opening is taken again.
      for (let attempt = 0; ; attempt++) {
        try {
          await transact(db, call, async (trx) => {
            const other = await repo.activeCaseOf(trx, { idNumberIndex: sealed?.idNumberIndex ?? null, name, mobile });
            if (other) throw conflict('CASE_ACTIVE_EXISTS', { ref: other });
            const ref = await newRef(trx, region);
            await repo.insertCase(trx, {
              id,
              ref,
              regionId: region.id,
              householdId,
              returneeId: input.returneeId ?? null,
              contactId: input.contactId ?? null,
              personName: name,
              idNumberEnc: sealed?.idNumberEnc ?? null,
              idNumberIndex: sealed?.idNumberIndex ?? null,
              mobile,
              address: input.address?.trim() ?? source?.address ?? null,
              kind: input.kind,
              plan: plan.code,
              planDays: plan.days,
              startBasis: input.startBasis ?? source?.basis ?? 'other',
              startsOn,
              endsOn,
              status: 'active',
              ...assignments,
              closedOn: null,
              closeKind: null,
              closeReason: null,
              hospital: null,
              createdBy: actor.accountId,
              createdAt: now,
              updatedAt: now,
              anonymisedAt: null,
            });
            await event(trx, id, 'opened', actor.accountId, { plan: plan.code, startsOn, endsOn, kind: input.kind });
            await auditWrite(trx, call, 'case.open', 'isolation_case', id, region.path, {
              ref,
              kind: input.kind,
              plan: plan.code,
              returneeId: input.returneeId ?? null,
              contactId: input.contactId ?? null,
            });
            await changed(trx, 'case.opened', id, region.path);
          });
          break;
        } catch (e) {
          if (attempt < 3 && isUniqueViolation(e)) continue;
          throw e;
        }
      }
      return reload(id);
    },

    async assign(actor: Actor, call: CallContext, id: string, input: AssignCaseInput): Promise<CaseDetail> {
      const row = await active(actor, id);
      const region = (await repo.regionOf(db, row.regionId))!;
      const area = await areaOf(region);
      await checkAssignments(row.regionPath, area.path, {
        ...(input.gridWorkerId ? { gridWorkerId: input.gridWorkerId } : {}),
        ...(input.medicalObserverId ? { medicalObserverId: input.medicalObserverId } : {}),
        ...(input.volunteerId ? { volunteerId: input.volunteerId } : {}),
      });
      const set: Partial<Assignments> = {};
      for (const key of ['gridWorkerId', 'medicalObserverId', 'volunteerId'] as const) {
        if (input[key] !== undefined && input[key] !== row[key]) set[key] = input[key];
      }
      if (Object.keys(set).length === 0) return detail(row);
      await transact(db, call, async (trx) => {
        if (!(await repo.updateActive(trx, id, { ...set, updatedAt: nowIso() }))) throw conflict('CASE_CLOSED');
        await event(trx, id, 'assigned', actor.accountId, set);
        await auditWrite(trx, call, 'case.assign', 'isolation_case', id, row.regionPath, set);
        await changed(trx, 'case.changed', id, row.regionPath);
      });
      return reload(id);
    },

    async extend(actor: Actor, call: CallContext, id: string, input: ExtendCaseInput): Promise<CaseDetail> {
      const row = await active(actor, id);
      if (input.endsOn <= row.endsOn) throw invalidField('endsOn', 'field.case.extendAfter', { endsOn: row.endsOn });
      await transact(db, call, async (trx) => {
        if (!(await repo.updateActive(trx, id, { endsOn: input.endsOn, updatedAt: nowIso() }))) throw conflict('CASE_CLOSED');
        const d = { from: row.endsOn, to: input.endsOn };
        await event(trx, id, 'extended', actor.accountId, d, input.reason.trim());
        await auditWrite(trx, call, 'case.extend', 'isolation_case', id, row.regionPath, d);
        await changed(trx, 'case.changed', id, row.regionPath);
      });
      return reload(id);
    },

    /** Normal release from the last day on, with both of its reports normal; early release with a reason. */
    async release(actor: Actor, call: CallContext, id: string, input: ReleaseCaseInput): Promise<CaseDetail> {
      const row = await active(actor, id);
      const on = today();
      if (input.early) {
        if (!input.reason) throw invalidField('reason', 'field.case.reasonRequired');
        return close(
          actor,
          call,
          row,
          { status: 'released', closeKind: 'early', closeReason: input.reason.trim() },
          'released_early',
          { endsOn: row.endsOn },
          input.reason.trim(),
        );
      }
      const lastDay = (await repo.reportsOf(db, row.id, row.endsOn, row.endsOn)).map((r) => ({
        slot: r.slot,
        fever: r.fever,
        symptoms: r.symptoms,
      }));
      const block = releaseBlock(row.endsOn, on, lastDay);
      if (block)
        throw new AppError(409, block.code, block.code === 'CASE_NOT_DUE' ? { endsOn: block.endsOn } : { date: row.endsOn });
      return close(
        actor,
        call,
        row,
        { status: 'released', closeKind: 'normal', closeReason: null },
        'released',
        { endsOn: row.endsOn },
        null,
      );
    },

    async transfer(actor: Actor, call: CallContext, id: string, input: TransferCaseInput): Promise<CaseDetail> {
      const row = await active(actor, id);
      const hospital = input.hospital.trim();
      const reason = input.reason.trim();
      return close(
        actor,
        call,
        row,
        { status: 'transferred', closeKind: 'transferred', closeReason: reason, hospital },
        'transferred',
        { hospital },
        reason,
      );
    },

    /** The person behind the masks, for a caller who may reveal them there; audited. */
    async reveal(actor: Actor, call: CallContext, id: string) {
      const row = await visible(actor, 'quarantine.read', id);
      requireAccess(actor, 'quarantine.reveal', row.regionPath);
      if (row.anonymisedAt !== null) throw conflict('CASE_ANONYMISED');
      await auditWrite(db, call, 'case.reveal', 'isolation_case', id, row.regionPath, {
        fields: ['personName', 'idNumber', 'mobile'],
      });
      return { personName: row.personName, idNumber: idNumberOf(row), mobile: row.mobile, address: row.address };
    },

    /** What the printed 解除隔离告知书 says: the name in full (it is handed to the person), the ID masked. Audited. */
    async releaseNotice(actor: Actor, call: CallContext, id: string) {
      const row = await visible(actor, 'quarantine.read', id);
      if (row.status !== 'released' || row.closedOn === null) throw conflict('CASE_NOT_RELEASED');
      if (row.anonymisedAt !== null) throw conflict('CASE_ANONYMISED');
      const area = await areaOf((await repo.regionOf(db, row.regionId))!);
      await auditWrite(db, call, 'case.releaseNotice', 'isolation_case', id, row.regionPath, { ref: row.ref });
      const idNumber = idNumberOf(row);
      return {
        ref: row.ref,
        personName: row.personName,
        idNumber: idNumber === null ? null : maskIdCard(idNumber),
        address: row.address,
        kind: row.kind as IsolationKind,
        startsOn: row.startsOn,
        endsOn: row.endsOn,
        releasedOn: row.closedOn,
        closeKind: row.closeKind as CloseKind,
        communityName: area.name,
        regionName: row.regionName,
      };
    },

    /** Whether the actor may work this case's services as staff (quarantine.write over its region). */
    canWrite: (actor: Actor, regionPath: string) => inScope(scopeFor(actor, 'quarantine.write'), regionPath),
  };
}
