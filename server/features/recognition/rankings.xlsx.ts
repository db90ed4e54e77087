/**
 * A ranking as the Excel file a commendation meeting prints: a title, the period and what is
 * ranked, Chinese headings, and print setup (A4 landscape, one page wide, headings repeated on
 * every page). Chinese only, like every other redvest spreadsheet.
 */
import ExcelJS from 'exceljs';
import { a4Landscape } from '../../platform/http/xlsx.ts';
import type { ServiceKind } from '../../../common/enums.ts';
import { RANKING_METRIC_LABELS, RANKING_SUBJECT_LABELS } from '../../../common/labels.ts';
import type { Ranking, RankingItem } from './rankings.schemas.ts';

/** Enough for a county's volunteers in a month; a longer ranking is cut, and the file says so. */
export const EXPORT_ROWS = 5000;

/** Rows above the data: title, period line, headings. */
const HEAD_ROWS = 3;

const COUNT = '#,##0';

/** The kinds a ranking can be ordered by, with their short headings; 其他 entries have no column. */
const KIND_COLUMNS: [ServiceKind, string][] = [
  ['duty', '值守'],
  ['errand', '代办'],
  ['inspection', '督查'],
  ['screening', '排查'],
  ['disinfection', '消杀'],
  ['commendation', '表彰'],
];

const COLUMNS: { header: string; width: number; numFmt?: string; cell: (item: RankingItem) => string | number | null }[] = [
  { header: '名次', width: 7, numFmt: COUNT, cell: (i) => i.rank },
  { header: '名称', width: 18, cell: (i) => i.name },
  { header: '所属区划', width: 20, cell: (i) => i.regionName },
  { header: '单位', width: 20, cell: (i) => i.unitName },
  { header: '人数', width: 8, numFmt: COUNT, cell: (i) => i.volunteers },
  { header: '服务时长(小时)', width: 12, numFmt: '#,##0.00', cell: (i) => i.hours },
  ...KIND_COLUMNS.map(([kind, header]) => ({ header, width: 8, numFmt: COUNT, cell: (i: RankingItem) => i.byKind[kind] })),
];

const THIN: Partial<ExcelJS.Borders> = {
  top: { style: 'thin' },
  left: { style: 'thin' },
  bottom: { style: 'thin' },
  right: { style: 'thin' },
};

export async function rankingWorkbook(ranking: Ranking): Promise<Buffer> {
  const subject = RANKING_SUBJECT_LABELS[ranking.subject]['zh-CN'];
  const metric = RANKING_METRIC_LABELS[ranking.metric]['zh-CN'];
  const width = COLUMNS.length;
  const workbook = new ExcelJS.Workbook();
  workbook.creator = 'redvest 红马甲';
  const sheet = workbook.addWorksheet(`${subject}排行`, {
    views: [{ state: 'frozen', xSplit: 2, ySplit: HEAD_ROWS }],
    pageSetup: a4Landscape(HEAD_ROWS),
    headerFooter: {
      oddFooter: `${ranking.region.name} ${ranking.from}至${ranking.to} ${subject}排行　第 &P 页，共 &N 页`,
    },
  });
  sheet.columns = COLUMNS.map((c) => ({ width: c.width, ...(c.numFmt ? { style: { numFmt: c.numFmt } } : {}) }));

  const title = sheet.getRow(1);
  title.getCell(1).value = `${ranking.region.name}志愿服务排行（${subject}）`;
  title.font = { bold: true, size: 14 };
  title.height = 24;
  sheet.mergeCells(1, 1, 1, width);
  sheet.getRow(2).getCell(1).value =
    `统计期间：${ranking.from} 至 ${ranking.to}　　排名对象：${subject}　　排序依据：${metric}　　共 ${ranking.total.toLocaleString('en')} 名`;
  sheet.mergeCells(2, 1, 2, width);

  const header = sheet.getRow(HEAD_ROWS);
  header.values = COLUMNS.map((c) => c.header);
  header.height = 22;
  // Cell by cell: a row style would paint the red bar across the whole sheet.
  header.eachCell((cell) => {
    cell.font = { bold: true, color: { argb: 'FFFFFFFF' } };
    cell.fill = { type: 'pattern', pattern: 'solid', fgColor: { argb: 'FFC0392B' } };
    cell.alignment = { horizontal: 'center', vertical: 'middle', wrapText: true };
  });

  for (const item of ranking.items) sheet.addRow(COLUMNS.map((c) => c.cell(item)));
  for (let r = HEAD_ROWS; r <= HEAD_ROWS + ranking.items.length; r++) {
    for (let c = 1; c <= width; c++) sheet.getCell(r, c).border = THIN;
  }

  if (ranking.total > ranking.items.length) {
    const note = sheet.addRow([
      `仅列出前 ${ranking.items.length.toLocaleString('en')} 名，共 ${ranking.total.toLocaleString('en')} 名；完整名单请按下级区划或较短期间分别导出。`,
    ]);
    sheet.mergeCells(note.number, 1, note.number, width);
    note.getCell(1).font = { italic: true };
  }
  return Buffer.from(await workbook.xlsx.writeBuffer());
}
