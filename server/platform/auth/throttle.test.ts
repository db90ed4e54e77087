import { randomBytes } from 'node:crypto';
import { Redis } from 'ioredis';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createTestApp, testConfig, type TestApp } from '../../../test/app.ts';
import { buildApp } from '../../app.ts';
import { connect } from '../db/connect.ts';
import { databaseRateLimiter, redisRateLimiter, withFallback, type RateLimiter } from './throttle.ts';

const REDIS_URL = process.env.REDVEST_TEST_REDIS_URL ?? 'redis://127.0.0.1:6379';

let t: TestApp;
let redis: Redis;
beforeAll(async () => {
  t = await createTestApp();
  redis = new Redis(REDIS_URL, { maxRetriesPerRequest: 1 });
});
afterAll(async () => {
  redis.disconnect();
  await t.close();
});

const key = () => `test:${randomBytes(6).toString('hex')}`;

describe.each([
  ['database', () => databaseRateLimiter(t.deps.db.db)],
  ['redis', () => redisRateLimiter(redis)],
])('%s rate limiter', (_name, make: () => RateLimiter) => {
  it('counts hits in a fixed window and says when it resets', async () => {
    const limiter = make();
    const k = key();
    expect(await limiter.peek(k, 900)).toEqual({ count: 0, retryAfter: 0 });
    expect(await limiter.hit(k, 900)).toBe(1);
    expect(await limiter.hit(k, 900)).toBe(2);
    const peek = await limiter.peek(k, 900);
    expect(peek.count).toBe(2);
    expect(peek.retryAfter).toBeGreaterThan(890);
    expect(peek.retryAfter).toBeLessThanOrEqual(900);
    await limiter.clear(k);
    expect((await limiter.peek(k, 900)).count).toBe(0);
  });

  it('counts concurrent hits without losing any', async () => {
    const limiter = make();
    const k = key();
    const counts = await Promise.all(Array.from({ length: 20 }, () => limiter.hit(k, 900)));
    expect(counts.sort((a, b) => a - b)).toEqual(Array.from({ length: 20 }, (_, i) => i + 1));
  });
});

describe('redis rate limiter window', () => {
  it('starts again at 1 once the window has passed', async () => {
    const limiter = redisRateLimiter(redis);
    const k = key();
    await limiter.hit(k, 900);
    await limiter.hit(k, 900);
    await redis.pexpire(`redvest:rl:${k}`, 1); // the window ends
    await new Promise((r) => setTimeout(r, 20));
    expect(await limiter.hit(k, 900)).toBe(1);
  });
});

describe('Redis unreachable', () => {
  it('falls back to the database instead of failing sign-ins', async () => {
    const dead = new Redis('redis://127.0.0.1:1', {
      maxRetriesPerRequest: 0,
      enableOfflineQueue: false,
      lazyConnect: true,
      retryStrategy: () => null,
    });
    dead.on('error', () => {});
    const errors: unknown[] = [];
    const limiter = withFallback(redisRateLimiter(dead), databaseRateLimiter(t.deps.db.db), (e) => errors.push(e));
    const k = key();
    expect(await limiter.hit(k, 900)).toBe(1);
    expect(await limiter.hit(k, 900)).toBe(2);
    expect(errors.length).toBe(2);
    const row = await t.deps.db.db.selectFrom('rateLimits').select('count').where('key', '=', k).executeTakeFirst();
    expect(Number(row?.count)).toBe(2);
    dead.disconnect();
  });

  it('login throttling works through Redis when configured', async () => {
    const db = connect(t.deps.config.database);
    const app = await buildApp(
      { ...testConfig(), database: t.deps.config.database, redisUrl: REDIS_URL },
      { db, logger: false, migrate: false },
    );
    try {
      const login = `redis-user-${randomBytes(3).toString('hex')}`;
      await t.factory.account({ login });
      const attempt = (password: string) =>
        app.inject({
          method: 'POST',
          url: '/api/v1/auth/login',
          payload: { login, password },
          remoteAddress: `10.9.${randomBytes(1)[0]}.${randomBytes(1)[0]}`,
        });
      for (let i = 0; i < 10; i++) expect((await attempt('wrong-password-1')).statusCode).toBe(401);
      const blocked = await attempt('wrong-password-1');
      expect(blocked.statusCode).toBe(429);
      expect(Number(blocked.headers['retry-after'])).toBeGreaterThan(0);
      expect(await redis.get(`redvest:rl:login:account:${login}`)).toBe('10');
      // Counted in Redis, not in the database.
      expect(
        await t.deps.db.db.selectFrom('rateLimits').select('key').where('key', '=', `login:account:${login}`).executeTakeFirst(),
      ).toBeUndefined();
    } finally {
      await app.close();
      await db.close();
    }
  });
});
