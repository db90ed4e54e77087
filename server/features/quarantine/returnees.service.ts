import type { Kysely } from 'kysely';
import { idCardProblem, normalizeIdCard } from '../../../common/idcard.ts';
import { maskIdCard, maskMobile, maskName } from '../../../common/mask.ts';
import { proposeMeasure, type Proposal } from '../../../common/measures.ts';
import { inScope, requireAccess, requireScope, scopeFor, type Actor } from '../../platform/access/actor.ts';
import { auditWrite, type CallContext } from '../../platform/audit/audit.ts';
import { addDays, calendarDate, daysBetween } from '../../platform/dates.ts';
import { newId, nowIso } from '../../platform/db/ids.ts';
import type { Database } from '../../platform/db/schema.ts';
import { transact } from '../../platform/db/transact.ts';
import type { Deps } from '../../platform/deps.ts';
import { AppError, conflict, invalidField, notFound, type FieldProblem } from '../../platform/errors.ts';
import { sealIdNumber } from '../../platform/pii/identity.ts';
import type { RegionsService } from '../regions/regions.service.ts';
import type { RiskAreasService } from '../risk-areas/risk-areas.service.ts';
import type { FollowUpsService } from './follow-ups.service.ts';
import * as repo from './returnees.repository.ts';
import { normaliseTrip, RETURN_WINDOW_DAYS, returnDateProblem, tripProblem } from './returnees.rules.ts';
import type {
  CreateReturneeInput,
  MeasureInput,
  PersonOut,
  PersonReveal,
  Returnee,
  ReturneeQueryInput,
  UpdateReturneeInput,
} from './returnees.schemas.ts';

export type ReturneesService = ReturnType<typeof returneesService>;

/** What closing the follow-up task says (the task's outcome, read by the community's staff). */
const REGISTERED_OUTCOME = '已登记为返乡人员 / registered as returnee';
/** Returnees and contacts live in a community or one of its grids, where staff visit them. */
const PLACE_LEVELS: ReadonlySet<string> = new Set(['community', 'grid']);

export function invalid(problems: Record<string, FieldProblem>): AppError | null {
  return Object.keys(problems).length ? new AppError(422, 'VALIDATION', {}, problems) : null;
}

/**
 * The person and place checks returnees and close contacts share: a community or grid the caller
 * may write in (another's looks missing), a household there (one they cannot see is a wrong value
 * in the form), an ID number checked and sealed, and the masks every answer wears.
 */
export function quarantinePeople(deps: Deps) {
  const { db } = deps.db;
  const { pii } = deps;

  return {
    async place(actor: Actor, regionId: string, householdId: string | null, problems: Record<string, FieldProblem>) {
      const region = await repo.placeOf(db, regionId);
      if (!region) throw notFound();
      requireAccess(actor, 'quarantine.write', region.path);
      if (!PLACE_LEVELS.has(region.level)) problems.regionId ??= { reason: 'field.quarantinePerson.regionLevel' };
      if (householdId !== null) {
        const household = await repo.householdOf(db, householdId);
        if (!household || !inScope(scopeFor(actor, 'quarantine.write'), household.regionPath)) {
          problems.householdId ??= { reason: 'field.quarantinePerson.household' };
        }
      }
      return region;
    },

    /** Sealed columns for a typed ID number (null clears it); a problem when it does not check. */
    idNumber(raw: string | null, problems: Record<string, FieldProblem>) {
      if (raw === null) return { idNumberEnc: null, idNumberIndex: null };
      const problem = idCardProblem(raw);
      if (problem) {
        problems.idNumber ??= { reason: `field.idCard.${problem}` };
        return { idNumberEnc: null, idNumberIndex: null };
      }
      return sealIdNumber(pii, normalizeIdCard(raw));
    },

    masked(row: { name: string; idNumberEnc: string | null; mobile: string | null; address: string | null }): PersonOut {
      return {
        name: maskName(row.name),
        idNumber: row.idNumberEnc === null ? null : maskIdCard(pii.decrypt(row.idNumberEnc)),
        mobile: row.mobile === null ? null : maskMobile(row.mobile),
        address: row.address,
      };
    },

    revealed(row: { name: string; idNumberEnc: string | null; mobile: string | null }): PersonReveal {
      return { name: row.name, idNumber: row.idNumberEnc === null ? null : pii.decrypt(row.idNumberEnc), mobile: row.mobile };
    },
  };
}

/**
 * Returnees (返乡人员): staff of a community register who came back, from where and how; the rules
 * (common/measures.ts) propose a measure and staff confirm it or choose another with a reason.
 * quarantine.read / quarantine.write over the community; quarantine.reveal (audited) for the
 * person behind the masks. A follow-up task of the passage log may be registered here, which
 * closes it in the same transaction.
 */
export function returneesService(
  deps: Deps,
  { regions, riskAreas, followUps }: { regions: RegionsService; riskAreas: RiskAreasService; followUps: FollowUpsService },
) {
  const {
    db: { db },
    events,
    config: { timeZone },
  } = deps;
  const people = quarantinePeople(deps);

  const changed = (q: Kysely<Database>, type: string, id: string, regionPath: string) =>
    events.publish(q, { type, permission: 'quarantine.read', regionPath, entityType: 'returnee', entityId: id });

  async function visible(actor: Actor, permission: 'quarantine.read' | 'quarantine.write' | 'quarantine.reveal', id: string) {
    const row = await repo.findReturnee(db, id);
    if (!row) throw notFound();
    requireAccess(actor, permission, row.regionPath);
    return row;
  }

  /**
   * The proposal for a returnee's facts. Days are counted to the day of registration, so an edit
   * later on does not turn a proposal by the mere passing of time.
   */
  async function propose(
    q: Kysely<Database>,
    v: Pick<repo.ReturneeRow, 'originCode' | 'returnedOn' | 'exposures'>,
    registeredOn: string,
  ): Promise<Proposal & { fromRiskArea: boolean }> {
    const area = await riskAreas.match(q, v.originCode, v.returnedOn);
    const proposal = proposeMeasure({
      riskLevel: area?.level ?? null,
      originCode: v.originCode,
      daysSinceReturn: daysBetween(v.returnedOn, registeredOn),
      exposures: v.exposures,
    });
    return { ...proposal, fromRiskArea: area !== null };
  }

  async function present(rows: repo.ReturneeRow[]): Promise<Returnee[]> {
    const cases = await repo.casesOf(
      db,
      'returneeId',
      rows.map((r) => r.id),
    );
    // Several rows often share an origin and a day: ask the risk-area list once for each.
    const reasons = new Map<string, Promise<Proposal>>();
    return Promise.all(
      rows.map(async (r) => {
        const registeredOn = calendarDate(timeZone, new Date(r.createdAt));
        const key = `${r.originCode}|${r.returnedOn}|${registeredOn}|${[...r.exposures].sort().join(',')}`;
        if (!reasons.has(key)) reasons.set(key, propose(db, r, registeredOn));
        const { regionPath: _path, idNumberEnc: _enc, ...rest } = r;
        return {
          ...rest,
          ...people.masked(r),
          proposalReasons: (await reasons.get(key)!).reasons,
          case: cases.get(r.id) ?? null,
        };
      }),
    );
  }

  async function reload(id: string): Promise<Returnee> {
    return (await present([(await repo.findReturnee(db, id))!]))[0]!;
  }

  /** The checks between fields of a registration, gathered so the form shows them all at once. */
  function checkTrip(
    v: { transport: repo.ReturneeRow['transport']; tripNumber: string | null },
    problems: Record<string, FieldProblem>,
  ) {
    const problem = tripProblem(v.transport, v.tripNumber);
    if (problem) problems.tripNumber ??= problem;
  }

  function checkReturn(returnedOn: string, problems: Record<string, FieldProblem>) {
    const today = calendarDate(timeZone);
    const problem = returnDateProblem(returnedOn, today, addDays(today, -RETURN_WINDOW_DAYS));
    if (problem) problems.returnedOn ??= problem;
  }

  function origin(code: string, problems: Record<string, FieldProblem>): string {
    const division = riskAreas.division(code);
    if (!division) problems.originCode ??= { reason: 'field.division.unknown' };
    return division?.fullName ?? '';
  }

  return {
    async create(actor: Actor, call: CallContext, input: CreateReturneeInput): Promise<Returnee> {
      requireScope(actor, 'quarantine.write');
      const problems: Record<string, FieldProblem> = {};
      const region = await people.place(actor, input.regionId, input.householdId ?? null, problems);
      if (input.followUpId) {
        // A task the caller cannot see is a wrong value in the form, not a missing page.
        const task = await followUps.get(actor, input.followUpId).catch((e: unknown) => {
          if (e instanceof AppError && (e.status === 404 || e.status === 403)) return null;
          throw e;
        });
        if (!task) problems.followUpId = { reason: 'field.returnee.followUp' };
        else if (task.status === 'closed') throw conflict('FOLLOW_UP_CLOSED');
      }
      const sealed = people.idNumber(input.idNumber ?? null, problems);
      const transport = input.transport;
      const tripNumber = normaliseTrip(transport, input.tripNumber);
      checkTrip({ transport, tripNumber }, problems);
      checkReturn(input.returnedOn, problems);
      const originName = origin(input.originCode, problems);
      const error = invalid(problems);
      if (error) throw error;

      const exposures = input.exposures ?? [];
      const now = nowIso();
      const id = newId();
      await transact(db, call, async (trx) => {
        const proposal = await propose(
          trx,
          { originCode: input.originCode, returnedOn: input.returnedOn, exposures },
          calendarDate(timeZone),
        );
        await repo.insertReturnee(trx, {
          id,
          regionId: region.id,
          householdId: input.householdId ?? null,
          name: input.name.trim(),
          ...sealed,
          mobile: input.mobile ?? null,
          address: input.address?.trim() || null,
          originCode: input.originCode,
          originName,
          fromRiskArea: proposal.fromRiskArea ? 1 : 0,
          returnedOn: input.returnedOn,
          transport,
          tripNumber,
          exposures: JSON.stringify(exposures),
          proposedMeasure: proposal.measure,
          measure: null,
          measureBy: null,
          measureAt: null,
          measureReason: null,
          followUpId: input.followUpId ?? null,
          note: input.note?.trim() || null,
          createdBy: actor.accountId,
          createdAt: now,
          updatedAt: now,
          anonymisedAt: null,
        });
        if (input.followUpId) await followUps.closeIn(trx, actor, call, input.followUpId, REGISTERED_OUTCOME);
        // Who came back stays out of the audit trail: where from and what was proposed are enough.
        await auditWrite(trx, call, 'returnee.create', 'returnee', id, region.path, {
          originCode: input.originCode,
          proposedMeasure: proposal.measure,
          followUpId: input.followUpId ?? null,
        });
        await changed(trx, 'returnee.created', id, region.path);
      });
      return reload(id);
    },

    /**
     * Corrects a registration; the rules run again. When the proposal changes, a confirmed
     * measure no longer answers the facts: it goes back to awaiting confirmation.
     */
    async update(actor: Actor, call: CallContext, id: string, input: UpdateReturneeInput): Promise<Returnee> {
      const row = await visible(actor, 'quarantine.write', id);
      const problems: Record<string, FieldProblem> = {};
      const regionId = input.regionId ?? row.regionId;
      const householdId = input.householdId === undefined ? row.householdId : input.householdId;
      const region =
        input.regionId !== undefined || input.householdId !== undefined
          ? await people.place(actor, regionId, householdId, problems)
          : { id: row.regionId, path: row.regionPath };
      const sealed = input.idNumber === undefined ? {} : people.idNumber(input.idNumber, problems);
      const transport = input.transport ?? row.transport;
      const tripNumber = normaliseTrip(transport, input.tripNumber === undefined ? row.tripNumber : input.tripNumber);
      checkTrip({ transport, tripNumber }, problems);
      const returnedOn = input.returnedOn ?? row.returnedOn;
      if (input.returnedOn !== undefined) checkReturn(returnedOn, problems);
      const originCode = input.originCode ?? row.originCode;
      const originName = input.originCode === undefined ? row.originName : origin(originCode, problems);
      const error = invalid(problems);
      if (error) throw error;

      const exposures = input.exposures ?? row.exposures;
      await transact(db, call, async (trx) => {
        const proposal = await propose(
          trx,
          { originCode, returnedOn, exposures },
          calendarDate(timeZone, new Date(row.createdAt)),
        );
        const reconfirm = proposal.measure !== row.proposedMeasure;
        await repo.updateReturnee(trx, id, {
          regionId: region.id,
          householdId,
          ...(input.name !== undefined ? { name: input.name.trim() } : {}),
          ...sealed,
          ...(input.mobile !== undefined ? { mobile: input.mobile } : {}),
          ...(input.address !== undefined ? { address: input.address?.trim() || null } : {}),
          ...(input.note !== undefined ? { note: input.note?.trim() || null } : {}),
          originCode,
          originName,
          fromRiskArea: proposal.fromRiskArea ? 1 : 0,
          returnedOn,
          transport,
          tripNumber,
          exposures: JSON.stringify(exposures),
          proposedMeasure: proposal.measure,
          ...(reconfirm ? { measure: null, measureBy: null, measureAt: null, measureReason: null } : {}),
          updatedAt: nowIso(),
        });
        await auditWrite(trx, call, 'returnee.update', 'returnee', id, region.path, {
          fields: Object.keys(input),
          proposedMeasure: proposal.measure,
          ...(reconfirm && row.measure !== null ? { measureCleared: row.measure } : {}),
        });
        await changed(trx, 'returnee.updated', id, region.path);
        // Moved to another community: its staff's lists must learn of it too.
        if (region.path !== row.regionPath) await changed(trx, 'returnee.updated', id, row.regionPath);
      });
      return reload(id);
    },

    /**
     * Staff confirm the proposed measure, or choose another and say why. The reason is about the
     * person, so it stays with the record, not in the audit trail.
     */
    async decide(actor: Actor, call: CallContext, id: string, input: MeasureInput): Promise<Returnee> {
      const row = await visible(actor, 'quarantine.write', id);
      const reason = input.reason?.trim() || null;
      const overridden = input.measure !== row.proposedMeasure;
      if (overridden && reason === null) throw invalidField('reason', 'field.returnee.measureReason');
      await transact(db, call, async (trx) => {
        const now = nowIso();
        await repo.updateReturnee(trx, id, {
          measure: input.measure,
          measureBy: actor.accountId,
          measureAt: now,
          measureReason: overridden ? reason : null,
          updatedAt: now,
        });
        await auditWrite(trx, call, 'returnee.measure', 'returnee', id, row.regionPath, {
          proposed: row.proposedMeasure,
          measure: input.measure,
          previous: row.measure,
          overridden,
        });
        await changed(trx, 'returnee.measured', id, row.regionPath);
      });
      return reload(id);
    },

    async list(actor: Actor, query: ReturneeQueryInput): Promise<{ items: Returnee[]; total: number }> {
      const scope = requireScope(actor, 'quarantine.read');
      const regionPath = await regions.readablePath(actor, 'quarantine.read', query.regionId);
      if (query.from && query.to && query.to < query.from) throw invalidField('to', 'field.quarantinePerson.toBeforeFrom');
      const { items, total } = await repo.listReturnees(db, scope, {
        ...(regionPath ? { regionPath } : {}),
        ...(query.from ? { from: query.from } : {}),
        ...(query.to ? { to: query.to } : {}),
        ...(query.measure ? { measure: query.measure } : {}),
        ...(query.pending !== undefined ? { pending: query.pending } : {}),
        limit: query.limit ?? 50,
        offset: query.offset ?? 0,
      });
      return { items: await present(items), total };
    },

    async get(actor: Actor, id: string): Promise<Returnee> {
      return (await present([await visible(actor, 'quarantine.read', id)]))[0]!;
    },

    /** Name, ID number and mobile in full, for a caller who may reveal them there; audited. */
    async reveal(actor: Actor, call: CallContext, id: string): Promise<PersonReveal> {
      const row = await visible(actor, 'quarantine.reveal', id);
      await auditWrite(db, call, 'returnee.reveal', 'returnee', id, row.regionPath, { fields: ['name', 'idNumber', 'mobile'] });
      return people.revealed(row);
    },
  };
}
