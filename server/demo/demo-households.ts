/**
 * 一户一档 for the demo city: 东高社区 at the report's order of magnitude (9,000 households in
 * apartment blocks across its grids), and a couple of hundred households in each other community
 * (house numbers by 组 in the villages). Written straight through the repository in one
 * transaction with batched inserts, since 9,000 households through the create route would take
 * minutes; the rows are the ones the service would write (sealed ID numbers, blind indexes).
 */
import type { HousingStatus, ResidentRelation } from '../../common/enums.ts';
import { findAccountForLogin } from '../features/accounts/accounts.repository.ts';
import * as repo from '../features/households/households.repository.ts';
import { findRegionByCode } from '../features/regions/regions.repository.ts';
import { auditWrite, type CallContext } from '../platform/audit/audit.ts';
import { newId, nowIso } from '../platform/db/ids.ts';
import { transact } from '../platform/db/transact.ts';
import type { Deps } from '../platform/deps.ts';
import { DEMO_COMMUNITIES } from './demo-data.ts';
import { demoPerson, seededRandom, type Random } from './demo-people.ts';

/** 东高社区: the community of 9,000 households in the report. */
export const DONGGAO_CODE = '411702002-001';
export const DONGGAO_HOUSEHOLDS = 9_000;
/** Households in each other community with grids of homes. */
const OTHER_HOUSEHOLDS = 200;
const UNITS = 3;
const FLOORS = 18;
const ROOMS_PER_FLOOR = 2;
/** Motorway toll stations are checkpoint sites, not homes. */
const NO_HOMES = /高速/;

export interface DemoHouseholdsSummary {
  households: number;
  residents: number;
  donggao: number;
}

/** Mostly owner-occupied, about 15 % rented and 5 % empty, as the brief of a residential estate goes. */
function housingOf(rnd: Random): HousingStatus {
  const x = rnd();
  return x < 0.05 ? 'vacant' : x < 0.2 ? 'rented' : 'owner';
}

/** Who lives there: a family around a head, or one to three tenants; nobody in an empty flat. */
function familyOf(rnd: Random, housing: HousingStatus): ResidentRelation[] {
  if (housing === 'vacant') return [];
  if (housing === 'rented') return Array.from({ length: 1 + Math.floor(rnd() * 3) }, () => 'tenant' as const);
  const size = 1 + Math.floor(rnd() * 5);
  const family: ResidentRelation[] = ['head'];
  if (size > 1) family.push('spouse');
  while (family.length < size) family.push(rnd() < 0.7 ? 'child' : 'parent');
  return family;
}

export async function loadDemoHouseholds(deps: Deps): Promise<DemoHouseholdsSummary | null> {
  const { db } = deps.db;
  const donggao = await findRegionByCode(db, DONGGAO_CODE);
  if (!donggao) throw new Error('demo households: load the demo city first');
  const donggaoGrids = (DEMO_COMMUNITIES['411702002'] ?? []).find((c) => c.code === DONGGAO_CODE)!.grids;
  const firstGrid = await findRegionByCode(db, `${DONGGAO_CODE}-01`);
  if (!firstGrid || (await repo.anyIn(db, [firstGrid.id]))) return null;
  const admin = await findAccountForLogin(db, 'admin');
  const call: CallContext = { actorId: admin?.id ?? null, actorLogin: admin?.login ?? null, ip: null };
  const rnd = seededRandom(20200126);

  const households: repo.NewHouseholdRow[] = [];
  const residents: repo.NewResidentRow[] = [];
  const file = (
    regionId: string,
    countyCode: string,
    place: { building: string | null; unit: string | null; room: string | null; address: string },
  ) => {
    const housing = housingOf(rnd);
    const id = newId();
    households.push({ id, regionId, ...place, housing, note: housing === 'rented' ? '出租户，租户信息以登记为准' : null });
    let surname = '';
    for (const relation of familyOf(rnd, housing)) {
      const person = demoPerson(rnd, countyCode, '');
      // A family mostly shares the head's surname; tenants and in-laws keep their own.
      if (relation === 'head') surname = Array.from(person.name)[0]!;
      const name = relation === 'child' && surname ? surname + Array.from(person.name).slice(1).join('') : person.name;
      const young = relation === 'child' && rnd() < 0.4;
      residents.push({
        id: newId(),
        householdId: id,
        name,
        // Young children often have no ID card on file, and no mobile.
        ...(young
          ? { idNumberEnc: null, idNumberIndex: null }
          : { idNumberEnc: deps.pii.encrypt(person.idNumber), idNumberIndex: deps.pii.blindIndex(person.idNumber) }),
        mobile: young || relation === 'child' ? null : person.mobile,
        relation,
      });
    }
  };

  // 东高社区: buildings numbered through the community, each grid a run of them.
  const perBuilding = UNITS * FLOORS * ROOMS_PER_FLOOR;
  const buildings = Math.ceil(DONGGAO_HOUSEHOLDS / perBuilding);
  const perGrid = Math.ceil(buildings / donggaoGrids.length);
  const gridIds: string[] = [];
  for (let g = 0; g < donggaoGrids.length; g++)
    gridIds.push((await findRegionByCode(db, `${DONGGAO_CODE}-${String(g + 1).padStart(2, '0')}`))!.id);
  let made = 0;
  for (let b = 1; b <= buildings && made < DONGGAO_HOUSEHOLDS; b++) {
    for (let u = 1; u <= UNITS && made < DONGGAO_HOUSEHOLDS; u++) {
      for (let f = 1; f <= FLOORS && made < DONGGAO_HOUSEHOLDS; f++) {
        for (let r = 1; r <= ROOMS_PER_FLOOR && made < DONGGAO_HOUSEHOLDS; r++, made++) {
          const room = `${f}${String(r).padStart(2, '0')}`;
          file(gridIds[Math.floor((b - 1) / perGrid)]!, '411702', {
            building: `${b}号楼`,
            unit: `${u}单元`,
            room,
            address: `东高社区${b}号楼${u}单元${room}室`,
          });
        }
      }
    }
  }

  // The other communities: blocks in town, house numbers by 组 in the villages.
  for (const [township, communities] of Object.entries(DEMO_COMMUNITIES)) {
    for (const c of communities) {
      if (c.code === DONGGAO_CODE || NO_HOMES.test(c.name)) continue;
      const grids = await Promise.all(c.grids.map((_, i) => findRegionByCode(db, `${c.code}-${String(i + 1).padStart(2, '0')}`)));
      const village = c.name.endsWith('村');
      for (let n = 0; n < OTHER_HOUSEHOLDS; n++) {
        const g = Math.floor((n * grids.length) / OTHER_HOUSEHOLDS);
        const regionId = grids[g]!.id;
        if (village) {
          file(regionId, township.slice(0, 6), {
            building: null,
            unit: null,
            room: null,
            address: `${c.name}${g + 1}组${n + 1}号`,
          });
        } else {
          const b = 1 + Math.floor(n / 24);
          const u = 1 + Math.floor((n % 24) / 12);
          const room = `${1 + Math.floor((n % 12) / 2)}0${1 + (n % 2)}`;
          file(regionId, township.slice(0, 6), {
            building: `${b}号楼`,
            unit: `${u}单元`,
            room,
            address: `${c.name}${b}号楼${u}单元${room}室`,
          });
        }
      }
    }
  }

  await transact(db, call, async (trx) => {
    const now = nowIso();
    await repo.insertHouseholds(trx, households, now);
    await repo.insertResidents(trx, residents, now);
    await auditWrite(trx, call, 'household.import', 'household', null, null, { demo: true, created: households.length });
  });
  return { households: households.length, residents: residents.length, donggao: made };
}
