/**
 * 19. What a first visit downloads: the field app's entry (field.html, the volunteer's and the
 * resident's pages) with the passage-log page and with the resident's health-report page,
 * against the staff desk's entry (index.html) with its first page, gzip -9 and brotli, from the
 * build manifest (bench/lib/web-bundle.ts).
 *
 * 20. Time to interactive on DevTools' "Slow 3G" in headless Chromium, cold cache (a fresh
 * context each round): the passage-log page `/passage/:checkpointId` of the demo volunteer on
 * duty, on a phone, until its save button is visible and enabled, against the staff desk's
 * passage list `/passages` of 雪松社区's manager until its first row shows. 20b: the same on the
 * second visit (the service worker's cache when the page has one, else the HTTP cache).
 */
import { join } from 'node:path';
import type { Browser, BrowserContext } from 'playwright-core';
import type { MyDutyPage } from '../../server/features/duty/attendance.schemas.ts';
import type { PassageDesk } from '../../server/features/passages/passages.schemas.ts';
import { DEMO_PASSWORD } from '../../server/demo/demo-city.ts';
import { percentile, type Measured } from '../lib/load.ts';
import { signIn, startRedvest } from '../lib/redvest.ts';
import type { Comparison, Settings } from '../lib/report.ts';
import { chromiumPath, launchBrowser } from '../../test/chromium.ts';
import { SLOW_3G, throttledPage, throttleServiceWorkers, type Throttled } from '../lib/slow-browser.ts';
import { ensureBuiltWithManifest, firstVisit, WEB_DIR, type Bytes, type FirstVisit, type Manifest } from '../lib/web-bundle.ts';

const PAGES = {
  passageLog: 'features/passages/PassageEntryPage.tsx',
  healthReport: 'features/quarantine/HealthReportPage.tsx',
  // The desk's first page for the accounts that have it (`/` opens the first menu item they may use).
  dashboard: 'features/dashboard/DashboardPage.tsx',
  passageList: 'features/passages/PassagesPage.tsx',
};
/** Long enough for a cold staff desk at 50 kB/s; a visit slower than this counts as failed. */
const VISIT_TIMEOUT_MS = 240_000;

const kB = (n: number) => (n / 1024).toFixed(1);

function sizeRow(label: string, b: Bytes | null): string {
  if (!b) return `    ${label.padEnd(54)} (not a chunk of its own: inside the entry or not loaded by it)`;
  return `    ${label.padEnd(54)} ${String(b.files).padStart(5)} ${kB(b.raw).padStart(9)} ${kB(b.gzip).padStart(9)} ${kB(b.brotli).padStart(9)}`;
}

function sizeSide(label: string, v: FirstVisit): Measured {
  return {
    label,
    rps: NaN,
    p50: v.total.gzip / 1024,
    p95: v.total.brotli / 1024,
    p99: v.total.raw / 1024,
    ok: v.total.files,
    failed: 0,
    seconds: 0,
  };
}

function benchSizes(manifest: Manifest): Comparison[] {
  const split = Boolean(manifest['field.html']);
  const fieldHtml = split ? 'field.html' : 'index.html';
  const staffFirst = firstVisit(manifest, 'index.html', PAGES.dashboard);
  const staffList = firstVisit(manifest, 'index.html', PAGES.passageList);
  const volunteer = firstVisit(manifest, fieldHtml, PAGES.passageLog);
  const resident = firstVisit(manifest, fieldHtml, PAGES.healthReport);
  console.log(
    `  counted: the HTML page, its entry's static imports (JS and CSS, transitively: what runs before the first paint)` +
      ` and the files a route's lazily loaded page adds; not counted: images and fonts, API answers, and files a` +
      ` service worker fetches in the background. Each file compressed on its own: gzip level 9, brotli quality 11.` +
      (split ? '' : `\n  no field.html in the build: the field app is measured on index.html`),
  );
  console.log(`    ${'kB'.padEnd(54)} ${'files'.padStart(5)} ${'raw'.padStart(9)} ${'gzip'.padStart(9)} ${'brotli'.padStart(9)}`);
  console.log(sizeRow("staff desk: index.html + its entry's static imports", staffFirst.shell));
  console.log(sizeRow('  + the dashboard page (the desk’s first page)', staffFirst.page));
  console.log(sizeRow('  + or the passage list page (/passages)', staffList.page));
  console.log(sizeRow(`field app: ${fieldHtml} + its entry's static imports`, volunteer.shell));
  console.log(sizeRow('  + the passage-log page (/passage/:checkpointId)', volunteer.page));
  console.log(sizeRow('  + or the health-report page (/h/:token)', resident.page));
  const ratio = (a: Bytes, b: Bytes) => `gzip ${(a.gzip / b.gzip).toFixed(2)}, brotli ${(a.brotli / b.brotli).toFixed(2)}`;
  console.log(`  field ÷ staff: entry alone ${ratio(volunteer.shell, staffFirst.shell)}`);
  const compare = (name: string, field: FirstVisit, label: string): Comparison => ({
    name,
    ours: sizeSide(label, field),
    bare: sizeSide('staff: index + dashboard page', staffFirst),
    ratio: field.total.brotli / staffFirst.total.brotli,
    ratioOf:
      'brotli bytes field ÷ staff (below 1.00: the field app downloads less; columns: ok/s -, p50 gzip kB, p95 brotli kB, p99 raw kB, failed 0)',
  });
  return [
    compare(
      `19. volunteer's first visit to the passage-log page vs the staff desk's first page (compressed bytes)`,
      volunteer,
      `field: ${fieldHtml.replace('.html', '')} + passage-log page`,
    ),
    compare(
      `19b. resident's first visit to the health-report page vs the staff desk's first page (compressed bytes)`,
      resident,
      `field: ${fieldHtml.replace('.html', '')} + health-report page`,
    ),
  ];
}

interface Visit {
  ms: number;
  /** Bytes on the wire until interactive (the server sends the build's brotli copies to Chromium). */
  bytes: number;
  /** Whether a service worker controlled the page. */
  controlled: boolean;
}

interface Target {
  label: string;
  login: string;
  url: string;
  phone: boolean;
  /** Evaluated in the page each frame: true once it is usable. */
  ready: string;
}

/** The save button of the entry form, shown and enabled (the desk has loaded and the volunteer may log). */
const SAVE_READY = `(() => {
  const b = document.querySelector('[data-testid="passage-save"]');
  return !!b && b.getClientRects().length > 0 && getComputedStyle(b).visibility !== 'hidden' && !b.disabled && !b.classList.contains('ant-btn-loading');
})()`;
/** The desk's passage list with its first row shown and no spinner over it. */
const LIST_READY = `(() => {
  const t = document.querySelector('[data-testid="passages-table"]');
  const row = t && t.querySelector('[data-testid^="passage-row-"]');
  return !!row && row.getClientRects().length > 0 && !t.querySelector('.ant-spin-spinning');
})()`;

async function visit(t: Throttled, target: Target): Promise<Visit> {
  t.reset();
  await t.page.goto(target.url, { waitUntil: 'commit', timeout: VISIT_TIMEOUT_MS });
  // performance.now() in the page counts from its navigation start; taken in the frame the page became usable.
  const handle = await t.page.waitForFunction(`${target.ready} ? performance.now() : false`, undefined, {
    polling: 'raf',
    timeout: VISIT_TIMEOUT_MS,
  });
  const ms = (await handle.jsonValue()) as number;
  const bytes = t.received();
  const controlled = await t.page.evaluate(() => Boolean(navigator.serviceWorker?.controller));
  return { ms, bytes, controlled };
}

/** Signs in through the API inside the context (cookies land in it), before any throttling. */
async function signedInContext(browser: Browser, origin: string, target: Target): Promise<BrowserContext> {
  const context = await browser.newContext(
    target.phone
      ? { locale: 'zh-CN', viewport: { width: 375, height: 780 }, isMobile: true, hasTouch: true }
      : { locale: 'zh-CN', viewport: { width: 1366, height: 900 } },
  );
  const res = await context.request.post(`${origin}/api/v1/auth/login`, {
    data: { login: target.login, password: DEMO_PASSWORD },
  });
  if (res.status() !== 200) throw new Error(`sign-in as ${target.login}: ${res.status()} ${await res.text()}`);
  return context;
}

/** The demo volunteer's checkpoint of the shift going on now, or a 雪松社区 checkpoint its manager may log at any time. */
async function passageTarget(origin: string): Promise<{ login: string; checkpointId: string; who: string }> {
  const get = async <T>(session: { cookie: string }, path: string): Promise<T> => {
    const res = await fetch(`${origin}/api/v1${path}`, { headers: { cookie: session.cookie } });
    if (res.status !== 200) throw new Error(`GET ${path}: ${res.status} ${await res.text()}`);
    return (await res.json()) as T;
  };
  const volunteer = await signIn(origin, 'volunteer', DEMO_PASSWORD);
  const me = await get<MyDutyPage>(volunteer, '/duty/me');
  const now = Date.now();
  const current = me.duties.find((d) => Date.parse(d.startsAt) <= now && Date.parse(d.endsAt) > now);
  if (current && (await get<PassageDesk>(volunteer, `/passages/checkpoints/${current.checkpoint.id}/desk`)).canLog)
    return {
      login: 'volunteer',
      checkpointId: current.checkpoint.id,
      who: `孙丽 (volunteer, on duty at ${current.checkpoint.name})`,
    };
  // Off shift in the demo right now: the community's manager logs at the same checkpoint (passages.read over it).
  const next = me.duties[0];
  if (!next) throw new Error('demo volunteer has no duties');
  const manager = await signIn(origin, 'xuesong', DEMO_PASSWORD);
  if (!(await get<PassageDesk>(manager, `/passages/checkpoints/${next.checkpoint.id}/desk`)).canLog)
    throw new Error(`neither the volunteer nor xuesong may log at ${next.checkpoint.name}`);
  return {
    login: 'xuesong',
    checkpointId: next.checkpoint.id,
    who: `陈静 (雪松社区's manager, at ${next.checkpoint.name}; 孙丽 is off shift now)`,
  };
}

function timeSide(label: string, visits: Visit[], failed: number): Measured {
  const ms = visits.map((v) => v.ms).sort((a, b) => a - b);
  return {
    label,
    rps: NaN,
    p50: percentile(ms, 50),
    p95: percentile(ms, 95),
    p99: percentile(ms, 99),
    ok: ms.length,
    failed,
    seconds: ms.reduce((a, b) => a + b, 0) / 1000,
  };
}

const median = (xs: number[]) =>
  percentile(
    [...xs].sort((a, b) => a - b),
    50,
  );

async function benchTimeToInteractive(dir: string, s: Settings): Promise<Comparison[]> {
  const server = await startRedvest(
    { kind: 'sqlite', file: join(dir, 'field-app.db') },
    {
      dataDir: dir,
      logFile: join(dir, 'redvest-field-app.log'),
      core: 0,
      command: 'demo',
      // Loading the demo city happens before the server listens.
      readyTimeoutMs: 15 * 60_000,
      env: { REDVEST_WEB_DIR: WEB_DIR },
    },
  );
  const browser = await launchBrowser();
  try {
    const passage = await passageTarget(server.url);
    console.log(`  passage log as ${passage.who}; the desk's list as 陈静 (xuesong, 雪松社区's manager)`);
    const field: Target = {
      label: 'field: /passage/:checkpointId',
      login: passage.login,
      url: `${server.url}/passage/${passage.checkpointId}`,
      phone: true,
      ready: SAVE_READY,
    };
    const staff: Target = {
      label: 'staff: /passages',
      login: 'xuesong',
      url: `${server.url}/passages`,
      phone: false,
      ready: LIST_READY,
    };
    const workers = await throttleServiceWorkers(browser);
    const cold = new Map<Target, Visit[]>([
      [field, []],
      [staff, []],
    ]);
    const warm = new Map<Target, Visit[]>([
      [field, []],
      [staff, []],
    ]);
    const failed = new Map<Target, number>([
      [field, 0],
      [staff, 0],
    ]);
    // Each visit of a cold site takes tens of seconds on Slow 3G: one round per side is enough to compare with --quick.
    const rounds = s.quick ? 1 : s.rounds;
    for (let round = 0; round < rounds; round++) {
      for (const target of round % 2 ? [staff, field] : [field, staff]) {
        const context = await signedInContext(browser, server.url, target);
        const t = await throttledPage(context);
        try {
          const first = await visit(t, target);
          cold.get(target)!.push(first);
          // A service worker registered by the first visit serves the second once it is active (its precache done).
          const installing = performance.now();
          const worker = await t.page
            .evaluate(() =>
              navigator.serviceWorker
                ?.getRegistration()
                .then((r) =>
                  r
                    ? Promise.race([
                        navigator.serviceWorker.ready.then(() => 'active'),
                        new Promise<string>((done) => setTimeout(() => done('not active after 120 s'), 120_000)),
                      ])
                    : 'none',
                ),
            )
            .catch((e: Error) => `unknown (${e.message})`);
          const installed = worker === 'active' ? ` after ${((performance.now() - installing) / 1000).toFixed(1)} s` : '';
          const second = await visit(t, target);
          warm.get(target)!.push(second);
          console.log(
            `  ${target.label} round ${round + 1}: cold ${(first.ms / 1000).toFixed(1)} s (${kB(first.bytes)} kB on the wire),` +
              ` service worker ${worker ?? 'unsupported'}${installed},` +
              ` second visit ${(second.ms / 1000).toFixed(1)} s (${kB(second.bytes)} kB${second.controlled ? ', served by the service worker' : ''})`,
          );
        } catch (e) {
          failed.set(target, failed.get(target)! + 1);
          const seen = await t.page.evaluate(() => document.body?.innerText.replace(/\s+/g, ' ').slice(0, 160)).catch(() => '');
          console.log(
            `  ${target.label} round ${round + 1} failed: ${(e as Error).message.split('\n')[0]} (at ${t.page.url()}: "${seen}")`,
          );
        } finally {
          await context.close();
        }
      }
    }
    if (workers.failures.length) console.log(`  service workers NOT throttled: ${workers.failures.join('; ')}`);
    const fieldWarm = warm.get(field)!;
    const served = fieldWarm.length > 0 && fieldWarm.every((v) => v.controlled);
    console.log(
      `  on the wire until interactive (brotli where the build has a copy): field cold ${kB(median(cold.get(field)!.map((v) => v.bytes)))} kB,` +
        ` staff cold ${kB(median(cold.get(staff)!.map((v) => v.bytes)))} kB;` +
        ` service workers throttled: ${workers.throttled()}`,
    );
    const profile = `Slow 3G: ${SLOW_3G.latency} ms, ${SLOW_3G.downloadThroughput / 1000} kB/s, CPU unthrottled`;
    const compare = (name: string, by: Map<Target, Visit[]>, how: string): Comparison => {
      const f = timeSide(`${field.label} ${how}`, by.get(field)!, failed.get(field)!);
      const b = timeSide(`${staff.label} ${how}`, by.get(staff)!, failed.get(staff)!);
      return {
        name,
        ours: f,
        bare: b,
        ratio: b.p50 / f.p50,
        ratioOf:
          'p50 staff ÷ field (above 1.00: the passage-log page is usable sooner; p50/p95/p99 columns: ms from navigation start)',
      };
    };
    return [
      compare(
        `20. time to interactive, passage-log page (phone) vs the desk's passage list, cold cache (${profile})`,
        cold,
        'cold',
      ),
      compare(
        `20b. the same on the second visit (field: ${served ? 'service worker cache' : 'HTTP cache, no service worker'}; staff: HTTP cache)`,
        warm,
        'warm',
      ),
    ];
  } finally {
    await browser.close();
    await server.stop();
  }
}

export async function benchFieldApp(dir: string, s: Settings): Promise<{ found: Comparison[]; skipped: string[] }> {
  const found = benchSizes(ensureBuiltWithManifest());
  if (!chromiumPath())
    return { found, skipped: ['20. time to interactive — Chromium not found at /usr/bin/chromium (or set REDVEST_CHROMIUM)'] };
  return { found: [...found, ...(await benchTimeToInteractive(dir, s))], skipped: [] };
}
