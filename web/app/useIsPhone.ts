import { useSyncExternalStore } from 'react';

/** Phone width as the layout defines it: the side menu becomes a drawer at 576px and below. */
const PHONE = '(max-width: 576px)';

function subscribe(onChange: () => void): () => void {
  const query = window.matchMedia(PHONE);
  query.addEventListener('change', onChange);
  return () => query.removeEventListener('change', onChange);
}

export function useIsPhone(): boolean {
  return useSyncExternalStore(subscribe, () => window.matchMedia(PHONE).matches);
}
