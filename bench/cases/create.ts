/**
 * 2./3. A unit create through our API (signed-in region manager of a county: session lookup,
 * CSRF, validation, scope check, name check, insert + audit + event in one transaction, read
 * back) against a bare Fastify route doing the single INSERT on the same database; the same
 * again with an Idempotency-Key. 4. (SQLite) the bare INSERT with synchronous=FULL and NORMAL.
 * All servers run at once (idle but one), so the sides can take turns.
 */
import { join } from 'node:path';
import type { DatabaseConfig } from '../../server/config.ts';
import { startBare } from '../lib/bare.ts';
import type { ServerChild } from '../lib/children.ts';
import { alternate, cannon, type Side } from '../lib/load.ts';
import { prepareDatabase, signIn, startRedvest } from '../lib/redvest.ts';
import { throughput, type Comparison, type Settings } from '../lib/report.ts';

const TARGET = 0.55;

export async function benchCreate(config: DatabaseConfig, dir: string, s: Settings): Promise<Comparison[]> {
  const kind = config.kind;
  const { countyId, logins } = await prepareDatabase(config, 1);
  const target = config.kind === 'sqlite' ? config.file : config.url;
  const servers: ServerChild[] = [];
  try {
    const api = await startRedvest(config, { dataDir: dir, logFile: join(dir, `redvest-${kind}.log`), core: 0 });
    servers.push(api);
    const bare = await startBare(kind, dir, target);
    servers.push(bare);
    const session = await signIn(api.url, logins[0]!);
    // Every request gets a fresh id in place of [<id>]: unit names are unique per region.
    const body = JSON.stringify({ name: 'bench-[<id>]', kind: 'county_unit', regionId: countyId });
    const post = (server: ServerChild, path: string, headers: Record<string, string> = {}) => ({
      url: server.url,
      method: 'POST' as const,
      path,
      body,
      headers: { 'content-type': 'application/json', ...headers },
      connections: s.connections,
    });
    const auth = { cookie: session.cookie, 'x-csrf-token': session.csrf };
    const sides: Side[] = [
      cannon(`API create (${kind})`, post(api, '/api/v1/units', auth)),
      cannon(`API create + Idempotency-Key (${kind})`, post(api, '/api/v1/units', { ...auth, 'idempotency-key': '[<id>]' })),
      cannon(`bare INSERT (${kind}${kind === 'sqlite' ? ', FULL' : ''})`, post(bare, '/units')),
    ];
    if (kind === 'sqlite') {
      const normal = await startBare('sqlite', dir, target, 'NORMAL');
      servers.push(normal);
      sides.push(cannon('bare INSERT (sqlite, NORMAL)', post(normal, '/units')));
    }
    const [ours, keyed, insert, normal] = await alternate(sides, s);
    const n = kind === 'sqlite' ? 2 : 3;
    const results = [
      throughput(`${n}. unit create vs bare INSERT (${kind})`, ours!, insert!, TARGET),
      throughput(`${n}b. the same with an Idempotency-Key (${kind})`, keyed!, insert!),
    ];
    if (normal)
      results.push({
        ...throughput('4. SQLite synchronous=FULL vs NORMAL (bare INSERT)', insert!, normal),
        ratioOf: 'req/s FULL ÷ NORMAL',
      });
    return results;
  } finally {
    for (const server of servers) await server.stop();
  }
}
