/**
 * The region spreadsheet: one sheet, four columns, the same for the template, the export and the
 * import, so an export can be edited and imported back. Only this file knows about exceljs.
 */
import ExcelJS from 'exceljs';
import { REGION_LEVELS, type RegionLevel } from '../../../common/enums.ts';
import { REGION_LEVEL_LABELS } from '../../../common/labels.ts';
import { unreadableFile } from '../../platform/errors.ts';
import { addListValidation, columnRange, readWorksheets, styleHeader } from '../../platform/spreadsheet.ts';

export { XLSX_MIME } from '../../platform/http/xlsx.ts';

/** Far above a city's regions (Zhumadian has a few thousand villages), low enough to bound memory. */
export const MAX_IMPORT_ROWS = 50_000;

export type SheetField = 'code' | 'name' | 'level' | 'parentCode';

const COLUMNS: { field: SheetField; header: string; width: number; note: string }[] = [
  {
    field: 'code',
    header: '区划代码',
    width: 22,
    note: '必填。市、县（区）：6 位国标代码；乡镇（街道）：9 位统计代码；社区（村）、网格：本地代码（字母、数字、短横线）',
  },
  { field: 'name', header: '名称', width: 28, note: '必填，最多 60 字' },
  {
    field: 'level',
    header: '级别',
    width: 16,
    note: '市 / 县（区） / 乡镇（街道） / 社区（村） / 网格（也可填 city / county / township / community / grid）',
  },
  {
    field: 'parentCode',
    header: '上级代码',
    width: 22,
    note: '上级区划的代码：本表中的行或系统中已有的区划。市级留空；已有区划在你的管辖范围顶端时也可留空（位置不变）',
  },
];

/** The explanation row under the header starts with this; the importer skips it. */
const NOTE_MARK = '说明：';

/** Headings the importer recognises, normalised (lower case, no spaces or underscores). */
const HEADER_ALIASES: Record<string, SheetField> = {
  区划代码: 'code',
  代码: 'code',
  code: 'code',
  名称: 'name',
  name: 'name',
  级别: 'level',
  level: 'level',
  上级代码: 'parentCode',
  上级区划代码: 'parentCode',
  parentcode: 'parentCode',
};

export interface SheetRegion {
  code: string;
  name: string;
  level: RegionLevel;
  parentCode: string;
}

/** One data row as text, trimmed; `row` is the number Excel shows. */
export interface SheetRow {
  row: number;
  code: string;
  name: string;
  level: string;
  parentCode: string;
}

export interface Sheet {
  rows: SheetRow[];
  /** Each field's column heading as the file spells it, for error reports. */
  headers: Record<SheetField, string>;
}

const TEMPLATE_EXAMPLES: SheetRegion[] = [
  { code: '411700', name: '驻马店市', level: 'city', parentCode: '' },
  { code: '411702', name: '驿城区', level: 'county', parentCode: '411700' },
  { code: '411702001', name: '人民街街道', level: 'township', parentCode: '411702' },
  { code: '411702001-001', name: '示例社区', level: 'community', parentCode: '411702001' },
  { code: '411702001-001-01', name: '第一网格', level: 'grid', parentCode: '411702001-001' },
];

export function templateWorkbook(): Promise<Buffer> {
  return regionsWorkbook(TEMPLATE_EXAMPLES);
}

/** Header, explanation row, then the regions; codes are text cells so Excel keeps them as typed. */
export async function regionsWorkbook(regions: SheetRegion[]): Promise<Buffer> {
  const workbook = new ExcelJS.Workbook();
  workbook.creator = 'redvest 红马甲';
  const sheet = workbook.addWorksheet('区划', { views: [{ state: 'frozen', ySplit: 1 }] });
  sheet.columns = COLUMNS.map((c) => ({ header: c.header, key: c.field, width: c.width, style: { numFmt: '@' } }));

  const header = sheet.getRow(1);
  styleHeader(header);
  header.alignment = { vertical: 'middle' };

  const note = sheet.addRow(COLUMNS.map((c, i) => (i === 0 ? NOTE_MARK : '') + c.note));
  note.font = { italic: true, color: { argb: 'FF7F7F7F' } };
  note.alignment = { wrapText: true, vertical: 'top' };
  note.height = 60;

  for (const r of regions) sheet.addRow([r.code, r.name, REGION_LEVEL_LABELS[r.level]['zh-CN'], r.parentCode]);

  // A list on the level column helps typing; a warning rather than a stop, since English codes are valid too.
  const lastRow = regions.length + 2 + 1000;
  const labels = REGION_LEVELS.map((l) => REGION_LEVEL_LABELS[l]['zh-CN']);
  addListValidation(sheet, columnRange(COLUMNS, 'level', 3, lastRow), '级别', labels);
  return Buffer.from(await workbook.xlsx.writeBuffer());
}

function text(cell: ExcelJS.Cell): string {
  return cell.text.trim();
}

/** Reads the first sheet into text rows; a file that cannot be read at all is a 400 with the reason. */
export async function readRegionsSheet(bytes: Buffer | undefined): Promise<Sheet> {
  const [sheet] = await readWorksheets(bytes);

  const columns = new Map<SheetField, number>();
  const headers = {} as Record<SheetField, string>;
  sheet.getRow(1).eachCell((cell, col) => {
    const heading = text(cell);
    const field = HEADER_ALIASES[heading.toLowerCase().replace(/[\s_]/g, '')];
    if (field && !columns.has(field)) {
      columns.set(field, col);
      headers[field] = heading;
    }
  });
  if (columns.size < COLUMNS.length) throw unreadableFile('import.noHeader');

  const rows: SheetRow[] = [];
  let tooMany = false;
  sheet.eachRow((row, number) => {
    if (number === 1 || tooMany) return;
    const get = (field: SheetField) => text(row.getCell(columns.get(field)!));
    const r: SheetRow = { row: number, code: get('code'), name: get('name'), level: get('level'), parentCode: get('parentCode') };
    if (number === 2 && r.code.startsWith(NOTE_MARK)) return;
    if (!r.code && !r.name && !r.level && !r.parentCode) return;
    if (rows.length === MAX_IMPORT_ROWS) tooMany = true;
    else rows.push(r);
  });
  if (tooMany) throw unreadableFile('import.tooManyRows', { limit: MAX_IMPORT_ROWS });
  if (rows.length === 0) throw unreadableFile('import.noRows');
  return { rows, headers };
}
