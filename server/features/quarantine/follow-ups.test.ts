import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createTestApp, type Client, type TestApp } from '../../../test/app.ts';
import { twoCounties, type TwoCounties } from '../../../test/fixtures.ts';
import { API, auditRows, expectError, snapshot } from '../../../test/requests.ts';
import { newId } from '../../platform/db/ids.ts';
import { accountsService } from '../accounts/accounts.service.ts';
import { regionsService } from '../regions/regions.service.ts';
import type { OpenFollowUp } from './follow-ups.schemas.ts';
import { followUpsService, type FollowUpsService } from './follow-ups.service.ts';

let t: TestApp;
let w: TwoCounties;
let followUps: FollowUpsService;
let doctor: Client;
let manager: Client;
let inspector: Client;
let doctorId: string;
let townshipManagerId: string;

const db = () => t.deps.db.db;

function handOver(o: Partial<OpenFollowUp> = {}): OpenFollowUp {
  return {
    regionId: w.a.grid.id,
    kind: 'fever',
    source: { kind: 'passage', id: newId() },
    person: { name: '王小明', mobile: '13812345678' },
    details: {
      checkpointId: newId(),
      checkpointName: '雪松路卡点',
      occurredAt: '2020-02-10T01:30:00.000Z',
      direction: 'in',
      temperature: 38.2,
      remeasured: 38.1,
      originCode: null,
      originName: null,
      riskAreaName: null,
      plate: '豫Q12345',
    },
    ...o,
  };
}

/** Opens a task as another feature would: inside its own transaction. */
const open = (input: OpenFollowUp) =>
  db()
    .transaction()
    .execute((trx) => followUps.open(trx, input));

beforeAll(async () => {
  t = await createTestApp();
  w = await twoCounties(t.factory);
  const regions = regionsService(t.deps);
  followUps = followUpsService(t.deps, { regions, accounts: accountsService(t.deps, regions) });
  // The community has a doctor of its own; its managers sit at the township.
  doctorId = (await t.factory.account({ login: 'fu-doctor', grants: [{ role: 'medical_observer', regionId: w.a.community.id }] }))
    .id;
  townshipManagerId = (
    await t.factory.account({ login: 'fu-manager', grants: [{ role: 'region_manager', regionId: w.a.township.id }] })
  ).id;
  await t.factory.account({ login: 'fu-inspector', grants: [{ role: 'inspector', regionId: w.a.county.id }] });
  doctor = await t.signIn('fu-doctor');
  manager = await t.signIn('fu-manager');
  inspector = await t.signIn('fu-inspector');
});
afterAll(() => t.close());

describe('handing a person over', () => {
  it('opens one task for the community of a grid and tells its doctor and the nearest managers, without the person', async () => {
    const input = handOver();
    const first = await open(input);
    expect(first.opened).toBe(true);
    const row = await db().selectFrom('followUps').selectAll().where('id', '=', first.id).executeTakeFirstOrThrow();
    expect(row).toMatchObject({ regionId: w.a.community.id, status: 'open', personName: '王小明' });
    const notes = await db().selectFrom('notifications').selectAll().where('kind', '=', 'notify.followUps.fever').execute();
    expect(notes.map((n) => n.accountId).sort()).toEqual([doctorId, townshipManagerId].sort());
    expect(notes[0]!.link).toBe('/follow-ups');
    expect(notes[0]!.params).not.toContain('王小明');
    expect(notes[0]!.params).not.toContain('13812345678');
    expect(JSON.parse(notes[0]!.params)).toMatchObject({ place: '雪松路卡点', temperature: 38.1, time: '02-10 09:30' });
    expect(await auditRows(t.deps, { action: 'followUp.open', entityId: first.id })).toHaveLength(1);

    // The same source again (a corrected entry): the same task, refreshed, nobody told twice.
    const again = await open({ ...input, person: { name: '王晓明', mobile: '13812345679' } });
    expect(again).toEqual({ id: first.id, opened: false });
    const refreshed = await db().selectFrom('followUps').selectAll().where('sourceId', '=', input.source.id).execute();
    expect(refreshed).toHaveLength(1);
    expect(refreshed[0]).toMatchObject({ personName: '王晓明', personMobile: '13812345679' });
    expect(
      await db().selectFrom('notifications').select('id').where('kind', '=', 'notify.followUps.fever').execute(),
    ).toHaveLength(2);

    // Another kind from the same source is a task of its own.
    const arrival = await open({ ...input, kind: 'risk_arrival' });
    expect(arrival.opened).toBe(true);
    expect(arrival.id).not.toBe(first.id);
  });
});

describe('follow-up tasks', () => {
  it('lists the tasks of the caller’s area masked, open work first; another county’s are not there', async () => {
    const mine = await open(handOver({ kind: 'risk_arrival', person: { name: '赵六', mobile: '13900001111' } }));
    const foreign = await open(handOver({ regionId: w.b.grid.id }));
    const res = await doctor.get(`${API}/follow-ups?kind=risk_arrival&limit=200`);
    expect(res.statusCode, res.body).toBe(200);
    const item = res.json().items.find((f: { id: string }) => f.id === mine.id);
    expect(item).toMatchObject({
      regionId: w.a.community.id,
      regionName: w.a.community.name,
      kind: 'risk_arrival',
      status: 'open',
      source: { kind: 'passage' },
      personName: '赵*',
      personMobile: '139****1111',
      details: { checkpointName: '雪松路卡点', plate: '豫Q***45', temperature: 38.2 },
      assignedTo: null,
    });
    expect(res.body).not.toContain('13900001111');
    const ids = (await manager.get(`${API}/follow-ups?limit=200`)).json().items.map((f: { id: string }) => f.id);
    expect(ids).toContain(mine.id);
    expect(ids).not.toContain(foreign.id);
    expectError(await doctor.get(`${API}/follow-ups/${foreign.id}`), 404);
    expectError(await doctor.get(`${API}/follow-ups?regionId=${w.b.county.id}`), 404);
    expectError(await inspector.get(`${API}/follow-ups`), 403);
  });

  it('reveals the person to a caller who may, and records that they looked', async () => {
    const task = await open(handOver());
    const res = await doctor.post(`${API}/follow-ups/${task.id}/reveal`);
    expect(res.statusCode, res.body).toBe(200);
    expect(res.json()).toEqual({ personName: '王小明', personMobile: '13812345678', plate: '豫Q12345' });
    const audit = await auditRows(t.deps, { action: 'followUp.reveal', entityId: task.id });
    expect(audit).toHaveLength(1);
    expect(audit[0]!.actorLogin).toBe('fu-doctor');
    expect(audit[0]!.detail).not.toContain('13812345678');
  });

  it('is taken on, then closed with an outcome; a closed task stays closed', async () => {
    const task = await open(handOver());
    const taken = await doctor.post(`${API}/follow-ups/${task.id}/take`);
    expect(taken.statusCode, taken.body).toBe(200);
    expect(taken.json()).toMatchObject({ status: 'in_progress', assignedTo: { accountId: doctorId } });
    // A colleague stands in.
    expect((await manager.post(`${API}/follow-ups/${task.id}/take`)).json().assignedTo.accountId).toBe(townshipManagerId);

    const before = await snapshot(t.deps);
    const blank = expectError(await doctor.post(`${API}/follow-ups/${task.id}/close`, { outcome: '  ' }), 400);
    expect(blank.fields?.outcome).toBe('不能为空白');
    expect(await snapshot(t.deps)).toEqual(before);

    const closed = await doctor.post(`${API}/follow-ups/${task.id}/close`, { outcome: '已复测体温正常，居家观察 14 天' });
    expect(closed.statusCode, closed.body).toBe(200);
    expect(closed.json()).toMatchObject({
      status: 'closed',
      outcome: '已复测体温正常，居家观察 14 天',
      closedBy: { accountId: doctorId },
      assignedTo: { accountId: townshipManagerId },
    });
    expect(closed.json().closedAt).toEqual(expect.any(String));
    const again = expectError(
      await doctor.post(`${API}/follow-ups/${task.id}/close`, { outcome: '再次' }),
      409,
      'FOLLOW_UP_CLOSED',
    );
    expect(again.message).toBe('该跟进任务已办结');
    expectError(await manager.post(`${API}/follow-ups/${task.id}/take`), 409, 'FOLLOW_UP_CLOSED');
    const audit = await auditRows(t.deps, { action: 'followUp.close', entityId: task.id });
    expect(audit).toHaveLength(1);
    expect(audit[0]!.detail).not.toContain('居家观察');
    expect((await doctor.get(`${API}/follow-ups?status=closed`)).json().items.map((f: { id: string }) => f.id)).toContain(
      task.id,
    );
  });

  it('closes an untaken task as the work of whoever closes it', async () => {
    const task = await open(handOver({ kind: 'risk_arrival' }));
    const closed = await manager.post(`${API}/follow-ups/${task.id}/close`, { outcome: '已登记，居家隔离' });
    expect(closed.json()).toMatchObject({
      assignedTo: { accountId: townshipManagerId },
      closedBy: { accountId: townshipManagerId },
    });
  });
});
