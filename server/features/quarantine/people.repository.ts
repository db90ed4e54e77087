import { sql, type Kysely, type SelectQueryBuilder } from 'kysely';
import type { CaseStatus, IsolationKind } from '../../../common/enums.ts';
import type { Scope } from '../../platform/access/actor.ts';
import { inRegionScope } from '../../platform/access/scope.ts';
import { startsWith, toNumber } from '../../platform/db/dialect.ts';
import type { Database } from '../../platform/db/schema.ts';
import { ANONYMISED_NAME } from './cases.rules.ts';
import type { CaseRef } from './returnees.schemas.ts';

type Q = Kysely<Database>;

/** The tables of returnees and close contacts: the same person and place columns, a different start. */
export type PersonTable = 'returnees' | 'contacts';

/** The day a person's watch starts from: the return, the last exposure. */
export const STARTS_ON = { returnees: 'returnedOn', contacts: 'lastExposureOn' } as const;
/** The isolation case column naming a person of the table. */
export const CASE_COLUMN = { returnees: 'returneeId', contacts: 'contactId' } as const;

/** A region a returnee or contact may be placed in, with what the checks need. */
export async function placeOf(q: Q, regionId: string) {
  return q.selectFrom('regions').select(['id', 'name', 'path', 'level']).where('id', '=', regionId).executeTakeFirst();
}

/** A registered household and its region's path. */
export async function householdOf(q: Q, id: string) {
  return q
    .selectFrom('households')
    .innerJoin('regions', 'regions.id', 'households.regionId')
    .select(['households.id', 'households.address', 'regions.path as regionPath'])
    .where('households.id', '=', id)
    .executeTakeFirst();
}

/** The latest isolation case opened for each of these returnees or contacts. */
export async function casesOf(q: Q, table: PersonTable, ids: readonly string[]): Promise<Map<string, CaseRef>> {
  const column = CASE_COLUMN[table];
  const out = new Map<string, CaseRef>();
  for (let i = 0; i < ids.length; i += 500) {
    const rows = await q
      .selectFrom('isolationCases')
      .select(['id', 'ref', 'kind', 'status', 'returneeId', 'contactId'])
      .where(column, 'in', ids.slice(i, i + 500))
      .orderBy('createdAt')
      .orderBy('id')
      .execute();
    for (const r of rows) {
      const owner = r[column];
      if (owner) out.set(owner, { id: r.id, ref: r.ref, kind: r.kind as IsolationKind, status: r.status as CaseStatus });
    }
  }
  return out;
}

/** What every list of returnees or contacts filters by: place and start days (local, inclusive), one page. */
export interface PersonFilter {
  regionPath?: string;
  from?: string;
  to?: string;
  limit: number;
  offset: number;
}

/**
 * One page of a list of returnees or contacts in the caller's scope, and how many there are in
 * all. `query` selects from the table joined with its region, already narrowed and ordered.
 */
export async function pageOf<DB, TB extends keyof DB, O>(
  query: SelectQueryBuilder<DB, TB, O>,
  table: PersonTable,
  scope: Scope,
  f: PersonFilter,
): Promise<{ rows: O[]; total: number }> {
  const startsOn = sql.ref<string>(`${table}.${STARTS_ON[table]}`);
  let q = query.where((eb) => inRegionScope(eb, scope, 'regions.path'));
  if (f.regionPath) q = q.where(startsWith('regions.path', f.regionPath));
  if (f.from) q = q.where(sql<boolean>`${startsOn} >= ${f.from}`);
  if (f.to) q = q.where(sql<boolean>`${startsOn} <= ${f.to}`);
  const totalRow = await q
    .clearSelect()
    .clearOrderBy()
    .select(sql<number | string>`COUNT(*)`.as('n'))
    .executeTakeFirstOrThrow();
  const rows = await q.limit(f.limit).offset(f.offset).execute();
  return { rows, total: toNumber((totalRow as { n: number | string }).n) };
}

/**
 * Ids of the table's people whose watch started before `startedBefore`, not yet anonymised, that
 * no case still holding a person names (cases go first: theirs is the longer keep).
 */
export async function dueForAnonymising(q: Q, table: PersonTable, startedBefore: string, limit: number): Promise<string[]> {
  const rows = await q
    .selectFrom(table)
    .select('id')
    .where('anonymisedAt', 'is', null)
    .where(sql<boolean>`${sql.ref(STARTS_ON[table])} < ${startedBefore}`)
    .where((eb) =>
      eb.not(
        eb.exists(
          eb
            .selectFrom('isolationCases as c')
            .select('c.id')
            .whereRef(`c.${CASE_COLUMN[table]}`, '=', `${table}.id`)
            .where('c.anonymisedAt', 'is', null),
        ),
      ),
    )
    .orderBy('id')
    .limit(limit)
    .execute();
  return rows.map((r) => r.id);
}

/**
 * What names, reaches or places the person: name (the marker cases use), ID number, mobile,
 * address, the household (it points at an address) and the free texts, which may name people.
 */
export const ANONYMISED_FIELDS: Record<PersonTable, readonly string[]> = {
  returnees: ['name', 'idNumber', 'mobile', 'address', 'householdId', 'note', 'measureReason'],
  contacts: ['name', 'idNumber', 'mobile', 'address', 'householdId', 'note', 'sourceCase'],
};

/** Removes the person from these rows (those not anonymised meanwhile); how many. */
export async function anonymise(q: Q, table: PersonTable, ids: readonly string[], now: string): Promise<number> {
  const person = {
    name: ANONYMISED_NAME,
    idNumberEnc: null,
    idNumberIndex: null,
    mobile: null,
    address: null,
    householdId: null,
    note: null,
    anonymisedAt: now,
    updatedAt: now,
  };
  const r =
    table === 'returnees'
      ? await q
          .updateTable('returnees')
          .set({ ...person, measureReason: null })
          .where('id', 'in', [...ids])
          .where('anonymisedAt', 'is', null)
          .executeTakeFirst()
      : await q
          .updateTable('contacts')
          .set({ ...person, sourceCase: ANONYMISED_NAME })
          .where('id', 'in', [...ids])
          .where('anonymisedAt', 'is', null)
          .executeTakeFirst();
  return Number(r.numUpdatedRows);
}
