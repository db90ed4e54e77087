import { useEffect, useRef } from 'react';

/** One frame of `/api/v1/events/stream`, as server/platform/events/stream.routes.ts writes it. */
export interface StreamEvent {
  id: number;
  at: string;
  type: string;
  entityType: string;
  entityId: string;
  data?: unknown;
}

const STREAM_URL = '/api/v1/events/stream';

/**
 * Calls `onEvent` for each server event of the given types the account may see. The browser's
 * EventSource reconnects by itself after a dropped connection and sends Last-Event-ID, so the
 * server replays what was missed; the stream is closed when the component goes.
 */
export function useEventStream(types: readonly string[], onEvent: (event: StreamEvent) => void, enabled = true): void {
  // The latest callback without reconnecting on every render.
  const handler = useRef(onEvent);
  useEffect(() => {
    handler.current = onEvent;
  });
  const key = types.join(',');

  useEffect(() => {
    if (!enabled || !key || typeof EventSource === 'undefined') return;
    const source = new EventSource(STREAM_URL, { withCredentials: true });
    const listener = (e: MessageEvent<string>) => {
      let event: StreamEvent;
      try {
        event = JSON.parse(e.data) as StreamEvent;
      } catch {
        // A frame that is not JSON is not one of ours; the next one will be.
        return;
      }
      handler.current(event);
    };
    const names = key.split(',');
    for (const name of names) source.addEventListener(name, listener);
    return () => {
      for (const name of names) source.removeEventListener(name, listener);
      source.close();
    };
  }, [key, enabled]);
}
