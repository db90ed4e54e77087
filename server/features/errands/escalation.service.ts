import type { CallContext } from '../../platform/audit/audit.ts';
import { auditWrite } from '../../platform/audit/audit.ts';
import { nowIso } from '../../platform/db/ids.ts';
import { transact } from '../../platform/db/transact.ts';
import type { Deps } from '../../platform/deps.ts';
import type { JobDefinition } from '../../platform/jobs/scheduler.ts';
import { notify, type NewNotification } from '../../platform/notify/notify.ts';
import type { AccountsService } from '../accounts/accounts.service.ts';
import * as repo from './dispatch.repository.ts';
import type { DispatchService } from './dispatch.service.ts';
import { recordStep } from './order-steps.ts';
import { findOrder } from './orders.repository.ts';

export type EscalationService = ReturnType<typeof escalationService>;

/** The job acts for nobody. */
const SYSTEM: CallContext = { actorId: null, actorLogin: null, ip: null };
/** Orders escalated per transaction. */
const BATCH = 200;
const MY_ERRANDS = '/my-errands';
const ORDERS = '/errands/orders';

/**
 * 超时升级 (issue 8): a new order nobody claimed by its deadline (the post's response time, 30
 * minutes by default) goes to level 1 once: the community's managers are told (they may assign
 * it, or call the household), and the next post of the community — see `nextPostOf` — sees it
 * among the orders it may claim, live (an `errandOrder.escalated` event in that post's region
 * too) and by a notice to its leader. Its own post keeps it as well. Level 1 is the last: what
 * follows is people's work, and the desk's overdue filter shows it.
 */
export function escalationService(
  deps: Deps,
  { accounts, dispatch }: { accounts: Pick<AccountsService, 'staffOf'>; dispatch: Pick<DispatchService, 'nextPostOf'> },
) {
  const {
    db: { db },
    events,
  } = deps;

  async function escalateAt(at: string): Promise<number> {
    let total = 0;
    for (;;) {
      const due = await repo.dueForEscalation(db, at, BATCH);
      if (!due.length) return total;
      total += await transact(db, SYSTEM, async (trx) => {
        const now = nowIso();
        const tell: NewNotification[] = [];
        const perCommunity = new Map<string, { name: string; refs: string[] }>();
        let done = 0;
        const memo = new Map<string, Promise<repo.PostRow[]>>();
        for (const { id } of due) {
          const order = await findOrder(trx, id);
          if (!order || !(await repo.escalate(trx, id, now))) continue;
          done++;
          const next = await dispatch.nextPostOf(order, memo);
          await recordStep(trx, events, order, 'escalated', { by: null, detail: { post: next?.name ?? null } }, now);
          if (next && !order.regionPath.startsWith(next.regionPath)) {
            // The next post's volunteers may hold their grant over their own grid only.
            await events.publish(trx, {
              type: 'errandOrder.escalated',
              permission: 'errands.run',
              regionPath: next.regionPath,
              entityType: 'errand_order',
              entityId: id,
              data: { ref: order.ref, status: order.status, postId: next.id },
            });
          }
          const leader = next?.leaderVolunteerId
            ? (await repo.crewOf(trx, next.teamId)).find((m) => m.id === next.leaderVolunteerId)
            : null;
          if (leader?.accountId)
            tell.push({
              accountId: leader.accountId,
              kind: 'notify.errands.escalatedToPost',
              params: { ref: order.ref, post: next!.name },
              link: MY_ERRANDS,
            });
          const community = await repo.communityOf(trx, order.regionId);
          if (community) {
            const group = perCommunity.get(community.path) ?? { name: community.name, refs: [] };
            group.refs.push(order.ref);
            perCommunity.set(community.path, group);
          }
          await auditWrite(trx, SYSTEM, 'errandOrder.escalate', 'errand_order', id, order.regionPath, {
            postId: next?.id ?? null,
          });
        }
        for (const [path, { name, refs }] of perCommunity) {
          for (const accountId of await accounts.staffOf(trx, path, ['region_manager'])) {
            tell.push({
              accountId,
              kind: 'notify.errands.escalated',
              params: { community: name, count: refs.length, refs: refs.slice(0, 5).join('、') },
              link: ORDERS,
            });
          }
        }
        await notify(trx, tell);
        return done;
      });
      if (due.length < BATCH) return total;
    }
  }

  return {
    jobs: [{ name: 'errands-escalate', everyMs: 60_000, run: async (slot) => void (await escalateAt(slot)) }] as JobDefinition[],
    /** The escalation pass at an instant (the job runs it each minute; tests call it with their clock). */
    escalate: escalateAt,
  };
}
