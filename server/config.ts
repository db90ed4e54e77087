import { randomBytes } from 'node:crypto';
import { chmodSync, existsSync, mkdirSync, readFileSync, writeFileSync } from 'node:fs';
import { dirname, resolve } from 'node:path';
import { PASSAGE_IDENTITY_MODES, type PassageIdentityMode, type ReportSlot } from '../common/enums.ts';

export type DatabaseConfig = { kind: 'sqlite'; file: string } | { kind: 'postgres'; url: string };

export interface Config {
  database: DatabaseConfig;
  host: string;
  port: number;
  timeZone: string;
  logLevel: 'fatal' | 'error' | 'warn' | 'info' | 'debug' | 'trace' | 'silent';
  /** Folder for the SQLite file and generated secrets. */
  dataDir: string;
  /** Signs CSRF tokens. */
  sessionSecret: Buffer;
  /** Master key for personal data: encryption and the blind index are derived from it. */
  dataKey: Buffer;
  /** Idle and absolute session lifetimes, in seconds. */
  sessionIdleSeconds: number;
  sessionAbsoluteSeconds: number;
  /** Behind a reverse proxy: take the client address and protocol from X-Forwarded-* headers. */
  trustProxy: boolean;
  /** When set, `/metrics` wants `Authorization: Bearer <token>`. */
  metricsToken: string | null;
  /**
   * Days after a shift ends that the positions phones gave at check-in and check-out are kept
   * (whereabouts are sensitive, DESIGN.md §5); a daily job then removes them.
   */
  positionRetentionDays: number;
  /** Whether the passage log asks for name and mobile: not at all, optionally, or always (persons). */
  passageIdentity: PassageIdentityMode;
  /** Minutes during which the volunteer who logged a passage may still correct it. */
  passageEditMinutes: number;
  /** Days after the day of passage that names, mobiles, plates and origins are kept; then anonymised. */
  passageRetentionDays: number;
  /** Isolation plans a case may follow (code → days); the first is the default (14 days). */
  isolationPlans: IsolationPlan[];
  /** The two daily health-report windows, local `HH:MM`; a report after its window is late. */
  reportWindows: Record<ReportSlot, { from: string; to: string }>;
  /** Minutes a fever reading waits for its re-measure before the medical observer is alerted anyway. */
  remeasureMinutes: number;
  /** Minutes an alert stays open with its owner before it escalates one level up. */
  alertEscalateMinutes: number;
  /** Days after a case closes that its reports and the person's identity in it are kept; then anonymised. */
  healthRetentionDays: number;
  /** 红色代办 (DESIGN.md §6): minutes to claim an order before it escalates, unless its post sets its own. */
  errandResponseMinutes: number;
  /** Hours from ordering to delivery before an order counts as late. */
  errandDeliveryHours: number;
  /** Orders one household may place in a day (abuse); staff entering by phone are held to it too. */
  errandOrdersPerDay: number;
  /** Most of a free-text item one order may ask for; catalogue goods carry their own limit. */
  errandMaxQuantity: number;
  /** Seconds between two refreshes of the command dashboard's stored figures. */
  dashboardRefreshSeconds: number;
  /** When the evening job generates the day's 疫情防控日报, local `HH:MM`. */
  dailyReportTime: string;
  /** Optional shared store for rate-limit counters; the database serves when unset. */
  redisUrl: string | null;
  demo: boolean;
  /** Where the built web app is; null serves the API only. */
  webDir: string | null;
  /** Logged secrets warnings (secrets generated into the data folder). */
  warnings: string[];
}

export class ConfigError extends Error {}

const LOG_LEVELS = ['fatal', 'error', 'warn', 'info', 'debug', 'trace', 'silent'] as const;

function parseDatabaseUrl(url: string): DatabaseConfig {
  if (url.startsWith('postgres://') || url.startsWith('postgresql://')) return { kind: 'postgres', url };
  if (url.startsWith('sqlite:')) {
    const file = url.slice('sqlite:'.length);
    if (!file) throw new ConfigError('REDVEST_DATABASE_URL: sqlite: needs a file path, e.g. sqlite:data/redvest.db');
    return { kind: 'sqlite', file: file === ':memory:' ? file : resolve(file) };
  }
  throw new ConfigError(
    `REDVEST_DATABASE_URL: expected sqlite:<file> or postgres://…, got "${url.replace(/\/\/[^@]*@/, '//***@')}"`,
  );
}

function parseRedisUrl(raw: string | undefined): string | null {
  if (!raw) return null;
  if (!/^rediss?:\/\//.test(raw)) throw new ConfigError('REDVEST_REDIS_URL: expected redis://host:6379 or rediss://…');
  return raw;
}

function parseInteger(name: string, raw: string | undefined, fallback: number, min: number, max: number): number {
  if (raw === undefined || raw === '') return fallback;
  // Digits only: Number() would also take "0x50", "1e3" and " 80" and quietly mean something else.
  const n = /^\d+$/.test(raw) ? Number(raw) : NaN;
  if (!Number.isInteger(n) || n < min || n > max) {
    throw new ConfigError(`${name}: expected a whole number from ${min} to ${max}, got "${raw}"`);
  }
  return n;
}

export interface IsolationPlan {
  code: string;
  days: number;
}

/** `d14=14,d7p3=10`: codes are short tokens, days 1–60. */
function parsePlans(raw: string | undefined): IsolationPlan[] {
  const text = raw || 'd14=14,d7p3=10,d21=21';
  const plans = text.split(',').map((part) => {
    const m = /^\s*([a-z0-9_]{1,16})=(\d{1,2})\s*$/.exec(part);
    const days = m ? Number(m[2]) : NaN;
    if (!m || days < 1 || days > 60)
      throw new ConfigError(`REDVEST_ISOLATION_PLANS: expected code=days,… (days 1–60), got "${text}"`);
    return { code: m[1]!, days };
  });
  if (new Set(plans.map((p) => p.code)).size !== plans.length)
    throw new ConfigError('REDVEST_ISOLATION_PLANS: a code appears twice');
  return plans;
}

/** `07:00-10:00`, within one day. */
function parseWindow(name: string, raw: string | undefined, fallback: string): { from: string; to: string } {
  const text = raw || fallback;
  const m = /^([01]\d|2[0-3]):([0-5]\d)-([01]\d|2[0-3]):([0-5]\d)$/.exec(text);
  if (!m || `${m[1]}:${m[2]}` >= `${m[3]}:${m[4]}`)
    throw new ConfigError(`${name}: expected HH:MM-HH:MM within one day, got "${text}"`);
  return { from: `${m[1]}:${m[2]}`, to: `${m[3]}:${m[4]}` };
}

/** `20:00`: a wall-clock time of day. */
function parseTime(name: string, raw: string | undefined, fallback: string): string {
  const text = raw || fallback;
  if (!/^([01]\d|2[0-3]):[0-5]\d$/.test(text)) throw new ConfigError(`${name}: expected HH:MM (00:00–23:59), got "${text}"`);
  return text;
}

function parsePassageIdentity(raw: string | undefined): PassageIdentityMode {
  if (!raw) return 'optional';
  const mode = PASSAGE_IDENTITY_MODES.find((m) => m === raw);
  if (!mode) throw new ConfigError(`REDVEST_PASSAGE_IDENTITY: expected ${PASSAGE_IDENTITY_MODES.join(', ')}, got "${raw}"`);
  return mode;
}

function isValidTimeZone(tz: string): boolean {
  try {
    new Intl.DateTimeFormat('en', { timeZone: tz });
    return true;
  } catch {
    return false;
  }
}

/** A secret from the environment (hex or base64, ≥ 32 bytes), else one kept in the data folder. */
function secret(name: string, raw: string | undefined, dataDir: string, warnings: string[]): Buffer {
  if (raw) {
    const buf = /^[0-9a-f]+$/i.test(raw) && raw.length % 2 === 0 ? Buffer.from(raw, 'hex') : Buffer.from(raw, 'base64');
    if (buf.length < 32) throw new ConfigError(`${name}: needs at least 32 bytes (64 hex characters)`);
    return buf;
  }
  const file = resolve(dataDir, 'secrets.json');
  let stored: Record<string, string> = {};
  if (existsSync(file)) stored = JSON.parse(readFileSync(file, 'utf8')) as Record<string, string>;
  if (!stored[name]) {
    stored[name] = randomBytes(32).toString('hex');
    mkdirSync(dirname(file), { recursive: true });
    writeFileSync(file, JSON.stringify(stored, null, 2), { mode: 0o600 });
    chmodSync(file, 0o600);
  }
  warnings.push(
    `${name} is not set: using the one kept in ${file}. Set it in the environment for production and when running several instances.`,
  );
  return Buffer.from(stored[name]!, 'hex');
}

export interface ConfigOverrides {
  demo?: boolean;
}

export function loadConfig(env: NodeJS.ProcessEnv = process.env, overrides: ConfigOverrides = {}): Config {
  const demo = overrides.demo ?? false;
  const dataDir = resolve(env.REDVEST_DATA_DIR || 'data');
  const database = parseDatabaseUrl(
    env.REDVEST_DATABASE_URL || (demo ? `sqlite:${resolve(dataDir, 'demo.db')}` : `sqlite:${resolve(dataDir, 'redvest.db')}`),
  );
  const timeZone = env.REDVEST_TIME_ZONE || 'Asia/Shanghai';
  if (!isValidTimeZone(timeZone)) throw new ConfigError(`REDVEST_TIME_ZONE: unknown time zone "${timeZone}"`);
  const logLevel = (env.REDVEST_LOG_LEVEL || 'info') as Config['logLevel'];
  if (!LOG_LEVELS.includes(logLevel)) {
    throw new ConfigError(`REDVEST_LOG_LEVEL: expected one of ${LOG_LEVELS.join(', ')}, got "${logLevel}"`);
  }
  const warnings: string[] = [];
  const trustProxy = env.REDVEST_TRUST_PROXY || 'false';
  if (trustProxy !== 'true' && trustProxy !== 'false') {
    throw new ConfigError(`REDVEST_TRUST_PROXY: expected true or false, got "${trustProxy}"`);
  }
  const webDir = env.REDVEST_WEB_DIR === '' ? null : resolve(env.REDVEST_WEB_DIR || 'dist/web');
  return {
    database,
    host: env.REDVEST_HOST || (demo ? '127.0.0.1' : '0.0.0.0'),
    port: parseInteger('REDVEST_PORT', env.REDVEST_PORT, 3000, 0, 65535),
    timeZone,
    logLevel,
    dataDir,
    sessionSecret: secret('REDVEST_SESSION_SECRET', env.REDVEST_SESSION_SECRET, dataDir, warnings),
    dataKey: secret('REDVEST_DATA_KEY', env.REDVEST_DATA_KEY, dataDir, warnings),
    // 30 hours: a volunteer whose phone sees no network through a day at the post and the night
    // after must not be signed out before their kept entries are sent (issue 11); the absolute
    // limit (REDVEST_SESSION_MAX_HOURS) still ends every session.
    sessionIdleSeconds:
      parseInteger('REDVEST_SESSION_IDLE_MINUTES', env.REDVEST_SESSION_IDLE_MINUTES, 30 * 60, 5, 7 * 24 * 60) * 60,
    sessionAbsoluteSeconds: parseInteger('REDVEST_SESSION_MAX_HOURS', env.REDVEST_SESSION_MAX_HOURS, 72, 1, 30 * 24) * 3600,
    trustProxy: trustProxy === 'true',
    metricsToken: env.REDVEST_METRICS_TOKEN || null,
    positionRetentionDays: parseInteger('REDVEST_POSITION_RETENTION_DAYS', env.REDVEST_POSITION_RETENTION_DAYS, 30, 1, 3650),
    passageIdentity: parsePassageIdentity(env.REDVEST_PASSAGE_IDENTITY),
    passageEditMinutes: parseInteger('REDVEST_PASSAGE_EDIT_MINUTES', env.REDVEST_PASSAGE_EDIT_MINUTES, 10, 0, 24 * 60),
    passageRetentionDays: parseInteger('REDVEST_PASSAGE_RETENTION_DAYS', env.REDVEST_PASSAGE_RETENTION_DAYS, 28, 1, 3650),
    isolationPlans: parsePlans(env.REDVEST_ISOLATION_PLANS),
    reportWindows: {
      morning: parseWindow('REDVEST_REPORT_MORNING', env.REDVEST_REPORT_MORNING, '06:00-10:00'),
      evening: parseWindow('REDVEST_REPORT_EVENING', env.REDVEST_REPORT_EVENING, '17:00-21:00'),
    },
    remeasureMinutes: parseInteger('REDVEST_REMEASURE_MINUTES', env.REDVEST_REMEASURE_MINUTES, 60, 5, 24 * 60),
    alertEscalateMinutes: parseInteger('REDVEST_ALERT_ESCALATE_MINUTES', env.REDVEST_ALERT_ESCALATE_MINUTES, 120, 5, 7 * 24 * 60),
    healthRetentionDays: parseInteger('REDVEST_HEALTH_RETENTION_DAYS', env.REDVEST_HEALTH_RETENTION_DAYS, 30, 1, 3650),
    errandResponseMinutes: parseInteger('REDVEST_ERRAND_RESPONSE_MINUTES', env.REDVEST_ERRAND_RESPONSE_MINUTES, 30, 5, 24 * 60),
    errandDeliveryHours: parseInteger('REDVEST_ERRAND_DELIVERY_HOURS', env.REDVEST_ERRAND_DELIVERY_HOURS, 24, 1, 7 * 24),
    errandOrdersPerDay: parseInteger('REDVEST_ERRAND_ORDERS_PER_DAY', env.REDVEST_ERRAND_ORDERS_PER_DAY, 3, 1, 50),
    errandMaxQuantity: parseInteger('REDVEST_ERRAND_MAX_QUANTITY', env.REDVEST_ERRAND_MAX_QUANTITY, 20, 1, 1000),
    dashboardRefreshSeconds: parseInteger(
      'REDVEST_DASHBOARD_REFRESH_SECONDS',
      env.REDVEST_DASHBOARD_REFRESH_SECONDS,
      60,
      10,
      24 * 3600,
    ),
    dailyReportTime: parseTime('REDVEST_DAILY_REPORT_TIME', env.REDVEST_DAILY_REPORT_TIME, '20:00'),
    redisUrl: parseRedisUrl(env.REDVEST_REDIS_URL),
    demo,
    webDir: webDir && existsSync(webDir) ? webDir : null,
    warnings,
  };
}
