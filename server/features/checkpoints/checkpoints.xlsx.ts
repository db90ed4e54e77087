/**
 * The checkpoint spreadsheet: one layout for the template, the export and the import, so an export
 * can be edited and imported back. A county's checkpoints run to a few thousand rows, so the
 * workbook is built and read whole. Only this file of the feature knows about exceljs.
 */
import ExcelJS from 'exceljs';
import { CHECKPOINT_KINDS, RISK_LEVELS } from '../../../common/enums.ts';
import { CHECKPOINT_KIND_LABELS, RISK_LABELS } from '../../../common/labels.ts';
import { unreadableFile } from '../../platform/errors.ts';
import {
  addHelpSheet,
  addListValidation,
  columnRange,
  headingMap,
  noteHeader,
  readCells,
  readHeadings,
  readWorksheets,
  requiredHeadings,
  styleHeader,
  type CellValue,
  type SheetColumn,
} from '../../platform/spreadsheet.ts';
import { MAX_PEOPLE, MAX_SLOTS } from './checkpoints.schemas.ts';

/** Far above a county's checkpoints (新蔡县 ran some 1,200). */
export const MAX_IMPORT_ROWS = 5_000;

export type SheetField = 'name' | 'kind' | 'region' | 'address' | 'lat' | 'lng' | 'risk' | 'hours' | 'pattern' | 'team' | 'note';

const KIND_CHOICES = CHECKPOINT_KINDS.map((k) => CHECKPOINT_KIND_LABELS[k]['zh-CN']);
const RISK_CHOICES = [...RISK_LEVELS].reverse().map((r) => `${r}（${RISK_LABELS[r]['zh-CN']}）`);

export const COLUMNS: readonly SheetColumn<SheetField>[] = [
  {
    field: 'name',
    header: '名称',
    width: 24,
    required: true,
    note: '最多 60 字；同一区划内不能重名',
    aliases: ['卡点名称', 'name'],
  },
  { field: 'kind', header: '类型', width: 14, required: true, note: KIND_CHOICES.join(' / '), aliases: ['卡点类型', 'kind'] },
  {
    field: 'region',
    header: '所属区划',
    width: 36,
    required: true,
    note: '卡点所在的社区（村）或网格：区划代码，或用“/”分隔的完整名称，如“驿城区/人民街街道/雪松社区/第一网格”（可省略上级，但须能唯一确定），须在你的管辖范围内',
    aliases: ['区划', '所在区划', '所在社区', '所在网格', '区划代码', 'region'],
  },
  { field: 'address', header: '地址', width: 28, required: false, note: '最多 120 字', aliases: ['详细地址', 'address'] },
  {
    field: 'lat',
    header: '纬度',
    width: 12,
    required: false,
    note: '-90 到 90 的数字；与经度同时填写或同时留空',
    aliases: ['lat', 'latitude'],
  },
  { field: 'lng', header: '经度', width: 12, required: false, note: '-180 到 180 的数字', aliases: ['lng', 'lon', 'longitude'] },
  {
    field: 'risk',
    header: '风险等级',
    width: 12,
    required: true,
    note: `1–4，4 为最高：${RISK_CHOICES.join('、')}；也可填等级名称`,
    aliases: ['风险', 'risk'],
  },
  {
    field: 'hours',
    header: '开放时间',
    width: 16,
    required: true,
    note: '“24小时”，或开放–关闭时间如“08:00-20:00”（可跨午夜，如“20:00-06:00”）',
    aliases: ['开放', 'hours', 'openinghours'],
  },
  {
    field: 'pattern',
    header: '班次',
    width: 44,
    required: true,
    note: `每班“开始-结束×人数”，多个班次用分号分开，如“08:00-16:00×2; 16:00-24:00×2; 00:00-08:00×2”；结束不晚于开始表示到次日；1–${MAX_SLOTS} 个班次，每班 1–${MAX_PEOPLE} 人；非 24 小时开放时每班须在开放时间内`,
    aliases: ['班次安排', '排班', 'shifts', 'shiftpattern'],
  },
  {
    field: 'team',
    header: '限定队伍',
    width: 20,
    required: false,
    note: '填写后只从该队伍（含分队）的队员中排班；填队伍名称，留空表示不限',
    aliases: ['队伍', '值守队伍', 'team'],
  },
  { field: 'note', header: '备注', width: 24, required: false, note: '最多 500 字', aliases: ['说明', 'note'] },
];

const HEADINGS = headingMap(COLUMNS);

/** One checkpoint as written: numbers as numbers, the rest as text. */
export type SheetLine = Record<Exclude<SheetField, 'lat' | 'lng'>, string> & { lat: number | null; lng: number | null };

const HELP = [
  '填写说明',
  '· 第一行是表头，请勿改动；从第二行起每行一个卡点。',
  '· 同一区划内按名称对应：名称已存在的卡点会被更新，其余新建；导出的文件可以修改后原样导入。',
  '· 导入时检查每一行，所有错误按行号和列列出；有任何错误时不导入任何数据。',
  '· 签到码、状态不在表中：新建的卡点为“启用”，已有卡点的签到码和状态不变。',
  '· 示例：名称“雪松小区东门”，类型“小区门岗”，所属区划“雪松社区/第一网格”，风险等级 3，开放时间“24小时”，班次“08:00-16:00×2; 16:00-00:00×2; 00:00-08:00×2”。',
];

export async function checkpointsWorkbook(lines: readonly SheetLine[]): Promise<Buffer> {
  const workbook = new ExcelJS.Workbook();
  workbook.creator = 'redvest 红马甲';
  const sheet = workbook.addWorksheet('卡点', { views: [{ state: 'frozen', ySplit: 1 }] });
  sheet.columns = COLUMNS.map((c) => ({
    header: c.header,
    key: c.field,
    width: c.width,
    style: c.field === 'lat' || c.field === 'lng' ? { numFmt: '0.000000' } : { numFmt: '@' },
  }));
  const header = sheet.getRow(1);
  styleHeader(header);
  noteHeader(header, COLUMNS);
  for (const line of lines) sheet.addRow(COLUMNS.map((c) => line[c.field]));

  const last = lines.length + 1 + 1000;
  addListValidation(sheet, columnRange(COLUMNS, 'kind', 2, last), '类型', KIND_CHOICES);

  const help = addHelpSheet(workbook, COLUMNS, 14, 100);
  help.addRow([]);
  HELP.forEach((line, i) => {
    const row = help.addRow([line]);
    if (i === 0) row.font = { bold: true };
  });
  return Buffer.from(await workbook.xlsx.writeBuffer());
}

export interface SheetRow {
  /** The row number the spreadsheet shows. */
  row: number;
  cells: Partial<Record<SheetField, CellValue>>;
}

export interface Sheet {
  rows: SheetRow[];
  /** Each recognised field's heading as the file spells it, for error reports. */
  headers: Partial<Record<SheetField, string>>;
}

/** The first sheet whose first row carries every required heading; a file that cannot be read at all is a 400. */
export async function readCheckpointsSheet(bytes: Buffer | undefined): Promise<Sheet> {
  for (const worksheet of await readWorksheets(bytes)) {
    const { headers, columns, complete } = readHeadings(worksheet.getRow(1), COLUMNS, HEADINGS);
    if (!complete) continue;
    const rows: SheetRow[] = [];
    let tooMany = false;
    worksheet.eachRow((row, number) => {
      if (number === 1 || tooMany) return;
      const cells = readCells(row, columns);
      if (!cells) return;
      if (rows.length === MAX_IMPORT_ROWS) tooMany = true;
      else rows.push({ row: number, cells });
    });
    if (tooMany) throw unreadableFile('import.tooManyRows', { limit: MAX_IMPORT_ROWS });
    if (rows.length === 0) throw unreadableFile('import.noRows');
    return { rows, headers };
  }
  throw unreadableFile('import.checkpoint.noHeader', { headings: requiredHeadings(COLUMNS) });
}
