import type { FastifyRequest } from 'fastify';
import type { Language } from '../../../common/enums.ts';
import type { Actor } from '../access/actor.ts';
import type { RouteAccess } from '../../../common/permissions.ts';
import type { CallContext } from '../audit/audit.ts';
import { unauthenticated } from '../errors.ts';

declare module 'fastify' {
  interface FastifyRequest {
    actor: Actor | null;
    lang: Language;
  }
  interface FastifyContextConfig {
    /** Required on every route: the guard refuses to start the app without it. */
    access?: RouteAccess;
  }
}

/** The signed-in actor; routes behind a permission always have one (the guard saw to it). */
export function actorOf(request: FastifyRequest): Actor {
  if (!request.actor) throw unauthenticated();
  return request.actor;
}

/** Who and where from, for the audit record of a write. */
export function callOf(request: FastifyRequest): CallContext {
  return {
    actorId: request.actor?.accountId ?? null,
    actorLogin: request.actor?.login ?? null,
    ip: request.ip,
    idempotency: request.idempotency,
  };
}
