import { requireScope, type Actor } from '../../platform/access/actor.ts';
import { auditWrite, type CallContext } from '../../platform/audit/audit.ts';
import { calendarDate } from '../../platform/dates.ts';
import { newId, nowIso } from '../../platform/db/ids.ts';
import { transact } from '../../platform/db/transact.ts';
import type { Deps } from '../../platform/deps.ts';
import type { FieldProblem } from '../../platform/errors.ts';
import type { FigureWindow } from '../dashboard/figure-sources.ts';
import type { RegionsService } from '../regions/regions.service.ts';
import * as repo from './contacts.repository.ts';
import type { Contact, ContactQueryInput, CreateContactInput, UpdateContactInput } from './contacts.schemas.ts';
import { invalid, quarantinePeople } from './people.ts';

export type ContactsService = ReturnType<typeof contactsService>;

/**
 * Close contacts (密切接触者) of a case, as the notice names them. Their measure is always
 * isolation, at home or central: the isolation case is opened for them by the cases desk, and
 * shown here once it is. Access as for returnees (quarantine.read / write / reveal).
 */
export function contactsService(deps: Deps, { regions }: { regions: RegionsService }) {
  const {
    db: { db },
    config: { timeZone },
  } = deps;
  const people = quarantinePeople(deps, { kind: 'contact', regions, find: repo.findContact });
  const { changed } = people;

  async function reload(id: string): Promise<Contact> {
    return (await people.shown([(await repo.findContact(db, id))!]))[0]!;
  }

  function checkExposure(on: string, problems: Record<string, FieldProblem>) {
    if (on > calendarDate(timeZone)) problems.lastExposureOn ??= { reason: 'field.contact.exposureFuture' };
  }

  return {
    /** Contact figures per region for the dashboard's refresh job: the system's own reading, no access check. */
    figures: (w: FigureWindow) => repo.contactFigures(db, w),

    async create(actor: Actor, call: CallContext, input: CreateContactInput): Promise<Contact> {
      requireScope(actor, 'quarantine.write');
      const problems: Record<string, FieldProblem> = {};
      const { region, person } = await people.registered(actor, input, problems);
      checkExposure(input.lastExposureOn, problems);
      const error = invalid(problems);
      if (error) throw error;
      const now = nowIso();
      const id = newId();
      await transact(db, call, async (trx) => {
        await repo.insertContact(trx, {
          id,
          ...person,
          sourceCase: input.sourceCase.trim(),
          lastExposureOn: input.lastExposureOn,
          exposureKind: input.exposureKind,
          followUpId: null,
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
      const row = await people.writable(actor, id);
      const problems: Record<string, FieldProblem> = {};
      const { region, person } = await people.corrected(actor, row, input, problems);
      if (input.lastExposureOn !== undefined) checkExposure(input.lastExposureOn, problems);
      const error = invalid(problems);
      if (error) throw error;
      await transact(db, call, async (trx) => {
        await repo.updateContact(trx, id, {
          ...person,
          ...(input.sourceCase !== undefined ? { sourceCase: input.sourceCase.trim() } : {}),
          ...(input.lastExposureOn !== undefined ? { lastExposureOn: input.lastExposureOn } : {}),
          ...(input.exposureKind !== undefined ? { exposureKind: input.exposureKind } : {}),
          updatedAt: nowIso(),
        });
        await auditWrite(trx, call, 'contact.update', 'contact', id, region.path, { fields: Object.keys(input) });
        await people.updated(trx, id, region.path, row.regionPath);
      });
      return reload(id);
    },

    async list(actor: Actor, query: ContactQueryInput): Promise<{ items: Contact[]; total: number }> {
      const { scope, filter } = await people.listing(actor, query);
      const { items, total } = await repo.listContacts(db, scope, {
        ...filter,
        ...(query.exposureKind ? { exposureKind: query.exposureKind } : {}),
        ...(query.hasCase !== undefined ? { hasCase: query.hasCase } : {}),
      });
      return { items: await people.shown(items), total };
    },

    async get(actor: Actor, id: string): Promise<Contact> {
      return (await people.shown([await people.visible(actor, 'quarantine.read', id)]))[0]!;
    },

    reveal: people.reveal,
  };
}
