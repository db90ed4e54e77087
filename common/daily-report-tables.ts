/**
 * The tables of the 疫情防控日报 (issue 10), shared by the server (building a report, the Excel
 * file) and the web app (the report and print pages). Each table's rows are a region's direct
 * children and a 合计 row for the region itself; its columns are dashboard figures
 * (common/dashboard-figures.ts) or values worked out from two of them.
 *
 * A stored report keeps its section and column keys with its cells, so a report generated before
 * a column was added or dropped still shows as it was; keys are therefore never reused.
 */
import type { FigureKey, Figures } from './dashboard-figures.ts';

type Label = { 'zh-CN': string; en: string };

/** How a cell reads: a count, an area in m², an amount in 元, or a rate (0–1, null when nothing was due). */
export type CellFormat = 'count' | 'area' | 'yuan' | 'rate';

export type ReportColumn = { key: string; label: Label } & (
  | { figure: FigureKey; format?: 'count' | 'area' }
  /** An amount kept in fen (分), shown in 元. */
  | { fen: FigureKey }
  /** `of` less `less` (日间 = all checkpoints less the 24-hour ones). */
  | { of: FigureKey; less: FigureKey }
  /** `part` ÷ `whole`, worked out from the sums: a rate does not add up the tree. */
  | { part: FigureKey; whole: FigureKey }
);

export interface ReportSection {
  key: string;
  title: Label;
  columns: readonly ReportColumn[];
}

const col = (key: FigureKey, zh: string, en: string, format?: 'area'): ReportColumn => ({
  key,
  label: { 'zh-CN': zh, en },
  figure: key,
  ...(format ? { format } : {}),
});
const rate = (key: string, zh: string, en: string, part: FigureKey, whole: FigureKey): ReportColumn => ({
  key,
  label: { 'zh-CN': zh, en },
  part,
  whole,
});

export const DAILY_REPORT_SECTIONS: readonly ReportSection[] = [
  {
    key: 'volunteers',
    title: { 'zh-CN': '志愿者与队伍', en: 'Volunteers and teams' },
    columns: [
      col('volunteersActive', '在册志愿者', 'Volunteers'),
      col('volunteersServed', '当日上岗', 'On duty today'),
      col('teams', '志愿服务队', 'Teams'),
    ],
  },
  {
    key: 'checkpoints',
    title: { 'zh-CN': '卡点值守', en: 'Checkpoints and duty' },
    columns: [
      col('checkpoints', '卡点', 'Checkpoints'),
      col('checkpointsAllDay', '24 小时', '24-hour'),
      { key: 'checkpointsDaytime', label: { 'zh-CN': '日间', en: 'Daytime' }, of: 'checkpoints', less: 'checkpointsAllDay' },
      col('shiftsRequired', '应排班人次', 'Places on shifts'),
      col('shiftsAssigned', '已排班人次', 'Assigned'),
      col('attendanceDue', '应到岗人次', 'Due on duty'),
      col('attendancePresent', '实到岗人次', 'Checked in'),
      rate('attendanceRate', '到岗率', 'Attendance', 'attendancePresent', 'attendanceDue'),
    ],
  },
  {
    key: 'screening',
    title: { 'zh-CN': '入户排查', en: 'Household screening' },
    columns: [
      col('households', '登记户数', 'Households'),
      col('householdsScreened', '已排查户数', 'Screened'),
      rate('screenedRate', '排查率', 'Coverage', 'householdsScreened', 'households'),
    ],
  },
  {
    key: 'returnees',
    title: { 'zh-CN': '返乡人员', en: 'Returnees' },
    columns: [
      col('returnees', '累计返乡', 'Registered'),
      col('returneesNew', '当日新增', 'New today'),
      col('returneesWuhan', '武汉', 'From Wuhan'),
      col('returneesHubei', '湖北其他', 'Rest of Hubei'),
      col('returneesOther', '其他地区', 'Elsewhere'),
      col('returneesReleased', '已解除', 'Released'),
    ],
  },
  {
    key: 'contacts',
    title: { 'zh-CN': '密切接触者', en: 'Close contacts' },
    columns: [col('contacts', '累计密接', 'Registered'), col('contactsNew', '当日新增', 'New today')],
  },
  {
    key: 'isolation',
    title: { 'zh-CN': '居家隔离', en: 'Home isolation' },
    columns: [
      col('casesNew', '当日新增', 'New today'),
      col('casesActive', '在管', 'Active'),
      col('casesReleased', '当日解除', 'Released today'),
      col('casesTransferred', '当日转送', 'Transferred today'),
    ],
  },
  {
    key: 'health',
    title: { 'zh-CN': '健康上报', en: 'Health reports' },
    columns: [
      col('reportsDue', '应上报人次', 'Due'),
      col('reportsReceived', '已上报人次', 'Received'),
      rate('reportsRate', '上报率', 'Compliance', 'reportsReceived', 'reportsDue'),
      col('reportsMissed', '漏报人次', 'Missed'),
      col('reportsFever', '发热人次', 'Fevers'),
      col('alertsFeverOpen', '未处置发热预警', 'Open fever alerts'),
    ],
  },
  {
    key: 'errands',
    title: { 'zh-CN': '红色代办', en: 'Errands' },
    columns: [
      col('errandsOrdered', '当日下单', 'Ordered today'),
      col('errandsDelivered', '当日送达', 'Delivered today'),
      col('errandsOnTime', '按时送达', 'On time'),
      col('errandsOpen', '未办结', 'Open'),
      col('errandsOverdue', '超时未办结', 'Overdue'),
      { key: 'errandsAmount', label: { 'zh-CN': '代购金额（元）', en: 'Amount (yuan)' }, fen: 'errandsAmountFen' },
    ],
  },
  {
    key: 'disinfection',
    title: { 'zh-CN': '卫生消杀', en: 'Disinfection' },
    columns: [
      col('disinfectionOps', '消杀次数', 'Operations'),
      col('disinfectionPeople', '参与人次', 'People'),
      col('disinfectionAreaM2', '消杀面积（m²）', 'Area (m²)', 'area'),
    ],
  },
  {
    key: 'publicity',
    title: { 'zh-CN': '宣传', en: 'Publicity' },
    columns: [col('publicityActivities', '宣传活动', 'Activities')],
  },
  {
    key: 'supplies',
    title: { 'zh-CN': '物资', en: 'Supplies' },
    columns: [
      col('suppliesIn', '入库笔数', 'Receipts'),
      col('suppliesOut', '出库笔数', 'Issues'),
      col('stockAlerts', '库存预警', 'Stock alerts'),
    ],
  },
  {
    key: 'issues',
    title: { 'zh-CN': '问题台账', en: 'Issue ledger' },
    columns: [
      col('issuesOpened', '当日新增', 'Raised today'),
      col('issuesResolved', '当日办结', 'Resolved today'),
      col('issuesOpen', '未办结', 'Open'),
      col('issuesOverdue', '逾期未办结', 'Overdue'),
    ],
  },
];

export function columnFormat(column: ReportColumn): CellFormat {
  if ('part' in column) return 'rate';
  if ('fen' in column) return 'yuan';
  if ('figure' in column) return column.format ?? 'count';
  return 'count';
}

/** A column's value from a region's figures: amounts in 元, rates to four places (null when nothing was due). */
export function cellValue(column: ReportColumn, f: Figures): number | null {
  if ('part' in column) return f[column.whole] > 0 ? Math.round((f[column.part] / f[column.whole]) * 10_000) / 10_000 : null;
  if ('fen' in column) return f[column.fen] / 100;
  if ('of' in column) return f[column.of] - f[column.less];
  return f[column.figure];
}

/** Every column by key, for showing a stored report whose keys are all that it kept. */
export const REPORT_COLUMNS: ReadonlyMap<string, ReportColumn> = new Map(
  DAILY_REPORT_SECTIONS.flatMap((s) => s.columns.map((c) => [c.key, c] as const)),
);
export const REPORT_SECTIONS: ReadonlyMap<string, ReportSection> = new Map(DAILY_REPORT_SECTIONS.map((s) => [s.key, s]));

/** Chinese numbering of the sections, as the tables are titled on paper (一、二、…). */
const NUMERALS = ['一', '二', '三', '四', '五', '六', '七', '八', '九', '十', '十一', '十二', '十三', '十四', '十五'];
export const sectionNumber = (index: number): string => NUMERALS[index] ?? String(index + 1);
