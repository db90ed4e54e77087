/**
 * 12. Screening coverage (GET /api/v1/screening/campaigns/:id/coverage) for a county of 1,000,000
 * households (100,000 with --quick) in 10 townships × 10 communities × 10 grids, ~60 % of them
 * visited in one campaign, on SQLite, against the statements the repository sends run straight on
 * the file (the regions under the county and their tally rows). One request at a time on each
 * side; p95. The answer is checked against a count of the raw visit rows first.
 */
import { join } from 'node:path';
import type { DatabaseConfig } from '../../server/config.ts';
import { regionsWithHouseholds, visitCounts } from '../../server/features/households/screening.repository.ts';
import { addDays, calendarDate } from '../../server/platform/dates.ts';
import { openSqlite } from '../../server/platform/db/connect.ts';
import { newId, nowIso } from '../../server/platform/db/ids.ts';
import { captureSqlite, directQuery } from '../lib/direct.ts';
import { alternate, cannon } from '../lib/load.ts';
import { prepareDatabase, signIn, startRedvest } from '../lib/redvest.ts';
import type { Comparison, Settings } from '../lib/report.ts';
import { prng } from '../lib/seed.ts';

const TIME_ZONE = 'Asia/Shanghai';
const SHARE_VISITED = 0.6;

/**
 * The county's regions, its households and one campaign's visits, written straight into the file
 * in one transaction with prepared statements, the two tables' indexes dropped and rebuilt after
 * (as a bulk load would). A tenth of the visited households were first found nobody home, so
 * older rows with `latest = 0` sit in the index too.
 */
function seed(file: string, county: { id: string; path: string }, visitor: string, households: number) {
  const sqlite = openSqlite(file);
  const today = calendarDate(TIME_ZONE);
  const now = nowIso();
  const campaignId = newId();
  try {
    const indexes = sqlite
      .prepare(
        `SELECT name, sql FROM sqlite_master WHERE type = 'index' AND tbl_name IN ('households', 'screening_visits') AND sql IS NOT NULL`,
      )
      .all() as { name: string; sql: string }[];
    for (const index of indexes) sqlite.exec(`DROP INDEX ${index.name}`);
    const region = sqlite.prepare(
      `INSERT INTO regions (id, parent_id, code, name, level, path, sort_order, created_at, updated_at) VALUES (?, ?, NULL, ?, ?, ?, 0, ?, ?)`,
    );
    const household = sqlite.prepare(
      `INSERT INTO households (id, region_id, building, unit, room, address, housing, note, created_at, updated_at)
       VALUES (?, ?, ?, ?, ?, ?, 'owner', NULL, ?, ?)`,
    );
    const visit = sqlite.prepare(
      `INSERT INTO screening_visits (id, campaign_id, household_id, region_id, visited_by, visited_at, visited_on, outcome,
        residents_present, fever_count, symptoms, risk_return, risk_origin_code, risk_returned_on, outsiders, note, latest, created_at)
       VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, 0, ?, ?, ?, ?, NULL, ?, ?)`,
    );
    const random = prng(20200203);
    const perGrid = Math.ceil(households / 1000);
    let made = 0;
    sqlite.transaction(() => {
      sqlite
        .prepare(
          `INSERT INTO screening_campaigns (id, name, region_id, starts_on, ends_on, status, note, created_by, created_at, updated_at)
           VALUES (?, '全县入户排查', ?, ?, ?, 'active', NULL, NULL, ?, ?)`,
        )
        .run(campaignId, county.id, addDays(today, -3), addDays(today, 4), now, now);
      const child = (parent: { id: string; path: string }, level: string, name: string) => {
        const id = newId();
        const path = `${parent.path}${id}/`;
        region.run(id, parent.id, name, level, path, now, now);
        return { id, path };
      };
      for (let t = 0; t < 10; t++) {
        const town = child(county, 'township', `镇${t}`);
        for (let c = 0; c < 10; c++) {
          const community = child(town, 'community', `社区${t}-${c}`);
          for (let g = 0; g < 10 && made < households; g++) {
            const grid = child(community, 'grid', `第${g + 1}网格`);
            for (let h = 0; h < perGrid && made < households; h++, made++) {
              const id = newId();
              const [b, u, r] = [String(1 + Math.floor(h / 60)), String(1 + Math.floor((h % 60) / 20)), String(101 + (h % 20))];
              household.run(id, grid.id, b, u, r, `${community.id.slice(-4)}-${g}-${b}-${u}-${r}`, now, now);
              if (random() >= SHARE_VISITED) continue;
              const day = addDays(today, -Math.floor(random() * 3));
              const at = `${day}T03:00:00.000Z`;
              if (random() < 0.1) {
                visit.run(newId(), campaignId, id, grid.id, visitor, at, day, 'not_reached', 0, 0, 0, null, null, 0, 0, at);
              }
              if (random() < 0.12) {
                visit.run(newId(), campaignId, id, grid.id, visitor, at, day, 'not_reached', 0, 0, 0, null, null, 0, 1, at);
                continue;
              }
              const risk = random() < 0.005;
              visit.run(
                newId(),
                campaignId,
                id,
                grid.id,
                visitor,
                at,
                day,
                'reached',
                1 + Math.floor(random() * 5),
                random() < 0.003 ? 1 : 0,
                risk ? 1 : 0,
                risk ? '420102' : null,
                risk ? addDays(day, -2) : null,
                random() < 0.02 ? 1 : 0,
                1,
                at,
              );
            }
          }
        }
      }
    })();
    for (const index of indexes) sqlite.exec(index.sql);
    // The tallies the app keeps write by write, filled once from the loaded rows (as the indexes).
    sqlite.exec(`DELETE FROM household_tallies;
      INSERT INTO household_tallies (region_id, households) SELECT region_id, COUNT(*) FROM households GROUP BY region_id;
      INSERT INTO screening_tallies (campaign_id, region_id, reached, not_reached, fever, risk_returns, outsiders)
      SELECT campaign_id, region_id, SUM(outcome = 'reached'), SUM(outcome = 'not_reached'),
        SUM(outcome = 'reached' AND (fever_count > 0 OR symptoms = 1)), SUM(risk_return), SUM(outsiders)
      FROM screening_visits WHERE latest = 1 GROUP BY campaign_id, region_id;`);
    sqlite.exec('ANALYZE');
  } finally {
    sqlite.close();
  }
  return campaignId;
}

/** The county's latest visits counted from the rows themselves, to check the answer against. */
function countVisits(file: string, campaignId: string): { reached: number; notReached: number } {
  const sqlite = openSqlite(file);
  try {
    return sqlite
      .prepare(
        `SELECT SUM(outcome = 'reached') AS reached, SUM(outcome = 'not_reached') AS notReached
         FROM screening_visits WHERE campaign_id = ? AND latest = 1`,
      )
      .get(campaignId) as { reached: number; notReached: number };
  } finally {
    sqlite.close();
  }
}

export async function benchScreeningCoverage(dir: string, s: Settings): Promise<Comparison[]> {
  const households = s.quick ? 100_000 : 1_000_000;
  const file = join(dir, 'screening.db');
  const config: DatabaseConfig = { kind: 'sqlite', file };
  const { countyId, logins } = await prepareDatabase(config, 1);
  const sqlite = openSqlite(file);
  const county = sqlite.prepare('SELECT id, path FROM regions WHERE id = ?').get(countyId) as { id: string; path: string };
  const visitor = (sqlite.prepare('SELECT id FROM accounts WHERE login = ?').get(logins[0]) as { id: string }).id;
  sqlite.close();
  const began = performance.now();
  const campaignId = seed(file, county, visitor, households);
  console.log(`  seeded ${households} households and their visits in ${((performance.now() - began) / 1000).toFixed(1)} s`);
  const api = await startRedvest(config, { dataDir: dir, logFile: join(dir, 'redvest-screening.log'), core: 0 });
  try {
    const session = await signIn(api.url, logins[0]!);
    const auth = { cookie: session.cookie, 'x-csrf-token': session.csrf };
    const path = `/api/v1/screening/campaigns/${campaignId}/coverage`;
    const check = await fetch(`${api.url}${path}`, { headers: auth });
    const body = (await check.json()) as {
      nodes: { households: number; reached: number; notReached: number; percent: number }[];
    };
    const counted = countVisits(file, campaignId);
    const top = body.nodes[0];
    if (
      check.status !== 200 ||
      top?.households !== households ||
      top.reached !== counted.reached ||
      top.notReached !== counted.notReached
    ) {
      throw new Error(`coverage: ${check.status} ${JSON.stringify(body).slice(0, 300)}`);
    }
    console.log(
      `  county: ${body.nodes.length} regions, ${top.reached} reached, ${top.notReached} not reached, ${top.percent} %`,
    );
    const direct = directQuery(
      file,
      await captureSqlite(file, async (q) => {
        await regionsWithHouseholds(q, county.path);
        await visitCounts(q, campaignId);
      }),
    );
    try {
      const ours = cannon('API GET /screening/campaigns/:id/coverage', { url: api.url, path, headers: auth, connections: 1 });
      const [o, b] = await alternate([ours, direct], s);
      return [
        {
          name: `11. screening coverage of a county at ${households} households vs direct SQL (p95)`,
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
