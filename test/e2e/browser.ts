/**
 * Real headless Chromium (Debian's /usr/bin/chromium through playwright-core) against a real
 * server process on a fresh SQLite file: the way a user meets the platform.
 */
import { spawn, type ChildProcess } from 'node:child_process';
import { existsSync, mkdirSync, rmSync } from 'node:fs';
import { createServer } from 'node:net';
import { resolve } from 'node:path';
import { chromium, type Browser, type Page } from 'playwright-core';

const ROOT = resolve(import.meta.dirname, '../..');

export function chromiumPath(): string | null {
  const path = process.env.REDVEST_CHROMIUM ?? '/usr/bin/chromium';
  return existsSync(path) ? path : null;
}

export const skipReason = chromiumPath()
  ? null
  : 'browser tests skipped: Chromium not found at /usr/bin/chromium (apt-get install -y chromium, or set REDVEST_CHROMIUM)';

export function launchBrowser(): Promise<Browser> {
  return chromium.launch({
    executablePath: chromiumPath()!,
    args: ['--headless', '--no-sandbox', '--disable-gpu', '--disable-background-networking', '--disable-component-update', '--disable-sync', '--no-first-run'],
  });
}

async function freePort(): Promise<number> {
  return new Promise((ok, fail) => {
    const srv = createServer();
    srv.once('error', fail);
    srv.listen(0, '127.0.0.1', () => {
      const { port } = srv.address() as { port: number };
      srv.close(() => ok(port));
    });
  });
}

export interface RunningServer {
  url: string;
  /** The one-time setup code from the log (fresh, non-demo servers only). */
  setupCode: string | null;
  log: () => string;
  stop(): Promise<void>;
}

/** Starts `server/main.ts` (`serve` or `demo`) on a free port with its own data folder. */
export async function startServer(command: 'serve' | 'demo'): Promise<RunningServer> {
  const port = await freePort();
  const dataDir = resolve(ROOT, 'test/.tmp', `e2e-${port}`);
  rmSync(dataDir, { recursive: true, force: true });
  mkdirSync(dataDir, { recursive: true });
  let output = '';
  const child: ChildProcess = spawn(process.execPath, ['--import', 'tsx', 'server/main.ts', command], {
    cwd: ROOT,
    env: {
      ...process.env,
      REDVEST_DATA_DIR: dataDir,
      REDVEST_DATABASE_URL: `sqlite:${resolve(dataDir, 'e2e.db')}`,
      REDVEST_HOST: '127.0.0.1',
      REDVEST_PORT: String(port),
      REDVEST_LOG_LEVEL: 'info',
      REDVEST_WEB_DIR: resolve(ROOT, 'dist/web'),
    },
    stdio: ['ignore', 'pipe', 'pipe'],
  });
  child.stdout!.on('data', (d: Buffer) => (output += d.toString()));
  child.stderr!.on('data', (d: Buffer) => (output += d.toString()));
  const url = `http://127.0.0.1:${port}`;
  const deadline = Date.now() + 60_000;
  for (;;) {
    if (child.exitCode !== null) throw new Error(`server exited early:\n${output}`);
    try {
      if ((await fetch(`${url}/readyz`)).ok) break;
    } catch {
      // not listening yet
    }
    if (Date.now() > deadline) throw new Error(`server did not become ready:\n${output}`);
    await new Promise((r) => setTimeout(r, 200));
  }
  const code = /setup code: ([0-9A-F-]+)/.exec(output)?.[1] ?? null;
  return {
    url,
    setupCode: code,
    log: () => output,
    async stop() {
      if (child.exitCode === null) {
        const exited = new Promise((r) => child.once('exit', r));
        child.kill('SIGTERM');
        await exited;
      }
      rmSync(dataDir, { recursive: true, force: true });
    },
  };
}

/** Fails the test on any page error or failed request to another host (nothing may load from outside). */
export function watchPage(page: Page, origin: string): string[] {
  const problems: string[] = [];
  page.on('pageerror', (e) => problems.push(`page error: ${e.message}`));
  page.on('request', (r) => {
    if (!r.url().startsWith(origin) && !r.url().startsWith('data:') && !r.url().startsWith('blob:')) problems.push(`outside request: ${r.url()}`);
  });
  return problems;
}
