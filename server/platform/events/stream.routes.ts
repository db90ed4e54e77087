import type { FastifyPluginAsync } from 'fastify';
import { inScope, scopeFor, type Actor } from '../access/actor.ts';
import { SESSION_COOKIE } from '../access/guard.ts';
import { PERMISSIONS, type Permission } from '../../../common/permissions.ts';
import { resolveSession } from '../auth/sessions.ts';
import type { Deps } from '../deps.ts';
import { actorOf } from '../http/context.ts';
import type { StoredEvent } from './events.repository.ts';
import type { EventHub } from './hub.ts';

const HEARTBEAT_MS = 20_000;

/** Whether the actor holds the event's permission over its region (or below it, for a notice that reaches below). */
export function mayReceive(actor: Actor, e: StoredEvent): boolean {
  if (!(PERMISSIONS as readonly string[]).includes(e.permission)) return false;
  const scope = scopeFor(actor, e.permission as Permission);
  if (e.regionPath === null) return scope.all;
  const path = e.regionPath;
  return inScope(scope, path) || (e.reachBelow === 1 && !scope.all && scope.paths.some((p) => p.startsWith(path)));
}

function frame(e: StoredEvent): string {
  const data = {
    id: e.id,
    at: e.at,
    type: e.type,
    entityType: e.entityType,
    entityId: e.entityId,
    ...(e.data ? { data: JSON.parse(e.data) as unknown } : {}),
  };
  return `id: ${e.id}\nevent: ${e.type}\ndata: ${JSON.stringify(data)}\n\n`;
}

/**
 * `GET /api/v1/events/stream`: server-sent events the caller may see. A new client starts from
 * now; `Last-Event-ID` (or `?lastEventId=`) replays what was missed, from any instance, since the
 * events live in the database. The stream ends when the session does.
 */
export const eventStreamRoutes: FastifyPluginAsync<{ deps: Deps; hub: EventHub }> = async (app, { deps, hub }) => {
  // Open streams never finish on their own: end them so shutdown does not wait for them.
  const open = new Set<() => void>();
  app.addHook('preClose', async () => {
    for (const end of open) end();
  });

  app.get<{ Querystring: { lastEventId?: string } }>('/events/stream', {
    config: { access: 'authenticated' },
    schema: {
      tags: ['events'],
      summary: 'Server-sent events (text/event-stream); resume with Last-Event-ID',
      querystring: {
        type: 'object',
        properties: { lastEventId: { type: 'string', pattern: '^\\d{1,15}$' } },
        additionalProperties: false,
      },
      headers: { type: 'object', properties: { 'last-event-id': { type: 'string', pattern: '^\\d{1,15}$' } } },
    },
    handler: async (req, reply) => {
      const actor = actorOf(req);
      const token = req.cookies[SESSION_COOKIE]!;
      await hub.start();
      const resumeFrom = req.headers['last-event-id'] ?? req.query.lastEventId;
      const lastId = resumeFrom === undefined ? hub.currentId() : Number(resumeFrom);

      reply.hijack();
      const res = reply.raw;
      res.writeHead(200, {
        'content-type': 'text/event-stream; charset=utf-8',
        'cache-control': 'no-cache, no-transform',
        connection: 'keep-alive',
        'x-accel-buffering': 'no', // nginx: do not buffer the stream
      });
      res.write(`retry: 3000\n: connected at ${lastId}\n\n`);

      const unsubscribe = await hub.subscribe({
        lastId,
        deliver(events) {
          const visible = events.filter((e) => mayReceive(actor, e));
          if (visible.length) res.write(visible.map(frame).join(''));
        },
      });
      const limits = { idleSeconds: deps.config.sessionIdleSeconds, absoluteSeconds: deps.config.sessionAbsoluteSeconds };
      const heartbeat = setInterval(() => {
        void resolveSession(deps.db.db, token, limits).then(
          (still) => (still ? res.write(': ping\n\n') : res.end()),
          () => res.write(': ping\n\n'),
        );
      }, HEARTBEAT_MS);
      const stop = () => {
        clearInterval(heartbeat);
        unsubscribe();
        open.delete(end);
      };
      const end = () => {
        stop();
        res.end();
      };
      open.add(end);
      req.raw.on('close', stop);
      res.on('close', stop);
    },
  });
};
