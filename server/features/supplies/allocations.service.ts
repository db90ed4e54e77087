import type { AllocationTarget } from '../../../common/enums.ts';
import { inScope, requireScope, scopeFor, type Actor } from '../../platform/access/actor.ts';
import { auditWrite, type CallContext } from '../../platform/audit/audit.ts';
import { addDays, calendarDate, zonedInstant } from '../../platform/dates.ts';
import { newId, nowIso } from '../../platform/db/ids.ts';
import { transact } from '../../platform/db/transact.ts';
import type { Deps } from '../../platform/deps.ts';
import { conflict, forbidden, invalidField, notFound } from '../../platform/errors.ts';
import type { CheckpointsService } from '../checkpoints/checkpoints.service.ts';
import type { HouseholdsService } from '../households/households.service.ts';
import type { RegionsService } from '../regions/regions.service.ts';
import type { TeamsService } from '../teams/teams.service.ts';
import * as repo from './allocations.repository.ts';
import type { CatalogueService } from './catalogue.service.ts';
import type { Allocation, AllocationQueryInput, ConfirmInput, CreateAllocationInput } from './movements.schemas.ts';
import { nextRef } from './refs.ts';
import { reverseRecord } from './reversal.ts';
import type { StockEngine } from './stock.engine.ts';
import { linesOf, reversalsOf } from './stock.repository.ts';
import type { ReverseInput } from './supplies.schemas.ts';

export type AllocationsService = ReturnType<typeof allocationsService>;

/** A region receiving supplies as such: a township, community or grid (its staff sign for them). */
const RECEIVING_LEVELS = new Set(['township', 'community', 'grid']);

interface Target {
  kind: AllocationTarget;
  path: string;
  columns: { toCheckpointId: string | null; toTeamId: string | null; toRegionId: string | null; toHouseholdId: string | null };
}

const none = { toCheckpointId: null, toTeamId: null, toRegionId: null, toHouseholdId: null };

/**
 * 调拨出库: out of a store to a checkpoint, a team, a community or a household inside the store's
 * area, signed for by the receiver. The receiver is a leader of the team (or of the team holding
 * the checkpoint, or of the team above either), or a manager over the receiving place.
 */
export function allocationsService(
  deps: Deps,
  others: {
    regions: RegionsService;
    catalogue: CatalogueService;
    engine: StockEngine;
    checkpoints: CheckpointsService;
    teams: TeamsService;
    households: HouseholdsService;
  },
) {
  const { regions, catalogue, engine, checkpoints, teams, households } = others;
  const {
    db: { db },
    events,
    config: { timeZone },
  } = deps;

  /** Managers sign for anything sent to their area; supplies.read is what only managers hold. */
  const managesTarget = (actor: Actor, row: repo.AllocationRow) => inScope(scopeFor(actor, 'supplies.read'), row.toRegionPath);

  function signable(actor: Actor, row: repo.AllocationRow, led: ReadonlySet<string>): boolean {
    if (row.status !== 'sent') return false;
    const leads =
      (row.target.kind === 'team' && led.has(row.target.id)) || (row.checkpointTeamId !== null && led.has(row.checkpointTeamId));
    return leads || managesTarget(actor, row);
  }

  async function present(actor: Actor, rows: repo.AllocationRow[]): Promise<Allocation[]> {
    const ids = rows.map((r) => r.id);
    const lines = await linesOf(db, 'allocationId', 'allocation', ids);
    const reversals = await reversalsOf(db, 'allocationId', ids);
    const led = new Set(rows.some((r) => r.status === 'sent') ? await repo.teamsLedBy(db, actor.accountId) : []);
    return rows.map(({ storePath: _s, toRegionPath: _t, checkpointTeamId: _c, ...r }, i) => ({
      ...r,
      lines: lines.get(r.id) ?? [],
      reversal: reversals.get(r.id) ?? null,
      canConfirm: signable(actor, rows[i]!, led),
    }));
  }

  const reload = async (actor: Actor, id: string) => (await present(actor, [(await repo.findAllocation(db, id))!]))[0]!;

  /** Readers see allocations sent from their stores and to their places. */
  async function readable(actor: Actor, id: string): Promise<repo.AllocationRow> {
    const row = await repo.findAllocation(db, id);
    if (!row) throw notFound();
    const scope = requireScope(actor, 'supplies.read');
    if (!inScope(scope, row.storePath) && !inScope(scope, row.toRegionPath)) throw notFound();
    return row;
  }

  /** Where it goes: a place of the kind named, inside the store's area (else a field error on `toId`). */
  async function targetOf(actor: Actor, storePath: string, kind: AllocationTarget, id: string): Promise<Target> {
    const missing = () => invalidField('toId', 'field.supplies.target');
    let target: Target;
    switch (kind) {
      case 'checkpoint': {
        const [cp] = await checkpoints.summaries([id]);
        if (!cp) throw missing();
        target = { kind, path: cp.regionPath, columns: { ...none, toCheckpointId: cp.id } };
        break;
      }
      case 'team': {
        const team = await teams.teamVisible(actor, id).catch(() => null);
        if (!team) throw missing();
        target = { kind, path: team.regionPath, columns: { ...none, toTeamId: team.id } };
        break;
      }
      case 'region': {
        const region = await regions.findById(id);
        if (!region) throw missing();
        if (!RECEIVING_LEVELS.has(region.level)) throw invalidField('toId', 'field.supplies.targetLevel');
        target = { kind, path: region.path, columns: { ...none, toRegionId: region.id } };
        break;
      }
      case 'household': {
        const [household] = await households.summaries([id]);
        if (!household) throw missing();
        target = { kind, path: household.regionPath, columns: { ...none, toHouseholdId: household.id } };
        break;
      }
    }
    if (!target.path.startsWith(storePath)) throw invalidField('toId', 'field.supplies.targetOutside');
    return target;
  }

  return {
    async create(actor: Actor, call: CallContext, input: CreateAllocationInput): Promise<Allocation> {
      const store = await catalogue.storeFor(actor, 'supplies.move', input.storeId);
      if (!store.active) throw invalidField('storeId', 'field.supplies.storeInactive');
      const target = await targetOf(actor, store.regionPath, input.toKind, input.toId);
      const items = await engine.lineItems(input.lines);
      const id = newId();
      const today = calendarDate(timeZone);
      const moves = input.lines.map((l, i) => ({
        storeId: store.id,
        itemId: l.itemId,
        delta: -l.quantity,
        kind: 'allocation' as const,
        allocationId: id,
        field: `lines.${i}.quantity`,
      }));
      await engine.guard(
        () => moves,
        items,
        () =>
          transact(db, call, async (trx) => {
            const ref = await nextRef(trx, 'allocations', today);
            const now = nowIso();
            await repo.insertAllocation(trx, {
              id,
              ref,
              storeId: store.id,
              regionId: store.regionId,
              toKind: input.toKind,
              ...target.columns,
              toRegionPath: target.path,
              purpose: input.purpose?.trim() ?? null,
              status: 'sent',
              sentBy: actor.accountId,
              sentAt: now,
              confirmedBy: null,
              confirmedAt: null,
              confirmNote: null,
              createdAt: now,
            });
            await engine.move(trx, moves, { accountId: actor.accountId, onDate: today }, items, new Map([[store.id, store]]));
            await auditWrite(trx, call, 'allocation.create', 'allocation', id, store.regionPath, {
              ref,
              storeId: store.id,
              toKind: input.toKind,
              toId: input.toId,
              lines: input.lines.map((l) => ({ itemId: l.itemId, quantity: l.quantity })),
            });
            await events.publish(trx, {
              type: 'supplies.allocation',
              permission: 'supplies.read',
              regionPath: store.regionPath,
              entityType: 'allocation',
              entityId: id,
            });
            // The receiving side's 待签收 list.
            await events.publish(trx, {
              type: 'supplies.allocation',
              permission: 'supplies.confirm',
              regionPath: target.path,
              entityType: 'allocation',
              entityId: id,
            });
          }),
      );
      return reload(actor, id);
    },

    async list(actor: Actor, query: AllocationQueryInput): Promise<{ items: Allocation[]; total: number }> {
      const scope = requireScope(actor, 'supplies.read');
      const regionPath = await regions.readablePath(actor, 'supplies.read', query.regionId);
      if (query.storeId) await catalogue.storeFor(actor, 'supplies.read', query.storeId);
      if (query.from && query.to && query.to < query.from) throw invalidField('to', 'field.supplies.toBeforeFrom');
      const { items, total } = await repo.listAllocations(db, scope, {
        ...(regionPath ? { regionPath } : {}),
        ...(query.storeId ? { storeId: query.storeId } : {}),
        ...(query.status ? { status: query.status } : {}),
        ...(query.toKind ? { toKind: query.toKind } : {}),
        ...(query.from ? { fromAt: nowIso(zonedInstant(timeZone, query.from, '00:00')) } : {}),
        ...(query.to ? { beforeAt: nowIso(zonedInstant(timeZone, addDays(query.to, 1), '00:00')) } : {}),
        limit: query.limit ?? 50,
        offset: query.offset ?? 0,
      });
      return { items: await present(actor, items), total };
    },

    async get(actor: Actor, id: string): Promise<Allocation> {
      return (await present(actor, [await readable(actor, id)]))[0]!;
    },

    /** What the caller may sign for now: the 待签收 list of a team leader's phone, or a manager's desk. */
    async toConfirm(actor: Actor): Promise<{ items: Allocation[] }> {
      requireScope(actor, 'supplies.confirm');
      const led = await repo.teamsLedBy(db, actor.accountId);
      return { items: await present(actor, await repo.toConfirm(db, scopeFor(actor, 'supplies.read'), led)) };
    },

    /** The receiver signs, once, with an optional note. */
    async confirm(actor: Actor, call: CallContext, id: string, input: ConfirmInput): Promise<Allocation> {
      requireScope(actor, 'supplies.confirm');
      const row = await repo.findAllocation(db, id);
      if (!row) throw notFound();
      const led = new Set(await repo.teamsLedBy(db, actor.accountId));
      const leads =
        (row.target.kind === 'team' && led.has(row.target.id)) ||
        (row.checkpointTeamId !== null && led.has(row.checkpointTeamId));
      if (!leads && !managesTarget(actor, row)) {
        // Inside the caller's area but not theirs to sign: 403; elsewhere it looks missing.
        const confirmScope = scopeFor(actor, 'supplies.confirm');
        if (inScope(confirmScope, row.toRegionPath) || inScope(confirmScope, row.storePath)) throw forbidden();
        throw notFound();
      }
      if (row.status !== 'sent') throw conflict(row.status === 'confirmed' ? 'ALLOCATION_CONFIRMED' : 'ALLOCATION_REVERSED');
      const note = input.note?.trim() ?? null;
      await transact(db, call, async (trx) => {
        const now = nowIso();
        if (
          !(await repo.settle(trx, id, {
            status: 'confirmed',
            confirmedBy: actor.accountId,
            confirmedAt: now,
            confirmNote: note,
          }))
        ) {
          throw conflict('ALLOCATION_CONFIRMED');
        }
        await auditWrite(trx, call, 'allocation.confirm', 'allocation', id, row.toRegionPath, {
          ref: row.ref,
          note: note !== null,
        });
        for (const [permission, regionPath] of [
          ['supplies.read', row.storePath],
          ['supplies.confirm', row.toRegionPath],
        ] as const) {
          await events.publish(trx, {
            type: 'supplies.allocation',
            permission,
            regionPath,
            entityType: 'allocation',
            entityId: id,
          });
        }
      });
      return reload(actor, id);
    },

    /**
     * An allocation sent by mistake goes back into the store by new movements. Only while it
     * waits to be signed for: once the receiver has signed, the goods are in their hands, and the
     * books must not say the store holds them again — getting them back is a new movement in.
     */
    async reverse(actor: Actor, call: CallContext, id: string, input: ReverseInput): Promise<Allocation> {
      const row = await readable(actor, id);
      const store = await catalogue.storeFor(actor, 'supplies.move', row.store.id);
      if (row.status === 'confirmed') throw conflict('ALLOCATION_CONFIRMED');
      if (row.status === 'reversed') throw conflict('ALREADY_REVERSED');
      await reverseRecord(deps, engine, call, {
        column: 'allocationId',
        id,
        reason: input.reason.trim(),
        accountId: actor.accountId,
        stores: [store],
        mark: (trx) => repo.settle(trx, id, { status: 'reversed' }),
        taken: () => conflict('ALLOCATION_CONFIRMED'),
        audit: { action: 'allocation.reverse', entityType: 'allocation', regionPath: row.storePath, ref: row.ref },
        event: { type: 'supplies.allocation', entityType: 'allocation', regionPaths: [row.storePath] },
      });
      return reload(actor, id);
    },
  };
}
