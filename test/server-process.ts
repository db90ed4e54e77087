/** Real server processes for tests that need more than `inject`: browsers, several instances, crashes. */
import { spawn, type ChildProcess } from 'node:child_process';
import { mkdirSync, rmSync } from 'node:fs';
import { createServer } from 'node:net';
import { resolve } from 'node:path';

export const ROOT = resolve(import.meta.dirname, '..');

export async function freePort(): Promise<number> {
  return new Promise((ok, fail) => {
    const srv = createServer();
    srv.once('error', fail);
    srv.listen(0, '127.0.0.1', () => {
      const { port } = srv.address() as { port: number };
      srv.close(() => ok(port));
    });
  });
}

export interface ServerProcess {
  url: string;
  pid: number;
  /** The one-time setup code from the log (fresh, non-demo servers only). */
  setupCode: string | null;
  log: () => string;
  /** SIGTERM and wait (graceful), or SIGKILL (a crash). */
  stop(signal?: 'SIGTERM' | 'SIGKILL'): Promise<void>;
}

const SECRET = 'cd'.repeat(32);

/**
 * Starts `server/main.ts <command>` on a free port and waits until /readyz answers. Without a
 * database URL it gets a fresh SQLite file in its own data folder (removed at stop).
 */
export async function startServer(
  options: { command?: 'serve' | 'demo'; databaseUrl?: string; env?: NodeJS.ProcessEnv } = {},
): Promise<ServerProcess> {
  const port = await freePort();
  const dataDir = resolve(ROOT, 'test/.tmp', `server-${port}-${process.pid}`);
  rmSync(dataDir, { recursive: true, force: true });
  mkdirSync(dataDir, { recursive: true });
  let output = '';
  const child: ChildProcess = spawn(process.execPath, ['--import', 'tsx', 'server/main.ts', options.command ?? 'serve'], {
    cwd: ROOT,
    env: {
      ...process.env,
      REDVEST_DATA_DIR: dataDir,
      REDVEST_DATABASE_URL: options.databaseUrl ?? `sqlite:${resolve(dataDir, 'redvest.db')}`,
      REDVEST_HOST: '127.0.0.1',
      REDVEST_PORT: String(port),
      REDVEST_LOG_LEVEL: 'info',
      REDVEST_SESSION_SECRET: SECRET,
      REDVEST_DATA_KEY: SECRET,
      REDVEST_WEB_DIR: '',
      ...options.env,
    },
    stdio: ['ignore', 'pipe', 'pipe'],
  });
  child.stdout!.on('data', (d: Buffer) => (output += d.toString()));
  child.stderr!.on('data', (d: Buffer) => (output += d.toString()));
  const url = `http://127.0.0.1:${port}`;
  const deadline = Date.now() + 90_000;
  for (;;) {
    if (child.exitCode !== null) throw new Error(`server exited early:\n${output}`);
    try {
      if ((await fetch(`${url}/readyz`)).ok) break;
    } catch {
      // not listening yet
    }
    if (Date.now() > deadline) {
      child.kill('SIGKILL');
      throw new Error(`server did not become ready:\n${output}`);
    }
    await new Promise((r) => setTimeout(r, 150));
  }
  return {
    url,
    pid: child.pid!,
    setupCode: /setup code: ([0-9A-F-]+)/.exec(output)?.[1] ?? null,
    log: () => output,
    async stop(signal = 'SIGTERM') {
      if (child.exitCode === null && child.signalCode === null) {
        const exited = new Promise((r) => child.once('exit', r));
        child.kill(signal);
        await exited;
      }
      rmSync(dataDir, { recursive: true, force: true });
    },
  };
}
