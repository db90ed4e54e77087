import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { buildApp, type App } from '../../app.ts';
import { createTestApp, testConfig, type TestApp } from '../../../test/app.ts';
import { connect } from '../db/connect.ts';

let t: TestApp;
beforeAll(async () => {
  t = await createTestApp();
});
afterAll(() => t.close());

describe('/metrics', () => {
  it('counts requests per route template with their status, and exposes pool and event-loop figures', async () => {
    await t.factory.account({ login: 'm-admin', grants: [{ role: 'admin', regionId: null }] });
    const admin = await t.signIn('m-admin');
    await admin.get('/api/v1/regions/tree');
    await admin.get('/api/v1/regions/01900000-0000-7000-8000-000000000000');
    const res = await t.anonymous().get('/metrics');
    expect(res.statusCode).toBe(200);
    expect(res.headers['content-type']).toContain('text/plain');
    expect(res.body).toMatch(/redvest_http_requests_total\{method="GET",route="\/api\/v1\/regions\/tree",status="200"\} 1/);
    // Ids never become labels: the template stands for every id.
    expect(res.body).toMatch(/redvest_http_requests_total\{method="GET",route="\/api\/v1\/regions\/:id",status="404"\} 1/);
    expect(res.body).toContain('redvest_http_request_duration_seconds_bucket');
    expect(res.body).toContain('redvest_nodejs_eventloop_lag_seconds');
    expect(res.body).toMatch(/redvest_db_pool_connections \d+/);
  });

  it('wants the bearer token when one is configured', async () => {
    const db = connect(t.deps.config.database);
    let app: App | undefined;
    try {
      app = await buildApp(
        { ...testConfig(), database: t.deps.config.database, metricsToken: 's3cret-token' },
        { db, logger: false, migrate: false },
      );
      expect((await app.inject({ url: '/metrics' })).statusCode).toBe(401);
      expect((await app.inject({ url: '/metrics', headers: { authorization: 'Bearer wrong' } })).statusCode).toBe(401);
      expect((await app.inject({ url: '/metrics', headers: { authorization: 'Bearer s3cret-token' } })).statusCode).toBe(200);
    } finally {
      await app?.close();
      await db.close();
    }
  });
});
