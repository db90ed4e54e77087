/**
 * Idempotency-Key for create routes (issue 3): the same key with the same request returns the
 * first answer without doing the work again; with a different request, 422; while the first is
 * still running, 409. Only successful answers are kept: a failed request wrote nothing (every
 * write is one transaction), so running it again is safe. Records live in the database, so a
 * retry that lands on another instance is answered the same way.
 */
import { createHash } from 'node:crypto';
import type { FastifyInstance, FastifyRequest } from 'fastify';
import type { Kysely } from 'kysely';
import { nowIso } from '../db/ids.ts';
import type { Database } from '../db/schema.ts';
import { AppError } from '../errors.ts';

export const IDEMPOTENCY_HEADER = 'idempotency-key';
const KEY_PATTERN = /^[\x21-\x7e]{1,200}$/;
/** An in-flight record older than this belonged to a request whose instance died; it may be retried. */
const ABANDONED_MS = 60_000;
/** Answers are replayed for a day; the cleanup job removes older records. */
export const IDEMPOTENCY_TTL_MS = 24 * 3600_000;

declare module 'fastify' {
  interface FastifyContextConfig {
    /**
     * Create routes set this; the app refuses to start a 201 route without it. `omit` names
     * top-level answer fields never kept at rest (one-time passwords): a replay lacks them.
     */
    idempotent?: true | { omit: string[] };
  }
  interface FastifyRequest {
    idempotency: { scope: string; key: string } | null;
  }
}

function requestHash(request: FastifyRequest): string {
  const body = Buffer.isBuffer(request.body) ? request.body : JSON.stringify(request.body ?? null);
  return createHash('sha256').update(`${request.method} ${request.url}\n`).update(body).digest('hex');
}

/** Claims the key; returns the stored answer to replay, or null when this request should run. */
async function claim(db: Kysely<Database>, scope: string, key: string, hash: string) {
  const now = new Date();
  const inserted = await db
    .insertInto('idempotencyKeys')
    .values({ scope, key, requestHash: hash, state: 'in_flight', statusCode: null, contentType: null, body: null, createdAt: nowIso(now) })
    .onConflict((oc) => oc.columns(['scope', 'key']).doNothing())
    .returning('key')
    .executeTakeFirst();
  if (inserted) return null;
  const row = await db.selectFrom('idempotencyKeys').selectAll().where('scope', '=', scope).where('key', '=', key).executeTakeFirst();
  if (!row) return claim(db, scope, key, hash); // removed between the two statements: try again
  if (row.requestHash !== hash) throw new AppError(422, 'IDEMPOTENCY_MISMATCH');
  if (row.state === 'done') return row;
  const abandoned = now.getTime() - new Date(row.createdAt).getTime() > ABANDONED_MS;
  if (!abandoned) throw new AppError(409, 'IDEMPOTENCY_IN_FLIGHT');
  // Take the abandoned claim over; of two retries racing, only one update matches the old time.
  const taken = await db
    .updateTable('idempotencyKeys')
    .set({ createdAt: nowIso(now) })
    .where('scope', '=', scope)
    .where('key', '=', key)
    .where('createdAt', '=', row.createdAt)
    .executeTakeFirst();
  if (Number(taken.numUpdatedRows) !== 1) throw new AppError(409, 'IDEMPOTENCY_IN_FLIGHT');
  return null;
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
    const scope = request.actor?.accountId ?? 'public';
    const stored = await claim(db, scope, key, requestHash(request));
    if (stored) {
      return reply
        .status(stored.statusCode ?? 200)
        .header('idempotent-replayed', 'true')
        .type(stored.contentType ?? 'application/json; charset=utf-8')
        .send(stored.body);
    }
    request.idempotency = { scope, key };
  });

  app.addHook('onSend', async (request, reply, payload) => {
    const claimRef = request.idempotency;
    if (!claimRef) return payload;
    request.idempotency = null;
    const where = db.updateTable('idempotencyKeys').where('scope', '=', claimRef.scope).where('key', '=', claimRef.key);
    if (reply.statusCode >= 200 && reply.statusCode < 300 && (typeof payload === 'string' || payload === null)) {
      const option = request.routeOptions.config.idempotent;
      let body = payload ?? '';
      if (typeof option === 'object' && body) {
        const parsed = JSON.parse(body) as Record<string, unknown>;
        for (const field of option.omit) delete parsed[field];
        body = JSON.stringify(parsed);
      }
      await where.set({ state: 'done', statusCode: reply.statusCode, contentType: String(reply.getHeader('content-type') ?? ''), body }).execute();
    } else {
      await db.deleteFrom('idempotencyKeys').where('scope', '=', claimRef.scope).where('key', '=', claimRef.key).execute();
    }
    return payload;
  });
}

/** Removes records past their replay period (run by the scheduler). */
export async function purgeIdempotencyKeys(db: Kysely<Database>, now = new Date()): Promise<number> {
  const result = await db.deleteFrom('idempotencyKeys').where('createdAt', '<', nowIso(new Date(now.getTime() - IDEMPOTENCY_TTL_MS))).executeTakeFirst();
  return Number(result.numDeletedRows);
}
