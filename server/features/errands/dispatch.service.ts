import { maskMobile, maskName } from '../../../common/mask.ts';
import { inScope, requireScope, scopeFor, type Actor } from '../../platform/access/actor.ts';
import { auditWrite, type CallContext } from '../../platform/audit/audit.ts';
import { nowIso } from '../../platform/db/ids.ts';
import { transact } from '../../platform/db/transact.ts';
import type { Deps } from '../../platform/deps.ts';
import { conflict, forbidden, invalidField, notFound } from '../../platform/errors.ts';
import { madeAt } from '../../platform/http/made-at.ts';
import { openFile, writeImage } from '../../platform/files/stored-files.ts';
import { notify } from '../../platform/notify/notify.ts';
import type { VolunteersService } from '../volunteers/volunteers.service.ts';
import * as repo from './dispatch.repository.ts';
import type {
  AssignInput,
  Card,
  DeliverInput,
  DeliverPhotoInput,
  MyErrands,
  ReasonInput,
  StepInput,
  StepResult,
  StepTimeInput,
} from './dispatch.schemas.ts';
import { deliveredSteps } from './proof.ts';
import { moveOrder, recordStep } from './order-steps.ts';
import { OPEN_ERRAND_STATUSES } from './errands.rules.ts';
import { findOrder, itemsOf, type OrderRow } from './orders.repository.ts';

export type DispatchService = ReturnType<typeof dispatchService>;

const MY_ERRANDS = '/my-errands';
const DAY_MS = 24 * 3600_000;

/**
 * 派单与配送 (issue 8). Who works an order:
 * - the volunteers of its post (the members of the post's team, and its leader) claim a new one —
 *   the first claim wins, the others get 409; once escalated (escalation.service.ts) the next
 *   post of the community may claim it too;
 * - the claimer moves it on: purchasing → delivering → delivered, with a photo or a note as proof;
 *   before buying started they may give it back to the post ("released": new again, a fresh claim
 *   deadline, anyone may claim it) — a volunteer never cancels an order, since the household still
 *   needs its shopping;
 * - the post's leader, and staff holding `errands.manage` over the order, assign or hand it to a
 *   member and cancel it with a reason (the resident's page shows the reason).
 * Every act also needs `errands.run` over the order's region or over the post acted through, so an
 * account moved elsewhere keeps no reach through an old team.
 */
export function dispatchService(deps: Deps, { volunteers }: { volunteers: VolunteersService }) {
  const {
    db: { db },
    events,
    config,
  } = deps;

  /**
   * The post the order escalated to: the one after its own among the community's posts (wrapping
   * round). `memo` keeps each region's list for one page or one pass of the job.
   */
  async function nextPostOf(
    order: { postId: string | null; regionId: string },
    memo: Map<string, Promise<repo.PostRow[]>> = new Map(),
  ): Promise<repo.PostRow | null> {
    let posts = memo.get(order.regionId);
    if (!posts) {
      posts = repo.communityOf(db, order.regionId).then((c) => (c ? repo.postsUnder(db, c.path) : []));
      memo.set(order.regionId, posts);
    }
    const list = await posts;
    const i = list.findIndex((p) => p.id === order.postId);
    if (i < 0) return list[0] ?? null;
    return list.length > 1 ? list[(i + 1) % list.length]! : null;
  }

  async function crewContext(actor: Actor) {
    const volunteer = await volunteers.byAccount(actor.accountId);
    const posts = volunteer ? await repo.postsOfVolunteer(db, volunteer.id) : [];
    return { volunteer, posts };
  }

  /**
   * What the actor may do with the order; a foreign or missing order is 404 either way. Staff
   * with `errands.manage` (or `errands.read`, to look) over its region see any order there.
   */
  async function reach(actor: Actor, id: string) {
    const runScope = requireScope(actor, 'errands.run');
    const order = await findOrder(db, id);
    if (!order) throw notFound();
    const { volunteer, posts } = await crewContext(actor);
    const own = posts.find((p) => p.id === order.postId);
    const next = volunteer && order.escalationLevel >= 1 && order.status === 'new' ? await nextPostOf(order) : null;
    const via = next && posts.some((p) => p.id === next.id) ? next : null;
    const reachable = [order.regionPath, own?.regionPath, via?.regionPath].some((p) => p && inScope(runScope, p));
    const staff = inScope(scopeFor(actor, 'errands.manage'), order.regionPath);
    const looks = staff || inScope(scopeFor(actor, 'errands.read'), order.regionPath);
    const r = {
      order,
      volunteer,
      staff,
      looks,
      mine: reachable && !!volunteer && order.claimedBy === volunteer.id,
      ofPost: reachable && !!own,
      escalatedTo: reachable && !!via,
      leads: reachable && !!volunteer && [own, via].some((p) => p?.leaderVolunteerId === volunteer.id),
      /** Leads the order's own post (not only the one it escalated to): may cancel it. */
      leadsOwn: reachable && !!volunteer && own?.leaderVolunteerId === volunteer.id,
    };
    if (!(r.looks || r.mine || r.ofPost || r.escalatedTo)) throw notFound();
    return r;
  }

  /**
   * When a step was made: the phone's time (`at`, the step kept offline and sent later) within the
   * shared bounds, never before the order's previous step (a phone's clock may lag another's).
   */
  function stepTime(raw: string | undefined, order: OrderRow): string {
    const made = nowIso(madeAt(raw, 'at').made);
    const floor = [order.createdAt, order.claimedAt, order.purchasingAt, order.deliveringAt].reduce<string>(
      (a, b) => (b !== null && b > a ? b : a),
      '',
    );
    return made < floor ? floor : made;
  }

  /** Only the claimer marks their order delivered, and only once it is on the way. */
  async function deliverable(actor: Actor, id: string): Promise<OrderRow> {
    const r = await reach(actor, id);
    if (!r.mine) throw forbidden();
    if (r.order.status !== 'delivering') throw conflict('ORDER_STATUS', { status: r.order.status });
    return r.order;
  }

  const result = async (id: string): Promise<StepResult> => {
    const o = (await findOrder(db, id))!;
    return { id, status: o.status, at: o.updatedAt };
  };

  async function toCards(rows: repo.CardRow[]): Promise<Card[]> {
    const items = await itemsOf(
      db,
      rows.map((r) => r.id),
    );
    return rows.map((r) => ({
      id: r.id,
      ref: r.ref,
      status: r.status,
      regionName: r.regionName,
      post: r.postId ? { id: r.postId, name: r.postName ?? '' } : null,
      contactName: r.contactName,
      contactMobile: r.contactMobile === null ? null : maskMobile(r.contactMobile),
      address: r.address,
      note: r.note,
      payment: r.payment,
      items: (items.get(r.id) ?? []).map(({ name, unit, quantity, note }) => ({ name, unit, quantity, note })),
      claimedBy: r.claimedBy ? { id: r.claimedBy, name: r.claimedByName ?? '' } : null,
      claimBy: r.claimBy,
      deliverBy: r.deliverBy,
      escalated: r.escalationLevel >= 1,
      deliveredAt: r.deliveredAt,
      proofNote: r.proofNote,
      hasProofPhoto: r.proofFileId !== null,
      createdAt: r.createdAt,
    }));
  }

  /** Tells the volunteer an order is now theirs (or no longer is), if they have an account. */
  async function tellVolunteer(
    q: typeof db,
    volunteerId: string,
    kind: string,
    order: OrderRow,
    extra: Record<string, string> = {},
  ) {
    const [v] = await volunteers.summaries([volunteerId], q);
    if (v?.accountId) await notify(q, [{ accountId: v.accountId, kind, params: { ref: order.ref, ...extra }, link: MY_ERRANDS }]);
  }

  return {
    nextPostOf,

    /** The volunteer's phone page: what to claim, what they hold, what their posts' others hold, what they delivered. */
    async mine(actor: Actor): Promise<MyErrands> {
      requireScope(actor, 'errands.run');
      const { volunteer, posts } = await crewContext(actor);
      if (!volunteer) return { volunteer: null, posts: [], available: [], mine: [], team: [], delivered: [] };
      const ids = new Set(posts.map((p) => p.id));
      const led = posts.filter((p) => p.leaderVolunteerId === volunteer.id);
      // Orders escalated out of another post of the same communities, kept when they escalated to one of ours.
      const communities = [
        ...new Set((await Promise.all(posts.map((p) => repo.communityOf(db, p.regionId)))).flatMap((c) => (c ? [c.path] : []))),
      ];
      const escalated: repo.CardRow[] = [];
      const memo = new Map<string, Promise<repo.PostRow[]>>();
      for (const o of await repo.escalatedNewOrders(db, communities)) {
        if (o.postId && ids.has(o.postId)) continue;
        const next = await nextPostOf(o, memo);
        if (next && ids.has(next.id)) escalated.push(o);
      }
      const own = await repo.newOrdersOfPosts(db, [...ids]);
      const since = nowIso(new Date(Date.now() - DAY_MS));
      return {
        volunteer,
        posts: await Promise.all(
          posts.map(async (p) => {
            const leads = p.leaderVolunteerId === volunteer.id;
            return {
              id: p.id,
              name: p.name,
              regionName: p.regionName,
              leads,
              crew: leads ? (await repo.crewOf(db, p.teamId)).map(({ id, name }) => ({ id, name })) : [],
            };
          }),
        ),
        available: await toCards([...own, ...escalated].sort((a, b) => a.createdAt.localeCompare(b.createdAt))),
        mine: await toCards(await repo.openOrdersOf(db, volunteer.id)),
        team: await toCards(
          (
            await repo.claimedOrdersOfPosts(
              db,
              led.map((p) => p.id),
            )
          ).filter((o) => o.claimedBy !== volunteer.id),
        ),
        delivered: await toCards(await repo.deliveredBy(db, volunteer.id, since)),
      };
    },

    /** 接单: a volunteer of the post takes a new order; of two at once, one wins and the other gets 409. */
    async claim(actor: Actor, call: CallContext, id: string, input: StepTimeInput = {}): Promise<StepResult> {
      madeAt(input.at, 'at'); // bounds first: a wrong time answers alike for any order
      const r = await reach(actor, id);
      if (!r.volunteer || !(r.ofPost || r.escalatedTo)) throw forbidden();
      const volunteer = r.volunteer;
      const at = stepTime(input.at, r.order);
      await transact(db, call, async (trx) => {
        await moveOrder(trx, events, r.order, 'claimed', {
          by: actor.accountId,
          at,
          set: { claimedBy: volunteer.id },
          detail: { volunteer: maskName(volunteer.name) },
        });
        await auditWrite(trx, call, 'errandOrder.claim', 'errand_order', id, r.order.regionPath, { volunteerId: volunteer.id });
      });
      return result(id);
    },

    /**
     * 派单: the post's leader (or staff) gives a new order to a member, or hands one someone holds
     * to another member (its status stays). The member is told.
     */
    async assign(actor: Actor, call: CallContext, id: string, input: AssignInput): Promise<StepResult> {
      const r = await reach(actor, id);
      if (!(r.leads || r.staff)) throw forbidden();
      const { order } = r;
      if (!OPEN_ERRAND_STATUSES.includes(order.status)) throw conflict('ORDER_STATUS', { status: order.status });
      const teams = [order.postId ? await repo.findPost(db, order.postId) : undefined];
      if (order.escalationLevel >= 1 && order.status === 'new') teams.push((await nextPostOf(order)) ?? undefined);
      const crew = (await Promise.all(teams.flatMap((p) => (p ? [repo.crewOf(db, p.teamId)] : [])))).flat();
      const assignee = crew.find((m) => m.id === input.volunteerId);
      if (!assignee) throw invalidField('volunteerId', 'field.errands.assignee');
      if (assignee.id === order.claimedBy) return result(id);
      const detail = { volunteer: maskName(assignee.name) };
      await transact(db, call, async (trx) => {
        if (order.status === 'new') {
          await moveOrder(trx, events, order, 'claimed', {
            by: actor.accountId,
            set: { claimedBy: assignee.id },
            detail,
            kind: 'assigned',
          });
        } else {
          if (!(await repo.reassign(trx, id, order.status, assignee.id, nowIso()))) throw conflict('ORDER_MOVED');
          await recordStep(trx, events, order, 'assigned', { by: actor.accountId, detail });
          if (order.claimedBy) await tellVolunteer(trx, order.claimedBy, 'notify.errands.unassigned', order);
        }
        await tellVolunteer(trx, assignee.id, 'notify.errands.assigned', order, { address: order.address });
        await auditWrite(trx, call, 'errandOrder.assign', 'errand_order', id, order.regionPath, {
          volunteerId: assignee.id,
          from: order.claimedBy,
        });
      });
      return result(id);
    },

    /** 退回: the claimer gives a claimed order back to the post before buying; its claim deadline starts again. */
    async release(actor: Actor, call: CallContext, id: string, input: ReasonInput): Promise<StepResult> {
      const r = await reach(actor, id);
      if (!r.mine || !r.volunteer) throw forbidden();
      if (r.order.status !== 'claimed') throw conflict('ORDER_STATUS', { status: r.order.status });
      const volunteerId = r.volunteer.id;
      const post = r.order.postId ? await repo.findPost(db, r.order.postId) : undefined;
      const now = new Date();
      const claimBy = nowIso(new Date(now.getTime() + (post?.responseMinutes ?? config.errandResponseMinutes) * 60_000));
      const reason = input.reason.trim();
      await transact(db, call, async (trx) => {
        if (!(await repo.release(trx, id, volunteerId, claimBy, nowIso(now)))) throw conflict('ORDER_MOVED');
        await recordStep(trx, events, { ...r.order, status: 'new' }, 'released', { by: actor.accountId, detail: { reason } });
        await auditWrite(trx, call, 'errandOrder.release', 'errand_order', id, r.order.regionPath, { reason });
      });
      return result(id);
    },

    /** 开始采购 / 出发配送: the claimer moves the order on. */
    async step(actor: Actor, call: CallContext, id: string, input: StepInput): Promise<StepResult> {
      madeAt(input.at, 'at'); // bounds first: a wrong time answers alike for any order
      const r = await reach(actor, id);
      if (!r.mine) throw forbidden();
      const at = stepTime(input.at, r.order);
      await transact(db, call, async (trx) => {
        await moveOrder(trx, events, r.order, input.to, { by: actor.accountId, at });
        await auditWrite(trx, call, `errandOrder.${input.to}`, 'errand_order', id, r.order.regionPath, {});
      });
      return result(id);
    },

    /** 送达 with a note as the proof (contactless: left at the door, the household told). */
    async deliver(actor: Actor, call: CallContext, id: string, input: DeliverInput): Promise<StepResult> {
      madeAt(input.at, 'at'); // bounds first: a wrong time answers alike for any order
      const order = await deliverable(actor, id);
      const at = stepTime(input.at, order);
      await transact(db, call, (trx) =>
        deliveredSteps(deps, volunteers, trx, call, order, { note: input.note.trim(), photo: null }, at),
      );
      return result(id);
    },

    /**
     * 送达 with a photo (and maybe a note). Who and when are checked first, so a refused request
     * leaves no bytes on disk; the bytes are written before the transaction that records them.
     */
    async deliverWithPhoto(
      actor: Actor,
      call: CallContext,
      id: string,
      body: unknown,
      input: DeliverPhotoInput,
    ): Promise<StepResult> {
      madeAt(input.at, 'at');
      const order = await deliverable(actor, id);
      const at = stepTime(input.at, order);
      const photo = await writeImage(deps, 'photo', body);
      const note = input.note?.trim() || null;
      await transact(db, call, (trx) => deliveredSteps(deps, volunteers, trx, call, order, { note, photo }, at));
      return result(id);
    },

    /** 取消: staff, or the post's leader, with a reason the resident sees; whoever held it is told. */
    async cancel(actor: Actor, call: CallContext, id: string, input: ReasonInput): Promise<StepResult> {
      const r = await reach(actor, id);
      if (!(r.leadsOwn || r.staff)) throw forbidden();
      const reason = input.reason.trim();
      await transact(db, call, async (trx) => {
        await moveOrder(trx, events, r.order, 'cancelled', {
          by: actor.accountId,
          set: { cancelReason: reason },
          detail: { reason },
        });
        if (r.order.claimedBy && r.order.claimedBy !== r.volunteer?.id)
          await tellVolunteer(trx, r.order.claimedBy, 'notify.errands.cancelled', r.order, { reason });
        await auditWrite(trx, call, 'errandOrder.cancel', 'errand_order', id, r.order.regionPath, { reason });
      });
      return result(id);
    },

    /** The order's delivery photo, for staff over it, its post's volunteers and its claimer. */
    async proofPhoto(actor: Actor, id: string) {
      const { order } = await reach(actor, id);
      const file = order.proofFileId ? await openFile(deps, order.proofFileId) : null;
      if (!file) throw notFound();
      return file;
    },
  };
}
