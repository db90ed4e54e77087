import { sql, type Kysely, type RawBuilder } from 'kysely';
import { REPORT_SLOTS, type Feeling, type ReportSlot, type Symptom } from '../../../common/enums.ts';
import { toBool, toNumber } from '../../platform/db/dialect.ts';
import type { Database, HealthReportTable } from '../../platform/db/schema.ts';
import type { FigureRow, FigureWindow } from '../dashboard/figure-sources.ts';

type Q = Kysely<Database>;

/** What the reports need of a case (the cases feature owns the table; read here, never written). */
export interface CaseFacts {
  id: string;
  ref: string;
  regionId: string;
  regionName: string;
  regionPath: string;
  personName: string;
  startsOn: string;
  endsOn: string;
  planDays: number;
  /** When the case was opened (ISO): slots that ended before it are not asked of it. */
  openedAt: string;
  status: string;
  gridWorkerId: string | null;
  medicalObserverId: string | null;
}

export async function findCase(q: Q, id: string): Promise<CaseFacts | undefined> {
  return q
    .selectFrom('isolationCases as c')
    .innerJoin('regions', 'regions.id', 'c.regionId')
    .select([
      'c.id',
      'c.ref',
      'c.regionId',
      'regions.name as regionName',
      'regions.path as regionPath',
      'c.personName',
      'c.startsOn',
      'c.endsOn',
      'c.planDays',
      'c.createdAt as openedAt',
      'c.status',
      'c.gridWorkerId',
      'c.medicalObserverId',
    ])
    .where('c.id', '=', id)
    .executeTakeFirst();
}

export interface ReportRow {
  id: string;
  slotOn: string;
  slot: ReportSlot;
  temperature: number | null;
  remeasuredTemperature: number | null;
  remeasuredAt: string | null;
  fever: boolean;
  symptoms: Symptom[];
  feeling: Feeling;
  helpRequest: string | null;
  late: boolean;
  enteredBy: string | null;
  enteredByName: string | null;
  reportedAt: string;
}

/** A case's reports, newest slot first; `since` bounds the dates. */
export async function reportsOf(q: Q, caseId: string, since: string, limit: number): Promise<ReportRow[]> {
  const rows = await q
    .selectFrom('healthReports as r')
    .leftJoin('accounts', 'accounts.id', 'r.enteredBy')
    .select([
      'r.id',
      'r.slotOn',
      'r.slot',
      'r.temperature',
      'r.remeasuredTemperature',
      'r.remeasuredAt',
      'r.fever',
      'r.symptoms',
      'r.feeling',
      'r.helpRequest',
      'r.late',
      'r.enteredBy',
      'accounts.name as enteredByName',
      'r.reportedAt',
    ])
    .where('r.caseId', '=', caseId)
    .where('r.slotOn', '>=', since)
    // 'morning' < 'evening' reversed: evening is the later slot of a day.
    .orderBy('r.slotOn', 'desc')
    .orderBy(sql`CASE ${sql.ref('r.slot')} WHEN 'evening' THEN 0 ELSE 1 END`)
    .limit(limit)
    .execute();
  return rows.map((r) => ({
    ...r,
    slot: r.slot as ReportSlot,
    temperature: r.temperature === null ? null : Number(r.temperature),
    remeasuredTemperature: r.remeasuredTemperature === null ? null : Number(r.remeasuredTemperature),
    fever: toBool(r.fever),
    symptoms: JSON.parse(r.symptoms) as Symptom[],
    feeling: r.feeling as Feeling,
    late: toBool(r.late),
  }));
}

/** The slots of a case reported since a date: all a new report's slot is chosen from. */
export async function reportedSlots(q: Q, caseId: string, since: string): Promise<{ slotOn: string; slot: ReportSlot }[]> {
  const rows = await q
    .selectFrom('healthReports')
    .select(['slotOn', 'slot'])
    .where('caseId', '=', caseId)
    .where('slotOn', '>=', since)
    .execute();
  return rows.map((r) => ({ slotOn: r.slotOn, slot: r.slot as ReportSlot }));
}

/** Inserts unless the slot is reported; false when it was. */
export async function insertReport(q: Q, row: HealthReportTable): Promise<boolean> {
  const inserted = await q
    .insertInto('healthReports')
    .values(row)
    .onConflict((oc) => oc.columns(['caseId', 'slotOn', 'slot']).doNothing())
    .returning('id')
    .executeTakeFirst();
  return inserted !== undefined;
}

/** The latest report of a case whose fever reading still waits for its re-measure. */
export async function pendingRemeasure(q: Q, caseId: string, threshold: number, since: string) {
  return q
    .selectFrom('healthReports')
    .select(['id', 'slotOn', 'slot', 'temperature', 'reportedAt'])
    .where('caseId', '=', caseId)
    .where('temperature', '>=', threshold)
    .where('remeasuredTemperature', 'is', null)
    .where('reportedAt', '>=', since)
    .orderBy('reportedAt', 'desc')
    .executeTakeFirst();
}

/** Records the second reading; false when another one got there first. */
export async function recordRemeasure(q: Q, id: string, temperature: number, fever: boolean, now: string): Promise<boolean> {
  const result = await q
    .updateTable('healthReports')
    .set({ remeasuredTemperature: temperature, remeasuredAt: now, fever: fever ? 1 : 0, updatedAt: now })
    .where('id', '=', id)
    .where('remeasuredTemperature', 'is', null)
    .executeTakeFirst();
  return Number(result.numUpdatedRows) > 0;
}

/** A (case, slot) with no report whose window has closed: what the missed-slot scan alerts on. */
export interface MissingSlot {
  caseId: string;
  regionId: string;
  regionPath: string;
  ownerAccountId: string | null;
  slotOn: string;
  slot: ReportSlot;
  /** The case's days and opening, for `slotRequired`. */
  case: { startsOn: string; endsOn: string; openedAt: string };
}

/**
 * Every active case on that day without a report (and without a missed-slot alert yet) for one
 * ended slot: one set-based query however many cases there are. Whether the slot was asked of
 * each (`slotRequired`: opened before the window closed) is the caller's to check, by the same
 * rule the report page uses.
 */
export async function missingSlots(q: Q, slotOn: string, slot: ReportSlot): Promise<MissingSlot[]> {
  const rows = await q
    .selectFrom('isolationCases as c')
    .innerJoin('regions', 'regions.id', 'c.regionId')
    .select([
      'c.id as caseId',
      'c.regionId',
      'regions.path as regionPath',
      'c.gridWorkerId as ownerAccountId',
      'c.startsOn',
      'c.endsOn',
      'c.createdAt as openedAt',
    ])
    .where('c.status', '=', 'active')
    .where('c.startsOn', '<=', slotOn)
    .where('c.endsOn', '>=', slotOn)
    .where((eb) =>
      eb.not(
        eb.exists(
          eb
            .selectFrom('healthReports as r')
            .select(sql`1`.as('one'))
            .whereRef('r.caseId', '=', 'c.id')
            .where('r.slotOn', '=', slotOn)
            .where('r.slot', '=', slot),
        ),
      ),
    )
    .where((eb) =>
      eb.not(
        eb.exists(
          eb
            .selectFrom('alerts as a')
            .select(sql`1`.as('one'))
            .whereRef('a.caseId', '=', 'c.id')
            .where('a.kind', '=', 'missed_slot')
            .where('a.slotOn', '=', slotOn)
            .where('a.slot', '=', slot),
        ),
      ),
    )
    .execute();
  return rows.map(({ startsOn, endsOn, openedAt, ...r }) => ({ ...r, slotOn, slot, case: { startsOn, endsOn, openedAt } }));
}

/** Fever readings not measured again by `before`, in active cases, without a re-measure alert yet. */
export async function overdueRemeasures(q: Q, threshold: number, before: string, since: string) {
  return q
    .selectFrom('healthReports as r')
    .innerJoin('isolationCases as c', 'c.id', 'r.caseId')
    .select(['r.id', 'r.caseId', 'r.slotOn', 'r.slot'])
    .where('c.status', '=', 'active')
    .where('r.temperature', '>=', threshold)
    .where('r.remeasuredTemperature', 'is', null)
    .where('r.reportedAt', '<', before)
    .where('r.reportedAt', '>=', since)
    .where((eb) =>
      eb.not(
        eb.exists(
          eb
            .selectFrom('alerts as a')
            .select(sql`1`.as('one'))
            .whereRef('a.caseId', '=', 'r.caseId')
            .where('a.kind', '=', 'remeasure')
            .whereRef('a.slotOn', '=', 'r.slotOn')
            .whereRef('a.slot', '=', 'r.slot'),
        ),
      ),
    )
    .execute();
}

/** The case events that close a case: the release or transfer's instant. */
const CLOSING_EVENTS = ['released', 'released_early', 'transferred'];

/**
 * The dashboard's report figures for the window's day, per case region, owed by the rule of
 * `slotOwed` (common/report-slots.ts), as the case's report grid shows it: a slot of a case day is
 * due when its window closed by `to`, after the case was opened and, for a case closed that day,
 * no later than its closing event (the end of the day when it has none, as the grid assumes).
 * Received: of those, reported before `to` (a late report after `to` does not change a past
 * day). Fever: the day's reports before `to` whose reading that counts is a fever. `closed` holds
 * the slots whose window had closed by `to`, with that instant (ISO); `dayEnd` the day's end.
 */
export async function reportFigures(
  q: Q,
  w: FigureWindow,
  closed: ReadonlyMap<ReportSlot, string>,
  dayEnd: string,
): Promise<FigureRow[]> {
  const sum = (e: RawBuilder<unknown>) => sql<number | string>`SUM(${e})`;
  const closedOn = sql.ref('c.closedOn');
  const closing = q
    .selectFrom('caseEvents as e')
    .select((eb) => eb.fn.max('e.at').as('at'))
    .where('e.caseId', '=', sql.ref<string>('c.id'))
    .where('e.kind', 'in', CLOSING_EVENTS);
  /** 1 when the slot whose window closed at `end` is owed by the row's case, else 0. */
  const owed = (end: string) => sql`CASE
    WHEN ${sql.ref('c.createdAt')} >= ${end} THEN 0
    WHEN ${closedOn} IS NULL OR ${closedOn} > ${w.day} THEN 1
    WHEN COALESCE((${closing}), ${dayEnd}) >= ${end} THEN 1
    ELSE 0 END`;
  const report = { morning: 'rm', evening: 're' } as const;
  let query = q
    .selectFrom('isolationCases as c')
    .leftJoin('healthReports as rm', (j) =>
      j.onRef('rm.caseId', '=', 'c.id').on('rm.slotOn', '=', w.day).on('rm.slot', '=', 'morning').on('rm.reportedAt', '<', w.to),
    )
    .leftJoin('healthReports as re', (j) =>
      j.onRef('re.caseId', '=', 'c.id').on('re.slotOn', '=', w.day).on('re.slot', '=', 'evening').on('re.reportedAt', '<', w.to),
    )
    .select('c.regionId')
    .where('c.startsOn', '<=', w.day)
    .where('c.endsOn', '>=', w.day)
    .where('c.createdAt', '<', w.to)
    .where((eb) => eb.or([eb('c.closedOn', 'is', null), eb('c.closedOn', '>=', w.day)]));
  // Aliases in camelCase, as the results come back.
  const alias = (name: string, slot: ReportSlot) => `${name}${slot[0]!.toUpperCase()}${slot.slice(1)}`;
  for (const slot of REPORT_SLOTS) {
    const r = report[slot];
    const end = closed.get(slot);
    query = query.select([
      sum(end ? owed(end) : sql`0`).as(alias('due', slot)),
      sum(end ? sql`CASE WHEN ${sql.ref(`${r}.id`)} IS NULL THEN 0 ELSE ${owed(end)} END` : sql`0`).as(alias('received', slot)),
      sum(sql`CASE WHEN ${sql.ref(`${r}.fever`)} = 1 THEN 1 ELSE 0 END`).as(alias('fever', slot)),
    ]);
  }
  const rows = (await query.groupBy('c.regionId').execute()) as unknown as ({ regionId: string } & Record<
    string,
    number | string
  >)[];
  return rows.map((row) => {
    const total = (name: string) => REPORT_SLOTS.reduce((n, slot) => n + toNumber(row[alias(name, slot)]), 0);
    const due = total('due');
    const received = total('received');
    return {
      regionId: row.regionId,
      values: { reportsDue: due, reportsReceived: received, reportsMissed: due - received, reportsFever: total('fever') },
    };
  });
}
