import { useQueryClient } from '@tanstack/react-query';
import { useEffect, useRef } from 'react';
import { useEventStream } from '../../app/useEventStream.ts';

/** A busy hour brings an entry a second from across the city; they are answered with one refetch. */
const COALESCE_MS = 2_000;

/** Refreshes the queries under `key` when the server reports one of `types`, at most once per moment. */
export function useLiveRefresh(types: readonly string[], key: string): void {
  const client = useQueryClient();
  const pending = useRef<ReturnType<typeof setTimeout> | null>(null);
  useEffect(
    () => () => {
      if (pending.current) clearTimeout(pending.current);
    },
    [],
  );
  useEventStream(types, () => {
    if (pending.current) return;
    pending.current = setTimeout(() => {
      pending.current = null;
      void client.invalidateQueries({ queryKey: [key] });
    }, COALESCE_MS);
  });
}
