/**
 * Several stateless instances on one PostgreSQL database (issue 3): real server processes, real
 * HTTP, real SIGKILL. On SQLite the platform is one process, so this file runs on PostgreSQL only.
 */
import { spawn } from 'node:child_process';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createTestApp, TEST_PASSWORD, type TestApp } from '../../../test/app.ts';
import { testDbKind } from '../../../test/databases.ts';
import { ROOT, startServer, type ServerProcess } from '../../../test/server-process.ts';
import { openStream } from '../../../test/sse.ts';

const onPostgres = testDbKind() === 'postgres';

/** Signs in over HTTP against one instance; the session lives in the shared database. */
async function signIn(base: string, login: string): Promise<{ token: string; csrf: string }> {
  const res = await fetch(`${base}/api/v1/auth/login`, {
    method: 'POST',
    headers: { 'content-type': 'application/json' },
    body: JSON.stringify({ login, password: TEST_PASSWORD }),
  });
  if (res.status !== 200) throw new Error(`login failed: ${res.status}`);
  const token = /redvest_session=([^;]+)/.exec(res.headers.get('set-cookie') ?? '')![1]!;
  return { token, csrf: ((await res.json()) as { csrfToken: string }).csrfToken };
}

async function createRegion(base: string, session: { token: string; csrf: string }, body: object): Promise<string> {
  const res = await fetch(`${base}/api/v1/regions`, {
    method: 'POST',
    headers: { 'content-type': 'application/json', cookie: `redvest_session=${session.token}`, 'x-csrf-token': session.csrf },
    body: JSON.stringify(body),
  });
  if (res.status !== 201) throw new Error(`create failed: ${res.status} ${await res.text()}`);
  return ((await res.json()) as { id: string }).id;
}

describe.runIf(onPostgres)('three instances on one PostgreSQL database', () => {
  let t: TestApp;
  let instances: ServerProcess[] = [];
  let cityId: string;

  beforeAll(async () => {
    t = await createTestApp();
    await t.factory.account({ login: 'scale-admin', grants: [{ role: 'admin', regionId: null }] });
    cityId = (await t.factory.region({ code: '417700' })).id;
    instances = await Promise.all([0, 1, 2].map(() => startServer({ databaseUrl: t.deps.db.postgresUrl! })));
  }, 120_000);

  afterAll(async () => {
    await Promise.all(instances.map((i) => i.stop('SIGKILL')));
    await t.close();
  });

  it('an event written through one instance reaches stream clients on the others', async () => {
    const [a, b, c] = instances as [ServerProcess, ServerProcess, ServerProcess];
    const session = await signIn(a.url, 'scale-admin');
    const onB = await openStream(b.url, session.token);
    const onC = await openStream(c.url, session.token);
    try {
      const id = await createRegion(a.url, session, { parentId: cityId, name: '跨实例县', code: '417701' });
      await onB.waitFor((es) => es.some((e) => e.data.entityId === id));
      await onC.waitFor((es) => es.some((e) => e.data.entityId === id));
    } finally {
      onB.close();
      onC.close();
    }
  });

  it('after an instance is killed, a client resuming elsewhere with Last-Event-ID misses nothing', async () => {
    const [a, b, c] = instances as [ServerProcess, ServerProcess, ServerProcess];
    const session = await signIn(a.url, 'scale-admin');
    const stream = await openStream(b.url, session.token);
    const created: string[] = [];
    const write = async (n: number) => {
      for (let i = 0; i < n; i++)
        created.push(
          await createRegion(a.url, session, {
            parentId: cityId,
            name: `县${created.length}`,
            code: `4176${String(created.length).padStart(2, '0')}`,
          }),
        );
    };
    await write(5);
    await stream.waitFor((es) => created.every((id) => es.some((e) => e.data.entityId === id)));
    await b.stop('SIGKILL'); // the instance dies under the client
    await stream.ended;
    const lastSeen = stream.events[stream.events.length - 1]!.id;
    await write(10); // written while the client has no connection
    const resumed = await openStream(c.url, session.token, lastSeen);
    try {
      await write(5);
      await resumed.waitFor((es) => created.slice(5).every((id) => es.some((e) => e.data.entityId === id)));
      const ids = [...stream.events, ...resumed.events].map((e) => e.id);
      expect(new Set(ids).size).toBe(ids.length); // nothing twice
      expect(resumed.events[0]!.id).toBe(lastSeen + 1); // nothing skipped at the seam
    } finally {
      resumed.close();
    }
  });

  it('30 scheduled ticks run exactly 30 times across three scheduler processes', async () => {
    const slotMs = 400;
    const slots = 30;
    const children = [0, 1, 2].map(() =>
      spawn(
        process.execPath,
        ['--import', 'tsx', 'test/scale/tick-worker.ts', t.deps.db.postgresUrl!, String(slotMs), String(slots)],
        {
          cwd: ROOT,
          stdio: ['pipe', 'pipe', 'inherit'],
        },
      ),
    );
    const workers = children.map(
      (child) =>
        new Promise<void>((ok, fail) =>
          child.once('exit', (code) => (code === 0 ? ok() : fail(new Error(`worker exited ${code}`)))),
        ),
    );
    // Every worker loaded and connected before the window opens, so none misses the first slots.
    await Promise.all(
      children.map(
        (child) => new Promise<void>((ok) => child.stdout!.on('data', (d: Buffer) => d.toString().includes('ready') && ok())),
      ),
    );
    const start = Math.ceil((Date.now() + 500) / slotMs) * slotMs;
    for (const child of children) child.stdin!.end(`${start}\n`);
    await Promise.all(workers);
    const rows = await t.deps.db.db
      .selectFrom('auditLog')
      .select(['entityId', 'actorLogin'])
      .where('action', '=', 'probe.tick')
      .execute();
    expect(new Set(rows.map((r) => r.entityId)).size).toBe(slots);
    expect(rows.length).toBe(slots);
    // The work was shared: more than one process ran ticks.
    expect(new Set(rows.map((r) => r.actorLogin)).size).toBeGreaterThan(1);
  }, 60_000);
});
