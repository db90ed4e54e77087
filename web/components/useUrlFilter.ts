/**
 * A list's filters kept in the address (`/quarantine/cases?regionId=…&status=active`), so a
 * dashboard tile, a link passed on or a reload opens the list already narrowed. A page names the
 * filters that live there; its other filters stay in the page's state (usePagedFilter names none).
 * Changes replace the current history entry: Back leaves the list rather than undoing each pick.
 */
import { useEffect, useRef, useState } from 'react';
import { useSearchParams } from 'react-router';
import { usePaging } from './usePaging.ts';

/** How one filter is spelt in the address; `read` answers undefined for a value the page does not know. */
export interface UrlParam<V> {
  read: (raw: string) => V | undefined;
  write: (value: V) => string;
}

export type UrlParams<F> = { [K in keyof F]?: UrlParam<NonNullable<F[K]>> };

export interface UrlFilterOptions<F> {
  /**
   * What a filter is when the address does not name it. Cleared, such a filter is written empty
   * (`status=`), so "all" stays all instead of falling back to the default.
   */
  defaults?: Partial<F>;
}

export const textParam: UrlParam<string> = { read: (raw) => raw, write: (value) => value };

export const flagParam: UrlParam<boolean> = {
  read: (raw) => (raw === 'true' ? true : raw === 'false' ? false : undefined),
  write: String,
};

export function oneOfParam<V extends string>(values: readonly V[]): UrlParam<V> {
  return { read: (raw) => values.find((v) => v === raw), write: (value) => value };
}

const unset = (value: unknown) => value === undefined || value === null || value === '';

/** The named filters as the address has them, and `change(key)(value)` to write one back. */
export function useUrlFilter<F extends object>(params: UrlParams<F>, { defaults = {} }: UrlFilterOptions<F> = {}) {
  const [search, setSearch] = useSearchParams();
  // Two changes in one event (a range's two ends) each build on the address the other left: the
  // router applies a navigation later, so `search` still holds the old one.
  const pending = useRef<URLSearchParams | null>(null);
  useEffect(() => {
    pending.current = null;
  }, [search]);

  const filter: Partial<F> = {};
  for (const key of Object.keys(params) as (keyof F & string)[]) {
    const raw = search.get(key);
    if (raw === null) filter[key] = defaults[key];
    else if (raw === '') filter[key] = null as F[keyof F & string];
    else filter[key] = params[key]!.read(raw) ?? defaults[key];
  }

  const change =
    <K extends keyof F>(key: K) =>
    (value: F[K]) => {
      const name = String(key);
      const next = new URLSearchParams(pending.current ?? search);
      const fallback = defaults[key];
      if (unset(value)) {
        if (unset(fallback)) next.delete(name);
        else next.set(name, '');
      } else if (value === fallback) next.delete(name);
      else next.set(name, params[key]!.write(value as NonNullable<F[K]>));
      pending.current = next;
      setSearch(next, { replace: true });
    };

  return { filter, change };
}

/**
 * usePagedFilter with the named filters in the address: `change(key)(value)` sets one filter,
 * wherever it lives, and goes back to the first page (and calls `onChange`).
 */
export function useUrlPagedFilter<F extends object>(
  params: UrlParams<F>,
  { onChange, ...options }: UrlFilterOptions<F> & { onChange?: () => void } = {},
) {
  const url = useUrlFilter(params, options);
  const [local, setLocal] = useState<Partial<F>>({});
  const { page, pageSize, setPage, pagination } = usePaging();
  // A link or the menu that changes the address under an open list starts it at the first page too.
  const shown = JSON.stringify(url.filter);
  const [seen, setSeen] = useState(shown);
  if (seen !== shown) {
    setSeen(shown);
    setPage(1);
  }
  const filter = { ...local, ...url.filter } as F;
  const change =
    <K extends keyof F>(key: K) =>
    (value: F[K]) => {
      if (key in params) url.change(key)(value);
      else setLocal((f) => ({ ...f, [key]: value }));
      setPage(1);
      onChange?.();
    };
  return { filter, change, page, pageSize, setPage, pagination };
}
