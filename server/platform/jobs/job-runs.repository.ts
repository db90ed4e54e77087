import type { Kysely } from 'kysely';
import type { Database, JobRunTable } from '../db/schema.ts';

type Q = Kysely<Database>;

/** Claims (job, slot) for this instance; false when another instance already has it. */
export async function claimSlot(q: Q, job: string, slot: string, instance: string, at: string): Promise<boolean> {
  const row = await q
    .insertInto('jobRuns')
    .values({ job, slot, status: 'running', attempts: 1, instance, startedAt: at, finishedAt: null, error: null })
    .onConflict((oc) => oc.columns(['job', 'slot']).doNothing())
    .returning('slot')
    .executeTakeFirst();
  return !!row;
}

/**
 * Claims a failed run (or one whose instance died while running) for another attempt. The update
 * matches the exact state read, so of several instances only one wins.
 */
export async function reclaim(
  q: Q,
  run: Pick<JobRunTable, 'job' | 'slot' | 'status' | 'attempts' | 'startedAt'>,
  instance: string,
  at: string,
): Promise<boolean> {
  const result = await q
    .updateTable('jobRuns')
    .set({ status: 'running', attempts: Number(run.attempts) + 1, instance, startedAt: at, finishedAt: null })
    .where('job', '=', run.job)
    .where('slot', '=', run.slot)
    .where('status', '=', run.status)
    .where('attempts', '=', run.attempts)
    .where('startedAt', '=', run.startedAt)
    .executeTakeFirst();
  return Number(result.numUpdatedRows) === 1;
}

/** Runs that may be tried again: failed ones under the attempt limit, and running ones gone stale. */
export async function retryable(q: Q, job: string, maxAttempts: number, staleBefore: string, since: string) {
  return q
    .selectFrom('jobRuns')
    .select(['job', 'slot', 'status', 'attempts', 'startedAt', 'finishedAt'])
    .where('job', '=', job)
    .where('slot', '>=', since)
    .where('attempts', '<', maxAttempts)
    .where((eb) =>
      eb.or([eb('status', '=', 'failed'), eb.and([eb('status', '=', 'running'), eb('startedAt', '<', staleBefore)])]),
    )
    .orderBy('slot')
    .execute();
}

export async function finishRun(
  q: Q,
  job: string,
  slot: string,
  at: string,
  outcome: { status: 'ok' | 'failed'; error?: string },
): Promise<void> {
  await q
    .updateTable('jobRuns')
    .set({ status: outcome.status, finishedAt: at, error: outcome.error?.slice(0, 2000) ?? null })
    .where('job', '=', job)
    .where('slot', '=', slot)
    .execute();
}

export async function recentRuns(q: Q, filter: { job?: string; status?: string; limit: number }) {
  let query = q.selectFrom('jobRuns').selectAll();
  if (filter.job) query = query.where('job', '=', filter.job);
  if (filter.status) query = query.where('status', '=', filter.status as JobRunTable['status']);
  return query.orderBy('startedAt', 'desc').limit(filter.limit).execute();
}

export async function purgeRuns(q: Q, before: string): Promise<number> {
  const r = await q.deleteFrom('jobRuns').where('slot', '<', before).where('status', '=', 'ok').executeTakeFirst();
  return Number(r.numDeletedRows);
}
