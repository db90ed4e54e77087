import type { MessageParams } from './i18n.ts';

/** A field-level problem: `reason` is an i18n key under `field.*`. */
export interface FieldProblem {
  reason: string;
  params?: MessageParams;
}

/**
 * The one error type services throw. The HTTP layer turns it into
 * `{ error: { code, message, fields? } }` in the caller's language.
 */
export class AppError extends Error {
  constructor(
    readonly status: number,
    readonly code: string,
    readonly params: MessageParams = {},
    readonly fields: Record<string, FieldProblem> = {},
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
