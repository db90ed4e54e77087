import type { Kysely } from 'kysely';
import { idCardProblem, normalizeIdCard } from '../../../common/idcard.ts';
import { maskIdCard, maskMobile, maskName } from '../../../common/mask.ts';
import { inScope, requireAccess, requireScope, scopeFor, type Actor, type Scope } from '../../platform/access/actor.ts';
import { auditWrite, writeAudit, type CallContext } from '../../platform/audit/audit.ts';
import { nowIso } from '../../platform/db/ids.ts';
import type { Database } from '../../platform/db/schema.ts';
import { transact } from '../../platform/db/transact.ts';
import type { Deps } from '../../platform/deps.ts';
import { AppError, conflict, invalidField, notFound, type FieldProblem } from '../../platform/errors.ts';
import { sealIdNumber } from '../../platform/pii/identity.ts';
import type { RegionsService } from '../regions/regions.service.ts';
import { ANONYMISED_NAME } from './cases.rules.ts';
import * as repo from './people.repository.ts';
import type { CaseRef, PersonOut, PersonReveal } from './returnees.schemas.ts';

export type PersonKind = 'returnee' | 'contact';

const TABLE: Record<PersonKind, repo.PersonTable> = { returnee: 'returnees', contact: 'contacts' };
/** Returnees and contacts live in a community or one of its grids, where staff visit them. */
const PLACE_LEVELS: ReadonlySet<string> = new Set(['community', 'grid']);
/** Rows anonymised per transaction by the retention job. */
const BATCH = 500;
/** The retention job acts on its own. */
export const SYSTEM: CallContext = { actorId: null, actorLogin: null, ip: null };

type Problems = Record<string, FieldProblem>;

/** The problems gathered over a form, as one 422; null when there are none. */
export function invalid(problems: Problems): AppError | null {
  return Object.keys(problems).length ? new AppError(422, 'VALIDATION', {}, problems) : null;
}

/** A returnee or contact as stored: what the shared part needs of it. */
export interface PersonRow {
  id: string;
  regionId: string;
  regionPath: string;
  householdId: string | null;
  name: string;
  idNumberEnc: string | null;
  mobile: string | null;
  address: string | null;
  anonymisedAt: string | null;
}

/** A stored row as answered: the person masked (or marked anonymised), with the latest case opened for it. */
export type Shown<R extends PersonRow> = Omit<R, 'regionPath' | 'idNumberEnc' | 'anonymisedAt'> &
  PersonOut & { case: CaseRef | null };

/** The person and place fields of a registration or correction, as typed. */
export interface PersonInput {
  regionId?: string;
  householdId?: string | null;
  name?: string;
  idNumber?: string | null;
  mobile?: string | null;
  address?: string | null;
  note?: string | null;
}

/** The paging and period of a list request. */
export interface PersonQuery {
  regionId?: string;
  from?: string;
  to?: string;
  limit?: number;
  offset?: number;
}

/**
 * What returnees and close contacts share: the person (ID number checked and sealed, masked in
 * every answer, revealed with an audit record), the place (a community or grid the caller may
 * write in, maybe a registered household there), the lists' filters and the events. Retention is
 * `anonymisePeople`, run by the cases' daily job.
 */
export function quarantinePeople<R extends PersonRow>(
  deps: Deps,
  {
    kind,
    regions,
    find,
  }: { kind: PersonKind; regions: RegionsService; find: (q: Kysely<Database>, id: string) => Promise<R | undefined> },
) {
  const { db } = deps.db;
  const { pii, events } = deps;
  const table = TABLE[kind];

  async function visible(actor: Actor, permission: 'quarantine.read' | 'quarantine.write' | 'quarantine.reveal', id: string) {
    const row = await find(db, id);
    if (!row) throw notFound();
    requireAccess(actor, permission, row.regionPath);
    return row;
  }

  async function place(actor: Actor, regionId: string, householdId: string | null, problems: Problems) {
    const region = await repo.placeOf(db, regionId);
    if (!region) throw notFound();
    requireAccess(actor, 'quarantine.write', region.path);
    if (!PLACE_LEVELS.has(region.level)) problems.regionId ??= { reason: 'field.quarantinePerson.regionLevel' };
    if (householdId !== null) {
      // One they cannot see is a wrong value in the form, not a missing page.
      const household = await repo.householdOf(db, householdId);
      if (!household || !inScope(scopeFor(actor, 'quarantine.write'), household.regionPath)) {
        problems.householdId ??= { reason: 'field.quarantinePerson.household' };
      }
    }
    return region;
  }

  /** Sealed columns for a typed ID number (null clears it); a problem when it does not check. */
  function idNumber(raw: string | null, problems: Problems) {
    if (raw === null) return { idNumberEnc: null, idNumberIndex: null };
    const problem = idCardProblem(raw);
    if (problem) {
      problems.idNumber ??= { reason: `field.idCard.${problem}` };
      return { idNumberEnc: null, idNumberIndex: null };
    }
    return sealIdNumber(pii, normalizeIdCard(raw));
  }

  const changed = (q: Kysely<Database>, type: string, id: string, regionPath: string) =>
    events.publish(q, { type, permission: 'quarantine.read', regionPath, entityType: kind, entityId: id });

  return {
    visible,
    changed,

    /** Where a registration puts the person and who they are, as stored; problems gathered. */
    async registered(actor: Actor, input: PersonInput & { regionId: string; name: string }, problems: Problems) {
      const householdId = input.householdId ?? null;
      const region = await place(actor, input.regionId, householdId, problems);
      return {
        region,
        person: {
          regionId: region.id,
          householdId,
          name: input.name.trim(),
          ...idNumber(input.idNumber ?? null, problems),
          mobile: input.mobile ?? null,
          address: input.address?.trim() || null,
          note: input.note?.trim() || null,
        },
      };
    },

    /** The same for a correction: what it names changes, the place is checked again when it does. */
    async corrected(actor: Actor, row: R, input: PersonInput, problems: Problems) {
      const householdId = input.householdId === undefined ? row.householdId : input.householdId;
      const region =
        input.regionId !== undefined || input.householdId !== undefined
          ? await place(actor, input.regionId ?? row.regionId, householdId, problems)
          : { id: row.regionId, path: row.regionPath };
      return {
        region,
        person: {
          regionId: region.id,
          householdId,
          ...(input.name !== undefined ? { name: input.name.trim() } : {}),
          ...(input.idNumber === undefined ? {} : idNumber(input.idNumber, problems)),
          ...(input.mobile !== undefined ? { mobile: input.mobile } : {}),
          ...(input.address !== undefined ? { address: input.address?.trim() || null } : {}),
          ...(input.note !== undefined ? { note: input.note?.trim() || null } : {}),
        },
      };
    },

    /** A correction's events: the place's lists, and the one it left when the person moved. */
    async updated(q: Kysely<Database>, id: string, regionPath: string, previousPath: string) {
      await changed(q, `${kind}.updated`, id, regionPath);
      if (regionPath !== previousPath) await changed(q, `${kind}.updated`, id, previousPath);
    },

    /** A row the caller may change: one in their write scope that still holds a person. */
    async writable(actor: Actor, id: string): Promise<R> {
      const row = await visible(actor, 'quarantine.write', id);
      if (row.anonymisedAt !== null) throw conflict('QUARANTINE_PERSON_ANONYMISED');
      return row;
    },

    /** The scope and filter of a list request, the period checked. */
    async listing(actor: Actor, query: PersonQuery): Promise<{ scope: Scope; filter: repo.PersonFilter }> {
      const scope = requireScope(actor, 'quarantine.read');
      const regionPath = await regions.readablePath(actor, 'quarantine.read', query.regionId);
      if (query.from && query.to && query.to < query.from) throw invalidField('to', 'field.quarantinePerson.toBeforeFrom');
      return {
        scope,
        filter: {
          ...(regionPath ? { regionPath } : {}),
          ...(query.from ? { from: query.from } : {}),
          ...(query.to ? { to: query.to } : {}),
          limit: query.limit ?? 50,
          offset: query.offset ?? 0,
        },
      };
    },

    async shown(rows: R[]): Promise<Shown<R>[]> {
      const cases = await repo.casesOf(
        db,
        table,
        rows.map((r) => r.id),
      );
      return rows.map((r) => {
        const { regionPath: _path, idNumberEnc: _enc, anonymisedAt, ...rest } = r;
        const gone = anonymisedAt !== null;
        return {
          ...rest,
          name: gone ? ANONYMISED_NAME : maskName(r.name),
          idNumber: r.idNumberEnc === null ? null : maskIdCard(pii.decrypt(r.idNumberEnc)),
          mobile: r.mobile === null ? null : maskMobile(r.mobile),
          address: r.address,
          anonymised: gone,
          case: cases.get(r.id) ?? null,
        };
      });
    },

    /** Name, ID number and mobile in full, for a caller who may reveal them there; audited. */
    async reveal(actor: Actor, call: CallContext, id: string): Promise<PersonReveal> {
      const row = await visible(actor, 'quarantine.reveal', id);
      if (row.anonymisedAt !== null) throw conflict('QUARANTINE_PERSON_ANONYMISED');
      await auditWrite(db, call, `${kind}.reveal`, kind, id, row.regionPath, { fields: ['name', 'idNumber', 'mobile'] });
      return { name: row.name, idNumber: row.idNumberEnc === null ? null : pii.decrypt(row.idNumberEnc), mobile: row.mobile };
    },
  };
}

/** Runs `apply` on the due ids a batch at a time, each batch in its own transaction, until none are due. */
export async function inBatches<T>(
  db: Kysely<Database>,
  due: (limit: number) => Promise<string[]>,
  apply: (trx: Kysely<Database>, ids: string[]) => Promise<T>,
): Promise<T[]> {
  const done: T[] = [];
  for (;;) {
    const ids = await due(BATCH);
    if (ids.length === 0) break;
    done.push(await transact(db, SYSTEM, (trx) => apply(trx, ids)));
    if (ids.length < BATCH) break;
  }
  return done;
}

/**
 * Returnees (contacts) whose watch started before `startedBefore` and that no case still holding a
 * person names lose the person; one audit record counts them and names what went.
 */
export async function anonymisePeople(db: Kysely<Database>, kind: PersonKind, startedBefore: string): Promise<number> {
  const table = TABLE[kind];
  const counts = await inBatches(
    db,
    (limit) => repo.dueForAnonymising(db, table, startedBefore, limit),
    (trx, ids) => repo.anonymise(trx, table, ids, nowIso()),
  );
  const n = counts.reduce((a, b) => a + b, 0);
  if (n > 0) {
    await writeAudit(db, {
      ...SYSTEM,
      action: `${table}.anonymise`,
      entityType: kind,
      entityId: null,
      detail: { startedBefore, [table]: n, fields: repo.ANONYMISED_FIELDS[table] },
    });
  }
  return n;
}
