/**
 * The outbox on the phone: IndexedDB, which survives a reload, a closed tab and a restart, and is
 * shared by the tabs of the app (one transaction numbers an entry, so two tabs never clash).
 */
import { openDB, type DBSchema, type IDBPDatabase } from 'idb';
import type { OutboxEntry, OutboxNotice, QueueStore } from './queue.ts';

export const DB_NAME = 'redvest-field';

interface FieldDB extends DBSchema {
  outbox: { key: string; value: OutboxEntry; indexes: { seq: number } };
  notices: { key: string; value: OutboxNotice };
}

let opened: Promise<IDBPDatabase<FieldDB>> | null = null;

function db(): Promise<IDBPDatabase<FieldDB>> {
  opened ??= openDB<FieldDB>(DB_NAME, 1, {
    upgrade(d) {
      d.createObjectStore('outbox', { keyPath: 'key' }).createIndex('seq', 'seq');
      d.createObjectStore('notices', { keyPath: 'key' });
    },
    // Another tab of a newer version wants to upgrade: let it, and reopen next time.
    blocking() {
      void opened?.then((d) => d.close());
      opened = null;
    },
  }).catch((e: unknown) => {
    opened = null;
    throw e;
  });
  return opened;
}

/** Whether this browser can keep an outbox at all (private modes of some old browsers cannot). */
export async function storeAvailable(): Promise<boolean> {
  if (typeof indexedDB === 'undefined') return false;
  try {
    await db();
    return true;
  } catch {
    return false;
  }
}

/** Adds the entry behind every other, numbering it in the same transaction. */
export async function addEntry(entry: Omit<OutboxEntry, 'seq'>): Promise<OutboxEntry> {
  const tx = (await db()).transaction('outbox', 'readwrite');
  const last = await tx.store.index('seq').openCursor(null, 'prev');
  const stored: OutboxEntry = { ...entry, seq: (last?.value.seq ?? 0) + 1 };
  await tx.store.put(stored);
  await tx.done;
  return stored;
}

export async function allEntries(): Promise<OutboxEntry[]> {
  return (await db()).getAllFromIndex('outbox', 'seq');
}

export async function getEntry(key: string): Promise<OutboxEntry | undefined> {
  return (await db()).get('outbox', key);
}

export async function allNotices(): Promise<OutboxNotice[]> {
  return (await db()).getAll('notices');
}

export async function removeNotice(key: string): Promise<void> {
  await (await db()).delete('notices', key);
}

export const idbQueueStore: QueueStore = {
  pending: async () => (await allEntries()).filter((e) => e.status !== 'refused'),
  put: async (entry) => void (await (await db()).put('outbox', entry)),
  remove: async (key) => void (await (await db()).delete('outbox', key)),
  addNotice: async (notice) => void (await (await db()).put('notices', notice)),
};
