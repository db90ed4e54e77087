import ExcelJS from 'exceljs';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createTestApp, type Client, type TestApp } from '../../../test/app.ts';
import { twoCounties, type TwoCounties } from '../../../test/fixtures.ts';
import { testIdNumber, withWrongCheckDigit } from '../../../test/identity.ts';
import { API, auditRows, expectError, snapshot } from '../../../test/requests.ts';
import { XLSX_MIME } from '../../platform/http/xlsx.ts';
import { streamedBuffer } from '../../platform/spreadsheet.ts';
import { writeHouseholds, type SheetLine } from './households.import.ts';
import type { Household, HouseholdSummary, ImportCounts, ResidentMatch } from './households.schemas.ts';

let t: TestApp;
let w: TwoCounties;
let managerA: Client;
let managerB: Client;
let doctorA: Client;
let volunteerA: Client;

beforeAll(async () => {
  t = await createTestApp();
  w = await twoCounties(t.factory);
  await t.factory.account({ login: 'hh-mgr-a', grants: [{ role: 'region_manager', regionId: w.a.county.id }] });
  await t.factory.account({ login: 'hh-mgr-b', grants: [{ role: 'region_manager', regionId: w.b.county.id }] });
  await t.factory.account({ login: 'hh-doc-a', grants: [{ role: 'medical_observer', regionId: w.a.county.id }] });
  await t.factory.account({ login: 'hh-vol-a', grants: [{ role: 'volunteer', regionId: w.a.grid.id }] });
  managerA = await t.signIn('hh-mgr-a');
  managerB = await t.signIn('hh-mgr-b');
  doctorA = await t.signIn('hh-doc-a');
  volunteerA = await t.signIn('hh-vol-a');
});
afterAll(() => t.close());

let seq = 0;
const body = (o: Record<string, unknown> = {}) => ({
  regionId: w.a.grid.id,
  building: '3号楼',
  unit: '2单元',
  room: String(101 + seq),
  address: `东高小区3号楼2单元${101 + seq++}室`,
  housing: 'owner',
  ...o,
});

async function create(o: Record<string, unknown> = {}): Promise<Household> {
  const res = await managerA.post(`${API}/households`, body(o));
  expect(res.statusCode, res.body).toBe(201);
  return res.json();
}

function xlsx(lines: Partial<SheetLine>[]): Promise<Buffer> {
  const blank: SheetLine = {
    regionCode: '',
    building: '',
    unit: '',
    room: '',
    address: '',
    housing: '',
    note: '',
    name: '',
    relation: '',
    idNumber: '',
    mobile: '',
  };
  return streamedBuffer((out) => writeHouseholds(out, [lines.map((l) => ({ ...blank, ...l }))]));
}

const upload = (client: Client, bytes: Buffer, dryRun = false) =>
  client.post(`${API}/households/import${dryRun ? '?dryRun=true' : ''}`, bytes, { 'content-type': XLSX_MIME });

describe('households', () => {
  it('files a household with members, masked in every answer; the ID number is sealed', async () => {
    const idNumber = testIdNumber();
    const h = await create({
      note: null,
      members: [
        { name: '张建国', relation: 'head', idNumber, mobile: '13812345678' },
        { name: '张小明', relation: 'child' },
      ],
    });
    expect(h.members).toHaveLength(2);
    expect(h.memberCount).toBe(2);
    expect(h.note).toBeNull();
    expect(h.members[0]).toMatchObject({
      name: '张建国',
      idNumber: `${idNumber.slice(0, 6)}********${idNumber.slice(-4)}`,
      mobile: '138****5678',
    });
    expect(h.members[1]).toMatchObject({ idNumber: null, mobile: null });
    const stored = await t.deps.db.db.selectFrom('residents').selectAll().where('householdId', '=', h.id).execute();
    expect(JSON.stringify(stored)).not.toContain(idNumber);
    expect((await auditRows(t.deps, { action: 'household.create', entityId: h.id })).length).toBe(1);
  });

  it('refuses a bad ID number with the exact reason, a duplicate address, and a township as the place', async () => {
    const bad = await managerA.post(
      `${API}/households`,
      body({ members: [{ name: '李四', relation: 'head', idNumber: withWrongCheckDigit(testIdNumber()) }] }),
    );
    const err = expectError(bad, 422);
    expect(err.fields?.['members.0.idNumber']).toMatch(/校验位/);
    const h = await create();
    const again = await managerA.post(`${API}/households`, body({ address: h.address }));
    expect(expectError(again, 409, 'HOUSEHOLD_ADDRESS_TAKEN').fields?.address).toBeTruthy();
    expectError(await managerA.post(`${API}/households`, body({ regionId: w.a.township.id })), 422);
    managerA.lang = 'en';
    const en = expectError(await managerA.post(`${API}/households`, body({ housing: 'castle' })), 400);
    managerA.lang = 'zh-CN';
    expect(en.fields?.housing).toBeTruthy();
  });

  it('a create retried with the same Idempotency-Key files one household', async () => {
    const b = body();
    const first = await managerA.post(`${API}/households`, b, { 'idempotency-key': 'hh-create-1' });
    const again = await managerA.post(`${API}/households`, b, { 'idempotency-key': 'hh-create-1' });
    expect(first.statusCode).toBe(201);
    expect(again.statusCode).toBe(201);
    expect(again.json().id).toBe(first.json().id);
  });

  it('a failed create writes nothing', async () => {
    const before = await snapshot(t.deps);
    const id = testIdNumber();
    const res = await managerA.post(
      `${API}/households`,
      body({
        members: [
          { name: 'A', relation: 'head', idNumber: id },
          { name: 'B', relation: 'spouse', idNumber: id },
        ],
      }),
    );
    expectError(res, 422);
    expect(await snapshot(t.deps)).toEqual(before);
  });

  it('lists in scope with search, housing filter and paging; other counties see nothing of it', async () => {
    await create({ building: '88号楼', address: '幸福里88号楼1单元101室', housing: 'rented' });
    await create({ building: '88号楼', address: '幸福里88号楼1单元102室', housing: 'vacant' });
    const found = (await managerA.get(`${API}/households?q=幸福里&limit=1`)).json() as {
      items: HouseholdSummary[];
      total: number;
    };
    expect(found.total).toBe(2);
    expect(found.items).toHaveLength(1);
    const rented = (await managerA.get(`${API}/households?q=88号楼&housing=rented`)).json();
    expect(rented.total).toBe(1);
    expect((await managerB.get(`${API}/households?q=幸福里`)).json().total).toBe(0);
    expectError(await managerB.get(`${API}/households?regionId=${w.a.grid.id}`), 404);
    expectError(await volunteerA.get(`${API}/households`), 403);
  });

  it('a door plate finds exactly that building, unit and room, however either side writes it', async () => {
    const plate = await create({ building: '3号楼', unit: '2单元', room: '501', address: '门牌苑3号楼2单元501室' });
    const spelt = await create({
      regionId: w.a.community.id,
      building: '3栋',
      unit: '2',
      room: '501室',
      address: '门牌苑南区3栋2-501',
    });
    for (const [building, unit, room] of [
      ['3号楼', '2单元', '5010'],
      ['13号楼', '2单元', '501'],
      ['3号楼', '12单元', '501'],
      ['3号楼', '2单元', '1501'],
      ['33号楼', '2单元', '501'],
    ]) {
      await create({ building, unit, room, address: `门牌苑${building}${unit}${room}室` });
    }
    const search = async (q: string) =>
      (await managerA.get(`${API}/households?q=${encodeURIComponent(q)}`)).json() as { items: HouseholdSummary[]; total: number };
    for (const q of ['3-2-501', '3栋2单元501', '3号楼2单元501室', '３－２－５０１']) {
      const found = await search(q);
      expect(found.items.map((h) => h.id).sort(), q).toEqual([plate.id, spelt.id].sort());
      expect(found.total, q).toBe(2);
    }
    // Anything else is still looked for in the address.
    expect((await search('门牌苑3号楼')).total).toBe(4);
    expect((await managerB.get(`${API}/households?q=3-2-501`)).json().total).toBe(0);
  });

  it('updates the household and its members; a foreign id is a 404', async () => {
    const h = await create({ members: [{ name: '王芳', relation: 'head' }] });
    expectError(await managerB.patch(`${API}/households/${h.id}`, { housing: 'vacant' }), 404);
    const updated = (
      await managerA.patch(`${API}/households/${h.id}`, { housing: 'rented', note: '租户2020年1月入住' })
    ).json() as Household;
    expect(updated).toMatchObject({ housing: 'rented', note: '租户2020年1月入住' });
    const idNumber = testIdNumber();
    const added = await managerA.post(`${API}/households/${h.id}/residents`, {
      name: '李租户',
      relation: 'tenant',
      idNumber,
      mobile: '13700001111',
    });
    expect(added.statusCode, added.body).toBe(201);
    const withTenant = added.json() as Household;
    expect(withTenant.members).toHaveLength(2);
    expectError(
      await managerA.post(`${API}/households/${h.id}/residents`, { name: '又一个', relation: 'other', idNumber }),
      409,
      'RESIDENT_DUPLICATE',
    );
    const tenant = withTenant.members.find((m) => m.name === '李租户')!;
    const changed = (
      await managerA.patch(`${API}/households/${h.id}/residents/${tenant.id}`, { mobile: null })
    ).json() as Household;
    expect(changed.members.find((m) => m.id === tenant.id)!.mobile).toBeNull();
    const removed = (await managerA.delete(`${API}/households/${h.id}/residents/${tenant.id}`)).json() as Household;
    expect(removed.members).toHaveLength(1);
    // A member of another household is not found through this one.
    const other = await create({ members: [{ name: '外人', relation: 'head' }] });
    expectError(await managerA.delete(`${API}/households/${h.id}/residents/${other.members[0]!.id}`), 404);
    expect((await managerA.delete(`${API}/households/${h.id}`)).statusCode).toBe(200);
    expectError(await managerA.get(`${API}/households/${h.id}`), 404);
  });

  it('reveals a member to pii.reveal, audited; finds a person by ID number across households in scope', async () => {
    const idNumber = testIdNumber();
    const h = await create({ members: [{ name: '赵敏', relation: 'head', idNumber, mobile: '13912345678' }] });
    const second = await create({ regionId: w.a.community.id, members: [{ name: '赵敏', relation: 'tenant', idNumber }] });
    const member = h.members[0]!;
    const revealed = await doctorA.post(`${API}/households/${h.id}/residents/${member.id}/reveal`, {});
    expect(revealed.json()).toEqual({ idNumber, mobile: '13912345678' });
    const audit = await auditRows(t.deps, { action: 'pii.reveal', entityId: member.id });
    expect(audit).toHaveLength(1);
    expect(audit[0]!.actorLogin).toBe('hh-doc-a');
    expectError(await managerB.post(`${API}/households/${h.id}/residents/${member.id}/reveal`, {}), 404);

    const matches = (await managerA.get(`${API}/households/residents?idNumber=${idNumber.toLowerCase()}`)).json() as {
      items: ResidentMatch[];
    };
    expect(matches.items.map((m) => m.household.id).sort()).toEqual([h.id, second.id].sort());
    expect(matches.items[0]!.resident.idNumber).toContain('*');
    expect((await managerB.get(`${API}/households/residents?idNumber=${idNumber}`)).json().items).toEqual([]);
    expectError(await managerA.get(`${API}/households/residents?idNumber=${withWrongCheckDigit(idNumber)}`), 422);
  });
});

describe('households in Excel', () => {
  const code = () => w.a.grid.code!;

  it('the template downloads with the Chinese headings', async () => {
    const res = await managerA.get(`${API}/households/import-template`);
    expect(res.statusCode).toBe(200);
    const book = new ExcelJS.Workbook();
    await book.xlsx.load(res.rawPayload as unknown as ExcelJS.Buffer);
    expect(book.worksheets[0]!.getRow(1).getCell(5).value).toBe('地址');
  });

  it('checks every row and refuses the whole file with row and column problems', async () => {
    const before = await snapshot(t.deps);
    const bytes = await xlsx([
      {
        regionCode: code(),
        address: '导入路0号',
        housing: '自住',
        name: '甲',
        relation: '户主',
        idNumber: withWrongCheckDigit(testIdNumber()),
      },
      { regionCode: code(), address: '导入路1号', housing: '自住', name: '丙', relation: '户主' },
      { regionCode: code(), address: '导入路1号', housing: '出租', name: '乙', relation: '其他' },
      { regionCode: code(), address: '导入路4号', housing: '自住', name: '丁', relation: '朋友' },
      { regionCode: 'nope', address: '导入路2号', housing: '自住' },
      { regionCode: w.b.grid.code!, address: '导入路3号', housing: '自住' },
    ]);
    const err = expectError(await upload(managerA, bytes), 422, 'IMPORT_INVALID') as unknown as {
      rows: { row: number; column: string; message: string }[];
    };
    const rows = err.rows.map((r) => `${r.row}:${r.column}`);
    expect(rows).toEqual(
      expect.arrayContaining(['2:身份证号', '4:住房情况', '5:与户主关系', '6:所在网格（区划代码）', '7:所在网格（区划代码）']),
    );
    expect(await snapshot(t.deps)).toEqual(before);
  });

  it('a dry run counts and writes nothing; the import creates; the same file again changes nothing; an edit updates', async () => {
    const head = testIdNumber();
    const lines: Partial<SheetLine>[] = [
      {
        regionCode: code(),
        building: '5号楼',
        unit: '1单元',
        room: '101',
        address: '东高5号楼1单元101',
        housing: '自住',
        name: '孙大伟',
        relation: '户主',
        idNumber: head,
        mobile: '138 1234 0001',
      },
      { regionCode: code(), address: '东高5号楼1单元101', name: '孙小雨', relation: '女儿' },
      { regionCode: code(), building: '5号楼', unit: '1单元', room: '102', address: '东高5号楼1单元102', housing: '空置' },
    ];
    const before = await snapshot(t.deps);
    const dry = (await upload(managerA, await xlsx(lines), true)).json() as ImportCounts;
    expect(dry).toMatchObject({ dryRun: true, rows: 3, created: 2, updated: 0, members: 2 });
    expect(await snapshot(t.deps)).toEqual(before);

    const first = (await upload(managerA, await xlsx(lines))).json() as ImportCounts;
    expect(first).toMatchObject({ dryRun: false, created: 2, updated: 0, unchanged: 0 });
    const again = (await upload(managerA, await xlsx(lines))).json() as ImportCounts;
    expect(again).toMatchObject({ created: 0, updated: 0, unchanged: 2 });

    const edited = [
      { ...lines[0]!, housing: '出租' },
      lines[1]!,
      { ...lines[2]!, housing: '出租', name: '钱租户', relation: '租户' },
    ];
    const third = (await upload(managerA, await xlsx(edited))).json() as ImportCounts;
    expect(third).toMatchObject({ created: 0, updated: 2, unchanged: 0, members: 1 });
    const list = (await managerA.get(`${API}/households?q=东高5号楼`)).json() as { items: HouseholdSummary[] };
    expect(list.items.map((h) => [h.address, h.housing, h.memberCount])).toEqual([
      ['东高5号楼1单元101', 'rented', 2],
      ['东高5号楼1单元102', 'rented', 1],
    ]);
    expect((await auditRows(t.deps, { action: 'household.import' })).length).toBe(2);
  });

  it('exports masked; a masked export imports back unchanged; reveal=true shows numbers to pii.reveal, audited', async () => {
    const idNumber = testIdNumber();
    await create({
      building: '9号楼',
      address: '导出苑9号楼101',
      members: [{ name: '周全', relation: 'head', idNumber, mobile: '13600001234' }],
    });
    const res = await managerA.get(`${API}/households/export?q=导出苑`);
    expect(res.statusCode).toBe(200);
    const book = new ExcelJS.Workbook();
    await book.xlsx.load(res.rawPayload as unknown as ExcelJS.Buffer);
    const row = book.worksheets[0]!.getRow(2);
    expect(row.getCell(8).value).toBe('周全');
    expect(String(row.getCell(10).value)).toContain('********');
    expect(row.getCell(11).value).toBe('136****1234');
    const back = (await upload(managerA, res.rawPayload)).json() as ImportCounts;
    expect(back).toMatchObject({ created: 0, updated: 0, unchanged: 1 });

    const full = await managerA.get(`${API}/households/export?q=导出苑&reveal=true`);
    const fullBook = new ExcelJS.Workbook();
    await fullBook.xlsx.load(full.rawPayload as unknown as ExcelJS.Buffer);
    expect(fullBook.worksheets[0]!.getRow(2).getCell(10).value).toBe(idNumber);
    await new Promise((r) => setTimeout(r, 50));
    const audit = await auditRows(t.deps, { action: 'pii.reveal', actorLogin: 'hh-mgr-a' });
    expect(audit.some((a) => a.entityType === 'household')).toBe(true);
    expectError(await volunteerA.get(`${API}/households/export`), 403);
  });
});
