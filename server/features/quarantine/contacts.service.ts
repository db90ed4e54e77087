import type { Kysely } from 'kysely';
import { requireAccess, requireScope, type Actor } from '../../platform/access/actor.ts';
import { auditWrite, type CallContext } from '../../platform/audit/audit.ts';
import { calendarDate } from '../../platform/dates.ts';
import { newId, nowIso } from '../../platform/db/ids.ts';
import type { Database } from '../../platform/db/schema.ts';
import { transact } from '../../platform/db/transact.ts';
import type { Deps } from '../../platform/deps.ts';
import { invalidField, notFound, type FieldProblem } from '../../platform/errors.ts';
import type { RegionsService } from '../regions/regions.service.ts';
import * as repo from './contacts.repository.ts';
import type { Contact, ContactQueryInput, CreateContactInput, UpdateContactInput } from './contacts.schemas.ts';
import { casesOf } from './returnees.repository.ts';
import type { PersonReveal } from './returnees.schemas.ts';
import { invalid, quarantinePeople } from './returnees.service.ts';

export type ContactsService = ReturnType<typeof contactsService>;

/**
 * Close contacts (密切接触者) of a case, as the notice names them. Their measure is always
 * isolation, at home or central: the isolation case is opened for them by the cases desk, and
 * shown here once it is. Access as for returnees (quarantine.read / write / reveal).
 */
export function contactsService(deps: Deps, { regions }: { regions: RegionsService }) {
  const {
    db: { db },
    events,
    config: { timeZone },
  } = deps;
  const people = quarantinePeople(deps);

  const changed = (q: Kysely<Database>, type: string, id: string, regionPath: string) =>
    events.publish(q, { type, permission: 'quarantine.read', regionPath, entityType: 'contact', entityId: id });

  async function visible(actor: Actor, permission: 'quarantine.read' | 'quarantine.write' | 'quarantine.reveal', id: string) {
    const row = await repo.findContact(db, id);
    if (!row) throw notFound();
    requireAccess(actor, permission, row.regionPath);
    return row;
  }

  async function present(rows: repo.ContactRow[]): Promise<Contact[]> {
    const cases = await casesOf(
      db,
      'contactId',
      rows.map((r) => r.id),
    );
    return rows.map((r) => {
      const { regionPath: _path, idNumberEnc: _enc, ...rest } = r;
      return { ...rest, ...people.masked(r), case: cases.get(r.id) ?? null };
    });
  }

  async function reload(id: string): Promise<Contact> {
    return (await present([(await repo.findContact(db, id))!]))[0]!;
  }

  function checkExposure(on: string, problems: Record<string, FieldProblem>) {
    if (on > calendarDate(timeZone)) problems.lastExposureOn ??= { reason: 'field.contact.exposureFuture' };
  }

  return {
    async create(actor: Actor, call: CallContext, input: CreateContactInput): Promise<Contact> {
      requireScope(actor, 'quarantine.write');
      const problems: Record<string, FieldProblem> = {};
      const region = await people.place(actor, input.regionId, input.householdId ?? null, problems);
      const sealed = people.idNumber(input.idNumber ?? null, problems);
      checkExposure(input.lastExposureOn, problems);
      const error = invalid(problems);
      if (error) throw error;
      const now = nowIso();
      const id = newId();
      await transact(db, call, async (trx) => {
        await repo.insertContact(trx, {
          id,
          regionId: region.id,
          householdId: input.householdId ?? null,
          name: input.name.trim(),
          ...sealed,
          mobile: input.mobile ?? null,
          address: input.address?.trim() || null,
          sourceCase: input.sourceCase.trim(),
          lastExposureOn: input.lastExposureOn,
          exposureKind: input.exposureKind,
          followUpId: null,
          note: input.note?.trim() || null,
          createdBy: actor.accountId,
          createdAt: now,
          updatedAt: now,
          anonymisedAt: null,
        });
        // The source case is a description about people: the audit keeps the kind and the date.
        await auditWrite(trx, call, 'contact.create', 'contact', id, region.path, {
          exposureKind: input.exposureKind,
          lastExposureOn: input.lastExposureOn,
        });
        await changed(trx, 'contact.created', id, region.path);
      });
      return reload(id);
    },

    async update(actor: Actor, call: CallContext, id: string, input: UpdateContactInput): Promise<Contact> {
      const row = await visible(actor, 'quarantine.write', id);
      const problems: Record<string, FieldProblem> = {};
      const householdId = input.householdId === undefined ? row.householdId : input.householdId;
      const region =
        input.regionId !== undefined || input.householdId !== undefined
          ? await people.place(actor, input.regionId ?? row.regionId, householdId, problems)
          : { id: row.regionId, path: row.regionPath };
      const sealed = input.idNumber === undefined ? {} : people.idNumber(input.idNumber, problems);
      if (input.lastExposureOn !== undefined) checkExposure(input.lastExposureOn, problems);
      const error = invalid(problems);
      if (error) throw error;
      await transact(db, call, async (trx) => {
        await repo.updateContact(trx, id, {
          regionId: region.id,
          householdId,
          ...(input.name !== undefined ? { name: input.name.trim() } : {}),
          ...sealed,
          ...(input.mobile !== undefined ? { mobile: input.mobile } : {}),
          ...(input.address !== undefined ? { address: input.address?.trim() || null } : {}),
          ...(input.note !== undefined ? { note: input.note?.trim() || null } : {}),
          ...(input.sourceCase !== undefined ? { sourceCase: input.sourceCase.trim() } : {}),
          ...(input.lastExposureOn !== undefined ? { lastExposureOn: input.lastExposureOn } : {}),
          ...(input.exposureKind !== undefined ? { exposureKind: input.exposureKind } : {}),
          updatedAt: nowIso(),
        });
        await auditWrite(trx, call, 'contact.update', 'contact', id, region.path, { fields: Object.keys(input) });
        await changed(trx, 'contact.updated', id, region.path);
        if (region.path !== row.regionPath) await changed(trx, 'contact.updated', id, row.regionPath);
      });
      return reload(id);
    },

    async list(actor: Actor, query: ContactQueryInput): Promise<{ items: Contact[]; total: number }> {
      const scope = requireScope(actor, 'quarantine.read');
      const regionPath = await regions.readablePath(actor, 'quarantine.read', query.regionId);
      if (query.from && query.to && query.to < query.from) throw invalidField('to', 'field.quarantinePerson.toBeforeFrom');
      const { items, total } = await repo.listContacts(db, scope, {
        ...(regionPath ? { regionPath } : {}),
        ...(query.from ? { from: query.from } : {}),
        ...(query.to ? { to: query.to } : {}),
        ...(query.exposureKind ? { exposureKind: query.exposureKind } : {}),
        ...(query.hasCase !== undefined ? { hasCase: query.hasCase } : {}),
        limit: query.limit ?? 50,
        offset: query.offset ?? 0,
      });
      return { items: await present(items), total };
    },

    async get(actor: Actor, id: string): Promise<Contact> {
      return (await present([await visible(actor, 'quarantine.read', id)]))[0]!;
    },

    /** Name, ID number and mobile in full, for a caller who may reveal them there; audited. */
    async reveal(actor: Actor, call: CallContext, id: string): Promise<PersonReveal> {
      const row = await visible(actor, 'quarantine.reveal', id);
      await auditWrite(db, call, 'contact.reveal', 'contact', id, row.regionPath, { fields: ['name', 'idNumber', 'mobile'] });
      return people.revealed(row);
    },
  };
}
