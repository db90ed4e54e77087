import { sql, type Kysely, type RawBuilder } from 'kysely';
import type { ExposureFlag, Measure, TransportMode } from '../../../common/enums.ts';
import type { Scope } from '../../platform/access/actor.ts';
import { HUBEI_PROVINCE } from '../../../common/measures.ts';
import { toBool, toNumber } from '../../platform/db/dialect.ts';
import type { Database, ReturneeTable } from '../../platform/db/schema.ts';
import type { FigureRow, FigureWindow } from '../dashboard/figure-sources.ts';
import { pageOf, type PersonFilter } from './people.repository.ts';

type Q = Kysely<Database>;

/** A returnee as stored, unmasked (the ID number still sealed), with its region's path for access checks. */
export interface ReturneeRow {
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
  originCode: string;
  originName: string;
  fromRiskArea: boolean;
  returnedOn: string;
  transport: TransportMode;
  tripNumber: string | null;
  exposures: ExposureFlag[];
  proposedMeasure: Measure;
  measure: Measure | null;
  measureBy: { accountId: string; name: string } | null;
  measureAt: string | null;
  measureReason: string | null;
  followUpId: string | null;
  note: string | null;
  createdAt: string;
  updatedAt: string;
  anonymisedAt: string | null;
}

function base(q: Q) {
  return q
    .selectFrom('returnees')
    .innerJoin('regions', 'regions.id', 'returnees.regionId')
    .leftJoin('households', 'households.id', 'returnees.householdId')
    .leftJoin('accounts as decider', 'decider.id', 'returnees.measureBy')
    .selectAll('returnees')
    .select([
      'regions.name as regionName',
      'regions.path as regionPath',
      'households.address as householdAddress',
      'decider.name as deciderName',
    ]);
}

type Raw = Awaited<ReturnType<ReturnType<typeof base>['executeTakeFirstOrThrow']>>;

function toRow(r: Raw): ReturneeRow {
  return {
    id: r.id,
    regionId: r.regionId,
    regionName: r.regionName,
    regionPath: r.regionPath,
    householdId: r.householdId,
    householdAddress: r.householdAddress,
    name: r.name,
    idNumberEnc: r.idNumberEnc,
    mobile: r.mobile,
    address: r.address,
    originCode: r.originCode,
    originName: r.originName,
    fromRiskArea: toBool(r.fromRiskArea),
    returnedOn: r.returnedOn,
    transport: r.transport as TransportMode,
    tripNumber: r.tripNumber,
    exposures: JSON.parse(r.exposures) as ExposureFlag[],
    proposedMeasure: r.proposedMeasure as Measure,
    measure: r.measure as Measure | null,
    measureBy: r.measureBy ? { accountId: r.measureBy, name: r.deciderName ?? '' } : null,
    measureAt: r.measureAt,
    measureReason: r.measureReason,
    followUpId: r.followUpId,
    note: r.note,
    createdAt: r.createdAt,
    updatedAt: r.updatedAt,
    anonymisedAt: r.anonymisedAt,
  };
}

export async function findReturnee(q: Q, id: string): Promise<ReturneeRow | undefined> {
  const row = await base(q).where('returnees.id', '=', id).executeTakeFirst();
  return row && toRow(row);
}

export interface ReturneeFilter extends PersonFilter {
  measure?: Measure;
  pending?: boolean;
}

/** Awaiting confirmation first, then the latest returns. */
export async function listReturnees(q: Q, scope: Scope, f: ReturneeFilter): Promise<{ items: ReturneeRow[]; total: number }> {
  let query = base(q);
  if (f.measure)
    query = query.where(
      sql<string>`COALESCE(${sql.ref('returnees.measure')}, ${sql.ref('returnees.proposedMeasure')})`,
      '=',
      f.measure,
    );
  if (f.pending !== undefined) query = query.where('returnees.measure', f.pending ? 'is' : 'is not', null);
  const { rows, total } = await pageOf(
    query
      .orderBy(sql`CASE WHEN ${sql.ref('returnees.measure')} IS NULL THEN 0 ELSE 1 END`)
      .orderBy('returnees.returnedOn', 'desc')
      .orderBy('returnees.id', 'desc'),
    'returnees',
    scope,
    f,
  );
  return { items: rows.map(toRow), total };
}

export async function insertReturnee(q: Q, row: ReturneeTable): Promise<void> {
  await q.insertInto('returnees').values(row).execute();
}

export async function updateReturnee(
  q: Q,
  id: string,
  set: Partial<Omit<ReturneeTable, 'id' | 'createdAt' | 'createdBy'>>,
): Promise<void> {
  await q.updateTable('returnees').set(set).where('id', '=', id).execute();
}

/** 武汉市's division code: its returnees are counted apart from the rest of Hubei. */
const WUHAN = '4201';

/**
 * The dashboard's returnee figures per region: registered by `to` (all, and by origin: Wuhan, the
 * rest of Hubei, elsewhere), registered in [from, to), and those with an isolation case released
 * by the end of `day` (its closing date; closed at or before `to` for today).
 */
export async function returneeFigures(q: Q, w: FigureWindow): Promise<FigureRow[]> {
  const count = (when: RawBuilder<unknown>) => sql<number | string>`SUM(CASE WHEN ${when} THEN 1 ELSE 0 END)`;
  const origin = sql.ref('r.originCode');
  const rows = await q
    .selectFrom('returnees as r')
    .select((eb) => [
      'r.regionId',
      eb.fn.countAll<number | string>().as('returnees'),
      count(sql`${sql.ref('r.createdAt')} >= ${w.from}`).as('returneesNew'),
      count(sql`${origin} LIKE ${`${WUHAN}%`}`).as('returneesWuhan'),
      count(sql`${origin} LIKE ${`${HUBEI_PROVINCE}%`} AND ${origin} NOT LIKE ${`${WUHAN}%`}`).as('returneesHubei'),
      count(sql`${origin} NOT LIKE ${`${HUBEI_PROVINCE}%`}`).as('returneesOther'),
      count(
        sql`${eb.exists(
          eb
            .selectFrom('isolationCases as c')
            .select(sql`1`.as('one'))
            .whereRef('c.returneeId', '=', 'r.id')
            .where('c.status', '=', 'released')
            .where('c.closedOn', '<=', w.day),
        )}`,
      ).as('returneesReleased'),
    ])
    .where('r.createdAt', '<', w.to)
    .groupBy('r.regionId')
    .execute();
  return rows.map((r) => ({
    regionId: r.regionId,
    values: {
      returnees: toNumber(r.returnees),
      returneesNew: toNumber(r.returneesNew),
      returneesWuhan: toNumber(r.returneesWuhan),
      returneesHubei: toNumber(r.returneesHubei),
      returneesOther: toNumber(r.returneesOther),
      returneesReleased: toNumber(r.returneesReleased),
    },
  }));
}
