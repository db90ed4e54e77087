/**
 * A daily report as the Excel file higher levels ask for: one sheet per table, each with a title,
 * the date and when it was generated, Chinese headings, the 合计 row in bold, and print setup
 * (A4 landscape, one page wide, headings repeated on every page).
 */
import ExcelJS from 'exceljs';
import { a4Landscape } from '../../platform/http/xlsx.ts';
import {
  REPORT_COLUMNS,
  REPORT_SECTIONS,
  columnFormat,
  sectionNumber,
  type CellFormat,
} from '../../../common/daily-report-tables.ts';
import { localDateTime } from '../../platform/dates.ts';
import type { DailyReportContent } from './daily-report.schemas.ts';

const NUMBER_FORMATS: Record<CellFormat, string> = {
  count: '#,##0',
  area: '#,##0',
  yuan: '#,##0.00',
  rate: '0.0%',
};

/** The red bar of every redvest spreadsheet (platform/spreadsheet.ts `styleHeader`). */
const HEADER_FONT: Partial<ExcelJS.Font> = { bold: true, color: { argb: 'FFFFFFFF' } };
const HEADER_FILL: ExcelJS.Fill = { type: 'pattern', pattern: 'solid', fgColor: { argb: 'FFC0392B' } };

/** Rows above the data: title, date line, headings. */
const HEAD_ROWS = 3;

/** Excel refuses these in sheet names, and at most 31 characters. */
const sheetName = (text: string) => text.replace(/[[\]:*?/\\]/g, ' ').slice(0, 31);

export async function dailyReportWorkbook(
  timeZone: string,
  report: { generatedAt: string; content: DailyReportContent },
): Promise<Buffer> {
  const { content } = report;
  const workbook = new ExcelJS.Workbook();
  workbook.creator = 'redvest 红马甲';
  const generated = localDateTime(timeZone, new Date(report.generatedAt));
  const figures = localDateTime(timeZone, new Date(content.figuresAt));
  const dateLine = `日期：${content.day}　　生成时间：${generated.date} ${generated.time}　　数据统计于：${figures.date} ${figures.time}`;
  const nameWidth = Math.min(30, Math.max(12, ...content.rows.map((r) => r.name.length * 2 + 2)));

  content.sections.forEach((section, index) => {
    const title = REPORT_SECTIONS.get(section.key)?.title['zh-CN'] ?? section.key;
    const columns = section.columns.map((key) => REPORT_COLUMNS.get(key));
    const width = section.columns.length + 1;
    const sheet = workbook.addWorksheet(sheetName(`${index + 1} ${title}`), {
      views: [{ state: 'frozen', xSplit: 1, ySplit: HEAD_ROWS }],
      pageSetup: a4Landscape(HEAD_ROWS),
      headerFooter: { oddFooter: `${content.region.name} ${content.day} 疫情防控日报　第 &P 页，共 &N 页` },
    });
    sheet.columns = [
      { width: nameWidth },
      ...section.columns.map((key, i) => ({
        width: Math.max(10, (columns[i]?.label['zh-CN'] ?? key).length * 2 + 2),
        style: { numFmt: NUMBER_FORMATS[columns[i] ? columnFormat(columns[i]) : 'count'] },
      })),
    ];

    const titleRow = sheet.getRow(1);
    titleRow.getCell(1).value = `${content.region.name}疫情防控日报　${sectionNumber(index)}、${title}`;
    titleRow.font = { bold: true, size: 14 };
    titleRow.height = 24;
    sheet.mergeCells(1, 1, 1, width);
    sheet.getRow(2).getCell(1).value = dateLine;
    sheet.mergeCells(2, 1, 2, width);

    const header = sheet.getRow(HEAD_ROWS);
    header.values = ['区域', ...section.columns.map((key, i) => columns[i]?.label['zh-CN'] ?? key)];
    header.height = 22;
    // Cell by cell: a row style would paint the red bar across the whole sheet.
    header.eachCell((cell) => {
      cell.font = HEADER_FONT;
      cell.fill = HEADER_FILL;
      cell.alignment = { horizontal: 'center', vertical: 'middle', wrapText: true };
    });

    content.rows.forEach((row, r) => {
      const line = sheet.addRow([row.total ? '合计' : row.name, ...(section.cells[r] ?? [])]);
      if (row.total) line.eachCell((cell) => (cell.font = { bold: true }));
      section.cells[r]?.forEach((value, i) => {
        // A rate with nothing due reads as a dash, as on the page.
        if (value === null) {
          const cell = line.getCell(i + 2);
          cell.value = '—';
          cell.alignment = { horizontal: 'right' };
        }
      });
    });
    const last = HEAD_ROWS + content.rows.length;
    for (let r = HEAD_ROWS; r <= last; r++) {
      for (let c = 1; c <= width; c++) {
        sheet.getCell(r, c).border = {
          top: { style: 'thin' },
          left: { style: 'thin' },
          bottom: { style: 'thin' },
          right: { style: 'thin' },
        };
      }
    }
  });
  return Buffer.from(await workbook.xlsx.writeBuffer());
}
