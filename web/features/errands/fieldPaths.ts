import { ApiError } from '../../app/api.ts';

/**
 * A failure with its field paths rewritten to the names a form gives those fields, for forms that
 * hold a value differently from the request (yuan for fen, one picker for a list of ids). Problems
 * that land on the same field are joined, so none is lost.
 */
export function renamedFields(error: unknown, rename: (path: string) => string): unknown {
  if (!(error instanceof ApiError)) return error;
  const fields: Record<string, string> = {};
  for (const [path, text] of Object.entries(error.fields)) {
    const name = rename(path);
    fields[name] = fields[name] && fields[name] !== text ? `${fields[name]}；${text}` : text;
  }
  return new ApiError(error.status, error.code, error.message, fields, error.rows);
}
