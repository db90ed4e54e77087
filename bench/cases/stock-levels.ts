/**
 * 15. Stock levels (GET /api/v1/supplies/stock) for 1,000 stores over 1,000,000 movements
 * (100,000 with --quick) on SQLite: one store (14) and a county's 100 stores (14b), as the
 * county's manager, against the bare aggregate over the movements (`select store_id, item_id,
 * sum(delta) … group by …`) for the same stores run straight on the file. Ours reads
 * `stock_levels`, which every movement keeps in the same transaction, so it may well beat the
 * aggregate: that is the point of keeping it. One request at a time on each side; p95.
 */
import { join } from 'node:path';
import { sql } from 'kysely';
import type { DatabaseConfig } from '../../server/config.ts';
import { addDays, calendarDate } from '../../server/platform/dates.ts';
import { openSqlite } from '../../server/platform/db/connect.ts';
import { newId, nowIso } from '../../server/platform/db/ids.ts';
import { captureSqlite, directQuery } from '../lib/direct.ts';
import { alternate, cannon } from '../lib/load.ts';
import { prepareDatabase, signIn, startRedvest } from '../lib/redvest.ts';
import type { Comparison, Settings } from '../lib/report.ts';
import { prng } from '../lib/seed.ts';

const TIME_ZONE = 'Asia/Shanghai';
const COUNTIES = 10;
const TOWNSHIPS = 9;
const COMMUNITIES = 11;

interface Seeded {
  /** A community store of the manager's county. */
  storeId: string;
  countyPath: string;
  stores: number;
}

/**
 * Ten counties (the first the manager's) of 1 county store + 99 community stores each, and the
 * movements of every store × catalogue item written straight into the file in one transaction
 * (prepared statements, the movement indexes dropped and rebuilt after, as a bulk load would);
 * each pair starts with a donation and never goes below zero; `stock_levels` gets each pair's sum.
 */
function seed(
  file: string,
  county: { id: string; path: string; cityId: string; cityPath: string },
  by: string,
  movements: number,
): Seeded {
  const sqlite = openSqlite(file);
  const now = nowIso();
  const today = calendarDate(TIME_ZONE);
  try {
    const items = (sqlite.prepare('SELECT id FROM supply_items ORDER BY code').all() as { id: string }[]).map((r) => r.id);
    const indexes = sqlite
      .prepare(`SELECT name, sql FROM sqlite_master WHERE type = 'index' AND tbl_name = 'stock_movements' AND sql IS NOT NULL`)
      .all() as { name: string; sql: string }[];
    for (const index of indexes) sqlite.exec(`DROP INDEX ${index.name}`);
    const region = sqlite.prepare(
      `INSERT INTO regions (id, parent_id, code, name, level, path, sort_order, created_at, updated_at) VALUES (?, ?, NULL, ?, ?, ?, 0, ?, ?)`,
    );
    const store = sqlite.prepare(
      `INSERT INTO stores (id, region_id, name, address, keeper_account_id, active, created_at, updated_at) VALUES (?, ?, ?, NULL, NULL, 1, ?, ?)`,
    );
    const movement = sqlite.prepare(
      `INSERT INTO stock_movements (id, store_id, item_id, delta, kind, donation_id, allocation_id, transfer_id, reverses_id, at, on_date,
        by_account_id, note, created_at) VALUES (?, ?, ?, ?, ?, NULL, NULL, NULL, NULL, ?, ?, ?, NULL, ?)`,
    );
    const level = sqlite.prepare(
      `INSERT INTO stock_levels (store_id, item_id, quantity, low_at, updated_at) VALUES (?, ?, ?, ?, ?)`,
    );
    const random = prng(20200210);
    const storeIds: string[] = [];
    let first = '';
    sqlite.transaction(() => {
      const child = (parent: { id: string; path: string }, level: string, name: string) => {
        const id = newId();
        const path = `${parent.path}${id}/`;
        region.run(id, parent.id, name, level, path, now, now);
        return { id, path };
      };
      const counties = [
        county,
        ...Array.from({ length: COUNTIES - 1 }, (_, c) =>
          child({ id: county.cityId, path: county.cityPath }, 'county', `县${c + 1}`),
        ),
      ];
      for (const [c, co] of counties.entries()) {
        const countyStore = newId();
        store.run(countyStore, co.id, `县物资库${c}`, now, now);
        storeIds.push(countyStore);
        for (let t = 0; t < TOWNSHIPS; t++) {
          const town = child(co, 'township', `镇${c}-${t}`);
          for (let m = 0; m < COMMUNITIES; m++) {
            const community = child(town, 'community', `社区${c}-${t}-${m}`);
            const id = newId();
            store.run(id, community.id, `社区物资点${c}-${t}-${m}`, now, now);
            storeIds.push(id);
            if (c === 0 && !first) first = id;
          }
        }
      }
      const pairs = storeIds.length * items.length;
      const perPair = Math.max(1, Math.round(movements / pairs));
      for (const storeId of storeIds) {
        for (const itemId of items) {
          let quantity = 0;
          for (let k = 0; k < perPair; k++) {
            const day = addDays(today, -Math.floor(random() * 28));
            const at = `${day}T04:00:00.000Z`;
            // In first, then out about as often as in, never below zero.
            const out = k > 0 && random() < 0.5 && quantity > 0;
            const delta = out ? -Math.max(1, Math.floor(random() * quantity)) : 1 + Math.floor(random() * 500);
            quantity += delta;
            movement.run(newId(), storeId, itemId, delta, out ? 'allocation' : 'donation', at, day, by, at);
          }
          level.run(storeId, itemId, quantity, random() < 0.2 ? 100 : null, now);
        }
      }
    })();
    for (const index of indexes) sqlite.exec(index.sql);
    sqlite.exec('ANALYZE');
    return { storeId: first, countyPath: county.path, stores: storeIds.length };
  } finally {
    sqlite.close();
  }
}

/** The bare aggregate of the same stores' movements, summed, to check our answer against. */
function aggregateTotal(file: string, storeSql: string, parameter: string): number {
  const sqlite = openSqlite(file);
  try {
    const row = sqlite
      .prepare(`SELECT SUM(delta) AS total FROM stock_movements WHERE store_id IN (${storeSql})`)
      .get(parameter) as {
      total: number;
    };
    return row.total;
  } finally {
    sqlite.close();
  }
}

const COUNTY_STORES = `SELECT s.id FROM stores s JOIN regions r ON r.id = s.region_id WHERE r.path LIKE ?`;

export async function benchStockLevels(dir: string, s: Settings): Promise<Comparison[]> {
  const movements = s.quick ? 100_000 : 1_000_000;
  const file = join(dir, 'stock.db');
  const config: DatabaseConfig = { kind: 'sqlite', file };
  const { countyId, logins } = await prepareDatabase(config, 1);
  const sqlite = openSqlite(file);
  const county = sqlite.prepare('SELECT id, path, parent_id AS cityId FROM regions WHERE id = ?').get(countyId) as {
    id: string;
    path: string;
    cityId: string;
  };
  const cityPath = (sqlite.prepare('SELECT path FROM regions WHERE id = ?').get(county.cityId) as { path: string }).path;
  const by = (sqlite.prepare('SELECT id FROM accounts WHERE login = ?').get(logins[0]) as { id: string }).id;
  sqlite.close();
  const began = performance.now();
  const seeded = seed(file, { ...county, cityPath }, by, movements);
  console.log(
    `  seeded ${seeded.stores} stores and ${movements} movements in ${((performance.now() - began) / 1000).toFixed(1)} s`,
  );
  const api = await startRedvest(config, { dataDir: dir, logFile: join(dir, 'redvest-stock.log'), core: 0 });
  try {
    const session = await signIn(api.url, logins[0]!);
    const headers = { cookie: session.cookie, 'x-csrf-token': session.csrf };
    const one = `/api/v1/supplies/stock?storeId=${seeded.storeId}&limit=5000`;
    const many = `/api/v1/supplies/stock?regionId=${countyId}&limit=5000`;
    // Our answers must be the aggregate's before either is timed.
    for (const [path, storeSql, parameter] of [
      [one, 'SELECT ?', seeded.storeId],
      [many, COUNTY_STORES, `${seeded.countyPath}%`],
    ] as const) {
      const res = await fetch(`${api.url}${path}`, { headers });
      const body = (await res.json()) as { items: { quantity: number }[]; total: number };
      const ours = body.items.reduce((sum, r) => sum + r.quantity, 0);
      const bare = aggregateTotal(file, storeSql, parameter);
      if (res.status !== 200 || ours !== bare || body.items.length !== body.total) {
        throw new Error(
          `stock ${path}: ${res.status}, ours ${ours} ≠ aggregate ${bare} (${body.items.length}/${body.total} rows)`,
        );
      }
      console.log(
        `  ${path.includes('storeId') ? 'one store' : 'county'}: ${body.total} rows, ${ours} in stock, as the aggregate`,
      );
    }
    // The stores' ids and the county's path are UUIDs and slashes: safe to write into the statement.
    const aggregate = (where: string) =>
      captureSqlite(file, async (q) => {
        await sql`SELECT store_id, item_id, SUM(delta) AS quantity FROM stock_movements WHERE store_id IN (${sql.raw(where)}) GROUP BY store_id, item_id`.execute(
          q,
        );
      });
    const comparisons: Comparison[] = [];
    for (const [name, path, where] of [
      [`14. stock of one store over ${movements} movements vs the bare aggregate (p95)`, one, `'${seeded.storeId}'`],
      [
        `14b. stock of a county's 100 stores over ${movements} movements vs the bare aggregate (p95)`,
        many,
        COUNTY_STORES.replace('?', `'${seeded.countyPath}%'`),
      ],
    ] as const) {
      const direct = directQuery(file, await aggregate(where), 'bare SUM(delta) GROUP BY (better-sqlite3)');
      try {
        const ours = cannon(`API GET ${path.split('?')[0]}`, { url: api.url, path, headers, connections: 1 });
        const [o, b] = await alternate([ours, direct], s);
        comparisons.push({ name, ours: o!, bare: b!, ratio: b!.p95 / o!.p95, ratioOf: 'p95 bare ÷ ours' });
      } finally {
        direct.close();
      }
    }
    return comparisons;
  } finally {
    await api.stop();
  }
}
