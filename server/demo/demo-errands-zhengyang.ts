/**
 * 正阳县 set up 红色代办 grid by grid (the report), but the rest of the demo city has no people
 * there: this gives its county town one community (illustrative, like the others: 正兴社区 under
 * 真阳街道, three grids), a few hundred households, and the community's errand team of local
 * party-member volunteers. Rows as the services would write them (sealed ID numbers, blind
 * indexes), inside the errand demo's transaction.
 */
import type { Kysely } from 'kysely';
import type { MemberRoleTag } from '../../common/enums.ts';
import {
  insertHouseholds,
  insertResidents,
  type NewHouseholdRow,
  type NewResidentRow,
} from '../features/households/households.repository.ts';
import { findRegionByCode, insertRegions } from '../features/regions/regions.repository.ts';
import type { Region } from '../features/regions/regions.schemas.ts';
import { insertMember, insertTeam } from '../features/teams/teams.repository.ts';
import { insertVolunteers, type NewVolunteerRow } from '../features/volunteers/volunteers.repository.ts';
import { newId } from '../platform/db/ids.ts';
import type { Database } from '../platform/db/schema.ts';
import type { Deps } from '../platform/deps.ts';
import { demoPerson, type Random } from './demo-people.ts';

export const ZHENGYANG = '411724';
const TOWNSHIP = '411724001';
export const ZHENGXING_CODE = `${TOWNSHIP}-001`;
const COMMUNITY = '正兴社区';
const GRIDS = ['第一网格', '第二网格', '第三网格'];
const HOUSEHOLDS_PER_GRID = 60;
const VOLUNTEERS = 10;
export const ZHENGXING_TEAM = '正兴社区红色代办服务队';

/** Writes the community, its grids, households and team; the grids' regions are returned in order. */
export async function seedZhengyang(
  trx: Kysely<Database>,
  deps: Deps,
  rnd: Random,
  today: string,
  now: string,
): Promise<{ grids: Region[]; teamId: string }> {
  const township = await findRegionByCode(trx, TOWNSHIP);
  if (!township) throw new Error(`demo errands: township ${TOWNSHIP} is missing`);
  const region = (parent: Region, code: string, name: string, level: Region['level'], sortOrder: number): Region => {
    const id = newId();
    return { id, parentId: parent.id, code, name, level, path: `${parent.path}${id}/`, sortOrder };
  };
  const community = region(township, ZHENGXING_CODE, COMMUNITY, 'community', 1);
  const grids = GRIDS.map((name, i) =>
    region(community, `${ZHENGXING_CODE}-${String(i + 1).padStart(2, '0')}`, name, 'grid', i + 1),
  );
  await insertRegions(trx, [community, ...grids], now);

  const households: NewHouseholdRow[] = [];
  const residents: NewResidentRow[] = [];
  grids.forEach((grid, g) => {
    for (let n = 0; n < HOUSEHOLDS_PER_GRID; n++) {
      const building = g * 3 + 1 + Math.floor(n / 20);
      const unit = 1 + Math.floor((n % 20) / 10);
      const room = `${1 + Math.floor((n % 10) / 2)}0${1 + (n % 2)}`;
      const id = newId();
      households.push({
        id,
        regionId: grid.id,
        building: `${building}号楼`,
        unit: `${unit}单元`,
        room,
        address: `正阳县真阳街道${COMMUNITY}${building}号楼${unit}单元${room}室`,
        housing: 'owner',
        note: null,
      });
      // The head and, in most homes, a spouse: who answers the door and the phone.
      for (const relation of rnd() < 0.75 ? (['head', 'spouse'] as const) : (['head'] as const)) {
        const p = demoPerson(rnd, ZHENGYANG, '');
        residents.push({
          id: newId(),
          householdId: id,
          name: p.name,
          idNumberEnc: deps.pii.encrypt(p.idNumber),
          idNumberIndex: deps.pii.blindIndex(p.idNumber),
          mobile: p.mobile,
          relation,
        });
      }
    }
  });
  await insertHouseholds(trx, households, now);
  await insertResidents(trx, residents, now);

  const volunteers: NewVolunteerRow[] = Array.from({ length: VOLUNTEERS }, (_, i) => {
    const p = demoPerson(rnd, ZHENGYANG, `正阳县真阳街道${COMMUNITY}`);
    return {
      id: newId(),
      pledgeId: null,
      accountId: null,
      name: p.name,
      gender: p.gender,
      idNumberEnc: deps.pii.encrypt(p.idNumber),
      idNumberIndex: deps.pii.blindIndex(p.idNumber),
      mobile: p.mobile,
      // 红色代办 is the party members' errand: the first ones are, as the report has it.
      partyMember: i < 7 || p.partyMember ? 1 : 0,
      partyBranch: `${COMMUNITY}党支部`,
      unitId: null,
      unitName: `${COMMUNITY}居委会`,
      homeAddress: p.homeAddress,
      regionId: grids[i % grids.length]!.id,
      skills: JSON.stringify(['logistics']),
      availability: JSON.stringify(p.availability),
      status: 'active',
      statusReason: null,
      statusSince: today,
    };
  });
  await insertVolunteers(trx, volunteers, now);
  const teamId = newId();
  await insertTeam(
    trx,
    {
      id: teamId,
      name: ZHENGXING_TEAM,
      kind: 'volunteer_service',
      regionId: community.id,
      parentTeamId: null,
      leaderVolunteerId: volunteers[0]!.id,
      description: '你下单、我跑腿：网格代办岗的党员志愿者',
    },
    now,
  );
  for (const [i, v] of volunteers.entries()) {
    // 勤务 (orderly) runs the errands; a couple keep the accounts and the group chat.
    const roleTags: MemberRoleTag[] = i === 0 ? [] : [i % 4 === 0 ? 'publicist' : 'orderly'];
    await insertMember(trx, { teamId, volunteerId: v.id, roleTags, inBranch: v.partyMember === 1 }, now);
  }
  return { grids, teamId };
}
