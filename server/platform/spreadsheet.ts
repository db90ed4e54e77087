/**
 * What every feature's spreadsheet layout shares: the header row and its notes, drop-down lists,
 * the explanation sheet's column list, and reading headings and cells back, whole or as a stream.
 * The writing helpers work on both kinds of exceljs workbook, the in-memory one and the streaming
 * writer (whose rows must be committed; on the in-memory one `commit()` does nothing).
 */
import ExcelJS from 'exceljs';
import { PassThrough, Readable, type Writable } from 'node:stream';
import { unreadableFile } from './errors.ts';

/** A cell as read: text, a number, a boolean, a date, or nothing. */
export type CellValue = string | number | boolean | Date | null;

export interface SheetColumn<F extends string> {
  field: F;
  header: string;
  width: number;
  required: boolean;
  /** How to fill it in, for the header note and the explanation sheet. */
  note: string;
  /** Other headings people give the column (compared without spaces, asterisks and bracketed parts). */
  aliases: string[];
}

const normalizeHeading = (h: string) =>
  h
    .toLowerCase()
    .replace(/[（(][^）)]*[）)]/g, '')
    .replace(/[\s_*＊:：]/g, '');

/** Every heading and alias of `columns`, normalised, to the field it names. */
export function headingMap<F extends string>(columns: readonly SheetColumn<F>[]): Map<string, F> {
  const headings = new Map<string, F>();
  for (const c of columns) for (const name of [c.header, ...c.aliases]) headings.set(normalizeHeading(name), c.field);
  return headings;
}

/** White bold headings on the red bar. */
export function styleHeader(header: ExcelJS.Row): void {
  header.font = { bold: true, color: { argb: 'FFFFFFFF' } };
  header.fill = { type: 'pattern', pattern: 'solid', fgColor: { argb: 'FFC0392B' } };
  header.height = 22;
}

/** A note on each heading: required or not, how to fill it in, and `extra` when given. */
export function noteHeader<F extends string, C extends SheetColumn<F>>(
  header: ExcelJS.Row,
  columns: readonly C[],
  extra: (c: C) => string = () => '',
): void {
  columns.forEach((c, i) => {
    header.getCell(i + 1).note = `${c.required ? '必填。' : '选填。'}${c.note}${extra(c)}`;
  });
}

/** The cells of `field`'s column from row `from` to row `to`, as `C2:C1001`. */
export function columnRange<F extends string>(columns: readonly { field: F }[], field: F, from: number, to: number): string {
  const letter = String.fromCharCode(65 + columns.findIndex((c) => c.field === field));
  return `${letter}${from}:${letter}${to}`;
}

/** exceljs takes validations on whole ranges, but its type declarations only show the per-cell form. */
type WithRangeValidations = { dataValidations: { add(range: string, validation: ExcelJS.DataValidation): void } };

/** A drop-down of `values` on `range`; a warning rather than a stop, since the importer accepts other spellings too. */
export function addListValidation(sheet: ExcelJS.Worksheet, range: string, title: string, values: string[]): void {
  (sheet as unknown as WithRangeValidations).dataValidations.add(range, {
    type: 'list',
    allowBlank: true,
    formulae: [`"${values.join(',')}"`],
    showErrorMessage: true,
    errorStyle: 'warning',
    errorTitle: title,
    error: `请填写：${values.join('、')}`,
  });
}

/**
 * A streamed workbook into `out` whose first sheet, `name`, holds the red header row (noted;
 * `extraNote` adds to a column's note) and then every line of `pages`, each committed as it comes
 * so an export of any size holds one page in memory. The sheet is left open for drop-downs over
 * `range(field)`: the written rows of that column and 1,000 more to fill in.
 */
export async function streamDataSheet<F extends string, C extends SheetColumn<F>>(
  out: Writable,
  name: string,
  columns: readonly C[],
  pages: AsyncIterable<Record<F, CellValue>[]> | Record<F, CellValue>[][],
  format: { numFmt?: (c: C) => string; extraNote?: (c: C) => string } = {},
): Promise<{ workbook: ExcelJS.stream.xlsx.WorkbookWriter; sheet: ExcelJS.Worksheet; range: (field: F) => string }> {
  const workbook = new ExcelJS.stream.xlsx.WorkbookWriter({ stream: out, useStyles: true, useSharedStrings: false });
  workbook.creator = 'redvest 红马甲';
  const sheet = workbook.addWorksheet(name, { views: [{ state: 'frozen', ySplit: 1 }] });
  // Text format keeps typed ID numbers, codes and room numbers as text in Excel and LibreOffice.
  sheet.columns = columns.map((c) => ({
    header: c.header,
    key: c.field,
    width: c.width,
    style: { numFmt: format.numFmt?.(c) ?? '@' },
  }));
  const header = sheet.getRow(1);
  styleHeader(header);
  noteHeader(header, columns, format.extraNote);
  header.commit();
  let rows = 0;
  for await (const page of pages) {
    for (const line of page) {
      sheet.addRow(columns.map((c) => line[c.field])).commit();
      rows++;
    }
  }
  const last = rows + 1 + 1000;
  return { workbook, sheet, range: (field) => columnRange(columns, field, 2, last) };
}

/** A paragraph on the explanation sheet after a blank row; with `titled`, its first line is a bold heading. */
export function addHelpText(help: ExcelJS.Worksheet, lines: readonly string[], titled: boolean): void {
  help.addRow([]).commit();
  lines.forEach((line, i) => {
    const row = help.addRow([line]);
    if (titled && i === 0) row.font = { bold: true };
    row.commit();
  });
}

/** The explanation sheet, opened with one row per column (its heading, 必填/选填, how to fill it in). */
export function addHelpSheet<F extends string>(
  workbook: ExcelJS.Workbook,
  columns: readonly SheetColumn<F>[],
  headingWidth: number,
  noteWidth: number,
): ExcelJS.Worksheet {
  const help = workbook.addWorksheet('填写说明');
  help.columns = [
    { header: '列', key: 'header', width: headingWidth },
    { header: '是否必填', key: 'required', width: 10 },
    { header: '填写方法', key: 'note', width: noteWidth },
  ];
  help.getRow(1).font = { bold: true };
  for (const c of columns) {
    const row = help.addRow([c.header, c.required ? '必填' : '选填', c.note]);
    row.alignment = { wrapText: true, vertical: 'top' };
    row.commit();
  }
  return help;
}

/** What `write` puts out as one buffer: the streaming writer's way to a small workbook (a template). */
export async function streamedBuffer(write: (out: Writable) => Promise<void>): Promise<Buffer> {
  const out = new PassThrough();
  const chunks: Buffer[] = [];
  out.on('data', (c: Buffer) => chunks.push(c));
  const ended = new Promise((resolve) => out.on('end', resolve));
  await write(out);
  await ended;
  return Buffer.concat(chunks);
}

/** The sheets of an uploaded workbook read whole; a file that cannot be read, or has no sheet, is a 400 with the reason. */
export async function readWorksheets(bytes: Buffer | undefined): Promise<[ExcelJS.Worksheet, ...ExcelJS.Worksheet[]]> {
  if (!bytes || bytes.length === 0) throw unreadableFile('import.empty');
  const workbook = new ExcelJS.Workbook();
  try {
    await workbook.xlsx.load(bytes as unknown as ExcelJS.Buffer);
  } catch {
    throw unreadableFile('import.notXlsx');
  }
  const [first, ...rest] = workbook.worksheets;
  if (!first) throw unreadableFile('import.noSheet');
  return [first, ...rest];
}

/** What exceljs gives for a cell (rich text, formulas, hyperlinks, errors) as a plain value. */
function plain(value: ExcelJS.CellValue | undefined): CellValue {
  if (value === null || value === undefined) return null;
  if (typeof value === 'string' || typeof value === 'number' || typeof value === 'boolean' || value instanceof Date) return value;
  if ('richText' in value) return value.richText.map((r) => r.text).join('');
  if ('result' in value) return plain(value.result as ExcelJS.CellValue);
  if ('text' in value && typeof value.text === 'string') return value.text;
  return null;
}

const isBlank = (v: CellValue) => v === null || (typeof v === 'string' && v.trim() === '');

/**
 * The fields a first row names, each with its column and its heading as the file spells it; the
 * first column naming a field wins. `complete`: every required column is there.
 */
export function readHeadings<F extends string>(
  row: ExcelJS.Row,
  sheetColumns: readonly SheetColumn<F>[],
  headings: Map<string, F>,
): { headers: Partial<Record<F, string>>; columns: [F, number][]; complete: boolean } {
  const headers: Partial<Record<F, string>> = {};
  const columns: [F, number][] = [];
  row.eachCell((cell, col) => {
    const heading = String(plain(cell.value) ?? '').trim();
    const field = headings.get(normalizeHeading(heading));
    if (field && !headers[field]) {
      headers[field] = heading;
      columns.push([field, col]);
    }
  });
  return { headers, columns, complete: sheetColumns.every((c) => !c.required || headers[c.field]) };
}

/** A data row's value for each column found by `readHeadings`; null when every one is blank. */
export function readCells<F extends string>(row: ExcelJS.Row, columns: [F, number][]): Partial<Record<F, CellValue>> | null {
  const values: Partial<Record<F, CellValue>> = {};
  let blank = true;
  for (const [field, col] of columns) {
    const value = plain(row.getCell(col).value);
    values[field] = value;
    if (!isBlank(value)) blank = false;
  }
  return blank ? null : values;
}

/** The headings a file must carry, for the error naming them. */
export function requiredHeadings<F extends string>(columns: readonly SheetColumn<F>[]): string {
  return columns
    .filter((c) => c.required)
    .map((c) => c.header)
    .join('、');
}

/** One data row as read: the cell of each recognised column; `row` is the number the spreadsheet shows. */
export interface SheetRow<F extends string> {
  row: number;
  cells: Partial<Record<F, CellValue>>;
}

export interface ReadSheet<F extends string> {
  rows: SheetRow<F>[];
  /** Each recognised field's heading as the file spells it, for error reports. */
  headers: Partial<Record<F, string>>;
}

/** Styles are kept because they are what tells a date cell from a number. */
export const READER_OPTIONS: Partial<ExcelJS.stream.xlsx.WorkbookStreamReaderOptions> = {
  sharedStrings: 'cache',
  styles: 'cache',
  hyperlinks: 'ignore',
  worksheets: 'emit',
  entries: 'ignore',
};

/**
 * The data sheet of an upload (the first sheet whose first row carries every required heading),
 * read with exceljs's streaming reader so a large file never sits in memory as a workbook. Blank
 * rows are skipped. A file that cannot be read, has no such sheet, no data row or more than
 * `maxRows` is a 400 with the reason; `noHeader` is the feature's message for the missing header.
 */
export async function streamSheet<F extends string>(
  bytes: Buffer | undefined,
  sheetColumns: readonly SheetColumn<F>[],
  limits: { maxRows: number; noHeader: string },
): Promise<ReadSheet<F>> {
  if (!bytes || bytes.length === 0) throw unreadableFile('import.empty');
  const headings = headingMap(sheetColumns);
  let found: ReadSheet<F> | null = null;
  let sawSheet = false;
  let tooMany = false;
  try {
    const reader = new ExcelJS.stream.xlsx.WorkbookReader(Readable.from([bytes]), READER_OPTIONS);
    for await (const worksheet of reader) {
      sawSheet = true;
      let columns: [F, number][] | null = null;
      const sheet: ReadSheet<F> = { rows: [], headers: {} };
      for await (const row of worksheet) {
        // The reader cannot skip a sheet: the ones after the data are read through and dropped.
        if (found || tooMany) continue;
        if (row.number === 1 && !columns) {
          const read = readHeadings(row, sheetColumns, headings);
          sheet.headers = read.headers;
          if (read.complete) columns = read.columns;
          continue;
        }
        if (!columns) continue;
        const cells = readCells(row, columns);
        if (!cells) continue;
        if (sheet.rows.length === limits.maxRows) tooMany = true;
        else sheet.rows.push({ row: row.number, cells });
      }
      if (columns && !found) found = sheet;
    }
  } catch {
    throw unreadableFile('import.notXlsx');
  }
  if (!sawSheet) throw unreadableFile('import.noSheet');
  if (tooMany) throw unreadableFile('import.tooManyRows', { limit: limits.maxRows });
  if (!found) throw unreadableFile(limits.noHeader, { headings: requiredHeadings(sheetColumns) });
  if (found.rows.length === 0) throw unreadableFile('import.noRows');
  return found;
}
