/**
 * The bare baselines, run as a child process: `node --import tsx bench/servers/bare.ts MODE PORT [TARGET] [SYNC]`.
 *   http     — node:http answering GET /hello with a small JSON object
 *   fastify  — the same answer from a bare Fastify route
 *   sqlite   — bare Fastify, POST /units does one INSERT into `units` on TARGET (a migrated file),
 *              opened by our own openSqlite (same pragmas); SYNC=NORMAL overrides synchronous
 *   postgres — bare Fastify, POST /units does one INSERT through a pg pool (10, like ours) on TARGET
 * Every mode answers GET /hello, which the parent polls until the server is ready.
 */
import Fastify from 'fastify';
import { createServer } from 'node:http';
import pg from 'pg';
import { openSqlite } from '../../server/platform/db/connect.ts';
import { newId, nowIso } from '../../server/platform/db/ids.ts';

const [mode = '', portArg, target = '', sync = 'FULL'] = process.argv.slice(2);
const port = Number(portArg);
const HELLO = { hello: 'world' };
const INSERT = 'INSERT INTO units (id, name, kind, region_id, contact, created_at, updated_at) VALUES';

interface UnitBody {
  name: string;
  kind: string;
  regionId: string;
}

function fastifyWith(insert?: (id: string, body: UnitBody, now: string) => unknown) {
  const app = Fastify({ logger: false });
  app.get('/hello', async () => HELLO);
  if (insert) {
    app.post<{ Body: UnitBody }>('/units', async (req, reply) => {
      const id = newId();
      await insert(id, req.body, nowIso());
      return reply.status(201).send({ id });
    });
  }
  return app.listen({ host: '127.0.0.1', port });
}

switch (mode) {
  case 'http':
    createServer((_req, res) => {
      const body = JSON.stringify(HELLO);
      // With a length, as Fastify sends it; without one node:http would answer chunked.
      res.writeHead(200, { 'content-type': 'application/json; charset=utf-8', 'content-length': Buffer.byteLength(body) });
      res.end(body);
    }).listen(port, '127.0.0.1');
    break;
  case 'fastify':
    await fastifyWith();
    break;
  case 'sqlite': {
    const sqlite = openSqlite(target);
    if (sync !== 'FULL') sqlite.pragma(`synchronous = ${sync}`);
    const statement = sqlite.prepare(`${INSERT} (?, ?, ?, ?, NULL, ?, ?)`);
    await fastifyWith((id, b, now) => statement.run(id, b.name, b.kind, b.regionId, now, now));
    break;
  }
  case 'postgres': {
    const pool = new pg.Pool({ connectionString: target, max: 10 });
    await fastifyWith((id, b, now) =>
      pool.query(`${INSERT} ($1, $2, $3, $4, NULL, $5, $6)`, [id, b.name, b.kind, b.regionId, now, now]),
    );
    break;
  }
  default:
    throw new Error(`unknown mode ${mode}; expected http, fastify, sqlite or postgres`);
}
