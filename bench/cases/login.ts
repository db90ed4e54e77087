/**
 * 5. Sign-in under 20 concurrent logins (distinct accounts, all succeeding, so throttling never
 * counts) against the bare argon2id verify at the same concurrency in this process: what the
 * login route adds to the cost the password hash imposes by design.
 */
import { verify } from '@node-rs/argon2';
import { join } from 'node:path';
import type { DatabaseConfig } from '../../server/config.ts';
import { hashPassword } from '../../server/platform/auth/password.ts';
import { alternate, cannon, type Side } from '../lib/load.ts';
import { PASSWORD, prepareDatabase, startRedvest } from '../lib/redvest.ts';
import type { Comparison, Settings } from '../lib/report.ts';

const CONCURRENCY = 20;

/** `CONCURRENCY` loops each verifying the stored hash back to back. */
function bareVerify(stored: string): Side {
  return {
    label: `bare argon2id verify ×${CONCURRENCY}`,
    async run(seconds, latencies) {
      let ok = 0;
      const started = performance.now();
      const end = started + seconds * 1000;
      const loop = async () => {
        while (performance.now() < end) {
          const t = performance.now();
          if (!(await verify(stored, PASSWORD))) throw new Error('argon2 verify refused the right password');
          latencies?.push(performance.now() - t);
          ok++;
        }
      };
      await Promise.all(Array.from({ length: CONCURRENCY }, loop));
      return { ok, failed: 0, seconds: (performance.now() - started) / 1000 };
    },
  };
}

export async function benchLogin(config: DatabaseConfig, dir: string, s: Settings): Promise<Comparison> {
  const { logins } = await prepareDatabase(config, CONCURRENCY * 2);
  const api = await startRedvest(config, { dataDir: dir, logFile: join(dir, 'redvest-login.log'), core: 0 });
  try {
    let next = 0;
    const login = cannon(`API login ×${CONCURRENCY} (${config.kind})`, {
      url: api.url,
      method: 'POST',
      path: '/api/v1/auth/login',
      headers: { 'content-type': 'application/json' },
      connections: CONCURRENCY,
      setupRequest: (req) => ({ ...req, body: JSON.stringify({ login: logins[next++ % logins.length], password: PASSWORD }) }),
    });
    const [ours, bare] = await alternate([login, bareVerify(await hashPassword(PASSWORD))], s);
    return {
      name: '5. login vs bare argon2id verify (p95)',
      ours: ours!,
      bare: bare!,
      ratio: bare!.p95 / ours!.p95,
      ratioOf: 'p95 bare ÷ ours',
    };
  } finally {
    await api.stop();
  }
}
