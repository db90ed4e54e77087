/**
 * Schema building blocks shared by every route, so the same kind of field is validated the same
 * way everywhere (and the fuzz test knows what to attack).
 */
import { Type, type TSchema } from 'typebox';
import { MOBILE_PATTERN } from '../../../common/phone.ts';

/** No control characters, and something other than white space. */
const TEXT_PATTERN = '^[^\\u0000-\\u001f\\u007f]*[^\\s\\u0000-\\u001f\\u007f][^\\u0000-\\u001f\\u007f]*$';

export const Text = (maxLength: number, options: { minLength?: number } = {}) =>
  Type.String({ minLength: options.minLength ?? 1, maxLength, pattern: TEXT_PATTERN, 'x-reason': 'field.blank' });

export const Mobile = () => Type.String({ pattern: MOBILE_PATTERN, 'x-reason': 'field.mobile' });

/** The shape of a resident ID number; services check the rest (area, birth date, check digit) with `requireIdNumber`. */
export const IdNumber = () => Type.String({ pattern: '^\\s*\\d{17}[\\dXx]\\s*$', 'x-reason': 'field.idCard.format' });

/** A calendar date (YYYY-MM-DD), as quarantine days and status dates are kept. */
export const CalendarDate = () => Type.String({ format: 'date' });

/** App-generated UUIDv7 ids. */
export const Id = () => Type.String({ format: 'uuid' });

export const IdParams = Type.Object({ id: Id() }, { additionalProperties: false });

export const Timestamp = () => Type.String({ format: 'date-time' });

export const ErrorBody = Type.Object({
  error: Type.Object({
    code: Type.String(),
    message: Type.String(),
    fields: Type.Optional(Type.Record(Type.String(), Type.String())),
    /** File imports: every problem by row (as the spreadsheet numbers them), field and column heading. */
    rows: Type.Optional(
      Type.Array(
        Type.Object({
          row: Type.Integer(),
          field: Type.String(),
          column: Type.Optional(Type.String()),
          message: Type.String(),
        }),
      ),
    ),
  }),
});

/** The error answers every route may give, so the OpenAPI document lists them. */
export const errorResponses = {
  400: ErrorBody,
  401: ErrorBody,
  403: ErrorBody,
  404: ErrorBody,
  409: ErrorBody,
  413: ErrorBody,
  415: ErrorBody,
  422: ErrorBody,
  429: ErrorBody,
};

/** `{ items, total?, nextCursor? }`, the shape of every list. */
export const ListOf = <T extends TSchema>(item: T) =>
  Type.Object({
    items: Type.Array(item),
    total: Type.Optional(Type.Integer()),
    nextCursor: Type.Optional(Type.Union([Type.String(), Type.Null()])),
  });

export const Ok = Type.Object({ ok: Type.Literal(true) });
