import type { Kysely } from 'kysely';
import { maskMobile, maskName, maskPlate } from '../../../common/mask.ts';
import { requireAccess, requireScope, type Actor } from '../../platform/access/actor.ts';
import { auditWrite, type CallContext } from '../../platform/audit/audit.ts';
import { localDateTime } from '../../platform/dates.ts';
import { newId, nowIso } from '../../platform/db/ids.ts';
import type { Database } from '../../platform/db/schema.ts';
import { transact } from '../../platform/db/transact.ts';
import type { Deps } from '../../platform/deps.ts';
import { conflict, notFound } from '../../platform/errors.ts';
import type { JobDefinition } from '../../platform/jobs/scheduler.ts';
import { notify } from '../../platform/notify/notify.ts';
import type { AccountsService } from '../accounts/accounts.service.ts';
import type { RegionsService } from '../regions/regions.service.ts';
import * as repo from './follow-ups.repository.ts';
import type { CloseFollowUpInput, FollowUp, FollowUpQueryInput, OpenFollowUp } from './follow-ups.schemas.ts';

export type FollowUpsService = ReturnType<typeof followUpsService>;

/** A hand-over made by a job or a write with no caller of its own. */
const SYSTEM: CallContext = { actorId: null, actorLogin: null, ip: null };

const NOTIFY_KIND: Record<FollowUp['kind'], string> = {
  fever: 'notify.followUps.fever',
  risk_arrival: 'notify.followUps.riskArrival',
};

const hasReading = (input: OpenFollowUp) => (input.details.remeasured ?? input.details.temperature ?? null) !== null;

/** Masked as every list shows it; the reveal route gives the rest. */
function masked(f: repo.FollowUpRow): FollowUp {
  const { regionPath: _path, ...rest } = f;
  return {
    ...rest,
    personName: f.personName === null ? null : maskName(f.personName),
    personMobile: f.personMobile === null ? null : maskMobile(f.personMobile),
    details: { ...f.details, ...(f.details.plate ? { plate: maskPlate(f.details.plate) } : {}) },
  };
}

/**
 * Follow-up tasks for a community (followUps.read / followUps.handle over its region): people
 * seen with a fever or arriving from a risk area. Other features hand people over through `open`,
 * in their own transaction; the quarantine issue builds on the same tasks.
 */
export function followUpsService(deps: Deps, { regions, accounts }: { regions: RegionsService; accounts: AccountsService }) {
  const {
    db: { db },
    events,
    config: { timeZone },
  } = deps;

  const changed = (q: Kysely<Database>, type: string, id: string, regionPath: string) =>
    events.publish(q, { type, permission: 'followUps.read', regionPath, entityType: 'follow_up', entityId: id });

  async function visible(actor: Actor, permission: 'followUps.read' | 'followUps.handle', id: string) {
    const row = await repo.findFollowUp(db, id);
    if (!row) throw notFound();
    requireAccess(actor, permission, row.regionPath);
    return row;
  }

  /**
   * Who hears of a new task: the nearest region managers (the grid worker's community) and the
   * nearest medical observers, looked up apart so a community without a doctor of its own still
   * reaches the township's (DESIGN.md §6: a fever goes to the medical observer).
   */
  async function recipients(q: Kysely<Database>, regionPath: string): Promise<string[]> {
    const managers = await accounts.staffOf(q, regionPath, ['region_manager']);
    const doctors = await accounts.staffOf(q, regionPath, ['medical_observer']);
    return [...new Set([...doctors, ...managers])];
  }

  /** Words for the inbox: place, time and reading, never the person (params never carry personal data). */
  function notifyParams(input: OpenFollowUp, region: string): Record<string, string | number> {
    const d = input.details;
    const at = localDateTime(timeZone, new Date(d.occurredAt));
    return {
      region,
      place: d.checkpointName ?? region,
      time: `${at.date.slice(5)} ${at.time}`,
      temperature: d.remeasured ?? d.temperature ?? '—',
      origin: d.riskAreaName ?? d.originName ?? '—',
    };
  }

  /**
   * Closes a task inside the caller's write transaction (registering its person as a returnee
   * closes it), so the task and what was made of it commit together. 409 once closed.
   */
  async function closeIn(q: Kysely<Database>, actor: Actor, call: CallContext, id: string, outcome: string): Promise<void> {
    const row = await repo.findFollowUp(q, id);
    if (!row) throw notFound();
    requireAccess(actor, 'followUps.handle', row.regionPath);
    const now = nowIso();
    const done = await repo.updateUnclosed(
      q,
      id,
      {
        status: 'closed',
        outcome: outcome.trim(),
        closedAt: now,
        closedBy: actor.accountId,
        // Whoever closes an untaken task did the work.
        ...(row.assignedTo ? {} : { assignedTo: actor.accountId }),
      },
      now,
    );
    if (!done) throw conflict('FOLLOW_UP_CLOSED');
    // The outcome is free text about a person: the audit says that it was closed, not how.
    await auditWrite(q, call, 'followUp.close', 'follow_up', id, row.regionPath, { kind: row.kind });
    await changed(q, 'followUp.changed', id, row.regionPath);
  }

  async function reload(id: string): Promise<FollowUp> {
    return masked((await repo.findFollowUp(db, id))!);
  }

  return {
    jobs: [] as JobDefinition[],
    closeIn,

    /**
     * Hands a person over for follow-up, in the caller's transaction. Idempotent on (source,
     * kind): a second call for the same source refreshes the person and details while nobody has
     * taken the task (a corrected entry), and never opens another. A grid is lifted to its
     * community. Notifies when it opens a task.
     */
    async open(q: Kysely<Database>, input: OpenFollowUp, call: CallContext = SYSTEM): Promise<{ id: string; opened: boolean }> {
      const region = await repo.followUpRegion(q, input.regionId);
      if (!region) throw notFound();
      const now = nowIso();
      const values = {
        personName: input.person.name,
        personMobile: input.person.mobile,
        details: JSON.stringify(input.details),
      };
      const id = newId();
      const opened = await repo.insertIfNew(q, {
        id,
        regionId: region.id,
        kind: input.kind,
        sourceKind: input.source.kind,
        sourceId: input.source.id,
        ...values,
        status: 'open',
        assignedTo: null,
        outcome: null,
        closedAt: null,
        closedBy: null,
        createdAt: now,
        updatedAt: now,
      });
      if (!opened) {
        const existing = (await repo.idBySource(q, input.source.kind, input.source.id, input.kind))!;
        await repo.refreshOpen(q, existing, values, now);
        return { id: existing, opened: false };
      }
      await auditWrite(q, call, 'followUp.open', 'follow_up', id, region.path, {
        kind: input.kind,
        sourceKind: input.source.kind,
        sourceId: input.source.id,
      });
      const params = notifyParams(input, region.name);
      await notify(
        q,
        (await recipients(q, region.path)).map((accountId) => ({
          accountId,
          // A door-to-door visit finds someone with a fever but takes no reading.
          kind: input.kind === 'fever' && !hasReading(input) ? 'notify.followUps.feverNoReading' : NOTIFY_KIND[input.kind],
          params,
          link: '/follow-ups',
        })),
      );
      await changed(q, 'followUp.opened', id, region.path);
      return { id, opened: true };
    },

    /** The tasks these sources made, by source id (no access check: the caller shows its own records). */
    async ofSources(sourceKind: OpenFollowUp['source']['kind'], sourceIds: readonly string[]) {
      return repo.bySources(db, sourceKind, sourceIds);
    },

    async list(actor: Actor, query: FollowUpQueryInput): Promise<{ items: FollowUp[]; total: number }> {
      const scope = requireScope(actor, 'followUps.read');
      const regionPath = await regions.readablePath(actor, 'followUps.read', query.regionId);
      const { items, total } = await repo.listFollowUps(db, scope, {
        ...(regionPath ? { regionPath } : {}),
        ...(query.status ? { status: query.status } : {}),
        ...(query.kind ? { kind: query.kind } : {}),
        limit: query.limit ?? 50,
        offset: query.offset ?? 0,
      });
      return { items: items.map(masked), total };
    },

    async get(actor: Actor, id: string): Promise<FollowUp> {
      return masked(await visible(actor, 'followUps.read', id));
    },

    /** The person behind the masks, for a caller who may reveal personal data there; audited. */
    async reveal(actor: Actor, call: CallContext, id: string) {
      const row = await visible(actor, 'followUps.read', id);
      requireAccess(actor, 'pii.reveal', row.regionPath);
      await auditWrite(db, call, 'followUp.reveal', 'follow_up', id, row.regionPath, {
        fields: ['personName', 'personMobile', 'plate'],
      });
      return { personName: row.personName, personMobile: row.personMobile, plate: row.details.plate ?? null };
    },

    /** The caller takes the task on (from someone else too: people stand in for each other). */
    async take(actor: Actor, call: CallContext, id: string): Promise<FollowUp> {
      const row = await visible(actor, 'followUps.handle', id);
      if (row.status === 'closed') throw conflict('FOLLOW_UP_CLOSED');
      await transact(db, call, async (trx) => {
        if (!(await repo.updateUnclosed(trx, id, { status: 'in_progress', assignedTo: actor.accountId }, nowIso()))) {
          throw conflict('FOLLOW_UP_CLOSED');
        }
        await auditWrite(trx, call, 'followUp.take', 'follow_up', id, row.regionPath, {
          kind: row.kind,
          from: row.assignedTo?.accountId ?? null,
        });
        await changed(trx, 'followUp.changed', id, row.regionPath);
      });
      return reload(id);
    },

    async close(actor: Actor, call: CallContext, id: string, input: CloseFollowUpInput): Promise<FollowUp> {
      const row = await visible(actor, 'followUps.handle', id);
      if (row.status === 'closed') throw conflict('FOLLOW_UP_CLOSED');
      await transact(db, call, (trx) => closeIn(trx, actor, call, id, input.outcome));
      return reload(id);
    },
  };
}
