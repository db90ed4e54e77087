/**
 * The field app's shell in real Chromium against the demo city: the phone pages come as their own
 * bundle (none of the staff desk is downloaded), the app is installable (manifest, icons), its
 * service worker takes the page over, and a volunteer's and a resident's page reload without a
 * network. The staff desk, in the same browser, works as before and is not under the worker.
 */
import { readFileSync } from 'node:fs';
import { resolve } from 'node:path';
import type { Browser, BrowserContext, Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { DEMO_PASSWORD } from '../../server/demo/demo-city.ts';
import type { CaseSummary } from '../../server/features/quarantine/cases.schemas.ts';
import { ROOT, type ServerProcess } from '../server-process.ts';
import { apiGet, apiSend, launchBrowser, signInDemo, skipReason, startWebServer, watchPage } from './browser.ts';

if (skipReason) console.warn(skipReason);

interface ManifestEntry {
  file: string;
  imports?: string[];
  dynamicImports?: string[];
  css?: string[];
  assets?: string[];
}
type ViteManifest = Record<string, ManifestEntry>;

/** The built files an entry may ever load: its static imports, and with `lazy` its pages too. */
function reachable(manifest: ViteManifest, entry: string, lazy: boolean): Set<string> {
  const keys = new Set<string>();
  const walk = (key: string) => {
    if (keys.has(key)) return;
    keys.add(key);
    const e = manifest[key]!;
    for (const next of [...(e.imports ?? []), ...(lazy ? (e.dynamicImports ?? []) : [])]) walk(next);
  };
  walk(entry);
  const files = new Set<string>();
  for (const key of keys) {
    const e = manifest[key]!;
    for (const f of [e.file, ...(e.css ?? []), ...(e.assets ?? [])]) files.add(`/${f}`);
  }
  return files;
}

/** Width and height from a PNG's IHDR chunk. */
function pngSize(bytes: Buffer): [number, number] {
  expect(bytes.subarray(0, 8).toString('hex')).toBe('89504e470d0a1a0a');
  return [bytes.readUInt32BE(16), bytes.readUInt32BE(20)];
}

/** Waits until the page is under a service worker (the worker claims its clients on activation). */
async function waitForWorker(p: Page): Promise<void> {
  await p.evaluate(() => navigator.serviceWorker.ready.then(() => undefined));
  await expect.poll(() => p.evaluate(() => navigator.serviceWorker.controller !== null), { timeout: 20_000 }).toBe(true);
}

describe.skipIf(skipReason !== null)('the field app in a browser', () => {
  let server: ServerProcess;
  let browser: Browser;
  let phone: BrowserContext;
  let resident: BrowserContext;
  let deskContext: BrowserContext;
  let mobile: Page;
  let problems: string[][] = [];
  const manifest = (): ViteManifest =>
    JSON.parse(readFileSync(resolve(ROOT, 'dist/web/.vite/manifest.json'), 'utf8')) as ViteManifest;

  beforeAll(async () => {
    server = await startWebServer('demo');
    browser = await launchBrowser();
    const device = { locale: 'zh-CN', viewport: { width: 375, height: 780 }, isMobile: true, hasTouch: true };
    phone = await browser.newContext(device);
    resident = await browser.newContext(device);
    deskContext = await browser.newContext({ locale: 'zh-CN', viewport: { width: 1366, height: 900 } });
    mobile = await phone.newPage();
    problems = [watchPage(mobile, server.url)];
  }, 180_000);

  afterAll(async () => {
    await browser?.close();
    await server?.stop();
  });

  it('serves the field shell for the field addresses and the desk’s for the rest', async () => {
    const shellOf = async (path: string) => {
      const res = await fetch(`${server.url}${path}`);
      expect(res.status, path).toBe(200);
      return (await res.text()).includes('rel="manifest"') ? 'field' : 'desk';
    };
    for (const path of ['/my-duty', '/passage/x', '/h/abc', '/e/abc/orders/1', '/pledge', '/inspect', '/screening/visit'])
      expect(await shellOf(path), path).toBe('field');
    for (const path of ['/', '/login', '/dashboard', '/pledges', '/inspections', '/screening', '/passages'])
      expect(await shellOf(path), path).toBe('desk');

    const sw = await fetch(`${server.url}/sw.js`);
    expect(sw.status).toBe(200);
    expect(sw.headers.get('content-type')).toContain('javascript');
    expect(sw.headers.get('cache-control')).toBe('no-cache');
    expect(sw.headers.get('service-worker-allowed')).toBe('/');
  });

  it('is installable: the manifest and its icons are served and valid', async () => {
    const res = await fetch(`${server.url}/field.webmanifest`);
    expect(res.headers.get('content-type')).toContain('application/manifest+json');
    const app = (await res.json()) as {
      name: string;
      short_name: string;
      start_url: string;
      scope: string;
      display: string;
      theme_color: string;
      lang: string;
      icons: { src: string; sizes: string; type: string; purpose?: string }[];
    };
    expect(app).toMatchObject({
      name: '红马甲',
      start_url: '/my-duty',
      scope: '/',
      display: 'standalone',
      theme_color: '#c41d1d',
      lang: 'zh-CN',
    });
    expect(app.short_name.length).toBeGreaterThan(0);
    const sizes = new Set<string>();
    for (const icon of app.icons) {
      const png = await fetch(`${server.url}${icon.src}`);
      expect(png.status, icon.src).toBe(200);
      expect(png.headers.get('content-type')).toContain('image/png');
      const [w, h] = pngSize(Buffer.from(await png.arrayBuffer()));
      expect(`${w}x${h}`, icon.src).toBe(icon.sizes);
      sizes.add(`${icon.sizes}/${icon.purpose ?? 'any'}`);
    }
    expect([...sizes]).toEqual(expect.arrayContaining(['192x192/any', '512x512/any', '512x512/maskable']));
    const apple = await fetch(`${server.url}/icons/apple-touch-icon.png`);
    expect(pngSize(Buffer.from(await apple.arrayBuffer()))).toEqual([180, 180]);
  });

  it('孙丽 opens /my-duty, signs in in place, and her phone downloads nothing of the staff desk', async () => {
    const built = manifest();
    const field = reachable(built, 'field.html', true);
    const deskEntry = `/${built['index.html']!.file}`;
    expect(field.has(deskEntry), 'the field app never imports the desk’s entry').toBe(false);
    // No file the field app may load holds the desk's layout or its pages (chunks that merge
    // modules are named by hash, so their text is read). Each mark is in the desk's own files.
    const text = (file: string) => (file.endsWith('.js') ? readFileSync(resolve(ROOT, 'dist/web', `.${file}`), 'utf8') : '');
    const desk = [...reachable(built, 'index.html', true)].map(text).join('\n');
    for (const mark of ['side-menu', 'team-create', 'volunteers-import']) {
      expect(desk, mark).toContain(mark);
      expect(
        [...field].filter((file) => text(file).includes(mark)),
        mark,
      ).toEqual([]);
    }

    const loaded: string[] = [];
    mobile.on('request', (r) => {
      const { pathname } = new URL(r.url());
      if (pathname.startsWith('/assets/')) loaded.push(pathname);
    });
    await mobile.goto(`${server.url}/my-duty`);
    // No session: the login form stands in place of the page, and the address stays.
    await mobile.getByTestId('login-name').fill('volunteer');
    await mobile.getByTestId('login-password').fill(DEMO_PASSWORD);
    await mobile.getByTestId('login-submit').click();
    await mobile.getByTestId('my-duty-next').waitFor();
    expect(new URL(mobile.url()).pathname).toBe('/my-duty');
    await mobile.getByTestId('user-menu').waitFor();
    await mobile.getByTestId('field-tabs').waitFor();

    expect(loaded.length).toBeGreaterThan(0);
    expect(loaded.filter((f) => !field.has(f))).toEqual([]);
    expect(loaded).not.toContain(deskEntry);
  });

  it('the worker takes the page over, and /my-duty reloads without a network', async () => {
    await waitForWorker(mobile);
    // The answers the page shows, fetched once under the worker so it keeps them.
    await mobile.reload();
    await mobile.getByTestId('my-duty-next').waitFor();
    const before = await mobile.getByTestId('my-duty-next').innerText();

    await phone.setOffline(true);
    try {
      // The network is gone for the worker too: an answer it never kept cannot be had.
      const unkept = await mobile.evaluate(() =>
        fetch('/api/v1/duty/me?never-kept=1').then(
          () => 'answered',
          () => 'failed',
        ),
      );
      expect(unkept).toBe('failed');
      await mobile.reload();
      await mobile.getByTestId('my-duty-next').waitFor();
      expect(await mobile.getByTestId('my-duty-next').innerText()).toBe(before);
      await mobile.getByTestId('user-menu').waitFor();
    } finally {
      await phone.setOffline(false);
    }
  });

  it('a resident’s health-report page reloads without a network', async () => {
    const desk = await deskContext.newPage();
    problems.push(watchPage(desk, server.url));
    await signInDemo(desk, server.url, 'xuesong');
    const { items } = await apiGet<{ items: CaseSummary[] }>(desk, server.url, '/quarantine/cases?status=active&limit=50');
    const person = items.find((c) => c.kind === 'home') ?? items[0]!;
    const card = await apiSend<{ path: string }>(desk, server.url, 'POST', `/quarantine/cases/${person.id}/card`, {});
    expect(card.path).toMatch(/^\/h\/[A-Za-z0-9_-]+$/);

    const page = await resident.newPage();
    problems.push(watchPage(page, server.url));
    await page.goto(`${server.url}${card.path}`);
    await page.getByTestId('health-name').waitFor();
    await waitForWorker(page);
    await page.reload();
    const name = await page.getByTestId('health-name').innerText();

    await resident.setOffline(true);
    try {
      await page.reload();
      await page.getByTestId('health-name').waitFor();
      expect(await page.getByTestId('health-name').innerText()).toBe(name);
    } finally {
      await resident.setOffline(false);
    }
  });

  it('the staff desk, in the same browser as the worker, works and is not under it', async () => {
    // 孙丽's phone has the worker registered; her desk pages (the issue ledger) stay outside it.
    const registered = await mobile.evaluate(() =>
      navigator.serviceWorker.getRegistrations().then((all) => all.map((r) => new URL(r.scope).pathname)),
    );
    expect(registered).toContain('/my-duty');
    expect(registered).not.toContain('/');
    await mobile.goto(`${server.url}/field-issues`);
    await mobile.getByTestId('user-menu').waitFor();
    expect(await mobile.evaluate(() => navigator.serviceWorker.controller)).toBeNull();

    // And the desk proper, for a commander on a computer.
    const desk = await (await browser.newContext({ locale: 'zh-CN', viewport: { width: 1366, height: 900 } })).newPage();
    problems.push(watchPage(desk, server.url));
    await signInDemo(desk, server.url, 'commander');
    await desk.getByTestId('nav-dashboard').waitFor();
    expect(await desk.evaluate(() => navigator.serviceWorker.controller)).toBeNull();
    expect(problems.flat()).toEqual([]);
  });
});
