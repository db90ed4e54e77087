/**
 * 16. An errand order as the resident's phone sends it through the household's link (POST
 * /api/v1/e/:token/orders with an Idempotency-Key: token → household → grid → post, the day's
 * limit, the goods and their limits, the day's order number, order + items + first step + audit +
 * event in one transaction, the answer) against a bare Fastify route doing the single INSERT into
 * `errand_orders` on the same database. On SQLite and, when it can be reached, PostgreSQL.
 *
 * 17. From an order's submission to its arrival on a volunteer's event stream, with 1,000
 * volunteers' streams connected (10 on each of 100 grids): the order's `errandOrder.created`
 * event read by the hub and handed to the streams allowed to see it. Measured in the same
 * requests as the submission's own answer (the commit acknowledged), which is the baseline.
 * SQLite. p95.
 */
import { randomBytes } from 'node:crypto';
import { join } from 'node:path';
import type { DatabaseConfig } from '../../server/config.ts';
import { newResidentToken } from '../../server/features/quarantine/resident-tokens.service.ts';
import { createSession } from '../../server/platform/auth/sessions.ts';
import { tokenHash } from '../../server/platform/auth/tokens.ts';
import { connect, type Db } from '../../server/platform/db/connect.ts';
import { newId, nowIso } from '../../server/platform/db/ids.ts';
import { openStream, type SseStream } from '../../test/sse.ts';
import { startBare } from '../lib/bare.ts';
import type { ServerChild } from '../lib/children.ts';
import { alternate, cannon, percentile, type Measured } from '../lib/load.ts';
import { prepareDatabase, startRedvest } from '../lib/redvest.ts';
import { throughput, type Comparison, type Settings } from '../lib/report.ts';
import { childRegion } from '../lib/seed.ts';

const TARGET = 0.55;
/** Rows per multi-row INSERT: under both databases' bound-parameter limits. */
const CHUNK = 500;
/** The day's limit per household, raised so a few thousand households carry a whole run. */
const ERRAND_ENV = { REDVEST_ERRAND_ORDERS_PER_DAY: '50' };
const ORDER = {
  items: [
    { goodsId: 'goods-rice', quantity: 5 },
    { goodsId: 'goods-eggs', quantity: 2 },
    { goodsId: 'goods-vegetables', quantity: 3 },
    { name: '酱油', unit: '瓶', quantity: 1 },
  ],
  contactName: '王秀英',
  contactMobile: '13900001234',
  note: '放门口即可，到了打电话',
  payment: 'on_delivery',
};

interface Grid {
  id: string;
  postId: string;
  tokens: string[];
  householdIds: string[];
}

/**
 * One township of `communities` communities with `gridsEach` grids, a team and an errand post
 * per grid, and `households` households per grid, each with its errand link (only the hash is
 * stored; the tokens stay in memory).
 */
async function seedGrids(db: Db, countyId: string, communities: number, gridsEach: number, households: number): Promise<Grid[]> {
  const county = await db.db.selectFrom('regions').select(['id', 'path']).where('id', '=', countyId).executeTakeFirstOrThrow();
  const now = nowIso();
  const region = (parent: { id: string; path: string }, level: string, name: string) => childRegion(parent, level, name, now);
  const township = region(county, 'township', '压测街道');
  await db.db.insertInto('regions').values(township).execute();
  const expiresAt = nowIso(new Date(Date.now() + 30 * 86_400_000));
  const grids: Grid[] = [];
  for (let c = 0; c < communities; c++) {
    const community = region(township, 'community', `压测社区${c}`);
    const gridRows = Array.from({ length: gridsEach }, (_, g) => region(community, 'grid', `第${g + 1}网格`));
    await db.db
      .insertInto('regions')
      .values([community, ...gridRows])
      .execute();
    const teamId = newId();
    await db.db
      .insertInto('teams')
      .values({
        id: teamId,
        parentTeamId: null,
        name: `压测社区${c}代办队`,
        kind: 'volunteer_service',
        regionId: community.id,
        leaderVolunteerId: null,
        description: null,
        branchName: null,
        branchSecretaryId: null,
        createdAt: now,
        updatedAt: now,
      })
      .execute();
    for (const g of gridRows) {
      const postId = newId();
      await db.db
        .insertInto('errandPosts')
        .values({
          id: postId,
          regionId: g.id,
          teamId,
          name: `${g.name}代办岗`,
          address: null,
          phone: null,
          responseMinutes: null,
          active: 1,
          createdBy: null,
          createdAt: now,
          updatedAt: now,
        })
        .execute();
      const grid: Grid = { id: g.id, postId, tokens: [], householdIds: [] };
      const homes = [];
      const links = [];
      for (let h = 0; h < households; h++) {
        const id = newId();
        const token = newResidentToken();
        homes.push({
          id,
          regionId: g.id,
          building: `${1 + Math.floor(h / 24)}号楼`,
          unit: '1单元',
          room: String(101 + (h % 24)),
          address: `压测社区${c}${g.name}${1 + Math.floor(h / 24)}号楼1单元${101 + (h % 24)}室`,
          housing: 'owner',
          note: null,
          createdAt: now,
          updatedAt: now,
        });
        links.push({
          id: newId(),
          purpose: 'errand',
          caseId: null,
          householdId: id,
          tokenHash: tokenHash(token),
          expiresAt,
          revokedAt: null,
          createdBy: null,
          createdAt: now,
        });
        grid.tokens.push(token);
        grid.householdIds.push(id);
      }
      for (let i = 0; i < homes.length; i += CHUNK) {
        await db.db
          .insertInto('households')
          .values(homes.slice(i, i + CHUNK))
          .execute();
        await db.db
          .insertInto('residentTokens')
          .values(links.slice(i, i + CHUNK))
          .execute();
      }
      grids.push(grid);
    }
  }
  return grids;
}

export async function benchErrandOrderWrite(config: DatabaseConfig, dir: string, s: Settings): Promise<Comparison[]> {
  const kind = config.kind;
  const { countyId } = await prepareDatabase(config, 0);
  const db = connect(config);
  const servers: ServerChild[] = [];
  try {
    const began = performance.now();
    const grids = await seedGrids(db, countyId, 10, 4, s.quick ? 50 : 125);
    const tokens = grids.flatMap((g) => g.tokens);
    const homes = grids.flatMap((g) => g.householdIds.map((householdId) => ({ householdId, regionId: g.id, postId: g.postId })));
    console.log(`  seeded ${tokens.length} households with errand links in ${((performance.now() - began) / 1000).toFixed(1)} s`);
    const api = await startRedvest(config, {
      dataDir: dir,
      logFile: join(dir, `redvest-errands-${kind}.log`),
      core: 0,
      env: ERRAND_ENV,
    });
    servers.push(api);
    const bare = await startBare(kind, dir, kind === 'sqlite' ? config.file : config.url);
    servers.push(bare);
    const check = await fetch(`${api.url}/api/v1/e/${tokens[0]}/orders`, {
      method: 'POST',
      headers: { 'content-type': 'application/json', 'idempotency-key': randomBytes(12).toString('hex') },
      body: JSON.stringify(ORDER),
    });
    if (check.status !== 201) throw new Error(`errand order: ${check.status} ${await check.text()}`);
    let n = 1;
    const ours = cannon(`API errand order (${kind})`, {
      url: api.url,
      method: 'POST',
      path: '/api/v1/e/-/orders',
      body: JSON.stringify(ORDER),
      headers: { 'content-type': 'application/json', 'idempotency-key': '[<id>]' },
      connections: s.connections,
      // The households in turn; one past its day's limit would answer 422 and count as failed.
      setupRequest: (req) => ({ ...req, path: `/api/v1/e/${tokens[n++ % tokens.length]}/orders` }),
    });
    let b = 0;
    const insert = cannon(`bare INSERT errand order (${kind})`, {
      url: bare.url,
      method: 'POST',
      path: '/errand-orders',
      headers: { 'content-type': 'application/json' },
      connections: s.connections,
      setupRequest: (req) => ({
        ...req,
        body: JSON.stringify({ ...homes[b++ % homes.length], ...ORDER, address: '压测社区1号楼1单元101室' }),
      }),
    });
    const [o, i] = await alternate([ours, insert], s);
    const most = Math.ceil(n / tokens.length);
    console.log(`  ${n} orders through ${tokens.length} links (at most ${most} per household)`);
    return [throughput(`16. errand order through the household link vs bare INSERT (${kind})`, o!, i!, TARGET)];
  } finally {
    for (const server of servers) await server.stop();
    await db.close();
  }
}

/** `count` volunteer accounts, `perGrid` on each grid with a grant there, each signed in (a session row, the token kept). */
async function volunteerSessions(db: Db, grids: Grid[], perGrid: number): Promise<{ gridId: string; token: string }[]> {
  const now = nowIso();
  const out: { gridId: string; token: string }[] = [];
  for (const [g, grid] of grids.entries()) {
    const accounts = Array.from({ length: perGrid }, (_, v) => ({
      id: newId(),
      login: `bench-v-${g}-${v}-${randomBytes(3).toString('hex')}`,
      name: '志愿者',
      mobile: `137${String(g * perGrid + v).padStart(8, '0')}`,
      passwordHash: 'bench',
      status: 'active',
      mustChangePassword: 0,
      language: 'zh-CN',
      createdAt: now,
      updatedAt: now,
      passwordChangedAt: now,
    }));
    await db.db.insertInto('accounts').values(accounts).execute();
    await db.db
      .insertInto('roleGrants')
      .values(accounts.map((a) => ({ id: newId(), accountId: a.id, role: 'volunteer', regionId: grid.id, createdAt: now })))
      .execute();
    for (const a of accounts) {
      const token = await createSession(
        db.db,
        a.id,
        { idleSeconds: 86_400, absoluteSeconds: 86_400 },
        { ip: null, userAgent: 'bench' },
      );
      out.push({ gridId: grid.id, token });
    }
  }
  return out;
}

export async function benchErrandArrival(dir: string, s: Settings): Promise<Comparison[]> {
  const config: DatabaseConfig = { kind: 'sqlite', file: join(dir, 'errands-arrival.db') };
  const { countyId } = await prepareDatabase(config, 0);
  const db = connect(config);
  const streams: SseStream[] = [];
  let api: ServerChild | null = null;
  try {
    const grids = await seedGrids(db, countyId, 25, 4, 10);
    const sessions = await volunteerSessions(db, grids, 10);
    api = await startRedvest(config, {
      dataDir: dir,
      logFile: join(dir, 'redvest-errands-arrival.log'),
      core: 0,
      env: ERRAND_ENV,
    });
    // When each order's event reached the first volunteer of its grid.
    const arrived = new Map<string, number>();
    const watcher = new Set(grids.map((g) => sessions.find((x) => x.gridId === g.id)!.token));
    const began = performance.now();
    for (let i = 0; i < sessions.length; i += 50) {
      const batch = sessions.slice(i, i + 50);
      streams.push(
        ...(await Promise.all(
          batch.map((x) =>
            openStream(
              api!.url,
              x.token,
              undefined,
              watcher.has(x.token)
                ? (e) => {
                    if (e.type === 'errandOrder.created' && e.data.entityId) arrived.set(e.data.entityId, performance.now());
                  }
                : undefined,
            ),
          ),
        )),
      );
    }
    console.log(`  ${streams.length} volunteers' streams connected in ${((performance.now() - began) / 1000).toFixed(1)} s`);

    const answer: number[] = [];
    const arrival: number[] = [];
    let ok = 0;
    let failed = 0;
    let next = 0;
    /** Orders from `concurrency` households at a time, for `seconds`; each waits for its event (5 s at most). */
    const run = async (seconds: number, record: boolean) => {
      const end = performance.now() + seconds * 1000;
      const submitter = async () => {
        while (performance.now() < end) {
          const grid = grids[next % grids.length]!;
          const token = grid.tokens[Math.floor(next / grids.length) % grid.tokens.length]!;
          next++;
          const t0 = performance.now();
          const res = await fetch(`${api!.url}/api/v1/e/${token}/orders`, {
            method: 'POST',
            headers: { 'content-type': 'application/json', 'idempotency-key': randomBytes(12).toString('hex') },
            body: JSON.stringify(ORDER),
          });
          const t1 = performance.now();
          const body = (await res.json()) as { id?: string };
          if (res.status !== 201 || !body.id) {
            failed++;
            continue;
          }
          const id = body.id;
          const t2 = await new Promise<number | null>((resolve) => {
            const deadline = performance.now() + 5_000;
            const poll = () => {
              const at = arrived.get(id);
              if (at !== undefined) return resolve(at);
              if (performance.now() > deadline) return resolve(null);
              setImmediate(poll);
            };
            poll();
          });
          if (t2 === null) {
            failed++;
            continue;
          }
          arrived.delete(id);
          if (!record) continue;
          ok++;
          answer.push(t1 - t0);
          arrival.push(t2 - t0);
        }
      };
      await Promise.all(Array.from({ length: 4 }, submitter));
    };
    if (s.warmupSeconds > 0) await run(s.warmupSeconds, false);
    const measured = s.rounds * s.seconds;
    await run(measured, true);
    const side = (label: string, times: number[]): Measured => {
      const sorted = [...times].sort((a, b) => a - b);
      return {
        label,
        rps: ok / measured,
        p50: percentile(sorted, 50),
        p95: percentile(sorted, 95),
        p99: percentile(sorted, 99),
        ok,
        failed,
        seconds: measured,
      };
    };
    const ours = side('order → volunteer’s stream', arrival);
    const bare = side('order → its own answer', answer);
    return [
      {
        name: `17. errand order to a volunteer’s event stream, ${streams.length} streams connected, 4 residents ordering (SQLite, p95)`,
        ours,
        bare,
        ratio: bare.p95 / ours.p95,
        ratioOf: 'p95 answer ÷ arrival',
      },
    ];
  } finally {
    for (const stream of streams) stream.close();
    if (api) await api.stop();
    await db.close();
  }
}
