import type { Kysely } from 'kysely';
import type { Scope } from '../../platform/access/actor.ts';
import { inRegionScope } from '../../platform/access/scope.ts';
import { startsWith } from '../../platform/db/dialect.ts';
import type { CaseServiceLogTable, CaseServiceTable, Database } from '../../platform/db/schema.ts';

type Q = Kysely<Database>;

function base(q: Q) {
  return q
    .selectFrom('caseServices as s')
    .innerJoin('isolationCases as c', 'c.id', 's.caseId')
    .innerJoin('regions', 'regions.id', 'c.regionId')
    .leftJoin('volunteers as v', 'v.id', 's.volunteerId')
    .select([
      's.id',
      's.caseId',
      'c.ref as caseRef',
      'c.status as caseStatus',
      'c.regionId',
      'regions.name as regionName',
      'regions.path as regionPath',
      's.kind',
      's.everyDays',
      's.nextOn',
      's.volunteerId',
      'v.name as volunteerName',
      'v.accountId as volunteerAccountId',
      's.note',
      's.active',
      'c.address',
      'c.personName',
      'c.mobile',
    ])
    .select((eb) =>
      eb
        .selectFrom('caseServiceLogs as l')
        .select((e) => e.fn.max('l.doneOn').as('d'))
        .whereRef('l.serviceId', '=', 's.id')
        .as('lastDoneOn'),
    );
}

export type ServiceRow = Awaited<ReturnType<ReturnType<typeof base>['executeTakeFirstOrThrow']>>;

export async function findService(q: Q, id: string): Promise<ServiceRow | undefined> {
  return base(q).where('s.id', '=', id).executeTakeFirst();
}

export async function servicesOfCase(q: Q, caseId: string): Promise<ServiceRow[]> {
  return base(q).where('s.caseId', '=', caseId).orderBy('s.active', 'desc').orderBy('s.nextOn').orderBy('s.id').execute();
}

/** Active services of active cases due on or before `on`, in scope. */
export async function dueServices(q: Q, scope: Scope, on: string, regionPath?: string): Promise<ServiceRow[]> {
  let query = base(q)
    .where((eb) => inRegionScope(eb, scope, 'regions.path'))
    .where('s.active', '=', 1)
    .where('c.status', '=', 'active')
    .where('s.nextOn', '<=', on);
  if (regionPath) query = query.where(startsWith('regions.path', regionPath));
  return query.orderBy('s.nextOn').orderBy('c.ref').orderBy('s.id').limit(1000).execute();
}

/** A volunteer's active services on active cases, soonest first. */
export async function servicesOfVolunteer(q: Q, volunteerId: string): Promise<ServiceRow[]> {
  return base(q)
    .where('s.volunteerId', '=', volunteerId)
    .where('s.active', '=', 1)
    .where('c.status', '=', 'active')
    .orderBy('s.nextOn')
    .orderBy('s.id')
    .limit(200)
    .execute();
}

export async function insertService(q: Q, row: CaseServiceTable): Promise<void> {
  await q.insertInto('caseServices').values(row).execute();
}

export async function updateService(q: Q, id: string, set: Partial<CaseServiceTable>): Promise<void> {
  await q.updateTable('caseServices').set(set).where('id', '=', id).execute();
}

export async function insertLog(q: Q, row: CaseServiceLogTable): Promise<void> {
  await q.insertInto('caseServiceLogs').values(row).execute();
}

export async function logsOfCase(q: Q, caseId: string) {
  return q
    .selectFrom('caseServiceLogs as l')
    .innerJoin('accounts', 'accounts.id', 'l.byAccountId')
    .select([
      'l.id',
      'l.kind',
      'l.doneOn',
      'l.doneAt',
      'accounts.name as byName',
      'l.areaM2',
      'l.agent',
      'l.concentration',
      'l.items',
      'l.note',
    ])
    .where('l.caseId', '=', caseId)
    .orderBy('l.doneAt', 'desc')
    .orderBy('l.id', 'desc')
    .limit(50)
    .execute();
}

export async function findLog(q: Q, id: string) {
  return q
    .selectFrom('caseServiceLogs as l')
    .innerJoin('accounts', 'accounts.id', 'l.byAccountId')
    .select([
      'l.id',
      'l.kind',
      'l.doneOn',
      'l.doneAt',
      'accounts.name as byName',
      'l.areaM2',
      'l.agent',
      'l.concentration',
      'l.items',
      'l.note',
    ])
    .where('l.id', '=', id)
    .executeTakeFirstOrThrow();
}

/** Active volunteers at home in the area, to schedule with. */
export async function volunteerIn(q: Q, areaPath: string, volunteerId: string): Promise<boolean> {
  const row = await q
    .selectFrom('volunteers as v')
    .innerJoin('regions as r', 'r.id', 'v.regionId')
    .select('v.id')
    .where('v.id', '=', volunteerId)
    .where('v.status', '=', 'active')
    .where(startsWith('r.path', areaPath))
    .executeTakeFirst();
  return row !== undefined;
}
