/**
 * 7. The filtered registry query at 100,000 volunteers (20,000 with --quick): p95 of
 * GET /api/v1/volunteers?regionId=<a township>&status=active&skill=medical as a signed-in region
 * manager of the county (session, scope, the count and the first page, decrypting and masking
 * each ID number, JSON) against the SQL the repository sends for it (captured from it: the first page
 * with a window count) run directly on the database with better-sqlite3. One request at a time on each side.
 */
import { join } from 'node:path';
import { SKILLS, type Skill } from '../../common/enums.ts';
import { idCardCheckChar } from '../../common/idcard.ts';
import type { DatabaseConfig } from '../../server/config.ts';
import { listVolunteers } from '../../server/features/volunteers/volunteers.repository.ts';
import { connect, openSqlite } from '../../server/platform/db/connect.ts';
import { newId, nowIso } from '../../server/platform/db/ids.ts';
import type { RegionTable } from '../../server/platform/db/schema.ts';
import { captureSqlite, directQuery } from '../lib/direct.ts';
import { alternate, cannon } from '../lib/load.ts';
import { prepareDatabase, signIn, startRedvest } from '../lib/redvest.ts';
import type { Comparison, Settings } from '../lib/report.ts';
import { prng } from '../lib/seed.ts';

const TOWNSHIPS = 10;
const COMMUNITIES = 4;
const GRIDS = 5;
const SURNAMES = '王李张刘陈杨黄赵吴周徐孙马朱胡郭何高林罗';
const GIVEN = '伟芳娜敏静丽强磊军洋勇艳杰娟涛明超秀霞平刚桂英华';

interface Place {
  id: string;
  path: string;
}

async function addRegions(
  config: DatabaseConfig,
  countyId: string,
): Promise<{ county: Place; townships: Place[]; grids: Place[] }> {
  const db = connect(config);
  try {
    const county = await db.db.selectFrom('regions').select(['id', 'path']).where('id', '=', countyId).executeTakeFirstOrThrow();
    const now = nowIso();
    const rows: RegionTable[] = [];
    const make = (parent: Place, level: string, code: string): Place => {
      const id = newId();
      const path = `${parent.path}${id}/`;
      rows.push({ id, parentId: parent.id, code, name: code, level, path, sortOrder: 0, createdAt: now, updatedAt: now });
      return { id, path };
    };
    const townships: Place[] = [];
    const grids: Place[] = [];
    for (let t = 0; t < TOWNSHIPS; t++) {
      const township = make(county, 'township', `Q-T${t}`);
      townships.push(township);
      for (let c = 0; c < COMMUNITIES; c++) {
        const community = make(township, 'community', `Q-T${t}-C${c}`);
        for (let g = 0; g < GRIDS; g++) grids.push(make(community, 'grid', `Q-T${t}-C${c}-G${g}`));
      }
    }
    for (let i = 0; i < rows.length; i += 100)
      await db.db
        .insertInto('regions')
        .values(rows.slice(i, i + 100))
        .execute();
    return { county, townships, grids };
  } finally {
    await db.close();
  }
}

/** `count` volunteers in one transaction through one prepared statement; every row shares one real ciphertext. */
function seedVolunteers(file: string, grids: Place[], count: number, idNumberEnc: string): void {
  const sqlite = openSqlite(file);
  try {
    const insert = sqlite.prepare(
      `INSERT INTO volunteers (id, pledge_id, account_id, name, gender, id_number_enc, id_number_index, mobile, party_member,
        party_branch, unit_id, unit_name, home_address, region_id, skills, availability, status, status_reason, status_since,
        created_at, updated_at) VALUES (?, NULL, NULL, ?, ?, ?, ?, ?, ?, NULL, NULL, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)`,
    );
    const random = prng(20200203);
    const now = nowIso();
    sqlite.transaction(() => {
      for (let i = 0; i < count; i++) {
        const skills = SKILLS.filter(() => random() < 0.25) as Skill[];
        const roll = random();
        const status = roll < 0.85 ? 'active' : roll < 0.95 ? 'paused' : 'withdrawn';
        const name =
          SURNAMES[Math.floor(random() * SURNAMES.length)]! +
          GIVEN[Math.floor(random() * GIVEN.length)]! +
          (random() < 0.6 ? GIVEN[Math.floor(random() * GIVEN.length)]! : '');
        insert.run(
          newId(),
          name,
          random() < 0.5 ? 'male' : 'female',
          idNumberEnc,
          `bench-index-${i}`,
          `138${String(i).padStart(8, '0')}`,
          random() < 0.6 ? 1 : 0,
          random() < 0.3 ? '某单位' : null,
          `某路 ${i} 号`,
          grids[Math.floor(random() * grids.length)]!.id,
          JSON.stringify(skills),
          '[{"weekday":1,"band":"morning"}]',
          status,
          status === 'active' ? null : '居家隔离',
          '2020-02-03',
          now,
          now,
        );
      }
    })();
  } finally {
    sqlite.close();
  }
}

export async function benchRegistryQuery(dir: string, s: Settings): Promise<Comparison> {
  const count = s.quick ? 20_000 : 100_000;
  const file = join(dir, 'registry.db');
  const config: DatabaseConfig = { kind: 'sqlite', file };
  const { countyId, logins } = await prepareDatabase(config, 1);
  const { county, townships, grids } = await addRegions(config, countyId);
  const api = await startRedvest(config, { dataDir: dir, logFile: join(dir, 'redvest-registry.log'), core: 0 });
  try {
    const session = await signIn(api.url, logins[0]!);
    const auth = { cookie: session.cookie, 'x-csrf-token': session.csrf };
    // One volunteer through the API: its ciphertext is sealed with the server's key, so every seeded row decrypts.
    const made = await fetch(`${api.url}/api/v1/volunteers`, {
      method: 'POST',
      headers: { 'content-type': 'application/json', ...auth },
      body: JSON.stringify({
        name: '种子',
        gender: 'male',
        idNumber: `41170219900101123${idCardCheckChar('41170219900101123')}`,
        mobile: '13700000000',
        partyMember: true,
        homeAddress: '某路 0 号',
        regionId: grids[0]!.id,
        skills: ['medical'],
        availability: [],
      }),
    });
    if (made.status !== 201) throw new Error(`seed volunteer: ${made.status} ${await made.text()}`);
    const seedId = ((await made.json()) as { id: string }).id;
    const db = connect(config);
    const { idNumberEnc } = await db.db
      .selectFrom('volunteers')
      .select('idNumberEnc')
      .where('id', '=', seedId)
      .executeTakeFirstOrThrow();
    await db.close();

    const began = performance.now();
    seedVolunteers(file, grids, count, idNumberEnc);
    console.log(`  seeded ${count} volunteers in ${((performance.now() - began) / 1000).toFixed(1)} s`);

    const township = townships[3]!;
    const filter = { regionPath: township.path, status: 'active' as const, skill: 'medical' as const };
    const direct = directQuery(
      file,
      await captureSqlite(file, (db) =>
        listVolunteers(db, 'sqlite', { all: false, paths: [county.path] }, filter, { limit: 50, offset: 0 }),
      ),
    );
    try {
      const path = `/api/v1/volunteers?regionId=${township.id}&status=active&skill=medical&limit=50`;
      const check = await fetch(`${api.url}${path}`, { headers: auth });
      const body = (await check.json()) as { total: number; items: unknown[] };
      if (check.status !== 200 || body.items.length !== 50)
        throw new Error(`registry query: ${check.status} ${JSON.stringify(body).slice(0, 300)}`);
      console.log(`  filter matches ${body.total} of ${count} volunteers (page of 50)`);
      const ours = cannon(`API GET /volunteers (${count})`, { url: api.url, path, headers: auth, connections: 1 });
      const [o, b] = await alternate([ours, direct], s);
      return {
        name: `7. registry query at ${count} volunteers (region + status + skill: total + first page) vs direct SQL (p95)`,
        ours: o!,
        bare: b!,
        ratio: b!.p95 / o!.p95,
        ratioOf: 'p95 bare ÷ ours',
      };
    } finally {
      direct.close();
    }
  } finally {
    await api.stop();
  }
}
