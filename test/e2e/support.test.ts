/**
 * Disinfection, publicity and donated supplies as people meet them, in real Chromium against the
 * demo city. 刘晓燕 (驿城区) opens a store, takes in a donation of masks and sends them to three of
 * 雪松社区's gates; 赵志刚 signs for his team's gate on his phone and 陈静 for the other two at her
 * desk; what is left falls under the store's low mark and the alert reaches 刘晓燕's inbox. 陈静
 * publishes an announcement that a resident sees on the health-report page of his personal link,
 * and withdraws it. 孙丽 logs a disinfection job on her phone, 陈静 signs it off, and 雪松社区's
 * totals count one more operation and its m².
 *
 * Every name and quantity is made fresh, and every check compares before with after, so the steps
 * do not depend on the demo's own numbers.
 */
import { mkdirSync } from 'node:fs';
import { resolve } from 'node:path';
import type { Browser, Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { NotificationList } from '../../server/platform/notify/notifications.schemas.ts';
import type { Announcement, ResidentAnnouncement } from '../../server/features/publicity/announcements.schemas.ts';
import type { CaseSummary } from '../../server/features/quarantine/cases.schemas.ts';
import type { Checkpoint } from '../../server/features/checkpoints/checkpoints.schemas.ts';
import type { Log, Schedule, Totals } from '../../server/features/disinfection/disinfection.schemas.ts';
import type { Store, StoreDetail } from '../../server/features/supplies/catalogue.schemas.ts';
import type { Allocation } from '../../server/features/supplies/movements.schemas.ts';
import type { ServerProcess } from '../server-process.ts';
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

const SHOTS = resolve(import.meta.dirname, '../.tmp/e2e-shots');
const TIME_ZONE = 'Asia/Shanghai';
const MASKS = 'mask_medical';

const random = (digits: number) => Math.floor(Math.random() * 10 ** digits);
const tag = String(random(4)).padStart(4, '0');
/** A count as the pages print it (zh-CN grouping). */
const shown = (n: number) => n.toLocaleString('zh-CN');
/** A number read back from a page's text (grouping commas dropped). */
const numberIn = (text: string) => Number(text.replace(/[^\d.]/g, ''));

describe.skipIf(skipReason !== null)('disinfection, publicity and donated supplies in a browser', () => {
  let server: ServerProcess;
  let browser: Browser;
  let county: Page; // 刘晓燕, 驿城区's manager: the store
  let desk: Page; // 陈静, 雪松社区's manager
  let leader: Page; // 赵志刚, leader of 雪松社区志愿服务队, on his phone
  let resident: Page; // a person in home isolation, no account, on a phone
  let volunteer: Page; // 孙丽, on her phone
  let problems: string[][] = [];

  const shot = (p: Page, name: string, fullPage = true) =>
    p.screenshot({ path: resolve(SHOTS, `support-${name}.png`), fullPage });
  const get = <T>(p: Page, path: string) => apiGet<T>(p, server.url, path);
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
  /** Submits a dialog's form and waits for it to close (it stays open on any refusal). */
  const submit = async (p: Page, testId: string) => {
    await p.getByTestId(`${testId}-submit`).click();
    await expect.poll(() => p.getByTestId(`${testId}-submit`).count()).toBe(0);
  };

  beforeAll(async () => {
    mkdirSync(SHOTS, { recursive: true });
    server = await startWebServer('demo', { REDVEST_TIME_ZONE: TIME_ZONE });
    browser = await launchBrowser();
    county = await newPage(false);
    desk = await newPage(false);
    leader = await newPage(true);
    resident = await newPage(true);
    volunteer = await newPage(true);
    problems = [county, desk, leader, resident, volunteer].map((p) => watchPage(p, server.url));
    await signInDemo(county, server.url, 'yicheng');
    await signInDemo(desk, server.url, 'xuesong');
  }, 600_000);

  afterAll(async () => {
    await browser?.close();
    await server?.stop();
  });

  describe('supplies: masks in, out to three gates, signed for, low stock', () => {
    const storeName = `驿城区应急物资中转库${tag}`;
    const donor = `天中医疗器械有限公司${tag}`;
    // Three gates get different amounts; the mark sits between what the second leaves and the third.
    const received = 3000 + random(2) * 10;
    const sent = [400 + random(2), 350 + random(2), 300 + random(2)];
    const left = received - sent[0]! - sent[1]! - sent[2]!;
    const lowAt = left + 100;
    let storeId = '';
    let gates: Checkpoint[] = [];
    const allocationIds: string[] = [];
    const stock = async () =>
      (await get<StoreDetail>(county, `/supplies/stores/${storeId}`)).stock.find((s) => s.item.code === MASKS);

    it('刘晓燕 opens a store for 驿城区 and takes in a donation of 医用外科口罩', async () => {
      await county.goto(`${server.url}/supplies/stores`);
      await county.getByTestId('store-create').click();
      await pickRegion(county, 'store-form-region', '驿城区');
      await county.getByTestId('store-form-name').fill(storeName);
      await county.getByTestId('store-form-address').fill('驿城区解放路 90 号');
      await submit(county, 'store-form');
      const mine = async () =>
        (await get<{ items: Store[] }>(county, '/supplies/stores?limit=500')).items.find((s) => s.name === storeName);
      await expect.poll(async () => (await mine())?.id).toBeDefined();
      storeId = (await mine())!.id;

      await county.goto(`${server.url}/supplies/stores/${storeId}`);
      await county.getByTestId('store-receive').click();
      await county.getByTestId('donation-form-name').fill(donor);
      await pickOption(county, county.getByTestId('line-0-item'), /^医用外科口罩/, '医用外科口罩');
      await county.getByTestId('line-0-quantity').fill(String(received));
      await shot(county, 'donation-form', false);
      await submit(county, 'donation-form');
      await expect.poll(async () => (await stock())?.quantity).toBe(received);
      await expect.poll(() => county.getByTestId(`stock-${MASKS}`).innerText()).toContain(shown(received));

      // The keeper's mark: below it, the store is short of masks.
      await county.getByTestId('store-thresholds').click();
      await county.getByTestId(`threshold-${MASKS}`).fill(String(lowAt));
      await submit(county, 'thresholds-form');
      await expect.poll(async () => (await stock())?.lowAt).toBe(lowAt);
      expect((await stock())?.low).toBe(false);
      await expect.poll(() => county.getByTestId(`low-${MASKS}`).count()).toBe(0);
    });

    it('she sends masks to three of 雪松社区’s gates, and the stock falls by exactly each amount', async () => {
      // 雪松社区's gates; the first is held by 赵志刚's team, so he is the one to sign for it.
      const found = (await get<{ items: Checkpoint[] }>(desk, '/checkpoints?status=active&limit=100')).items;
      const unique = found.filter((c) => found.filter((o) => o.name === c.name).length === 1);
      gates = unique.slice(0, 3);
      expect(gates).toHaveLength(3);
      const team = (await get<{ items: { id: string; name: string }[] }>(county, '/teams?limit=100')).items;
      const xuesongTeam = team.find((t) => t.name === '雪松社区志愿服务队')!;
      expect(xuesongTeam).toBeDefined();
      await apiSend(county, server.url, 'PATCH', `/checkpoints/${gates[0]!.id}`, { teamId: xuesongTeam.id });

      let expected = received;
      for (const [i, gate] of gates.entries()) {
        await county.getByTestId('store-send').click();
        await pickOption(
          county,
          county.getByTestId('allocation-form-checkpoint'),
          `${gate.name} · ${gate.regionName}`,
          gate.name,
        );
        await county.getByTestId('allocation-form-purpose').fill('卡点值守人员防护');
        await pickOption(county, county.getByTestId('line-0-item'), /^医用外科口罩/, '医用外科口罩');
        // The form tells how many the store holds before she types an amount.
        await expect
          .poll(() => county.locator('.ant-modal:visible').innerText())
          .toContain(`库存 ${expected.toLocaleString('zh-CN')} 只`);
        await county.getByTestId('line-0-quantity').fill(String(sent[i]));
        if (i === 0) await shot(county, 'allocation-form', false);
        await submit(county, 'allocation-form');
        expected -= sent[i]!;
        await expect.poll(async () => (await stock())?.quantity).toBe(expected);
        await expect.poll(() => county.getByTestId(`stock-${MASKS}`).innerText()).toContain(shown(expected));
        const { items } = await get<{ items: Allocation[] }>(county, `/supplies/allocations?storeId=${storeId}&limit=50`);
        const allocation = items.find((a) => a.target.id === gate.id)!;
        expect(allocation).toMatchObject({
          status: 'sent',
          target: { kind: 'checkpoint', name: gate.name },
          lines: [{ item: { code: MASKS }, quantity: sent[i] }],
        });
        allocationIds.push(allocation.id);
      }
      expect(expected).toBe(left);
    });

    it('赵志刚 signs for his gate on his phone (待签收)', async () => {
      await signInDemo(leader, server.url, 'leader');
      await leader.goto(`${server.url}/supplies/to-confirm`);
      const sign = leader.getByTestId(`to-confirm-sign-${allocationIds[0]}`);
      await sign.waitFor();
      const card = leader.getByTestId('to-confirm').filter({ has: sign });
      await expect.poll(() => card.innerText()).toContain(gates[0]!.name);
      expect(await card.innerText()).toContain(String(sent[0]));
      // Only his team's gate is his to sign; the other two are not on his list.
      for (const id of allocationIds.slice(1)) expect(await leader.getByTestId(`to-confirm-sign-${id}`).count()).toBe(0);
      await shot(leader, 'to-confirm', false);
      await sign.click();
      await leader.getByTestId('confirm-note').fill('已清点，数量无误');
      await submit(leader, 'confirm-form');
      await expect.poll(() => sign.count()).toBe(0);
      const signed = await get<Allocation>(county, `/supplies/allocations/${allocationIds[0]}`);
      expect(signed).toMatchObject({ status: 'confirmed', confirmedBy: { name: '赵志刚' }, confirmNote: '已清点，数量无误' });
    });

    it('陈静, over the other two gates, signs for them at her desk', async () => {
      await desk.goto(`${server.url}/supplies/allocations`);
      for (const id of allocationIds.slice(1)) {
        await desk.getByTestId(`allocation-confirm-${id}`).click();
        await submit(desk, 'confirm-form');
        await expect.poll(async () => (await get<Allocation>(desk, `/supplies/allocations/${id}`)).status).toBe('confirmed');
        await expect.poll(() => desk.getByTestId(`allocation-confirm-${id}`).count()).toBe(0);
      }
      expect((await get<Allocation>(desk, `/supplies/allocations/${allocationIds[2]}`)).confirmedBy?.name).toBe('陈静');
      await shot(desk, 'allocations');
    });

    it('what is left is below the mark: the store is flagged, and the alert is in 刘晓燕’s inbox', async () => {
      // Signing moves nothing: the masks left the store when they were sent.
      expect(await stock()).toMatchObject({ quantity: left, lowAt, low: true });
      await county.goto(`${server.url}/supplies/stores/${storeId}`);
      await county.getByTestId(`low-${MASKS}`).waitFor();
      expect(await county.getByTestId(`stock-${MASKS}`).innerText()).toContain(shown(left));
      await shot(county, 'store-low');

      await county.goto(`${server.url}/supplies/stores`);
      const flagged = county.getByTestId('low-stock-item').filter({ hasText: storeName });
      await expect.poll(() => flagged.innerText()).toContain('医用外科口罩');

      const inbox = async () =>
        (await get<NotificationList>(county, '/notifications?limit=50')).items.find(
          (n) => n.text.includes(storeName) && n.text.includes('医用外科口罩'),
        );
      await expect.poll(async () => (await inbox())?.id).toBeDefined();
      const alert = (await inbox())!;
      // What is left and the mark, in the words of the inbox (库存预警：… 仅剩 … 只，低于预警值 …).
      for (const part of ['库存预警', String(left), String(lowAt)]) expect(alert.text).toContain(part);
      await county.reload();
      await county.getByTestId('notification-bell').click();
      const item = county.getByTestId(`notification-item-${alert.id}`);
      await expect.poll(() => item.innerText()).toContain('库存预警');
      // The drawer has slid in (400 px at the right edge) before the picture.
      await expect.poll(async () => Math.round((await item.boundingBox())?.x ?? 0)).toBe(1366 - 400);
      await shot(county, 'low-inbox', false);
      await item.click();
      await county.waitForURL(new RegExp(`/supplies/stores/${storeId}$`));
      await county.getByTestId(`low-${MASKS}`).waitFor();
    });
  });

  describe('announcements: from 陈静’s desk to a resident’s phone', () => {
    const title = `关于加强小区出入管理的通知（${tag}）`;
    let link = '';
    let announcementId = '';
    const token = () => link.split('/').pop()!;

    it('陈静 publishes an announcement to 雪松社区', async () => {
      await desk.goto(`${server.url}/announcements`);
      await desk.getByTestId('announcement-create-open').click();
      // The form starts on her own community.
      await expect.poll(() => desk.getByTestId('announcement-region').innerText()).toContain('雪松社区');
      await desk.getByTestId('announcement-title').fill(title);
      await desk.getByTestId('announcement-body').fill('各位居民：即日起小区只留东门进出，请出示出入证并配合测温。');
      await desk.getByTestId('announcement-preview').waitFor();
      await shot(desk, 'announcement-form', false);
      await submit(desk, 'announcement-create');
      const mine = async () =>
        (await get<{ items: Announcement[] }>(desk, '/announcements?limit=50')).items.find((a) => a.title === title);
      await expect.poll(async () => (await mine())?.status).toBe('current');
      announcementId = (await mine())!.id;
      await desk.getByTestId(`announcement-row-${announcementId}`).waitFor();
    });

    it('a resident in home isolation in 雪松社区 sees it on his health-report page', async () => {
      // His personal link, as the desk hands it out on the printed card.
      const { items } = await get<{ items: CaseSummary[] }>(desk, '/quarantine/cases?status=active&limit=50');
      const person = items.find((c) => c.kind === 'home') ?? items[0]!;
      await desk.goto(`${server.url}/quarantine/cases/${person.id}/card`);
      await desk.getByTestId('card-issue').click();
      link = (await desk.getByTestId('card-link').innerText()).trim();
      expect(link).toMatch(new RegExp(`^${server.url}/h/[A-Za-z0-9_-]{22}$`));

      const answered = resident.waitForResponse((r) => r.url().endsWith(`/h/${token()}/announcements`) && r.ok());
      await resident.goto(link);
      await answered;
      await resident.getByTestId('resident-announcements').waitFor();
      const card = resident.getByTestId(`resident-announcement-${announcementId}`);
      // The newest comes first; the rest fold behind "all" when there are many.
      if (!(await card.count())) await resident.getByTestId('resident-announcements-all').click();
      await expect.poll(() => card.innerText()).toContain(title);
      expect(await card.innerText()).toContain('雪松社区');
      // It fits the phone: nothing sideways.
      expect(await resident.evaluate(() => document.documentElement.scrollWidth)).toBeLessThanOrEqual(390);
      await shot(resident, 'resident-announcement');
    });

    it('陈静 withdraws it and it is gone from the resident’s page', async () => {
      await desk.goto(`${server.url}/announcements`);
      await desk.getByTestId(`announcement-withdraw-${announcementId}`).click();
      await desk.getByTestId('announcement-withdraw-reason').fill('内容有误，重新发布');
      await submit(desk, 'announcement-withdraw');
      await expect
        .poll(
          async () =>
            (await get<{ items: Announcement[] }>(desk, '/announcements?limit=50')).items.find((a) => a.id === announcementId)
              ?.status,
        )
        .toBe('withdrawn');

      const answered = resident.waitForResponse((r) => r.url().endsWith(`/h/${token()}/announcements`) && r.ok());
      await resident.reload();
      const shownNow = (await (await answered).json()) as { items: ResidentAnnouncement[] };
      expect(shownNow.items.map((a) => a.id)).not.toContain(announcementId);
      await resident.getByTestId('health-name').waitFor();
      expect(await resident.getByTestId(`resident-announcement-${announcementId}`).count()).toBe(0);
      expect(await resident.getByText(title).count()).toBe(0);
      await shot(resident, 'resident-withdrawn');
    });
  });

  describe('disinfection: logged on a phone, signed off at the desk, counted in the totals', () => {
    let area = 0;
    let before: Totals;
    let job: Schedule;
    let logId = '';
    const totals = () => get<Totals>(desk, '/disinfection/totals?all=true');
    const childOf = (t: Totals) => t.children.find((c) => job.regionName.endsWith(c.name));

    it('孙丽 logs a job on one of her places from her phone', async () => {
      // 陈静's desk first, to see the totals before.
      await desk.goto(`${server.url}/disinfection`);
      before = await totals();
      expect(before.region.name).toBe('雪松社区');
      await expect
        .poll(async () => numberIn(await desk.getByTestId('totals-operations').innerText()))
        .toBe(before.total.operations);

      await signInDemo(volunteer, server.url, 'volunteer');
      const jobs = (await get<{ items: Schedule[] }>(volunteer, '/disinfection/my/jobs')).items;
      job = jobs.find((j) => j.state === 'overdue' || j.state === 'due') ?? jobs[0]!;
      expect(job).toBeDefined();
      // About the place's usual area, and an amount of her own to find it by.
      area = (job.place.areaM2 ?? 100) + 1 + random(2);
      await volunteer.goto(`${server.url}/my-disinfection`);
      const card = volunteer.getByTestId('my-job').filter({ hasText: job.place.name }).first();
      await card.waitFor();
      await card.getByTestId('my-job-log').click();
      await volunteer.getByTestId('job-log-area').fill(String(area));
      await shot(volunteer, 'job-log', false);
      await submit(volunteer, 'job-log-form');
      const mine = async () =>
        (await get<{ items: Log[] }>(volunteer, '/disinfection/my/logs')).items.find(
          (l) => l.place?.id === job.place.id && l.areaM2 === area,
        );
      await expect.poll(async () => (await mine())?.id).toBeDefined();
      const logged = (await mine())!;
      expect(logged).toMatchObject({
        by: { name: '孙丽' },
        agent: '含氯消毒剂',
        concentration: '500 mg/L',
        method: 'spray',
        scheduleId: job.id,
        signOff: null,
      });
      logId = logged.id;
      await expect.poll(() => volunteer.getByTestId('my-log').first().innerText()).toContain(job.place.name);
      await shot(volunteer, 'my-disinfection', false);
    });

    it('陈静 signs it off on the desk page; 雪松社区’s totals count it', async () => {
      await desk.goto(`${server.url}/disinfection`);
      const row = desk.getByTestId(`log-row-${logId}`);
      await row.waitFor();
      expect(await row.innerText()).toContain('孙丽');
      await desk.getByTestId(`log-sign-off-${logId}`).click();
      await desk.getByTestId('sign-off-note').fill('现场核查，作业规范');
      await submit(desk, 'sign-off-form');
      await desk.getByTestId(`log-signed-${logId}`).waitFor();
      const { items } = await get<{ items: Log[] }>(desk, `/disinfection/logs?placeId=${job.place.id}&limit=50`);
      expect(items.find((l) => l.id === logId)?.signOff).toMatchObject({
        by: { name: '陈静' },
        note: '现场核查，作业规范',
      });

      const after = await totals();
      expect(after.total.operations).toBe(before.total.operations + 1);
      expect(after.total.areaM2).toBeCloseTo(before.total.areaM2 + area, 2);
      expect(childOf(after)?.operations).toBe(childOf(before)!.operations + 1);
      expect(childOf(after)?.areaM2).toBeCloseTo(childOf(before)!.areaM2 + area, 2);
      // The page says the same.
      await desk.reload();
      await expect
        .poll(async () => numberIn(await desk.getByTestId('totals-operations').innerText()))
        .toBe(after.total.operations);
      await expect
        .poll(async () => numberIn(await desk.getByTestId('totals-area').innerText()))
        .toBe(Math.round(after.total.areaM2));
      await expect.poll(() => desk.getByTestId('totals-headline').innerText()).toContain(shown(after.total.operations));
      await shot(desk, 'disinfection-totals');
      expect(problems.flat()).toEqual([]);
    });
  });
});
