import type { Config } from '../config.ts';
import type { Db } from './db/connect.ts';
import type { EventPublisher } from './events/publisher.ts';
import type { RateLimiter } from './auth/throttle.ts';
import type { PiiCipher } from './pii/crypto.ts';

/** What services are built from; one per app instance. */
export interface Deps {
  config: Config;
  db: Db;
  pii: PiiCipher;
  events: EventPublisher;
  rateLimiter: RateLimiter;
}
