/**
 * The bare baselines, run as a child process: `node --import tsx bench/servers/bare.ts MODE PORT [TARGET] [SYNC]`.
 *   http     — node:http answering GET /hello with a small JSON object
 *   fastify  — the same answer from a bare Fastify route
 *   sqlite   — bare Fastify, POST /units does one INSERT into `units` on TARGET (a migrated file),
 *              opened by our own openSqlite (same pragmas); SYNC=NORMAL overrides synchronous;
 *              POST /passages likewise one INSERT into `passages`, POST /health-reports one into `health_reports`,
 *              POST /errand-orders one into `errand_orders`
 *   postgres — bare Fastify, the same four routes, each one INSERT through a pg pool (10, like ours) on TARGET
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
const PASSAGE_COLUMNS = [
  'id',
  'checkpoint_id',
  'region_id',
  'recorded_by',
  'direction',
  'subject',
  'people',
  'name',
  'mobile',
  'plate',
  'origin_code',
  'origin_name',
  'from_risk_area',
  'temperature',
  'remeasured',
  'fever',
  'purpose',
  'leaflets',
  'occurred_at',
  'occurred_on',
  'created_at',
  'updated_at',
];
const INSERT_PASSAGE = `INSERT INTO passages (${PASSAGE_COLUMNS.join(', ')}) VALUES`;
const REPORT_COLUMNS = [
  'id',
  'case_id',
  'region_id',
  'slot_on',
  'slot',
  'temperature',
  'remeasured_temperature',
  'remeasured_at',
  'fever',
  'symptoms',
  'feeling',
  'help_request',
  'late',
  'entered_by',
  'reported_at',
  'created_at',
  'updated_at',
  'anonymised_at',
];
const INSERT_REPORT = `INSERT INTO health_reports (${REPORT_COLUMNS.join(', ')}) VALUES`;

interface UnitBody {
  name: string;
  kind: string;
  regionId: string;
}

/** What the bare passage route is sent: the entry plus the ids our route works out itself. */
interface PassageBody {
  checkpointId: string;
  regionId: string;
  recordedBy: string;
  direction: string;
  subject: string;
  name: string;
  mobile: string;
  originCode: string;
  temperature: number;
  purpose: string;
  leaflets: number;
}

const passageValues = (id: string, b: PassageBody, now: string) => [
  id,
  b.checkpointId,
  b.regionId,
  b.recordedBy,
  b.direction,
  b.subject,
  1,
  b.name,
  b.mobile,
  null,
  b.originCode,
  null,
  0,
  b.temperature,
  null,
  0,
  b.purpose,
  b.leaflets,
  now,
  now.slice(0, 10),
  now,
  now,
];

/** What the bare health-report route is sent: the report plus the case and slot our route works out itself. */
interface ReportBody {
  caseId: string;
  regionId: string;
  slotOn: string;
  slot: string;
  temperature: number;
  symptoms: string[];
  feeling: string;
}

const reportValues = (id: string, b: ReportBody, now: string) => [
  id,
  b.caseId,
  b.regionId,
  b.slotOn,
  b.slot,
  b.temperature,
  null,
  null,
  0,
  JSON.stringify(b.symptoms),
  b.feeling,
  null,
  0,
  null,
  now,
  now,
  now,
  null,
];

const ORDER_COLUMNS = [
  'id',
  'ref',
  'region_id',
  'household_id',
  'post_id',
  'channel',
  'contact_name',
  'contact_mobile',
  'address',
  'note',
  'payment',
  'status',
  'claim_by',
  'deliver_by',
  'escalation_level',
  'paid_fen',
  'ordered_on',
  'created_at',
  'updated_at',
];
const INSERT_ORDER = `INSERT INTO errand_orders (${ORDER_COLUMNS.join(', ')}) VALUES`;

/** What the bare errand-order route is sent: the order plus the household's grid and post our route looks up. */
interface OrderBody {
  householdId: string;
  regionId: string;
  postId: string;
  contactName: string;
  contactMobile: string;
  address: string;
  note: string;
  payment: string;
}

const orderValues = (id: string, b: OrderBody, now: string) => {
  const at = Date.parse(now);
  return [
    id,
    // Unique, as the day's number is; the bare route does not count the day's orders.
    `PT-BARE-${id}`,
    b.regionId,
    b.householdId,
    b.postId,
    'resident',
    b.contactName,
    b.contactMobile,
    b.address,
    b.note,
    b.payment,
    'new',
    new Date(at + 30 * 60_000).toISOString(),
    new Date(at + 24 * 3_600_000).toISOString(),
    0,
    0,
    now.slice(0, 10),
    now,
    now,
  ];
};

type Insert<B> = (id: string, body: B, now: string) => unknown;

function fastifyWith(inserts?: {
  unit: Insert<UnitBody>;
  passage: Insert<PassageBody>;
  report: Insert<ReportBody>;
  order: Insert<OrderBody>;
}) {
  const app = Fastify({ logger: false });
  app.get('/hello', async () => HELLO);
  if (inserts) {
    app.post<{ Body: UnitBody }>('/units', async (req, reply) => {
      const id = newId();
      await inserts.unit(id, req.body, nowIso());
      return reply.status(201).send({ id });
    });
    app.post<{ Body: PassageBody }>('/passages', async (req, reply) => {
      const id = newId();
      await inserts.passage(id, req.body, nowIso());
      return reply.status(201).send({ id });
    });
    app.post<{ Body: ReportBody }>('/health-reports', async (req, reply) => {
      const id = newId();
      await inserts.report(id, req.body, nowIso());
      return reply.status(201).send({ id });
    });
    app.post<{ Body: OrderBody }>('/errand-orders', async (req, reply) => {
      const id = newId();
      await inserts.order(id, req.body, nowIso());
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
    const unit = sqlite.prepare(`${INSERT} (?, ?, ?, ?, NULL, ?, ?)`);
    const passage = sqlite.prepare(`${INSERT_PASSAGE} (${PASSAGE_COLUMNS.map(() => '?').join(', ')})`);
    const report = sqlite.prepare(`${INSERT_REPORT} (${REPORT_COLUMNS.map(() => '?').join(', ')})`);
    const order = sqlite.prepare(`${INSERT_ORDER} (${ORDER_COLUMNS.map(() => '?').join(', ')})`);
    await fastifyWith({
      unit: (id, b, now) => unit.run(id, b.name, b.kind, b.regionId, now, now),
      passage: (id, b, now) => passage.run(...passageValues(id, b, now)),
      report: (id, b, now) => report.run(...reportValues(id, b, now)),
      order: (id, b, now) => order.run(...orderValues(id, b, now)),
    });
    break;
  }
  case 'postgres': {
    const pool = new pg.Pool({ connectionString: target, max: 10 });
    const placeholders = PASSAGE_COLUMNS.map((_, i) => `$${i + 1}`).join(', ');
    const reportPlaceholders = REPORT_COLUMNS.map((_, i) => `$${i + 1}`).join(', ');
    const orderPlaceholders = ORDER_COLUMNS.map((_, i) => `$${i + 1}`).join(', ');
    await fastifyWith({
      unit: (id, b, now) => pool.query(`${INSERT} ($1, $2, $3, $4, NULL, $5, $6)`, [id, b.name, b.kind, b.regionId, now, now]),
      passage: (id, b, now) => pool.query(`${INSERT_PASSAGE} (${placeholders})`, passageValues(id, b, now)),
      report: (id, b, now) => pool.query(`${INSERT_REPORT} (${reportPlaceholders})`, reportValues(id, b, now)),
      order: (id, b, now) => pool.query(`${INSERT_ORDER} (${orderPlaceholders})`, orderValues(id, b, now)),
    });
    break;
  }
  default:
    throw new Error(`unknown mode ${mode}; expected http, fastify, sqlite or postgres`);
}
