/** A minimal server-sent-events client for tests: real HTTP, frames parsed as a browser would. */
export interface SseEvent {
  id: number;
  type: string;
  data: { id: number; type: string; entityType: string | null; entityId: string | null; data?: unknown };
}

export interface SseStream {
  events: SseEvent[];
  /** Resolves once `predicate` holds for the events received, or rejects after `timeoutMs`. */
  waitFor(predicate: (events: SseEvent[]) => boolean, timeoutMs?: number): Promise<SseEvent[]>;
  close(): void;
  /** Resolves when the server ends the stream. */
  ended: Promise<void>;
}

/** `onEvent` is told of each event as it is parsed (the benchmarks time arrivals with it). */
export async function openStream(
  baseUrl: string,
  sessionToken: string,
  lastEventId?: number,
  onEvent?: (event: SseEvent) => void,
): Promise<SseStream> {
  const controller = new AbortController();
  const res = await fetch(`${baseUrl}/api/v1/events/stream`, {
    headers: {
      cookie: `redvest_session=${sessionToken}`,
      ...(lastEventId !== undefined ? { 'last-event-id': String(lastEventId) } : {}),
    },
    signal: controller.signal,
  });
  if (res.status !== 200 || !res.body) throw new Error(`stream answered ${res.status}: ${await res.text()}`);
  const events: SseEvent[] = [];
  const waiters = new Set<() => void>();
  const decoder = new TextDecoder();
  let buffer = '';
  const reader = res.body.getReader();
  const ended = (async () => {
    try {
      for (;;) {
        const { done, value } = await reader.read();
        if (done) return;
        buffer += decoder.decode(value, { stream: true });
        let cut: number;
        while ((cut = buffer.indexOf('\n\n')) !== -1) {
          const block = buffer.slice(0, cut);
          buffer = buffer.slice(cut + 2);
          const fields = Object.fromEntries(
            block
              .split('\n')
              .filter((l) => l && !l.startsWith(':'))
              .map((l) => [l.slice(0, l.indexOf(':')), l.slice(l.indexOf(':') + 1).trimStart()]),
          ) as Record<string, string>;
          if (fields.data && fields.id) {
            const event: SseEvent = {
              id: Number(fields.id),
              type: fields.event ?? 'message',
              data: JSON.parse(fields.data) as SseEvent['data'],
            };
            events.push(event);
            onEvent?.(event);
            waiters.forEach((w) => w());
          }
        }
      }
    } catch {
      // aborted by close()
    }
  })();
  return {
    events,
    ended,
    close: () => controller.abort(),
    waitFor(predicate, timeoutMs = 10_000) {
      return new Promise((resolve, reject) => {
        const check = () => {
          if (predicate(events)) {
            waiters.delete(check);
            clearTimeout(timer);
            resolve(events);
          }
        };
        const timer = setTimeout(() => {
          waiters.delete(check);
          reject(new Error(`timed out waiting; received: ${JSON.stringify(events.map((e) => [e.id, e.type]))}`));
        }, timeoutMs);
        waiters.add(check);
        check();
      });
    },
  };
}
