/**
 * One hub per instance fans events out to its stream clients. It reads new events once per wake
 * and hands each client what it may see; a client resuming from an older id first catches up on
 * its own. Wakes come from PostgreSQL NOTIFY (any instance's write), from this instance's own
 * writes on SQLite, and from a slow poll that covers a notification lost while reconnecting.
 */
import pg from 'pg';
import type { Db } from '../db/connect.ts';
import { eventsAfter, lastEventId, NOTIFY_CHANNEL, type StoredEvent } from './events.repository.ts';

export interface Subscriber {
  /** The last id this subscriber has been given. */
  lastId: number;
  deliver(events: StoredEvent[]): void;
}

const BATCH = 500;

export class EventHub {
  private readonly subscribers = new Set<Subscriber>();
  private cursor = 0;
  private started = false;
  private running: Promise<void> | null = null;
  private again = false;
  private listener: pg.Client | null = null;
  private poll: NodeJS.Timeout | null = null;
  private closed = false;

  constructor(
    private readonly db: Db,
    private readonly pollMs = 5_000,
  ) {}

  async start(): Promise<void> {
    if (this.started) return;
    this.started = true;
    this.cursor = await lastEventId(this.db.db);
    if (this.db.dialect === 'postgres') await this.listen();
    this.poll = setInterval(() => this.wake(), this.pollMs);
    this.poll.unref();
  }

  private async listen(): Promise<void> {
    const url = this.db.postgresUrl;
    if (!url) return;
    const client = new pg.Client({ connectionString: url });
    client.on('notification', () => this.wake());
    client.on('error', () => {
      // Reconnect after a pause; the poll covers what was missed meanwhile.
      this.listener = null;
      if (!this.closed) setTimeout(() => void this.listen().catch(() => undefined), 1_000).unref();
    });
    await client.connect();
    await client.query(`LISTEN ${NOTIFY_CHANNEL}`);
    this.listener = client;
  }

  /** Ask for new events to be read; wakes arriving during a read cause one more read. */
  wake(): void {
    if (this.closed) return;
    if (this.running) {
      this.again = true;
      return;
    }
    this.running = this.drain().finally(() => {
      this.running = null;
      if (this.again) {
        this.again = false;
        this.wake();
      }
    });
  }

  private async drain(): Promise<void> {
    for (;;) {
      let batch: StoredEvent[];
      try {
        batch = await eventsAfter(this.db.db, this.cursor, BATCH);
      } catch {
        return; // database briefly away; the next wake or poll tries again
      }
      if (batch.length === 0) return;
      this.cursor = batch[batch.length - 1]!.id;
      for (const s of this.subscribers) {
        const fresh = batch.filter((e) => e.id > s.lastId);
        if (fresh.length) {
          s.lastId = fresh[fresh.length - 1]!.id;
          s.deliver(fresh);
        }
      }
      if (batch.length < BATCH) return;
    }
  }

  /** Adds a subscriber after replaying what it missed since `lastId`. */
  async subscribe(s: Subscriber): Promise<() => void> {
    await this.start();
    // Catch up from the database to the hub's cursor, then live events come from the hub.
    while (s.lastId < this.cursor) {
      const batch = await eventsAfter(this.db.db, s.lastId, BATCH);
      if (batch.length === 0) break;
      s.lastId = batch[batch.length - 1]!.id;
      s.deliver(batch);
    }
    this.subscribers.add(s);
    this.wake();
    return () => this.subscribers.delete(s);
  }

  currentId(): number {
    return this.cursor;
  }

  async close(): Promise<void> {
    this.closed = true;
    if (this.poll) clearInterval(this.poll);
    this.subscribers.clear();
    await this.running;
    await this.listener?.end().catch(() => undefined);
  }
}
