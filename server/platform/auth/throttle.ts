/**
 * Fixed-window counters shared by every instance: in the database by default, in Redis when
 * REDVEST_REDIS_URL is set. A window that has passed restarts at 1, so nobody is locked out for
 * longer than one window.
 */
import type { Redis } from 'ioredis';
import { sql, type Kysely } from 'kysely';
import { nowIso } from '../db/ids.ts';
import { AppError } from '../errors.ts';
import type { Database } from '../db/schema.ts';

export interface RateLimiter {
  /** Counts one hit and returns the count in the current window. */
  hit(key: string, windowSeconds: number): Promise<number>;
  /** The count in the current window, and seconds until it resets (0 when there is none). */
  peek(key: string, windowSeconds: number): Promise<{ count: number; retryAfter: number }>;
  clear(key: string): Promise<void>;
}

/**
 * Looks up what a caller without an account names by a code or token (a resident's link, a
 * certificate's code), counting misses per `key`: past `max` misses in the window, 429 before it
 * even looks, so codes cannot be trawled. A miss is counted, then `missing()` is thrown.
 */
export async function findCountingMisses<T>(
  limiter: RateLimiter,
  key: string,
  limit: { max: number; windowSeconds: number },
  find: () => Promise<T | null | undefined>,
  missing: () => Error,
): Promise<T> {
  const { count, retryAfter } = await limiter.peek(key, limit.windowSeconds);
  if (count >= limit.max) throw new AppError(429, 'RATE_LIMITED', { minutes: Math.ceil(retryAfter / 60), retryAfter });
  const found = await find();
  if (found === null || found === undefined) {
    await limiter.hit(key, limit.windowSeconds);
    throw missing();
  }
  return found;
}

export function databaseRateLimiter(q: Kysely<Database>, clock: () => Date = () => new Date()): RateLimiter {
  return {
    async hit(key, windowSeconds) {
      const now = clock();
      const nowText = nowIso(now);
      const cutoff = nowIso(new Date(now.getTime() - windowSeconds * 1000));
      const row = await q
        .insertInto('rateLimits')
        .values({ key, windowStart: nowText, count: 1 })
        .onConflict((oc) =>
          oc.column('key').doUpdateSet({
            count: sql<number>`CASE WHEN rate_limits.window_start < ${cutoff} THEN 1 ELSE rate_limits.count + 1 END`,
            windowStart: sql<string>`CASE WHEN rate_limits.window_start < ${cutoff} THEN ${nowText} ELSE rate_limits.window_start END`,
          }),
        )
        .returning(['count'])
        .executeTakeFirstOrThrow();
      return Number(row.count);
    },
    async peek(key, windowSeconds) {
      const now = clock();
      const row = await q.selectFrom('rateLimits').select(['count', 'windowStart']).where('key', '=', key).executeTakeFirst();
      if (!row) return { count: 0, retryAfter: 0 };
      const ends = new Date(row.windowStart).getTime() + windowSeconds * 1000;
      if (ends <= now.getTime()) return { count: 0, retryAfter: 0 };
      return { count: Number(row.count), retryAfter: Math.ceil((ends - now.getTime()) / 1000) };
    },
    async clear(key) {
      await q.deleteFrom('rateLimits').where('key', '=', key).execute();
    },
  };
}

const PREFIX = 'redvest:rl:';

export function redisRateLimiter(redis: Redis): RateLimiter {
  return {
    async hit(key, windowSeconds) {
      // The expiry is set only by the hit that opens the window (NX), so the window is fixed.
      const result = await redis
        .multi()
        .incr(PREFIX + key)
        .expire(PREFIX + key, windowSeconds, 'NX')
        .exec();
      const [err, count] = result?.[0] ?? [new Error('redis: empty reply'), 0];
      if (err) throw err;
      return Number(count);
    },
    async peek(key) {
      const [count, ttl] = await Promise.all([redis.get(PREFIX + key), redis.pttl(PREFIX + key)]);
      if (count === null || ttl <= 0) return { count: 0, retryAfter: 0 };
      return { count: Number(count), retryAfter: Math.ceil(ttl / 1000) };
    },
    async clear(key) {
      await redis.del(PREFIX + key);
    },
  };
}

/** Redis is optional: while it is unreachable, the database keeps counting rather than failing logins. */
export function withFallback(primary: RateLimiter, fallback: RateLimiter, onError: (e: unknown) => void): RateLimiter {
  const guarded =
    <A extends unknown[], R>(f: (l: RateLimiter) => (...a: A) => Promise<R>) =>
    async (...args: A): Promise<R> => {
      try {
        return await f(primary)(...args);
      } catch (e) {
        onError(e);
        return f(fallback)(...args);
      }
    };
  return { hit: guarded((l) => l.hit), peek: guarded((l) => l.peek), clear: guarded((l) => l.clear) };
}
