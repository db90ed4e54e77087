/**
 * redvest command line: serve | demo | migrate | backup | restore.
 *   serve   — real use; with no administrator yet, prints a one-time setup code
 *   demo    — the demo city in data/demo.db (created on first run; --reset starts it again);
 *             demo --scale city [--factor F] [--reset]: a synthetic city at full size in data/city.db
 *   migrate — bring the database schema up to date and exit
 *   backup [file]   — a consistent copy of the database (SQLite online; PostgreSQL via pg_dump)
 *   restore <file>  — replace the database with a backup (stop the server first on SQLite)
 */
import { rmSync } from 'node:fs';
import { resolve } from 'node:path';
import { buildApp } from './app.ts';
import { ConfigError, loadConfig, type Config } from './config.ts';
import { loadDemoCity, DEMO_ACCOUNTS, DEMO_PASSWORD } from './demo/demo-city.ts';
import { runCityScale } from './demo/scale/city-command.ts';
import { loadDemoDuty } from './demo/demo-duty.ts';
import { loadDemoInspections } from './demo/demo-inspections.ts';
import { loadDemoHouseholds } from './demo/demo-households.ts';
import { loadDemoCases } from './demo/demo-cases.ts';
import { loadDemoScreening } from './demo/demo-screening.ts';
import { loadDemoReturnees } from './demo/demo-returnees.ts';
import { loadDemoVolunteers } from './demo/demo-volunteers.ts';
import { loadDemoHealthReports } from './demo/demo-health-reports.ts';
import { loadDemoDisinfection } from './demo/demo-disinfection.ts';
import { loadDemoPublicity } from './demo/demo-publicity.ts';
import { loadDemoSupplies } from './demo/demo-supplies.ts';
import { loadDemoErrands } from './demo/demo-errands.ts';
import { loadDemoConflicts } from './demo/demo-conflicts.ts';
import { authService } from './features/accounts/auth.service.ts';
import { connect } from './platform/db/connect.ts';
import { migrateToLatest } from './platform/db/migrate.ts';
import { backupDatabase, restoreDatabase } from './platform/db/backup.ts';

async function serve(config: Config): Promise<void> {
  const app = await buildApp(config);
  for (const w of config.warnings) app.log.warn(w);
  if (!config.webDir) app.log.warn('web app not built (dist/web missing): serving the API only. Run `npm run build`.');

  if (config.demo) {
    const loaded = await loadDemoCity(app.deps);
    app.log.info(loaded ? 'demo city loaded' : 'demo city already present (use --reset to start again)');
    const volunteers = await app.deps.db.withoutSync(() => loadDemoVolunteers(app.deps));
    if (volunteers) app.log.info(volunteers, 'demo volunteers, teams and posts loaded');
    const duty = await app.deps.db.withoutSync(() => loadDemoDuty(app.deps));
    if (duty) app.log.info(duty, "demo checkpoints and this week's roster loaded");
    const ground = await app.deps.db.withoutSync(() => loadDemoInspections(app.deps));
    if (ground) app.log.info(ground, "demo inspections, issue ledger and today's passage log loaded");
    const households = await app.deps.db.withoutSync(() => loadDemoHouseholds(app.deps));
    if (households) app.log.info(households, 'demo households (一户一档) loaded');
    const screening = await app.deps.db.withoutSync(() => loadDemoScreening(app.deps));
    if (screening) app.log.info(screening, 'demo screening campaign (入户排查) over 东高社区 loaded');
    const returnees = await app.deps.db.withoutSync(() => loadDemoReturnees(app.deps));
    if (returnees) app.log.info(returnees, 'demo returnees (返乡人员) and close contacts loaded');
    const isolation = await app.deps.db.withoutSync(() => loadDemoCases(app.deps));
    if (isolation) app.log.info(isolation, 'demo isolation cases and their services loaded');
    const health = await app.deps.db.withoutSync(() => loadDemoHealthReports(app.deps));
    if (health) app.log.info(health, 'demo health reports and alerts (健康上报, 预警) loaded');
    const disinfection = await app.deps.db.withoutSync(() => loadDemoDisinfection(app.deps));
    if (disinfection) app.log.info(disinfection, 'demo disinfection places, schedules and logs (卫生消杀) loaded');
    const publicity = await app.deps.db.withoutSync(() => loadDemoPublicity(app.deps));
    if (publicity) app.log.info(publicity, 'demo publicity logs and announcements (宣传, 公告) loaded');
    const supplies = await app.deps.db.withoutSync(() => loadDemoSupplies(app.deps));
    if (supplies) app.log.info(supplies, 'demo stores, donations, allocations and transfers (物资) loaded');
    const errands = await app.deps.db.withoutSync(() => loadDemoErrands(app.deps));
    if (errands) app.log.info(errands, 'demo errand posts, shops, orders, purchase runs and receipts (红色代办) loaded');
    const conflicts = await app.deps.db.withoutSync(() => loadDemoConflicts(app.deps));
    if (conflicts)
      app.log.info(conflicts, 'demo offline conflicts (entries that arrived after a case closed or a shift changed) loaded');
  } else {
    const code = await authService(app.deps).prepareSetup();
    if (code) {
      app.log.warn(`No administrator yet. Open the platform in a browser and enter this one-time setup code: ${code}`);
    }
  }

  let closing = false;
  const shutdown = (signal: string) => {
    if (closing) return;
    closing = true;
    app.log.info({ signal }, 'shutting down: finishing requests in flight');
    // Fastify stops accepting, waits for in-flight requests, then runs onClose (closes the database).
    const force = setTimeout(() => process.exit(1), 15_000);
    force.unref();
    app.close().then(
      () => process.exit(0),
      () => process.exit(1),
    );
  };
  process.on('SIGTERM', () => shutdown('SIGTERM'));
  process.on('SIGINT', () => shutdown('SIGINT'));

  await app.listen({ host: config.host, port: config.port });
  app.scheduler.start();
  if (config.demo) {
    const url = `http://${config.host === '0.0.0.0' ? 'localhost' : config.host}:${config.port}`;
    const lines = [
      '',
      `  红马甲 redvest demo: ${url}`,
      `  Demo logins (password for all: ${DEMO_PASSWORD}):`,
      ...DEMO_ACCOUNTS.map((a) => `    ${a.login.padEnd(14)} ${a.description}`),
      '',
    ];
    process.stdout.write(lines.join('\n') + '\n');
  }
}

async function main(): Promise<void> {
  const [command = 'serve', ...flags] = process.argv.slice(2);
  const demo = command === 'demo';
  const config = loadConfig(process.env, { demo });
  switch (command) {
    case 'serve':
    case 'demo':
      // The synthetic city at full size goes into its own database, and the command ends there.
      if (demo && flags.includes('--scale')) return runCityScale(flags);
      if (demo && flags.includes('--reset')) {
        if (config.database.kind !== 'sqlite') throw new ConfigError('--reset only applies to the SQLite demo database');
        for (const suffix of ['', '-wal', '-shm']) rmSync(config.database.file + suffix, { force: true });
      }
      return serve(config);
    case 'migrate': {
      const db = connect(config.database);
      const applied = await migrateToLatest(db);
      process.stdout.write(applied.length ? `applied: ${applied.join(', ')}\n` : 'schema is up to date\n');
      return db.close();
    }
    case 'backup': {
      const stamp = new Date().toISOString().replace(/[-:]/g, '').replace('T', '-').slice(0, 15);
      const target = resolve(
        flags[0] ?? `${config.dataDir}/backups/redvest-${stamp}.${config.database.kind === 'sqlite' ? 'db' : 'dump'}`,
      );
      await backupDatabase(config.database, target);
      process.stdout.write(`backup written: ${target}\n`);
      return;
    }
    case 'restore': {
      if (!flags[0]) throw new ConfigError('restore needs the backup file: redvest restore <file>');
      await restoreDatabase(config.database, resolve(flags[0]));
      const db = connect(config.database);
      const applied = await migrateToLatest(db);
      await db.close();
      process.stdout.write(`restored from ${resolve(flags[0])}${applied.length ? `; then applied ${applied.join(', ')}` : ''}\n`);
      return;
    }
    default:
      throw new ConfigError(`unknown command "${command}"; expected serve, demo, migrate, backup or restore`);
  }
}

main().catch((err: unknown) => {
  if (err instanceof ConfigError) {
    process.stderr.write(`redvest: configuration error: ${err.message}\n`);
    process.exit(2);
  }
  process.stderr.write(`redvest: ${err instanceof Error ? (err.stack ?? err.message) : String(err)}\n`);
  process.exit(1);
});
