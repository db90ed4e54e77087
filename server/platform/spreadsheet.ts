/**
 * What every feature's spreadsheet layout shares: the header row and its notes, drop-down lists,
 * the explanation sheet's column list, and reading headings and cells back. Each works on both
 * kinds of exceljs workbook, the in-memory one and the streaming writer (whose rows must be
 * committed; on the in-memory one `commit()` does nothing).
 */
import ExcelJS from 'exceljs';
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
export function noteHeader<F extends string>(
  header: ExcelJS.Row,
  columns: readonly SheetColumn<F>[],
  extra: (c: SheetColumn<F>) => string = () => '',
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
