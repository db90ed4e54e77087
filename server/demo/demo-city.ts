/**
 * The demo city, 驻马店市: the real county and township divisions (NBS codes), illustrative
 * communities and grids below some of them, work units, and one signed-in account per role.
 * Loaded once, in one transaction; a database that already has the city is left alone.
 */
import { readFileSync } from 'node:fs';
import { REGION_LEVELS, type RegionLevel, type UnitKind } from '../../common/enums.ts';
import { insertAccount, insertGrant } from '../features/accounts/accounts.repository.ts';
import { findRegionByCode, insertRegions } from '../features/regions/regions.repository.ts';
import { isUniqueViolation } from '../platform/db/dialect.ts';
import type { Region } from '../features/regions/regions.schemas.ts';
import { insertUnit } from '../features/units/units.repository.ts';
import { writeAudit } from '../platform/audit/audit.ts';
import { hashPassword } from '../platform/auth/password.ts';
import { newId, nowIso } from '../platform/db/ids.ts';
import type { Deps } from '../platform/deps.ts';
import { CITY_CODE, DEMO_ACCOUNT_DATA, DEMO_CITY_UNITS, DEMO_COMMUNITIES, demoCountyUnits } from './demo-data.ts';

export const DEMO_PASSWORD = 'redvest-demo';
export const DEMO_ACCOUNTS: { login: string; description: string }[] = DEMO_ACCOUNT_DATA.map(({ login, description }) => ({
  login,
  description,
}));

const DIVISIONS_FILE = new URL('./data/zhumadian-divisions.csv', import.meta.url);

interface Division {
  code: string;
  name: string;
  level: RegionLevel;
  parentCode: string | null;
}

/** The NBS file: `code,name,level,parent_code`, parents before children, no quoting needed. */
export function readDivisions(): Division[] {
  const [header, ...lines] = readFileSync(DIVISIONS_FILE, 'utf8').trim().split(/\r?\n/);
  if (header !== 'code,name,level,parent_code') throw new Error(`unexpected header in ${DIVISIONS_FILE.pathname}`);
  return lines.map((line) => {
    const [code, name, level, parentCode] = line.split(',');
    if (!code || !name || !(REGION_LEVELS as readonly string[]).includes(level ?? ''))
      throw new Error(`bad line in ${DIVISIONS_FILE.pathname}: ${line}`);
    return { code, name, level: level as RegionLevel, parentCode: parentCode || null };
  });
}

/** Every region of the demo city, parents before children, with paths as the regions service makes them. */
function demoRegions(): Region[] {
  const byCode = new Map<string, Region>();
  const out: Region[] = [];
  const add = (code: string, name: string, level: RegionLevel, parentCode: string | null) => {
    const parent = parentCode ? byCode.get(parentCode) : undefined;
    if (parentCode && !parent) throw new Error(`demo region ${code}: parent ${parentCode} comes later or is missing`);
    const id = newId();
    const region: Region = {
      id,
      parentId: parent?.id ?? null,
      code,
      name,
      level,
      path: `${parent?.path ?? '/'}${id}/`,
      sortOrder: 0,
    };
    byCode.set(code, region);
    out.push(region);
  };
  for (const d of readDivisions()) add(d.code, d.name, d.level, d.parentCode);
  for (const [township, communities] of Object.entries(DEMO_COMMUNITIES)) {
    for (const c of communities) {
      add(c.code, c.name, 'community', township);
      c.grids.forEach((grid, i) => add(`${c.code}-${String(i + 1).padStart(2, '0')}`, grid, 'grid', c.code));
    }
  }
  return out;
}

/** Loads the demo city; false when it is already there (or another instance loaded it first). */
export async function loadDemoCity({ db: { db } }: Deps): Promise<boolean> {
  if (await findRegionByCode(db, CITY_CODE)) return false;
  const regions = demoRegions();
  const byCode = new Map(regions.map((r) => [r.code!, r]));
  // One hash for every demo account: argon2 is deliberately slow.
  const passwordHash = await hashPassword(DEMO_PASSWORD);
  const now = nowIso();
  try {
    return await db.transaction().execute(async (trx) => {
      if (await findRegionByCode(trx, CITY_CODE)) return false;
      await insertRegions(trx, regions, now);

      const city = byCode.get(CITY_CODE)!;
      const units: { name: string; kind: UnitKind; regionId: string }[] = DEMO_CITY_UNITS.map((name) => ({
        name,
        kind: 'city_unit',
        regionId: city.id,
      }));
      for (const county of regions.filter((r) => r.level === 'county')) {
        units.push(...demoCountyUnits(county.code!).map((name) => ({ name, kind: 'county_unit' as const, regionId: county.id })));
      }
      for (const u of units) await insertUnit(trx, { id: newId(), ...u, contact: null }, now);

      for (const a of DEMO_ACCOUNT_DATA) {
        const id = newId();
        await insertAccount(
          trx,
          { id, login: a.login, name: a.name, mobile: a.mobile, passwordHash, mustChangePassword: false },
          now,
        );
        await insertGrant(
          trx,
          { id: newId(), accountId: id, role: a.role, regionId: a.regionCode ? byCode.get(a.regionCode)!.id : null },
          now,
        );
      }
      await writeAudit(trx, {
        actorId: null,
        actorLogin: null,
        ip: null,
        action: 'demo.load',
        entityType: 'region',
        entityId: city.id,
        regionPath: city.path,
        detail: { regions: regions.length, units: units.length, accounts: DEMO_ACCOUNT_DATA.length },
      });
      return true;
    });
  } catch (error) {
    // Two instances starting on one empty database: the one that lost the race finds the city there.
    if (isUniqueViolation(error) && (await findRegionByCode(db, CITY_CODE))) return false;
    throw error;
  }
}
