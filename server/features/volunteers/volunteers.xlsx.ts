/**
 * The volunteer roster spreadsheet: one layout for the template, the export and the import, so an
 * export can be edited and imported back. Written and read as streams (platform/spreadsheet.ts),
 * so a 10,000-row roster (or a 100,000-row export) never sits in memory as a workbook. Only this
 * file of the feature knows the layout.
 */
import type { Writable } from 'node:stream';
import { GENDERS, VOLUNTEER_STATUSES } from '../../../common/enums.ts';
import { GENDER_LABELS, VOLUNTEER_STATUS_LABELS } from '../../../common/labels.ts';
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
import { SKILL_CHOICES } from './volunteers.import.rules.ts';

/** Twice the report's largest roster and more; bounds what one import holds and checks. */
export const MAX_IMPORT_ROWS = 50_000;

export type RosterField =
  | 'name'
  | 'gender'
  | 'idNumber'
  | 'mobile'
  | 'partyMember'
  | 'partyBranch'
  | 'unit'
  | 'homeAddress'
  | 'regionCode'
  | 'skills'
  | 'availability'
  | 'status'
  | 'statusReason'
  | 'statusSince';

interface Column extends SheetColumn<RosterField> {
  date?: true;
}

export const ROSTER_COLUMNS: readonly Column[] = [
  { field: 'name', header: '姓名', width: 12, required: true, note: '最多 40 字', aliases: ['name'] },
  { field: 'gender', header: '性别', width: 8, required: true, note: '男 / 女', aliases: ['gender'] },
  {
    field: 'idNumber',
    header: '身份证号',
    width: 22,
    required: true,
    note: '18 位居民身份证号。本列须为“文本”格式：Excel 把长数字存成数字时，第 15 位以后的数字会变成 0 且无法恢复',
    aliases: ['身份证号码', '身份证', '公民身份号码', 'idnumber'],
  },
  {
    field: 'mobile',
    header: '手机号',
    width: 14,
    required: true,
    note: '11 位手机号，可带空格或短横线',
    aliases: ['手机号码', '手机', '联系电话', 'mobile'],
  },
  {
    field: 'partyMember',
    header: '是否党员',
    width: 10,
    required: true,
    note: '是 / 否（也可填“中共党员”“群众”）',
    aliases: ['党员', '是否中共党员', '政治面貌', 'partymember'],
  },
  {
    field: 'partyBranch',
    header: '所在党支部',
    width: 20,
    required: false,
    note: '党员填写，最多 80 字',
    aliases: ['党支部', 'partybranch'],
  },
  {
    field: 'unit',
    header: '派出单位',
    width: 22,
    required: false,
    note: '与系统中登记的单位名称相同时自动关联；其他单位按所填文字保存，最多 80 字',
    aliases: ['工作单位', '单位', 'unit', 'unitname'],
  },
  { field: 'homeAddress', header: '家庭住址', width: 28, required: true, note: '最多 120 字', aliases: ['住址', 'homeaddress'] },
  {
    field: 'regionCode',
    header: '所在网格（区划代码）',
    width: 22,
    required: true,
    note: '家庭所在社区（村）或网格的区划代码（见“区划管理”，可导出区划表查看），须在你的管辖范围内',
    aliases: ['区划代码', '网格代码', '所在网格', '所在社区', 'regioncode'],
  },
  {
    field: 'skills',
    header: '技能',
    width: 22,
    required: false,
    note: `可填多项，用顿号、逗号或空格分隔：${SKILL_CHOICES}`,
    aliases: ['特长', 'skills'],
  },
  {
    field: 'availability',
    header: '可服务时间',
    width: 30,
    required: false,
    note: '如“周一至周五 上午、下午；周末 全天”或“每天 夜间”，写法见下方“可服务时间的写法”',
    aliases: ['服务时间', 'availability'],
  },
  {
    field: 'status',
    header: '状态',
    width: 10,
    required: false,
    note: '在岗 / 暂停 / 已退出；不填为在岗',
    aliases: ['status'],
  },
  {
    field: 'statusReason',
    header: '状态原因',
    width: 20,
    required: false,
    note: '暂停、已退出时必填（如“居家隔离”），最多 200 字',
    aliases: ['原因', 'statusreason'],
  },
  {
    field: 'statusSince',
    header: '状态日期',
    width: 12,
    required: false,
    note: '日期格式或文字均可，如 2020-02-03、2020/2/3、2020年2月3日；不填为导入当天',
    aliases: ['日期', 'statussince'],
    date: true,
  },
];

/** One row of a roster as written: text everywhere except the status date. */
export type RosterLine = Record<Exclude<RosterField, 'statusSince'>, string> & { statusSince: Date | null };

const AVAILABILITY_HELP = [
  '可服务时间的写法',
  '· 一段写法是“哪几天 + 哪些时段”，如“周一至周五 上午、下午”。',
  '· 哪几天：周一…周日（也可写星期一、周天）；范围“周一至周五”（至、到、- 均可）；“每天”；“工作日”（周一至周五）；“周末”（周六、周日）。多个用顿号或逗号分开，如“周一、周三”。',
  '· 时段：上午（6–12 时）、下午（12–18 时）、晚上（18–24 时）、夜间（0–6 时），或“全天”（四个时段）。多个用顿号或逗号分开。',
  '· 多段用分号“；”分开，或直接接着写下一段：“周一至周五 晚上；周末 全天”“周一、周三 晚上 周六 上午”。',
  '· 不填表示暂未登记可服务时间。',
];

/**
 * Writes a roster workbook into `out`: the data sheet (header, then `pages` of rows) and the
 * explanation sheet. `masked`: the ID numbers and mobiles are masked (an export), which the
 * header notes and the explanation say.
 */
export async function writeRoster(
  out: Writable,
  pages: AsyncIterable<RosterLine[]> | RosterLine[][],
  masked: boolean,
): Promise<void> {
  const { workbook, sheet, range } = await streamDataSheet(out, '志愿者', ROSTER_COLUMNS, pages, {
    numFmt: (c) => (c.date ? 'yyyy-mm-dd' : '@'),
    extraNote: (c) => (masked && (c.field === 'idNumber' || c.field === 'mobile') ? '\n导出文件中已脱敏，不能原样导入。' : ''),
  });
  addListValidation(
    sheet,
    range('gender'),
    '性别',
    GENDERS.map((g) => GENDER_LABELS[g]['zh-CN']),
  );
  addListValidation(sheet, range('partyMember'), '是否党员', ['是', '否']);
  addListValidation(
    sheet,
    range('status'),
    '状态',
    VOLUNTEER_STATUSES.map((s) => VOLUNTEER_STATUS_LABELS[s]['zh-CN']),
  );
  sheet.commit();

  const help = addHelpSheet(workbook, ROSTER_COLUMNS, 22, 90);
  addHelpText(
    help,
    [
      '第一行是表头，请勿改动；从第二行起每行一名志愿者。身份证号在名册中不能重复，文件中重复或已登记的行会被指出。',
      '导入时检查每一行，所有错误按行号列出；有错误时不导入任何数据，也可以选择“只导入正确的行”。',
      ...(masked
        ? ['本文件由系统导出：身份证号、手机号已脱敏（如 411702********1234），这些行不能原样导入，以免产生重复。']
        : []),
    ],
    false,
  );
  addHelpText(help, AVAILABILITY_HELP, true);
  help.commit();
  await workbook.commit();
}

/** A whole workbook in memory, for the small ones (the template). */
export const rosterBuffer = (pages: RosterLine[][], masked: boolean): Promise<Buffer> =>
  streamedBuffer((out) => writeRoster(out, pages, masked));

export type RosterSheet = ReadSheet<RosterField>;

/** The roster sheet: the first sheet whose first row carries the required headings. */
export const readRoster = (bytes: Buffer | undefined): Promise<RosterSheet> =>
  streamSheet(bytes, ROSTER_COLUMNS, { maxRows: MAX_IMPORT_ROWS, noHeader: 'import.volunteer.noHeader' });
