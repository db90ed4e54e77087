import { sql, type Kysely } from 'kysely';
import type { ContactExposureKind } from '../../../common/enums.ts';
import type { Scope } from '../../platform/access/actor.ts';
import { toNumber } from '../../platform/db/dialect.ts';
import type { ContactTable, Database } from '../../platform/db/schema.ts';
import type { FigureRow, FigureWindow } from '../dashboard/figure-sources.ts';
import { pageOf, type PersonFilter } from './people.repository.ts';

type Q = Kysely<Database>;

/** A contact as stored, unmasked (the ID number still sealed), with its region's path for access checks. */
export interface ContactRow {
  id: string;
  regionId: string;
  regionName: string;
  regionPath: string;
  householdId: string | null;
  householdAddress: string | null;
  name: string;
  idNumberEnc: string | null;
  mobile: string | null;
  address: string | null;
  sourceCase: string;
  lastExposureOn: string;
  exposureKind: ContactExposureKind;
  note: string | null;
  createdAt: string;
  updatedAt: string;
  anonymisedAt: string | null;
}

function base(q: Q) {
  return q
    .selectFrom('contacts')
    .innerJoin('regions', 'regions.id', 'contacts.regionId')
    .leftJoin('households', 'households.id', 'contacts.householdId')
    .select([
      'contacts.id',
      'contacts.regionId',
      'regions.name as regionName',
      'regions.path as regionPath',
      'contacts.householdId',
      'households.address as householdAddress',
      'contacts.name',
      'contacts.idNumberEnc',
      'contacts.mobile',
      'contacts.address',
      'contacts.sourceCase',
      'contacts.lastExposureOn',
      'contacts.exposureKind',
      'contacts.note',
      'contacts.createdAt',
      'contacts.updatedAt',
      'contacts.anonymisedAt',
    ]);
}

type Raw = Awaited<ReturnType<ReturnType<typeof base>['executeTakeFirstOrThrow']>>;

const toRow = (r: Raw): ContactRow => ({ ...r, exposureKind: r.exposureKind as ContactExposureKind });

export async function findContact(q: Q, id: string): Promise<ContactRow | undefined> {
  const row = await base(q).where('contacts.id', '=', id).executeTakeFirst();
  return row && toRow(row);
}

export interface ContactFilter extends PersonFilter {
  exposureKind?: ContactExposureKind;
  hasCase?: boolean;
}

/** The latest exposures first. */
export async function listContacts(q: Q, scope: Scope, f: ContactFilter): Promise<{ items: ContactRow[]; total: number }> {
  let query = base(q);
  if (f.exposureKind) query = query.where('contacts.exposureKind', '=', f.exposureKind);
  if (f.hasCase !== undefined) {
    const hasCase = f.hasCase;
    query = query.where((eb) => {
      const cases = eb
        .selectFrom('isolationCases')
        .select('isolationCases.id')
        .whereRef('isolationCases.contactId', '=', 'contacts.id');
      return hasCase ? eb.exists(cases) : eb.not(eb.exists(cases));
    });
  }
  const { rows, total } = await pageOf(
    query.orderBy('contacts.lastExposureOn', 'desc').orderBy('contacts.id', 'desc'),
    'contacts',
    scope,
    f,
  );
  return { items: rows.map(toRow), total };
}

export async function insertContact(q: Q, row: ContactTable): Promise<void> {
  await q.insertInto('contacts').values(row).execute();
}

export async function updateContact(
  q: Q,
  id: string,
  set: Partial<Omit<ContactTable, 'id' | 'createdAt' | 'createdBy'>>,
): Promise<void> {
  await q.updateTable('contacts').set(set).where('id', '=', id).execute();
}

/** The dashboard's contact figures per region: registered by `to`, and in [from, to). */
export async function contactFigures(q: Q, w: FigureWindow): Promise<FigureRow[]> {
  const rows = await q
    .selectFrom('contacts')
    .select((eb) => [
      'regionId',
      eb.fn.countAll<number | string>().as('contacts'),
      sql<number | string>`SUM(CASE WHEN ${sql.ref('createdAt')} >= ${w.from} THEN 1 ELSE 0 END)`.as('contactsNew'),
    ])
    .where('createdAt', '<', w.to)
    .groupBy('regionId')
    .execute();
  return rows.map((r) => ({
    regionId: r.regionId,
    values: { contacts: toNumber(r.contacts), contactsNew: toNumber(r.contactsNew) },
  }));
}
