import type { FastifyInstance, FastifySchema } from 'fastify';
import type { RouteAccess } from '../../../common/permissions.ts';

/** One registered route, as the access-matrix and fuzz tests walk them. */
export interface RouteEntry {
  method: string;
  url: string;
  access: RouteAccess | undefined;
  schema: FastifySchema | undefined;
}

/**
 * Records every route registered after this call (register it after the guard, so third-party
 * asset routes already carry their `public` access). The tests use it to walk the real route
 * table instead of a hand-kept list that could drift from it.
 */
export function recordRoutes(app: FastifyInstance): RouteEntry[] {
  const routes: RouteEntry[] = [];
  app.addHook('onRoute', (route) => {
    for (const method of [route.method].flat()) {
      routes.push({ method, url: route.url, access: route.config?.access, schema: route.schema });
    }
  });
  return routes;
}
