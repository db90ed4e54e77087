/**
 * 16. Disinfection totals of a city over a month (GET /api/v1/disinfection/totals) at 300,000 logs
 * (50,000 with --quick) in 10 counties × 10 townships × 5 communities × 4 grids, one place per
 * community, spread over the last 30 days, on SQLite, signed in as a commander of the city, against
 * the statements `logs.repository` sends for it (the per-child-region aggregate and the child
 * regions) run straight on the file. One request at a time on each side; p95. The answer is
 * checked against a count of the raw rows first.
 */
import { join } from 'node:path';
import type { DatabaseConfig } from '../../server/config.ts';
import { childRegions, totalsUnder } from '../../server/features/disinfection/logs.repository.ts';
import { addDays, calendarDate } from '../../server/platform/dates.ts';
import { openSqlite } from '../../server/platform/db/connect.ts';
import { newId, nowIso } from '../../server/platform/db/ids.ts';
import { captureSqlite, directQuery } from '../lib/direct.ts';
import { alternate, cannon } from '../lib/load.ts';
import { prepareDatabase, signIn, startRedvest } from '../lib/redvest.ts';
import type { Comparison, Settings } from '../lib/report.ts';
import { prng } from '../lib/seed.ts';

const TIME_ZONE = 'Asia/Shanghai';
const DAYS = 30;
const AGENTS = [
  ['含氯消毒剂', '500 mg/L'],
  ['含氯消毒剂', '1000 mg/L'],
  ['84消毒液', '1:100'],
  ['75% 酒精', '75%'],
  ['二氧化氯消毒液', '500 mg/L'],
] as const;
const METHODS = ['spray', 'wipe', 'mop', 'fumigate', 'soak'] as const;

interface Region {
  id: string;
  path: string;
}

/**
 * The city's regions (the prepared county is the first of ten), a place per community and the
 * month's logs, written straight into the file in one transaction with prepared statements, the
 * logs' indexes dropped and rebuilt after (as a bulk load would). A commander grant over the city
 * goes to the bench account.
 */
function seed(file: string, city: Region, county: Region, account: string, logs: number): void {
  const sqlite = openSqlite(file);
  const today = calendarDate(TIME_ZONE);
  const now = nowIso();
  try {
    const indexes = sqlite
      .prepare(`SELECT name, sql FROM sqlite_master WHERE type = 'index' AND tbl_name = 'disinfection_logs' AND sql IS NOT NULL`)
      .all() as { name: string; sql: string }[];
    for (const index of indexes) sqlite.exec(`DROP INDEX ${index.name}`);
    const region = sqlite.prepare(
      `INSERT INTO regions (id, parent_id, code, name, level, path, sort_order, created_at, updated_at) VALUES (?, ?, NULL, ?, ?, ?, ?, ?, ?)`,
    );
    const place = sqlite.prepare(
      `INSERT INTO disinfection_places (id, region_id, kind, name, address, area_m2, checkpoint_id, active, note, created_by, created_at, updated_at)
       VALUES (?, ?, 'estate_public', ?, NULL, ?, NULL, 1, NULL, NULL, ?, ?)`,
    );
    const log = sqlite.prepare(
      `INSERT INTO disinfection_logs (id, region_id, place_id, schedule_id, case_id, case_service_id, done_at, done_on, by_account_id,
        team_id, people, area_m2, agent, concentration, method, contact_minutes, note, signed_off_by, signed_off_at, sign_off_note, created_at)
       VALUES (?, ?, ?, NULL, NULL, NULL, ?, ?, ?, NULL, ?, ?, ?, ?, ?, 30, NULL, ?, ?, NULL, ?)`,
    );
    const random = prng(20200214);
    sqlite.transaction(() => {
      sqlite
        .prepare(`INSERT INTO role_grants (id, account_id, role, region_id, created_at) VALUES (?, ?, 'commander', ?, ?)`)
        .run(newId(), account, city.id, now);
      const child = (parent: Region, level: string, name: string, order: number): Region => {
        const id = newId();
        const path = `${parent.path}${id}/`;
        region.run(id, parent.id, name, level, path, order, now, now);
        return { id, path };
      };
      const spots: { regionId: string; placeId: string; area: number }[] = [];
      for (let c = 0; c < 10; c++) {
        const countyRegion = c === 0 ? county : child(city, 'county', `县${c}`, c);
        for (let t = 0; t < 10; t++) {
          const town = child(countyRegion, 'township', `镇${c}-${t}`, t);
          for (let m = 0; m < 5; m++) {
            const community = child(town, 'community', `社区${c}-${t}-${m}`, m);
            const placeId = newId();
            const area = 500 + Math.floor(random() * 20_000);
            place.run(placeId, community.id, `社区${c}-${t}-${m}公共区域`, area, now, now);
            spots.push({ regionId: community.id, placeId, area });
            for (let g = 0; g < 4; g++)
              spots.push({ regionId: child(community, 'grid', `第${g + 1}网格`, g).id, placeId, area: area / 4 });
          }
        }
      }
      for (let i = 0; i < logs; i++) {
        const spot = spots[Math.floor(random() * spots.length)]!;
        const day = addDays(today, -Math.floor(random() * DAYS));
        const at = `${day}T0${1 + Math.floor(random() * 8)}:00:00.000Z`;
        const [agent, concentration] = AGENTS[Math.floor(random() * AGENTS.length)]!;
        const signed = random() < 0.8;
        log.run(
          newId(),
          spot.regionId,
          spot.placeId,
          at,
          day,
          account,
          1 + Math.floor(random() * 6),
          Math.round(spot.area * (0.8 + random() * 0.4)),
          agent,
          concentration,
          METHODS[Math.floor(random() * METHODS.length)]!,
          signed ? account : null,
          signed ? at : null,
          at,
        );
      }
    })();
    for (const index of indexes) sqlite.exec(index.sql);
    sqlite.exec('ANALYZE');
  } finally {
    sqlite.close();
  }
}

/** The month's logs under the city counted from the rows themselves, to check the answer against. */
function countLogs(file: string, from: string, to: string): { operations: number; areaM2: number } {
  const sqlite = openSqlite(file);
  try {
    return sqlite
      .prepare(`SELECT COUNT(*) AS operations, SUM(area_m2) AS areaM2 FROM disinfection_logs WHERE done_on BETWEEN ? AND ?`)
      .get(from, to) as { operations: number; areaM2: number };
  } finally {
    sqlite.close();
  }
}

export async function benchDisinfectionTotals(dir: string, s: Settings): Promise<Comparison[]> {
  const logs = s.quick ? 50_000 : 300_000;
  const file = join(dir, 'disinfection.db');
  const config: DatabaseConfig = { kind: 'sqlite', file };
  const { countyId, logins } = await prepareDatabase(config, 1);
  const sqlite = openSqlite(file);
  const county = sqlite.prepare('SELECT id, path, parent_id AS parentId FROM regions WHERE id = ?').get(countyId) as Region & {
    parentId: string;
  };
  const city = sqlite.prepare('SELECT id, path FROM regions WHERE id = ?').get(county.parentId) as Region;
  const account = (sqlite.prepare('SELECT id FROM accounts WHERE login = ?').get(logins[0]) as { id: string }).id;
  sqlite.close();
  const began = performance.now();
  seed(file, city, county, account, logs);
  console.log(`  seeded ${logs} disinfection logs over the city in ${((performance.now() - began) / 1000).toFixed(1)} s`);
  const to = calendarDate(TIME_ZONE);
  const from = addDays(to, -(DAYS - 1));
  const api = await startRedvest(config, { dataDir: dir, logFile: join(dir, 'redvest-disinfection.log'), core: 0 });
  try {
    const session = await signIn(api.url, logins[0]!);
    const auth = { cookie: session.cookie, 'x-csrf-token': session.csrf };
    const path = `/api/v1/disinfection/totals?regionId=${city.id}&from=${from}&to=${to}`;
    const check = await fetch(`${api.url}${path}`, { headers: auth });
    const body = (await check.json()) as { total: { operations: number; areaM2: number }; children: unknown[] };
    const counted = countLogs(file, from, to);
    if (
      check.status !== 200 ||
      body.total?.operations !== counted.operations ||
      Math.abs(body.total.areaM2 - counted.areaM2) > 1 ||
      body.children.length !== 10
    ) {
      throw new Error(`disinfection totals: ${check.status} ${JSON.stringify(body).slice(0, 300)}`);
    }
    console.log(`  city: ${body.total.operations} operations, ${Math.round(body.total.areaM2)} m² in 10 counties`);
    const direct = directQuery(
      file,
      await captureSqlite(file, async (q) => {
        await totalsUnder(q, city, { from, to });
        await childRegions(q, city.id);
      }),
    );
    try {
      const ours = cannon('API GET /disinfection/totals', { url: api.url, path, headers: auth, connections: 1 });
      const [o, b] = await alternate([ours, direct], s);
      return [
        {
          name: `15. disinfection totals of a city over a month at ${logs} logs vs direct SQL (p95)`,
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
    await api.stop();
  }
}
