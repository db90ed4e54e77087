import type { FastifyInstance, FastifyRequest } from 'fastify';
import type { Config } from '../../config.ts';
import type { Db } from '../db/connect.ts';
import { resolveSession } from '../auth/sessions.ts';
import { hmac, safeEqual } from '../auth/tokens.ts';
import { AppError, forbidden, unauthenticated } from '../errors.ts';
import { pickLanguage } from '../i18n.ts';
import { hasPermission } from './actor.ts';

export const SESSION_COOKIE = 'redvest_session';
export const CSRF_HEADER = 'x-csrf-token';
const SAFE_METHODS = new Set(['GET', 'HEAD', 'OPTIONS']);

/** The CSRF token is bound to the session: the browser gets it from login or /auth/me. */
export function csrfTokenFor(config: Config, sessionToken: string): string {
  return hmac(config.sessionSecret, `csrf:${sessionToken}`);
}

function sameOrigin(request: FastifyRequest): boolean {
  const origin = request.headers.origin;
  if (!origin) return true; // non-browser clients; browsers always send Origin on cross-site writes
  try {
    return new URL(origin).host === request.headers.host;
  } catch {
    return false;
  }
}

/**
 * Deny by default (DESIGN.md §5): a route registered without `config.access` stops start-up,
 * unless it is a third-party asset route registered inside `publicAssets`. Each request then
 * resolves its session, checks CSRF on writes, and checks the route's permission.
 */
export function installGuard(app: FastifyInstance, config: Config, { db }: Db): void {
  app.decorateRequest('actor', null);
  app.decorateRequest('lang', 'zh-CN');

  app.addHook('onRoute', function (route) {
    if ((this as FastifyInstance & { publicAssets?: boolean }).publicAssets) {
      route.config = { ...(route.config ?? {}), access: 'public' };
      return;
    }
    if (!route.config?.access) {
      throw new Error(`route ${route.method} ${route.url} declares no access (config.access); refusing to start`);
    }
  });

  app.addHook('onRequest', async (request) => {
    const query = request.query as Record<string, unknown> | undefined;
    const explicit = typeof query?.lang === 'string' ? query.lang : request.cookies.redvest_lang;
    request.lang = pickLanguage(explicit, request.headers['accept-language']);

    const access = request.routeOptions.config.access ?? 'public';
    const token = request.cookies[SESSION_COOKIE];
    if (token)
      request.actor = await resolveSession(db, token, {
        idleSeconds: config.sessionIdleSeconds,
        absoluteSeconds: config.sessionAbsoluteSeconds,
      });

    if (!SAFE_METHODS.has(request.method)) {
      if (!sameOrigin(request)) throw new AppError(403, 'CSRF');
      // Public routes (login, setup) act on no session's authority, so they need only the origin check.
      if (access !== 'public' && request.actor && token) {
        const sent = request.headers[CSRF_HEADER];
        if (typeof sent !== 'string' || !safeEqual(sent, csrfTokenFor(config, token))) throw new AppError(403, 'CSRF');
      }
    }
    if (access === 'public') return;
    if (!request.actor) throw unauthenticated();
    if (access !== 'authenticated' && !hasPermission(request.actor, access)) throw forbidden();
  });
}
