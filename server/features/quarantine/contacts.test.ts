import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createTestApp, type Client, type TestApp } from '../../../test/app.ts';
import { twoCounties, type TwoCounties } from '../../../test/fixtures.ts';
import { testIdNumber } from '../../../test/identity.ts';
import { API, auditRows, expectError, snapshot } from '../../../test/requests.ts';
import { addDays, calendarDate } from '../../platform/dates.ts';
import { newId, nowIso } from '../../platform/db/ids.ts';
import { insertCase } from './health-reports.matrix.ts';
import { anonymise } from './people.repository.ts';

let t: TestApp;
let w: TwoCounties;
let manager: Client;
let doctor: Client;
let today: string;

const db = () => t.deps.db.db;

const body = (o: Record<string, unknown> = {}) => ({
  regionId: w.a.community.id,
  name: '孙丽华',
  mobile: '13500005678',
  sourceCase: '确诊病例王某（驿城区）的同事，同一办公室',
  lastExposureOn: addDays(today, -2),
  exposureKind: 'work',
  ...o,
});

beforeAll(async () => {
  t = await createTestApp();
  w = await twoCounties(t.factory);
  today = calendarDate(t.deps.config.timeZone);
  await t.factory.account({ login: 'ct-manager', grants: [{ role: 'region_manager', regionId: w.a.county.id }] });
  await t.factory.account({ login: 'ct-doctor', grants: [{ role: 'medical_observer', regionId: w.a.community.id }] });
  manager = await t.signIn('ct-manager');
  doctor = await t.signIn('ct-doctor');
});
afterAll(() => t.close());

describe('close contacts', () => {
  it('are registered masked and audited without the source case, and corrected', async () => {
    const idNumber = testIdNumber();
    const res = await manager.post(`${API}/contacts`, body({ idNumber }));
    expect(res.statusCode, res.body).toBe(201);
    const c = res.json();
    expect(c).toMatchObject({
      name: '孙**',
      mobile: '135****5678',
      exposureKind: 'work',
      case: null,
      regionName: w.a.community.name,
    });
    expect(res.body).not.toContain(idNumber);
    const audit = await auditRows(t.deps, { action: 'contact.create', entityId: c.id });
    expect(audit[0]!.detail).not.toContain('王某');

    const edited = await manager.patch(`${API}/contacts/${c.id}`, {
      exposureKind: 'gathering',
      lastExposureOn: addDays(today, -1),
    });
    expect(edited.statusCode, edited.body).toBe(200);
    expect(edited.json()).toMatchObject({ exposureKind: 'gathering', lastExposureOn: addDays(today, -1) });
    expect(await db().selectFrom('events').select('type').where('entityId', '=', c.id).orderBy('id').execute()).toEqual([
      { type: 'contact.created' },
      { type: 'contact.updated' },
    ]);

    const revealed = await doctor.post(`${API}/contacts/${c.id}/reveal`);
    expect(revealed.json()).toEqual({ name: '孙丽华', idNumber, mobile: '13500005678' });
    expect(await auditRows(t.deps, { action: 'contact.reveal', entityId: c.id })).toHaveLength(1);
  });

  it('refuse a future exposure and a place above community level, writing nothing', async () => {
    const before = await snapshot(t.deps);
    const e = expectError(
      await manager.post(`${API}/contacts`, body({ lastExposureOn: addDays(today, 1), regionId: w.a.township.id })),
      422,
    );
    expect(e.fields).toEqual({ lastExposureOn: '末次接触日期不能晚于今天', regionId: '请选择社区或网格' });
    expectError(await manager.post(`${API}/contacts`, body({ exposureKind: 'phone' })), 400);
    expectError(await manager.post(`${API}/contacts`, body({ regionId: w.b.community.id })), 404);
    expect(await snapshot(t.deps)).toEqual(before);
  });

  it('list the area’s contacts with the isolation case opened for them; another county’s stay hidden', async () => {
    const withCase = (await manager.post(`${API}/contacts`, body({ exposureKind: 'household' }))).json();
    const ref = `GL-CT-${newId().slice(-6)}`;
    const caseId = await insertCase(db(), {
      regionId: w.a.community.id,
      contactId: withCase.id,
      ref,
      personName: '孙丽华',
      mobile: null,
      kind: 'central',
      startBasis: 'exposure',
      daysAgo: 2,
    });
    const other = (await t.factory.account({ grants: [{ role: 'region_manager', regionId: w.b.county.id }] })).login;
    const theirs = (await (await t.signIn(other)).post(`${API}/contacts`, body({ regionId: w.b.community.id }))).json();

    const all = (await doctor.get(`${API}/contacts?limit=200`)).json();
    expect(all.items.map((c: { id: string }) => c.id)).not.toContain(theirs.id);
    const cased = (await doctor.get(`${API}/contacts?hasCase=true`)).json().items;
    expect(cased).toEqual([
      expect.objectContaining({
        id: withCase.id,
        case: { id: caseId, ref, kind: 'central', status: 'active' },
      }),
    ]);
    const without = (await doctor.get(`${API}/contacts?hasCase=false&exposureKind=gathering`)).json().items;
    expect(without.length).toBeGreaterThan(0);
    expect(without.every((c: { case: null; exposureKind: string }) => c.case === null && c.exposureKind === 'gathering')).toBe(
      true,
    );
    expectError(await doctor.get(`${API}/contacts/${theirs.id}`), 404);
    expectError(await doctor.patch(`${API}/contacts/${withCase.id}`, { note: '电话已通知' }), 403);
  });
});

describe('a close contact past retention', () => {
  it('is shown as anonymised, and can no longer be corrected or revealed', async () => {
    const c = (await manager.post(`${API}/contacts`, body({ idNumber: testIdNumber(), address: '雪松路 3 号' }))).json();
    expect(c.anonymised).toBe(false);
    await anonymise(db(), 'contacts', [c.id], nowIso());

    const gone = { anonymised: true, name: '已匿名', idNumber: null, mobile: null, address: null, sourceCase: '已匿名' };
    expect((await doctor.get(`${API}/contacts/${c.id}`)).json()).toMatchObject({ ...gone, exposureKind: 'work' });
    const listed = (await doctor.get(`${API}/contacts?limit=200`)).json().items as { id: string }[];
    expect(listed.find((i) => i.id === c.id)).toMatchObject(gone);

    const before = await snapshot(t.deps);
    expectError(await manager.patch(`${API}/contacts/${c.id}`, { note: '电话已通知' }), 409, 'QUARANTINE_PERSON_ANONYMISED');
    expectError(await doctor.post(`${API}/contacts/${c.id}/reveal`), 409, 'QUARANTINE_PERSON_ANONYMISED');
    expect(await snapshot(t.deps)).toEqual(before);
  });
});
