/**
 * One scheduler "instance" for the scale-out test, in its own process: it runs a job whose every
 * execution leaves an audit row, over a fixed window of slots, then exits.
 * argv: <postgres url> <slot ms> <slots>. It prints "ready" once loaded, then reads the window's
 * start time (epoch ms) from stdin, so every worker shares one window however slowly it booted.
 */
import { createInterface } from 'node:readline';
import { connect } from '../../server/platform/db/connect.ts';
import { newId, nowIso } from '../../server/platform/db/ids.ts';
import { Scheduler } from '../../server/platform/jobs/scheduler.ts';

const [url, slotArg, countArg] = process.argv.slice(2);
const slotMs = Number(slotArg);
const db = connect({ kind: 'postgres', url: url! }, { poolMax: 3 });
await db.db.selectFrom('jobRuns').select('job').limit(1).execute(); // connected and warm
process.stdout.write('ready\n');
const lines = createInterface({ input: process.stdin });
const start = Number(await new Promise<string>((resolve) => lines.once('line', resolve)));
lines.close();
const end = start + slotMs * Number(countArg);

const scheduler = new Scheduler(
  db,
  [
    {
      name: 'scale-probe',
      everyMs: slotMs,
      run: async (slot) => {
        const slotStart = Date.parse(slot);
        if (slotStart < start || slotStart >= end) return;
        await db.db
          .insertInto('auditLog')
          .values({
            id: newId(),
            at: nowIso(),
            actorId: null,
            actorLogin: `pid:${process.pid}`,
            action: 'probe.tick',
            entityType: 'slot',
            entityId: String(slotStart),
            regionPath: null,
            outcome: 'ok',
            ip: null,
            detail: null,
          })
          .execute();
      },
    },
  ],
  { tickMs: 20, instance: `worker-${process.pid}` },
);

await new Promise((r) => setTimeout(r, Math.max(0, start - Date.now())));
scheduler.start();
await new Promise((r) => setTimeout(r, end - Date.now() + slotMs));
await scheduler.stop();
await db.close();
