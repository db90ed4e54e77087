/**
 * Checkpoint duty as people meet it, in real Chromium against the demo city: a commander generates
 * next week's roster for 确山县, reads the shortage report, puts a volunteer on a short shift by hand
 * and publishes; the demo volunteer (孙丽) sees her duty on a 375px phone, opens the check-in link
 * printed on her checkpoint's placard and checks in with the phone's position; the desk watches who
 * is on duty and which no-shows the absence job flagged.
 */
import { mkdirSync } from 'node:fs';
import { resolve } from 'node:path';
import type { Browser, BrowserContext, Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Board, RosterDetail, RosterSummary } from '../../server/features/duty/rosters.schemas.ts';
import type { MyDutyPage } from '../../server/features/duty/attendance.schemas.ts';
import type { ServerProcess } from '../server-process.ts';
import { apiGet, launchBrowser, signInDemo, skipReason, startWebServer, watchPage } from './browser.ts';

if (skipReason) console.warn(skipReason);

const SHOTS = resolve(import.meta.dirname, '../.tmp/e2e-shots');

describe.skipIf(skipReason !== null)('checkpoint duty in a browser', () => {
  let server: ServerProcess;
  let browser: Browser;
  let desk: BrowserContext;
  let phone: BrowserContext;
  let page: Page;
  let mobile: Page;
  let problems: string[][] = [];
  let rosterId = '';

  const shot = (p: Page, name: string) => p.screenshot({ path: resolve(SHOTS, `duty-${name}.png`), fullPage: true });
  const signIn = (p: Page, login: string) => signInDemo(p, server.url, login);
  const get = <T>(p: Page, path: string) => apiGet<T>(p, server.url, path);

  beforeAll(async () => {
    mkdirSync(SHOTS, { recursive: true });
    server = await startWebServer('demo');
    browser = await launchBrowser();
    desk = await browser.newContext({ locale: 'zh-CN', viewport: { width: 1366, height: 900 } });
    // 孙丽's phone stands at her checkpoint and lets the page read its position.
    phone = await browser.newContext({
      locale: 'zh-CN',
      viewport: { width: 375, height: 780 },
      isMobile: true,
      hasTouch: true,
      geolocation: { latitude: 32.9862, longitude: 114.0236, accuracy: 15 },
      permissions: ['geolocation'],
    });
    page = await desk.newPage();
    mobile = await phone.newPage();
    problems = [watchPage(page, server.url), watchPage(mobile, server.url)];
  }, 180_000);

  afterAll(async () => {
    await browser?.close();
    await server?.stop();
  });

  it('a commander generates next week’s roster for 确山县 and reads the shortage report', async () => {
    await signIn(page, 'commander');
    await page.goto(`${server.url}/rosters`);
    await page.getByTestId('roster-generate').click();
    await page.getByTestId('roster-region').click();
    await page.keyboard.type('确山县');
    await page.locator('.ant-select-dropdown:visible .ant-select-tree-title').filter({ hasText: '确山县' }).first().click();
    // The tree closes on the pick once the search has settled; a loaded machine takes its time.
    await expect.poll(() => page.locator('.ant-select-dropdown:visible').count(), { timeout: 30_000 }).toBe(0);
    // The dates default to next Monday to Sunday.
    await page.getByTestId('roster-submit').click();
    await page.waitForURL(/\/rosters\/[0-9a-f-]{36}$/, { timeout: 60_000 });
    rosterId = page.url().split('/').pop()!;
    const detail = await get<RosterDetail>(page, `/rosters/${rosterId}`);
    expect(detail).toMatchObject({ status: 'draft', regionName: '确山县' });
    expect(detail.positions).toBeGreaterThan(0);
    await page.getByTestId('coverage-risk-4').waitFor();
    await page.getByTestId('shortage-tab').click();
    await page.getByTestId('shortage-report').waitFor();
    if (detail.shortage.uncoveredTotal > 0) {
      await page.getByTestId('shortage-explain').waitFor();
      await expect.poll(() => page.getByTestId('shortage-uncovered').locator('tbody tr').count()).toBeGreaterThan(0);
    } else {
      await page.getByTestId('shortage-none').waitFor();
    }
    await shot(page, 'roster-shortage');
  });

  it('moves a volunteer by hand, every rule re-checked, then publishes', async () => {
    const before = await get<RosterDetail>(page, `/rosters/${rosterId}`);
    // The optimiser leaves a shift short only when nobody can take it, so the planner's edit is a
    // move: take someone off a shift (with a reason), and the rules then allow them back.
    const board = await get<Board>(page, `/rosters/${rosterId}/board?limit=20`);
    const shift = board.items.flatMap((r) => r.shifts).find((s) => s.assignments.length > 0)!;
    const person = shift.assignments[0]!;
    await page.getByTestId('board-tab').click();
    await page.getByTestId(`board-shift-${shift.id}`).click();
    await page.getByTestId('shift-drawer').waitFor();
    await page.getByTestId(`assignment-remove-${person.id}`).click();
    await page.getByTestId('assignment-remove-reason').fill('调往高风险卡点');
    await page.getByTestId('assignment-remove-confirm').click();
    await expect
      .poll(async () => (await get<RosterDetail>(page, `/rosters/${rosterId}`)).filled, { timeout: 10_000 })
      .toBe(before.filled - 1);
    await page.getByTestId('candidate-list').waitFor();
    const add = page.getByTestId(`candidate-add-${person.volunteerId}`);
    await expect.poll(() => add.isEnabled()).toBe(true);
    // Whoever would break a rule here cannot be added, and the page says why.
    const blocked = await page.locator('[data-testid^="candidate-violations-"]').count();
    const disabled = await page.locator('[data-testid^="candidate-add-"][disabled]').count();
    expect(disabled).toBe(blocked);
    await add.click();
    await expect
      .poll(async () => (await get<RosterDetail>(page, `/rosters/${rosterId}`)).filled, { timeout: 10_000 })
      .toBe(before.filled);
    await shot(page, 'roster-shift-drawer');
    await page.keyboard.press('Escape');

    await page.getByTestId('roster-publish').click();
    await page.getByTestId('roster-publish-confirm').click();
    await page.getByTestId('publish-result').waitFor();
    await page.getByTestId('publish-notified').waitFor();
    await shot(page, 'roster-published');
    await page.getByTestId('publish-result-close').click();
    const list = await get<{ items: RosterSummary[] }>(page, `/rosters?status=published`);
    expect(list.items.map((r) => r.id)).toContain(rosterId);
  });

  it('孙丽 sees her duty on a phone and checks in by opening her checkpoint placard’s link', async () => {
    await signIn(mobile, 'volunteer');
    await mobile.waitForURL(/\/my-duty$/);
    await mobile.getByTestId('my-duty-next').waitFor();
    await shot(mobile, 'my-duty-phone');

    const me = await get<MyDutyPage>(mobile, '/duty/me');
    const now = Date.now();
    const current = me.duties.find((d) => Date.parse(d.startsAt) <= now && Date.parse(d.endsAt) > now);
    expect(current, 'the demo puts 孙丽 on a shift on now').toBeDefined();

    // The placard, as printed by the community office: its link is what the QR code carries.
    const placard = await page.request.get(`${server.url}/api/v1/checkpoints/${current!.checkpoint.id}/placard`);
    expect(placard.headers()['content-type']).toContain('text/html');
    const html = await placard.text();
    expect(html).toContain('<svg');
    const link = /https?:\/\/[^\s"<]+\/duty\/check-in\/[A-Za-z0-9]+/.exec(html)?.[0];
    expect(link, 'the check-in link on the placard').toBeDefined();
    await page.goto(`${server.url}/api/v1/checkpoints/${current!.checkpoint.id}/placard`);
    await shot(page, 'placard');

    await mobile.goto(link!.replace(/^https?:\/\/[^/]+/, server.url));
    await mobile.getByTestId('check-in-page').waitFor();
    await mobile.getByTestId('check-in-button').click();
    await mobile.getByTestId('check-in-result').waitFor();
    expect(await mobile.getByTestId('check-in-result').getAttribute('data-action')).toBe('check-in');
    await shot(mobile, 'checked-in-phone');
    const after = await get<MyDutyPage>(mobile, '/duty/me');
    const checked = after.duties.find((d) => d.assignmentId === current!.assignmentId)!;
    expect(checked.attendance).toBe('on_duty');
    expect(checked.checkedInAt).not.toBeNull();
  });

  it('the desk sees who is on duty now at 雪松社区 and the no-shows the job flagged', async () => {
    await page.goto(`${server.url}/duty/now`);
    await page.getByTestId('duty-now-total-onDuty').waitFor();
    await expect
      .poll(async () => Number((await page.getByTestId('duty-now-total-onDuty').innerText()).replace(/\D/g, '')))
      .toBeGreaterThan(0);
    await shot(page, 'duty-now');

    const absences = await get<{ total: number }>(page, '/duty/absences');
    // Shifts begin at 00:00 local at the earliest and a no-show is flagged 15 minutes after the
    // start: only in the first minutes of the day can there be none yet.
    const local = new Date(Date.now() + 8 * 3600_000);
    if (local.getUTCHours() > 0 || local.getUTCMinutes() > 20) expect(absences.total).toBeGreaterThan(0);
    await page.getByTestId('duty-now-tab-absences').click();
    await page.getByTestId('duty-absences-table').waitFor();
    if (absences.total > 0) {
      await expect
        .poll(() => page.getByTestId('duty-absences-table').locator('tbody tr.ant-table-row').count())
        .toBeGreaterThan(0);
    }
    await shot(page, 'duty-absences');
    expect(problems.flat()).toEqual([]);
  });
});
