/**
 * 13. A health report as the resident's phone sends it through the personal link (POST
 * /api/v1/h/:token/reports with an Idempotency-Key: the link's rate-limit peek, token → case, the
 * reports of the last two days, the slot from the clock, report + audit + event in one
 * transaction, the answer) against a bare Fastify route doing the single INSERT into
 * `health_reports` on the same database. Every request reports for a case of its own: a case
 * reports once per slot. On SQLite and, when it can be reached, PostgreSQL.
 *
 * 14. The missed-slot scan the `health-missed-slots` job runs, in-process on a SQLite file of
 * 100,000 active cases (20,000 with --quick), against the statements the repository sends to
 * select the missing (case, slot) pairs, run straight on the file. Ours also opens the alerts (the
 * inserts, the audit record, the inbox messages and live events), as the job does; they are
 * deleted again between runs so each run does the same work. p95.
 */
import { randomBytes } from 'node:crypto';
import { join } from 'node:path';
import { loadConfig, type DatabaseConfig } from '../../server/config.ts';
import { accountsService } from '../../server/features/accounts/accounts.service.ts';
import { alertsService } from '../../server/features/quarantine/alerts.service.ts';
import { missingSlots } from '../../server/features/quarantine/health-reports.repository.ts';
import { endedSlots } from '../../server/features/quarantine/health-reports.rules.ts';
import { healthReportsService } from '../../server/features/quarantine/health-reports.service.ts';
import { newResidentToken, residentTokensService } from '../../server/features/quarantine/resident-tokens.service.ts';
import { regionsService } from '../../server/features/regions/regions.service.ts';
import { tokenHash } from '../../server/platform/auth/tokens.ts';
import { databaseRateLimiter } from '../../server/platform/auth/throttle.ts';
import { addDays, calendarDate, zonedInstant } from '../../server/platform/dates.ts';
import { connect, openSqlite, type Db } from '../../server/platform/db/connect.ts';
import { newId, nowIso } from '../../server/platform/db/ids.ts';
import type { IsolationCaseTable, ResidentTokenTable } from '../../server/platform/db/schema.ts';
import type { Deps } from '../../server/platform/deps.ts';
import { EventHub } from '../../server/platform/events/hub.ts';
import { eventPublisher } from '../../server/platform/events/publisher.ts';
import { createPiiCipher } from '../../server/platform/pii/crypto.ts';
import { startBare } from '../lib/bare.ts';
import type { ServerChild } from '../lib/children.ts';
import { captureSqlite, directQuery } from '../lib/direct.ts';
import { alternate, cannon, type Side } from '../lib/load.ts';
import { prepareDatabase, startRedvest } from '../lib/redvest.ts';
import { throughput, type Comparison, type Settings } from '../lib/report.ts';
import { childRegion, prng } from '../lib/seed.ts';

const TARGET = 0.55;
const TIME_ZONE = 'Asia/Shanghai';
/** Rows per multi-row INSERT: under both databases' bound-parameter limits (28 columns a case). */
const CHUNK = 500;
/** Windows covering the whole day, so every request of the run falls inside one. */
const ALL_DAY = { REDVEST_REPORT_MORNING: '00:00-11:59', REDVEST_REPORT_EVENING: '12:00-23:59' };
const REPORT = { temperature: 36.5, symptoms: [], feeling: 'good' };

interface Place {
  id: string;
  path: string;
}

/** A case as the cases feature opens it, for the dates given; nobody named unless `gridWorkerId`. */
function caseRow(
  regionId: string,
  startsOn: string,
  createdAt: string,
  n: number,
  gridWorkerId: string | null = null,
): IsolationCaseTable {
  const id = newId();
  return {
    id,
    ref: `GL-BENCH-${n}-${id.slice(-6)}`,
    regionId,
    householdId: null,
    returneeId: null,
    contactId: null,
    personName: '张小明',
    idNumberEnc: null,
    idNumberIndex: null,
    // One active case per person (name and mobile without an ID number): a number of its own.
    mobile: String(13800000000 + n),
    address: null,
    kind: 'home',
    plan: 'd14',
    planDays: 14,
    startBasis: 'return',
    startsOn,
    endsOn: addDays(startsOn, 13),
    status: 'active',
    gridWorkerId,
    medicalObserverId: null,
    volunteerId: null,
    closedOn: null,
    closeKind: null,
    closeReason: null,
    hospital: null,
    createdBy: null,
    createdAt,
    updatedAt: createdAt,
    anonymisedAt: null,
  };
}

/**
 * Cases of one community starting today, each with a live personal link; the plain tokens stay in
 * memory. Created now, so no window that closed before the run is theirs to miss: the server's own
 * missed-slot job has nothing to do meanwhile.
 */
class CasePool {
  readonly tokens: string[] = [];
  readonly caseIds: string[] = [];
  /** The next token a request takes. */
  next = 0;

  constructor(
    private readonly db: Db,
    readonly community: Place,
  ) {}

  async add(count: number): Promise<void> {
    const today = calendarDate(TIME_ZONE);
    const now = nowIso();
    const expiresAt = nowIso(new Date(Date.now() + 30 * 86_400_000));
    for (let done = 0; done < count; done += CHUNK) {
      const cases: IsolationCaseTable[] = [];
      const links: ResidentTokenTable[] = [];
      for (let i = done; i < Math.min(count, done + CHUNK); i++) {
        const c = caseRow(this.community.id, today, now, this.caseIds.length + i);
        const token = newResidentToken();
        cases.push(c);
        links.push({
          id: newId(),
          purpose: 'health_report',
          caseId: c.id,
          householdId: null,
          tokenHash: tokenHash(token),
          expiresAt,
          revokedAt: null,
          createdBy: null,
          createdAt: now,
        });
        this.tokens.push(token);
      }
      await this.db.db.insertInto('isolationCases').values(cases).execute();
      await this.db.db.insertInto('residentTokens').values(links).execute();
      this.caseIds.push(...cases.map((c) => c.id));
    }
  }

  /** Tops up between runs (never while one is measured) so `needed` fresh cases are left. */
  async ensure(needed: number): Promise<void> {
    const left = this.tokens.length - this.next;
    if (left < needed) await this.add(needed - left);
  }
}

/** `side`, with the pool topped up before each run from the best rate seen so far, with room to spare. */
function refilled(side: Side, pool: CasePool, connections: number): Side {
  let rate = 1_000;
  return {
    label: side.label,
    async run(seconds, latencies) {
      await pool.ensure(Math.ceil(rate * seconds * 1.5) + connections);
      const t = await side.run(seconds, latencies);
      rate = Math.max(rate, t.ok / t.seconds);
      return t;
    },
  };
}

async function addCommunity(db: Db, countyId: string): Promise<Place> {
  const county = await db.db.selectFrom('regions').select(['id', 'path']).where('id', '=', countyId).executeTakeFirstOrThrow();
  const now = nowIso();
  const child = (parent: Place, level: string, name: string) => childRegion(parent, level, name, now);
  const township = child(county, 'township', '压测镇');
  const community = child(township, 'community', '压测社区');
  await db.db.insertInto('regions').values([township, community]).execute();
  return { id: community.id, path: community.path };
}

export async function benchHealthReportWrite(config: DatabaseConfig, dir: string, s: Settings): Promise<Comparison[]> {
  const kind = config.kind;
  const { countyId } = await prepareDatabase(config, 0);
  const db = connect(config);
  const servers: ServerChild[] = [];
  try {
    const pool = new CasePool(db, await addCommunity(db, countyId));
    const began = performance.now();
    await pool.add(s.quick ? 5_000 : 20_000);
    console.log(`  seeded ${pool.tokens.length} cases with links in ${((performance.now() - began) / 1000).toFixed(1)} s`);
    const target = config.kind === 'sqlite' ? config.file : config.url;
    const api = await startRedvest(config, {
      dataDir: dir,
      logFile: join(dir, `redvest-health-${kind}.log`),
      core: 0,
      env: ALL_DAY,
    });
    servers.push(api);
    const bare = await startBare(kind, dir, target);
    servers.push(bare);
    const check = await fetch(`${api.url}/api/v1/h/${pool.tokens[pool.next++]}/reports`, {
      method: 'POST',
      headers: { 'content-type': 'application/json', 'idempotency-key': randomBytes(12).toString('hex') },
      body: JSON.stringify(REPORT),
    });
    if (check.status !== 201) throw new Error(`health report: ${check.status} ${await check.text()}`);
    const { slot } = (await check.json()) as { slot: string };
    const ours = cannon(`API health report (${kind})`, {
      url: api.url,
      method: 'POST',
      path: '/api/v1/h/-/reports',
      body: JSON.stringify(REPORT),
      headers: { 'content-type': 'application/json', 'idempotency-key': '[<id>]' },
      connections: s.connections,
      // A fresh case per request; running out would show as 409s, counted as failed.
      setupRequest: (req) => ({ ...req, path: `/api/v1/h/${pool.tokens[pool.next++ % pool.tokens.length]}/reports` }),
    });
    // The bare route takes the seeded cases in turn, each round on an earlier date (distinct
    // (case, date, slot) rows, before the cases begin, so never in the way of ours).
    const today = calendarDate(TIME_ZONE);
    const first = pool.caseIds.slice();
    let b = 0;
    const insert = cannon(`bare INSERT health report (${kind})`, {
      url: bare.url,
      method: 'POST',
      path: '/health-reports',
      headers: { 'content-type': 'application/json' },
      connections: s.connections,
      setupRequest: (req) => {
        const n = b++;
        const body = {
          caseId: first[n % first.length],
          regionId: pool.community.id,
          slotOn: addDays(today, -2 - Math.floor(n / first.length)),
          slot,
          ...REPORT,
        };
        return { ...req, body: JSON.stringify(body) };
      },
    });
    const [o, i] = await alternate([refilled(ours, pool, s.connections), insert], s);
    console.log(`  ${pool.next} cases used of ${pool.tokens.length} seeded`);
    return [throughput(`12. health report through the personal link vs bare INSERT (${kind})`, o!, i!, TARGET)];
  } finally {
    for (const server of servers) await server.stop();
    await db.close();
  }
}

const SHARE_REPORTED = 0.97;

/**
 * 10 townships × 10 communities, a grid worker each, and `count` active cases that began 1–13
 * days ago, written straight into the file (prepared statements, one transaction, the report and
 * alert indexes rebuilt after). Every slot up to yesterday evening is reported for ~97 % of the
 * cases; the gaps before yesterday already have their missed-slot alert, as earlier scans left
 * them. Returns how many (case, slot) pairs of yesterday are missing.
 */
function seedCases(file: string, county: Place, count: number, today: string): number {
  const sqlite = openSqlite(file);
  const now = nowIso();
  const yesterday = addDays(today, -1);
  let missing = 0;
  try {
    const indexes = sqlite
      .prepare(
        `SELECT name, sql FROM sqlite_master WHERE type = 'index' AND tbl_name IN ('health_reports', 'alerts') AND sql IS NOT NULL`,
      )
      .all() as { name: string; sql: string }[];
    for (const index of indexes) sqlite.exec(`DROP INDEX ${index.name}`);
    const region = sqlite.prepare(
      `INSERT INTO regions (id, parent_id, code, name, level, path, sort_order, created_at, updated_at) VALUES (?, ?, NULL, ?, ?, ?, 0, ?, ?)`,
    );
    const account = sqlite.prepare(
      `INSERT INTO accounts (id, login, name, mobile, password_hash, status, must_change_password, language, created_at, updated_at,
        password_changed_at) VALUES (?, ?, '网格员', '13900001111', 'bench', 'active', 0, 'zh-CN', ?, ?, ?)`,
    );
    const sample = caseRow('', today, now, 0);
    const columns = Object.keys(sample).map((k) => k.replace(/[A-Z]/g, (c) => `_${c.toLowerCase()}`));
    const insertCase = sqlite.prepare(
      `INSERT INTO isolation_cases (${columns.join(', ')}) VALUES (${columns.map(() => '?').join(', ')})`,
    );
    const report = sqlite.prepare(
      `INSERT INTO health_reports (id, case_id, region_id, slot_on, slot, temperature, remeasured_temperature, remeasured_at, fever,
        symptoms, feeling, help_request, late, entered_by, reported_at, created_at, updated_at, anonymised_at)
       VALUES (?, ?, ?, ?, ?, ?, NULL, NULL, 0, '[]', 'good', NULL, 0, NULL, ?, ?, ?, NULL)`,
    );
    const alert = sqlite.prepare(
      `INSERT INTO alerts (id, case_id, region_id, kind, slot_on, slot, report_id, owner_account_id, level, escalated_at, status,
        outcome, closed_by, closed_at, created_at, updated_at) VALUES (?, ?, ?, 'missed_slot', ?, ?, NULL, ?, 0, NULL, 'open', NULL, NULL, NULL, ?, ?)`,
    );
    const random = prng(20200125);
    sqlite.transaction(() => {
      const child = (parent: Place, level: string, name: string) => {
        const id = newId();
        const path = `${parent.path}${id}/`;
        region.run(id, parent.id, name, level, path, now, now);
        return { id, path };
      };
      const communities: { place: Place; worker: string }[] = [];
      for (let t = 0; t < 10; t++) {
        const town = child(county, 'township', `镇${t}`);
        for (let c = 0; c < 10; c++) {
          const worker = newId();
          account.run(worker, `bench-grid-${t}-${c}-${worker.slice(-6)}`, now, now, now);
          communities.push({ place: child(town, 'community', `社区${t}-${c}`), worker });
        }
      }
      for (let n = 0; n < count; n++) {
        const { place, worker } = communities[n % communities.length]!;
        const startsOn = addDays(today, -1 - Math.floor(random() * 13));
        const c = caseRow(place.id, startsOn, `${addDays(startsOn, -1)}T02:00:00.000Z`, n, worker);
        insertCase.run(...Object.values(c));
        for (let day = startsOn; day <= yesterday; day = addDays(day, 1)) {
          for (const slot of ['morning', 'evening']) {
            const at = `${day}T${slot === 'morning' ? '00' : '10'}:30:00.000Z`;
            if (random() < SHARE_REPORTED) report.run(newId(), c.id, place.id, day, slot, 36.5, at, at, at);
            else if (day < yesterday) alert.run(newId(), c.id, place.id, day, slot, worker, at, at);
            else missing++;
          }
        }
      }
    })();
    for (const index of indexes) sqlite.exec(index.sql);
    sqlite.exec('ANALYZE');
  } finally {
    sqlite.close();
  }
  return missing;
}

/** The services the job is built from, on the file, as `server/app.ts` makes them. */
function jobServices(file: string, dir: string) {
  const secret = randomBytes(32).toString('hex');
  // Default windows: the scan's clock is set below, not taken from the wall.
  const config = loadConfig({
    REDVEST_DATABASE_URL: `sqlite:${file}`,
    REDVEST_DATA_DIR: dir,
    REDVEST_SESSION_SECRET: secret,
    REDVEST_DATA_KEY: secret,
    REDVEST_TIME_ZONE: TIME_ZONE,
    REDVEST_WEB_DIR: '',
  });
  const db = connect(config.database);
  const deps: Deps = {
    config,
    db,
    pii: createPiiCipher(config.dataKey),
    events: eventPublisher(db, new EventHub(db)),
    rateLimiter: databaseRateLimiter(db.db),
  };
  const regions = regionsService(deps);
  const alerts = alertsService(deps, { regions, accounts: accountsService(deps, regions) });
  return {
    db,
    windows: config.reportWindows,
    health: healthReportsService(deps, { tokens: residentTokensService(deps), alerts }),
  };
}

export async function benchMissedSlotScan(dir: string, s: Settings): Promise<Comparison[]> {
  const count = s.quick ? 20_000 : 100_000;
  const file = join(dir, 'health-scan.db');
  const { countyId } = await prepareDatabase({ kind: 'sqlite', file }, 0);
  const today = calendarDate(TIME_ZONE);
  const began = performance.now();
  const sqlite = openSqlite(file);
  const county = sqlite.prepare('SELECT id, path FROM regions WHERE id = ?').get(countyId) as Place;
  sqlite.close();
  const missing = seedCases(file, county, count, today);
  console.log(`  seeded ${count} cases and their reports in ${((performance.now() - began) / 1000).toFixed(1)} s`);
  const { db, windows, health } = jobServices(file, dir);
  // Before today's first window: the scan covers yesterday's morning and evening.
  const at = zonedInstant(TIME_ZONE, today, '05:00');
  const slots = endedSlots(TIME_ZONE, windows, at);
  const reset = () =>
    db.db
      .deleteFrom('alerts')
      .where('kind', '=', 'missed_slot')
      .where(
        'slotOn',
        'in',
        slots.map((x) => x.slotOn),
      )
      .execute();
  try {
    const first = await health.scanMissed(at);
    await reset();
    if (first !== missing) throw new Error(`missed-slot scan opened ${first} alerts, ${missing} expected`);
    console.log(`  ${slots.map((x) => `${x.slotOn} ${x.slot}`).join(', ')}: ${missing} slots missed of ${count * slots.length}`);
    const ours: Side = {
      label: 'scanMissed: select + open alerts',
      async run(seconds, latencies) {
        let ok = 0;
        let failed = 0;
        let timed = 0;
        const end = performance.now() + seconds * 1000;
        do {
          const t = performance.now();
          const opened = await health.scanMissed(at);
          const ms = performance.now() - t;
          timed += ms;
          latencies?.push(ms);
          if (opened === missing) ok++;
          else failed++;
          await reset();
        } while (performance.now() < end);
        return { ok, failed, seconds: timed / 1000 };
      },
    };
    const direct = directQuery(
      file,
      await captureSqlite(file, async (q) => {
        for (const x of slots) await missingSlots(q, x.slotOn, x.slot);
      }),
      'direct SQL select (better-sqlite3)',
    );
    try {
      const [o, b] = await alternate([ours, direct], s);
      return [
        {
          name: `13. missed-slot scan of ${count} active cases (select + open ${missing} alerts) vs direct SQL select (p95)`,
          ours: o!,
          bare: b!,
          ratio: b!.p95 / o!.p95,
          ratioOf: 'p95 bare ÷ ours',
        },
      ];
    } finally {
      direct.close();
    }
  } finally {
    await db.close();
  }
}
