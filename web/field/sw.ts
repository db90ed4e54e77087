/**
 * The field app's service worker, built on its own to /sw.js (see vite.config.ts, which also
 * fills in the build's list of field assets). It only ever answers for field pages and their
 * data: the staff desk's pages are outside its scopes (common/field-paths.ts), and writes, the
 * events stream and every other request pass through untouched.
 *
 * - Navigations to field pages: the network first (a fresh shell when online), the cached
 *   field.html when offline; the router then draws the page from the cached chunks.
 * - Hashed build files (/assets/…): from the cache first; their names change with their content.
 * - The GET answers the field pages show offline: the network first, the last answer kept in
 *   the API cache when there is none (emptied at logout).
 */
import { isFieldPath } from '../../common/field-paths.ts';
import { FIELD_API_CACHE, isFieldApiCache } from './sync/caches.ts';

// Filled in at build time by the field-service-worker plugin.
declare const __FIELD_PRECACHE__: string[];
declare const __FIELD_VERSION__: string;

/** The little of the worker's global scope used here (the DOM typings of the project lack it). */
interface ExtendableEvent extends Event {
  waitUntil(work: Promise<unknown>): void;
}
interface FetchEvent extends ExtendableEvent {
  readonly request: Request;
  respondWith(answer: Promise<Response>): void;
}
interface WorkerScope {
  readonly location: Location;
  skipWaiting(): Promise<void>;
  readonly clients: { claim(): Promise<void> };
  addEventListener(type: 'install' | 'activate', listener: (event: ExtendableEvent) => void): void;
  addEventListener(type: 'fetch', listener: (event: FetchEvent) => void): void;
}
const worker = self as unknown as WorkerScope;

const SHELL_PREFIX = 'redvest-field-shell-';
const SHELL_CACHE = `${SHELL_PREFIX}${__FIELD_VERSION__}`;
const PRECACHE: readonly string[] = __FIELD_PRECACHE__;
const SHELL_HTML = '/field.html';

/**
 * How long a slow line is waited for before the kept copy is shown (the network's answer, when it
 * comes, still refreshes the cache for next time). The shell is the same for every page of a
 * version, so it is waited for briefly; a data answer is given longer, because a kept one may be
 * older than what the user just saved.
 */
const PAGE_PATIENCE_MS = 4_000;
const API_PATIENCE_MS = 10_000;

/**
 * The GET answers the field pages need offline: the account, the volunteer's duty and its
 * check-in page, the checkpoint's passage desk, pickers (risk areas, region tree), the
 * screening grids, the volunteer's disinfection jobs, errands and case services, the inspector's
 * route and crews, and the resident's token pages. Nothing of the staff desk's lists.
 */
const OFFLINE_API: readonly RegExp[] = [
  /^\/auth\/me$/,
  /^\/duty\/me(\/.*)?$/,
  /^\/duty\/check-in\/[^/]+$/,
  /^\/passages\/checkpoints\/[^/]+\/desk$/,
  /^\/risk-areas$/,
  /^\/regions\/tree$/,
  /^\/screening\/field\/.+$/,
  /^\/screening\/campaigns\/[^/]+\/grids\/[^/]+\/households$/,
  /^\/disinfection\/my\/.+$/,
  /^\/errands\/my-orders$/,
  /^\/errands\/goods$/,
  /^\/quarantine\/services\/mine$/,
  /^\/inspections\/coverage$/,
  /^\/inspections\/checkpoints\/[^/]+\/crew$/,
  /^\/(h|e|c)\/.+$/,
  /^\/pledges\/form$/,
  /^\/pledges\/status\/[^/]+$/,
];

/** Answers that say the kept copy is no longer true for this device (session gone, link revoked). */
const GONE = new Set([401, 403, 404, 410]);

function offlineApi(pathname: string): boolean {
  if (!pathname.startsWith('/api/v1/')) return false;
  const path = pathname.slice('/api/v1'.length);
  return OFFLINE_API.some((pattern) => pattern.test(path));
}

/** The shell's files go into this version's cache; a hashed file already kept by an older version is copied, not downloaded again. */
async function precache(): Promise<void> {
  const shell = await caches.open(SHELL_CACHE);
  const missing: string[] = [];
  for (const url of PRECACHE) {
    if (await shell.match(url)) continue;
    const kept = url.startsWith('/assets/') ? await caches.match(url) : undefined;
    if (kept) await shell.put(url, kept);
    else missing.push(url);
  }
  // All or nothing: a worker with half a shell would not open offline, so it does not install.
  await shell.addAll(missing.map((url) => new Request(url, { cache: 'reload' })));
}

async function dropOldCaches(): Promise<void> {
  const names = await caches.keys();
  const old = names.filter(
    (name) => (name.startsWith(SHELL_PREFIX) && name !== SHELL_CACHE) || (isFieldApiCache(name) && name !== FIELD_API_CACHE),
  );
  await Promise.all(old.map((name) => caches.delete(name)));
}

/** The network's answer, or after `patience` ms the kept one when there is one; the kept one when the network fails. */
async function networkFirst(network: Promise<Response>, kept: () => Promise<Response | undefined>, patience: number) {
  let timer: ReturnType<typeof setTimeout> | undefined;
  const slow = new Promise<Response | undefined>((resolve) => {
    timer = setTimeout(() => void kept().then(resolve), patience);
  });
  try {
    // A slow line with nothing kept keeps waiting for the network.
    const first = await Promise.race([network, slow]);
    return first ?? (await network);
  } catch (e) {
    const copy = await kept();
    if (copy) return copy;
    throw e;
  } finally {
    clearTimeout(timer);
  }
}

/** A full disk (or a private window's small quota) loses the copy, never the answer itself. */
async function keep(cacheName: string, request: Request, answer: Response): Promise<void> {
  try {
    await (await caches.open(cacheName)).put(request, answer);
  } catch {
    // Nothing kept this time; the page still gets its answer.
  }
}

async function page(event: FetchEvent): Promise<Response> {
  const network = fetch(event.request);
  event.waitUntil(network.catch(() => undefined));
  return networkFirst(network, () => caches.match(SHELL_HTML), PAGE_PATIENCE_MS);
}

async function asset(request: Request): Promise<Response> {
  const kept = await caches.match(request);
  if (kept) return kept;
  const answer = await fetch(request);
  if (answer.ok) await keep(SHELL_CACHE, request, answer.clone());
  return answer;
}

async function apiAnswer(event: FetchEvent): Promise<Response> {
  const { request } = event;
  const cache = await caches.open(FIELD_API_CACHE);
  const network = fetch(request).then(async (answer) => {
    if (answer.status === 200) await keep(FIELD_API_CACHE, request, answer.clone());
    else if (GONE.has(answer.status)) await cache.delete(request);
    return answer;
  });
  event.waitUntil(network.catch(() => undefined));
  // The language header differs between answers kept and asked; the data does not.
  return networkFirst(network, () => cache.match(request, { ignoreVary: true }), API_PATIENCE_MS);
}

worker.addEventListener('install', (event) => {
  event.waitUntil(precache().then(() => worker.skipWaiting()));
});

worker.addEventListener('activate', (event) => {
  event.waitUntil(dropOldCaches().then(() => worker.clients.claim()));
});

worker.addEventListener('fetch', (event) => {
  const { request } = event;
  const url = new URL(request.url);
  if (request.method !== 'GET' || url.origin !== worker.location.origin) return;
  if (request.mode === 'navigate') {
    if (isFieldPath(url.pathname)) event.respondWith(page(event));
    return;
  }
  if (url.pathname.startsWith('/assets/') || PRECACHE.includes(url.pathname)) {
    event.respondWith(asset(request));
    return;
  }
  if (offlineApi(url.pathname) && request.headers.get('accept') !== 'text/event-stream') event.respondWith(apiAnswer(event));
});
