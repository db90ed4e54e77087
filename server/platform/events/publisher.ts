import type { Kysely } from 'kysely';
import type { Db } from '../db/connect.ts';
import type { Database } from '../db/schema.ts';
import { insertEvent, type NewEvent } from './events.repository.ts';
import type { EventHub } from './hub.ts';

export interface EventPublisher {
  /** Call inside the write's transaction; subscribers see the event once it commits. */
  publish(q: Kysely<Database>, event: NewEvent): Promise<number>;
}

export function eventPublisher(db: Db, hub: EventHub): EventPublisher {
  return {
    async publish(q, event) {
      const id = await insertEvent(q, db.dialect, event);
      // PostgreSQL wakes every hub, this one included, by NOTIFY at commit; SQLite has one process.
      db.groupCommit?.onCommit(() => hub.wake());
      return id;
    },
  };
}
