/**
 * Recognition (表彰与排行, 志愿服务证明) as people meet it, in real Chromium against the demo city:
 * 刘晓燕 (驿城区) reads who served most, switches to teams and units, exports the list, commends
 * the top volunteer with a reason and issues them a certificate of service; someone holding the
 * paper checks it on a phone with no account, before and after it is revoked.
 */
import ExcelJS from 'exceljs';
import { mkdirSync, readFileSync } from 'node:fs';
import { resolve } from 'node:path';
import type { Browser, BrowserContext, Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { maskName } from '../../common/mask.ts';
import type { Certificate } from '../../server/features/recognition/certificates.schemas.ts';
import type { Ranking } from '../../server/features/recognition/rankings.schemas.ts';
import type { ServiceRecord } from '../../server/features/volunteers/volunteers.schemas.ts';
import type { ServerProcess } from '../server-process.ts';
import { apiGet, launchBrowser, pickOption, signInDemo, skipReason, startWebServer, watchPage } from './browser.ts';

if (skipReason) console.warn(skipReason);

const SHOTS = resolve(import.meta.dirname, '../.tmp/e2e-shots');
const TIME_ZONE = 'Asia/Shanghai';

/** Today in Beijing: the end of every preset period. */
function today(): string {
  return new Intl.DateTimeFormat('en-CA', { timeZone: TIME_ZONE }).format(new Date());
}

/** Hours as the certificate and the check page write them: one decimal at most, no trailing `.0`. */
const hoursText = (h: number) => String(Math.round(h * 10) / 10);

const isRanking = (subject: string) => (r: { url: () => string; request: () => { method: () => string } }) =>
  r.url().includes('/api/v1/recognition/rankings?') && r.url().includes(`subject=${subject}`) && r.request().method() === 'GET';

describe.skipIf(skipReason !== null)('recognition in a browser', () => {
  let server: ServerProcess;
  let browser: Browser;
  let desk: BrowserContext;
  let phone: BrowserContext;
  let page: Page;
  const problems: string[][] = [];
  let top: Ranking['items'][number];
  let units: Ranking;
  let certificate: Certificate;
  const reason = `连续 30 天坚守卡点，劝返外来车辆 ${Math.floor(Math.random() * 900) + 100} 辆`;

  const shot = (p: Page, name: string) => p.screenshot({ path: resolve(SHOTS, `recognition-${name}.png`), fullPage: true });

  beforeAll(async () => {
    mkdirSync(SHOTS, { recursive: true });
    server = await startWebServer('demo', { REDVEST_TIME_ZONE: TIME_ZONE });
    browser = await launchBrowser();
    desk = await browser.newContext({
      locale: 'zh-CN',
      timezoneId: TIME_ZONE,
      viewport: { width: 1366, height: 768 },
      acceptDownloads: true,
    });
    phone = await browser.newContext({
      locale: 'zh-CN',
      timezoneId: TIME_ZONE,
      viewport: { width: 390, height: 844 },
      isMobile: true,
      hasTouch: true,
    });
    page = await desk.newPage();
    problems.push(watchPage(page, server.url));
    await signInDemo(page, server.url, 'yicheng');
  }, 600_000);

  afterAll(async () => {
    await browser?.close();
    await server?.stop();
  });

  it("ranks the county's volunteers over the whole campaign; the first one's hours are their service record's", async () => {
    const loaded = page.waitForResponse(isRanking('volunteer'));
    await page.getByTestId('nav-recognition').click();
    const ranking = (await (await loaded).json()) as Ranking;
    expect(ranking.region.name).toBe('驿城区');
    expect(ranking.from).toBe('2020-01-01');
    expect(ranking.to).toBe(today());
    expect(ranking.total).toBeGreaterThan(0);
    top = ranking.items[0]!;
    expect(top.rank).toBe(1);

    const table = page.getByTestId('ranking-table');
    const first = table.locator('tbody tr.ant-table-row').first();
    await expect.poll(() => first.textContent()).toContain(top.name);
    await expect.poll(() => page.getByTestId(`ranking-hours-${top.id}`).textContent()).toBe(top.hours.toFixed(1));
    expect(await first.getByTestId('rank-1').count()).toBe(1);
    await expect.poll(() => page.getByTestId('ranking-summary').textContent()).toContain('驿城区');

    const record = await apiGet<ServiceRecord>(page, server.url, `/volunteers/${top.id}/service-record`);
    expect(record.totals.hours).toBeCloseTo(top.hours, 6);
    await shot(page, 'rankings');

    // A period nobody served in says so rather than showing an empty grid.
    await page.getByTestId('ranking-range').locator('input').first().click();
    await page.keyboard.press('ControlOrMeta+a');
    await page.keyboard.type('2020-01-01');
    await page.keyboard.press('Enter');
    await page.keyboard.press('ControlOrMeta+a');
    await page.keyboard.type('2020-01-02');
    const emptied = page.waitForResponse((r) => isRanking('volunteer')(r) && r.url().includes('to=2020-01-02'));
    await page.keyboard.press('Enter');
    expect(((await (await emptied).json()) as Ranking).total).toBe(0);
    await expect.poll(() => table.textContent()).toContain('所选期间内没有人参加服务');
    const back = page.waitForResponse((r) => isRanking('volunteer')(r) && r.url().includes(`to=${today()}`));
    await page.getByTestId('ranking-period-all').click();
    await back;
  });

  it('switches to teams and to units, with the number of people who served', async () => {
    const teamsLoaded = page.waitForResponse(isRanking('team'));
    await page.getByTestId('ranking-subject-team').click();
    const teams = (await (await teamsLoaded).json()) as Ranking;
    expect(teams.subject).toBe('team');
    const table = page.getByTestId('ranking-table');
    await expect.poll(() => table.locator('thead').textContent()).toContain('人数');
    if (teams.total > 0)
      await expect.poll(() => table.locator('tbody tr.ant-table-row').first().textContent()).toContain(teams.items[0]!.name);

    const unitsLoaded = page.waitForResponse(isRanking('unit'));
    await page.getByTestId('ranking-subject-unit').click();
    units = (await (await unitsLoaded).json()) as Ranking;
    expect(units.total).toBeGreaterThan(0);
    const firstUnit = units.items[0]!;
    await expect.poll(() => table.locator('tbody tr.ant-table-row').first().textContent()).toContain(firstUnit.name);
    await expect
      .poll(() => table.locator('tbody tr.ant-table-row').first().textContent())
      .toContain(String(firstUnit.volunteers));
  });

  it('exports the same ranking to Excel', async () => {
    const [file] = await Promise.all([page.waitForEvent('download'), page.getByTestId('ranking-export').click()]);
    expect(file.suggestedFilename()).toMatch(/\.xlsx$/);
    const workbook = new ExcelJS.Workbook();
    await workbook.xlsx.load(readFileSync((await file.path())!) as unknown as ArrayBuffer);
    const sheet = workbook.worksheets[0]!;
    expect(String(sheet.getRow(1).getCell(1).value)).toContain('驿城区');
    const headings = (sheet.getRow(3).values as unknown[]).slice(1);
    expect(headings.slice(0, 2)).toEqual(['名次', '名称']);
    const row = sheet.getRow(4);
    expect(row.getCell(headings.indexOf('名称') + 1).value).toBe(units.items[0]!.name);
    expect(Number(row.getCell(headings.indexOf('人数') + 1).value)).toBe(units.items[0]!.volunteers);
    expect(Number(row.getCell(headings.findIndex((h) => String(h).startsWith('服务时长')) + 1).value)).toBeCloseTo(
      units.items[0]!.hours,
      6,
    );
  });

  it('commends the top volunteer with a reason, shown under the title in the service record', async () => {
    const loaded = page.waitForResponse(isRanking('volunteer'));
    await page.getByTestId('ranking-subject-volunteer').click();
    await loaded;
    await page.getByTestId(`ranking-name-${top.id}`).click();
    await page.waitForURL(`**/volunteers/${top.id}`);
    await page.getByTestId('volunteer-commend').click();
    const title = page.getByTestId('commendation-title');
    await pickOption(page, title, '优秀党员志愿者', '优秀');
    // antd may put the test id on the input itself or on the select around it.
    const typed = () => title.evaluate((el) => (el instanceof HTMLInputElement ? el : el.querySelector('input'))?.value);
    await expect.poll(typed).toBe('优秀党员志愿者');
    await page.getByTestId('commendation-reason').fill(reason);
    const created = page.waitForResponse((r) => r.url().endsWith(`/volunteers/${top.id}/commendations`));
    await page.getByTestId('commendation-submit').click();
    const res = await created;
    expect(res.status(), await res.text()).toBe(201);
    const entry = (await res.json()) as { id: string; title: string; reason: string };
    expect(entry).toMatchObject({ title: '优秀党员志愿者', reason });
    await expect.poll(() => page.getByTestId(`service-reason-${entry.id}`).textContent()).toBe(reason);
  });

  it('issues a certificate and opens it to print: name, hours, commendation, code and QR code', async () => {
    await page.getByTestId('certificate-issue-open').click();
    const issuer = page.getByTestId('certificate-issue-issuer');
    await expect.poll(() => issuer.inputValue()).toBe('驿城区新冠肺炎疫情防控指挥部');
    const created = page.waitForResponse(
      (r) => r.url().endsWith(`/volunteers/${top.id}/certificates`) && r.request().method() === 'POST',
    );
    await page.getByTestId('certificate-issue-submit').click();
    const res = await created;
    expect(res.status(), await res.text()).toBe(201);
    certificate = (await res.json()) as Certificate;
    expect(certificate.content.hours).toBeCloseTo(top.hours, 6);
    expect(certificate.content.commendations.map((c) => c.reason)).toContain(reason);

    await page.waitForURL(`**/certificates/${certificate.id}/print`);
    const text = page.getByTestId('certificate-text');
    await expect.poll(() => text.textContent()).toContain(`兹证明 ${certificate.content.name} 同志`);
    expect(await text.textContent()).toContain(`累计服务 ${hoursText(certificate.content.hours)} 小时`);
    expect(await text.textContent()).toContain(`“优秀党员志愿者”（${reason}）`);
    const grouped = certificate.code.match(/.{4}/g)!.join('-');
    expect(await page.getByTestId('certificate-print-code').textContent()).toContain(grouped);
    const qr = page.getByTestId('certificate-qr');
    await qr.waitFor();
    expect(await qr.getAttribute('data-qr-text')).toBe(`${server.url}/c/${certificate.code}`);
    expect(await qr.getAttribute('src')).toMatch(/^data:image\/svg\+xml/);
    expect(await qr.evaluate((img: HTMLImageElement) => img.complete && img.naturalWidth > 0)).toBe(true);
    expect(await page.getByTestId('certificate-issuer').textContent()).toBe('驿城区新冠肺炎疫情防控指挥部');
    expect(await page.getByTestId('user-menu').count()).toBe(0);
    expect(await page.getByTestId('certificate-void').count()).toBe(0);

    await page.emulateMedia({ media: 'print' });
    expect(await page.getByTestId('certificate-print-now').isVisible()).toBe(false);
    // The sheet fits one A4 landscape page: nothing of the wording runs past its frame.
    expect(await page.getByTestId('certificate-text').evaluate((el) => el.scrollHeight <= el.clientHeight + 1)).toBe(true);
    await shot(page, 'print');
    await page.emulateMedia({ media: 'screen' });
  });

  it('checks the code on a phone with no account: 证明有效 and the name masked; an unknown code is not found', async () => {
    const resident = await phone.newPage();
    problems.push(watchPage(resident, server.url));
    await resident.goto(`${server.url}/c/${certificate.code}`);
    await expect.poll(() => resident.getByTestId('check-verdict').textContent()).toBe('证明有效');
    expect(await resident.getByTestId('check-name').textContent()).toBe(maskName(certificate.content.name));
    expect(await resident.getByTestId('check-details').textContent()).toContain(hoursText(certificate.content.hours));
    expect(await resident.evaluate(() => document.documentElement.scrollWidth)).toBeLessThanOrEqual(390);
    await shot(resident, 'check');

    await resident.goto(`${server.url}/c/0000-0000-0000-0000`);
    await resident.getByTestId('check-not-found').waitFor();
    expect(await resident.getByTestId('check-not-found').textContent()).toContain('未找到该证明');
    await resident.close();
  });

  it('revokes the certificate: the volunteer page, the print page and the public check all say 已作废', async () => {
    await page.getByTestId('certificate-print-back').click();
    await page.waitForURL(`**/volunteers/${top.id}`);
    await page.getByTestId(`certificate-revoke-${certificate.id}`).click();
    await page.getByTestId('certificate-revoke-reason').fill('服务时长有误，重新出具');
    const revoked = page.waitForResponse((r) => r.url().endsWith(`/certificates/${certificate.id}/revoke`));
    await page.getByTestId('certificate-revoke-submit').click();
    expect((await revoked).status()).toBe(200);
    await expect.poll(() => page.getByTestId(`certificate-status-${certificate.id}`).textContent()).toContain('已作废');
    expect(await page.getByTestId(`certificate-revoke-${certificate.id}`).count()).toBe(0);
    await shot(page, 'volunteer');

    await page.getByTestId(`certificate-print-${certificate.id}`).click();
    await page.getByTestId('certificate-void').waitFor();
    await page.emulateMedia({ media: 'print' });
    await shot(page, 'print-revoked');
    await page.emulateMedia({ media: 'screen' });

    const resident = await phone.newPage();
    problems.push(watchPage(resident, server.url));
    await resident.goto(`${server.url}/c/${certificate.code}`);
    await expect.poll(() => resident.getByTestId('check-verdict').textContent()).toBe('已作废');
    await shot(resident, 'check-revoked');
    await resident.getByTestId('language-en').click();
    await expect.poll(() => resident.getByTestId('check-verdict').textContent()).toBe('Revoked');
  });

  it('reads in English too: the rankings and the certificate', async () => {
    await page.goto(`${server.url}/recognition`);
    await page.getByTestId('language-en').click();
    await expect.poll(() => page.getByTestId('ranking-table').locator('thead').textContent()).toContain('Rank');
    await page.goto(`${server.url}/certificates/${certificate.id}/print`);
    await expect.poll(() => page.getByTestId('certificate-text').textContent()).toContain('This is to certify that');
    await shot(page, 'print-en');
    expect(problems.flat()).toEqual([]);
  });
});
