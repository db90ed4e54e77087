import { mkdtempSync, readFileSync, rmSync, statSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import { ConfigError, loadConfig } from './config.ts';

const HEX = 'cd'.repeat(32);
let dirs: string[] = [];
function dataDir(): string {
  const dir = mkdtempSync(join(tmpdir(), 'redvest-config-'));
  dirs.push(dir);
  return dir;
}
afterEach(() => {
  for (const d of dirs) rmSync(d, { recursive: true, force: true });
  dirs = [];
});

/** A complete environment with secrets set, so only the variable under test varies. */
const env = (extra: NodeJS.ProcessEnv = {}): NodeJS.ProcessEnv => ({
  REDVEST_DATA_DIR: dataDir(),
  REDVEST_SESSION_SECRET: HEX,
  REDVEST_DATA_KEY: HEX,
  REDVEST_WEB_DIR: '',
  ...extra,
});

function rejection(e: NodeJS.ProcessEnv): string {
  try {
    loadConfig(env(e));
  } catch (err) {
    expect(err).toBeInstanceOf(ConfigError);
    return (err as Error).message;
  }
  throw new Error(`accepted ${JSON.stringify(e)}`);
}

describe('loadConfig', () => {
  it('has working defaults', () => {
    const c = loadConfig(env());
    expect(c.port).toBe(3000);
    expect(c.timeZone).toBe('Asia/Shanghai');
    expect(c.logLevel).toBe('info');
    expect(c.database.kind).toBe('sqlite');
    expect(c.sessionSecret).toEqual(Buffer.from(HEX, 'hex'));
    expect(c.warnings).toEqual([]);
  });

  it('rejects a bad port with a message naming the variable', () => {
    for (const port of ['abc', '70000', '-1', '3.5', '0x50', '1e3', '80 80', ' 80']) {
      const message = rejection({ REDVEST_PORT: port });
      expect(message, port).toContain('REDVEST_PORT');
      expect(message, port).toContain(port);
    }
    expect(loadConfig(env({ REDVEST_PORT: '8080' })).port).toBe(8080);
  });

  it('rejects an unknown time zone', () => {
    expect(rejection({ REDVEST_TIME_ZONE: 'Mars/Olympus_Mons' })).toMatch(/REDVEST_TIME_ZONE.*Mars\/Olympus_Mons/);
    expect(loadConfig(env({ REDVEST_TIME_ZONE: 'Europe/Berlin' })).timeZone).toBe('Europe/Berlin');
  });

  it('rejects a database URL it cannot use, without echoing the password', () => {
    const message = rejection({ REDVEST_DATABASE_URL: 'mysql://app:s3cret@db/redvest' });
    expect(message).toContain('REDVEST_DATABASE_URL');
    expect(message).not.toContain('s3cret');
    expect(rejection({ REDVEST_DATABASE_URL: 'sqlite:' })).toContain('REDVEST_DATABASE_URL');
    expect(loadConfig(env({ REDVEST_DATABASE_URL: 'postgres://u:p@h/db' })).database).toEqual({
      kind: 'postgres',
      url: 'postgres://u:p@h/db',
    });
    expect(loadConfig(env({ REDVEST_DATABASE_URL: 'sqlite::memory:' })).database).toEqual({ kind: 'sqlite', file: ':memory:' });
  });

  it('rejects an unknown log level, listing the allowed ones', () => {
    const message = rejection({ REDVEST_LOG_LEVEL: 'verbose' });
    expect(message).toMatch(/REDVEST_LOG_LEVEL.*info.*verbose/);
    expect(loadConfig(env({ REDVEST_LOG_LEVEL: 'debug' })).logLevel).toBe('debug');
  });

  it('rejects short secrets and bad cookie flags', () => {
    expect(rejection({ REDVEST_DATA_KEY: 'ab'.repeat(16) })).toContain('REDVEST_DATA_KEY');
    expect(rejection({ REDVEST_TRUST_PROXY: 'yes' })).toContain('REDVEST_TRUST_PROXY');
    expect(rejection({ REDVEST_SESSION_IDLE_MINUTES: '1' })).toContain('REDVEST_SESSION_IDLE_MINUTES');
  });

  it('generates missing secrets into the data folder, readable by the owner only, and keeps them', () => {
    const dir = dataDir();
    const bare = { REDVEST_DATA_DIR: dir, REDVEST_WEB_DIR: '' };
    const first = loadConfig(bare);
    const file = join(dir, 'secrets.json');
    expect(statSync(file).mode & 0o777).toBe(0o600);
    expect(first.sessionSecret).toHaveLength(32);
    expect(first.dataKey).toHaveLength(32);
    expect(first.dataKey.equals(first.sessionSecret)).toBe(false);
    expect(first.warnings).toHaveLength(2);
    expect(first.warnings.join('\n')).toContain('REDVEST_DATA_KEY');
    const stored = JSON.parse(readFileSync(file, 'utf8')) as Record<string, string>;
    expect(Buffer.from(stored.REDVEST_DATA_KEY!, 'hex').equals(first.dataKey)).toBe(true);

    const second = loadConfig(bare);
    expect(second.dataKey.equals(first.dataKey)).toBe(true);
    expect(second.sessionSecret.equals(first.sessionSecret)).toBe(true);
  });

  it('prefers the environment and does not write secrets it was given', () => {
    const dir = dataDir();
    loadConfig({
      REDVEST_DATA_DIR: dir,
      REDVEST_WEB_DIR: '',
      REDVEST_SESSION_SECRET: HEX,
      REDVEST_DATA_KEY: Buffer.alloc(32, 1).toString('base64'),
    });
    expect(() => statSync(join(dir, 'secrets.json'))).toThrow();
  });
});
