/**
 * The command dashboard as a commander meets it, in real Chromium against the demo city: 张卫东
 * refreshes today's figures, follows tiles to the lists behind them and finds the same totals,
 * drills from the city to a county and on to a community and climbs back by the breadcrumb, opens a
 * community's lists from its tiles already narrowed to it, sees a refresh made elsewhere arrive by
 * itself, and puts the 大屏 on a 1920×1080 projector.
 *
 * Figures are compared with what the API and the lists answer in the same run, never with the
 * demo's numbers, so the checks hold whatever the demo seeds.
 */
import { mkdirSync } from 'node:fs';
import { resolve } from 'node:path';
import type { Browser, Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Dashboard, Refreshed } from '../../server/features/dashboard/dashboard.schemas.ts';
import type { ServerProcess } from '../server-process.ts';
import { apiGet, apiSend, launchBrowser, signInDemo, skipReason, startWebServer, watchPage } from './browser.ts';

if (skipReason) console.warn(skipReason);

const SHOTS = resolve(import.meta.dirname, '../.tmp/e2e-shots');
const TIME_ZONE = 'Asia/Shanghai';

/** A count as the tiles print it (zh-CN grouping). */
const shown = (n: number) => n.toLocaleString('zh-CN');
/** A number read back from a page's text (grouping commas dropped). */
const numberIn = (text: string | null) => Number((text ?? '').replace(/[^\d.]/g, ''));

describe.skipIf(skipReason !== null)('the command dashboard in a browser', () => {
  let server: ServerProcess;
  let browser: Browser;
  let page: Page; // 张卫东, the commander over the city, at a 1366×768 laptop
  let problems: string[] = [];
  let city: Dashboard;

  const get = <T>(path: string) => apiGet<T>(page, server.url, path);
  const shot = async (name: string, fullPage = false) => {
    // The desk's menu and header are sticky: a full-page picture taken scrolled down repeats them midway.
    if (fullPage) await page.evaluate(() => window.scrollTo(0, 0));
    await page.waitForTimeout(800); // the charts' animations
    await page.screenshot({ path: resolve(SHOTS, `dashboard-${name}.png`), fullPage });
  };
  const shownRegion = () => page.getByTestId('dashboard').getAttribute('data-region');
  const tileValue = async (key: string) =>
    Number(await page.getByTestId(`dashboard-tile-${key}-value`).getAttribute('data-value'));
  const openCity = async () => {
    await page.goto(`${server.url}/dashboard`);
    await expect.poll(shownRegion).toBe(city.region.id);
  };
  /** The area reached from the city down the named children, with its figures as its parent's table shows them. */
  const regionAt = async (names: string[]) => {
    let at: Dashboard['children'][number] | undefined;
    for (const name of names) {
      const view = at ? await get<Dashboard>(`/dashboard?regionId=${at.region.id}`) : city;
      at = view.children.find((c) => c.region.name === name);
      expect(at, name).toBeDefined();
    }
    return at!;
  };
  /** The total a server-paged list prints under its table ("共 N 条"). */
  const listTotal = async () => numberIn(await page.locator('.ant-pagination-total-text').first().textContent());
  /** The list a tile opened, narrowed to the region shown on the dashboard. */
  const listOf = (path: string, regionId: string) => (url: URL) =>
    url.pathname === path && url.searchParams.get('regionId') === regionId;

  beforeAll(async () => {
    mkdirSync(SHOTS, { recursive: true });
    server = await startWebServer('demo', { REDVEST_TIME_ZONE: TIME_ZONE });
    browser = await launchBrowser();
    const context = await browser.newContext({ locale: 'zh-CN', timezoneId: TIME_ZONE, viewport: { width: 1366, height: 768 } });
    page = await context.newPage();
    problems = watchPage(page, server.url);
    await signInDemo(page, server.url, 'commander');
  }, 600_000);

  afterAll(async () => {
    await browser?.close();
    await server?.stop();
  });

  it('opens on the city; the refresh button recomputes today and the time of the figures follows', async () => {
    await page.getByTestId('nav-dashboard').click();
    await page.getByTestId('dashboard').waitFor();
    const refreshed = page.waitForResponse((r) => r.url().endsWith('/api/v1/dashboard/refresh') && r.ok());
    await page.getByTestId('dashboard-refresh').click();
    const { computedAt } = (await (await refreshed).json()) as Refreshed;
    const time = new Intl.DateTimeFormat('en-GB', {
      timeZone: TIME_ZONE,
      hour: '2-digit',
      minute: '2-digit',
      hourCycle: 'h23',
    }).format(new Date(computedAt));
    await expect.poll(() => page.getByTestId('dashboard-updated').textContent()).toBe(`数据更新于 ${time}`);

    city = await get<Dashboard>('/dashboard');
    expect(city.region.level).toBe('city');
    expect(city.computedAt).toBe(computedAt);
    await expect.poll(shownRegion).toBe(city.region.id);
    // Each tile prints the API's figure with its thousands separators; a rate is worked out from its two sums.
    for (const key of ['volunteersActive', 'teams', 'checkpoints', 'households'] as const)
      expect(await page.getByTestId(`dashboard-tile-${key}-value`).textContent(), key).toBe(shown(city.figures[key]));
    const { attendancePresent, attendanceDue } = city.figures;
    expect(await page.getByTestId('dashboard-tile-attendanceRate-value').textContent()).toBe(
      attendanceDue ? `${((attendancePresent / attendanceDue) * 100).toFixed(1)}%` : '—',
    );
    await expect.poll(() => page.locator('[data-testid="dashboard-treemap"] canvas').count()).toBe(1);
    await shot('desk');
    await shot('desk-full', true);
  });

  it('tiles agree with the lists they link to', async () => {
    /** Opens the tile's list and waits until the list's own total is the tile's figure. */
    const check = async (key: string, path: string, total = listTotal) => {
      await openCity();
      const figure = await tileValue(key);
      // Zero against an empty list would prove nothing: the demo city has some of each.
      expect(figure, key).toBeGreaterThan(0);
      await page.getByTestId(`dashboard-tile-${key}`).click();
      await page.waitForURL(listOf(path, city.region.id));
      await expect.poll(total, { message: key }).toBe(figure);
    };

    // The link names the status the figure counts: the lists open on the active ones.
    await check('checkpoints', '/checkpoints');
    expect(await page.getByTestId('checkpoints-filter-status').textContent()).toContain('启用');
    await check('teams', '/teams');
    await check('volunteersActive', '/volunteers');
    expect(await page.getByTestId('volunteers-filter-status').textContent()).toContain('在岗');
    await check('casesActive', '/quarantine/cases');
    await check('households', '/households');
    // The ledger opens on the tab its address names; the tab's count and the list agree.
    await check('issuesOverdue', '/field-issues', async () =>
      numberIn(await page.getByTestId('field-issues-count-overdue').textContent()),
    );
    expect(new URL(page.url()).searchParams.get('tab')).toBe('overdue');
  });

  it('drills from the city to a county, a township and a community, and climbs back by the breadcrumb', async () => {
    await openCity();
    const county = await regionAt(['驿城区']);
    const township = await regionAt(['驿城区', '雪松街道']);
    const community = await regionAt(['驿城区', '雪松街道', '雪松社区']);
    await page.getByTestId('dashboard-child-驿城区').click();
    await expect.poll(shownRegion).toBe(county.region.id);
    expect(new URL(page.url()).searchParams.get('regionId')).toBe(county.region.id);
    // The county's own figures are its row in the city's table.
    expect(await tileValue('volunteersActive')).toBe(county.figures.volunteersActive);
    expect(await tileValue('checkpoints')).toBe(county.figures.checkpoints);

    await page.getByTestId('dashboard-child-雪松街道').click();
    await expect.poll(shownRegion).toBe(township.region.id);
    await page.getByTestId('dashboard-child-雪松社区').click();
    await expect.poll(shownRegion).toBe(community.region.id);
    expect(await tileValue('volunteersActive')).toBe(community.figures.volunteersActive);
    const crumbs = page.getByTestId('dashboard-breadcrumb');
    for (const name of ['驻马店市', '驿城区', '雪松街道', '雪松社区'])
      await expect.poll(() => crumbs.textContent()).toContain(name);
    await shot('community', true);

    await page.getByTestId('dashboard-crumb-驿城区').click();
    await expect.poll(shownRegion).toBe(county.region.id);
    await page.getByTestId('dashboard-crumb-驻马店市').click();
    await expect.poll(shownRegion).toBe(city.region.id);
  });

  it("a community's tiles open its lists narrowed to it, and the browser goes back to its dashboard", async () => {
    const community = await regionAt(['驿城区', '雪松街道', '雪松社区']);
    const dashboard = `${server.url}/dashboard?regionId=${community.region.id}`;
    /**
     * Follows the tile from the community's dashboard: the list's region filter names the community
     * and the list's total is the tile's figure.
     */
    const follow = async (key: keyof Dashboard['figures'], path: string, regionFilter: string) => {
      await page.goto(dashboard);
      await expect.poll(shownRegion).toBe(community.region.id);
      const figure = await tileValue(key);
      expect(figure, key).toBe(community.figures[key]);
      // Zero against an empty list would prove nothing: 雪松社区 has some of each.
      expect(figure, key).toBeGreaterThan(0);
      await page.getByTestId(`dashboard-tile-${key}`).click();
      await page.waitForURL(listOf(path, community.region.id));
      await expect.poll(() => page.getByTestId(regionFilter).textContent(), { message: key }).toContain('雪松社区');
      await expect.poll(listTotal, { message: key }).toBe(figure);
    };

    await follow('casesActive', '/quarantine/cases', 'cases-region');
    expect(await page.locator('[data-testid="cases-status"] .ant-segmented-item-selected').textContent()).toBe('隔离中');
    await shot('community-cases');
    // The filters changed in place (replace): Back leaves the list for the dashboard it came from.
    await page.getByTestId('cases-status').getByText('已解除').click();
    await expect.poll(() => new URL(page.url()).searchParams.get('status')).toBe('released');
    await page.goBack();
    await expect.poll(shownRegion).toBe(community.region.id);

    await follow('volunteersActive', '/volunteers', 'volunteers-filter-region');
    expect(await page.getByTestId('volunteers-filter-status').textContent()).toContain('在岗');

    // The open fever alerts: the alerts list opens on the open ones, narrowed to fevers.
    await follow('alertsFeverOpen', '/quarantine/alerts', 'alerts-region');
    expect(await page.getByTestId('alerts-kind').textContent()).toContain('发热');
  });

  it("every tile of a community's dashboard opens a list with its region filter on the community", async () => {
    const community = await regionAt(['驿城区', '雪松街道', '雪松社区']);
    /** Where each list shows the region it is narrowed to. */
    const REGION_FILTER: Record<string, string> = {
      '/volunteers': '[data-testid="volunteers-filter-region"]',
      '/duty/now': '[data-testid="duty-now-region"]',
      '/teams': '[data-testid="teams-filter-region"]',
      '/checkpoints': '[data-testid="checkpoints-filter-region"]',
      '/rosters': '[data-testid="rosters-filter-region"]',
      '/inspections': '[data-testid="inspections-filter-region"]',
      '/field-issues': '[data-testid="field-issues-filter-region"]',
      '/screening': '[data-testid="screening-filter-region"]',
      // At a desk the households' region is the tree beside the list.
      '/households': '[data-testid="households-region-tree"] .ant-tree-treenode-selected',
      '/quarantine/returnees': '[data-testid="returnees-region"]',
      '/quarantine/contacts': '[data-testid="contacts-region"]',
      '/quarantine/cases': '[data-testid="cases-region"]',
      '/quarantine/alerts': '[data-testid="alerts-region"]',
      '/errands/orders': '[data-testid="errand-filter-region"]',
      '/disinfection': '[data-testid="disinfection-filter-region"]',
      '/publicity': '[data-testid="publicity-filter-region"]',
      '/supplies/stores': '[data-testid="stores-filter-region"]',
    };
    await page.goto(`${server.url}/dashboard?regionId=${community.region.id}`);
    await expect.poll(shownRegion).toBe(community.region.id);
    const links = await page
      .locator('a[data-testid^="dashboard-tile-"]')
      .evaluateAll((tiles) => tiles.map((a) => a.getAttribute('href') ?? ''));
    // The commander may open every list.
    expect(links.length).toBe(await page.locator('[data-testid^="dashboard-tile-"]:not([data-testid$="-value"])').count());
    const paths = new Set<string>();
    for (const link of new Set(links)) {
      const url = new URL(link, server.url);
      expect(url.searchParams.get('regionId'), link).toBe(community.region.id);
      paths.add(url.pathname);
      await page.goto(url.href);
      const filter = REGION_FILTER[url.pathname];
      expect(filter, link).toBeDefined();
      await expect.poll(() => page.locator(filter!).first().textContent(), { message: link }).toContain('雪松社区');
    }
    expect([...paths].sort()).toEqual(Object.keys(REGION_FILTER).sort());
  });

  it('a click on the treemap drills into the area drawn largest; the browser goes back', async () => {
    await openCity();
    await page.getByTestId('dashboard-size-volunteersActive').click();
    // The treemap lays the largest area out first, from the top left corner.
    const largest = [...city.children].sort((a, b) => b.figures.volunteersActive - a.figures.volunteersActive)[0]!;
    const box = (await page.getByTestId('dashboard-treemap').boundingBox())!;
    await page.waitForTimeout(800); // the layout animation
    await page.mouse.click(box.x + 30, box.y + 30);
    await expect.poll(shownRegion).toBe(largest.region.id);
    await page.goBack();
    await expect.poll(shownRegion).toBe(city.region.id);
  });

  it('an issue raised and a refresh made elsewhere reach the open page through the events stream', async () => {
    // A new stream starts from the moment it opens: the refresh must come after.
    const streaming = page.waitForResponse((r) => new URL(r.url()).pathname === '/api/v1/events/stream');
    await openCity();
    await streaming;
    const before = await tileValue('issuesOpen');
    // A refresh tells open pages only when a figure moved: someone on the ground raises an issue first.
    const community = await regionAt(['驿城区', '雪松街道', '雪松社区']);
    await apiSend(page, server.url, 'POST', '/field-issues', {
      category: 'registration',
      title: '大屏测试：登记本缺页',
      regionId: community.region.id,
    });
    // Not through the page's button: as the scheduled job or another commander would.
    await apiSend<Refreshed>(page, server.url, 'POST', '/dashboard/refresh', {});
    await expect.poll(() => tileValue('issuesOpen'), { timeout: 30_000 }).toBe(before + 1);
  });

  it('the 大屏 fills a 1920×1080 projector, dark, with its charts drawn, and leads back to the desk', async () => {
    await openCity();
    await page.setViewportSize({ width: 1920, height: 1080 });
    await page.getByTestId('dashboard-screen-open').click();
    await page.waitForURL(/\/dashboard\/screen$/);
    const screen = page.getByTestId('dashboard-screen');
    await screen.waitFor();
    await expect.poll(shownRegion).toBe(city.region.id);
    // No menu or header of the desk.
    expect(await page.getByTestId('side-menu').count()).toBe(0);
    expect(await page.getByTestId('user-menu').count()).toBe(0);
    expect(await screen.evaluate((el) => getComputedStyle(el).backgroundColor)).toBe('rgb(6, 21, 43)');
    // The treemap and the five trend charts.
    await expect.poll(() => screen.locator('canvas').count()).toBe(6);
    expect(await page.getByTestId('dashboard-tile-volunteersActive-value').textContent()).toBe(
      shown(city.figures.volunteersActive),
    );
    // Everything on one screen: nothing to scroll on a projector.
    const size = await page.evaluate(() => ({
      w: document.documentElement.scrollWidth,
      h: document.documentElement.scrollHeight,
    }));
    expect(size.w).toBeLessThanOrEqual(1920);
    expect(size.h).toBeLessThanOrEqual(1080);
    await shot('screen');

    await page.getByTestId('dashboard-child-驿城区').click();
    await expect.poll(shownRegion).toBe((await regionAt(['驿城区'])).region.id);
    await shot('screen-county');
    await page.getByTestId('dashboard-screen-back').click();
    await page.waitForURL(/\/dashboard\?regionId=/);
    await page.getByTestId('side-menu').waitFor();
    await page.setViewportSize({ width: 1366, height: 768 });
  });

  it('loaded nothing from outside and raised no page errors', () => {
    expect(problems).toEqual([]);
  });
});
