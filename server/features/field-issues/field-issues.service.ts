import { REGION_LEVELS, type FieldIssueStatus, type Language } from '../../../common/enums.ts';
import { inScope, requireAccess, requireScope, scopeFor, type Actor, type Scope } from '../../platform/access/actor.ts';
import { auditWrite, type CallContext } from '../../platform/audit/audit.ts';
import { addDays, calendarDate, daysBetween, localDateTime, zonedInstant } from '../../platform/dates.ts';
import { newId, nowIso } from '../../platform/db/ids.ts';
import { transact } from '../../platform/db/transact.ts';
import type { Deps } from '../../platform/deps.ts';
import { AppError, conflict, forbidden, invalidField, notFound, type FieldProblem } from '../../platform/errors.ts';
import type { JobDefinition } from '../../platform/jobs/scheduler.ts';
import { notify } from '../../platform/notify/notify.ts';
import type { AccountsService } from '../accounts/accounts.service.ts';
import type { CheckpointsService } from '../checkpoints/checkpoints.service.ts';
import type { AttendanceService } from '../duty/attendance.service.ts';
import type { InspectionsService } from '../inspections/inspections.service.ts';
import type { RegionsService } from '../regions/regions.service.ts';
import type { UnitsService } from '../units/units.service.ts';
import * as repo from './field-issues.repository.ts';
import type { IssueChanges, IssueRow } from './field-issues.repository.ts';
import {
  ACTIVE_STATUSES,
  DEFAULT_DEADLINE_MS,
  acceptableDeadline,
  defaultOwnerId,
  isOverdue,
  issueRef,
  pathIds,
  refPrefix,
} from './field-issues.rules.ts';
import type {
  CommentInput,
  CreateFieldIssueInput,
  FieldIssue,
  FieldIssueDetail,
  FieldIssueQueryInput,
  StatusInput,
  SummaryQueryInput,
  UpdateFieldIssueInput,
  VerifyInput,
} from './field-issues.schemas.ts';
import { summarise, type Summary } from './field-issues.summary.ts';
import { escalationJob } from './field-issues.escalation.ts';
import { editedBody, eventText, type EditChange } from './field-issues.wording.ts';
import type { FigureWindow } from '../dashboard/figure-sources.ts';

export type FieldIssuesService = ReturnType<typeof fieldIssuesService>;

/** The longest period one printed summary covers. */
export const MAX_SUMMARY_DAYS = 366;
const TOWNSHIP_DEPTH = REGION_LEVELS.indexOf('township');

/** Where the caller holds each of the ledger's permissions. */
interface Powers {
  accountId: string;
  read: Scope;
  handle: Scope;
  verify: Scope;
}

const powersOf = (actor: Actor): Powers => ({
  accountId: actor.accountId,
  read: scopeFor(actor, 'fieldIssues.read'),
  handle: scopeFor(actor, 'fieldIssues.handle'),
  verify: scopeFor(actor, 'fieldIssues.verify'),
});

/** The regions an issue belongs to: its place, its owner, and where it escalated to. */
const regionsOf = (r: IssueRow): string[] =>
  [r.regionPath, r.ownerRegionPath, r.escalatedRegionPath].filter((p): p is string => p !== null);

const sees = (p: Powers, r: IssueRow) => r.raisedBy === p.accountId || regionsOf(r).some((path) => inScope(p.read, path));
const handles = (p: Powers, r: IssueRow) =>
  inScope(p.handle, r.ownerRegionPath) || (r.escalatedRegionPath !== null && inScope(p.handle, r.escalatedRegionPath));
const verifies = (p: Powers, r: IssueRow) => r.raisedBy === p.accountId || regionsOf(r).some((path) => inScope(p.verify, path));

/** A refused change of state, naming both states in the caller's language. */
const stateConflict = (from: FieldIssueStatus, to: FieldIssueStatus) =>
  new AppError(
    409,
    'FIELD_ISSUE_STATE',
    {},
    {},
    { localizedParams: { from: { reason: `fieldIssue.status.${from}` }, to: { reason: `fieldIssue.status.${to}` } } },
  );

function invalid(problems: Record<string, FieldProblem>): AppError | null {
  return Object.keys(problems).length ? new AppError(422, 'VALIDATION', {}, problems) : null;
}

function present(r: IssueRow, p: Powers, now: Date): FieldIssue {
  const person = (accountId: string | null, name: string | null) => (accountId ? { accountId, name: name ?? '' } : null);
  const ownerRegion = { id: r.ownerRegionId, name: r.ownerRegionName };
  const active = ACTIVE_STATUSES.includes(r.status);
  const handler = handles(p, r);
  return {
    id: r.id,
    ref: r.ref,
    category: r.category,
    title: r.title,
    description: r.description,
    regionId: r.regionId,
    regionName: r.regionName,
    checkpoint: r.checkpointId ? { id: r.checkpointId, name: r.checkpointName ?? '' } : null,
    inspectionId: r.inspectionId,
    raisedBy: { accountId: r.raisedBy, name: r.raisedByName },
    ownerRegion,
    ownerUnit: r.ownerUnitId ? { id: r.ownerUnitId, name: r.ownerUnitName ?? '' } : null,
    currentRegion: r.escalatedRegionId ? { id: r.escalatedRegionId, name: r.escalatedRegionName ?? '' } : ownerRegion,
    escalationLevel: r.escalationLevel,
    deadline: r.deadline,
    overdue: isOverdue(r.status, r.deadline, now),
    status: r.status,
    resolution: r.resolution,
    resolvedAt: r.resolvedAt,
    resolvedBy: person(r.resolvedBy, r.resolvedByName),
    verifiedAt: r.verifiedAt,
    verifiedBy: person(r.verifiedBy, r.verifiedByName),
    createdAt: r.createdAt,
    updatedAt: r.updatedAt,
    can: {
      comment: true,
      start: handler && r.status === 'open',
      resolve: handler && active,
      verify: r.status === 'resolved' && verifies(p, r) && r.resolvedBy !== p.accountId,
      edit: handler && r.status !== 'verified',
    },
  };
}

/**
 * The issue ledger (问题台账): anyone on the ground raises an issue at a place; the staff of the
 * owner region (fieldIssues.handle) take it on and resolve it; the raiser or an inspector
 * verifies the resolution. An overdue issue climbs the region tree a level a day.
 */
export function fieldIssuesService(
  deps: Deps,
  {
    regions,
    accounts,
    checkpoints,
    attendance,
    inspections,
  }: {
    regions: RegionsService;
    /** Owner units are checked by existence alone (a raiser need not read units there). */
    units: UnitsService;
    accounts: AccountsService;
    checkpoints: CheckpointsService;
    attendance: AttendanceService;
    inspections: InspectionsService;
  },
) {
  const {
    db: { db, dialect },
    events,
    config: { timeZone },
  } = deps;

  const changed = (q: typeof db, r: { id: string; regionPath: string }, change: string) =>
    events.publish(q, {
      type: 'fieldIssue.changed',
      permission: 'fieldIssues.read',
      regionPath: r.regionPath,
      entityType: 'field_issue',
      entityId: r.id,
      data: { change },
    });

  const localText = (iso: string) => {
    const local = localDateTime(timeZone, new Date(iso));
    return `${local.date} ${local.time}`;
  };

  /** The region managers looking after a region (its own, else the nearest above), but not the one acting. */
  const staffOf = async (q: typeof db, regionPath: string, except: readonly (string | null)[]) =>
    (await accounts.staffOf(q, regionPath, ['region_manager'])).filter((id) => !except.includes(id));

  /**
   * An issue the caller may see, under a route permission they hold somewhere (403 otherwise). One
   * they may not see answers as a missing one.
   */
  async function visible(actor: Actor, permission: 'fieldIssues.raise' | 'fieldIssues.handle', id: string) {
    requireScope(actor, permission);
    const row = await repo.findIssue(db, id);
    const p = powersOf(actor);
    if (!row || !sees(p, row)) throw notFound();
    return { row, p };
  }

  /** An issue the caller handles (owner or current region in their fieldIssues.handle scope). */
  async function handled(actor: Actor, id: string) {
    const found = await visible(actor, 'fieldIssues.handle', id);
    if (!handles(found.p, found.row)) throw forbidden();
    return found;
  }

  async function detail(id: string, p: Powers, lang: Language): Promise<FieldIssueDetail> {
    const row = (await repo.findIssue(db, id))!;
    const timeline = await repo.eventsOf(db, id);
    return {
      ...present(row, p, new Date()),
      events: timeline.map((e) => ({
        id: e.id,
        kind: e.kind,
        fromStatus: e.fromStatus,
        toStatus: e.toStatus,
        body: eventText(lang, timeZone, e.kind, e.body),
        at: e.at,
        by: e.accountId ? { accountId: e.accountId, name: e.accountName ?? '' } : null,
      })),
    };
  }

  /**
   * Where a new issue is: a checkpoint (the caller's scope, or on duty there now) or a region in
   * scope; with neither, the checkpoint of the visit it was found on.
   */
  async function placeOf(
    actor: Actor,
    input: CreateFieldIssueInput,
    visit: { checkpointId: string } | null,
    problems: Record<string, FieldProblem>,
    now: Date,
  ): Promise<{ regionId: string; path: string; name: string; checkpointId: string | null } | null> {
    const checkpointId = input.checkpointId ?? (input.regionId ? undefined : visit?.checkpointId);
    if (checkpointId) {
      const [cp] = await checkpoints.summaries([checkpointId]);
      if (!cp) throw notFound();
      const raise = scopeFor(actor, 'fieldIssues.raise');
      if (!inScope(raise, cp.regionPath) && !(await attendance.onDutyAt(actor.accountId, cp.id, now))) throw notFound();
      if (visit && visit.checkpointId !== cp.id) problems.inspectionId = { reason: 'field.fieldIssue.inspectionElsewhere' };
      return { regionId: cp.regionId, path: cp.regionPath, name: cp.name, checkpointId: cp.id };
    }
    if (input.regionId) {
      const region = await regions.findById(input.regionId);
      if (!region) throw notFound();
      requireAccess(actor, 'fieldIssues.raise', region.path);
      return { regionId: region.id, path: region.path, name: region.name, checkpointId: null };
    }
    problems.regionId = { reason: 'field.fieldIssue.place' };
    return null;
  }

  const escalate = escalationJob(deps, { regions, staffOf, changed });
  const jobs: JobDefinition[] = [
    { name: 'field-issues-escalate', everyMs: 3_600_000, run: async (slot) => void (await escalate(slot)) },
  ];

  return {
    jobs,
    escalate,

    /** The command dashboard's source (no access check: the refresh job's own reading). */
    figures: (window: FigureWindow) => repo.figures(db, window),

    /**
     * A resident's complaint the system files for them (an errand order's complaint, issue 8):
     * no actor, inside the caller's transaction. The place's community owns it; an issue needs a
     * raising account, so it is raised in the name of the region manager nearest the place, who
     * is told like any owner. Undefined when nobody looks after the place (nothing is written).
     */
    async raiseForResident(
      trx: typeof db,
      call: CallContext,
      input: { regionId: string; regionPath: string; regionName: string; title: string; description: string },
    ): Promise<{ id: string; ref: string } | undefined> {
      const [raiser, ...others] = await staffOf(trx, input.regionPath, []);
      if (!raiser) return undefined;
      const chain = await regions.findByIds(pathIds(input.regionPath));
      const ownerId = defaultOwnerId(input.regionPath, new Map(chain.map((r) => [r.id, r.level])));
      const owner = chain.find((r) => r.id === ownerId)!;
      const now = new Date();
      const today = calendarDate(timeZone, now);
      const at = nowIso(now);
      const deadline = nowIso(new Date(now.getTime() + DEFAULT_DEADLINE_MS));
      const id = newId();
      let n = (await repo.refsIssued(trx, refPrefix(today))) + 1;
      const issue: repo.NewIssue = {
        id,
        category: 'resident_difficulty',
        title: input.title,
        description: input.description,
        regionId: input.regionId,
        checkpointId: null,
        inspectionId: null,
        raisedBy: raiser,
        ownerRegionId: owner.id,
        ownerUnitId: null,
        deadline,
      };
      while (!(await repo.insertIssue(trx, issue, issueRef(today, n), at))) n++;
      const ref = issueRef(today, n);
      await repo.insertEvent(trx, { id: newId(), issueId: id, accountId: null, kind: 'created', toStatus: 'open', at });
      await auditWrite(trx, call, 'fieldIssue.create', 'field_issue', id, input.regionPath, {
        ref,
        category: issue.category,
        ownerRegionId: owner.id,
        raisedFor: 'resident',
        deadline,
      });
      await changed(trx, { id, regionPath: input.regionPath }, 'created');
      const params = { ref, title: input.title, place: input.regionName, deadline: localText(deadline) };
      await notify(
        trx,
        [raiser, ...others].map((accountId) => ({
          accountId,
          kind: 'notify.fieldIssues.raised',
          params,
          link: `/field-issues/${id}`,
        })),
      );
      return { id, ref };
    },

    async list(actor: Actor, query: FieldIssueQueryInput) {
      requireScope(actor, 'fieldIssues.raise');
      let region: { id: string; path: string } | undefined;
      if (query.regionId) {
        const r = await regions.findById(query.regionId);
        if (!r) throw notFound();
        requireAccess(actor, 'fieldIssues.raise', r.path);
        region = { id: r.id, path: r.path };
      }
      const p = powersOf(actor);
      const now = new Date();
      const q = query.q?.trim();
      const { items, total, counts } = await repo.listIssues(
        db,
        dialect,
        { accountId: p.accountId, read: p.read, handle: p.handle },
        {
          ...(query.status ? { status: query.status } : {}),
          ...(query.category ? { category: query.category } : {}),
          ...(region ? { region } : {}),
          ...(query.checkpointId ? { checkpointId: query.checkpointId } : {}),
          ...(query.inspectionId ? { inspectionId: query.inspectionId } : {}),
          ...(query.overdue !== undefined ? { overdue: query.overdue } : {}),
          ...(query.mine ? { mine: query.mine } : {}),
          ...(q ? { q } : {}),
        },
        { limit: query.limit ?? 50, offset: query.offset ?? 0, now: nowIso(now) },
      );
      return { items: items.map((r) => present(r, p, now)), total, counts };
    },

    async get(actor: Actor, id: string, lang: Language): Promise<FieldIssueDetail> {
      const { p } = await visible(actor, 'fieldIssues.raise', id);
      return detail(id, p, lang);
    },

    async create(actor: Actor, call: CallContext, input: CreateFieldIssueInput, lang: Language): Promise<FieldIssueDetail> {
      requireScope(actor, 'fieldIssues.raise');
      const now = new Date();
      const problems: Record<string, FieldProblem> = {};
      let visit: { checkpointId: string } | null = null;
      if (input.inspectionId) {
        visit = await inspections.ownVisit(actor.accountId, input.inspectionId);
        if (!visit) problems.inspectionId = { reason: 'field.fieldIssue.inspection' };
      }
      const place = await placeOf(actor, input, visit, problems, now);
      const chain = place ? await regions.findByIds(pathIds(place.path)) : [];
      const ownerId =
        input.ownerRegionId ?? (place ? defaultOwnerId(place.path, new Map(chain.map((r) => [r.id, r.level]))) : '');
      const owner = chain.find((r) => r.id === ownerId);
      if (place && !owner) problems.ownerRegionId = { reason: 'field.fieldIssue.ownerRegion' };
      if (input.ownerUnitId && !(await repo.unitName(db, input.ownerUnitId))) {
        problems.ownerUnitId = { reason: 'field.fieldIssue.ownerUnit' };
      }
      const deadline = input.deadline
        ? acceptableDeadline(input.deadline, now)
        : nowIso(new Date(now.getTime() + DEFAULT_DEADLINE_MS));
      if (!deadline) problems.deadline = { reason: 'field.fieldIssue.deadline' };
      const error = invalid(problems);
      if (error || !place || !owner || !deadline) throw error ?? invalidField('regionId', 'field.fieldIssue.place');

      const id = newId();
      const title = input.title.trim();
      const today = calendarDate(timeZone, now);
      const at = nowIso(now);
      const issue: repo.NewIssue = {
        id,
        category: input.category,
        title,
        description: input.description?.trim() || null,
        regionId: place.regionId,
        checkpointId: place.checkpointId,
        inspectionId: visit ? input.inspectionId! : null,
        raisedBy: actor.accountId,
        ownerRegionId: owner.id,
        ownerUnitId: input.ownerUnitId ?? null,
        deadline,
      };
      await transact(db, call, async (trx) => {
        // Refs number the day's issues; a ref taken by a concurrent raise moves this one to the next.
        let n = (await repo.refsIssued(trx, refPrefix(today))) + 1;
        while (!(await repo.insertIssue(trx, issue, issueRef(today, n), at))) n++;
        const ref = issueRef(today, n);
        await repo.insertEvent(trx, {
          id: newId(),
          issueId: id,
          accountId: actor.accountId,
          kind: 'created',
          toStatus: 'open',
          at,
        });
        await auditWrite(trx, call, 'fieldIssue.create', 'field_issue', id, place.path, {
          ref,
          category: issue.category,
          checkpointId: issue.checkpointId,
          inspectionId: issue.inspectionId,
          ownerRegionId: issue.ownerRegionId,
          ownerUnitId: issue.ownerUnitId,
          deadline,
        });
        await changed(trx, { id, regionPath: place.path }, 'created');
        const params = { ref, title, place: place.name, deadline: localText(deadline) };
        await notify(
          trx,
          (await staffOf(trx, owner.path, [actor.accountId])).map((accountId) => ({
            accountId,
            kind: 'notify.fieldIssues.raised',
            params,
            link: `/field-issues/${id}`,
          })),
        );
      });
      return detail(id, powersOf(actor), lang);
    },

    async comment(actor: Actor, call: CallContext, id: string, input: CommentInput, lang: Language): Promise<FieldIssueDetail> {
      const { row, p } = await visible(actor, 'fieldIssues.raise', id);
      const at = nowIso();
      await transact(db, call, async (trx) => {
        await repo.insertEvent(trx, {
          id: newId(),
          issueId: id,
          accountId: actor.accountId,
          kind: 'comment',
          body: input.body.trim(),
          at,
        });
        await repo.touch(trx, id, at);
        await auditWrite(trx, call, 'fieldIssue.comment', 'field_issue', id, row.regionPath);
        await changed(trx, row, 'comment');
      });
      return detail(id, p, lang);
    },

    async setStatus(actor: Actor, call: CallContext, id: string, input: StatusInput, lang: Language): Promise<FieldIssueDetail> {
      const { row, p } = await handled(actor, id);
      const allowed = input.to === 'in_progress' ? row.status === 'open' : ACTIVE_STATUSES.includes(row.status);
      if (!allowed) throw stateConflict(row.status, input.to);
      const note = input.note?.trim() || null;
      if (input.to === 'resolved' && !note) throw invalidField('note', 'field.fieldIssue.resolution');
      const at = nowIso();
      const changes: IssueChanges =
        input.to === 'resolved'
          ? { status: 'resolved', resolution: note, resolvedAt: at, resolvedBy: actor.accountId }
          : { status: 'in_progress' };
      await transact(db, call, async (trx) => {
        if (!(await repo.updateIssue(trx, id, { status: row.status }, changes, at))) throw stateConflict(row.status, input.to);
        await repo.insertEvent(trx, {
          id: newId(),
          issueId: id,
          accountId: actor.accountId,
          kind: 'status',
          fromStatus: row.status,
          toStatus: input.to,
          body: note,
          at,
        });
        await auditWrite(trx, call, 'fieldIssue.status', 'field_issue', id, row.regionPath, { from: row.status, to: input.to });
        await changed(trx, row, input.to);
        if (input.to === 'resolved' && row.raisedBy !== actor.accountId) {
          await notify(trx, [
            {
              accountId: row.raisedBy,
              kind: 'notify.fieldIssues.resolved',
              params: { ref: row.ref, title: row.title },
              link: `/field-issues/${id}`,
            },
          ]);
        }
      });
      return detail(id, p, lang);
    },

    async verify(actor: Actor, call: CallContext, id: string, input: VerifyInput, lang: Language): Promise<FieldIssueDetail> {
      const { row, p } = await visible(actor, 'fieldIssues.raise', id);
      if (!verifies(p, row)) throw forbidden();
      const to: FieldIssueStatus = input.accepted ? 'verified' : 'in_progress';
      if (row.status !== 'resolved') throw stateConflict(row.status, to);
      if (row.resolvedBy === actor.accountId) throw new AppError(403, 'FIELD_ISSUE_OWN_RESOLUTION');
      const note = input.note?.trim() || null;
      if (!input.accepted && !note) throw invalidField('note', 'field.fieldIssue.verifyNote');
      const at = nowIso();
      // A rejected resolution is undone: whoever resolves it next is the one a verifier checks.
      const changes: IssueChanges = input.accepted
        ? { status: 'verified', verifiedAt: at, verifiedBy: actor.accountId }
        : { status: 'in_progress', resolution: null, resolvedAt: null, resolvedBy: null };
      await transact(db, call, async (trx) => {
        if (!(await repo.updateIssue(trx, id, { status: 'resolved' }, changes, at))) throw stateConflict(row.status, to);
        await repo.insertEvent(trx, {
          id: newId(),
          issueId: id,
          accountId: actor.accountId,
          kind: 'status',
          fromStatus: 'resolved',
          toStatus: to,
          body: note,
          at,
        });
        await auditWrite(trx, call, 'fieldIssue.verify', 'field_issue', id, row.regionPath, { accepted: input.accepted });
        await changed(trx, row, to);
        if (!input.accepted) {
          const owners = await staffOf(trx, row.ownerRegionPath, [actor.accountId]);
          const resolver = row.resolvedBy && row.resolvedBy !== actor.accountId ? [row.resolvedBy] : [];
          await notify(
            trx,
            [...new Set([...owners, ...resolver])].map((accountId) => ({
              accountId,
              kind: 'notify.fieldIssues.reopened',
              params: { ref: row.ref, title: row.title },
              link: `/field-issues/${id}`,
            })),
          );
        }
      });
      return detail(id, p, lang);
    },

    async update(
      actor: Actor,
      call: CallContext,
      id: string,
      input: UpdateFieldIssueInput,
      lang: Language,
    ): Promise<FieldIssueDetail> {
      const { row, p } = await handled(actor, id);
      if (row.status === 'verified') throw conflict('FIELD_ISSUE_CLOSED');
      const now = new Date();
      const problems: Record<string, FieldProblem> = {};
      const changes: IssueChanges = {};
      const list: EditChange[] = [];
      if (input.category !== undefined && input.category !== row.category) {
        changes.category = input.category;
        list.push({ field: 'category', from: row.category, to: input.category });
      }
      const title = input.title?.trim();
      if (title !== undefined && title !== row.title) {
        changes.title = title;
        list.push({ field: 'title', from: row.title, to: title });
      }
      if (input.description !== undefined) {
        const description = input.description?.trim() || null;
        if (description !== row.description) {
          changes.description = description;
          list.push({ field: 'description', from: null, to: null });
        }
      }
      let newOwnerPath: string | null = null;
      if (input.ownerRegionId !== undefined && input.ownerRegionId !== row.ownerRegionId) {
        // The owner is the place itself or a region above it.
        const owner = pathIds(row.regionPath).includes(input.ownerRegionId)
          ? await regions.findById(input.ownerRegionId)
          : undefined;
        if (!owner) problems.ownerRegionId = { reason: 'field.fieldIssue.ownerRegion' };
        else {
          changes.ownerRegionId = owner.id;
          newOwnerPath = owner.path;
          list.push({ field: 'ownerRegion', from: row.ownerRegionName, to: owner.name });
        }
      }
      if (input.ownerUnitId !== undefined && input.ownerUnitId !== row.ownerUnitId) {
        const name = input.ownerUnitId ? await repo.unitName(db, input.ownerUnitId) : null;
        if (name === undefined) problems.ownerUnitId = { reason: 'field.fieldIssue.ownerUnit' };
        else {
          changes.ownerUnitId = input.ownerUnitId;
          list.push({ field: 'ownerUnit', from: row.ownerUnitName, to: name });
        }
      }
      if (input.deadline !== undefined) {
        const deadline = acceptableDeadline(input.deadline, now);
        if (!deadline) problems.deadline = { reason: 'field.fieldIssue.deadline' };
        else if (deadline !== row.deadline) {
          changes.deadline = deadline;
          list.push({ field: 'deadline', from: row.deadline, to: deadline });
        }
      }
      const error = invalid(problems);
      if (error) throw error;
      if (list.length === 0) return detail(id, p, lang);
      // A later deadline, or a new owner, starts the climb again from the owner (the job re-counts).
      const escalationReset = row.escalationLevel > 0 && (changes.deadline !== undefined || newOwnerPath !== null);
      if (escalationReset) Object.assign(changes, { escalationLevel: 0, escalatedRegionId: null });
      const at = nowIso(now);
      await transact(db, call, async (trx) => {
        if (!(await repo.updateIssue(trx, id, { status: row.status }, changes, at))) throw conflict('FIELD_ISSUE_CLOSED');
        await repo.insertEvent(trx, {
          id: newId(),
          issueId: id,
          accountId: actor.accountId,
          kind: 'edited',
          body: editedBody({ changes: list, escalationReset }),
          at,
        });
        await auditWrite(trx, call, 'fieldIssue.update', 'field_issue', id, row.regionPath, {
          fields: list.map((c) => c.field),
          escalationReset,
        });
        await changed(trx, row, 'edited');
        if (newOwnerPath) {
          const params = { ref: row.ref, title: changes.title ?? row.title, place: row.regionName };
          await notify(
            trx,
            (await staffOf(trx, newOwnerPath, [actor.accountId])).map((accountId) => ({
              accountId,
              kind: 'notify.fieldIssues.assigned',
              params,
              link: `/field-issues/${id}`,
            })),
          );
        }
      });
      return detail(id, p, lang);
    },

    /** The counts behind the printable public summary of a county (or any region in scope). */
    async summary(actor: Actor, query: SummaryQueryInput): Promise<Summary> {
      requireScope(actor, 'fieldIssues.read');
      const region = await regions.findById(query.regionId);
      if (!region) throw notFound();
      requireAccess(actor, 'fieldIssues.read', region.path);
      const now = new Date();
      const today = calendarDate(timeZone, now);
      const to = query.to ?? today;
      const from = query.from ?? addDays(to, -29);
      // Nothing has been raised after today; refusing it also keeps far years out of date arithmetic.
      if (to > today) throw invalidField('to', 'field.fieldIssue.future');
      if (to < from) throw invalidField('to', 'field.fieldIssue.toBeforeFrom');
      if (daysBetween(from, to) + 1 > MAX_SUMMARY_DAYS)
        throw invalidField('to', 'field.fieldIssue.range', { days: MAX_SUMMARY_DAYS });
      const rows = await repo.summaryRows(
        db,
        region.path,
        nowIso(zonedInstant(timeZone, from, '00:00')),
        nowIso(zonedInstant(timeZone, addDays(to, 1), '00:00')),
      );
      // Levels are fixed from the city down, so a place's township is the third region on its path.
      const townOf = (path: string) => {
        const ids = pathIds(path);
        return ids[TOWNSHIP_DEPTH] ?? ids[ids.length - 1]!;
      };
      const towns = new Map(
        (await regions.findByIds([...new Set(rows.map((r) => townOf(r.regionPath)))])).map((r) => [r.id, r.name]),
      );
      return {
        regionName: region.name,
        from,
        to,
        generatedAt: localText(nowIso(now)),
        ...summarise(
          rows,
          (path) => {
            const id = townOf(path);
            return { id, name: towns.get(id) ?? '' };
          },
          now,
        ),
      };
    },
  };
}
