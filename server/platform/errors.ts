import type { MessageParams } from './i18n.ts';

/** A problem with one value: `reason` is an i18n key (`field.*` for fields, `import.*` for files). */
export interface FieldProblem {
  reason: string;
  params?: MessageParams;
}

/**
 * A problem in one row of an uploaded file. `row` is the row number the spreadsheet shows,
 * `field` the stable field name, `column` the column heading as the file spells it.
 */
export interface RowProblem extends FieldProblem {
  row: number;
  field: string;
  column?: string;
}

export interface AppErrorExtras {
  /** Row-by-row problems of a file import; any importer may use them. */
  rows?: RowProblem[];
  /** Message params that are messages themselves (i18n keys), so they follow the caller's language too. */
  localizedParams?: Record<string, FieldProblem>;
}

/**
 * The one error type services throw. The HTTP layer turns it into
 * `{ error: { code, message, fields?, rows? } }` in the caller's language.
 */
export class AppError extends Error {
  constructor(
    readonly status: number,
    readonly code: string,
    readonly params: MessageParams = {},
    readonly fields: Record<string, FieldProblem> = {},
    readonly extras: AppErrorExtras = {},
  ) {
    super(code);
  }
}

export const notFound = (): AppError => new AppError(404, 'NOT_FOUND');
export const forbidden = (): AppError => new AppError(403, 'FORBIDDEN');
export const unauthenticated = (): AppError => new AppError(401, 'UNAUTHENTICATED');
export const conflict = (code = 'CONFLICT', params: MessageParams = {}): AppError => new AppError(409, code, params);

/** A single invalid field, for rules a JSON schema cannot say (check digits, cross-field rules). */
export function invalidField(field: string, reason: string, params: MessageParams = {}): AppError {
  return new AppError(422, 'VALIDATION', {}, { [field]: { reason, params } });
}

/** Enough to fix a file by; a file wrong on every row still gets an answer of readable size. */
const MAX_ROW_PROBLEMS = 1000;

/** A rejected import: the number of wrong rows and their problems (the first thousand); nothing was written. */
export function invalidRows(rows: RowProblem[]): AppError {
  const count = new Set(rows.map((r) => r.row)).size;
  return new AppError(422, 'IMPORT_INVALID', { count }, {}, { rows: rows.slice(0, MAX_ROW_PROBLEMS) });
}

/** An uploaded file that cannot be read at all; `reason` is an i18n key. */
export function unreadableFile(reason: string, params: MessageParams = {}): AppError {
  return new AppError(400, 'IMPORT_FILE', {}, {}, { localizedParams: { reason: { reason, params } } });
}
