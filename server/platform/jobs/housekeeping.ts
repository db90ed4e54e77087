import type { Db } from '../db/connect.ts';
import { nowIso } from '../db/ids.ts';
import { purgeIdempotencyKeys } from '../idempotency/store.ts';
import { purgeRuns } from './job-runs.repository.ts';
import type { JobDefinition } from './scheduler.ts';

const HOUR = 3600_000;
const DAY = 24 * HOUR;

/** The platform's own upkeep: expired sessions, idempotency records, counters and old job runs. */
export function housekeepingJobs({ db }: Db): JobDefinition[] {
  return [
    {
      name: 'purge-expired-sessions',
      everyMs: HOUR,
      run: async () => {
        await db.deleteFrom('sessions').where('expiresAt', '<', nowIso()).execute();
      },
    },
    { name: 'purge-idempotency-keys', everyMs: HOUR, run: async () => void (await purgeIdempotencyKeys(db)) },
    {
      name: 'purge-rate-limits',
      everyMs: HOUR,
      run: async () => {
        await db
          .deleteFrom('rateLimits')
          .where('windowStart', '<', nowIso(new Date(Date.now() - DAY)))
          .execute();
      },
    },
    {
      // A stream client away for longer than this reloads instead of resuming (the page does so anyway).
      name: 'purge-events',
      everyMs: DAY,
      run: async () => {
        // The newest event always stays: SQLite numbers new rows from the largest id left.
        await db
          .deleteFrom('events')
          .where('at', '<', nowIso(new Date(Date.now() - 7 * DAY)))
          .where('id', '<', (eb) => eb.selectFrom('events').select((e) => e.fn.max('id').as('newest')))
          .execute();
      },
    },
    {
      name: 'purge-job-runs',
      everyMs: DAY,
      run: async () => void (await purgeRuns(db, nowIso(new Date(Date.now() - 30 * DAY)))),
    },
  ];
}
