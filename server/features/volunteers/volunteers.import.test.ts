import ExcelJS from 'exceljs';
import { readFileSync } from 'node:fs';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createTestApp, type Client, type TestApp } from '../../../test/app.ts';
import { twoCounties, type TwoCounties } from '../../../test/fixtures.ts';
import { testIdNumber, withWrongCheckDigit } from '../../../test/identity.ts';
import { API, auditRows, expectError, snapshot } from '../../../test/requests.ts';
import { XLSX_MIME } from '../../platform/http/xlsx.ts';
import { ROSTER_COLUMNS } from './volunteers.xlsx.ts';

/** The template's headings, in the server's order. */
const HEADER = ROSTER_COLUMNS.map((c) => c.header);
type Cell = string | number | boolean | Date | null;

async function xlsx(rows: Cell[][], header: Cell[] = HEADER): Promise<Buffer> {
  const workbook = new ExcelJS.Workbook();
  const sheet = workbook.addWorksheet('志愿者');
  sheet.addRow(header);
  for (const r of rows) sheet.addRow(r);
  return Buffer.from(await workbook.xlsx.writeBuffer());
}

async function sheetsOf(bytes: Buffer): Promise<ExcelJS.Worksheet[]> {
  const workbook = new ExcelJS.Workbook();
  await workbook.xlsx.load(bytes as unknown as ExcelJS.Buffer);
  return workbook.worksheets;
}

interface Result {
  type: 'result';
  total: number;
  valid: number;
  invalid: number;
  created: number;
  rows: { row: number; field: string; column?: string; message: string }[];
  error?: { code: string; message: string };
}
interface Progress {
  type: 'progress';
  phase: string;
  done: number;
  total: number;
}

async function upload(c: Client, bytes: Buffer, query = ''): Promise<{ lines: (Progress | Result)[]; result: Result }> {
  const res = await c.post(`${API}/volunteers/import${query}`, bytes, { 'content-type': XLSX_MIME });
  expect(res.statusCode, res.body).toBe(200);
  expect(res.headers['content-type']).toContain('application/x-ndjson');
  const lines = res.body
    .split('\n')
    .filter(Boolean)
    .map((l) => JSON.parse(l) as Progress | Result);
  const results = lines.filter((l): l is Result => l.type === 'result');
  expect(results).toHaveLength(1);
  expect(lines.at(-1)).toBe(results[0]);
  return { lines, result: results[0]! };
}

let t: TestApp;
let w: TwoCounties;
let admin: Client;
let managerA: Client;
let inspectorA: Client;
let unitId: string;

const count = async (where: { name?: string } = {}) => {
  let q = t.deps.db.db.selectFrom('volunteers').select((eb) => eb.fn.countAll().as('n'));
  if (where.name) q = q.where('name', 'like', `${where.name}%`);
  return Number((await q.executeTakeFirstOrThrow()).n);
};
const byName = (name: string) => t.deps.db.db.selectFrom('volunteers').selectAll().where('name', '=', name).executeTakeFirst();

/** A valid row in county A's grid; fields overridable by heading. */
function row(o: Partial<Record<(typeof HEADER)[number], Cell>> = {}): Cell[] {
  const base: Record<string, Cell> = {
    姓名: '导入者',
    性别: '男',
    身份证号: testIdNumber(),
    手机号: '13812345678',
    是否党员: '是',
    所在党支部: '',
    派出单位: '',
    家庭住址: '驿城区某路 1 号',
    '所在网格（区划代码）': w.a.grid.code,
    技能: '',
    可服务时间: '',
    状态: '',
    状态原因: '',
    状态日期: null,
    ...o,
  };
  return HEADER.map((h) => base[h] ?? null);
}

beforeAll(async () => {
  t = await createTestApp();
  w = await twoCounties(t.factory);
  await t.factory.account({ login: 'root', grants: [{ role: 'admin', regionId: null }] });
  await t.factory.account({ login: 'mgr-a', grants: [{ role: 'region_manager', regionId: w.a.county.id }] });
  await t.factory.account({ login: 'insp-a', grants: [{ role: 'inspector', regionId: w.a.county.id }] });
  admin = await t.signIn('root');
  managerA = await t.signIn('mgr-a');
  inspectorA = await t.signIn('insp-a');
  unitId = (await t.factory.unit({ regionId: w.a.county.id, name: '导入测试单位' })).id;
});
afterAll(() => t.close());

describe('template', () => {
  it('has the Chinese headers, text-formatted columns and an explanation sheet', async () => {
    const res = await managerA.get(`${API}/volunteers/import-template`);
    expect(res.statusCode).toBe(200);
    expect(res.headers['content-type']).toContain(XLSX_MIME);
    expect(res.headers['content-disposition']).toContain("filename*=UTF-8''");
    const [data, help] = await sheetsOf(res.rawPayload);
    expect(data!.getRow(1).values).toEqual([undefined, ...HEADER]);
    // Written out once here, so renaming a heading users type against is a deliberate act.
    expect(HEADER).toEqual([
      '姓名',
      '性别',
      '身份证号',
      '手机号',
      '是否党员',
      '所在党支部',
      '派出单位',
      '家庭住址',
      '所在网格（区划代码）',
      '技能',
      '可服务时间',
      '状态',
      '状态原因',
      '状态日期',
    ]);
    expect(data!.getColumn(3).numFmt).toBe('@');
    expect(data!.getCell('C1').note).toBeTruthy();
    expect(help!.name).toBe('填写说明');
    const helpText = help!.getSheetValues().flat().join('\n');
    expect(helpText).toContain('周一至周五 上午、下午');
    expect(helpText).toContain('医疗护理、驾驶');
    expectError(await inspectorA.get(`${API}/volunteers/import-template`), 403);
  });

  it('imports back once filled in (round trip)', async () => {
    const res = await managerA.get(`${API}/volunteers/import-template`);
    const workbook = new ExcelJS.Workbook();
    await workbook.xlsx.load(res.rawPayload as unknown as ExcelJS.Buffer);
    const sheet = workbook.worksheets[0]!;
    sheet.addRow(row({ 姓名: '模板甲', 技能: '驾驶', 可服务时间: '每天 夜间' }));
    sheet.addRow(row({ 姓名: '模板乙', 性别: '女', 是否党员: '否' }));
    const { result } = await upload(managerA, Buffer.from(await workbook.xlsx.writeBuffer()));
    expect(result).toMatchObject({ total: 2, valid: 2, invalid: 0, created: 2, rows: [] });
    expect(await count({ name: '模板' })).toBe(2);
  });
});

describe('import', () => {
  it('reads text, numbers and dates as typed, and writes every row in one transaction', async () => {
    const idText = testIdNumber();
    const file = await xlsx([
      row({
        姓名: '文本行',
        身份证号: idText.toLowerCase(),
        手机号: '138 1234 0001',
        所在党支部: '机关支部',
        派出单位: '导入测试单位',
        技能: '医疗护理、驾驶，宣传 消杀',
        可服务时间: '周一至周五 上午、下午；周末 全天',
        状态: '暂停',
        状态原因: '居家隔离',
        状态日期: '2020年2月3日',
      }),
      row({
        姓名: '数字行',
        手机号: 13812340002,
        是否党员: false,
        派出单位: '自由职业者',
        状态日期: new Date(Date.UTC(2020, 1, 5)),
      }),
      row({ 姓名: '序列日期', 手机号: '+86 138-1234-0003', 状态日期: 43866, '所在网格（区划代码）': w.a.community.code }),
    ]);
    const { lines, result } = await upload(managerA, file);
    expect(result).toEqual({ type: 'result', total: 3, valid: 3, invalid: 0, created: 3, rows: [] });
    expect(lines.filter((l) => l.type === 'progress').map((l) => (l as Progress).phase)).toEqual(['read', 'check', 'write']);

    const text = await byName('文本行');
    expect(text).toMatchObject({
      mobile: '13812340001',
      partyMember: 1,
      partyBranch: '机关支部',
      unitId,
      unitName: null,
      status: 'paused',
      statusReason: '居家隔离',
      statusSince: '2020-02-03',
    });
    expect(t.deps.pii.decrypt(text!.idNumberEnc)).toBe(idText);
    expect(JSON.parse(text!.skills)).toEqual(['medical', 'driving', 'publicity', 'disinfection']);
    expect(JSON.parse(text!.availability)).toHaveLength(18);
    const history = await t.deps.db.db
      .selectFrom('volunteerStatusChanges')
      .selectAll()
      .where('volunteerId', '=', text!.id)
      .execute();
    expect(history).toMatchObject([{ status: 'paused', reason: '居家隔离', effectiveOn: '2020-02-03' }]);
    expect(await byName('数字行')).toMatchObject({
      mobile: '13812340002',
      partyMember: 0,
      unitId: null,
      unitName: '自由职业者',
      statusSince: '2020-02-05',
    });
    expect(await byName('序列日期')).toMatchObject({
      mobile: '13812340003',
      statusSince: '2020-02-05',
      regionId: w.a.community.id,
    });

    const audits = await auditRows(t.deps, { action: 'volunteer.import', actorLogin: 'mgr-a' });
    expect(JSON.parse(audits.at(-1)!.detail!)).toEqual({ rows: 3, created: 3, invalid: 0, onlyValid: false });
    expect(audits.at(-1)!.regionPath).toBe(w.a.community.path);
  });

  it('reports every invalid row with its row number, column and reason, and writes nothing', async () => {
    const taken = testIdNumber();
    await t.factory.volunteer({ regionId: w.a.grid.id, idNumber: taken });
    const dup = testIdNumber();
    const file = await xlsx([
      row({ 姓名: '好行' }),
      row({ 姓名: '', 性别: '未知', 手机号: '1380000' }),
      row({ 姓名: '数字身份证', 身份证号: 411702199001011234 }),
      row({ 姓名: '校验位', 身份证号: withWrongCheckDigit(dup) }),
      row({ 姓名: '已登记', 身份证号: taken }),
      row({ 姓名: '文件内甲', 身份证号: dup }),
      row({ 姓名: '文件内乙', 身份证号: dup }),
      row({ 姓名: '乙县', '所在网格（区划代码）': w.b.grid.code }),
      row({ 姓名: '乡镇', '所在网格（区划代码）': w.a.township.code }),
      row({ 姓名: '技能时间', 技能: '飞行', 可服务时间: '周一 黄昏' }),
      row({ 姓名: '状态', 状态: '退出', 状态日期: '2999-01-01' }),
      [],
      row({ 姓名: '党员', 是否党员: '也许' }),
    ]);
    const before = await snapshot(t.deps);
    const { result } = await upload(managerA, file);
    expect(await snapshot(t.deps)).toEqual(before);
    expect(result).toMatchObject({ total: 12, valid: 2, invalid: 10, created: 0 });
    const problems = result.rows.map((r) => `${r.row} ${r.column} ${r.message}`);
    expect(problems).toEqual([
      '3 姓名 必填',
      '3 性别 请填写“男”或“女”',
      '3 手机号 手机号格式不正确（11 位，1 开头）',
      '4 身份证号 身份证号被 Excel 存成了数字（显示为 411702199001011260），第 15 位以后的数字已丢失；请把该列设为“文本”格式后重新输入',
      '5 身份证号 身份证号校验位错误',
      '6 身份证号 该身份证号已在志愿者名册中',
      '8 身份证号 与第 7 行重复',
      `9 所在网格（区划代码） 区划代码 ${w.b.grid.code} 不存在或不在你的管辖范围内`,
      '10 所在网格（区划代码） 家庭所在区划应为社区（村）或网格',
      expect.stringMatching(/^11 技能 无法识别的技能“飞行”/),
      expect.stringMatching(/^11 可服务时间 无法识别“黄昏”/),
      '12 状态原因 暂停或退出须填写原因',
      '12 状态日期 日期不能晚于今天',
      '14 是否党员 请填写“是”或“否”',
    ]);
    expect(result.rows[0]).toEqual({ row: 3, field: 'name', column: '姓名', message: '必填' });

    managerA.lang = 'en';
    const en = (await upload(managerA, file)).result;
    managerA.lang = 'zh-CN';
    expect(en.rows.find((r) => r.row === 6)?.message).toBe('This ID number is already in the volunteer registry');
  });

  it('with onlyValid writes the valid rows only, audited once with the counts', async () => {
    const file = await xlsx([row({ 姓名: '部分甲' }), row({ 姓名: '部分乙', 性别: '?' }), row({ 姓名: '部分丙' })]);
    const { result } = await upload(managerA, file, '?onlyValid=true');
    expect(result).toMatchObject({ total: 3, valid: 2, invalid: 1, created: 2 });
    expect(result.rows.map((r) => r.row)).toEqual([3]);
    expect(await count({ name: '部分' })).toBe(2);
    const audit = (await auditRows(t.deps, { action: 'volunteer.import' })).at(-1)!;
    expect(JSON.parse(audit.detail!)).toEqual({ rows: 3, created: 2, invalid: 1, onlyValid: true });
    const event = await t.deps.db.db
      .selectFrom('events')
      .selectAll()
      .where('type', '=', 'volunteer.imported')
      .orderBy('id', 'desc')
      .executeTakeFirst();
    expect(event?.regionPath).toBe(w.a.grid.path);
  });

  it('refuses a file that cannot be read with a JSON error before any line', async () => {
    const before = await snapshot(t.deps);
    for (const bytes of [
      Buffer.from('not a spreadsheet'),
      Buffer.concat([Buffer.from('PK\u0003\u0004'), Buffer.alloc(500, 7)]),
    ]) {
      const error = expectError(
        await managerA.post(`${API}/volunteers/import`, bytes, { 'content-type': XLSX_MIME }),
        400,
        'IMPORT_FILE',
      );
      expect(error.message).toContain('不是有效的 Excel');
    }
    const noHeader = expectError(
      await managerA.post(`${API}/volunteers/import`, await xlsx([row()], ['名字', '电话']), { 'content-type': XLSX_MIME }),
      400,
      'IMPORT_FILE',
    );
    expect(noHeader.message).toContain('姓名、性别、身份证号');
    expectError(
      await managerA.post(`${API}/volunteers/import`, await xlsx([]), { 'content-type': XLSX_MIME }),
      400,
      'IMPORT_FILE',
    );
    expectError(await managerA.post(`${API}/volunteers/import`, { a: 1 }), 415);
    expectError(
      await managerA.post(`${API}/volunteers/import?onlyValid=maybe`, await xlsx([row()]), { 'content-type': XLSX_MIME }),
      400,
    );
    expectError(await inspectorA.post(`${API}/volunteers/import`, await xlsx([row()]), { 'content-type': XLSX_MIME }), 403);
    expect(await snapshot(t.deps)).toEqual(before);
  });

  it('imports the roster LibreOffice saved', async () => {
    const community = await t.factory.region({ parent: w.a.township, code: 'LO-CMTY-01' });
    await t.factory.region({ parent: community, code: 'LO-CMTY-01-G1' });
    await t.factory.unit({ regionId: w.a.county.id, name: '驿城区卫健委' });
    const bytes = readFileSync(new URL('./fixtures/roster-libreoffice.xlsx', import.meta.url));

    const strict = await upload(managerA, bytes);
    expect(strict.result).toMatchObject({ total: 20, valid: 15, invalid: 5, created: 0 });
    expect(strict.result.rows.map((r) => `${r.row} ${r.field}`)).toEqual([
      '17 idNumber',
      '18 gender',
      '18 mobile',
      '19 idNumber',
      '20 regionCode',
      '21 skills',
      '21 availability',
    ]);
    expect(strict.result.rows[0]!.message).toContain('存成了数字');

    const { result } = await upload(managerA, bytes, '?onlyValid=true');
    expect(result).toMatchObject({ created: 15 });
    expect(await byName('王芳')).toMatchObject({ mobile: '13812345601', unitName: '驻马店市某物流有限公司', partyMember: 1 });
    expect(await byName('陈静')).toMatchObject({ status: 'paused', statusReason: '居家隔离', statusSince: '2020-02-03' });
    expect(await byName('杨磊')).toMatchObject({ statusSince: '2020-02-05' });
    const zhang = await byName('张伟');
    expect(zhang?.unitId).not.toBeNull();
    expect(JSON.parse(zhang!.skills)).toEqual(['medical', 'driving']);

    const again = await upload(managerA, bytes, '?onlyValid=true');
    expect(again.result).toMatchObject({ valid: 0, created: 0 });
    expect(again.result.rows.filter((r) => r.message === '该身份证号已在志愿者名册中')).toHaveLength(15);
  });
});

describe('export', () => {
  it('exports the filtered list in the template layout, masked, and does not import back', async () => {
    await upload(
      admin,
      await xlsx([
        row({ 姓名: '导出甲', 技能: '驾驶', 可服务时间: '周末 全天', 状态: '暂停', 状态原因: '生病', 状态日期: '2020-02-09' }),
        row({ 姓名: '导出乙', 技能: '宣传' }),
        row({ 姓名: '导出乙县', 技能: '驾驶', '所在网格（区划代码）': w.b.grid.code }),
      ]),
    );
    const res = await managerA.get(`${API}/volunteers/export?q=导出&skill=driving`);
    expect(res.statusCode, res.body).toBe(200);
    expect(res.headers['content-type']).toContain(XLSX_MIME);
    const [sheet, help] = await sheetsOf(res.rawPayload);
    expect(sheet!.getRow(1).values).toEqual([undefined, ...HEADER]);
    expect(sheet!.rowCount).toBe(2);
    const values = sheet!.getRow(2).values as Cell[];
    expect(values.slice(1, 14)).toEqual(
      [
        '导出甲',
        '男',
        expect.stringMatching(/^\d{6}\*{8}\d{3}[\dX]$/),
        '138****5678',
        '是',
        null,
        null,
        '驿城区某路 1 号',
        w.a.grid.code,
        '驾驶',
        '周末 全天',
        '暂停',
        '生病',
      ].map((v) => (v === null ? undefined : v)),
    );
    expect((values[14] as Date).toISOString().slice(0, 10)).toBe('2020-02-09');
    expect(help!.getSheetValues().flat().join('\n')).toContain('已脱敏');

    const { result } = await upload(managerA, res.rawPayload);
    expect(result).toMatchObject({ total: 1, valid: 0, created: 0 });
    expect(result.rows[0]).toMatchObject({ row: 2, field: 'idNumber' });

    expectError(await managerA.get(`${API}/volunteers/export?regionId=${w.b.county.id}`), 404);
    const all = await sheetsOf((await admin.get(`${API}/volunteers/export?q=导出`)).rawPayload);
    expect(all[0]!.rowCount).toBe(4);
  });
});
