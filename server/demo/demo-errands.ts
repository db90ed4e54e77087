/**
 * 红色代办 ("你下单、我跑腿") for the demo city: an errand post (代办岗) on every grid of 雪松社区,
 * 东高社区 and 十三香社区 (驿城区), staffed by the community's volunteer team (赵志刚 leads
 * 雪松社区's, 孙丽 runs in it), and on the grids of 正阳县's 正兴社区 (set up here, see
 * demo-errands-zhengyang.ts); shops per community with a default; a week of orders from the
 * grids' households in every state, each step timestamped in order; purchase runs three times a
 * day (集中采办) with the amount paid per shop, the receipt photo (real image bytes, stored like an
 * upload) and who advanced it; payment at the door; reimbursements and cash handed in up to two
 * days ago, so the last days' money is still outstanding. What is live right now (new, claimed,
 * in an open run, on its way, one escalated) is placed relative to the load time, so the demo
 * shows it at any hour. Written straight into the errand tables in one transaction.
 */
import type { Kysely } from 'kysely';
import type { ErrandEventKind, ErrandPayment, ErrandStatus } from '../../common/enums.ts';
import { maskName } from '../../common/mask.ts';
import { errandHours } from '../features/errands/proof.ts';
import { findAccountForLogin } from '../features/accounts/accounts.repository.ts';
import { findRegionByCode } from '../features/regions/regions.repository.ts';
import { auditWrite, type CallContext } from '../platform/audit/audit.ts';
import { tokenHash, newToken } from '../platform/auth/tokens.ts';
import { addDays, calendarDate, zonedInstant } from '../platform/dates.ts';
import { newId } from '../platform/db/ids.ts';
import { refNumbering } from '../platform/db/refs.ts';
import type { Database, ErrandOrderItemTable, ErrandOrderTable } from '../platform/db/schema.ts';
import { transact } from '../platform/db/transact.ts';
import type { Deps } from '../platform/deps.ts';
import { recordFile, writeImage } from '../platform/files/stored-files.ts';
import { receiptPng } from './demo-images.ts';
import { pick, seededRandom } from './demo-people.ts';
import { seedZhengyang, ZHENGXING_CODE } from './demo-errands-zhengyang.ts';

/** Days of orders behind today (today included). */
const DAYS = 7;
const MINUTE = 60_000;
/** When a post's leader sets off with the bundled orders: local times of the day. */
const RUN_TIMES = ['09:30', '14:30', '19:00'];

interface CommunitySpec {
  code: string;
  name: string;
  team: string;
  address: string;
  /** The account that takes orders by phone (null: residents order by link only). */
  staff: string | null;
  responseMinutes: number | null;
  shops: { name: string; address: string; kind: ShopKind; isDefault?: boolean }[];
}
type ShopKind = 'store' | 'market' | 'pharmacy';

const COMMUNITIES: CommunitySpec[] = [
  {
    code: '411702008-001',
    name: '雪松社区',
    team: '雪松社区志愿服务队',
    address: '雪松社区党群服务中心一楼',
    staff: 'xuesong',
    responseMinutes: null,
    shops: [
      { name: '雪松路便民超市', address: '雪松路 12 号', kind: 'store', isDefault: true },
      { name: '雪松社区农贸市场', address: '雪松路 36 号', kind: 'market' },
      { name: '仁和大药房雪松店', address: '雪松路与解放路交叉口', kind: 'pharmacy' },
    ],
  },
  {
    code: '411702002-001',
    name: '东高社区',
    team: '东高社区志愿服务队',
    address: '东高社区居委会',
    staff: 'yicheng',
    responseMinutes: null,
    shops: [
      { name: '东高惠民超市', address: '东风路 120 号', kind: 'store', isDefault: true },
      { name: '东风路农贸市场', address: '东风路 96 号', kind: 'market' },
      { name: '百姓大药房东风路店', address: '东风路 88 号', kind: 'pharmacy' },
    ],
  },
  {
    code: '411702009-001',
    name: '十三香社区',
    team: '十三香社区志愿服务队',
    address: '十三香社区居委会',
    staff: 'yicheng',
    // The urban village's lanes are long: the post asked for more time.
    responseMinutes: 45,
    shops: [
      { name: '顺河万家福超市', address: '顺河路 15 号', kind: 'store', isDefault: true },
      { name: '顺河农贸市场', address: '顺河路 21 号', kind: 'market' },
    ],
  },
  {
    code: ZHENGXING_CODE,
    name: '正兴社区',
    team: '正兴社区红色代办服务队',
    address: '正阳县真阳街道正兴社区党群服务中心',
    staff: null,
    responseMinutes: null,
    shops: [
      { name: '正兴生活超市', address: '正阳县真阳街道正兴路 9 号', kind: 'store', isDefault: true },
      { name: '正阳县城南农贸市场', address: '正阳县真阳街道慎水路', kind: 'market' },
      { name: '济民大药房正兴店', address: '正阳县真阳街道正兴路 21 号', kind: 'pharmacy' },
    ],
  },
];

/** Goods code → price per unit in fen (February 2020 prices in town), the usual amounts, the shop. */
const PRICES: Record<string, { fen: number; qty: number[]; at: ShopKind }> = {
  rice: { fen: 560, qty: [5, 5, 10], at: 'store' },
  flour: { fen: 420, qty: [5, 5, 10], at: 'store' },
  oil: { fen: 6990, qty: [1], at: 'store' },
  noodles: { fen: 350, qty: [2, 3, 4], at: 'store' },
  pork: { fen: 2850, qty: [1, 2, 2, 3], at: 'market' },
  chicken: { fen: 1150, qty: [1, 2], at: 'market' },
  eggs: { fen: 480, qty: [2, 3, 5], at: 'market' },
  vegetables: { fen: 420, qty: [2, 3, 4, 6], at: 'market' },
  fruit: { fen: 650, qty: [2, 3, 5], at: 'market' },
  milk: { fen: 5990, qty: [1], at: 'store' },
  fever_medicine: { fen: 1880, qty: [1], at: 'pharmacy' },
  cold_medicine: { fen: 2450, qty: [1], at: 'pharmacy' },
  masks: { fen: 280, qty: [5, 10, 10], at: 'pharmacy' },
  alcohol: { fen: 1550, qty: [1, 2], at: 'pharmacy' },
  disinfectant: { fen: 890, qty: [1, 2], at: 'store' },
  tissue: { fen: 2590, qty: [1], at: 'store' },
  gas_refill: { fen: 11000, qty: [1], at: 'store' },
};
/** Some goods are asked for far more often than others. */
const POPULAR = ['vegetables', 'vegetables', 'pork', 'eggs', 'eggs', 'rice', 'flour', 'noodles', 'fruit', 'milk', 'oil'];
const FREE_TEXT = [
  { name: '酱油（海天，500 毫升）', unit: '瓶', quantity: 1, fen: 1190 },
  { name: '食盐', unit: '袋', quantity: 2, fen: 300 },
  { name: '馒头', unit: '个', quantity: 10, fen: 60 },
  { name: '婴儿奶粉（飞鹤 3 段）', unit: '罐', quantity: 1, fen: 22800 },
  { name: '5 号电池', unit: '节', quantity: 4, fen: 250 },
  { name: '老花镜（+200 度）', unit: '副', quantity: 1, fen: 3500 },
];
const NOTES = [
  '放门口即可，到了打电话',
  '家里有老人，请敲门',
  '从小区东门进，门卫知道',
  '蔬菜要新鲜的，谢谢！',
  '孩子在上网课，请别按门铃',
  null,
  null,
  null,
];
const CANCEL_REASONS = ['居民已自行购得', '家人已送来，不需要了', '下错单，已重新下单'];
const CANCEL_CLAIMED_REASONS = ['居民电话取消：亲戚已送来', '所需药品需处方，已联系社区医生'];
const PROOF_NOTES = ['已放门口，电话告知', '已交到本人手中，保持距离', '挂在门把手上，敲门告知', '已放门口鞋柜上，微信告知'];
const COMMENTS = ['感谢志愿者，送得很及时！', '辛苦了，东西都很新鲜', '党员同志跑腿，放心', '比预计晚了一点，能理解', null, null];

export interface DemoErrandsSummary {
  posts: number;
  shops: number;
  orders: number;
  byStatus: Partial<Record<ErrandStatus, number>>;
  escalated: number;
  runs: number;
  openRuns: number;
  receipts: number;
  payouts: number;
}

interface Member {
  volunteerId: string;
  name: string;
  accountId: string | null;
}
interface Post {
  id: string;
  name: string;
  regionId: string;
  regionPath: string;
  communityRegionId: string;
  spec: CommunitySpec;
  members: Member[];
  leader: Member;
  /** Who records a run: the leader's account, or the community's manager. */
  recorder: string | null;
  shops: Record<ShopKind, string>;
  homes: { id: string; address: string; name: string; mobile: string }[];
  responseMinutes: number;
}
interface Item {
  goodsId: string | null;
  name: string;
  unit: string;
  quantity: number;
  fen: number;
  at: ShopKind;
}
interface Run {
  id: string;
  post: Post;
  slot: number;
  boughtAt: number | null;
  payer: Member;
  orders: Draft[];
}
interface Draft {
  id: string;
  post: Post;
  home: Post['homes'][number];
  channel: 'resident' | 'staff';
  payment: ErrandPayment;
  note: string | null;
  items: Item[];
  status: ErrandStatus;
  createdAt: number;
  claimBy: number;
  claimer?: Member;
  assigned?: boolean;
  claimedAt?: number;
  escalatedAt?: number;
  run?: Run;
  deliveringAt?: number;
  deliveredAt?: number;
  confirmedAt?: number;
  cancelledAt?: number;
  cancelReason?: string;
}
/** How far an order may get, and when its steps happen if they are not the usual ones. */
interface Plan {
  cap?: ErrandStatus;
  claimAfter?: number;
  cancel?: 'new' | 'claimed';
  /** The run it joins: a given slot, or the next of the day's run times after its claim. */
  slot?: { at: number; boughtAt: number | null };
  deliveringAt?: number;
}

const ORDER: ErrandStatus[] = ['new', 'claimed', 'purchasing', 'delivering', 'delivered', 'confirmed'];
const reached = (cap: ErrandStatus | undefined, s: ErrandStatus) => !cap || ORDER.indexOf(s) <= ORDER.indexOf(cap);

export async function loadDemoErrands(deps: Deps): Promise<DemoErrandsSummary | null> {
  const { db } = deps.db;
  if (await db.selectFrom('errandPosts').select('id').limit(1).executeTakeFirst()) return null;
  if (!(await db.selectFrom('teams').select('id').limit(1).executeTakeFirst())) return null;
  const admin = await findAccountForLogin(db, 'admin');
  if (!admin) throw new Error('demo errands: load the demo city first');
  const call: CallContext = { actorId: admin.id, actorLogin: admin.login, ip: null };
  const tz = deps.config.timeZone;
  const loadedAt = Date.now();
  // Nothing the demo writes happens later than a minute before it is loaded.
  const now = loadedAt - MINUTE;
  const today = calendarDate(tz);
  const rnd = seededRandom(20200203);
  const between = (lo: number, hi: number) => lo + Math.floor(rnd() * (hi - lo + 1));
  const iso = (t: number) => new Date(t).toISOString();
  const dayOf = (t: number) => calendarDate(tz, new Date(t));
  const summary: DemoErrandsSummary = {
    posts: 0,
    shops: 0,
    orders: 0,
    byStatus: {},
    escalated: 0,
    runs: 0,
    openRuns: 0,
    receipts: 0,
    payouts: 0,
  };

  const goods = new Map(
    (await db.selectFrom('errandGoods').select(['id', 'code', 'nameZh', 'unitZh']).execute()).map((g) => [g.code, g]),
  );
  const receipts: { runId: string; shopId: string; bytes: Buffer }[] = [];

  await transact(db, call, async (trx) => {
    const stamp = iso(now);
    await seedZhengyang(trx, deps, rnd, today, stamp);

    // 1. Posts on every grid of the communities, and the communities' shops.
    const posts: Post[] = [];
    for (const spec of COMMUNITIES) {
      const community = await findRegionByCode(trx, spec.code);
      if (!community) throw new Error(`demo errands: community ${spec.code} is missing`);
      const team = await trx
        .selectFrom('teams')
        .select(['id', 'leaderVolunteerId'])
        .where('name', '=', spec.team)
        .where('regionId', '=', community.id)
        .executeTakeFirst();
      if (!team?.leaderVolunteerId) continue;
      const members = await membersOf(trx, team.id);
      const leader = members.find((m) => m.volunteerId === team.leaderVolunteerId);
      if (!leader || members.length < 2) continue;
      const staff = spec.staff ? await findAccountForLogin(trx, spec.staff) : undefined;
      const shops = {} as Record<ShopKind, string>;
      for (const s of spec.shops) {
        const id = newId();
        shops[s.kind] = id;
        await trx
          .insertInto('errandShops')
          .values({
            id,
            regionId: community.id,
            name: s.name,
            address: s.address,
            phone: `0396-${between(2100000, 2999999)}`,
            isDefault: s.isDefault ? 1 : 0,
            active: 1,
            createdBy: staff?.id ?? admin.id,
            createdAt: iso(zonedInstant(tz, addDays(today, -DAYS), '08:00').getTime()),
            updatedAt: stamp,
          })
          .execute();
        summary.shops++;
      }
      // A community without a market or pharmacy buys it all at its default shop.
      shops.market ??= shops.store;
      shops.pharmacy ??= shops.store;
      const grids = await trx
        .selectFrom('regions')
        .select(['id', 'name', 'path'])
        .where('parentId', '=', community.id)
        .where('level', '=', 'grid')
        .orderBy('sortOrder')
        .orderBy('code')
        .execute();
      for (const grid of grids) {
        const homes = await homesOf(trx, grid.id);
        if (homes.length === 0) continue;
        const id = newId();
        const name = `${spec.name}${grid.name}红色代办岗`;
        await trx
          .insertInto('errandPosts')
          .values({
            id,
            regionId: grid.id,
            teamId: team.id,
            name,
            address: spec.address,
            phone: `0396-${between(2100000, 2999999)}`,
            responseMinutes: spec.responseMinutes,
            active: 1,
            createdBy: staff?.id ?? admin.id,
            createdAt: iso(zonedInstant(tz, addDays(today, -DAYS), '08:30').getTime()),
            updatedAt: stamp,
          })
          .execute();
        summary.posts++;
        posts.push({
          id,
          name,
          regionId: grid.id,
          regionPath: grid.path,
          communityRegionId: community.id,
          spec,
          members,
          leader,
          recorder: leader.accountId ?? staff?.id ?? null,
          shops,
          homes,
          responseMinutes: spec.responseMinutes ?? deps.config.errandResponseMinutes,
        });
      }
    }

    /** The post an escalated order also goes to: the next grid's of the same community. */
    const nextPost = (post: Post) => {
      const same = posts.filter((p) => p.communityRegionId === post.communityRegionId);
      return same.length > 1 ? same[(same.indexOf(post) + 1) % same.length] : undefined;
    };

    // 2. A week of orders, each taken as far as its time allows.
    const drafts: Draft[] = [];
    const runs = new Map<string, Run>();
    const perHomeDay = new Map<string, number>();
    const itemsOf = (): Item[] => {
      const count = between(1, 5);
      const codes = new Set<string>();
      while (codes.size < count) codes.add(rnd() < 0.6 ? pick(rnd, POPULAR) : pick(rnd, Object.keys(PRICES)));
      const items: Item[] = [...codes].map((code) => {
        const g = goods.get(code)!;
        const p = PRICES[code]!;
        return { goodsId: g.id, name: g.nameZh, unit: g.unitZh, quantity: pick(rnd, p.qty), fen: p.fen, at: p.at };
      });
      if (rnd() < 0.15) {
        const f = pick(rnd, FREE_TEXT);
        items.push({ goodsId: null, name: f.name, unit: f.unit, quantity: f.quantity, fen: f.fen, at: 'store' });
      }
      return items;
    };
    // Who claims: anyone of the team; 孙丽 (the demo volunteer, with an account) takes a fair share.
    const claimerOf = (post: Post): Member => {
      const withAccount = post.members.filter((m) => m.accountId && m.volunteerId !== post.leader.volunteerId);
      return withAccount.length && rnd() < 0.25 ? pick(rnd, withAccount) : pick(rnd, post.members);
    };
    const runAt = (post: Post, slot: number, boughtAt: number | null): Run => {
      const key = `${post.id}|${slot}`;
      let run = runs.get(key);
      if (!run) {
        run = { id: newId(), post, slot, boughtAt, payer: rnd() < 0.7 ? post.leader : pick(rnd, post.members), orders: [] };
        runs.set(key, run);
      }
      return run;
    };
    const nextSlot = (after: number): number => {
      for (let d = 0; d < 2; d++) {
        const day = addDays(dayOf(after), d);
        for (const hhmm of RUN_TIMES) {
          const t = zonedInstant(tz, day, hhmm).getTime();
          if (t >= after) return t;
        }
      }
      return Infinity;
    };

    function order(post: Post, createdAt: number, plan: Plan = {}): void {
      const home = pick(rnd, post.homes);
      const dayKey = `${home.id}|${dayOf(createdAt)}`;
      if ((perHomeDay.get(dayKey) ?? 0) >= deps.config.errandOrdersPerDay) return;
      perHomeDay.set(dayKey, (perHomeDay.get(dayKey) ?? 0) + 1);
      const r = rnd();
      const d: Draft = {
        id: newId(),
        post,
        home,
        channel: post.spec.staff && rnd() < 0.2 ? 'staff' : 'resident',
        payment: r < 0.6 ? 'on_delivery' : r < 0.9 ? 'transfer' : 'prepaid',
        note: pick(rnd, NOTES),
        items: itemsOf(),
        status: 'new',
        createdAt,
        claimBy: createdAt + post.responseMinutes * MINUTE,
      };
      drafts.push(d);
      const escalate = () => {
        d.escalatedAt = d.claimBy + MINUTE;
        summary.escalated++;
      };
      if (plan.cancel === 'new') {
        const at = createdAt + between(10, 90) * MINUTE;
        if (at < now) Object.assign(d, { status: 'cancelled', cancelledAt: at, cancelReason: pick(rnd, CANCEL_REASONS) });
        return;
      }
      // Most are claimed within minutes; a few wait past the response time and escalate first.
      const late = rnd() < 0.08;
      const claimedAt = createdAt + (plan.claimAfter ?? (late ? post.responseMinutes + between(5, 30) : between(2, 22))) * MINUTE;
      if (!reached(plan.cap, 'claimed') || claimedAt >= now) {
        if (now > d.claimBy) escalate();
        return;
      }
      if (claimedAt > d.claimBy) escalate();
      Object.assign(d, { status: 'claimed', claimedAt, claimer: claimerOf(post), assigned: rnd() < 0.12 });
      if (plan.cancel === 'claimed') {
        const at = claimedAt + between(10, 60) * MINUTE;
        if (at < now) Object.assign(d, { status: 'cancelled', cancelledAt: at, cancelReason: pick(rnd, CANCEL_CLAIMED_REASONS) });
        return;
      }
      const slot = plan.slot?.at ?? nextSlot(claimedAt + 10 * MINUTE);
      if (!reached(plan.cap, 'purchasing') || slot >= now) return;
      const run = runAt(post, slot, plan.slot ? plan.slot.boughtAt : slot + between(50, 90) * MINUTE);
      run.orders.push(d);
      Object.assign(d, { status: 'purchasing', run });
      if (run.boughtAt === null || run.boughtAt >= now) return;
      const deliveringAt = plan.deliveringAt ?? run.boughtAt + between(5, 20) * MINUTE;
      if (!reached(plan.cap, 'delivering') || deliveringAt >= now) return;
      Object.assign(d, { status: 'delivering', deliveringAt });
      const deliveredAt = deliveringAt + between(8, 35) * MINUTE;
      if (!reached(plan.cap, 'delivered') || deliveredAt >= now) return;
      Object.assign(d, { status: 'delivered', deliveredAt });
      // Some residents never press 确认收货.
      const confirmedAt = deliveredAt + between(15, 240) * MINUTE;
      if (!reached(plan.cap, 'confirmed') || confirmedAt >= now || rnd() < 0.12) return;
      Object.assign(d, { status: 'confirmed', confirmedAt });
    }

    for (const post of posts) {
      for (let ago = DAYS - 1; ago >= 0; ago--) {
        const day = addDays(today, -ago);
        for (let n = between(3, 5); n > 0; n--) {
          const minutes = between(7 * 60, 20 * 60 + 30);
          const at = zonedInstant(
            tz,
            day,
            `${String(Math.floor(minutes / 60)).padStart(2, '0')}:${String(minutes % 60).padStart(2, '0')}`,
          ).getTime();
          if (at >= now - 5 * 60 * MINUTE) continue; // the last hours are the live ones below
          const c = rnd();
          order(post, at, c < 0.05 ? { cancel: 'new' } : c < 0.08 ? { cancel: 'claimed' } : {});
        }
      }
      // What is happening right now, whatever the hour: orders just in, claimed, in a run still
      // being bought, on their way; 雪松社区's posts have each of them.
      const all = post.spec.code === COMMUNITIES[0]!.code;
      const ago = (lo: number, hi: number) => now - between(lo, hi) * MINUTE;
      if (all || rnd() < 0.6) order(post, ago(3, 15), { cap: 'new' });
      if (all || rnd() < 0.5) order(post, ago(40, 70), { cap: 'claimed', claimAfter: between(4, 12) });
      const openRun = { at: now - 35 * MINUTE, boughtAt: null };
      for (let n = all ? 2 : between(0, 2); n > 0; n--)
        order(post, ago(150, 200), { cap: 'purchasing', claimAfter: between(4, 15), slot: openRun });
      const lastRun = { at: now - 150 * MINUTE, boughtAt: now - 75 * MINUTE };
      for (let n = all ? 2 : between(0, 1); n > 0; n--)
        order(post, ago(230, 280), { cap: 'delivering', claimAfter: between(4, 15), slot: lastRun, deliveringAt: ago(15, 40) });
    }
    // One order nobody has claimed in time in each of two communities: escalated to the community.
    for (const code of ['411702002-001', ZHENGXING_CODE]) {
      const post = posts.find((p) => p.spec.code === code);
      if (post) order(post, now - (post.responseMinutes + between(8, 20)) * MINUTE, { cap: 'new' });
    }

    // 3. Runs: items to shops, what each cost, what each shop was paid; the orders' amounts due.
    const itemRows: ErrandOrderItemTable[] = [];
    const runShops: { run: Run; shopId: string; amountFen: number }[] = [];
    const costs = new Map<Draft, number[]>();
    for (const run of runs.values()) {
      const paid = new Map<string, number>();
      for (const d of run.orders) {
        const jitter = 0.9 + rnd() * 0.2;
        costs.set(
          d,
          d.items.map((i) => {
            const fen = Math.round(i.fen * i.quantity * jitter);
            if (run.boughtAt !== null && run.boughtAt < now)
              paid.set(run.post.shops[i.at], (paid.get(run.post.shops[i.at]) ?? 0) + fen);
            return fen;
          }),
        );
      }
      run.orders.sort((a, b) => a.createdAt - b.createdAt);
      for (const [shopId, amountFen] of paid) receipts.push({ runId: run.id, shopId, bytes: receiptPng(amountFen) });
      runShops.push(...[...paid].map(([shopId, amountFen]) => ({ run, shopId, amountFen })));
    }
    for (const d of drafts) {
      const c = costs.get(d);
      d.items.forEach((i, k) =>
        itemRows.push({
          id: newId(),
          orderId: d.id,
          goodsId: i.goodsId,
          name: i.name,
          unit: i.unit,
          quantity: i.quantity,
          note: null,
          shopId: d.run ? d.post.shops[i.at] : null,
          costFen: c && d.run?.boughtAt !== null && d.run!.boughtAt < now ? c[k]! : null,
          sortOrder: k,
        }),
      );
    }

    // 4. Orders, numbered per day in the order they came in, with every step.
    drafts.sort((a, b) => a.createdAt - b.createdAt);
    const numbering = refNumbering();
    const ref = (prefix: string, t: number) => numbering.next(prefix, dayOf(t));
    const runRefs = new Map<Run, string>();
    for (const run of [...runs.values()].sort((a, b) => a.slot - b.slot)) runRefs.set(run, ref('CG', run.slot));
    const rows: ErrandOrderTable[] = [];
    const events: { orderId: string; kind: ErrandEventKind; at: number; by: string | null; detail?: Record<string, unknown> }[] =
      [];
    const payments: { volunteerId: string; communityRegionId: string; fen: number; at: number }[] = [];
    for (const d of drafts) {
      const staff = d.channel === 'staff' ? (await findAccountForLogin(trx, d.post.spec.staff!))!.id : null;
      const due = d.deliveredAt !== undefined ? costs.get(d)!.reduce((a, b) => a + b, 0) : null;
      // Paid at the door (cash or a transfer to the volunteer), by transfer to the community, or before.
      const pay =
        due === null || (d.payment !== 'prepaid' && rnd() < 0.1)
          ? null
          : {
              at: d.payment === 'transfer' ? Math.min(d.deliveredAt! + between(0, 60) * MINUTE, now) : d.deliveredAt!,
              by: d.payment === 'prepaid' || (d.payment === 'transfer' && rnd() < 0.5) ? null : d.claimer!,
            };
      if (pay?.by)
        payments.push({ volunteerId: pay.by.volunteerId, communityRegionId: d.post.communityRegionId, fen: due!, at: pay.at });
      const rating = d.confirmedAt !== undefined && rnd() < 0.7 ? (rnd() < 0.8 ? 5 : rnd() < 0.7 ? 4 : 3) : null;
      const comment = rating ? pick(rnd, COMMENTS) : null;
      rows.push({
        id: d.id,
        ref: ref('PT', d.createdAt),
        regionId: d.post.regionId,
        householdId: d.home.id,
        caseId: null,
        postId: d.post.id,
        channel: d.channel,
        enteredBy: staff,
        contactName: d.home.name,
        contactMobile: d.home.mobile,
        address: d.home.address,
        note: d.note,
        payment: d.payment,
        status: d.status,
        claimedBy: d.claimer?.volunteerId ?? null,
        claimedAt: d.claimedAt === undefined ? null : iso(d.claimedAt),
        purchasingAt: d.run ? iso(d.run.slot) : null,
        deliveringAt: d.deliveringAt === undefined ? null : iso(d.deliveringAt),
        deliveredAt: d.deliveredAt === undefined ? null : iso(d.deliveredAt),
        confirmedAt: d.confirmedAt === undefined ? null : iso(d.confirmedAt),
        cancelledAt: d.cancelledAt === undefined ? null : iso(d.cancelledAt),
        cancelReason: d.cancelReason ?? null,
        claimBy: iso(d.claimBy),
        deliverBy: iso(d.createdAt + deps.config.errandDeliveryHours * 60 * MINUTE),
        escalationLevel: d.escalatedAt === undefined ? 0 : 1,
        escalatedAt: d.escalatedAt === undefined ? null : iso(d.escalatedAt),
        runId: d.run?.id ?? null,
        amountDueFen: due,
        paidFen: pay ? due! : 0,
        paidAt: pay ? iso(pay.at) : null,
        paidMethod: pay ? d.payment : null,
        collectedBy: pay?.by?.volunteerId ?? null,
        proofNote: d.deliveredAt === undefined ? null : pick(rnd, PROOF_NOTES),
        proofFileId: null,
        rating,
        comment,
        issueId: null,
        orderedOn: dayOf(d.createdAt),
        createdAt: iso(d.createdAt),
        updatedAt: iso(
          Math.max(d.createdAt, d.claimedAt ?? 0, d.deliveredAt ?? 0, d.confirmedAt ?? 0, d.cancelledAt ?? 0, pay?.at ?? 0),
        ),
      });
      const step = (kind: ErrandEventKind, at: number | undefined, by: string | null, detail?: Record<string, unknown>) => {
        if (at !== undefined) events.push({ orderId: d.id, kind, at, by, ...(detail ? { detail } : {}) });
      };
      step('created', d.createdAt, staff, { channel: d.channel });
      step('escalated', d.escalatedAt, null, { post: nextPost(d.post)?.name ?? null });
      if (d.claimer)
        step(d.assigned ? 'assigned' : 'claimed', d.claimedAt, d.assigned ? d.post.recorder : d.claimer.accountId, {
          volunteer: maskName(d.claimer.name),
        });
      if (d.run) {
        // As the run's creation records them: the purchase under way, then the bundling.
        step('purchasing', d.run.slot, d.post.recorder, { run: runRefs.get(d.run) });
        step('bundled', d.run.slot, d.post.recorder, { run: runRefs.get(d.run) });
      }
      step('delivering', d.deliveringAt, d.claimer?.accountId ?? null);
      step('delivered', d.deliveredAt, d.claimer?.accountId ?? null);
      if (pay) step('paid', pay.at, d.post.recorder, { paidFen: due, method: d.payment });
      step('confirmed', d.confirmedAt, null);
      if (rating) step('rated', d.confirmedAt! + MINUTE, null, { rating });
      step('cancelled', d.cancelledAt, d.cancelReason && CANCEL_REASONS.includes(d.cancelReason) ? null : d.post.recorder, {
        reason: d.cancelReason,
      });
      summary.byStatus[d.status] = (summary.byStatus[d.status] ?? 0) + 1;
    }
    summary.orders = rows.length;

    for (const run of runs.values()) {
      const bought = run.boughtAt !== null && run.boughtAt < now;
      await trx
        .insertInto('errandRuns')
        .values({
          id: run.id,
          ref: runRefs.get(run)!,
          postId: run.post.id,
          regionId: run.post.regionId,
          status: bought ? 'bought' : 'open',
          note: null,
          createdBy: run.post.recorder,
          createdAt: iso(run.slot),
          boughtAt: bought ? iso(run.boughtAt!) : null,
          updatedAt: iso(bought ? run.boughtAt! : run.slot),
        })
        .execute();
      summary.runs++;
      if (!bought) summary.openRuns++;
    }
    for (let i = 0; i < rows.length; i += 100)
      await trx
        .insertInto('errandOrders')
        .values(rows.slice(i, i + 100))
        .execute();
    for (let i = 0; i < itemRows.length; i += 500)
      await trx
        .insertInto('errandOrderItems')
        .values(itemRows.slice(i, i + 500))
        .execute();
    const eventRows = events.map((e) => ({
      id: newId(),
      orderId: e.orderId,
      kind: e.kind,
      detail: e.detail ? JSON.stringify(e.detail) : null,
      byAccountId: e.by,
      at: iso(e.at),
    }));
    for (let i = 0; i < eventRows.length; i += 500)
      await trx
        .insertInto('errandOrderEvents')
        .values(eventRows.slice(i, i + 500))
        .execute();

    // The volunteers' service records count the errands they delivered, from claim to door.
    const records = drafts.flatMap((d) =>
      d.deliveredAt !== undefined && d.claimer
        ? [
            {
              id: newId(),
              volunteerId: d.claimer.volunteerId,
              kind: 'errand',
              sourceId: d.id,
              title: `代办跑腿（${rows.find((r) => r.id === d.id)!.ref}）`,
              hours: errandHours(iso(d.claimedAt!), iso(d.deliveredAt)),
              occurredOn: dayOf(d.deliveredAt),
              createdAt: iso(d.deliveredAt),
              createdBy: d.claimer.accountId ?? d.post.recorder,
            },
          ]
        : [],
    );
    for (let i = 0; i < records.length; i += 500)
      await trx
        .insertInto('serviceRecords')
        .values(records.slice(i, i + 500))
        .execute();

    // 5. Receipts: the photos' bytes on disk as an upload would leave them, each with its row.
    for (const s of runShops) {
      const receipt = receipts.find((r) => r.runId === s.run.id && r.shopId === s.shopId)!;
      const file = await writeImage(deps, 'receipt', receipt.bytes);
      await recordFile(trx, file, { kind: 'errand_receipt', regionId: s.run.post.regionId, createdBy: s.run.post.recorder });
      const recordedAt = iso(s.run.boughtAt!);
      await trx.updateTable('storedFiles').set({ createdAt: recordedAt }).where('id', '=', file.id).execute();
      await trx
        .insertInto('errandRunShops')
        .values({
          runId: s.run.id,
          shopId: s.shopId,
          amountFen: s.amountFen,
          receiptFileId: file.id,
          paidByVolunteerId: s.run.payer.volunteerId,
          recordedBy: s.run.post.recorder,
          recordedAt,
        })
        .execute();
      summary.receipts++;
    }

    // 6. Money squared up at two evening meetings (four and two days ago): what each volunteer
    // advanced is reimbursed, the cash they took is handed in; one keeps back part of it.
    const advanced = runShops.map((s) => ({
      volunteerId: s.run.payer.volunteerId,
      communityRegionId: s.run.post.communityRegionId,
      fen: s.amountFen,
      at: s.run.boughtAt!,
    }));
    let from = 0;
    let kept = false;
    for (const ago of [4, 2]) {
      const at = zonedInstant(tz, addDays(today, -ago), '18:30').getTime();
      if (at >= now) continue;
      const sums = new Map<string, { regionId: string; volunteerId: string; reimburse: number; handIn: number }>();
      const add = (list: typeof advanced, key: 'reimburse' | 'handIn') => {
        for (const m of list) {
          if (m.at < from || m.at >= at) continue;
          const k = `${m.volunteerId}|${m.communityRegionId}`;
          const s = sums.get(k) ?? { regionId: m.communityRegionId, volunteerId: m.volunteerId, reimburse: 0, handIn: 0 };
          s[key] += m.fen;
          sums.set(k, s);
        }
      };
      add(advanced, 'reimburse');
      add(payments, 'handIn');
      for (const s of sums.values()) {
        const recorder = posts.find((p) => p.communityRegionId === s.regionId)!.recorder;
        for (const [direction, fen] of [
          ['reimburse', s.reimburse],
          ['hand_in', s.handIn],
        ] as const) {
          let amountFen = fen;
          if (direction === 'hand_in' && !kept && fen > 5000) {
            amountFen = Math.round(fen * 0.8);
            kept = true;
          }
          if (amountFen <= 0) continue;
          await trx
            .insertInto('errandPayouts')
            .values({
              id: newId(),
              regionId: s.regionId,
              volunteerId: s.volunteerId,
              direction,
              amountFen,
              note:
                direction === 'reimburse'
                  ? '垫付款报销（凭小票）'
                  : amountFen < fen
                    ? '代收货款上交，余款次日交'
                    : '代收货款上交',
              recordedBy: recorder,
              at: iso(at + between(0, 40) * MINUTE),
            })
            .execute();
          summary.payouts++;
        }
      }
      from = at;
    }

    // 7. The households that ordered by their link have one (the card was printed; only the hash is kept).
    const linked = new Set(drafts.filter((d) => d.channel === 'resident').map((d) => d.home.id));
    const tokens = [...linked].map((householdId) => ({
      id: newId(),
      purpose: 'errand',
      caseId: null,
      householdId,
      tokenHash: tokenHash(newToken()),
      expiresAt: iso(zonedInstant(tz, addDays(today, 60), '00:00').getTime()),
      revokedAt: null,
      createdBy: admin.id,
      createdAt: iso(zonedInstant(tz, addDays(today, -DAYS), '09:00').getTime()),
    }));
    for (let i = 0; i < tokens.length; i += 500)
      await trx
        .insertInto('residentTokens')
        .values(tokens.slice(i, i + 500))
        .execute();

    await numbering.save(trx);
    await auditWrite(trx, call, 'demo.errands', 'errand_post', null, null, {
      posts: summary.posts,
      orders: summary.orders,
      runs: summary.runs,
    });
  });
  return summary;
}

async function membersOf(q: Kysely<Database>, teamId: string): Promise<Member[]> {
  return q
    .selectFrom('teamMembers as m')
    .innerJoin('volunteers as v', 'v.id', 'm.volunteerId')
    .select(['v.id as volunteerId', 'v.name', 'v.accountId'])
    .where('m.teamId', '=', teamId)
    .where('v.status', '=', 'active')
    .orderBy('v.name')
    .execute();
}

/** The grid's households with someone to call: the head (or a tenant) with a mobile. */
async function homesOf(q: Kysely<Database>, gridId: string): Promise<Post['homes']> {
  const rows = await q
    .selectFrom('households as h')
    .innerJoin('residents as r', 'r.householdId', 'h.id')
    .select(['h.id', 'h.address', 'r.name', 'r.mobile'])
    .where('h.regionId', '=', gridId)
    .where('r.relation', 'in', ['head', 'tenant'])
    .where('r.mobile', 'is not', null)
    .orderBy('h.id')
    .execute();
  const seen = new Set<string>();
  return rows.flatMap((r) =>
    seen.has(r.id) ? [] : (seen.add(r.id), [{ id: r.id, address: r.address, name: r.name, mobile: r.mobile! }]),
  );
}
