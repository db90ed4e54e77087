import type { Kysely } from 'kysely';
import { proposeMeasure, type Proposal } from '../../../common/measures.ts';
import { requireScope, type Actor } from '../../platform/access/actor.ts';
import { auditWrite, type CallContext } from '../../platform/audit/audit.ts';
import { addDays, calendarDate, daysBetween } from '../../platform/dates.ts';
import { newId, nowIso } from '../../platform/db/ids.ts';
import type { Database } from '../../platform/db/schema.ts';
import { transact } from '../../platform/db/transact.ts';
import type { Deps } from '../../platform/deps.ts';
import { AppError, conflict, invalidField, type FieldProblem } from '../../platform/errors.ts';
import type { FigureWindow } from '../dashboard/figure-sources.ts';
import type { RegionsService } from '../regions/regions.service.ts';
import type { RiskAreasService } from '../risk-areas/risk-areas.service.ts';
import type { FollowUpsService } from './follow-ups.service.ts';
import { invalid, quarantinePeople } from './people.ts';
import * as repo from './returnees.repository.ts';
import { normaliseTrip, RETURN_WINDOW_DAYS, returnDateProblem, tripProblem } from './returnees.rules.ts';
import type {
  CreateReturneeInput,
  MeasureInput,
  Returnee,
  ReturneeQueryInput,
  UpdateReturneeInput,
} from './returnees.schemas.ts';

export type ReturneesService = ReturnType<typeof returneesService>;

/** What closing the follow-up task says (the task's outcome, read by the community's staff). */
const REGISTERED_OUTCOME = '已登记为返乡人员 / registered as returnee';

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
    config: { timeZone },
  } = deps;
  const people = quarantinePeople(deps, { kind: 'returnee', regions, find: repo.findReturnee });
  const { changed } = people;

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
    // Several rows often share an origin and a day: ask the risk-area list once for each.
    const reasons = new Map<string, Promise<Proposal>>();
    return Promise.all(
      (await people.shown(rows)).map(async (r) => {
        const registeredOn = calendarDate(timeZone, new Date(r.createdAt));
        const key = `${r.originCode}|${r.returnedOn}|${registeredOn}|${[...r.exposures].sort().join(',')}`;
        if (!reasons.has(key)) reasons.set(key, propose(db, r, registeredOn));
        return { ...r, proposalReasons: (await reasons.get(key)!).reasons };
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
    /** Returnee figures per region for the dashboard's refresh job: the system's own reading, no access check. */
    figures: (w: FigureWindow) => repo.returneeFigures(db, w),

    async create(actor: Actor, call: CallContext, input: CreateReturneeInput): Promise<Returnee> {
      requireScope(actor, 'quarantine.write');
      const problems: Record<string, FieldProblem> = {};
      const { region, person } = await people.registered(actor, input, problems);
      if (input.followUpId) {
        // A task the caller cannot see is a wrong value in the form, not a missing page.
        const task = await followUps.get(actor, input.followUpId).catch((e: unknown) => {
          if (e instanceof AppError && (e.status === 404 || e.status === 403)) return null;
          throw e;
        });
        if (!task) problems.followUpId = { reason: 'field.returnee.followUp' };
        else if (task.status === 'closed') throw conflict('FOLLOW_UP_CLOSED');
      }
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
          ...person,
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
      const row = await people.writable(actor, id);
      const problems: Record<string, FieldProblem> = {};
      const { region, person } = await people.corrected(actor, row, input, problems);
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
          ...person,
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
        await people.updated(trx, id, region.path, row.regionPath);
      });
      return reload(id);
    },

    /**
     * Staff confirm the proposed measure, or choose another and say why. The reason is about the
     * person, so it stays with the record, not in the audit trail.
     */
    async decide(actor: Actor, call: CallContext, id: string, input: MeasureInput): Promise<Returnee> {
      const row = await people.writable(actor, id);
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
      const { scope, filter } = await people.listing(actor, query);
      const { items, total } = await repo.listReturnees(db, scope, {
        ...filter,
        ...(query.measure ? { measure: query.measure } : {}),
        ...(query.pending !== undefined ? { pending: query.pending } : {}),
      });
      return { items: await present(items), total };
    },

    async get(actor: Actor, id: string): Promise<Returnee> {
      return (await present([await people.visible(actor, 'quarantine.read', id)]))[0]!;
    },

    reveal: people.reveal,
  };
}
