import { useEffect, useMemo, useRef, useSyncExternalStore } from 'react';
import { getSnapshot, subscribe, type EntryKind, type OutboxEntry, type OutboxNotice } from './outbox.ts';
import { ownedBy } from './queue.ts';

export interface OutboxView {
  online: boolean;
  /** Entries still to be sent (waiting or being sent). */
  waiting: number;
  refused: number;
  /** This context's entries, oldest first. */
  entries: OutboxEntry[];
  /** This context's entries the server kept but flagged. */
  notices: OutboxNotice[];
}

/**
 * The outbox as the screen shows it. `context` (see contextOfPage) keeps a resident's entries on
 * their link's pages and the volunteer's on theirs, when both were made on one phone; without it,
 * every entry the signed-in account may see.
 */
export function useOutbox(context?: string): OutboxView {
  const snapshot = useSyncExternalStore(subscribe, getSnapshot);
  return useMemo(() => {
    // Another account's entries (made before a handover of the phone) are not this one's to see.
    const mine = <T extends { context: string; accountId?: string }>(list: T[]) =>
      list.filter((e) => ownedBy(e, snapshot.account) && (!context || e.context === context));
    const entries = mine(snapshot.entries);
    return {
      online: snapshot.online,
      waiting: entries.filter((e) => e.status !== 'refused').length,
      refused: entries.filter((e) => e.status === 'refused').length,
      entries,
      notices: mine(snapshot.notices),
    };
  }, [snapshot, context]);
}

/**
 * Calls `onSent` when entries of this kind leave the outbox (sent, or dismissed): the page reads
 * the server's state again instead of what it assumed meanwhile.
 */
export function useKeptUntilSent(context: string, kind: EntryKind, onSent: () => void): OutboxEntry[] {
  const { entries } = useOutbox(context);
  const mine = useMemo(() => entries.filter((e) => e.kind === kind), [entries, kind]);
  const before = useRef(mine.length);
  const callback = useRef(onSent);
  useEffect(() => {
    callback.current = onSent;
  });
  useEffect(() => {
    if (mine.length < before.current) callback.current();
    before.current = mine.length;
  }, [mine.length]);
  return mine;
}
