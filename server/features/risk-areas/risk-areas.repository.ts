import type { Kysely } from 'kysely';
import type { RiskAreaLevel } from '../../../common/enums.ts';
import type { Database, RiskAreaTable } from '../../platform/db/schema.ts';

type Q = Kysely<Database>;

export type RiskAreaRow = Omit<RiskAreaTable, 'level'> & { level: RiskAreaLevel };

const toRow = (r: RiskAreaTable): RiskAreaRow => ({ ...r, level: r.level as RiskAreaLevel });

export async function listRiskAreas(q: Q): Promise<RiskAreaRow[]> {
  const rows = await q.selectFrom('riskAreas').selectAll().orderBy('startsOn', 'desc').orderBy('code').orderBy('id').execute();
  return rows.map(toRow);
}

export async function findRiskArea(q: Q, id: string): Promise<RiskAreaRow | undefined> {
  const row = await q.selectFrom('riskAreas').selectAll().where('id', '=', id).executeTakeFirst();
  return row && toRow(row);
}

/** Periods listed under these codes that hold `date` (local, inclusive at both ends). */
export async function inForce(q: Q, codes: readonly string[], date: string): Promise<RiskAreaRow[]> {
  const rows = await q
    .selectFrom('riskAreas')
    .selectAll()
    .where('code', 'in', codes)
    .where('startsOn', '<=', date)
    .where((eb) => eb.or([eb('endsOn', 'is', null), eb('endsOn', '>=', date)]))
    .execute();
  return rows.map(toRow);
}

/** Another period of the same code sharing a day with [startsOn, endsOn] (endsOn null: open-ended). */
export async function overlapping(
  q: Q,
  code: string,
  startsOn: string,
  endsOn: string | null,
  exceptId?: string,
): Promise<RiskAreaRow | undefined> {
  let query = q
    .selectFrom('riskAreas')
    .selectAll()
    .where('code', '=', code)
    .where((eb) => eb.or([eb('endsOn', 'is', null), eb('endsOn', '>=', startsOn)]));
  if (endsOn !== null) query = query.where('startsOn', '<=', endsOn);
  if (exceptId) query = query.where('id', '!=', exceptId);
  const row = await query.executeTakeFirst();
  return row && toRow(row);
}

export async function insertRiskArea(q: Q, row: RiskAreaTable): Promise<void> {
  await q.insertInto('riskAreas').values(row).execute();
}

export async function updateRiskArea(
  q: Q,
  id: string,
  patch: Partial<Pick<RiskAreaTable, 'level' | 'startsOn' | 'endsOn' | 'note'>>,
  now: string,
): Promise<void> {
  await q
    .updateTable('riskAreas')
    .set({ ...patch, updatedAt: now })
    .where('id', '=', id)
    .execute();
}

export async function deleteRiskArea(q: Q, id: string): Promise<void> {
  await q.deleteFrom('riskAreas').where('id', '=', id).execute();
}
