import { join } from 'node:path';
import { freePort, startServer, type ServerChild } from './children.ts';
import { ROOT } from './redvest.ts';

/** One of bench/servers/bare.ts's baselines in a child process on core 0. */
export async function startBare(
  mode: 'http' | 'fastify' | 'sqlite' | 'postgres',
  logDir: string,
  ...rest: string[]
): Promise<ServerChild> {
  const port = await freePort();
  return startServer({
    args: ['--import', 'tsx', 'bench/servers/bare.ts', mode, String(port), ...rest],
    cwd: ROOT,
    env: process.env,
    port,
    readyPath: '/hello',
    logFile: join(logDir, `bare-${mode}.log`),
    core: 0,
  });
}
