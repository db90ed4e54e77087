/**
 * `npm run demo -- --scale city [--factor 0.1] [--reset]`: the synthetic city of `city-scale.ts`
 * in its own database — `data/city.db`, or the database of REDVEST_DATABASE_URL (an empty one) —
 * with progress on the terminal; then serve it with
 * `REDVEST_DATABASE_URL=sqlite:data/city.db npm start` and sign in as `city-commander`.
 */
import { rmSync } from 'node:fs';
import { resolve } from 'node:path';
import { ConfigError, loadConfig } from '../../config.ts';
import { connect } from '../../platform/db/connect.ts';
import { createPiiCipher } from '../../platform/pii/crypto.ts';
import { CITY_PASSWORD, generateCity } from './city-scale.ts';

function flagValue(flags: readonly string[], name: string): string | undefined {
  const i = flags.indexOf(name);
  return i === -1 ? undefined : flags[i + 1];
}

export async function runCityScale(flags: readonly string[]): Promise<void> {
  const scale = flagValue(flags, '--scale');
  if (scale !== 'city') throw new ConfigError(`--scale: expected "city", got "${scale ?? ''}"`);
  const factor = Number(flagValue(flags, '--factor') ?? '1');
  if (!(factor > 0 && factor <= 1)) throw new ConfigError('--factor: a number above 0 and at most 1');
  const dataDir = resolve(process.env.REDVEST_DATA_DIR || 'data');
  const url = process.env.REDVEST_DATABASE_URL || `sqlite:${resolve(dataDir, 'city.db')}`;
  const config = loadConfig({ ...process.env, REDVEST_DATABASE_URL: url });
  if (flags.includes('--reset')) {
    if (config.database.kind !== 'sqlite') throw new ConfigError('--reset only applies to a SQLite file');
    for (const suffix of ['', '-wal', '-shm']) rmSync(config.database.file + suffix, { force: true });
  }
  const where = config.database.kind === 'sqlite' ? config.database.file : url.replace(/\/\/[^@]*@/, '//…@');
  process.stdout.write(`redvest city-scale data (factor ${factor}) into ${where}\n`);
  const db = connect(config.database);
  try {
    const summary = await generateCity(db, {
      factor,
      pii: createPiiCipher(config.dataKey),
      timeZone: config.timeZone,
      log: (line) => process.stdout.write(`${line}\n`),
    });
    process.stdout.write(
      [
        `done in ${summary.seconds.toFixed(0)} s: ${summary.regions.toLocaleString('en')} regions`,
        `serve it: REDVEST_DATABASE_URL=${config.database.kind === 'sqlite' ? `sqlite:${config.database.file}` : '<that url>'} npm start`,
        `sign in as ${summary.accounts.join(', ')} (password ${CITY_PASSWORD})`,
        '',
      ].join('\n'),
    );
  } finally {
    await db.close();
  }
}
