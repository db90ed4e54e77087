/**
 * `npm run test:fuzz -- --runs 10000`: the route-walking fuzz test at a chosen depth, on SQLite
 * and (with REDVEST_TEST_PG_URL) PostgreSQL. It prints requests sent and the 5xx count per database.
 */
import { spawnSync } from 'node:child_process';
import { resolve } from 'node:path';

const args = process.argv.slice(2);
const at = args.indexOf('--runs');
const runs = at === -1 ? '1000' : args[at + 1];
if (!runs || !/^\d+$/.test(runs) || Number(runs) < 1) {
  process.stderr.write('usage: npm run test:fuzz -- --runs <number of generated requests per route and caller>\n');
  process.exit(2);
}
const projects = ['--project', 'sqlite', ...(process.env.REDVEST_TEST_PG_URL ? ['--project', 'postgres'] : [])];
const result = spawnSync('npx', ['vitest', 'run', ...projects, 'server/platform/http/fuzz.test.ts', '--testTimeout', '0'], {
  cwd: resolve(import.meta.dirname, '..'),
  stdio: 'inherit',
  env: { ...process.env, REDVEST_FUZZ_RUNS: runs },
});
process.exit(result.status ?? 1);
