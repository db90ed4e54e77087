/**
 * Idempotency-Key on create routes (issue 3): the same key with the same request returns the
 * first answer without doing the work again; with a different request, 422; while the first is
 * still being answered, 409. The record itself is claimed by the write's transaction (`transact`),
 * so nothing here can let a retry write twice.
 */
import { createHash } from 'node:crypto';
import type { FastifyInstance, FastifyRequest } from 'fastify';
import type { Kysely } from 'kysely';
import type { Database } from '../db/schema.ts';
import { AppError } from '../errors.ts';
import { completeRecord, findRecord, type IdempotencyClaim } from './store.ts';

export const IDEMPOTENCY_HEADER = 'idempotency-key';
const KEY_PATTERN = /^[\x21-\x7e]{1,200}$/;
/** A committed write whose answer is still unstored after this long lost it in a crash. */
const LOST_AFTER_MS = 60_000;

declare module 'fastify' {
  interface FastifyContextConfig {
    /**
     * Create routes set this; the app refuses to start a 201 route without it. `omit` names
     * top-level answer fields never kept at rest (one-time passwords): a replay lacks them.
     */
    idempotent?: true | { omit: string[] };
  }
  interface FastifyRequest {
    idempotency: IdempotencyClaim | null;
  }
}

function requestHash(request: FastifyRequest): string {
  const body = Buffer.isBuffer(request.body) ? request.body : JSON.stringify(request.body ?? null);
  return createHash('sha256').update(`${request.method} ${request.url}\n`).update(body).digest('hex');
}

export function installIdempotency(app: FastifyInstance, db: Kysely<Database>): void {
  app.decorateRequest('idempotency', null);

  app.addHook('onRoute', (route) => {
    const schema = route.schema as { response?: Record<string, unknown> } | undefined;
    if (schema?.response?.['201'] && !route.config?.idempotent) {
      throw new Error(`create route ${String(route.method)} ${route.url} must accept Idempotency-Key (config.idempotent)`);
    }
  });

  // After authentication and validation, so a key is only ever tied to a well-formed request.
  app.addHook('preHandler', async (request, reply) => {
    const key = request.headers[IDEMPOTENCY_HEADER];
    if (key === undefined || !request.routeOptions.config.idempotent) return;
    if (typeof key !== 'string' || !KEY_PATTERN.test(key)) {
      throw new AppError(400, 'VALIDATION', {}, { [`headers.${IDEMPOTENCY_HEADER}`]: { reason: 'field.idempotencyKey' } });
    }
    const claim: IdempotencyClaim = {
      scope: request.actor?.accountId ?? 'public',
      key,
      requestHash: requestHash(request),
      claimed: false,
    };
    const stored = await findRecord(db, claim.scope, key);
    if (!stored) {
      request.idempotency = claim;
      return;
    }
    if (stored.requestHash !== claim.requestHash) throw new AppError(422, 'IDEMPOTENCY_MISMATCH');
    if (stored.state === 'in_flight') {
      const lost = Date.now() - new Date(stored.createdAt).getTime() > LOST_AFTER_MS;
      throw new AppError(409, lost ? 'IDEMPOTENCY_ANSWER_LOST' : 'IDEMPOTENCY_IN_FLIGHT');
    }
    return reply
      .status(stored.statusCode ?? 200)
      .header('idempotent-replayed', 'true')
      .type(stored.contentType ?? 'application/json; charset=utf-8')
      .send(stored.body);
  });

  app.addHook('onSend', async (request, reply, payload) => {
    const claim = request.idempotency;
    if (!claim) return payload;
    request.idempotency = null;
    // A failed request rolled its transaction (and claim) back: a retry simply runs again.
    if (reply.statusCode < 200 || reply.statusCode >= 300 || (typeof payload !== 'string' && payload !== null)) return payload;
    const option = request.routeOptions.config.idempotent;
    let body = payload ?? '';
    if (typeof option === 'object' && body) {
      const parsed = JSON.parse(body) as Record<string, unknown>;
      for (const field of option.omit) delete parsed[field];
      body = JSON.stringify(parsed);
    }
    await completeRecord(db, claim, {
      statusCode: reply.statusCode,
      contentType: String(reply.getHeader('content-type') ?? ''),
      body,
    });
    return payload;
  });
}
