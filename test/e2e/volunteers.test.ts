/**
 * Volunteer mobilisation as people meet it, in real Chromium against the demo city: a resident
 * pledges from a phone, a county reviewer approves the pledge with an account, forms a team with a
 * temporary party branch and puts the new volunteer in it; the Excel round trip on a file saved
 * by LibreOffice; and a reviewer of another county who never sees the pledge.
 */
import ExcelJS from 'exceljs';
import { mkdirSync, readFileSync } from 'node:fs';
import { resolve } from 'node:path';
import type { Browser, BrowserContext, Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { idCardCheckChar } from '../../common/idcard.ts';
import { DEMO_PASSWORD } from '../../server/demo/demo-city.ts';
import { XLSX_MIME } from '../../server/platform/http/xlsx.ts';
import type { ServerProcess } from '../server-process.ts';
import { launchBrowser, pickOption, pickRegion, skipReason, startWebServer, watchPage } from './browser.ts';

if (skipReason) console.warn(skipReason);

const SHOTS = resolve(import.meta.dirname, '../.tmp/e2e-shots');
const FIXTURE = resolve(import.meta.dirname, '../../server/features/volunteers/fixtures/roster-libreoffice.xlsx');

const random = (digits: number) => String(Math.floor(Math.random() * 10 ** digits)).padStart(digits, '0');
function idNumber(): string {
  const first17 = `41170219770${1 + Math.floor(Math.random() * 9)}1${random(1)}${random(3)}`;
  return first17 + idCardCheckChar(first17);
}

/** The first column of rows 2–16 of the LibreOffice roster: its valid rows (see its README). */
async function validFixtureNames(bytes: Buffer): Promise<string[]> {
  const wb = new ExcelJS.Workbook();
  await wb.xlsx.load(bytes as unknown as ArrayBuffer);
  return Array.from({ length: 15 }, (_, i) => String(wb.worksheets[0]!.getRow(i + 2).getCell(1).value));
}

describe.skipIf(skipReason !== null)('volunteer mobilisation in a browser', () => {
  let server: ServerProcess;
  let browser: Browser;
  let desk: BrowserContext;
  let phone: BrowserContext;
  let page: Page;
  let mobilePage: Page;
  let problems: string[][] = [];

  const person = { name: `欧阳试${random(2)}`, idNumber: idNumber(), mobile: `1397${random(7)}` };
  let reference = '';
  let statusUrl = '';
  let pledgeId = '';
  const teamName = `雪松街道党员突击队 ${random(4)}`;

  const shot = (p: Page, name: string) => p.screenshot({ path: resolve(SHOTS, `volunteers-${name}.png`), fullPage: true });
  const signIn = async (login: string, password: string) => {
    await page.goto(`${server.url}/login`);
    await page.getByTestId('login-name').fill(login);
    await page.getByTestId('login-password').fill(password);
    await page.getByTestId('login-submit').click();
    await page.getByTestId('user-menu').waitFor();
  };
  const signOut = async () => {
    await page.getByTestId('user-menu').click();
    await page.getByTestId('header-logout').click();
    await page.waitForURL(/\/login/);
  };
  /** A call as the signed-in desk user, with the session's CSRF token, as the web app makes it. */
  const api = async (method: 'GET' | 'POST', path: string, body?: unknown) => {
    const headers: Record<string, string> = {};
    if (method !== 'GET') {
      const me = await page.request.get(`${server.url}/api/v1/auth/me`);
      headers['x-csrf-token'] = ((await me.json()) as { csrfToken: string }).csrfToken;
    }
    const res = await page.request.fetch(`${server.url}/api/v1${path}`, { method, headers, ...(body ? { data: body } : {}) });
    return { status: res.status(), body: (await res.json()) as Record<string, unknown> };
  };

  beforeAll(async () => {
    mkdirSync(SHOTS, { recursive: true });
    server = await startWebServer('demo');
    browser = await launchBrowser();
    desk = await browser.newContext({ locale: 'zh-CN', viewport: { width: 1366, height: 900 }, acceptDownloads: true });
    phone = await browser.newContext({ locale: 'zh-CN', viewport: { width: 375, height: 780 }, isMobile: true, hasTouch: true });
    page = await desk.newPage();
    mobilePage = await phone.newPage();
    // watchPage fills its arrays as the pages run; they are read at the end.
    problems = [watchPage(page, server.url), watchPage(mobilePage, server.url)];
  }, 120_000);

  afterAll(async () => {
    await browser?.close();
    await server?.stop();
  });

  it('a resident pledges from a 375px phone page and gets a reference and a status link', async () => {
    const m = mobilePage;
    await m.goto(`${server.url}/pledge`);
    await m.getByTestId('pledge-name').fill(person.name);
    await m.getByTestId('pledge-gender-male').click();
    // A mistyped check character is caught before anything is sent.
    const wrong = person.idNumber.slice(0, 17) + (person.idNumber[17] === '1' ? '2' : '1');
    await m.getByTestId('pledge-id-number').fill(wrong);
    await m.getByTestId('pledge-mobile').fill(person.mobile);
    await expect.poll(() => m.getByText('身份证号校验位不正确').count()).toBeGreaterThan(0);
    await m.getByTestId('pledge-id-number').fill(person.idNumber);
    await m.getByTestId('pledge-party-member').click();
    await m.getByTestId('pledge-party-branch').fill('市科技局机关第一党支部');
    await pickOption(m, m.getByTestId('pledge-unit'), '市科技局', '科技局');
    await pickOption(m, m.getByTestId('pledge-region-level-0'), '驿城区');
    await pickOption(m, m.getByTestId('pledge-region-level-1'), '雪松街道');
    await pickOption(m, m.getByTestId('pledge-region-level-2'), '雪松社区');
    await pickOption(m, m.getByTestId('pledge-region-level-3'), '第一网格');
    await m.getByTestId('pledge-home-address').fill('雪松社区 3 号楼 2 单元 501');
    await m.getByTestId('pledge-skills-medical').click();
    await m.getByTestId('pledge-skills-driving').click();
    await m.getByTestId('pledge-availability-weekdays').click();
    await m.getByTestId('pledge-availability-7-morning').click();
    await m.getByTestId('pledge-fever-no').click();
    await m.getByTestId('pledge-risk-no').click();
    await m.getByTestId('pledge-text').fill('我是共产党员，我请战！');
    await m.getByTestId('pledge-truthful').check();
    // Nothing is wider than the phone.
    expect(await m.evaluate(() => document.documentElement.scrollWidth)).toBeLessThanOrEqual(375);
    await shot(m, '01-pledge-form');
    const sent = m.waitForRequest((r) => r.url().endsWith('/api/v1/pledges') && r.method() === 'POST');
    await m.getByTestId('pledge-submit').click();
    // A retried submission is answered once: the request carries an Idempotency-Key.
    expect((await sent).headers()['idempotency-key']).toMatch(/^[0-9a-f]{32}$/);

    reference = (await m.getByTestId('pledge-reference').innerText()).trim();
    expect(reference).toMatch(/^QZ-[0-9A-Z]{6}$/);
    const href = await m.getByTestId('pledge-status-link').getAttribute('href');
    expect(href).toMatch(/^\/pledge\/status\/[A-Za-z0-9_-]{22}$/);
    statusUrl = `${server.url}${href}`;
    await m.getByTestId('pledge-status-qr').waitFor();
    await shot(m, '02-pledge-receipt');

    await m.goto(statusUrl);
    await expect.poll(() => m.getByTestId('pledge-status').innerText()).toBe('审核中');
    expect(await m.getByTestId('pledge-status-reference').innerText()).toBe(reference);
  });

  it('the same ID number again is refused with a clear message on the field', async () => {
    const m = mobilePage;
    await m.goto(`${server.url}/pledge`);
    await m.getByTestId('pledge-name').fill('重复提交');
    await m.getByTestId('pledge-gender-female').click();
    await m.getByTestId('pledge-id-number').fill(person.idNumber);
    await m.getByTestId('pledge-mobile').fill(`1398${random(7)}`);
    await pickOption(m, m.getByTestId('pledge-region-level-0'), '驿城区');
    await pickOption(m, m.getByTestId('pledge-region-level-1'), '雪松街道');
    await pickOption(m, m.getByTestId('pledge-region-level-2'), '雪松社区');
    await m.getByTestId('pledge-home-address').fill('雪松社区 1 号楼');
    await m.getByTestId('pledge-fever-no').click();
    await m.getByTestId('pledge-risk-no').click();
    await m.getByTestId('pledge-truthful').check();
    await m.getByTestId('pledge-submit').click();
    await expect.poll(() => m.getByText('该身份证号已提交过请战书').count()).toBeGreaterThan(0);
    expect(await m.getByTestId('pledge-reference').count()).toBe(0);
  });

  it('a county reviewer finds the pledge and approves it with a volunteer account', async () => {
    await signIn('yicheng', DEMO_PASSWORD);
    await page.getByTestId('nav-pledges').click();
    await page.getByTestId('pledges-filter-q').locator('input').fill(reference);
    await page.getByTestId('pledges-filter-q').locator('input').press('Enter');
    await page.getByTestId(`pledge-approve-${reference}`).waitFor();
    expect(await page.getByTestId(`pledge-name-${reference}`).innerText()).toBe(person.name);
    // Masked in the list.
    expect(await page.getByTestId('pledges-table').innerText()).toContain(
      `${person.mobile.slice(0, 3)}****${person.mobile.slice(-4)}`,
    );
    await shot(page, '03-review');

    await page.getByTestId(`pledge-approve-${reference}`).click();
    await page.getByTestId('decision-create-account').check();
    await page.getByTestId('decision-submit').click();
    const password = (await page.getByTestId('one-time-password').innerText()).trim().split(/\s/)[0]!;
    expect(password.length).toBeGreaterThanOrEqual(10);
    expect(await page.getByText(person.mobile).count()).toBeGreaterThan(0); // the login is the mobile number
    await shot(page, '04-one-time-password');
    await page.getByTestId('one-time-password-close').click();

    const list = await api('GET', `/pledges?q=${reference}&limit=5`);
    const found = (list.body.items as { id: string; status: string; volunteerId: string | null }[])[0]!;
    expect(found).toMatchObject({ status: 'approved' });
    expect(found.volunteerId).not.toBeNull();
    pledgeId = found.id;

    await mobilePage.goto(statusUrl);
    await expect.poll(() => mobilePage.getByTestId('pledge-status').innerText()).toBe('已通过选派');
  });

  it('forms a team with a temporary party branch and puts the new volunteer in it', async () => {
    await page.getByTestId('nav-teams').click();
    await page.getByTestId('team-create').click();
    await page.getByTestId('team-form-name').fill(teamName);
    await pickOption(page, page.getByTestId('team-form-kind'), '突击队');
    await pickRegion(page, 'team-form-region', '雪松街道');
    await page.getByTestId('team-form-submit').click();
    await expect.poll(() => page.getByTestId('team-name').innerText()).toBe(teamName);

    await page.getByTestId('team-tab-branch').click();
    await page.getByTestId('branch-create').click();
    await page.getByTestId('branch-form-submit').click();
    await expect.poll(() => page.getByTestId('branch-name').innerText()).toBe(`${teamName}临时党支部`);

    await page.getByTestId('team-tab-members').click();
    await page.getByTestId('member-add').click();
    await pickOption(page, page.getByTestId('member-form-volunteer'), person.name, person.name);
    await page.getByTestId('member-form-tag-fighter').click();
    await page.getByTestId('member-form-in-branch').check();
    await page.getByTestId('member-form-submit').click();
    const member = page.getByTestId('members-table').getByRole('link', { name: person.name });
    await member.waitFor();
    const volunteerId = (await member.getAttribute('href'))!.split('/').pop()!;
    await expect.poll(() => page.getByTestId(`member-in-branch-${volunteerId}`).getAttribute('aria-checked')).toBe('true');
    expect(await page.getByTestId(`member-tag-${volunteerId}-fighter`).getAttribute('class')).toContain('checked');
    // The role tags can be changed in place.
    await page.getByTestId(`member-tag-${volunteerId}-gatekeeper`).click();
    await expect.poll(() => page.getByTestId(`member-tag-${volunteerId}-gatekeeper`).getAttribute('class')).toContain('checked');
    await expect
      .poll(
        async () =>
          ((await api('GET', `/teams?q=${encodeURIComponent(teamName)}`)).body.items as { branch: { memberCount: number } }[])[0]
            ?.branch?.memberCount,
      )
      .toBe(1);
    await shot(page, '05-team');

    await member.click();
    await page.getByTestId('volunteer-teams').getByRole('link', { name: teamName }).waitFor();
    expect(await page.getByTestId('volunteer-name').innerText()).toBe(person.name);
    expect(await page.getByTestId('volunteer-teams').innerText()).toContain(`${teamName}临时党支部`);
    await shot(page, '06-volunteer');
  });

  it('Excel round trip: the LibreOffice roster shows its bad rows, imports only the valid ones, and exports', async () => {
    const tree = (await api('GET', '/regions/tree')).body.items as { id: string; code: string | null; children: unknown[] }[];
    const find = (nodes: { id: string; code: string | null; children: unknown[] }[], code: string): { id: string } | null => {
      for (const n of nodes) {
        if (n.code === code) return n;
        const below = find(n.children as typeof nodes, code);
        if (below) return below;
      }
      return null;
    };
    const township = find(tree, '411702008')!;
    // The region codes the fixture's rows name (see its README).
    const community = await api('POST', '/regions', { parentId: township.id, name: 'LO 测试社区', code: 'LO-CMTY-01' });
    expect(community.status).toBe(201);
    expect(
      (await api('POST', '/regions', { parentId: community.body.id, name: 'LO 第一网格', code: 'LO-CMTY-01-G1' })).status,
    ).toBe(201);

    const bytes = readFileSync(FIXTURE);
    await page.getByTestId('nav-volunteers').click();
    await page.getByTestId('volunteers-import').click();
    await page
      .locator('[data-testid="volunteer-import-file"] input[type="file"]')
      .setInputFiles({ name: 'roster.xlsx', mimeType: XLSX_MIME, buffer: bytes });
    await page.getByTestId('volunteer-import-upload').click();
    await page.getByTestId('volunteer-import-result').waitFor();
    const report = await page.getByTestId('volunteer-import-errors').innerText();
    for (const row of ['17', '18', '19', '20', '21']) expect(report).toContain(row);
    expect(await page.getByTestId('volunteer-import-created').innerText()).toContain('0');
    await shot(page, '07-import-report');
    const before = (await api('GET', '/volunteers?q=' + encodeURIComponent('张伟'))).body.total as number;

    await page.getByTestId('volunteer-import-only-valid').click();
    await expect.poll(() => page.getByTestId('volunteer-import-created').innerText()).toContain('15');
    await shot(page, '08-import-done');
    await page.getByTestId('volunteer-import-close').click();
    expect((await api('GET', '/volunteers?q=' + encodeURIComponent('张伟'))).body.total).toBe(before + 1);

    await pickRegion(page, 'volunteers-filter-region', 'LO 测试社区');
    await page.getByText('共 15 条').waitFor();
    const [file] = await Promise.all([page.waitForEvent('download'), page.getByTestId('volunteers-export').click()]);
    const wb = new ExcelJS.Workbook();
    await wb.xlsx.load(readFileSync((await file.path())!) as unknown as ArrayBuffer);
    const names = new Set<string>();
    wb.worksheets[0]!.eachRow((row) => names.add(String(row.getCell(1).value ?? '')));
    for (const name of await validFixtureNames(bytes)) expect(names.has(name)).toBe(true);
    expect(names.has(person.name)).toBe(false); // the filter applied to the export too
  });

  it('a reviewer of another county does not see the pledge, in the list or by its id', async () => {
    const tree = (await api('GET', '/regions/tree')).body.items as { id: string; code: string }[];
    expect(tree.length).toBeGreaterThan(0);
    await signOut();
    await signIn('admin', DEMO_PASSWORD);
    const city = (await api('GET', '/regions/tree')).body.items as { children: { id: string; code: string }[] }[];
    const queshan = city[0]!.children.find((c) => c.code === '411725')!;
    const created = await api('POST', '/accounts', {
      login: 'queshan-reviewer',
      name: '确山县审核员',
      mobile: `1357${random(7)}`,
      password: 'Queshan-pass-2020',
      grants: [{ role: 'region_manager', regionId: queshan.id }],
    });
    expect(created.status).toBe(201);
    await signOut();

    await page.goto(`${server.url}/login`);
    await page.getByTestId('login-name').fill('queshan-reviewer');
    await page.getByTestId('login-password').fill('Queshan-pass-2020');
    await page.getByTestId('login-submit').click();
    await page.getByTestId('password-forced').waitFor();
    await page.getByTestId('password-current').fill('Queshan-pass-2020');
    await page.getByTestId('password-new').fill('Queshan-pass-2021');
    await page.getByTestId('password-confirm').fill('Queshan-pass-2021');
    await page.getByTestId('password-submit').click();
    await page.getByTestId('nav-pledges').click();
    await page.getByTestId('pledges-tab-all').click();
    await page.getByTestId('pledges-filter-q').locator('input').fill(reference);
    await page.getByTestId('pledges-filter-q').locator('input').press('Enter');
    await expect.poll(() => page.getByTestId('pledges-table').innerText()).toContain('暂无数据');
    expect(await page.getByTestId(`pledge-name-${reference}`).count()).toBe(0);
    await shot(page, '09-other-county');

    const direct = await api('GET', `/pledges/${pledgeId}`);
    const missing = await api('GET', '/pledges/01900000-0000-7000-8000-000000000000');
    expect(direct.status).toBe(404);
    expect(direct.body).toEqual(missing.body);
  });

  it('loaded nothing from outside the server and raised no page errors', () => {
    expect(problems.flat()).toEqual([]);
  });
});
