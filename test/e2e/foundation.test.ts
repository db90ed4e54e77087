/**
 * The foundation as a user meets it, in real Chromium against a real server process: first-run
 * setup, the region tree and its Excel import, the language switch, and an account with a scoped
 * role that sees only its county and is refused another's.
 */
import ExcelJS from 'exceljs';
import { mkdirSync } from 'node:fs';
import { resolve } from 'node:path';
import type { Browser, BrowserContext, Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { ServerProcess } from '../server-process.ts';
import { launchBrowser, pickOption, pickRegion, skipReason, startWebServer, watchPage } from './browser.ts';

if (skipReason) console.warn(skipReason);

const SHOTS = resolve(import.meta.dirname, '../.tmp/e2e-shots');
const ADMIN = { login: 'chief', password: 'Chief-pass-2020' };

async function workbook(rows: [string, string, string, string][]): Promise<Buffer> {
  const wb = new ExcelJS.Workbook();
  const sheet = wb.addWorksheet('区划');
  sheet.addRow(['区划代码', '名称', '级别', '上级代码']);
  for (const r of rows) sheet.addRow(r);
  return Buffer.from(await wb.xlsx.writeBuffer());
}

describe.skipIf(skipReason !== null)('the foundation in a browser', () => {
  let server: ServerProcess;
  let browser: Browser;
  let context: BrowserContext;
  let page: Page;
  let problems: string[];

  const shot = (name: string) => page.screenshot({ path: resolve(SHOTS, `${name}.png`), fullPage: true });
  const api = async (path: string) => {
    const res = await page.request.get(`${server.url}${path}`);
    return { status: res.status(), body: (await res.json()) as Record<string, unknown> };
  };
  const signIn = async (login: string, password: string) => {
    await page.goto(`${server.url}/login`);
    await page.getByTestId('login-name').fill(login);
    await page.getByTestId('login-password').fill(password);
    await page.getByTestId('login-submit').click();
  };
  const signOut = async () => {
    await page.getByTestId('user-menu').click();
    await page.getByTestId('header-logout').click();
    await page.waitForURL(/\/login/);
  };

  beforeAll(async () => {
    mkdirSync(SHOTS, { recursive: true });
    server = await startWebServer('serve');
    browser = await launchBrowser();
    context = await browser.newContext({ locale: 'zh-CN', viewport: { width: 1366, height: 900 } });
    page = await context.newPage();
    problems = watchPage(page, server.url);
  }, 120_000);

  afterAll(async () => {
    await browser?.close();
    await server?.stop();
  });

  it('first run: the setup code from the log creates the administrator', async () => {
    expect(server.setupCode).toMatch(/^[0-9A-F]{4}-[0-9A-F]{4}-[0-9A-F]{4}$/);
    await page.goto(server.url);
    await page.waitForURL(/\/setup/);
    await page.getByTestId('setup-code').fill('0000-0000-0000');
    await page.getByTestId('setup-login').fill(ADMIN.login);
    await page.getByTestId('setup-name').fill('王主任');
    await page.getByTestId('setup-mobile').fill('13903960000');
    await page.getByTestId('setup-password').fill(ADMIN.password);
    await page.getByTestId('setup-confirm').fill(ADMIN.password);
    await page.getByTestId('setup-submit').click();
    // A wrong code is refused with the server's message, in Chinese.
    await expect.poll(() => page.getByText('初始化口令不正确').count()).toBeGreaterThan(0);
    await page.getByTestId('setup-code').fill(server.setupCode!);
    await page.getByTestId('setup-submit').click();
    await page.getByTestId('nav-regions').waitFor();
    await shot('01-after-setup');
    expect((await api('/api/v1/setup')).body.needed).toBe(false);
  });

  it('region tree: add a city and a county, rename the county', async () => {
    await page.getByTestId('nav-regions').click();
    await page.getByTestId('region-add-city').click();
    await page.getByTestId('region-form-name').fill('驻马店市');
    await page.getByTestId('region-form-code').fill('411700');
    await page.getByTestId('region-form-submit').click();
    await page.getByTestId('region-node-411700').click();
    await page.getByTestId('region-add').click();
    await page.getByTestId('region-form-name').fill('驿城');
    await page.getByTestId('region-form-code').fill('411702');
    await page.getByTestId('region-form-submit').click();
    await page.getByTestId('region-node-411702').click();
    await page.getByTestId('region-edit').click();
    await page.getByTestId('region-form-name').fill('驿城区');
    await page.getByTestId('region-form-submit').click();
    await expect.poll(() => page.getByTestId('region-node-411702').innerText()).toContain('驿城区');
    await shot('02-region-tree');
  });

  it('Excel import: a good file adds its rows; a bad one shows the row report and adds nothing', async () => {
    const count = async () => JSON.stringify((await api('/api/v1/regions/tree')).body).match(/"level"/g)!.length;
    const before = await count();
    await page.getByTestId('region-import').click();
    await page.locator('[data-testid="import-file"] input[type="file"]').setInputFiles({
      name: '西平县.xlsx',
      mimeType: 'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet',
      buffer: await workbook([
        ['411721', '西平县', '县（区）', '411700'],
        ['411721001', '柏城街道', '乡镇（街道）', '411721'],
      ]),
    });
    await page.getByTestId('import-upload').click();
    await page.getByTestId('import-result').waitFor();
    expect(await count()).toBe(before + 2);

    await page.getByTestId('import-again').click();
    await page.locator('[data-testid="import-file"] input[type="file"]').setInputFiles({
      name: 'bad.xlsx',
      mimeType: 'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet',
      buffer: await workbook([
        ['411722', '上蔡县', '县（区）', '411700'],
        ['41172', '坏代码', '县（区）', '411700'],
      ]),
    });
    await page.getByTestId('import-upload').click();
    await page.getByTestId('import-errors').waitFor();
    expect(await page.getByTestId('import-errors').innerText()).toContain('3'); // Excel row 3 is the bad one
    await shot('03-import-report');
    expect(await count()).toBe(before + 2); // the good row of a bad file is not written either
    await page.getByTestId('import-close').click();
  });

  it('language: English on request, remembered across a reload, Chinese again', async () => {
    await page.getByTestId('language-en').click();
    await expect.poll(() => page.getByTestId('nav-regions').innerText()).toBe('Regions');
    await page.reload();
    await expect.poll(() => page.getByTestId('nav-regions').innerText()).toBe('Regions');
    await shot('04-english');
    await page.getByTestId('language-zh-CN').click();
    await expect.poll(() => page.getByTestId('nav-regions').innerText()).toBe('区划管理');
  });

  it('an account with a scoped role sees only its county, and is refused another county', async () => {
    const tree = (await api('/api/v1/regions/tree')).body.items as { children: { id: string; code: string }[] }[];
    const yicheng = tree[0]!.children.find((c) => c.code === '411702')!;

    await page.getByTestId('nav-accounts').click();
    await page.getByTestId('account-create').click();
    await page.getByTestId('account-form-login').fill('xiping');
    await page.getByTestId('account-form-name').fill('西平县管理员');
    await page.getByTestId('account-form-mobile').fill('13903961111');
    await pickOption(page, page.getByTestId('account-form-grant-0-role'), '区域管理员');
    await pickRegion(page, 'account-form-grant-0-region', '西平县');
    await page.getByTestId('account-form-submit').click();
    const oneTime = (await page.getByTestId('one-time-password').innerText()).trim().split(/\s/)[0]!;
    expect(oneTime).toMatch(/^\S{10}$/);
    await shot('05-one-time-password');
    await page.getByTestId('one-time-password-close').click();
    await signOut();

    await signIn('xiping', oneTime);
    await page.getByTestId('password-forced').waitFor();
    await page.getByTestId('password-current').fill(oneTime);
    await page.getByTestId('password-new').fill('Xiping-pass-2020');
    await page.getByTestId('password-confirm').fill('Xiping-pass-2020');
    await page.getByTestId('password-submit').click();
    await page.getByTestId('nav-regions').click();
    await page.getByTestId('region-node-411721').waitFor();
    expect(await page.getByTestId('region-node-411702').count()).toBe(0);
    expect(await page.getByTestId('region-node-411700').count()).toBe(0);
    expect(await page.getByTestId('nav-audit').count()).toBe(0);
    await shot('06-scoped-tree');

    const foreign = await api(`/api/v1/regions/${yicheng.id}`);
    expect(foreign.status).toBe(404);
    const missing = await api('/api/v1/regions/01900000-0000-7000-8000-000000000000');
    expect(foreign.body).toEqual(missing.body);
  });

  it('phone width: the menu folds into a drawer and pages still work', async () => {
    await page.setViewportSize({ width: 375, height: 780 });
    await page.reload();
    await page.getByTestId('nav-toggle').click();
    await page.getByTestId('nav-drawer').waitFor();
    await shot('07-phone-menu');
    await page.getByTestId('nav-regions').click();
    await page.getByTestId('region-node-411721').waitFor();
    await shot('08-phone-regions');
  });

  it('loaded nothing from outside the server and raised no page errors', () => {
    expect(problems).toEqual([]);
  });
});
