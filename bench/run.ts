/**
 * npm run bench [-- --quick] [--seconds N] [--rounds N] [--warmup N] [--connections N] [--only http,sqlite,postgres,login,import,registry,roster,passages,counts,screening,health,disinfection,stock,errands,dashboard,field] [--city-factor F]
 * Each benchmark measures our path and its bare baseline in the same run and prints the ratio
 * (bench/README.md). Servers run in child processes on core 0, autocannon here on core 1.
 */
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import { parseArgs } from 'node:util';
import type { DatabaseConfig } from '../server/config.ts';
import { benchCreate } from './cases/create.ts';
import { benchHttp } from './cases/http.ts';
import { benchLogin } from './cases/login.ts';
import { benchRoster } from './cases/roster.ts';
import { benchVolunteerImport } from './cases/volunteers-import.ts';
import { benchPassageCounts, benchPassageWrite } from './cases/passages.ts';
import { benchScreeningCoverage } from './cases/screening-coverage.ts';
import { benchHealthReportWrite, benchMissedSlotScan } from './cases/health-reports.ts';
import { benchDisinfectionTotals } from './cases/disinfection-totals.ts';
import { benchStockLevels } from './cases/stock-levels.ts';
import { benchErrandArrival, benchErrandOrderWrite } from './cases/errands.ts';
import { benchRegistryQuery } from './cases/volunteers-query.ts';
import { benchDashboard } from './cases/dashboard.ts';
import { benchFieldApp } from './cases/field-app.ts';
import { canPin, pinSelf } from './lib/children.ts';
import { freshPostgres } from './lib/redvest.ts';
import { printComparison, printSummary, writeResults, type Comparison, type Settings } from './lib/report.ts';

const CASES = [
  'http',
  'sqlite',
  'postgres',
  'login',
  'import',
  'registry',
  'roster',
  'passages',
  'counts',
  'screening',
  'health',
  'disinfection',
  'stock',
  'errands',
  'dashboard',
  'field',
] as const;

const { values: flags } = parseArgs({
  options: {
    quick: { type: 'boolean', default: false },
    seconds: { type: 'string' },
    rounds: { type: 'string' },
    warmup: { type: 'string' },
    connections: { type: 'string', default: '10' },
    only: { type: 'string', default: CASES.join(',') },
    'city-factor': { type: 'string' },
  },
});
const settings: Settings = {
  quick: flags.quick,
  seconds: Number(flags.seconds ?? (flags.quick ? 2 : 5)),
  rounds: Number(flags.rounds ?? (flags.quick ? 2 : 3)),
  warmupSeconds: Number(flags.warmup ?? (flags.quick ? 1 : 2)),
  connections: Number(flags.connections),
  pinned: canPin,
};
const only = new Set(flags.only.split(','));

async function main(): Promise<number> {
  const began = performance.now();
  pinSelf(1);
  const dir = mkdtempSync(join(tmpdir(), 'redvest-bench-'));
  const sqlite: DatabaseConfig = { kind: 'sqlite', file: join(dir, 'bench.db') };
  const comparisons: Comparison[] = [];
  const skipped: string[] = [];
  const record = (found: Comparison[]) => {
    for (const c of found) {
      console.log(c.name);
      printComparison(c);
      comparisons.push(c);
    }
  };
  try {
    if (only.has('http')) record([await benchHttp(dir, settings)]);
    if (only.has('sqlite')) record(await benchCreate(sqlite, dir, settings));
    if (only.has('postgres')) {
      const pg = await freshPostgres('redvest_bench');
      if ('skipped' in pg) skipped.push(`3. PostgreSQL — ${pg.skipped}`);
      else {
        try {
          record(await benchCreate(pg.config, dir, settings));
        } finally {
          await pg.drop();
        }
      }
    }
    if (only.has('login')) record([await benchLogin(sqlite, dir, settings)]);
    if (only.has('import')) record([await benchVolunteerImport(dir, settings)]);
    if (only.has('registry')) record([await benchRegistryQuery(dir, settings)]);
    if (only.has('roster')) record(await benchRoster(settings));
    if (only.has('passages')) {
      record(await benchPassageWrite({ kind: 'sqlite', file: join(dir, 'passages-write.db') }, dir, settings));
      const pg = await freshPostgres('redvest_bench');
      if ('skipped' in pg) skipped.push(`9. passage entry on PostgreSQL — ${pg.skipped}`);
      else {
        try {
          record(await benchPassageWrite(pg.config, dir, settings));
        } finally {
          await pg.drop();
        }
      }
    }
    if (only.has('counts')) record(await benchPassageCounts(dir, settings));
    if (only.has('screening')) record(await benchScreeningCoverage(dir, settings));
    if (only.has('health')) {
      record(await benchHealthReportWrite({ kind: 'sqlite', file: join(dir, 'health-write.db') }, dir, settings));
      const pg = await freshPostgres('redvest_bench');
      if ('skipped' in pg) skipped.push(`12. health report on PostgreSQL — ${pg.skipped}`);
      else {
        try {
          record(await benchHealthReportWrite(pg.config, dir, settings));
        } finally {
          await pg.drop();
        }
      }
      record(await benchMissedSlotScan(dir, settings));
    }
    if (only.has('disinfection')) record(await benchDisinfectionTotals(dir, settings));
    if (only.has('stock')) record(await benchStockLevels(dir, settings));
    if (only.has('errands')) {
      record(await benchErrandOrderWrite({ kind: 'sqlite', file: join(dir, 'errands-write.db') }, dir, settings));
      const pg = await freshPostgres('redvest_bench');
      if ('skipped' in pg) skipped.push(`16. errand order on PostgreSQL — ${pg.skipped}`);
      else {
        try {
          record(await benchErrandOrderWrite(pg.config, dir, settings));
        } finally {
          await pg.drop();
        }
      }
      record(await benchErrandArrival(dir, settings));
    }
    if (only.has('dashboard')) {
      const { found, skipped: notRun } = await benchDashboard(
        dir,
        settings,
        Number(flags['city-factor'] ?? (flags.quick ? 0.01 : 0.05)),
      );
      record(found);
      skipped.push(...notRun);
    }
    if (only.has('field')) {
      const { found, skipped: notRun } = await benchFieldApp(dir, settings);
      record(found);
      skipped.push(...notRun);
    }
  } finally {
    rmSync(dir, { recursive: true, force: true });
  }
  printSummary(comparisons, skipped, settings);
  const file = writeResults(resolve(import.meta.dirname, 'results'), comparisons, skipped, settings);
  console.log(`\nresults: ${file} (${((performance.now() - began) / 1000).toFixed(0)} s in all)`);
  return 0;
}

main().then(
  (code) => process.exit(code),
  (e: unknown) => {
    console.error(`bench failed: ${e instanceof Error ? (e.stack ?? e.message) : String(e)}`);
    process.exit(1);
  },
);
