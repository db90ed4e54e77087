import ExcelJS from 'exceljs';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createTestApp, type Client, type TestApp } from '../../../test/app.ts';
import { twoCounties, type TwoCounties } from '../../../test/fixtures.ts';
import { API, auditRows, expectError, snapshot } from '../../../test/requests.ts';
import { XLSX_MIME } from '../../platform/http/xlsx.ts';
import type { Checkpoint } from './checkpoints.schemas.ts';

const HEADER = ['名称', '类型', '所属区划', '地址', '纬度', '经度', '风险等级', '开放时间', '班次', '限定队伍', '备注'];
type Cell = string | number | null;

async function xlsx(rows: Cell[][], header: Cell[] = HEADER): Promise<Buffer> {
  const workbook = new ExcelJS.Workbook();
  const sheet = workbook.addWorksheet('卡点');
  sheet.addRow(header);
  for (const r of rows) sheet.addRow(r);
  return Buffer.from(await workbook.xlsx.writeBuffer());
}

async function readXlsx(bytes: Buffer): Promise<ExcelJS.Workbook> {
  const workbook = new ExcelJS.Workbook();
  await workbook.xlsx.load(bytes as unknown as ExcelJS.Buffer);
  return workbook;
}

interface RowReport {
  row: number;
  field: string;
  column?: string;
  message: string;
}

let t: TestApp;
let w: TwoCounties;
let admin: Client;
let managerA: Client;
let inspector: Client;
/** Names along county A's chain, as the export writes them: city/county/township/community/grid. */
let gridPath: string;
let communityPath: string;

const upload = (client: Client, bytes: Buffer) => client.post(`${API}/checkpoints/import`, bytes, { 'content-type': XLSX_MIME });

async function list(regionId: string): Promise<Checkpoint[]> {
  const res = await admin.get(`${API}/checkpoints?regionId=${regionId}&limit=500`);
  expect(res.statusCode, res.body).toBe(200);
  return (res.json() as { items: Checkpoint[] }).items;
}

beforeAll(async () => {
  t = await createTestApp();
  w = await twoCounties(t.factory);
  await t.factory.account({ login: 'root', grants: [{ role: 'admin', regionId: null }] });
  await t.factory.account({ login: 'manager-a', grants: [{ role: 'region_manager', regionId: w.a.county.id }] });
  await t.factory.account({ login: 'inspector', grants: [{ role: 'inspector', regionId: w.a.county.id }] });
  admin = await t.signIn('root');
  managerA = await t.signIn('manager-a');
  inspector = await t.signIn('inspector');
  const names = [w.city, w.a.county, w.a.township, w.a.community].map((r) => r.name);
  communityPath = names.join('/');
  gridPath = `${communityPath}/${w.a.grid.name}`;
  expect((await admin.post(`${API}/teams`, { name: '东门突击队', kind: 'shock', regionId: w.a.township.id })).statusCode).toBe(
    201,
  );
});
afterAll(() => t.close());

describe('checkpoint import template', () => {
  it('has the headings, a frozen header with notes, a kind list and an explanation sheet', async () => {
    const res = await managerA.get(`${API}/checkpoints/import-template`);
    expect(res.statusCode).toBe(200);
    expect(res.headers['content-type']).toContain(XLSX_MIME);
    expect(res.headers['content-disposition']).toContain(`filename*=UTF-8''${encodeURIComponent('卡点导入模板.xlsx')}`);
    const book = await readXlsx(res.rawPayload);
    const sheet = book.worksheets[0]!;
    expect((sheet.getRow(1).values as Cell[]).slice(1)).toEqual(HEADER);
    expect(sheet.rowCount).toBe(1);
    expect(sheet.views[0]).toMatchObject({ state: 'frozen', ySplit: 1 });
    expect(sheet.getCell('B2').dataValidation).toMatchObject({ type: 'list' });
    expect(String(sheet.getCell('I1').note)).toContain('08:00-16:00×2');
    const help = book.getWorksheet('填写说明')!;
    const text = help.getSheetValues().flat().join('\n');
    for (const h of HEADER) expect(text).toContain(h);
    expect(text).toContain('有任何错误时不导入任何数据');
    expectError(await inspector.get(`${API}/checkpoints/import-template`), 403, 'FORBIDDEN');
  });
});

describe('checkpoint import', () => {
  it('creates checkpoints named by region code, full path or a shorter path, and with the team by name', async () => {
    const file = await xlsx([
      [
        '一号门',
        '小区门岗',
        gridPath,
        '幸福路 1 号',
        32.98,
        114.02,
        4,
        '24小时',
        '08:00-16:00×2; 16:00-24:00×2; 00:00-08:00×2',
        '东门突击队',
        '夜间照明',
      ],
      [
        '二号门',
        '村口',
        `${w.a.community.name}/${w.a.grid.name}`,
        null,
        '32.5',
        '114.5',
        '较高风险',
        '06:00-22:00',
        '06:00－14:00 x 3；14:00-22:00*3',
        null,
        null,
      ],
      [
        '三号门',
        'market',
        w.a.community.code,
        null,
        null,
        null,
        '1',
        '20:00-06:00',
        '20:00-02:00X2人\n02:00-06:00 1人',
        null,
        null,
      ],
    ]);
    const res = await upload(managerA, file);
    expect(res.statusCode, res.body).toBe(200);
    expect(res.json()).toEqual({ created: 3, updated: 0, unchanged: 0 });

    const onGrid = await list(w.a.grid.id);
    const one = onGrid.find((c) => c.name === '一号门')!;
    expect(one).toMatchObject({
      kind: 'estate_gate',
      regionId: w.a.grid.id,
      address: '幸福路 1 号',
      lat: 32.98,
      lng: 114.02,
      risk: 4,
      hours24: true,
      opensAt: null,
      closesAt: null,
      shiftPattern: [
        { start: '08:00', end: '16:00', people: 2 },
        { start: '16:00', end: '00:00', people: 2 },
        { start: '00:00', end: '08:00', people: 2 },
      ],
      teamName: '东门突击队',
      status: 'active',
      note: '夜间照明',
    });
    expect(onGrid.find((c) => c.name === '二号门')).toMatchObject({
      kind: 'village_entrance',
      lat: 32.5,
      lng: 114.5,
      risk: 3,
      opensAt: '06:00',
      closesAt: '22:00',
      shiftPattern: [
        { start: '06:00', end: '14:00', people: 3 },
        { start: '14:00', end: '22:00', people: 3 },
      ],
      teamId: null,
    });
    const three = (await list(w.a.community.id)).find((c) => c.name === '三号门')!;
    expect(three).toMatchObject({
      regionId: w.a.community.id,
      kind: 'market',
      risk: 1,
      shiftPattern: [
        { start: '20:00', end: '02:00', people: 2 },
        { start: '02:00', end: '06:00', people: 1 },
      ],
    });
    const audit = await auditRows(t.deps, { action: 'checkpoint.import' });
    expect(JSON.parse(audit.at(-1)!.detail!)).toMatchObject({ created: 3, updated: 0, unchanged: 0, rows: 3 });
    expect(audit.at(-1)!.regionPath).toBe(w.a.community.path);
  });

  it('reports every wrong row by row, column and reason, in the caller’s language, and writes nothing', async () => {
    await t.factory.region({ parent: w.a.township2, name: w.a.grid.name });
    const file = await xlsx([
      ['好行', '小区门岗', gridPath, null, null, null, 2, '24小时', '08:00-20:00×2', null, null],
      ['甲', '城门', 'no/such/place', null, 32, null, 9, '8点到晚上', '08:00-20:00', '无此队', null],
      ['乙', '车站', w.a.grid.name, null, null, null, 2, '24小时', '08:00-20:00×2', null, null],
      ['丙', '车站', w.a.township.name, null, null, null, 2, '08:00-20:00', '07:00-12:00×2; 12:00-20:00×0', null, null],
      ['好行', '车站', gridPath, null, null, null, 2, '24小时', '08:00-20:00×2', null, null],
      ['丁', '车站', w.b.grid.code, null, null, null, 2, '24小时', '08:00-20:00×2', null, null],
      ['戊', '车站', gridPath, null, 91, 200, 2, '24小时', '08:00-20:00×2', '无此队', null],
    ]);
    const before = await snapshot(t.deps);
    const e = expectError(await upload(managerA, file), 422, 'IMPORT_INVALID');
    expect(e.message).toBe('Excel 文件有 6 行错误，未导入任何数据');
    const rows = (e as unknown as { rows: RowReport[] }).rows;
    expect(rows).toEqual([
      { row: 3, field: 'kind', column: '类型', message: expect.stringContaining('类型无效，可填：小区门岗、村口') },
      { row: 3, field: 'risk', column: '风险等级', message: '风险等级应为 1–4 的整数（4 为最高）' },
      { row: 3, field: 'hours', column: '开放时间', message: '开放时间“8点到晚上”无法识别，应为“24小时”或“08:00-20:00”' },
      { row: 3, field: 'pattern', column: '班次', message: '班次“08:00-20:00”无法识别，应如“08:00-16:00×2”，多个班次用分号分开' },
      {
        row: 4,
        field: 'region',
        column: '所属区划',
        message: `区划“${w.a.grid.name}”有多个同名，请写出完整路径（如 县/乡镇/社区/网格）或区划代码`,
      },
      { row: 5, field: 'pattern', column: '班次', message: '班次 07:00–12:00 超出开放时间 08:00–20:00' },
      { row: 5, field: 'pattern', column: '班次', message: '每班人数应为 1–50 人' },
      { row: 6, field: 'name', column: '名称', message: '与第 2 行重复' },
      { row: 7, field: 'region', column: '所属区划', message: `区划“${w.b.grid.code}”不存在或不在你的管辖范围内` },
      { row: 8, field: 'lat', column: '纬度', message: '纬度应在 -90 到 90 之间' },
      { row: 8, field: 'lng', column: '经度', message: '经度应在 -180 到 180 之间' },
    ]);
    expect(await snapshot(t.deps)).toEqual(before);

    managerA.lang = 'en';
    try {
      const en = expectError(await upload(managerA, file), 422, 'IMPORT_INVALID');
      expect(en.message).toBe('The Excel file has 6 invalid rows; nothing was imported');
      expect((en as unknown as { rows: RowReport[] }).rows).toContainEqual({
        row: 7,
        field: 'region',
        column: '所属区划',
        message: `No region “${w.b.grid.code}” in your area`,
      });
    } finally {
      managerA.lang = 'zh-CN';
    }

    // Once the cells read well, what needs the registry is checked: the place's level, the team.
    const later = await xlsx([
      ['丙', '车站', communityPath.split('/').slice(0, -1).join('/'), null, null, null, 2, '24小时', '08:00-20:00×2', null, null],
      ['戊', '车站', gridPath, null, 31, 114, 2, '24小时', '08:00-20:00×2', '无此队', null],
      ['己', '车站', gridPath, null, 31, null, 2, '24小时', '08:00-20:00×2', null, null],
    ]);
    const second = expectError(await upload(managerA, later), 422, 'IMPORT_INVALID');
    expect((second as unknown as { rows: RowReport[] }).rows).toEqual([
      { row: 2, field: 'region', column: '所属区划', message: '卡点应设在社区（村）或网格' },
      { row: 3, field: 'team', column: '限定队伍', message: '队伍“无此队”不存在或不在你的管辖范围内' },
      { row: 4, field: 'lng', column: '经度', message: '纬度和经度须同时填写或同时留空' },
    ]);
    expect(await snapshot(t.deps)).toEqual(before);
  });

  it('refuses a file it cannot read with the reason', async () => {
    expectError(await upload(managerA, Buffer.from('PK\u0003\u0004 not really')), 400, 'IMPORT_FILE');
    const e = expectError(await upload(managerA, await xlsx([['x']], ['名字', '种类'])), 400, 'IMPORT_FILE');
    expect(e.message).toContain('名称、类型、所属区划、风险等级、开放时间、班次');
    expect(expectError(await upload(managerA, await xlsx([])), 400, 'IMPORT_FILE').message).toContain('表头下没有数据行');
    expectError(await inspector.post(`${API}/checkpoints/import`, await xlsx([]), { 'content-type': XLSX_MIME }), 403);
  });

  it('exports what imports back unchanged, and updates by region and name', async () => {
    const community = await t.factory.region({ parent: w.a.township, name: '往返社区' });
    const grid = await t.factory.region({ parent: community, name: '第一网格' });
    const places = `${communityPath.split('/').slice(0, 3).join('/')}/往返社区`;
    const file = await xlsx([
      [
        '北门',
        '小区门岗',
        `${places}/第一网格`,
        '北街 "1" 号',
        33.123456789,
        114.1,
        3,
        '24小时',
        '08:00-20:00×2; 20:00-08:00×1',
        '东门突击队',
        '多行\n备注',
      ],
      ['南门', '道路卡口', places, null, null, null, 4, '20:00-06:00', '20:00-06:00×4', null, null],
    ]);
    expect((await upload(managerA, file)).json()).toEqual({ created: 2, updated: 0, unchanged: 0 });
    const [north] = await list(grid.id);
    const closedSouth = (await list(community.id)).find((c) => c.name === '南门')!;
    await managerA.patch(`${API}/checkpoints/${closedSouth.id}`, { status: 'closed' });

    const res = await managerA.get(`${API}/checkpoints/export?regionId=${community.id}`);
    expect(res.statusCode, res.body).toBe(200);
    expect(res.headers['content-type']).toContain(XLSX_MIME);
    const exported = res.rawPayload;
    const book = await readXlsx(exported);
    const sheet = book.worksheets[0]!;
    expect((sheet.getRow(1).values as Cell[]).slice(1)).toEqual(HEADER);
    // By place then name: the community reads before its grid.
    expect(sheet.getCell('A2').value).toBe('南门');
    expect(sheet.getCell('C2').value).toBe(places);
    expect((sheet.getRow(3).values as Cell[]).slice(1)).toEqual([
      '北门',
      '小区门岗',
      `${places}/第一网格`,
      '北街 "1" 号',
      33.123456789,
      114.1,
      '3',
      '24小时',
      '08:00-20:00×2; 20:00-08:00×1',
      '东门突击队',
      '多行\n备注',
    ]);

    const before = await snapshot(t.deps);
    expect((await upload(managerA, exported)).json()).toEqual({ created: 0, updated: 0, unchanged: 2 });
    expect(await snapshot(t.deps)).toEqual(before);

    sheet.getCell('G3').value = '1';
    sheet.getCell('I3').value = '08:00-20:00×3';
    sheet.getCell('J3').value = null;
    const edited = Buffer.from(await book.xlsx.writeBuffer());
    expect((await upload(managerA, edited)).json()).toEqual({ created: 0, updated: 1, unchanged: 1 });
    const after = (await list(grid.id))[0]!;
    expect(after).toMatchObject({
      id: north!.id,
      checkInCode: north!.checkInCode,
      risk: 1,
      shiftPattern: [{ start: '08:00', end: '20:00', people: 3 }],
      teamId: null,
    });
    // Status is not in the file: a closed checkpoint stays closed.
    expect((await list(community.id)).find((c) => c.name === '南门')!.status).toBe('closed');
    const events = await t.deps.db.db
      .selectFrom('events')
      .select('type')
      .where('entityId', '=', north!.id)
      .orderBy('id')
      .execute();
    expect(events.map((e) => e.type)).toEqual(['checkpoint.created', 'checkpoint.updated']);

    expectError(await managerA.get(`${API}/checkpoints/export?regionId=${w.b.county.id}`), 404, 'NOT_FOUND');
    const everything = await readXlsx((await inspector.get(`${API}/checkpoints/export`)).rawPayload);
    expect(everything.worksheets[0]!.rowCount).toBeGreaterThanOrEqual(3);
  });
});
