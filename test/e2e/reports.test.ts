/**
 * The daily report (疫情防控日报) as a commander meets it, in real Chromium against the demo city:
 * 张卫东 generates yesterday's report for the city, reads its twelve tables, downloads the Excel
 * file (one sheet per table, Chinese headings, the 合计 row) and opens the print version.
 */
import ExcelJS from 'exceljs';
import { mkdirSync, readFileSync } from 'node:fs';
import { resolve } from 'node:path';
import type { Browser, Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { DAILY_REPORT_SECTIONS } from '../../common/daily-report-tables.ts';
import type { DailyReport } from '../../server/features/reports/daily-report.schemas.ts';
import type { ServerProcess } from '../server-process.ts';
import { apiGet, launchBrowser, pickRegion, signInDemo, skipReason, startWebServer, watchPage } from './browser.ts';

if (skipReason) console.warn(skipReason);

const SHOTS = resolve(import.meta.dirname, '../.tmp/e2e-shots');
const TIME_ZONE = 'Asia/Shanghai';

/** Yesterday in Beijing, as the date picker writes it. */
function yesterday(): string {
  const today = new Intl.DateTimeFormat('en-CA', { timeZone: TIME_ZONE }).format(new Date());
  const d = new Date(`${today}T00:00:00Z`);
  d.setUTCDate(d.getUTCDate() - 1);
  return d.toISOString().slice(0, 10);
}

describe.skipIf(skipReason !== null)('the daily report in a browser', () => {
  let server: ServerProcess;
  let browser: Browser;
  let page: Page;
  let problems: string[] = [];
  let report: DailyReport;

  beforeAll(async () => {
    mkdirSync(SHOTS, { recursive: true });
    server = await startWebServer('demo', { REDVEST_TIME_ZONE: TIME_ZONE });
    browser = await launchBrowser();
    const context = await browser.newContext({
      locale: 'zh-CN',
      timezoneId: TIME_ZONE,
      viewport: { width: 1366, height: 768 },
      acceptDownloads: true,
    });
    page = await context.newPage();
    problems = watchPage(page, server.url);
    await signInDemo(page, server.url, 'commander');
  }, 600_000);

  afterAll(async () => {
    await browser?.close();
    await server?.stop();
  });

  it("generates yesterday's report for the city and shows its twelve tables", async () => {
    const {
      items: [city],
    } = await apiGet<{ items: { id: string; name: string }[] }>(page, server.url, '/regions/tree');
    await page.getByTestId('nav-reports').click();
    await page.getByTestId('report-list').waitFor();
    await page.getByTestId('report-generate-open').click();
    await pickRegion(page, 'report-generate-region', city!.name);
    const day = page.getByTestId('report-generate-day');
    await day.click();
    await page.keyboard.press('ControlOrMeta+a');
    await page.keyboard.type(yesterday());
    // Tab, not Enter: Enter would submit the dialog before the button is clicked.
    await page.keyboard.press('Tab');
    const created = page.waitForResponse((r) => r.url().endsWith('/api/v1/reports/daily') && r.request().method() === 'POST');
    await page.getByTestId('report-generate-submit').click();
    const res = await created;
    expect(res.status(), await res.text()).toBe(201);
    report = (await res.json()) as DailyReport;
    expect(report.day).toBe(yesterday());
    expect(report.region.id).toBe(city!.id);

    await page.waitForURL(`**/reports/daily/${report.id}`);
    await expect.poll(() => page.getByTestId('report-day').textContent()).toBe(yesterday());
    for (const section of DAILY_REPORT_SECTIONS) await page.getByTestId(`report-section-${section.key}`).waitFor();
    const volunteers = page.getByTestId('report-section-volunteers');
    // One row per county and the 合计 row.
    await expect.poll(() => volunteers.locator('tbody tr.ant-table-row').count()).toBe(report.content.rows.length);
    await expect.poll(() => volunteers.locator('tbody tr.ant-table-row').last().textContent()).toContain('合计');
    await page.screenshot({ path: resolve(SHOTS, 'reports-report.png'), fullPage: true });
  });

  it('downloads the Excel file: one sheet per table, Chinese headings, the rows and 合计', async () => {
    const [file] = await Promise.all([page.waitForEvent('download'), page.getByTestId('report-xlsx').click()]);
    expect(file.suggestedFilename()).toBe(`日报-${report.region.name}-${report.day}.xlsx`);
    const workbook = new ExcelJS.Workbook();
    await workbook.xlsx.load(readFileSync((await file.path())!) as unknown as ArrayBuffer);
    expect(workbook.worksheets.map((s) => s.name)).toEqual(DAILY_REPORT_SECTIONS.map((s, i) => `${i + 1} ${s.title['zh-CN']}`));
    DAILY_REPORT_SECTIONS.forEach((section, i) => {
      const sheet = workbook.worksheets[i]!;
      expect(sheet.getRow(3).values).toEqual([undefined, '区域', ...section.columns.map((c) => c.label['zh-CN'])]);
      expect(sheet.getRow(3 + report.content.rows.length).getCell(1).value).toBe('合计');
    });
  });

  it('opens the print version without the app around it, one section per table', async () => {
    await page.getByTestId('report-print').click();
    await page.getByTestId('report-print-page').waitFor();
    expect(await page.getByTestId('user-menu').count()).toBe(0);
    expect(await page.locator('[data-testid^="report-print-"] table').count()).toBe(DAILY_REPORT_SECTIONS.length);
    await page.emulateMedia({ media: 'print' });
    expect(await page.getByTestId('report-print-now').isVisible()).toBe(false);
    await page.screenshot({ path: resolve(SHOTS, 'reports-print.png'), fullPage: true });
    await page.emulateMedia({ media: 'screen' });
    expect(problems).toEqual([]);
  });
});
