import ExcelJS from 'exceljs';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createTestApp, type Client, type TestApp } from '../../../test/app.ts';
import { XLSX_MIME } from './regions.xlsx.ts';

const HEADER = ['区划代码', '名称', '级别', '上级代码'];
type Cell = string | number | null;

async function xlsx(rows: Cell[][], header: Cell[] | null = HEADER): Promise<Buffer> {
  const workbook = new ExcelJS.Workbook();
  const sheet = workbook.addWorksheet('区划');
  if (header) sheet.addRow(header);
  for (const r of rows) sheet.addRow(r);
  return Buffer.from(await workbook.xlsx.writeBuffer());
}

async function readXlsx(bytes: Buffer): Promise<ExcelJS.Worksheet> {
  const workbook = new ExcelJS.Workbook();
  await workbook.xlsx.load(bytes as unknown as ExcelJS.Buffer);
  return workbook.worksheets[0]!;
}

const upload = (client: Client, bytes: Buffer) => client.post('/api/v1/regions/import', bytes, { 'content-type': XLSX_MIME });
const download = async (client: Client, url: string) => {
  const res = await client.request('GET', url);
  return { res, bytes: res.rawPayload };
};

/** A small city: one county, one township, one community with two grids. */
function cityRows(city: string): Cell[][] {
  const county = `${city.slice(0, 4)}02`;
  const town = `${county}001`;
  return [
    [city, '测试市', '市', null],
    [county, '测试区', '县（区）', city],
    [town, '人民街街道', '乡镇（街道）', county],
    [`${town}-001`, '雪松社区', 'community', town],
    [`${town}-001-01`, '第一网格', '网格', `${town}-001`],
    [`${town}-001-02`, '第二网格', 'grid', `${town}-001`],
  ];
}

let t: TestApp;
let admin: Client;

async function regionCount(): Promise<number> {
  const row = await t.deps.db.db
    .selectFrom('regions')
    .select((eb) => eb.fn.countAll().as('n'))
    .executeTakeFirstOrThrow();
  return Number(row.n);
}

async function regionByCode(code: string) {
  return t.deps.db.db.selectFrom('regions').selectAll().where('code', '=', code).executeTakeFirst();
}

beforeAll(async () => {
  t = await createTestApp();
  await t.factory.account({ login: 'root', grants: [{ role: 'admin', regionId: null }] });
  admin = await t.signIn('root');
});
afterAll(() => t.close());

describe('region import template', () => {
  it('is a real workbook with the header, an explanation row, a frozen header and a level list', async () => {
    const { res, bytes } = await download(admin, '/api/v1/regions/import-template');
    expect(res.statusCode).toBe(200);
    expect(res.headers['content-type']).toContain(XLSX_MIME);
    expect(res.headers['content-disposition']).toContain(`filename*=UTF-8''${encodeURIComponent('区划导入模板.xlsx')}`);
    const sheet = await readXlsx(bytes);
    expect((sheet.getRow(1).values as Cell[]).slice(1)).toEqual(HEADER);
    expect(String(sheet.getCell('A2').value)).toMatch(/^说明：/);
    expect(String(sheet.getCell('C2').value)).toContain('社区（村）');
    expect(sheet.getCell('A3').value).toBe('411700');
    expect(sheet.views[0]).toMatchObject({ state: 'frozen', ySplit: 1 });
    expect(sheet.getCell('C3').dataValidation).toMatchObject({ type: 'list' });
    expect(sheet.getColumn(2).width).toBeGreaterThan(10);
  });

  it('needs regions.write', async () => {
    const region = await t.factory.region({ code: '419100' });
    await t.factory.account({ login: 'vol', grants: [{ role: 'volunteer', regionId: region.id }] });
    const volunteer = await t.signIn('vol');
    expect((await volunteer.get('/api/v1/regions/import-template')).statusCode).toBe(403);
    expect((await upload(volunteer, await xlsx(cityRows('419200')))).statusCode).toBe(403);
    expect(await regionByCode('419200')).toBeUndefined();
  });
});

describe('region import', () => {
  it('documents the upload as an xlsx body in the OpenAPI document', async () => {
    const doc = (await t.anonymous().get('/api/openapi.json')).json();
    const op = doc.paths['/api/v1/regions/import'].post;
    expect(Object.keys(op.requestBody.content)).toEqual([XLSX_MIME]);
    expect(op.responses['422']).toBeDefined();
    expect(Object.keys(doc.paths['/api/v1/regions/export'].get.responses['200'].content)).toEqual([XLSX_MIME]);
  });

  it('reports at most a thousand problems but counts every wrong row', async () => {
    const rows: Cell[][] = Array.from({ length: 1200 }, (_, i) => [`bad code ${i}`, '', '', '']);
    const res = await upload(admin, await xlsx(rows));
    expect(res.statusCode).toBe(422);
    expect(res.json().error.message).toContain('1200');
    expect(res.json().error.rows).toHaveLength(1000);
  });

  it('creates a whole tree, parents before children, with paths like the service makes', async () => {
    const res = await upload(admin, await xlsx(cityRows('411700').reverse()));
    expect(res.statusCode).toBe(200);
    expect(res.json()).toEqual({ created: 6, updated: 0, unchanged: 0 });
    const city = (await regionByCode('411700'))!;
    const grid = (await regionByCode('411702001-001-02'))!;
    expect(city).toMatchObject({ level: 'city', parentId: null, path: `/${city.id}/` });
    expect(grid.level).toBe('grid');
    expect(grid.path.startsWith(city.path)).toBe(true);
    expect(grid.path.split('/').filter(Boolean)).toHaveLength(5);
    const tree = (await admin.get('/api/v1/regions/tree')).json();
    const node = tree.items.find((n: { code: string }) => n.code === '411700');
    expect(node.children[0].children[0].children[0].children.map((g: { name: string }) => g.name)).toEqual([
      '第一网格',
      '第二网格',
    ]);
  });

  it('is idempotent: the same file again changes nothing', async () => {
    const before = await regionCount();
    const res = await upload(admin, await xlsx(cityRows('411700')));
    expect(res.json()).toEqual({ created: 0, updated: 0, unchanged: 6 });
    expect(await regionCount()).toBe(before);
  });

  it('renames a region whose name changed, adds new rows under stored parents, and audits', async () => {
    const rows = cityRows('411700');
    rows[3]![1] = '雪松社区（新）';
    rows.push(['411702001-002', '十三香社区', '社区（村）', '411702001']);
    const res = await upload(admin, await xlsx(rows.slice(3)));
    expect(res.json()).toEqual({ created: 1, updated: 1, unchanged: 2 });
    expect((await regionByCode('411702001-001'))!.name).toBe('雪松社区（新）');
    expect((await regionByCode('411702001-002'))!.parentId).toBe((await regionByCode('411702001'))!.id);
    const audit = await t.deps.db.db
      .selectFrom('auditLog')
      .select(['detail', 'actorLogin'])
      .where('action', '=', 'region.import')
      .execute();
    const record = audit.map((a) => ({ ...a, detail: JSON.parse(a.detail!) })).find((a) => a.detail.updated === 1)!;
    expect(record.actorLogin).toBe('root');
    expect(record.detail).toMatchObject({
      created: 1,
      unchanged: 2,
      renamed: [{ code: '411702001-001', before: '雪松社区', after: '雪松社区（新）' }],
    });
  });

  it('reads numeric code cells and English level codes', async () => {
    const res = await upload(admin, await xlsx([[411702002, '东风路街道', 'township', 411702]]));
    expect(res.json()).toEqual({ created: 1, updated: 0, unchanged: 0 });
  });

  it('handles more rows than one insert batch', async () => {
    const rows: Cell[][] = [['411702003', '西园街街道', '乡镇（街道）', '411702']];
    for (let c = 1; c <= 30; c++) {
      const community = `411702003-${String(c).padStart(3, '0')}`;
      rows.push([community, `社区${c}`, '社区（村）', '411702003']);
      for (let g = 1; g <= 40; g++) rows.push([`${community}-${g}`, `第${g}网格`, '网格', community]);
    }
    const res = await upload(admin, await xlsx(rows));
    expect(res.json()).toEqual({ created: 1231, updated: 0, unchanged: 0 });
  });

  it('reports every wrong row with its Excel row number and field, and writes nothing', async () => {
    const city = (await regionByCode('411700'))!;
    const other = await t.factory.region({ code: '411721', parent: { id: city.id, path: city.path, level: 'city' } });
    await t.factory.region({ code: '411721001', parent: { id: other.id, path: other.path, level: 'county' } });
    const before = await regionCount();
    const rows: Cell[][] = [
      ['411702009', '新乡镇', '乡镇（街道）', '411702'], // row 2: fine on its own
      [null, '无代码', '社区（村）', '411702001'], // 3: code required
      ['41 17', '坏代码', '社区（村）', '411702001'], // 4: code format
      ['4117', '短代码', '县（区）', '411700'], // 5: county code digits
      ['411702009', '重复', '乡镇（街道）', '411702'], // 6: duplicate of row 2
      ['411702009-001', '', '社区（村）', '411702009'], // 7: name required
      ['411702009-002', '名'.repeat(61), '社区（村）', '411702009'], // 8: name too long
      ['411702009-003', '换行\n社区', '社区（村）', '411702009'], // 9: control characters
      ['411702009-004', '某社区', '省', '411702009'], // 10: unknown level
      ['411702009-005', '某社区', '社区（村）', '999999999'], // 11: parent missing
      ['411702009-006', '某社区', '社区（村）', '411702'], // 12: community under a county
      ['411721001', '换了上级', '乡镇（街道）', '411702'], // 13: stored under another county
      ['411702009-007', '某社区', '社区（村）', null], // 14: parent required
      ['411702001', '人民街街道', '社区（村）', '411702'], // 15: stored at another level
    ];
    const res = await upload(admin, await xlsx(rows));
    expect(res.statusCode).toBe(422);
    const error = res.json().error;
    expect(error.code).toBe('IMPORT_INVALID');
    expect(error.message).toContain('13');
    const got = error.rows.map((r: { row: number; field: string }) => `${r.row}:${r.field}`);
    expect(got).toEqual([
      '3:code',
      '4:code',
      '5:code',
      '6:code',
      '7:name',
      '8:name',
      '9:name',
      '10:level',
      '11:parentCode',
      '12:level',
      '13:code',
      '14:parentCode',
      '15:level',
    ]);
    const byRow = new Map(error.rows.map((r: { row: number; message: string; column: string }) => [r.row, r]));
    expect(byRow.get(6)).toMatchObject({ column: '区划代码', message: '与第 2 行重复' });
    expect(byRow.get(11)).toMatchObject({ column: '上级代码', message: '上级区划代码 999999999 不存在' });
    expect(await regionCount()).toBe(before);
    expect(await regionByCode('411702009')).toBeUndefined();
  });

  it('answers in English for an English caller', async () => {
    admin.lang = 'en';
    const res = await upload(admin, await xlsx([['411702010', '某街道', 'village', '411702']]));
    admin.lang = 'zh-CN';
    expect(res.statusCode).toBe(422);
    expect(res.json().error.message).toBe('The Excel file has 1 invalid rows; nothing was imported');
    expect(res.json().error.rows[0].message).toMatch(/^Unknown level/);
  });

  it('rejects a file that is not a readable workbook with 400 and a reason', async () => {
    const cases: [Buffer, RegExp][] = [
      [Buffer.from('区划代码,名称\n411700,驻马店市'), /不是有效的 Excel/],
      [Buffer.from('PK\u0003\u0004 broken zip'), /不是有效的 Excel/],
      [await xlsx([['411700', '驻马店市', '市', null]], ['code', 'name']), /第一行应为表头/],
      [await xlsx([], HEADER), /没有数据行/],
    ];
    for (const [bytes, reason] of cases) {
      const res = await upload(admin, bytes);
      expect(res.statusCode).toBe(400);
      expect(res.json().error.code).toBe('IMPORT_FILE');
      expect(res.json().error.message).toMatch(reason);
    }
    const empty = await admin.request('POST', '/api/v1/regions/import', Buffer.alloc(0), { 'content-type': XLSX_MIME });
    expect(empty.statusCode).toBe(400);
    expect(empty.json().error.code).toBe('IMPORT_FILE');
    const json = await admin.post('/api/v1/regions/import', { rows: [] });
    expect(json.statusCode).toBe(415);
  });

  it('accepts English headings and skips the template explanation row', async () => {
    const { bytes } = await download(admin, '/api/v1/regions/import-template');
    const sheet = await readXlsx(bytes);
    expect(sheet.rowCount).toBe(7);
    // The examples name codes this file already created, under other names: three renames.
    expect((await upload(admin, bytes)).json()).toEqual({ created: 0, updated: 3, unchanged: 2 });
    const english = await xlsx([['411702011', '英文表头街道', 'township', '411702']], ['Code', 'Name', 'Level', 'Parent code']);
    expect((await upload(admin, english)).json()).toEqual({ created: 1, updated: 0, unchanged: 0 });
  });
});

describe('region import within a scope', () => {
  let manager: Client;
  beforeAll(async () => {
    const county = (await regionByCode('411702'))!;
    await t.factory.account({ login: 'yicheng', grants: [{ role: 'region_manager', regionId: county.id }] });
    manager = await t.signIn('yicheng');
  });

  it('treats a parent outside the scope exactly like a missing one', async () => {
    const before = await regionCount();
    const res = await upload(
      manager,
      await xlsx([
        ['411721009', '外县乡镇', '乡镇（街道）', '411721'], // another county: exists, but not theirs
        ['411721009-001', '外县社区', '社区（村）', '411721001'],
        ['411702099', '本区乡镇', '乡镇（街道）', '888888'], // does not exist
      ]),
    );
    expect(res.statusCode).toBe(422);
    const rows = res.json().error.rows;
    expect(rows.map((r: { row: number; field: string; message: string }) => [r.row, r.field, r.message])).toEqual([
      [2, 'parentCode', '上级区划代码 411721 不存在'],
      [3, 'parentCode', '上级区划代码 411721001 不存在'],
      [4, 'parentCode', '上级区划代码 888888 不存在'],
    ]);
    expect(await regionCount()).toBe(before);
  });

  it('cannot create a city or touch a code outside the scope', async () => {
    const res = await upload(
      manager,
      await xlsx([
        ['419900', '新市', '市', null],
        ['411721001', '改名', '乡镇（街道）', '411721'],
      ]),
    );
    expect(res.json().error.rows.map((r: { row: number; field: string }) => `${r.row}:${r.field}`)).toEqual([
      '2:level',
      '3:code',
    ]);
  });

  it('round-trips its own export: the county on top has a blank parent and stays put', async () => {
    const { res, bytes } = await download(manager, '/api/v1/regions/export');
    expect(res.statusCode).toBe(200);
    expect(res.headers['content-disposition']).toMatch(/filename\*=UTF-8''/);
    const sheet = await readXlsx(bytes);
    expect(sheet.getCell('A3').value).toBe('411702');
    expect(sheet.getCell('D3').value).toBeFalsy();
    const again = await upload(manager, bytes);
    expect(again.statusCode).toBe(200);
    expect(again.json().created).toBe(0);
    expect(again.json().updated).toBe(0);
  });
});

describe('region export', () => {
  it('exports the visible tree in tree order and imports back unchanged; an edited name imports as a rename', async () => {
    const { res, bytes } = await download(admin, '/api/v1/regions/export');
    expect(res.statusCode).toBe(200);
    const sheet = await readXlsx(bytes);
    const codes: string[] = [];
    const index = new Map<string, number>();
    sheet.eachRow((row, n) => {
      if (n <= 2) return;
      const code = String(row.getCell(1).value ?? '');
      const parent = String(row.getCell(4).value ?? '');
      if (parent && code) expect(index.has(parent)).toBe(true); // parents come first
      index.set(code, n);
      codes.push(code);
    });
    expect(codes).toHaveLength(await regionCount());
    expect(codes).toContain('411702001-001-02');

    const unchanged = await upload(admin, bytes);
    expect(unchanged.json()).toEqual({ created: 0, updated: 0, unchanged: codes.length });

    const row = index.get('411702001')!;
    sheet.getCell(`B${row}`).value = '人民街街道（改）';
    const edited = Buffer.from(await sheet.workbook.xlsx.writeBuffer());
    expect((await upload(admin, edited)).json()).toEqual({ created: 0, updated: 1, unchanged: codes.length - 1 });
    expect((await regionByCode('411702001'))!.name).toBe('人民街街道（改）');
  });
});
