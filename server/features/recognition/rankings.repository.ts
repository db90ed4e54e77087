import { sql, type Expression, type Kysely, type RawBuilder } from 'kysely';
import { SERVICE_KINDS, type RankingMetric, type RankingSubject, type ServiceKind } from '../../../common/enums.ts';
import { startsWith, toNumber } from '../../platform/db/dialect.ts';
import { placeLabel } from '../../platform/db/place-label.ts';
import type { Database } from '../../platform/db/schema.ts';

type Q = Kysely<Database>;

export interface RankingFilter {
  subject: RankingSubject;
  metric: RankingMetric;
  /** The region whose subtree holds the ranked subjects' own regions. */
  regionPath: string;
  from: string;
  to: string;
}

export interface RankingRow {
  rank: number;
  id: string;
  name: string;
  regionName: string;
  unitName: string | null;
  volunteers: number;
  hours: number;
  entries: number;
  byKind: Record<ServiceKind, number>;
}

/** Who a subject's entries come from: one row per (subject, volunteer). */
interface Member {
  subjectId: string;
  volunteerId: string;
  name: string;
  regionId: string;
  unitName: string | null;
}

function members(q: Q, subject: RankingSubject): Expression<Member> {
  switch (subject) {
    case 'volunteer':
      return q
        .selectFrom('volunteers as v')
        .leftJoin('units as u', 'u.id', 'v.unitId')
        .select((eb) => [
          'v.id as subjectId',
          'v.id as volunteerId',
          'v.name',
          'v.regionId',
          eb.fn.coalesce('u.name', 'v.unitName').as('unitName'),
        ]);
    case 'team':
      return q
        .selectFrom('teams as t')
        .innerJoin('teamMembers as tm', 'tm.teamId', 't.id')
        .select(['t.id as subjectId', 'tm.volunteerId', 't.name', 't.regionId', sql<string | null>`NULL`.as('unitName')]);
    case 'unit':
      return q
        .selectFrom('units as u')
        .innerJoin('volunteers as v', 'v.unitId', 'u.id')
        .select(['u.id as subjectId', 'v.id as volunteerId', 'u.name', 'u.regionId', sql<string | null>`NULL`.as('unitName')]);
  }
}

/**
 * Hours as whole hundredths: every entry's hours have at most two decimals, so the integer sum is
 * exact on both databases (PostgreSQL would sum a `real` column in single precision) and equal
 * totals tie exactly, as the service record rounds them.
 */
const hundredths = sql<number | string>`COALESCE(SUM(CAST(ROUND(${sql.ref('sr.hours')} * 100) AS INTEGER)), 0)`;
const kindCount = (kind: ServiceKind) => sql<number | string>`SUM(CASE WHEN ${sql.ref('sr.kind')} = ${kind} THEN 1 ELSE 0 END)`;
const metricOf = (metric: RankingMetric): RawBuilder<number | string> => (metric === 'hours' ? hundredths : kindCount(metric));

/** The period's entries joined to the subjects they count for, whose own region lies under the filter's. */
function entries(q: Q, f: RankingFilter) {
  return q
    .selectFrom('serviceRecords as sr')
    .innerJoin(sql<Member>`${members(q, f.subject)}`.as('s'), 's.volunteerId', 'sr.volunteerId')
    .innerJoin('regions as r', 'r.id', 's.regionId')
    .where('sr.occurredOn', '>=', f.from)
    .where('sr.occurredOn', '<=', f.to)
    .where(startsWith('r.path', f.regionPath));
}

/**
 * One page of the ranking, grouped and ranked in the database. RANK() runs over every ranked
 * subject before the page is cut, so a later page carries on the numbering (1, 2, 2, 4).
 */
export async function ranking(q: Q, f: RankingFilter, page: { limit: number; offset: number }): Promise<RankingRow[]> {
  const metric = metricOf(f.metric);
  const rows = await entries(q, f)
    .leftJoin('regions as pr', 'pr.id', 'r.parentId')
    .select((eb) => [
      sql<number | string>`RANK() OVER (ORDER BY ${metric} DESC)`.as('rank'),
      's.subjectId',
      's.name',
      's.unitName',
      placeLabel('r', 'pr').as('regionName'),
      eb.fn.count<number | string>('sr.volunteerId').distinct().as('volunteers'),
      eb.fn.countAll<number | string>().as('entries'),
      hundredths.as('hundredths'),
      ...SERVICE_KINDS.map((kind) => kindCount(kind).as(`${kind}Count`)),
    ])
    .groupBy(['s.subjectId', 's.name', 's.unitName', 'r.name', 'r.level', 'pr.name'])
    .orderBy(metric, 'desc')
    .orderBy('s.name')
    .orderBy('s.subjectId')
    .limit(page.limit)
    .offset(page.offset)
    .execute();
  return rows.map((r) => {
    // Kind counts come back under aliases the query builder cannot type.
    const counts = r as unknown as Record<`${ServiceKind}Count`, number | string>;
    return {
      rank: toNumber(r.rank),
      id: r.subjectId,
      name: r.name,
      regionName: r.regionName,
      unitName: r.unitName,
      volunteers: toNumber(r.volunteers),
      hours: toNumber(r.hundredths) / 100,
      entries: toNumber(r.entries),
      byKind: Object.fromEntries(SERVICE_KINDS.map((kind) => [kind, toNumber(counts[`${kind}Count`])])) as Record<
        ServiceKind,
        number
      >,
    };
  });
}

/** How many subjects have at least one entry in the period: the ranking's length. */
export async function rankedCount(q: Q, f: RankingFilter): Promise<number> {
  const row = await entries(q, f)
    .select((eb) => eb.fn.count<number | string>('s.subjectId').distinct().as('n'))
    .executeTakeFirstOrThrow();
  return toNumber(row.n);
}
