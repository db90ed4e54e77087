/**
 * The hourly escalation (`field-issues-escalate`): an overdue issue climbs the region tree a level
 * a day, and the region it reaches is told.
 */
import type { Kysely } from 'kysely';
import { auditWrite, type CallContext } from '../../platform/audit/audit.ts';
import { newId, nowIso } from '../../platform/db/ids.ts';
import type { Database } from '../../platform/db/schema.ts';
import { transact } from '../../platform/db/transact.ts';
import type { Deps } from '../../platform/deps.ts';
import { notify } from '../../platform/notify/notify.ts';
import type { RegionsService } from '../regions/regions.service.ts';
import * as repo from './field-issues.repository.ts';
import { escalation } from './field-issues.rules.ts';
import { escalatedBody } from './field-issues.wording.ts';

type Q = Kysely<Database>;

/** The job acts for nobody: its audit records and timeline entries carry no account. */
const SYSTEM: CallContext = { actorId: null, actorLogin: null, ip: null };
/** Overdue issues handled per transaction. */
const BATCH = 200;

/**
 * Returns `escalate(at)`: every open or in-progress issue past its deadline at `at` comes to sit
 * `min(whole days late + 1, owner depth)` levels above its owner. Idempotent across runs and
 * instances: a level is only ever raised, each raise claimed by one conditional update.
 */
export function escalationJob(
  { db: { db } }: Deps,
  helpers: {
    regions: RegionsService;
    /** The region managers to tell about a region. */
    staffOf(q: Q, regionPath: string, except: readonly (string | null)[]): Promise<string[]>;
    /** The live-page event of a change. */
    changed(q: Q, issue: { id: string; regionPath: string }, change: string): Promise<unknown>;
  },
) {
  const { regions, staffOf, changed } = helpers;

  async function escalateBatch(due: { row: repo.OverdueRow; level: number; regionId: string }[]): Promise<number> {
    const targets = new Map((await regions.findByIds([...new Set(due.map((d) => d.regionId))])).map((r) => [r.id, r]));
    // The slot decided what is due; the record says when it was written, so the timeline stays in order.
    const at = nowIso();
    return transact(db, SYSTEM, async (trx) => {
      let done = 0;
      for (const { row, level, regionId } of due) {
        const target = targets.get(regionId);
        if (!target) continue;
        // Another instance, or a deadline moved meanwhile, leaves the row unmatched.
        const won = await repo.updateIssue(
          trx,
          row.id,
          { escalationLevel: row.escalationLevel, deadline: row.deadline, active: true },
          { escalationLevel: level, escalatedRegionId: regionId },
          at,
        );
        if (!won) continue;
        done++;
        await repo.insertEvent(trx, {
          id: newId(),
          issueId: row.id,
          accountId: null,
          kind: 'escalated',
          body: escalatedBody({ level, region: target.name }),
          at,
        });
        await auditWrite(trx, SYSTEM, 'fieldIssue.escalate', 'field_issue', row.id, row.regionPath, { level, regionId });
        await changed(trx, { id: row.id, regionPath: row.regionPath }, 'escalated');
        const params = { ref: row.ref, title: row.title, place: row.regionName, region: target.name };
        await notify(
          trx,
          (await staffOf(trx, target.path, [])).map((accountId) => ({
            accountId,
            kind: 'notify.fieldIssues.escalated',
            params,
            link: `/field-issues/${row.id}`,
          })),
        );
      }
      return done;
    });
  }

  return async function escalate(at: string): Promise<number> {
    const now = new Date(at);
    let after = '';
    let total = 0;
    for (;;) {
      const batch = await repo.overdue(db, at, after, BATCH);
      const due = batch.flatMap((row) => {
        const e = escalation(row.deadline, row.ownerRegionPath, now);
        return e.level > row.escalationLevel && e.regionId ? [{ row, level: e.level, regionId: e.regionId }] : [];
      });
      if (due.length) total += await escalateBatch(due);
      if (batch.length < BATCH) break;
      after = batch[batch.length - 1]!.id;
    }
    return total;
  };
}
