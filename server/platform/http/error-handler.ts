import type { FastifyError, FastifyInstance, FastifyReply, FastifyRequest } from 'fastify';
import type { ErrorObject } from 'ajv';
import { AppError, type AppErrorExtras, type FieldProblem } from '../errors.ts';
import { pickLanguage, translate, type MessageParams } from '../i18n.ts';
import { fieldProblems } from './validation.ts';
import { isForeignKeyViolation, isUniqueViolation } from '../db/dialect.ts';

interface ErrorAnswer {
  code: string;
  message: string;
  fields?: Record<string, string>;
  rows?: { row: number; field: string; column?: string; message: string }[];
}

function send(
  reply: FastifyReply,
  request: FastifyRequest,
  status: number,
  code: string,
  params: MessageParams = {},
  fields: Record<string, FieldProblem> = {},
  extras: AppErrorExtras = {},
) {
  const lang = request.lang ?? 'zh-CN';
  const localized = Object.fromEntries(
    Object.entries(extras.localizedParams ?? {}).map(([name, p]) => [name, translate(lang, p.reason, p.params)]),
  );
  const body: { error: ErrorAnswer } = {
    error: { code, message: translate(lang, code, { ...params, ...localized }) },
  };
  const entries = Object.entries(fields);
  if (entries.length) {
    body.error.fields = Object.fromEntries(entries.map(([f, p]) => [f, translate(lang, p.reason, p.params)]));
  }
  if (extras.rows?.length) {
    body.error.rows = extras.rows.map((r) => ({
      row: r.row,
      field: r.field,
      ...(r.column !== undefined ? { column: r.column } : {}),
      message: translate(lang, r.reason, r.params),
    }));
  }
  return reply.status(status).send(body);
}

/** Fastify's own client errors, by code, to ours. Anything else with a 4xx status is a bad request. */
const FASTIFY_CODES: Record<string, [number, string]> = {
  FST_ERR_CTP_INVALID_JSON_BODY: [400, 'INVALID_JSON'],
  FST_ERR_CTP_EMPTY_JSON_BODY: [400, 'INVALID_JSON'],
  FST_ERR_CTP_INVALID_MEDIA_TYPE: [415, 'UNSUPPORTED_MEDIA_TYPE'],
  FST_ERR_CTP_INVALID_CONTENT_LENGTH: [400, 'BAD_REQUEST'],
  FST_ERR_CTP_BODY_TOO_LARGE: [413, 'PAYLOAD_TOO_LARGE'],
};

export function installErrorHandling(app: FastifyInstance): void {
  app.setErrorHandler((error: FastifyError, request, reply) => {
    if (error instanceof AppError) {
      if (error.status === 429 && error.params.retryAfter) reply.header('retry-after', String(error.params.retryAfter));
      return send(reply, request, error.status, error.code, error.params, error.fields, error.extras);
    }
    if (error.validation) {
      const fields = fieldProblems(error.validation as unknown as ErrorObject[], error.validationContext ?? 'body');
      return send(reply, request, 400, 'VALIDATION', {}, fields);
    }
    const mapped = error.code ? FASTIFY_CODES[error.code] : undefined;
    if (mapped) return send(reply, request, mapped[0], mapped[1]);
    // Two requests raced for one unique value after both passed the service's check: the loser's
    // transaction rolled back, so it is a conflict, not a server fault.
    if (isUniqueViolation(error)) return send(reply, request, 409, 'CONFLICT');
    // Services refuse deletes of records in use by name (REGION_IN_USE, CHECKPOINT_IN_USE); a
    // reference a later feature added is still refused by the database, and that is no server fault.
    if (isForeignKeyViolation(error)) return send(reply, request, 409, 'IN_USE');
    if (error instanceof SyntaxError || (error.statusCode && error.statusCode >= 400 && error.statusCode < 500)) {
      return send(reply, request, error.statusCode ?? 400, 'BAD_REQUEST');
    }
    request.log.error({ err: error }, 'unhandled error');
    return send(reply, request, 500, 'INTERNAL');
  });
  app.setNotFoundHandler((request, reply) => send(reply, request, 404, 'ROUTE_NOT_FOUND'));
}

/**
 * Malformed URLs and over-long path parameters are refused by Fastify before routing, so they
 * never reach the error handler; this gives them our body too (Fastify's `frameworkErrors`).
 */
export function frameworkErrors(error: FastifyError, request: FastifyRequest, reply: FastifyReply): void {
  const message = translate(pickLanguage(undefined, request.headers['accept-language']), 'BAD_REQUEST');
  void reply.code(error.statusCode ?? 400).send({ error: { code: 'BAD_REQUEST', message } });
}
