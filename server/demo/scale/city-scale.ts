/**
 * A synthetic city at Zhumadian's size (issue 10), so dashboards and daily reports are measured
 * where they will really run: the real 11 county-level divisions and 208 townships, 14 communities
 * a township and 4 grids a community below them, and at factor 1 about 2,000,000 households,
 * 30,000 volunteers in 3,000 teams, 3,000 checkpoints with 15 days of rosters, 10,000,000 passage
 * rows, a screening campaign per county, 40,000 returnees, 15,000 close contacts, 100,000
 * isolation cases with their health reports and alerts, disinfection and publicity logs,
 * inspections and field issues, errand posts with 28,000 orders, and supplies stores with their
 * donations, allocations and levels.
 *
 * Rows go straight into the tables in multi-row inserts (the services would take hours), through
 * the repositories where a table keeps a tally (households, screening visits), so the figures the
 * app reads agree with the rows. Deterministic: the same factor and seed give the same city,
 * except for ids and the ciphertexts of ID numbers.
 */
import { CompiledQuery, type Insertable, type Kysely } from 'kysely';
import {
  CONTACT_EXPOSURE_KINDS,
  ERRAND_PAYMENTS,
  FIELD_ISSUE_CATEGORIES,
  PASSAGE_DIRECTIONS,
  PUBLICITY_MATERIALS,
  TRANSPORT_MODES,
} from '../../../common/enums.ts';
import { REF_PREFIX } from '../../features/errands/errands.rules.ts';
import { issueRef } from '../../features/field-issues/field-issues.rules.ts';
import { refNumbering } from '../../platform/db/refs.ts';
import { DEFAULT_ROSTER_RULES } from '../../features/duty/rosters.schemas.ts';
import { insertHouseholds, type NewHouseholdRow } from '../../features/households/households.repository.ts';
import { insertVisits } from '../../features/households/screening.repository.ts';
import { hashPassword } from '../../platform/auth/password.ts';
import { addDays, calendarDate, zonedInstant } from '../../platform/dates.ts';
import type { Db } from '../../platform/db/connect.ts';
import { newId, nowIso } from '../../platform/db/ids.ts';
import { migrateToLatest } from '../../platform/db/migrate.ts';
import type { Database, RegionTable } from '../../platform/db/schema.ts';
import type { PiiCipher } from '../../platform/pii/crypto.ts';
import { readDivisions } from '../demo-city.ts';
import { demoPerson, pick, seededRandom } from '../demo-people.ts';

/** Counts at factor 1; `--factor` scales every row count (not the region tree). */
export const CITY_SIZE = {
  households: 2_000_000,
  volunteers: 30_000,
  checkpoints: 3_000,
  passages: 10_000_000,
  returnees: 40_000,
  contacts: 15_000,
  cases: 100_000,
  disinfectionLogs: 60_000,
  publicityLogs: 30_000,
  inspections: 12_000,
  fieldIssues: 3_000,
  errandOrders: 28_000,
  donations: 8_000,
  allocations: 16_000,
} as const;

const COMMUNITIES_PER_TOWNSHIP = 14;
const GRIDS_PER_COMMUNITY = 4;
/** Days of history behind today: rosters, passages, reports, logs. */
const DAYS = 14;
/** Rows per multi-row insert: under SQLite's 32,766 and PostgreSQL's 65,535 bound parameters at 30 columns. */
const CHUNK = 500;
/** The password of the generated accounts; the data is synthetic, the accounts are for measuring. */
export const CITY_PASSWORD = 'redvest-city';

export interface CitySummary {
  regions: number;
  accounts: string[];
  counts: Record<string, number>;
  seconds: number;
}

interface Region {
  id: string;
  path: string;
  code: string;
  name: string;
  countyCode: string;
}

type Table = keyof Database;

/**
 * Inserts rows as they are made, `CHUNK` at a time, and counts them; the rows' `parents` (sinks of
 * the tables they reference) are flushed first, so a foreign key never points ahead.
 */
class Sink<T extends Table> {
  private rows: Insertable<Database[T]>[] = [];
  count = 0;
  constructor(
    private readonly target: Db,
    private readonly table: T,
    private readonly parents: readonly { flush(): Promise<void> }[] = [],
  ) {}

  async add(row: Insertable<Database[T]>): Promise<void> {
    this.rows.push(row);
    this.count++;
    if (this.rows.length >= CHUNK) await this.flush();
  }

  async flush(): Promise<void> {
    if (!this.rows.length) return;
    for (const parent of this.parents) await parent.flush();
    const rows = this.rows;
    this.rows = [];
    await insertRaw(this.target, this.table, rows as Record<string, unknown>[]);
  }
}

const snake = (name: string) => name.replace(/[A-Z]/g, (c) => `_${c.toLowerCase()}`);
/** Statement texts by table, dialect and row count: a chunk's SQL is built once, not per flush. */
const insertTexts = new Map<string, string>();

/**
 * One multi-row INSERT of plain rows (all with the keys of the first), sent as SQL text with its
 * parameters. Kysely would compile the same statement anew for every chunk; over ten million
 * passages that compiling cost more than the database's own work.
 */
async function insertRaw(target: Db, table: Table, rows: readonly Record<string, unknown>[]): Promise<void> {
  const columns = Object.keys(rows[0]!);
  const key = `${table}:${target.dialect}:${rows.length}:${columns.join(',')}`;
  let text = insertTexts.get(key);
  if (!text) {
    let n = 0;
    const param = target.dialect === 'postgres' ? () => `$${++n}` : () => '?';
    const tuples = rows.map(() => `(${columns.map(param).join(', ')})`);
    text = `INSERT INTO ${snake(table)} (${columns.map(snake).join(', ')}) VALUES ${tuples.join(', ')}`;
    insertTexts.set(key, text);
  }
  await target.db.executeQuery(
    CompiledQuery.raw(
      text,
      rows.flatMap((row) => columns.map((c) => row[c] ?? null)),
    ),
  );
}

export async function generateCity(
  target: Db,
  o: { factor: number; seed?: number; pii: PiiCipher; timeZone: string; log: (line: string) => void },
): Promise<CitySummary> {
  const began = performance.now();
  const rnd = seededRandom(o.seed ?? 20200201);
  const n = (k: keyof typeof CITY_SIZE) => Math.max(1, Math.round(CITY_SIZE[k] * o.factor));
  const db = target.db;
  const today = calendarDate(o.timeZone);
  const now = nowIso();
  const counts: Record<string, number> = {};
  // A person a draw: at this size the demo generator repeats ID numbers, which are unique here.
  const taken = new Set<string>();
  const person = (countyCode: string, place: string) => {
    for (;;) {
      const p = demoPerson(rnd, countyCode, place);
      if (taken.has(p.idNumber)) continue;
      taken.add(p.idNumber);
      return p;
    }
  };
  const step = async (name: string, fn: () => Promise<number>) => {
    const t = performance.now();
    counts[name] = await fn();
    o.log(`  ${name}: ${counts[name]!.toLocaleString('en')} in ${((performance.now() - t) / 1000).toFixed(1)} s`);
  };

  await migrateToLatest(target);
  if (await db.selectFrom('regions').select('id').limit(1).executeTakeFirst()) {
    throw new Error('the target database already holds regions: generate the city into an empty database');
  }
  return target.withoutSync(async () => {
    // 1. Regions: the real divisions, then communities and grids with local codes.
    const regions: RegionTable[] = [];
    const byCode = new Map<string, Region>();
    const add = (code: string, name: string, level: string, parentCode: string | null) => {
      const parent = parentCode ? byCode.get(parentCode)! : null;
      const id = newId();
      const path = `${parent?.path ?? '/'}${id}/`;
      regions.push({ id, parentId: parent?.id ?? null, code, name, level, path, sortOrder: 0, createdAt: now, updatedAt: now });
      const region = { id, path, code, name, countyCode: level === 'county' ? code : (parent?.countyCode ?? code) };
      byCode.set(code, region);
      return region;
    };
    const communities: Region[] = [];
    const grids: Region[] = [];
    const counties: Region[] = [];
    const townships: Region[] = [];
    for (const d of readDivisions()) {
      const r = add(d.code, d.name, d.level, d.parentCode);
      if (d.level === 'county') counties.push(r);
      if (d.level !== 'township') continue;
      townships.push(r);
      for (let c = 1; c <= COMMUNITIES_PER_TOWNSHIP; c++) {
        const code = `${d.code}-${String(c).padStart(3, '0')}`;
        const community = add(code, `${d.name.replace(/(镇|乡|街道|办事处)$/, '')}第${c}社区`, 'community', d.code);
        communities.push(community);
        for (let g = 1; g <= GRIDS_PER_COMMUNITY; g++) {
          grids.push(add(`${code}-${String(g).padStart(2, '0')}`, `第${g}网格`, 'grid', code));
        }
      }
    }
    await step('regions', async () => {
      for (let i = 0; i < regions.length; i += CHUNK)
        await db
          .insertInto('regions')
          .values(regions.slice(i, i + CHUNK))
          .execute();
      return regions.length;
    });
    const city = byCode.get('411700')!;
    const communityOf = (grid: Region) => byCode.get(grid.code.slice(0, grid.code.lastIndexOf('-')))!;

    // 2. Accounts to measure with: a commander of the city, a manager per county, one of the first community.
    const passwordHash = await hashPassword(CITY_PASSWORD);
    const accounts: { login: string; role: string; regionId: string }[] = [
      { login: 'city-commander', role: 'commander', regionId: city.id },
      ...counties.map((c) => ({ login: `county-${c.code}`, role: 'region_manager', regionId: c.id })),
      { login: 'community-manager', role: 'region_manager', regionId: communities[0]!.id },
    ];
    const staff = new Map<string, string>();
    await step('accounts', async () => {
      for (const a of accounts) {
        const id = newId();
        staff.set(a.login, id);
        await db
          .insertInto('accounts')
          .values({
            id,
            login: a.login,
            name: a.login,
            mobile: '13800000000',
            passwordHash,
            status: 'active',
            mustChangePassword: 0,
            language: 'zh-CN',
            createdAt: now,
            updatedAt: now,
            passwordChangedAt: now,
          })
          .execute();
        await db
          .insertInto('roleGrants')
          .values({ id: newId(), accountId: id, role: a.role, regionId: a.regionId, createdAt: now, inspectionGroupId: null })
          .execute();
      }
      return accounts.length;
    });
    const recorder = staff.get('city-commander')!;

    // 3. Volunteers, one team a checkpoint (members of its community), checkpoints.
    const volunteerIds: string[] = [];
    const volunteersOf = new Map<string, string[]>(); // community id → volunteers
    await step('volunteers', async () => {
      const sink = new Sink(target, 'volunteers');
      for (let i = 0; i < n('volunteers'); i++) {
        const community = communities[i % communities.length]!;
        const p = person(community.countyCode, community.name);
        const id = newId();
        volunteerIds.push(id);
        volunteersOf.set(community.id, [...(volunteersOf.get(community.id) ?? []), id]);
        await sink.add({
          id,
          pledgeId: null,
          accountId: null,
          status: 'active',
          statusReason: null,
          statusSince: addDays(today, -DAYS),
          createdAt: now,
          updatedAt: now,
          name: p.name,
          gender: p.gender,
          idNumberEnc: o.pii.encrypt(p.idNumber),
          idNumberIndex: o.pii.blindIndex(p.idNumber),
          mobile: p.mobile,
          partyMember: p.partyMember ? 1 : 0,
          partyBranch: null,
          unitId: null,
          unitName: null,
          homeAddress: p.homeAddress,
          regionId: community.id,
          skills: JSON.stringify(p.skills),
          availability: JSON.stringify(p.availability),
        });
      }
      await sink.flush();
      return sink.count;
    });

    interface Post {
      id: string;
      community: Region;
      teamId: string;
      crew: string[];
    }
    const checkpoints: Post[] = [];
    await step('checkpoints and teams', async () => {
      const teams = new Sink(target, 'teams');
      const cps = new Sink(target, 'checkpoints', [teams]);
      const members = new Sink(target, 'teamMembers', [teams]);
      for (let i = 0; i < n('checkpoints'); i++) {
        const community = communities[i % communities.length]!;
        const pool = volunteersOf.get(community.id) ?? volunteerIds;
        const crew = [...new Set(Array.from({ length: Math.min(pool.length, 10) }, (_, k) => pool[(i * 10 + k) % pool.length]!))];
        const teamId = newId();
        await teams.add({
          id: teamId,
          parentTeamId: null,
          name: `${community.name}卡点${i + 1}队`,
          kind: 'vanguard',
          regionId: community.id,
          leaderVolunteerId: crew[0] ?? null,
          description: null,
          branchName: null,
          branchSecretaryId: null,
          createdAt: now,
          updatedAt: now,
        });
        for (const v of crew)
          await members.add({ teamId, volunteerId: v, roleTags: '["gatekeeper"]', inBranch: 1, joinedAt: now });
        const id = newId();
        await cps.add({
          id,
          name: `${community.name}${pick(rnd, ['东门', '西门', '南门', '北门', '村口', '路口'])}卡点${i + 1}`,
          kind: pick(rnd, ['estate_gate', 'village_entrance', 'road', 'market']),
          regionId: community.id,
          address: null,
          lat: null,
          lng: null,
          risk: 1 + Math.floor(rnd() * 4),
          hours24: 1,
          opensAt: null,
          closesAt: null,
          shiftPattern: JSON.stringify([
            { start: '00:00', end: '08:00', people: 2 },
            { start: '08:00', end: '16:00', people: 2 },
            { start: '16:00', end: '00:00', people: 2 },
          ]),
          teamId,
          status: 'active',
          checkInCode: newId().slice(-8),
          note: null,
          createdAt: now,
          updatedAt: now,
        });
        checkpoints.push({ id, community, teamId, crew });
      }
      for (const s of [teams, members, cps]) await s.flush();
      return cps.count;
    });

    // 4. Rosters: one published roster a county over the last 14 days and tomorrow, 3 shifts of 2 a day.
    await step('roster assignments', async () => {
      const shifts = new Sink(target, 'rosterShifts');
      const assignments = new Sink(target, 'rosterAssignments', [shifts]);
      const rosterOf = new Map<string, string>();
      for (const county of counties) {
        const id = newId();
        rosterOf.set(county.code, id);
        await db
          .insertInto('rosters')
          .values({
            id,
            regionId: county.id,
            name: `${county.name}卡点值守表`,
            startsOn: addDays(today, -DAYS),
            endsOn: addDays(today, 1),
            status: 'published',
            version: 1,
            rules: JSON.stringify(DEFAULT_ROSTER_RULES),
            generation: null,
            createdBy: recorder,
            publishedAt: now,
            publishedBy: recorder,
            createdAt: now,
            updatedAt: now,
          })
          .execute();
      }
      const nowMs = Date.now();
      for (let day = -DAYS; day <= 1; day++) {
        const date = addDays(today, day);
        for (const cp of checkpoints) {
          for (let s = 0; s < 3; s++) {
            const startsAt = zonedInstant(o.timeZone, date, `${String(s * 8).padStart(2, '0')}:00`);
            const endsAt = new Date(startsAt.getTime() + 8 * 3600_000);
            const shiftId = newId();
            const rosterId = rosterOf.get(cp.community.countyCode)!;
            await shifts.add({
              id: shiftId,
              rosterId,
              checkpointId: cp.id,
              startsAt: startsAt.toISOString(),
              endsAt: endsAt.toISOString(),
              required: 2,
            });
            for (let k = 0; k < Math.min(2, cp.crew.length); k++) {
              const begun = startsAt.getTime() <= nowMs;
              const ended = endsAt.getTime() <= nowMs;
              // 95 % turn up; a few forget to check out and are closed by the job.
              const came = begun && rnd() < 0.95;
              await assignments.add({
                id: newId(),
                rosterId,
                shiftId,
                volunteerId: cp.crew[(s * 2 + k + day + 100) % cp.crew.length]!,
                source: 'optimiser',
                createdAt: now,
                checkedInAt: came ? new Date(startsAt.getTime() - rnd() * 20 * 60_000).toISOString() : null,
                checkInLat: null,
                checkInLng: null,
                checkInAccuracy: null,
                checkedOutAt: came && ended ? endsAt.toISOString() : null,
                checkOutLat: null,
                checkOutLng: null,
                checkOutAccuracy: null,
                absentAt:
                  begun && !came && startsAt.getTime() + 15 * 60_000 <= nowMs
                    ? new Date(startsAt.getTime() + 15 * 60_000).toISOString()
                    : null,
                hours: came && ended ? 8 : null,
                absentInspectionId: null,
              });
            }
          }
        }
      }
      await shifts.flush();
      await assignments.flush();
      return assignments.count;
    });

    // 5. Passages: the last 14 days, spread over the checkpoints, by day and hour as people move.
    await step('passages', async () => {
      const sink = new Sink(target, 'passages');
      const total = n('passages');
      const nowMs = Date.now();
      // The day first, then the moment in it: no time-zone arithmetic per row.
      const days = Array.from({ length: DAYS + 1 }, (_, k) => {
        const date = addDays(today, k - DAYS);
        return { date, start: zonedInstant(o.timeZone, date, '00:00').getTime() };
      });
      for (let i = 0; i < total; i++) {
        const cp = checkpoints[i % checkpoints.length]!;
        const day = days[Math.floor(rnd() * days.length)]!;
        const at = new Date(day.start + Math.floor(rnd() * (Math.min(nowMs, day.start + 86_400_000) - day.start)));
        const temperature = 36 + Math.round(rnd() * 12) / 10;
        const fever = temperature >= 37.3 && rnd() < 0.02 ? 1 : 0;
        await sink.add({
          id: newId(),
          checkpointId: cp.id,
          regionId: cp.community.id,
          recordedBy: recorder,
          direction: pick(rnd, PASSAGE_DIRECTIONS),
          subject: rnd() < 0.8 ? 'person' : 'vehicle',
          people: 1 + (rnd() < 0.2 ? Math.floor(rnd() * 3) : 0),
          name: null,
          mobile: null,
          plate: null,
          originCode: null,
          originName: null,
          fromRiskArea: rnd() < 0.01 ? 1 : 0,
          temperature: fever ? 37.3 + Math.round(rnd() * 15) / 10 : Math.min(temperature, 37.2),
          remeasured: null,
          fever,
          purpose: null,
          leaflets: rnd() < 0.1 ? 1 : 0,
          occurredAt: at.toISOString(),
          occurredOn: day.date,
          createdAt: at.toISOString(),
          updatedAt: at.toISOString(),
          anonymisedAt: null,
        });
        if (i % 1_000_000 === 999_999) o.log(`    … ${(i + 1).toLocaleString('en')} passages`);
      }
      await sink.flush();
      return sink.count;
    });

    // 6. Households (一户一档), through the repository so the tallies agree, and a campaign a county.
    const householdsOf = new Map<string, string[]>(); // grid id → households (kept for the cases)
    await step('households', async () => {
      let batch: NewHouseholdRow[] = [];
      let total = 0;
      for (let i = 0; i < n('households'); i++) {
        const grid = grids[i % grids.length]!;
        const id = newId();
        if ((householdsOf.get(grid.id)?.length ?? 0) < 20) householdsOf.set(grid.id, [...(householdsOf.get(grid.id) ?? []), id]);
        const building = 1 + Math.floor(i / grids.length / 24);
        const room = `${1 + Math.floor(((i / grids.length) % 24) / 4)}0${1 + (Math.floor(i / grids.length) % 4)}`;
        batch.push({
          id,
          regionId: grid.id,
          building: `${building}号楼`,
          unit: '1单元',
          room,
          address: `${grid.name}${building}号楼1单元${room}室`,
          housing: rnd() < 0.8 ? 'owner' : rnd() < 0.9 ? 'rented' : 'vacant',
          note: null,
        });
        if (batch.length >= 20 * CHUNK) {
          await insertHouseholds(db, batch, now);
          total += batch.length;
          batch = [];
        }
      }
      await insertHouseholds(db, batch, now);
      return total + batch.length;
    });
    await step('screening visits', async () => {
      const campaignOf = new Map<string, string>();
      for (const county of counties) {
        const id = newId();
        campaignOf.set(county.code, id);
        await db
          .insertInto('screeningCampaigns')
          .values({
            id,
            name: `${county.name}入户排查`,
            regionId: county.id,
            startsOn: addDays(today, -10),
            endsOn: addDays(today, 4),
            status: 'active',
            note: null,
            createdBy: recorder,
            createdAt: now,
            updatedAt: now,
          })
          .execute();
      }
      let total = 0;
      const visitor = recorder;
      const gridOf = new Map(grids.map((g) => [g.id, g]));
      for await (const page of pagesOf(db, 'households', 10 * CHUNK)) {
        const rows = page
          .filter(() => rnd() < 0.9)
          .map((h) => {
            const grid = gridOf.get(h.regionId)!;
            const visitedOn = addDays(today, -Math.floor(rnd() * 10));
            const reached = rnd() < 0.93;
            return {
              id: newId(),
              campaignId: campaignOf.get(grid.countyCode)!,
              householdId: h.id,
              regionId: h.regionId,
              visitedBy: visitor,
              visitedAt: zonedInstant(o.timeZone, visitedOn, '10:00').toISOString(),
              visitedOn,
              outcome: reached ? 'reached' : 'not_reached',
              residentsPresent: reached ? 1 + Math.floor(rnd() * 4) : 0,
              feverCount: reached && rnd() < 0.002 ? 1 : 0,
              symptoms: 0,
              riskReturn: reached && rnd() < 0.01 ? 1 : 0,
              riskOriginCode: null,
              riskReturnedOn: null,
              outsiders: reached && rnd() < 0.02 ? 1 : 0,
              note: null,
              latest: 1,
              createdAt: now,
            };
          });
        await insertVisits(db, rows);
        total += rows.length;
      }
      return total;
    });

    // 7. Returnees, contacts, isolation cases with two reports a day, alerts for the missed ones.
    const someHousehold = (grid: Region) => pick(rnd, householdsOf.get(grid.id) ?? [null]);
    await step('returnees', async () => {
      const sink = new Sink(target, 'returnees');
      for (let i = 0; i < n('returnees'); i++) {
        const grid = grids[Math.floor(rnd() * grids.length)]!;
        const p = person(grid.countyCode, grid.name);
        const returnedOn = addDays(today, -Math.floor(rnd() * 28));
        const origin = rnd() < 0.35 ? ['420100', '武汉市'] : rnd() < 0.6 ? ['420600', '襄阳市'] : ['410100', '郑州市'];
        await sink.add({
          id: newId(),
          regionId: grid.id,
          householdId: someHousehold(grid),
          name: p.name,
          idNumberEnc: o.pii.encrypt(p.idNumber),
          idNumberIndex: o.pii.blindIndex(p.idNumber),
          mobile: p.mobile,
          address: p.homeAddress,
          originCode: origin[0]!,
          originName: origin[1]!,
          fromRiskArea: origin[0]!.startsWith('42') ? 1 : 0,
          returnedOn,
          transport: pick(rnd, TRANSPORT_MODES),
          tripNumber: null,
          exposures: '[]',
          proposedMeasure: origin[0]!.startsWith('42') ? 'home_isolation' : 'health_monitoring',
          measure: origin[0]!.startsWith('42') ? 'home_isolation' : 'health_monitoring',
          measureBy: recorder,
          measureAt: now,
          measureReason: null,
          followUpId: null,
          note: null,
          createdBy: recorder,
          createdAt: now,
          updatedAt: now,
          anonymisedAt: null,
        });
      }
      await sink.flush();
      return sink.count;
    });
    await step('contacts', async () => {
      const sink = new Sink(target, 'contacts');
      for (let i = 0; i < n('contacts'); i++) {
        const grid = grids[Math.floor(rnd() * grids.length)]!;
        const p = person(grid.countyCode, grid.name);
        await sink.add({
          id: newId(),
          regionId: grid.id,
          householdId: someHousehold(grid),
          name: p.name,
          idNumberEnc: o.pii.encrypt(p.idNumber),
          idNumberIndex: o.pii.blindIndex(p.idNumber),
          mobile: p.mobile,
          address: p.homeAddress,
          sourceCase: '确诊病例同乘',
          lastExposureOn: addDays(today, -Math.floor(rnd() * 20)),
          exposureKind: pick(rnd, CONTACT_EXPOSURE_KINDS),
          followUpId: null,
          note: null,
          createdBy: recorder,
          createdAt: now,
          updatedAt: now,
          anonymisedAt: null,
        });
      }
      await sink.flush();
      return sink.count;
    });
    await step('isolation cases', async () => {
      const cases = new Sink(target, 'isolationCases');
      const reports = new Sink(target, 'healthReports', [cases]);
      const alerts = new Sink(target, 'alerts', [cases]);
      for (let i = 0; i < n('cases'); i++) {
        const grid = grids[Math.floor(rnd() * grids.length)]!;
        const p = person(grid.countyCode, grid.name);
        // Started 0–27 days ago: those past their 14 days are released (a few went to hospital).
        const startsOn = addDays(today, -Math.floor(rnd() * 28));
        const endsOn = addDays(startsOn, 13);
        const over = endsOn < today;
        const transferred = !over && rnd() < 0.01;
        const closedOn = over ? endsOn : transferred ? today : null;
        const id = newId();
        await cases.add({
          id,
          ref: `GL-${grid.code.replaceAll('-', '')}-${i + 1}`,
          regionId: grid.id,
          householdId: someHousehold(grid),
          returneeId: null,
          contactId: null,
          personName: p.name,
          idNumberEnc: o.pii.encrypt(p.idNumber),
          idNumberIndex: o.pii.blindIndex(p.idNumber),
          mobile: p.mobile,
          address: p.homeAddress,
          kind: rnd() < 0.9 ? 'home' : 'central',
          plan: 'd14',
          planDays: 14,
          startBasis: 'return',
          startsOn,
          endsOn,
          status: over ? 'released' : transferred ? 'transferred' : 'active',
          gridWorkerId: null,
          medicalObserverId: null,
          volunteerId: null,
          closedOn,
          closeKind: over ? 'normal' : transferred ? 'transferred' : null,
          closeReason: null,
          hospital: transferred ? '驻马店市中心医院' : null,
          createdBy: recorder,
          createdAt: zonedInstant(o.timeZone, startsOn, '09:00').toISOString(),
          updatedAt: now,
          anonymisedAt: null,
        });
        const last = closedOn ?? addDays(today, -1);
        for (let d = startsOn; d <= last; d = addDays(d, 1)) {
          for (const slot of ['morning', 'evening'] as const) {
            if (rnd() < 0.03) {
              await alerts.add({
                id: newId(),
                caseId: id,
                regionId: grid.id,
                kind: 'missed_slot',
                slotOn: d,
                slot,
                reportId: null,
                ownerAccountId: null,
                level: 0,
                escalatedAt: null,
                status: d < addDays(today, -1) ? 'closed' : 'open',
                outcome: d < addDays(today, -1) ? 'reached by phone' : null,
                closedBy: null,
                closedAt: null,
                createdAt: now,
                updatedAt: now,
              });
              continue;
            }
            const at = zonedInstant(o.timeZone, d, slot === 'morning' ? '08:00' : '19:00').toISOString();
            const temperature = 36 + Math.round(rnd() * 9) / 10;
            await reports.add({
              id: newId(),
              caseId: id,
              regionId: grid.id,
              slotOn: d,
              slot,
              temperature,
              remeasuredTemperature: null,
              remeasuredAt: null,
              fever: 0,
              symptoms: '[]',
              feeling: 'good',
              helpRequest: null,
              late: 0,
              enteredBy: null,
              reportedAt: at,
              createdAt: at,
              updatedAt: at,
              anonymisedAt: null,
            });
          }
        }
      }
      for (const s of [cases, reports, alerts]) await s.flush();
      counts['health reports'] = reports.count;
      counts['alerts'] = alerts.count;
      return cases.count;
    });

    // 8. Disinfection and publicity logs of the last 14 days.
    await step('disinfection logs', async () => {
      // A place a checkpoint, disinfected again and again.
      const places = new Sink(target, 'disinfectionPlaces');
      const placeOf = new Map<string, string>();
      for (const cp of checkpoints) {
        const id = newId();
        placeOf.set(cp.id, id);
        await places.add({
          id,
          regionId: cp.community.id,
          kind: 'checkpoint',
          name: `${cp.community.name}卡点`,
          address: null,
          areaM2: 2_000,
          checkpointId: cp.id,
          active: 1,
          note: null,
          createdBy: recorder,
          createdAt: now,
          updatedAt: now,
        });
      }
      const sink = new Sink(target, 'disinfectionLogs', [places]);
      for (let i = 0; i < n('disinfectionLogs'); i++) {
        const cp = checkpoints[Math.floor(rnd() * checkpoints.length)]!;
        const doneOn = addDays(today, -Math.floor(rnd() * DAYS));
        const doneAt = zonedInstant(o.timeZone, doneOn, '15:00').toISOString();
        await sink.add({
          id: newId(),
          regionId: cp.community.id,
          placeId: placeOf.get(cp.id)!,
          scheduleId: null,
          caseId: null,
          caseServiceId: null,
          doneAt,
          doneOn,
          byAccountId: recorder,
          teamId: cp.teamId,
          people: 2 + Math.floor(rnd() * 6),
          areaM2: 500 + Math.floor(rnd() * 20_000),
          agent: '含氯消毒剂',
          concentration: '500mg/L',
          method: pick(rnd, ['spray', 'wipe', 'mop']),
          contactMinutes: 30,
          note: null,
          signedOffBy: null,
          signedOffAt: null,
          signOffNote: null,
          createdAt: doneAt,
        });
      }
      await sink.flush();
      return sink.count;
    });
    await step('publicity logs', async () => {
      const sink = new Sink(target, 'publicityLogs');
      for (let i = 0; i < n('publicityLogs'); i++) {
        const cp = checkpoints[Math.floor(rnd() * checkpoints.length)]!;
        const doneOn = addDays(today, -Math.floor(rnd() * DAYS));
        const doneAt = zonedInstant(o.timeZone, doneOn, '11:00').toISOString();
        await sink.add({
          id: newId(),
          regionId: cp.community.id,
          checkpointId: null,
          material: pick(rnd, PUBLICITY_MATERIALS),
          title: '疫情防控宣传',
          quantity: 1 + Math.floor(rnd() * 200),
          place: null,
          doneAt,
          doneOn,
          byAccountId: recorder,
          teamId: cp.teamId,
          note: null,
          createdAt: doneAt,
        });
      }
      await sink.flush();
      return sink.count;
    });

    // 9. Inspections of the posts, and the issue ledger (most of the older issues closed).
    const nowMs = Date.now();
    /** A moment of the day that has already passed (today: between midnight and now). */
    const momentOn = (day: string) => {
      const start = zonedInstant(o.timeZone, day, '00:00').getTime();
      return new Date(start + Math.floor(rnd() * (Math.min(nowMs, start + 86_400_000) - start)));
    };
    await step('inspections', async () => {
      const sink = new Sink(target, 'inspections');
      const rating = () => (rnd() < 0.7 ? 5 : 3 + Math.floor(rnd() * 2));
      for (let i = 0; i < n('inspections'); i++) {
        const cp = checkpoints[Math.floor(rnd() * checkpoints.length)]!;
        const visitedOn = addDays(today, -Math.floor(rnd() * DAYS));
        const present = rnd() < 0.92 ? 2 : 1;
        await sink.add({
          id: newId(),
          checkpointId: cp.id,
          regionId: cp.community.id,
          groupId: null,
          inspectorAccountId: recorder,
          visitedAt: momentOn(visitedOn).toISOString(),
          visitedOn,
          ratingStaffing: rating(),
          ratingSupplies: rating(),
          ratingRegistration: rating(),
          ratingAttitude: rating(),
          findings: present < 2 ? '一人未在岗' : null,
          expected: 2,
          present,
          absent: 2 - present,
          createdAt: now,
        });
      }
      await sink.flush();
      return sink.count;
    });
    await step('field issues', async () => {
      const sink = new Sink(target, 'fieldIssues');
      const issuedOn = new Map<string, number>();
      const titles: Record<string, string> = {
        supplies_shortage: '口罩、消毒液不足',
        post_unmanned: '夜班无人值守',
        resident_difficulty: '独居老人买药困难',
        facility: '帐篷漏雨、缺少照明',
        discipline: '值守人员未戴口罩',
        registration: '登记表填写不全',
        other: '其他问题',
      };
      for (let i = 0; i < n('fieldIssues'); i++) {
        const cp = checkpoints[Math.floor(rnd() * checkpoints.length)]!;
        const day = addDays(today, -Math.floor(rnd() * DAYS));
        const raisedAt = momentOn(day).getTime();
        const k = (issuedOn.get(day) ?? 0) + 1;
        issuedOn.set(day, k);
        const category = pick(rnd, FIELD_ISSUE_CATEGORIES);
        const deadline = raisedAt + 24 * 3_600_000;
        // An issue is settled within one to two days, if that time has passed; 5 % stay open longer.
        const settledAt = raisedAt + (12 + rnd() * 36) * 3_600_000;
        const settled = settledAt < nowMs && rnd() < 0.95;
        const verified = settled && settledAt + 6 * 3_600_000 < nowMs;
        const status = verified ? 'verified' : settled ? 'resolved' : rnd() < 0.5 ? 'in_progress' : 'open';
        await sink.add({
          id: newId(),
          ref: issueRef(day, k),
          category,
          title: titles[category]!,
          description: null,
          regionId: cp.community.id,
          checkpointId: cp.id,
          inspectionId: null,
          raisedBy: recorder,
          ownerRegionId: cp.community.id,
          ownerUnitId: null,
          deadline: new Date(deadline).toISOString(),
          status,
          escalatedRegionId: null,
          resolution: settled ? '已协调解决' : null,
          resolvedAt: settled ? new Date(settledAt).toISOString() : null,
          resolvedBy: settled ? recorder : null,
          verifiedAt: verified ? new Date(settledAt + 6 * 3_600_000).toISOString() : null,
          verifiedBy: verified ? recorder : null,
          createdAt: new Date(raisedAt).toISOString(),
          updatedAt: now,
        });
      }
      await sink.flush();
      return sink.count;
    });

    // 10. 红色代办: a post and a default shop in each community with a checkpoint team, orders over
    // the last 14 days in every state (the older ones settled), their items priced on delivery.
    await step('errand orders', async () => {
      const goods = await db.selectFrom('errandGoods').select(['id', 'nameZh', 'unitZh', 'maxQuantity']).execute();
      const posts = new Sink(target, 'errandPosts');
      const shops = new Sink(target, 'errandShops');
      const orders = new Sink(target, 'errandOrders', [posts]);
      const items = new Sink(target, 'errandOrderItems', [orders, shops]);
      const postOf = new Map<string, { id: string; shopId: string; crew: string[] }>();
      for (const cp of checkpoints) {
        if (postOf.has(cp.community.id) || !cp.crew.length) continue;
        const post = { id: newId(), shopId: newId(), crew: cp.crew };
        postOf.set(cp.community.id, post);
        await posts.add({
          id: post.id,
          regionId: cp.community.id,
          teamId: cp.teamId,
          name: `${cp.community.name}红色代办岗`,
          address: null,
          phone: '0396-2000000',
          responseMinutes: null,
          active: 1,
          createdBy: recorder,
          createdAt: now,
          updatedAt: now,
        });
        await shops.add({
          id: post.shopId,
          regionId: cp.community.id,
          name: `${cp.community.name}便民超市`,
          address: null,
          phone: null,
          isDefault: 1,
          active: 1,
          createdBy: recorder,
          createdAt: now,
          updatedAt: now,
        });
      }
      const served = grids.filter((g) => postOf.has(communityOf(g).id));
      const numbering = refNumbering();
      const MINUTE = 60_000;
      const iso = (t: number | null) => (t === null ? null : new Date(t).toISOString());
      for (let i = 0; i < n('errandOrders') && served.length; i++) {
        const grid = served[Math.floor(rnd() * served.length)]!;
        const post = postOf.get(communityOf(grid).id)!;
        const orderedOn = addDays(today, -Math.floor(rnd() * DAYS));
        const createdAt = momentOn(orderedOn).getTime();
        // Claimed within 3–40 minutes, bought within 2 hours, delivered within 5; each step only once its time has come.
        const claimedAt = createdAt + (3 + rnd() * 37) * MINUTE;
        const buyingAt = claimedAt + (10 + rnd() * 60) * MINUTE;
        const goingAt = buyingAt + (20 + rnd() * 60) * MINUTE;
        const deliveredAt = goingAt + (10 + rnd() * 120) * MINUTE;
        const confirmedAt = deliveredAt + (5 + rnd() * 180) * MINUTE;
        const cancelled = rnd() < 0.04 && claimedAt < nowMs;
        const reached = (t: number) => !cancelled && t <= nowMs;
        const status = cancelled
          ? 'cancelled'
          : reached(confirmedAt)
            ? 'confirmed'
            : reached(deliveredAt)
              ? 'delivered'
              : reached(goingAt)
                ? 'delivering'
                : reached(buyingAt)
                  ? 'purchasing'
                  : reached(claimedAt)
                    ? 'claimed'
                    : 'new';
        const lines = Array.from({ length: 1 + Math.floor(rnd() * 3) }, () => pick(rnd, goods));
        const costs = lines.map(() => 500 + Math.floor(rnd() * 4_500));
        const due = reached(deliveredAt) ? costs.reduce((a, b) => a + b, 0) : null;
        const contact = person(grid.countyCode, grid.name);
        const id = newId();
        await orders.add({
          id,
          ref: numbering.next(REF_PREFIX.errandOrders, orderedOn),
          regionId: grid.id,
          householdId: someHousehold(grid),
          caseId: null,
          postId: post.id,
          channel: rnd() < 0.7 ? 'resident' : 'staff',
          enteredBy: null,
          contactName: contact.name,
          contactMobile: contact.mobile,
          address: contact.homeAddress,
          note: null,
          payment: pick(rnd, ERRAND_PAYMENTS),
          status,
          claimedBy: reached(claimedAt) || cancelled ? pick(rnd, post.crew) : null,
          claimedAt: reached(claimedAt) || cancelled ? iso(claimedAt) : null,
          purchasingAt: reached(buyingAt) ? iso(buyingAt) : null,
          deliveringAt: reached(goingAt) ? iso(goingAt) : null,
          deliveredAt: reached(deliveredAt) ? iso(deliveredAt) : null,
          confirmedAt: reached(confirmedAt) ? iso(confirmedAt) : null,
          cancelledAt: cancelled ? iso(claimedAt + MINUTE) : null,
          cancelReason: cancelled ? '居民已自行购买' : null,
          claimBy: iso(createdAt + 30 * MINUTE)!,
          deliverBy: iso(createdAt + 24 * 60 * MINUTE)!,
          escalationLevel: 0,
          escalatedAt: null,
          runId: null,
          amountDueFen: due,
          paidFen: reached(confirmedAt) ? due! : 0,
          paidAt: reached(confirmedAt) ? iso(confirmedAt) : null,
          paidMethod: reached(confirmedAt) ? 'on_delivery' : null,
          collectedBy: null,
          proofNote: reached(deliveredAt) ? '已放门口，已电话告知' : null,
          proofFileId: null,
          rating: reached(confirmedAt) && rnd() < 0.6 ? 4 + Math.floor(rnd() * 2) : null,
          comment: null,
          issueId: null,
          orderedOn,
          createdAt: iso(createdAt)!,
          updatedAt: now,
        });
        for (const [k, g] of lines.entries()) {
          await items.add({
            id: newId(),
            orderId: id,
            goodsId: g.id,
            name: g.nameZh,
            unit: g.unitZh,
            quantity: 1 + Math.floor(rnd() * Math.min(3, g.maxQuantity)),
            note: null,
            shopId: due === null ? null : post.shopId,
            costFen: due === null ? null : costs[k]!,
            sortOrder: k,
          });
        }
      }
      for (const s of [posts, shops, orders, items]) await s.flush();
      await numbering.save(db);
      counts['errand posts'] = posts.count;
      return orders.count;
    });

    // 11. Supplies: a store a township, donations into them, allocations out to their communities;
    // levels are the sums of the movements, and one line in twenty sits under its alert level.
    await step('supply movements', async () => {
      const itemIds = (await db.selectFrom('supplyItems').select('id').where('active', '=', 1).execute()).map((r) => r.id);
      const stores = new Sink(target, 'stores');
      const donations = new Sink(target, 'donations', [stores]);
      const allocations = new Sink(target, 'allocations', [stores]);
      const movements = new Sink(target, 'stockMovements', [donations, allocations]);
      const storeOf = townships.map((t) => ({
        id: newId(),
        township: t,
        communities: communities.filter((c) => c.code.startsWith(`${t.code}-`)),
      }));
      for (const st of storeOf)
        await stores.add({
          id: st.id,
          regionId: st.township.id,
          name: `${st.township.name}防疫物资库`,
          address: null,
          keeperAccountId: null,
          active: 1,
          createdAt: now,
          updatedAt: now,
        });
      const level = new Map<string, number>(); // `${store}|${item}` → quantity
      const numbering = refNumbering();
      // Donations first in time (the first days), allocations after: a level never goes below zero.
      const events = [
        ...Array.from({ length: n('donations') }, () => ({
          kind: 'donation' as const,
          ago: DAYS - Math.floor(rnd() * (DAYS / 2)),
        })),
        ...Array.from({ length: n('allocations') }, () => ({ kind: 'allocation' as const, ago: Math.floor(rnd() * (DAYS / 2)) })),
      ];
      for (const e of events) {
        const st = storeOf[Math.floor(rnd() * storeOf.length)]!;
        const day = addDays(today, -e.ago);
        const at = momentOn(day).toISOString();
        const id = newId();
        const move = (itemId: string, delta: number) =>
          movements.add({
            id: newId(),
            storeId: st.id,
            itemId,
            delta,
            kind: e.kind,
            donationId: e.kind === 'donation' ? id : null,
            allocationId: e.kind === 'allocation' ? id : null,
            transferId: null,
            reversesId: null,
            at,
            onDate: day,
            byAccountId: recorder,
            note: null,
            createdAt: at,
          });
        if (e.kind === 'donation') {
          await donations.add({
            id,
            ref: numbering.next('donations', day),
            storeId: st.id,
            regionId: st.township.id,
            donorKind: 'unit',
            donorName: `${st.township.name}爱心企业`,
            donorUnitId: null,
            donorMobile: null,
            anonymous: 0,
            receivedBy: recorder,
            receivedOn: day,
            note: null,
            reversedAt: null,
            createdAt: at,
          });
          for (const itemId of new Set([pick(rnd, itemIds), pick(rnd, itemIds)])) {
            const q = 100 + Math.floor(rnd() * 1_900);
            level.set(`${st.id}|${itemId}`, (level.get(`${st.id}|${itemId}`) ?? 0) + q);
            await move(itemId, q);
          }
          continue;
        }
        const stocked = itemIds.filter((itemId) => (level.get(`${st.id}|${itemId}`) ?? 0) >= 10);
        const community = st.communities.length ? pick(rnd, st.communities) : null;
        if (!stocked.length || !community) continue;
        const itemId = pick(rnd, stocked);
        const q = Math.max(1, Math.floor(level.get(`${st.id}|${itemId}`)! * (0.1 + rnd() * 0.3)));
        level.set(`${st.id}|${itemId}`, level.get(`${st.id}|${itemId}`)! - q);
        const confirmed = e.ago > 0 || rnd() < 0.5;
        await allocations.add({
          id,
          ref: numbering.next('allocations', day),
          storeId: st.id,
          regionId: st.township.id,
          toKind: 'region',
          toCheckpointId: null,
          toTeamId: null,
          toRegionId: community.id,
          toHouseholdId: null,
          toRegionPath: community.path,
          purpose: '社区卡点防疫',
          status: confirmed ? 'confirmed' : 'sent',
          sentBy: recorder,
          sentAt: at,
          confirmedBy: confirmed ? recorder : null,
          confirmedAt: confirmed ? at : null,
          confirmNote: null,
          createdAt: at,
        });
        await move(itemId, -q);
      }
      const levels = new Sink(target, 'stockLevels', [movements]);
      for (const [key, quantity] of level) {
        const [storeId, itemId] = key.split('|') as [string, string];
        await levels.add({ storeId, itemId, quantity, lowAt: rnd() < 0.05 ? quantity + 50 : null, updatedAt: now });
      }
      for (const s of [stores, donations, allocations, movements, levels]) await s.flush();
      await numbering.save(db);
      counts['donations'] = donations.count;
      counts['allocations'] = allocations.count;
      return movements.count;
    });

    return {
      regions: regions.length,
      accounts: accounts.map((a) => a.login),
      counts,
      seconds: (performance.now() - began) / 1000,
    };
  });
}

/** Every row of a table in id order, a page at a time (keyset paging: no OFFSET over millions). */
async function* pagesOf(db: Kysely<Database>, table: 'households', size: number) {
  let after = '';
  for (;;) {
    const page = await db
      .selectFrom(table)
      .select(['id', 'regionId'])
      .where('id', '>', after)
      .orderBy('id')
      .limit(size)
      .execute();
    if (!page.length) return;
    yield page;
    after = page[page.length - 1]!.id;
  }
}
