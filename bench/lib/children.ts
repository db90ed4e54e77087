/**
 * Child processes for the benchmarks and the crash test: servers started on a probed free port,
 * optionally pinned to one core, killed on every way out of the parent (a benchmark that dies
 * must not leave servers behind on a shared machine).
 */
import { spawn, spawnSync, type ChildProcess } from 'node:child_process';
import { closeSync, openSync, readFileSync } from 'node:fs';
import { createServer } from 'node:net';
import { availableParallelism } from 'node:os';

const live = new Set<ChildProcess>();
process.on('exit', () => {
  for (const child of live) child.kill('SIGKILL');
});
for (const signal of ['SIGINT', 'SIGTERM'] as const) {
  process.on(signal, () => process.exit(130));
}

/** Pinning needs taskset and at least two cores: server on core 0, load generator on core 1. */
export const canPin = availableParallelism() >= 2 && spawnSync('taskset', ['-V']).status === 0;

/** Moves every thread of this process (and the threads it starts later) onto one core. */
export function pinSelf(core: number): void {
  if (canPin) spawnSync('taskset', ['-a', '-p', '-c', String(core), String(process.pid)], { stdio: 'ignore' });
}

export function freePort(): Promise<number> {
  return new Promise((resolve, reject) => {
    const probe = createServer();
    probe.once('error', reject);
    probe.listen(0, '127.0.0.1', () => {
      const address = probe.address();
      const port = typeof address === 'object' && address ? address.port : 0;
      probe.close(() => resolve(port));
    });
  });
}

export interface ServerChild {
  url: string;
  pid: number;
  /** SIGKILL, then wait for the exit. */
  kill(): Promise<void>;
  /** SIGTERM (graceful), SIGKILL after 10 s. */
  stop(): Promise<void>;
}

export interface StartOptions {
  /** Arguments after `node`, e.g. ['--import', 'tsx', 'server/main.ts', 'serve']. */
  args: string[];
  env: NodeJS.ProcessEnv;
  port: number;
  /** Polled until it answers 200. */
  readyPath: string;
  logFile: string;
  core?: number;
  cwd?: string;
  /** How long to wait for the ready path (default 60 s). */
  readyTimeoutMs?: number;
}

function exited(child: ChildProcess): Promise<void> {
  if (child.exitCode !== null || child.signalCode !== null) return Promise.resolve();
  return new Promise((resolve) => child.once('exit', () => resolve()));
}

export async function startServer(o: StartOptions): Promise<ServerChild> {
  const fd = openSync(o.logFile, 'a');
  // taskset execs node in place, so the pid we signal is the server's own.
  const [cmd, ...args] =
    canPin && o.core !== undefined
      ? ['taskset', '-c', String(o.core), process.execPath, ...o.args]
      : [process.execPath, ...o.args];
  const child = spawn(cmd!, args, { env: o.env, cwd: o.cwd, stdio: ['ignore', fd, fd] });
  closeSync(fd);
  live.add(child);
  child.once('exit', () => live.delete(child));
  const url = `http://127.0.0.1:${o.port}`;
  const server: ServerChild = {
    url,
    pid: child.pid!,
    async kill() {
      child.kill('SIGKILL');
      await exited(child);
    },
    async stop() {
      child.kill('SIGTERM');
      const force = setTimeout(() => child.kill('SIGKILL'), 10_000);
      await exited(child);
      clearTimeout(force);
    },
  };
  const waitMs = o.readyTimeoutMs ?? 60_000;
  const deadline = Date.now() + waitMs;
  for (;;) {
    if (child.exitCode !== null || child.signalCode !== null) {
      throw new Error(`server exited while starting (${child.exitCode ?? child.signalCode}):\n${tail(o.logFile)}`);
    }
    const ok = await fetch(url + o.readyPath).then(
      (r) => r.ok,
      () => false,
    );
    if (ok) return server;
    if (Date.now() > deadline) {
      await server.kill();
      throw new Error(`server not ready after ${waitMs / 1000} s:\n${tail(o.logFile)}`);
    }
    await new Promise((r) => setTimeout(r, 100));
  }
}

export function tail(file: string, lines = 30): string {
  try {
    return readFileSync(file, 'utf8').split('\n').slice(-lines).join('\n');
  } catch {
    return '(no log)';
  }
}
