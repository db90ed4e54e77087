/**
 * 9. A passage-log entry as a volunteer's phone sends it (POST /api/v1/passages: session, CSRF,
 * validation, the on-duty check against the roster, the risk-area match, the follow-up check,
 * passage + audit + event in one transaction, the answer) against a bare Fastify route doing the
 * single INSERT into `passages` on the same database; 9b the same with an Idempotency-Key, as the
 * app sends it. On SQLite and, when it can be reached, PostgreSQL.
 *
 * 10. The daily counts per checkpoint (GET /api/v1/passages/counts) over 10 million passage rows
 * (1 million with --quick) on SQLite: one checkpoint over a week, and every checkpoint of a
 * township on one day, each against the statements the repository sends run straight on the
 * file. One request at a time on each side; p95.
 */
import { join } from 'node:path';
import type { DatabaseConfig } from '../../server/config.ts';
import { countsOf } from '../../server/features/passages/passages.repository.ts';
import { addDays, calendarDate } from '../../server/platform/dates.ts';
import { hashPassword } from '../../server/platform/auth/password.ts';
import { connect, openSqlite } from '../../server/platform/db/connect.ts';
import { newId, nowIso } from '../../server/platform/db/ids.ts';
import type { RegionTable } from '../../server/platform/db/schema.ts';
import { assign, inMinutes, makeCheckpoint, makeRoster, makeShift } from '../../server/features/duty/duty.test-helpers.ts';
import { startBare } from '../lib/bare.ts';
import type { ServerChild } from '../lib/children.ts';
import { captureSqlite, directQuery } from '../lib/direct.ts';
import { alternate, cannon } from '../lib/load.ts';
import { PASSWORD, prepareDatabase, signIn, startRedvest } from '../lib/redvest.ts';
import { throughput, type Comparison, type Settings } from '../lib/report.ts';
import { prng } from '../lib/seed.ts';

const TARGET = 0.55;
const TIME_ZONE = 'Asia/Shanghai';
/**
 * Days of passages seeded: inside the default retention (28), so the anonymising job has nothing
 * to do while the counts are measured (it would otherwise rewrite the oldest days on start).
 */
const DAYS = 28;

interface Place {
  id: string;
  path: string;
}

/** Regions under the county: `townships` × `communities`; returns them with the county. */
async function addRegions(config: DatabaseConfig, countyId: string, townships: number, communities: number) {
  const db = connect(config);
  try {
    const county = await db.db.selectFrom('regions').select(['id', 'path']).where('id', '=', countyId).executeTakeFirstOrThrow();
    const now = nowIso();
    const rows: RegionTable[] = [];
    const make = (parent: Place, level: string, name: string): Place => {
      const id = newId();
      const path = `${parent.path}${id}/`;
      rows.push({ id, parentId: parent.id, code: null, name, level, path, sortOrder: 0, createdAt: now, updatedAt: now });
      return { id, path };
    };
    const towns: { township: Place; communities: Place[] }[] = [];
    for (let t = 0; t < townships; t++) {
      const township = make(county, 'township', `镇${t}`);
      towns.push({
        township,
        communities: Array.from({ length: communities }, (_, c) => make(township, 'community', `村${t}-${c}`)),
      });
    }
    for (let i = 0; i < rows.length; i += 100)
      await db.db
        .insertInto('regions')
        .values(rows.slice(i, i + 100))
        .execute();
    return { county, towns };
  } finally {
    await db.close();
  }
}

/** A volunteer account checked in on a shift going on now at a new checkpoint of `community`. */
async function volunteerOnDuty(config: DatabaseConfig, county: Place, community: Place) {
  const db = connect(config);
  try {
    const now = nowIso();
    const accountId = newId();
    const login = `bench-volunteer-${accountId.slice(-6)}`;
    await db.db
      .insertInto('accounts')
      .values({
        id: accountId,
        login,
        name: '压测志愿者',
        mobile: '13900001111',
        passwordHash: await hashPassword(PASSWORD),
        status: 'active',
        mustChangePassword: 0,
        language: 'zh-CN',
        createdAt: now,
        updatedAt: now,
        passwordChangedAt: now,
      })
      .execute();
    await db.db
      .insertInto('roleGrants')
      .values({ id: newId(), accountId, role: 'volunteer', regionId: community.id, createdAt: now })
      .execute();
    const volunteerId = newId();
    await db.db
      .insertInto('volunteers')
      .values({
        id: volunteerId,
        pledgeId: null,
        accountId,
        name: '压测志愿者',
        gender: 'male',
        // Never read on this path: the passage route does not show the volunteer's ID number.
        idNumberEnc: 'bench',
        idNumberIndex: `bench-${volunteerId}`,
        mobile: '13900001111',
        partyMember: 1,
        partyBranch: null,
        unitId: null,
        unitName: null,
        homeAddress: '压测路 1 号',
        regionId: community.id,
        skills: '[]',
        availability: '[]',
        status: 'active',
        statusReason: null,
        statusSince: now.slice(0, 10),
        createdAt: now,
        updatedAt: now,
      })
      .execute();
    const checkpoint = await makeCheckpoint(db.db, { regionId: community.id, name: '压测卡点' });
    const rosterId = await makeRoster(db.db, { regionId: county.id });
    const shiftId = await makeShift(db.db, {
      rosterId,
      checkpointId: checkpoint.id,
      startsAt: inMinutes(-60),
      endsAt: inMinutes(8 * 60),
    });
    await assign(db.db, { rosterId, shiftId, volunteerId, checkedInAt: inMinutes(-55) });
    return { login, accountId, checkpointId: checkpoint.id };
  } finally {
    await db.close();
  }
}

export async function benchPassageWrite(config: DatabaseConfig, dir: string, s: Settings): Promise<Comparison[]> {
  const kind = config.kind;
  const { countyId } = await prepareDatabase(config, 0);
  const { county, towns } = await addRegions(config, countyId, 1, 1);
  const community = towns[0]!.communities[0]!;
  const volunteer = await volunteerOnDuty(config, county, community);
  const target = config.kind === 'sqlite' ? config.file : config.url;
  const servers: ServerChild[] = [];
  try {
    const api = await startRedvest(config, { dataDir: dir, logFile: join(dir, `redvest-passages-${kind}.log`), core: 0 });
    servers.push(api);
    const bare = await startBare(kind, dir, target);
    servers.push(bare);
    const session = await signIn(api.url, volunteer.login);
    const entry = {
      checkpointId: volunteer.checkpointId,
      direction: 'in',
      subject: 'person',
      name: '张三',
      mobile: '13800138000',
      originCode: '411702',
      temperature: 36.5,
      purpose: 'home',
      leaflets: 1,
    };
    const auth = { cookie: session.cookie, 'x-csrf-token': session.csrf };
    const post = (server: ServerChild, path: string, body: object, headers: Record<string, string> = {}) => ({
      url: server.url,
      method: 'POST' as const,
      path,
      body: JSON.stringify(body),
      headers: { 'content-type': 'application/json', ...headers },
      connections: s.connections,
    });
    const check = await fetch(`${api.url}/api/v1/passages`, {
      method: 'POST',
      headers: { 'content-type': 'application/json', ...auth },
      body: JSON.stringify(entry),
    });
    if (check.status !== 201) throw new Error(`passage create: ${check.status} ${await check.text()}`);
    const bareBody = { ...entry, regionId: community.id, recordedBy: volunteer.accountId };
    const [ours, keyed, insert] = await alternate(
      [
        cannon(`API passage (${kind})`, post(api, '/api/v1/passages', entry, auth)),
        cannon(
          `API passage + Idempotency-Key (${kind})`,
          post(api, '/api/v1/passages', entry, { ...auth, 'idempotency-key': '[<id>]' }),
        ),
        cannon(`bare INSERT passage (${kind})`, post(bare, '/passages', bareBody)),
      ],
      s,
    );
    return [
      throughput(`9. passage entry by a volunteer on duty vs bare INSERT (${kind})`, ours!, insert!, TARGET),
      throughput(`9b. the same with an Idempotency-Key (${kind})`, keyed!, insert!),
    ];
  } finally {
    for (const server of servers) await server.stop();
  }
}

/**
 * `rows` passages over the last `days` days at these checkpoints, written straight into the file
 * with the table's indexes dropped and rebuilt afterwards (as a bulk load would).
 */
function seedPassages(
  file: string,
  checkpoints: { id: string; regionId: string }[],
  recordedBy: string,
  rows: number,
  days: number,
  today: string,
) {
  const sqlite = openSqlite(file);
  try {
    const indexes = sqlite
      .prepare(`SELECT name, sql FROM sqlite_master WHERE type = 'index' AND tbl_name = 'passages' AND sql IS NOT NULL`)
      .all() as { name: string; sql: string }[];
    for (const index of indexes) sqlite.exec(`DROP INDEX ${index.name}`);
    const insert = sqlite.prepare(
      `INSERT INTO passages (id, checkpoint_id, region_id, recorded_by, direction, subject, people, name, mobile, plate,
        origin_code, origin_name, from_risk_area, temperature, remeasured, fever, purpose, leaflets, occurred_at, occurred_on,
        created_at, updated_at) VALUES (?, ?, ?, ?, ?, ?, ?, NULL, NULL, NULL, ?, NULL, ?, ?, NULL, ?, 'home', ?, ?, ?, ?, ?)`,
    );
    const random = prng(20200210);
    const dates = Array.from({ length: days }, (_, i) => addDays(today, i - days + 1));
    const BATCH = 100_000;
    for (let done = 0; done < rows; done += BATCH) {
      sqlite.transaction(() => {
        for (let i = done; i < Math.min(rows, done + BATCH); i++) {
          const cp = checkpoints[Math.floor(random() * checkpoints.length)]!;
          const date = dates[Math.floor(random() * days)]!;
          const at = `${date}T0${Math.floor(random() * 10)}:00:00.000Z`;
          const vehicle = random() < 0.3;
          const fever = random() < 0.002;
          insert.run(
            newId(),
            cp.id,
            cp.regionId,
            recordedBy,
            random() < 0.5 ? 'in' : 'out',
            vehicle ? 'vehicle' : 'person',
            vehicle ? 1 + Math.floor(random() * 4) : 1,
            '411702',
            random() < 0.01 ? 1 : 0,
            fever ? 37.8 : 36.5,
            fever ? 1 : 0,
            random() < 0.3 ? 1 : 0,
            at,
            date,
            at,
            at,
          );
        }
      })();
    }
    for (const index of indexes) sqlite.exec(index.sql);
    sqlite.exec('ANALYZE');
  } finally {
    sqlite.close();
  }
}

export async function benchPassageCounts(dir: string, s: Settings): Promise<Comparison[]> {
  const rows = s.quick ? 1_000_000 : 10_000_000;
  const file = join(dir, 'passages.db');
  const config: DatabaseConfig = { kind: 'sqlite', file };
  const { countyId, logins } = await prepareDatabase(config, 1);
  // 10 townships × 10 communities × 10 checkpoints: 1,000 checkpoints, ≈ 360 passages each a day.
  const { county, towns } = await addRegions(config, countyId, 10, 10);
  const db = connect(config);
  const checkpoints: { id: string; regionId: string }[] = [];
  let recorder: string;
  try {
    recorder = (await db.db.selectFrom('accounts').select('id').where('login', '=', logins[0]!).executeTakeFirstOrThrow()).id;
    for (const town of towns)
      for (const community of town.communities)
        for (let i = 0; i < 10; i++)
          checkpoints.push({ id: (await makeCheckpoint(db.db, { regionId: community.id })).id, regionId: community.id });
  } finally {
    await db.close();
  }
  const today = calendarDate(TIME_ZONE, new Date());
  const began = performance.now();
  seedPassages(file, checkpoints, recorder, rows, DAYS, today);
  console.log(`  seeded ${rows} passages in ${((performance.now() - began) / 1000).toFixed(1)} s`);
  const api = await startRedvest(config, { dataDir: dir, logFile: join(dir, 'redvest-counts.log'), core: 0 });
  try {
    const session = await signIn(api.url, logins[0]!);
    const auth = { cookie: session.cookie, 'x-csrf-token': session.csrf };
    const scope = { all: false as const, paths: [county.path] };
    const week = { from: addDays(today, -6), to: today };
    const town = towns[3]!.township;
    const shapes = [
      {
        name: `10. daily counts of one checkpoint over a week at ${rows} passages vs direct SQL (p95)`,
        path: `/api/v1/passages/counts?checkpointId=${checkpoints[123]!.id}&from=${week.from}&to=${week.to}`,
        filter: { checkpointId: checkpoints[123]!.id, ...week },
      },
      {
        name: `10b. daily counts of a township's 100 checkpoints on one day at ${rows} passages vs direct SQL (p95)`,
        path: `/api/v1/passages/counts?regionId=${town.id}&from=${today}&to=${today}`,
        filter: { regionPath: town.path, from: today, to: today },
      },
    ];
    const results: Comparison[] = [];
    for (const shape of shapes) {
      const check = await fetch(`${api.url}${shape.path}`, { headers: auth });
      const body = (await check.json()) as { items: unknown[]; totals: { entries: number } };
      if (check.status !== 200 || body.items.length === 0)
        throw new Error(`counts: ${check.status} ${JSON.stringify(body).slice(0, 300)}`);
      console.log(`  ${shape.path.split('?')[1]}: ${body.items.length} checkpoint-days, ${body.totals.entries} passages`);
      const direct = directQuery(file, await captureSqlite(file, (q) => countsOf(q, scope, shape.filter)));
      try {
        const ours = cannon(`API GET /passages/counts`, { url: api.url, path: shape.path, headers: auth, connections: 1 });
        const [o, b] = await alternate([ours, direct], s);
        results.push({ name: shape.name, ours: o!, bare: b!, ratio: b!.p95 / o!.p95, ratioOf: 'p95 bare ÷ ours' });
      } finally {
        direct.close();
      }
    }
    return results;
  } finally {
    await api.stop();
  }
}
