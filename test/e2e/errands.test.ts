/**
 * 红色代办 as people meet it, in real Chromium against the demo city. 陈静 (雪松社区) prints a
 * household's errand link; the resident opens it on a phone, sees the community's notice, picks
 * goods and orders, and lands on the order's status page; 孙丽 has 我的代办 open on her
 * phone, sees the order arrive live and claims it; 赵志刚, who leads the post, bundles it with
 * another open order into a purchase run, records what the shop was paid and the receipt photo;
 * 孙丽 takes it to the door and leaves a note as proof; the resident confirms it and gives four
 * stars on their status page; the settlement shows 赵志刚 owed what he advanced and, once the
 * household has paid 孙丽 by transfer, the money she holds, beside the cash they meant to pay.
 * Another order nobody claims escalates to the community, whose manager is told. Last, 陈静 sets up
 * an errand post and a shop on their pages.
 *
 * Every check compares before with after, and nothing depends on the hour: the demo places what is
 * in progress relative to its load, and the unclaimed order's deadline is moved into the past in
 * the database, as the clock would.
 */
import { mkdirSync } from 'node:fs';
import { resolve } from 'node:path';
import type { Browser, Page } from 'playwright-core';
import type { Static } from 'typebox';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { MyErrands } from '../../server/features/errands/dispatch.schemas.ts';
import type { IssuedLink } from '../../server/features/errands/errand-links.schemas.ts';
import type { OrderDetail } from '../../server/features/errands/orders.schemas.ts';
import { type CandidateList, type Run } from '../../server/features/errands/runs.schemas.ts';
import type { Settlement } from '../../server/features/errands/settlement.schemas.ts';
import type { HouseholdSummary } from '../../server/features/households/households.schemas.ts';
import { receiptPng } from '../../server/demo/demo-images.ts';
import { openSqlite } from '../../server/platform/db/connect.ts';
import type { NotificationList } from '../../server/platform/notify/notifications.schemas.ts';
import { ROOT, type ServerProcess } from '../server-process.ts';
import {
  apiGet,
  apiSend,
  launchBrowser,
  pickOption,
  pickRegion,
  signInDemo,
  skipReason,
  startWebServer,
  watchPage,
} from './browser.ts';

if (skipReason) console.warn(skipReason);

type Candidates = Static<typeof CandidateList>;

const SHOTS = resolve(import.meta.dirname, '../.tmp/e2e-shots');
const TIME_ZONE = 'Asia/Shanghai';
const random = (digits: number) => Math.floor(Math.random() * 10 ** digits);

describe.skipIf(skipReason !== null)(
  '红色代办 in a browser: order, claim, purchase run, delivery, settlement, escalation',
  () => {
    let server: ServerProcess;
    let browser: Browser;
    let desk: Page; // 陈静, 雪松社区's manager
    let leader: Page; // 赵志刚, leads 雪松社区志愿服务队 and so its posts, on his phone
    let volunteer: Page; // 孙丽, in the same team, on her phone
    let resident: Page; // a household of 雪松社区, no account, on a phone
    let problems: string[][] = [];

    const shot = (p: Page, name: string, fullPage = true) =>
      p.screenshot({ path: resolve(SHOTS, `errands-${name}.png`), fullPage });
    const get = <T>(p: Page, path: string) => apiGet<T>(p, server.url, path);
    const send = <T>(p: Page, method: 'POST' | 'PUT' | 'PATCH', path: string, body: unknown) =>
      apiSend<T>(p, server.url, method, path, body);
    const newPage = async (phone: boolean) => {
      const context = await browser.newContext({
        locale: 'zh-CN',
        timezoneId: TIME_ZONE,
        ...(phone
          ? { viewport: { width: 390, height: 844 }, isMobile: true, hasTouch: true }
          : { viewport: { width: 1366, height: 900 } }),
      });
      return context.newPage();
    };
    /** An order through a household's link straight to the API: the one nobody claims needs no page. */
    const order = async (token: string, items: unknown[]) => {
      const res = await resident.request.post(`${server.url}/api/v1/e/${token}/orders`, {
        headers: { 'idempotency-key': crypto.randomUUID() },
        data: {
          items,
          contactName: '王秀英',
          contactMobile: '13903961234',
          note: '放门口即可，到了打电话',
          payment: 'on_delivery',
        },
      });
      expect(res.status(), await res.text()).toBe(201);
      return (await res.json()) as { id: string; ref: string };
    };
    const card = (p: Page, ref: string) => p.locator(`[data-testid="errand-card"][data-ref="${ref}"]`);
    const household = async (offset: number) =>
      (await get<{ items: HouseholdSummary[] }>(desk, `/households?limit=1&offset=${offset}`)).items[0]!;
    const issueLink = async (householdId: string) =>
      send<IssuedLink>(desk, 'POST', `/errands/households/${householdId}/link`, {});

    beforeAll(async () => {
      mkdirSync(SHOTS, { recursive: true });
      server = await startWebServer('demo', { REDVEST_TIME_ZONE: TIME_ZONE });
      browser = await launchBrowser();
      desk = await newPage(false);
      leader = await newPage(true);
      volunteer = await newPage(true);
      resident = await newPage(true);
      problems = [desk, leader, volunteer, resident].map((p) => watchPage(p, server.url));
      await signInDemo(desk, server.url, 'xuesong');
      await signInDemo(leader, server.url, 'leader');
      await signInDemo(volunteer, server.url, 'volunteer');
    }, 600_000);

    afterAll(async () => {
      await browser?.close();
      await server?.stop();
    });

    let token = '';
    let placed = { id: '', ref: '' };
    let postId = '';
    let postName = '';
    let runId = '';
    let advancedFen = 0;

    it('the resident orders on the phone page from the household’s link; 孙丽 sees it arrive live and claims it', async () => {
      const home = await household(20 + random(2));
      const link = await issueLink(home.id);
      expect(link.path).toBe(`/e/${link.token}`);
      token = link.token;
      // The community's notice reaches the household's errand page too.
      const notice = `雪松社区代办服务时间调整 ${random(4)}`;
      await send(desk, 'POST', '/announcements', {
        regionId: home.regionId,
        title: notice,
        body: '代办岗每天 8:00—20:00 接单，急需药品请直接拨打值班电话。',
        expiresAt: new Date(Date.now() + 3 * 86_400_000).toISOString(),
      });

      await volunteer.goto(`${server.url}/my-errands`);
      await volunteer.getByTestId('errand-card').first().waitFor();
      await resident.goto(`${server.url}${link.path}`);
      await resident.getByTestId('errand-form').waitFor();
      await expect.poll(() => resident.getByTestId('resident-announcements').innerText()).toContain(notice);
      for (let i = 0; i < 5; i++) await resident.getByTestId('goods-add-rice').click();
      for (let i = 0; i < 2; i++) await resident.getByTestId('goods-add-eggs').click();
      expect(await resident.getByTestId('goods-qty-rice').innerText()).toBe('5');
      await resident.getByTestId('free-add').click();
      await resident.getByTestId('free-name-0').fill('酱油');
      await resident.getByTestId('free-unit-0').fill('瓶');
      await resident.getByTestId('errand-contact').fill('王秀英');
      await resident.getByTestId('errand-mobile').fill('13903961234');
      await resident.getByTestId('errand-note').fill('放门口即可，到了打电话');
      await shot(resident, 'resident-page');
      await resident.getByTestId('errand-submit').click();

      const ref = /PT-\d{8}-\d{4}/.exec(await resident.getByTestId('errand-placed').innerText())?.[0] ?? '';
      expect(ref).not.toBe('');
      await resident.getByTestId('errand-placed-open').click();
      await resident.waitForURL(/\/orders\/[^/]+$/);
      placed = { id: new URL(resident.url()).pathname.split('/').at(-1)!, ref };
      await expect.poll(() => resident.getByTestId('errand-ref').innerText()).toBe(ref);
      expect(await resident.getByTestId('errand-status-tag').innerText()).toBe('待接单');
      await shot(resident, 'resident-status');
      const detail = await get<OrderDetail>(desk, `/errands/orders/${placed.id}`);
      expect(detail.items.map((i) => `${i.name} ${i.quantity}`)).toEqual(expect.arrayContaining(['大米 5', '鸡蛋 2', '酱油 1']));
      expect(detail).toMatchObject({ channel: 'resident', contactName: '王秀英', payment: 'on_delivery', paidMethod: null });

      // Live: no reload, the events stream brings it.
      await card(volunteer, placed.ref).waitFor({ timeout: 20_000 });
      await shot(volunteer, 'new-order-live');
      await card(volunteer, placed.ref).getByTestId('errand-claim').click();
      await expect
        .poll(async () => (await get<MyErrands>(volunteer, '/errands/my-orders')).mine.map((c) => c.ref))
        .toContain(placed.ref);
      const mine = (await get<MyErrands>(volunteer, '/errands/my-orders')).mine.find((c) => c.ref === placed.ref)!;
      postId = mine.post!.id;
      postName = mine.post!.name;
      const steps = (await get<OrderDetail>(desk, `/errands/orders/${placed.id}`)).steps.map((s) => s.kind);
      expect(steps).toEqual(expect.arrayContaining(['created', 'claimed']));
    });

    it('赵志刚 bundles it with another open order into a purchase run and records the shop’s amount with the receipt', async () => {
      const candidates = await get<Candidates>(leader, `/errands/runs/candidates?postId=${postId}`);
      expect(candidates.canManage).toBe(true);
      const others = candidates.items.filter((o) => o.id !== placed.id).slice(0, 1);
      expect(candidates.items.map((o) => o.ref)).toContain(placed.ref);
      const run = await send<Run>(leader, 'POST', '/errands/runs', {
        postId,
        orderIds: [placed.id, ...others.map((o) => o.id)],
        note: '雪松路便民超市一次买齐',
      });
      runId = run.id;
      expect(run.orders.map((o) => o.ref)).toContain(placed.ref);
      const lists = run.lists.filter((l) => l.shop);
      expect(lists.length).toBeGreaterThan(0);
      expect(lists.flatMap((l) => l.lines.map((x) => x.name))).toEqual(expect.arrayContaining(['大米', '鸡蛋', '酱油']));

      const zhao = run.people.find((p) => p.name === '赵志刚')!;
      const { csrfToken } = await get<{ csrfToken: string }>(leader, '/auth/me');
      for (const list of lists) {
        const amountFen = 8000 + random(4);
        advancedFen += amountFen;
        await send(leader, 'PUT', `/errands/runs/${runId}/shops/${list.shop!.id}`, { amountFen, paidByVolunteerId: zhao.id });
        const res = await leader.request.fetch(`${server.url}/api/v1/errands/runs/${runId}/shops/${list.shop!.id}/receipt`, {
          method: 'POST',
          headers: { 'content-type': 'image/png', 'x-csrf-token': csrfToken, 'idempotency-key': crypto.randomUUID() },
          data: receiptPng(amountFen),
        });
        expect(res.status(), await res.text()).toBeLessThan(300);
      }
      const bought = await get<Run>(leader, `/errands/runs/${runId}`);
      expect(bought.status).toBe('bought');
      expect(bought.lists.filter((l) => l.shop).every((l) => l.paid?.hasReceipt)).toBe(true);
      const due = (await get<OrderDetail>(desk, `/errands/orders/${placed.id}`)).amountDueFen;
      expect(due).toBeGreaterThan(0);

      // The run's page: the shopping list by shop, as it prints.
      await leader.goto(`${server.url}/errands/runs/${runId}`);
      await expect.poll(() => leader.getByTestId('shopping-list').innerText()).toContain('大米');
      await shot(leader, 'run');

      // Prices that do not add up to what was paid are refused, the reason under the amount.
      const first = lists[0]!;
      await leader.getByTestId(`record-${first.shop!.name}`).click();
      const dialog = leader.locator('.ant-modal:visible');
      await dialog.locator('.ant-input-number input').nth(1).fill('99999');
      await dialog.locator('.ant-btn-primary').click();
      const amountField = dialog.locator('.ant-form-item').first();
      await expect.poll(() => amountField.locator('.ant-form-item-explain').innerText()).toContain('实付金额');
      await shot(leader, 'record-error', false);
      await dialog.locator('.ant-modal-close').click();

      await leader.goto(`${server.url}/errands/runs`);
      await pickOption(leader, leader.getByTestId('run-post'), postName);
      await leader.getByTestId('run-candidates').waitFor();
      await shot(leader, 'runs');
    });

    it('孙丽 takes it to the door with a note as proof; the resident confirms and gives four stars on their page', async () => {
      await volunteer.reload();
      const mine = card(volunteer, placed.ref);
      await mine.getByTestId('errand-delivering').click();
      await mine.getByTestId('errand-deliver-open').click();
      await volunteer.getByTestId('errand-proof-note').fill('已放门口鞋柜上，电话告知');
      await shot(volunteer, 'deliver-dialog', false);
      await volunteer.getByTestId('errand-deliver-submit').click();
      await expect.poll(() => volunteer.getByTestId('errand-deliver-submit').count()).toBe(0);
      await expect.poll(async () => (await get<OrderDetail>(desk, `/errands/orders/${placed.id}`)).status).toBe('delivered');

      // The resident's status page, still open on their phone (it refreshes every half minute).
      await resident.reload();
      await expect.poll(() => resident.getByTestId('errand-status-tag').innerText()).toBe('已送达');
      await resident.getByTestId('errand-confirm').click();
      await expect.poll(() => resident.getByTestId('errand-status-tag').innerText()).toBe('已确认收货');
      await resident.locator('[data-testid="errand-rate-form"] .ant-rate-star').nth(3).click();
      await resident.getByTestId('errand-rate-form').locator('textarea').fill('感谢志愿者，送得很及时！');
      await resident.getByTestId('errand-rate').click();
      await expect.poll(() => resident.getByTestId('errand-rated').innerText()).toContain('4');
      await shot(resident, 'resident-rated');
      const status = (await (await resident.request.get(`${server.url}/api/v1/e/${token}/orders/${placed.id}`)).json()) as {
        status: string;
        rating: number;
        steps: { kind: string }[];
      };
      expect(status).toMatchObject({ status: 'confirmed', rating: 4 });
      expect(status.steps.map((s) => s.kind)).toEqual(
        expect.arrayContaining(['created', 'claimed', 'purchasing', 'delivering', 'delivered', 'confirmed']),
      );
    });

    it('the settlement shows who owes whom: 赵志刚 is owed what he advanced; 孙丽 holds what she was paid', async () => {
      const before = await get<Settlement>(desk, '/errands/settlement');
      const volunteerOf = (s: Settlement, name: string) => s.volunteers.find((v) => v.volunteer.name === name);
      expect(volunteerOf(before, '赵志刚')!.advancedFen).toBeGreaterThanOrEqual(advancedFen);
      const mine = before.orders.find((o) => o.id === placed.id)!;
      expect(mine.outstandingFen).toBe(mine.amountDueFen);

      const sunLi = (await get<MyErrands>(volunteer, '/errands/my-orders')).volunteer!;
      // Meant to pay cash at the door, paid 孙丽 by a transfer to her instead.
      await send(desk, 'PUT', `/errands/orders/${placed.id}/payment`, {
        paidFen: mine.amountDueFen,
        method: 'transfer',
        collectedByVolunteerId: sunLi.id,
      });
      const after = await get<Settlement>(desk, '/errands/settlement');
      expect(after.orders.find((o) => o.id === placed.id)).toMatchObject({ payment: 'on_delivery', paidMethod: 'transfer' });
      await desk.goto(`${server.url}/errands/settlement`);
      await expect.poll(() => desk.locator('body').innerText()).toContain('赵志刚');
      await pickRegion(desk, 'settlement-region', '第一网格');
      await expect.poll(() => desk.locator('body').innerText()).toContain('实际付款方式');
      await shot(desk, 'settlement');
      await desk.goto(`${server.url}/errands/orders/${placed.id}`);
      await expect.poll(() => desk.getByTestId('errand-detail-paid').innerText()).toContain('转账');
      await shot(desk, 'order-detail');
      expect(after.orders.find((o) => o.id === placed.id)!.outstandingFen).toBe(0);
      expect(volunteerOf(after, '孙丽')!.collectedFen - (volunteerOf(before, '孙丽')?.collectedFen ?? 0)).toBe(mine.amountDueFen);
      expect(volunteerOf(after, '孙丽')!.balanceFen).toBe((volunteerOf(before, '孙丽')?.balanceFen ?? 0) - mine.amountDueFen!);
    });

    it('an order nobody claims in time escalates to the community, whose manager is told', async () => {
      const other = await household(120 + Math.floor(Math.random() * 70));
      const link = await issueLink(other.id);
      const unclaimed = await order(link.token, [{ goodsId: 'goods-fever_medicine', quantity: 1 }]);
      // The clock moves on past its response time (30 minutes): the minute's escalation job finds it.
      const port = new URL(server.url).port;
      const sqlite = openSqlite(resolve(ROOT, 'test/.tmp', `server-${port}-${process.pid}`, 'redvest.db'));
      try {
        sqlite
          .prepare('UPDATE errand_orders SET claim_by = ? WHERE id = ?')
          .run(new Date(Date.now() - 2 * 60_000).toISOString(), unclaimed.id);
      } finally {
        sqlite.close();
      }
      await expect
        .poll(async () => (await get<OrderDetail>(desk, `/errands/orders/${unclaimed.id}`)).escalationLevel, {
          timeout: 100_000,
          interval: 2_000,
        })
        .toBe(1);
      const steps = (await get<OrderDetail>(desk, `/errands/orders/${unclaimed.id}`)).steps.map((s) => s.kind);
      expect(steps).toContain('escalated');
      const inbox = await get<NotificationList>(desk, '/notifications');
      expect(JSON.stringify(inbox)).toContain(unclaimed.ref);
      await volunteer.goto(`${server.url}/my-errands`);
      await card(volunteer, unclaimed.ref).waitFor();
      await shot(volunteer, 'escalated');
    }, 150_000);

    it('陈静 sets up an errand post and a shop; a wrong phone number is pointed out under its field', async () => {
      const uniq = random(4);
      await desk.goto(`${server.url}/errands/orders`);
      await desk.getByTestId('nav-errandPosts').click();
      await desk.getByTestId('errand-posts').locator('.ant-table-row').first().waitFor();
      expect(await desk.getByTestId('errand-posts').innerText()).toContain('雪松社区第一网格红色代办岗');
      await shot(desk, 'posts');

      await desk.getByTestId('errand-post-new').click();
      await pickRegion(desk, 'errand-post-region', '雪松社区');
      await desk.getByTestId('errand-post-name').fill(`雪松社区统一代办岗${uniq}`);
      await pickOption(desk, desk.getByTestId('errand-post-team'), '雪松社区志愿服务队', '雪松社区');
      await desk.getByTestId('errand-post-phone').fill('请拨0396');
      await desk.getByTestId('errand-post-form-submit').click();
      const phoneField = desk.locator('.ant-form-item').filter({ has: desk.getByTestId('errand-post-phone') });
      await expect.poll(() => phoneField.locator('.ant-form-item-explain').innerText()).toContain('座机或手机号码');
      await shot(desk, 'post-form-error', false);
      await desk.getByTestId('errand-post-phone').fill('0396-2881234');
      await desk.getByTestId('errand-post-form-submit').click();
      await expect.poll(() => desk.getByTestId('errand-post-form-submit').count()).toBe(0);
      const row = desk
        .getByTestId('errand-posts')
        .locator('tr')
        .filter({ hasText: `雪松社区统一代办岗${uniq}` });
      await expect.poll(() => row.innerText()).toContain('0396-2881234');
      expect(await row.innerText()).toContain('赵志刚');

      // Closed: the row says so.
      await row.locator('[data-testid^="errand-post-edit-"]').click();
      await desk.getByTestId('errand-post-active').click();
      await desk.getByTestId('errand-post-form-submit').click();
      await expect.poll(() => row.innerText()).toContain('已停用');

      await desk.getByTestId('nav-errandShops').click();
      await desk.getByTestId('errand-shops').locator('.ant-table-row').first().waitFor();
      await desk.getByTestId('errand-shop-new').click();
      await pickRegion(desk, 'errand-shop-region', '雪松社区');
      await desk.getByTestId('errand-shop-name').fill(`雪松社区平价菜店${uniq}`);
      await desk.getByTestId('errand-shop-address').fill('雪松路 20 号');
      await desk.getByTestId('errand-shop-phone').fill('电话待定');
      await desk.getByTestId('errand-shop-form-submit').click();
      const shopPhone = desk.locator('.ant-form-item').filter({ has: desk.getByTestId('errand-shop-phone') });
      await expect.poll(() => shopPhone.locator('.ant-form-item-explain').innerText()).toContain('座机或手机号码');
      await desk.getByTestId('errand-shop-phone').fill('13939612345');
      await desk.getByTestId('errand-shop-default').click();
      await desk.getByTestId('errand-shop-form-submit').click();
      await expect.poll(() => desk.getByTestId('errand-shop-form-submit').count()).toBe(0);
      // The new default takes over: one default shop per community.
      const shopRow = desk
        .getByTestId('errand-shops')
        .locator('tr')
        .filter({ hasText: `雪松社区平价菜店${uniq}` });
      await expect.poll(() => shopRow.innerText()).toContain('默认商店');
      const old = desk.getByTestId('errand-shops').locator('tr').filter({ hasText: '雪松路便民超市' });
      await expect.poll(() => old.innerText()).not.toContain('默认商店');
      await shot(desk, 'shops');
    });

    it('no page error and nothing loaded from outside', () => {
      expect(problems.flat()).toEqual([]);
    });
  },
);
