import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createTestApp, type Client, type TestApp } from '../../../test/app.ts';
import { twoCounties, type TwoCounties } from '../../../test/fixtures.ts';
import { API, auditRows, expectError, snapshot, snapshotChanges } from '../../../test/requests.ts';
import { calendarDate } from '../../platform/dates.ts';
import { newId, nowIso } from '../../platform/db/ids.ts';
import { makeCheckpoint } from '../duty/duty.test-helpers.ts';
import type { InspectionGroup } from './inspection-groups.schemas.ts';

let t: TestApp;
let w: TwoCounties;
let manager: Client;
let n = 0;

const db = () => t.deps.db.db;
const uniq = (p: string) => `${p}${++n}`;

/** An active account with a volunteer grant in county A's grid. */
async function person(o: { login?: string; status?: 'disabled'; name?: string } = {}): Promise<string> {
  return (
    await t.factory.account({
      ...o,
      login: o.login ?? uniq('p'),
      grants: [{ role: 'volunteer', regionId: w.a.grid.id }],
    })
  ).id;
}

/** Inspector grants of an account, hand-given or kept by a group. */
const inspectorGrants = (accountId: string) =>
  db()
    .selectFrom('roleGrants')
    .select(['regionId', 'inspectionGroupId'])
    .where('accountId', '=', accountId)
    .where('role', '=', 'inspector')
    .orderBy('regionId')
    .execute();

const inbox = (accountId: string) => db().selectFrom('notifications').selectAll().where('accountId', '=', accountId).execute();

async function createGroup(client: Client, body: Record<string, unknown>, headers?: Record<string, string>) {
  return client.post(
    `${API}/inspection-groups`,
    {
      name: uniq('第一联络组'),
      kind: 'liaison',
      regionId: w.a.county.id,
      areaRegionIds: [w.a.township.id],
      memberAccountIds: [],
      ...body,
    },
    headers,
  );
}

beforeAll(async () => {
  t = await createTestApp();
  w = await twoCounties(t.factory);
  await t.factory.account({ login: 'ig-manager', grants: [{ role: 'region_manager', regionId: w.a.county.id }] });
  manager = await t.signIn('ig-manager');
});
afterAll(() => t.close());

describe('creating a group', () => {
  it('gives each member the inspector role over the area at once, kept by the group, and tells them', async () => {
    const login = uniq('liu');
    const member = await person({ login, name: '刘组长' });
    const other = await person();
    const before = await t.signIn(login);
    expectError(await before.get(`${API}/inspections/coverage`), 403);

    const res = await createGroup(manager, {
      areaRegionIds: [w.a.township.id, w.a.township2.id],
      memberAccountIds: [member, other],
      leaderAccountId: member,
      note: '  每日到卡点  ',
    });
    expect(res.statusCode, res.body).toBe(201);
    const g = res.json() as InspectionGroup;
    expect(g).toMatchObject({
      kind: 'liaison',
      regionId: w.a.county.id,
      regionName: w.a.county.name,
      leader: { accountId: member, name: '刘组长' },
      note: '每日到卡点',
      visitsToday: 0,
    });
    expect(g.members.map((m) => m.accountId)).toEqual([member, other]);
    expect(g.area.map((a) => a.regionId).sort()).toEqual([w.a.township.id, w.a.township2.id].sort());
    expect(g.area[0]).toMatchObject({ level: 'township' });

    expect(await inspectorGrants(member)).toEqual(
      [w.a.township.id, w.a.township2.id].sort().map((regionId) => ({ regionId, inspectionGroupId: g.id })),
    );
    // Sessions read grants on every request: the member inspects straight away.
    expect((await before.get(`${API}/inspections/coverage?regionId=${w.a.township.id}`)).statusCode).toBe(200);
    expectError(await before.get(`${API}/inspections/coverage?regionId=${w.b.county.id}`), 404);

    const [note] = await inbox(member);
    expect(note).toMatchObject({ kind: 'notify.inspections.joined', link: '/inspect' });
    expect(JSON.parse(note!.params)).toEqual({ group: g.name });
    const [audit] = await auditRows(t.deps, { action: 'inspectionGroup.create', entityId: g.id });
    expect(JSON.parse(audit!.detail!)).toMatchObject({ grants: 4, memberAccountIds: [member, other] });
    expect(audit!.regionPath).toBe(w.a.county.path);
  });

  it('leaves a hand-given inspector grant alone and adds none beside it', async () => {
    const member = await person();
    await db()
      .insertInto('roleGrants')
      .values({
        id: newId(),
        accountId: member,
        role: 'inspector',
        regionId: w.a.township.id,
        createdAt: nowIso(),
        inspectionGroupId: null,
      })
      .execute();
    const g = (
      await createGroup(manager, { areaRegionIds: [w.a.township.id, w.a.community.id], memberAccountIds: [member] })
    ).json() as InspectionGroup;
    expect(await inspectorGrants(member)).toEqual(
      [
        { regionId: w.a.township.id, inspectionGroupId: null },
        { regionId: w.a.community.id, inspectionGroupId: g.id },
      ].sort((a, b) => a.regionId.localeCompare(b.regionId)),
    );
    // Deleting the group takes only what it gave.
    expect((await manager.delete(`${API}/inspection-groups/${g.id}`)).statusCode).toBe(200);
    expect(await inspectorGrants(member)).toEqual([{ regionId: w.a.township.id, inspectionGroupId: null }]);
  });

  it('refuses an area outside the region, unknown or disabled members and an outside leader, field by field, writing nothing', async () => {
    const disabled = await person({ status: 'disabled' });
    const member = await person();
    const stranger = await person();
    const before = await snapshot(t.deps);
    const body = {
      regionId: w.a.township.id,
      areaRegionIds: [w.a.township2.id],
      memberAccountIds: [member, disabled],
      leaderAccountId: stranger,
    };
    const zh = expectError(await createGroup(manager, body), 422, 'VALIDATION');
    expect(zh.fields).toEqual({
      areaRegionIds: '督查区域须是本组所属区划或其下级区划',
      memberAccountIds: '成员账号不存在或已停用',
      leaderAccountId: '组长须是本组成员',
    });
    manager.lang = 'en';
    const en = expectError(await createGroup(manager, body), 422, 'VALIDATION');
    manager.lang = 'zh-CN';
    expect(en.fields).toMatchObject({ leaderAccountId: 'The leader must be one of the members' });
    expectError(await createGroup(manager, { areaRegionIds: [newId()] }), 422);
    // A region of another county is not there for this manager.
    expectError(await createGroup(manager, { regionId: w.b.county.id, areaRegionIds: [w.b.township.id] }), 404);
    expect(snapshotChanges(before, await snapshot(t.deps))).toEqual({});
  });

  it('refuses a second group of the same name in the same region (409) but not elsewhere', async () => {
    const name = uniq('第二联络组');
    expect((await createGroup(manager, { name })).statusCode).toBe(201);
    const err = expectError(await createGroup(manager, { name }), 409, 'INSPECTION_GROUP_NAME_TAKEN');
    expect(err.message).toBe('该区划下已有同名督查组');
    expect((await createGroup(manager, { name, regionId: w.a.township.id, areaRegionIds: [w.a.community.id] })).statusCode).toBe(
      201,
    );
  });

  it('makes one group for a retried request with the same idempotency key', async () => {
    const name = uniq('重试组');
    const key = { 'idempotency-key': uniq('ig-retry-') };
    const first = await createGroup(manager, { name }, key);
    const again = await createGroup(manager, { name }, key);
    expect(first.statusCode).toBe(201);
    expect(again.statusCode).toBe(201);
    expect(again.json().id).toBe(first.json().id);
    const rows = await db().selectFrom('inspectionGroups').select('id').where('name', '=', name).execute();
    expect(rows).toHaveLength(1);
  });

  it('lets inspectors read but not manage groups', async () => {
    await t.factory.account({ login: 'ig-inspector', grants: [{ role: 'inspector', regionId: w.a.county.id }] });
    const inspector = await t.signIn('ig-inspector');
    expectError(await createGroup(inspector, {}), 403);
    expect((await inspector.get(`${API}/inspection-groups`)).statusCode).toBe(200);
  });
});

describe('changing a group', () => {
  it('moves the grants with the members and the area, keeping those another group gives', async () => {
    const stays = await person();
    const leaves = await person();
    const joins = await person();
    const g = (
      await createGroup(manager, { memberAccountIds: [stays, leaves], leaderAccountId: leaves, areaRegionIds: [w.a.township.id] })
    ).json() as InspectionGroup;
    const other = (
      await createGroup(manager, { memberAccountIds: [leaves], areaRegionIds: [w.a.township2.id] })
    ).json() as InspectionGroup;

    const res = await manager.patch(`${API}/inspection-groups/${g.id}`, {
      memberAccountIds: [stays, joins],
      areaRegionIds: [w.a.community.id],
    });
    expect(res.statusCode, res.body).toBe(200);
    // Taking the leader out leaves the group without one.
    expect(res.json()).toMatchObject({ leader: null, area: [{ regionId: w.a.community.id }] });
    expect(await inspectorGrants(stays)).toEqual([{ regionId: w.a.community.id, inspectionGroupId: g.id }]);
    expect(await inspectorGrants(joins)).toEqual([{ regionId: w.a.community.id, inspectionGroupId: g.id }]);
    expect(await inspectorGrants(leaves)).toEqual([{ regionId: w.a.township2.id, inspectionGroupId: other.id }]);
    expect((await inbox(joins)).map((x) => x.kind)).toEqual(['notify.inspections.joined']);
    expect(await inbox(stays)).toHaveLength(1);
    const [audit] = await auditRows(t.deps, { action: 'inspectionGroup.update', entityId: g.id });
    expect(JSON.parse(audit!.detail!)).toMatchObject({ joined: [joins], left: [leaves] });

    expectError(await manager.patch(`${API}/inspection-groups/${g.id}`, { leaderAccountId: leaves }), 422);
    expect((await manager.patch(`${API}/inspection-groups/${g.id}`, { leaderAccountId: joins })).json()).toMatchObject({
      leader: { accountId: joins },
    });
    expectError(
      await manager.patch(`${API}/inspection-groups/${g.id}`, { name: other.name }),
      409,
      'INSPECTION_GROUP_NAME_TAKEN',
    );
  });

  it('refuses to delete a group with visits, and takes the grants with it otherwise', async () => {
    const member = await person();
    const g = (await createGroup(manager, { memberAccountIds: [member] })).json() as InspectionGroup;
    const cp = await makeCheckpoint(db(), { regionId: w.a.community.id });
    const now = nowIso();
    const visit = {
      id: newId(),
      checkpointId: cp.id,
      regionId: w.a.community.id,
      groupId: g.id,
      inspectorAccountId: member,
      visitedAt: now,
      visitedOn: calendarDate(t.deps.config.timeZone),
      ratingStaffing: 3,
      ratingSupplies: 3,
      ratingRegistration: 3,
      ratingAttitude: 3,
      findings: null,
      expected: 0,
      present: 0,
      absent: 0,
      createdAt: now,
    };
    await db().insertInto('inspections').values(visit).execute();
    expect(((await manager.get(`${API}/inspection-groups/${g.id}`)).json() as InspectionGroup).visitsToday).toBe(1);
    const err = expectError(await manager.delete(`${API}/inspection-groups/${g.id}`), 409, 'INSPECTION_GROUP_HAS_VISITS');
    expect(err.message).toContain('1 次');
    await db().deleteFrom('inspections').where('id', '=', visit.id).execute();
    expect((await manager.delete(`${API}/inspection-groups/${g.id}`)).statusCode).toBe(200);
    expect(await inspectorGrants(member)).toEqual([]);
    expectError(await manager.get(`${API}/inspection-groups/${g.id}`), 404);
    expect(await auditRows(t.deps, { action: 'inspectionGroup.delete', entityId: g.id })).toHaveLength(1);
  });
});

describe('reading groups', () => {
  it('shows groups set up in the scope or inspecting in it, mine, and masks logins that are mobiles', async () => {
    const login = '13912345678';
    const member = await person({ login });
    await t.factory.account({ login: 'ig-city', grants: [{ role: 'commander', regionId: w.city.id }] });
    const city = await t.signIn('ig-city');
    const intoA = (
      await createGroup(city, { regionId: w.city.id, areaRegionIds: [w.a.community.id], memberAccountIds: [member] })
    ).json();
    const onlyB = (await createGroup(city, { regionId: w.city.id, areaRegionIds: [w.b.community.id] })).json();
    const ofB = (await createGroup(city, { regionId: w.b.county.id, areaRegionIds: [w.b.township.id] })).json();

    const seen = (await manager.get(`${API}/inspection-groups`)).json() as { items: InspectionGroup[]; total: number };
    const ids = seen.items.map((g) => g.id);
    expect(ids).toContain(intoA.id);
    expect(ids).not.toContain(onlyB.id);
    expect(ids).not.toContain(ofB.id);
    expect(seen.total).toBe(seen.items.length);
    expect(seen.items.find((g) => g.id === intoA.id)!.members[0]!.login).toBe('139****5678');
    expectError(await manager.get(`${API}/inspection-groups/${ofB.id}`), 404);
    expectError(await manager.get(`${API}/inspection-groups/${onlyB.id}`), 404);
    expectError(await manager.get(`${API}/inspection-groups?regionId=${w.b.county.id}`), 404);

    const mine = await t.signIn(login);
    const own = (await mine.get(`${API}/inspection-groups?mine=true`)).json() as { items: InspectionGroup[] };
    expect(own.items.map((g) => g.id)).toEqual([intoA.id]);
    const byKind = (await city.get(`${API}/inspection-groups?kind=discipline`)).json() as { items: InspectionGroup[] };
    expect(byKind.items).toEqual([]);
    const named = (await city.get(`${API}/inspection-groups?q=${encodeURIComponent(intoA.name)}`)).json() as {
      items: InspectionGroup[];
    };
    expect(named.items.map((g) => g.id)).toEqual([intoA.id]);
  });
});
