import { inScope, requireScope, type Actor } from '../../platform/access/actor.ts';
import { auditWrite, type CallContext } from '../../platform/audit/audit.ts';
import { calendarDate } from '../../platform/dates.ts';
import { newId, nowIso } from '../../platform/db/ids.ts';
import { transact } from '../../platform/db/transact.ts';
import type { Deps } from '../../platform/deps.ts';
import { conflict, invalidField, notFound } from '../../platform/errors.ts';
import type { RegionsService } from '../regions/regions.service.ts';
import type { CatalogueService } from './catalogue.service.ts';
import type { CreateTransferInput, Transfer, TransferQueryInput } from './movements.schemas.ts';
import { nextRef } from './refs.ts';
import { reverseRecord } from './reversal.ts';
import type { NewMovement, StockEngine } from './stock.engine.ts';
import { linesOf, reversalsOf } from './stock.repository.ts';
import type { ReverseInput } from './supplies.schemas.ts';
import * as repo from './transfers.repository.ts';

export type TransfersService = ReturnType<typeof transfersService>;

/** 调拨: from one store to another, both in the caller's area; an out and an in movement per line. */
export function transfersService(
  deps: Deps,
  { regions, catalogue, engine }: { regions: RegionsService; catalogue: CatalogueService; engine: StockEngine },
) {
  const {
    db: { db },
    events,
    config: { timeZone },
  } = deps;

  async function present(rows: repo.TransferRow[]): Promise<Transfer[]> {
    const ids = rows.map((r) => r.id);
    const lines = await linesOf(db, 'transferId', 'transfer_out', ids);
    const reversals = await reversalsOf(db, 'transferId', ids);
    return rows.map(({ fromPath: _f, toPath: _t, reversedAt: _r, ...r }) => ({
      ...r,
      lines: lines.get(r.id) ?? [],
      reversal: reversals.get(r.id) ?? null,
    }));
  }

  const reload = async (id: string) => (await present([(await repo.findTransfer(db, id))!]))[0]!;

  async function published(q: typeof db, id: string, paths: string[]) {
    for (const regionPath of new Set(paths)) {
      await events.publish(q, {
        type: 'supplies.transfer',
        permission: 'supplies.read',
        regionPath,
        entityType: 'transfer',
        entityId: id,
      });
    }
  }

  return {
    async create(actor: Actor, call: CallContext, input: CreateTransferInput): Promise<Transfer> {
      const from = await catalogue.storeFor(actor, 'supplies.move', input.fromStoreId);
      const to = await catalogue.storeFor(actor, 'supplies.move', input.toStoreId);
      if (from.id === to.id) throw invalidField('toStoreId', 'field.supplies.sameStore');
      if (!from.active) throw invalidField('fromStoreId', 'field.supplies.storeInactive');
      if (!to.active) throw invalidField('toStoreId', 'field.supplies.storeInactive');
      const items = await engine.lineItems(input.lines);
      const id = newId();
      const today = calendarDate(timeZone);
      const moves: NewMovement[] = input.lines.flatMap((l, i) => [
        {
          storeId: from.id,
          itemId: l.itemId,
          delta: -l.quantity,
          kind: 'transfer_out',
          transferId: id,
          field: `lines.${i}.quantity`,
        },
        { storeId: to.id, itemId: l.itemId, delta: l.quantity, kind: 'transfer_in', transferId: id },
      ]);
      const stores = new Map([
        [from.id, from],
        [to.id, to],
      ]);
      await engine.guard(
        () => moves,
        items,
        () =>
          transact(db, call, async (trx) => {
            const ref = await nextRef(trx, 'transfers', today);
            const now = nowIso();
            await repo.insertTransfer(trx, {
              id,
              ref,
              fromStoreId: from.id,
              toStoreId: to.id,
              note: input.note?.trim() ?? null,
              byAccountId: actor.accountId,
              at: now,
              reversedAt: null,
              createdAt: now,
            });
            await engine.move(trx, moves, { accountId: actor.accountId, onDate: today }, items, stores);
            await auditWrite(trx, call, 'transfer.create', 'transfer', id, from.regionPath, {
              ref,
              fromStoreId: from.id,
              toStoreId: to.id,
              lines: input.lines.map((l) => ({ itemId: l.itemId, quantity: l.quantity })),
            });
            await published(trx, id, [from.regionPath, to.regionPath]);
          }),
      );
      return reload(id);
    },

    async list(actor: Actor, query: TransferQueryInput): Promise<{ items: Transfer[]; total: number }> {
      const scope = requireScope(actor, 'supplies.read');
      const regionPath = await regions.readablePath(actor, 'supplies.read', query.regionId);
      if (query.storeId) await catalogue.storeFor(actor, 'supplies.read', query.storeId);
      const { items, total } = await repo.listTransfers(db, scope, {
        ...(regionPath ? { regionPath } : {}),
        ...(query.storeId ? { storeId: query.storeId } : {}),
        limit: query.limit ?? 50,
        offset: query.offset ?? 0,
      });
      return { items: await present(items), total };
    },

    /**
     * A transfer made by mistake: the goods go back by new movements, which needs the caller over
     * both stores and the receiving store still holding them (409 otherwise).
     */
    async reverse(actor: Actor, call: CallContext, id: string, input: ReverseInput): Promise<Transfer> {
      const row = await repo.findTransfer(db, id);
      if (!row) throw notFound();
      const scope = requireScope(actor, 'supplies.read');
      if (!inScope(scope, row.fromPath) && !inScope(scope, row.toPath)) throw notFound();
      const from = await catalogue.storeFor(actor, 'supplies.move', row.from.id);
      const to = await catalogue.storeFor(actor, 'supplies.move', row.to.id);
      if (row.reversedAt) throw conflict('ALREADY_REVERSED');
      await reverseRecord(deps, engine, call, {
        column: 'transferId',
        id,
        reason: input.reason.trim(),
        accountId: actor.accountId,
        stores: [from, to],
        mark: (trx) => repo.markReversed(trx, id, nowIso()),
        taken: () => conflict('ALREADY_REVERSED'),
        audit: { action: 'transfer.reverse', entityType: 'transfer', regionPath: from.regionPath, ref: row.ref },
        event: { type: 'supplies.transfer', entityType: 'transfer', regionPaths: [from.regionPath, to.regionPath] },
      });
      return reload(id);
    },
  };
}
