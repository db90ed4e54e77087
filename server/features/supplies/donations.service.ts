import { maskMobile } from '../../../common/mask.ts';
import { requireAccess, requireScope, type Actor } from '../../platform/access/actor.ts';
import { auditWrite, type CallContext } from '../../platform/audit/audit.ts';
import { calendarDate } from '../../platform/dates.ts';
import { newId, nowIso } from '../../platform/db/ids.ts';
import { transact } from '../../platform/db/transact.ts';
import type { Deps } from '../../platform/deps.ts';
import { AppError, conflict, invalidField, notFound, type FieldProblem } from '../../platform/errors.ts';
import type { RegionsService } from '../regions/regions.service.ts';
import { unitName } from './catalogue.repository.ts';
import type { CatalogueService } from './catalogue.service.ts';
import * as repo from './donations.repository.ts';
import type { CreateDonationInput, Donation, DonationQueryInput } from './movements.schemas.ts';
import { nextRef } from './refs.ts';
import { reverseRecord } from './reversal.ts';
import type { StockEngine } from './stock.engine.ts';
import { linesOf, reversalsOf } from './stock.repository.ts';
import type { ReverseInput } from './supplies.schemas.ts';

export type DonationsService = ReturnType<typeof donationsService>;

/** 捐赠入库: what units and people gave, into a store; the donor's mobile is personal data. */
export function donationsService(
  deps: Deps,
  { regions, catalogue, engine }: { regions: RegionsService; catalogue: CatalogueService; engine: StockEngine },
) {
  const {
    db: { db },
    events,
    config: { timeZone },
  } = deps;

  async function present(rows: repo.DonationRow[]): Promise<Donation[]> {
    const ids = rows.map((r) => r.id);
    const lines = await linesOf(db, 'donationId', 'donation', ids);
    const reversals = await reversalsOf(db, 'donationId', ids);
    return rows.map(({ regionPath: _path, reversedAt: _at, ...r }) => ({
      ...r,
      donorMobile: r.donorMobile === null ? null : maskMobile(r.donorMobile),
      lines: lines.get(r.id) ?? [],
      reversal: reversals.get(r.id) ?? null,
    }));
  }

  async function readable(actor: Actor, id: string): Promise<repo.DonationRow> {
    const row = await repo.findDonation(db, id);
    if (!row) throw notFound();
    requireAccess(actor, 'supplies.read', row.regionPath);
    return row;
  }

  /** Who gave: a unit (one of ours, by id, or named) or a person; rules a schema cannot say. */
  async function donor(input: CreateDonationInput): Promise<{ name: string; unitId: string | null }> {
    const problems: Record<string, FieldProblem> = {};
    let name = input.donorName?.trim() ?? '';
    if (input.donorUnitId) {
      if (input.donorKind !== 'unit') problems.donorUnitId = { reason: 'field.supplies.donorUnitPerson' };
      else {
        const unit = await unitName(db, input.donorUnitId);
        if (unit === undefined) problems.donorUnitId = { reason: 'field.supplies.donorUnit' };
        else name ||= unit;
      }
    }
    if (!name && !problems.donorUnitId) problems.donorName = { reason: 'field.required' };
    if (input.receivedOn > calendarDate(timeZone)) problems.receivedOn = { reason: 'field.supplies.receivedInFuture' };
    if (Object.keys(problems).length) throw new AppError(422, 'VALIDATION', {}, problems);
    return { name, unitId: input.donorUnitId ?? null };
  }

  return {
    async create(actor: Actor, call: CallContext, input: CreateDonationInput): Promise<Donation> {
      const store = await catalogue.storeFor(actor, 'supplies.move', input.storeId);
      if (!store.active) throw invalidField('storeId', 'field.supplies.storeInactive');
      const from = await donor(input);
      const items = await engine.lineItems(input.lines);
      const id = newId();
      const moves = input.lines.map((l, i) => ({
        storeId: store.id,
        itemId: l.itemId,
        delta: l.quantity,
        kind: 'donation' as const,
        donationId: id,
        field: `lines.${i}.quantity`,
      }));
      await transact(db, call, async (trx) => {
        const ref = await nextRef(trx, 'donations', input.receivedOn);
        await repo.insertDonation(trx, {
          id,
          ref,
          storeId: store.id,
          regionId: store.regionId,
          donorKind: input.donorKind,
          donorName: from.name,
          donorUnitId: from.unitId,
          donorMobile: input.donorMobile ?? null,
          anonymous: input.anonymous ? 1 : 0,
          receivedBy: actor.accountId,
          receivedOn: input.receivedOn,
          note: input.note?.trim() ?? null,
          reversedAt: null,
          createdAt: nowIso(),
        });
        await engine.move(
          trx,
          moves,
          { accountId: actor.accountId, onDate: input.receivedOn },
          items,
          new Map([[store.id, store]]),
        );
        // Field names and counts only: the donor's mobile stays out of the audit log.
        await auditWrite(trx, call, 'donation.create', 'donation', id, store.regionPath, {
          ref,
          storeId: store.id,
          donorKind: input.donorKind,
          donorUnitId: from.unitId,
          anonymous: Boolean(input.anonymous),
          lines: input.lines.map((l) => ({ itemId: l.itemId, quantity: l.quantity })),
        });
        await events.publish(trx, {
          type: 'supplies.donation',
          permission: 'supplies.read',
          regionPath: store.regionPath,
          entityType: 'donation',
          entityId: id,
        });
      });
      return (await present([(await repo.findDonation(db, id))!]))[0]!;
    },

    async list(actor: Actor, query: DonationQueryInput): Promise<{ items: Donation[]; total: number }> {
      const scope = requireScope(actor, 'supplies.read');
      const regionPath = await regions.readablePath(actor, 'supplies.read', query.regionId);
      if (query.storeId) await catalogue.storeFor(actor, 'supplies.read', query.storeId);
      if (query.from && query.to && query.to < query.from) throw invalidField('to', 'field.supplies.toBeforeFrom');
      const { items, total } = await repo.listDonations(db, scope, {
        ...(regionPath ? { regionPath } : {}),
        ...(query.storeId ? { storeId: query.storeId } : {}),
        ...(query.from ? { from: query.from } : {}),
        ...(query.to ? { to: query.to } : {}),
        limit: query.limit ?? 50,
        offset: query.offset ?? 0,
      });
      return { items: await present(items), total };
    },

    async get(actor: Actor, id: string): Promise<Donation> {
      return (await present([await readable(actor, id)]))[0]!;
    },

    /** The donor's mobile in full, for a caller who may read the donation and reveal personal data there; audited. */
    async reveal(actor: Actor, call: CallContext, id: string): Promise<{ donorMobile: string | null }> {
      const row = await readable(actor, id);
      requireAccess(actor, 'pii.reveal', row.regionPath);
      await auditWrite(db, call, 'pii.reveal', 'donation', id, row.regionPath, { field: 'donorMobile' });
      return { donorMobile: row.donorMobile };
    },

    /**
     * A donation recorded by mistake: new movements take its quantities out of the store again
     * (refused with 409 when some of it has gone out since); the original movements stay.
     */
    async reverse(actor: Actor, call: CallContext, id: string, input: ReverseInput): Promise<Donation> {
      const row = await readable(actor, id);
      const store = await catalogue.storeFor(actor, 'supplies.move', row.store.id);
      if (row.reversedAt) throw conflict('ALREADY_REVERSED');
      await reverseRecord(deps, engine, call, {
        column: 'donationId',
        id,
        reason: input.reason.trim(),
        accountId: actor.accountId,
        stores: [store],
        mark: (trx) => repo.markReversed(trx, id, nowIso()),
        taken: () => conflict('ALREADY_REVERSED'),
        audit: { action: 'donation.reverse', entityType: 'donation', regionPath: row.regionPath, ref: row.ref },
        event: { type: 'supplies.donation', entityType: 'donation', regionPaths: [row.regionPath] },
      });
      return (await present([(await repo.findDonation(db, id))!]))[0]!;
    },
  };
}
