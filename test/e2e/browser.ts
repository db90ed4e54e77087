/**
 * Real headless Chromium (Debian's /usr/bin/chromium through playwright-core) against a real
 * server process on a fresh SQLite file: the way a user meets the platform.
 */
import { resolve } from 'node:path';
import type { Locator, Page } from 'playwright-core';
import { expect } from 'vitest';
import { DEMO_PASSWORD } from '../../server/demo/demo-city.ts';
import { chromiumPath, launchBrowser } from '../chromium.ts';
import { ROOT, startServer, type ServerProcess } from '../server-process.ts';

export { chromiumPath, launchBrowser };

export const skipReason = chromiumPath()
  ? null
  : 'browser tests skipped: Chromium not found at /usr/bin/chromium (apt-get install -y chromium, or set REDVEST_CHROMIUM)';

/** The built web app on a fresh server: `serve` (first-run) or `demo` (the demo city); `env` adds settings. */
export function startWebServer(command: 'serve' | 'demo', env: NodeJS.ProcessEnv = {}): Promise<ServerProcess> {
  return startServer({
    command,
    env: { REDVEST_WEB_DIR: resolve(ROOT, 'dist/web'), REDVEST_SESSION_SECRET: '', REDVEST_DATA_KEY: '', ...env },
  });
}

/** Fails the test on any page error or failed request to another host (nothing may load from outside). */
export function watchPage(page: Page, origin: string): string[] {
  const problems: string[] = [];
  page.on('pageerror', (e) => problems.push(`page error: ${e.message}`));
  page.on('request', (r) => {
    if (!r.url().startsWith(origin) && !r.url().startsWith('data:') && !r.url().startsWith('blob:'))
      problems.push(`outside request: ${r.url()}`);
  });
  return problems;
}

/** Signs a demo account in through the login page, as a person would. */
export async function signInDemo(p: Page, origin: string, login: string): Promise<void> {
  await p.goto(`${origin}/login`);
  await p.getByTestId('login-name').fill(login);
  await p.getByTestId('login-password').fill(DEMO_PASSWORD);
  await p.getByTestId('login-submit').click();
  await p.getByTestId('user-menu').waitFor();
}

/** What the API answers the page's session (the page's cookies), which must be 200. */
export async function apiGet<T>(p: Page, origin: string, path: string): Promise<T> {
  const res = await p.request.get(`${origin}/api/v1${path}`);
  expect(res.status(), path).toBe(200);
  return (await res.json()) as T;
}

/** A write as the page's session, with its CSRF token and an Idempotency-Key, as the web app makes it; must succeed. */
export async function apiSend<T>(
  p: Page,
  origin: string,
  method: 'POST' | 'PATCH' | 'PUT',
  path: string,
  body: unknown,
): Promise<T> {
  const { csrfToken } = await apiGet<{ csrfToken: string }>(p, origin, '/auth/me');
  const res = await p.request.fetch(`${origin}/api/v1${path}`, {
    method,
    headers: { 'x-csrf-token': csrfToken, 'idempotency-key': crypto.randomUUID() },
    data: body,
  });
  expect(res.status(), `${method} ${path}: ${await res.text()}`).toBeLessThan(300);
  return (await res.json()) as T;
}

/**
 * Clicks `option` until the open dropdown closes. A click that lands while the list still settles
 * (its options arriving after a search, its opening animation) is taken again.
 */
async function clickUntilClosed(page: Page, option: Locator): Promise<void> {
  await option.waitFor();
  await expect
    .poll(
      async () => {
        if (await option.isVisible()) await option.click({ timeout: 2_000 }).catch(() => undefined);
        return page.locator('.ant-select-dropdown:visible').count();
      },
      { timeout: 30_000 },
    )
    .toBe(0);
}

/**
 * Picks an option of an antd Select by its label, typing `search` first when given. On a busy
 * machine the dropdown can close without taking the click (it landed while the list was still
 * being placed), so a single select picked without typing is picked again until it shows the label.
 */
export async function pickOption(page: Page, field: Locator, label: string | RegExp, search?: string): Promise<void> {
  // Typed text would be typed twice, and a multiple select's second click would take the option off.
  const again =
    !search &&
    (await field
      .evaluate((el) => el.classList.contains('ant-select') && !el.classList.contains('ant-select-multiple'))
      .catch(() => false));
  for (let attempt = 0; ; attempt++) {
    await field.click();
    if (search) await page.keyboard.type(search);
    await clickUntilClosed(
      page,
      page.locator('.ant-select-dropdown:visible .ant-select-item-option').filter({ hasText: label }).first(),
    );
    if (!again || attempt === 2) return;
    const shown = field.locator('.ant-select-selection-item').filter({ hasText: label });
    if (await shown.count()) return;
    await page.waitForTimeout(300);
    if (await shown.count()) return;
  }
}

/** Picks a region in a RegionTreeSelect by typing its name. */
export async function pickRegion(page: Page, testId: string, name: string): Promise<void> {
  await page.getByTestId(testId).click();
  await page.keyboard.type(name);
  await clickUntilClosed(
    page,
    page.locator('.ant-select-dropdown:visible .ant-select-tree-title').filter({ hasText: name }).first(),
  );
}
