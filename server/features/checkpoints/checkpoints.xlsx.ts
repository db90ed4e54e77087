/**
 * The checkpoint spreadsheet: one layout for the template, the export and the import, so an export
 * can be edited and imported back. Written and read with the platform's streaming sheet, like the
 * other registries. Only this file of the feature knows about spreadsheets.
 */
import { CHECKPOINT_KINDS, RISK_LEVELS } from '../../../common/enums.ts';
import { CHECKPOINT_KIND_LABELS, RISK_LABELS } from '../../../common/labels.ts';
import {
  addHelpSheet,
  addHelpText,
  addListValidation,
  streamDataSheet,
  streamedBuffer,
  streamSheet,
  type ReadSheet,
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

export const checkpointsWorkbook = (lines: readonly SheetLine[]): Promise<Buffer> =>
  streamedBuffer(async (out) => {
    const { workbook, sheet, range } = await streamDataSheet(out, '卡点', COLUMNS, [[...lines]], {
      numFmt: (c) => (c.field === 'lat' || c.field === 'lng' ? '0.000000' : '@'),
    });
    addListValidation(sheet, range('kind'), '类型', KIND_CHOICES);
    sheet.commit();
    const help = addHelpSheet(workbook, COLUMNS, 14, 100);
    addHelpText(help, HELP, true);
    help.commit();
    await workbook.commit();
  });

export type Sheet = ReadSheet<SheetField>;

/** The first sheet whose first row carries every required heading. */
export const readCheckpointsSheet = (bytes: Buffer | undefined): Promise<Sheet> =>
  streamSheet(bytes, COLUMNS, { maxRows: MAX_IMPORT_ROWS, noHeader: 'import.checkpoint.noHeader' });
