import { FIELD_SCOPES } from '../../common/field-paths.ts';

/** Resolves once the registration's new worker (if any) has finished installing, or failed to. */
function settled(registration: ServiceWorkerRegistration): Promise<void> {
  const worker = registration.installing ?? registration.waiting;
  if (!worker) return Promise.resolve();
  return new Promise((resolve) => {
    const check = () => {
      if (worker.state !== 'activated' && worker.state !== 'redundant') return;
      worker.removeEventListener('statechange', check);
      resolve();
    };
    worker.addEventListener('statechange', check);
    check();
  });
}

/**
 * Registers the field app's service worker (built to /sw.js) once per field scope. One
 * registration at `/` would also take every staff desk page (a scope is a plain address prefix),
 * so each group of field pages gets its own; they share the worker's script and caches. This
 * page's scope goes first, the others one at a time after it: the first install downloads the
 * shell, the next ones find it in the cache instead of each downloading it again at once.
 * `onFirstControl` runs when a worker first controls this page. Production builds only: in
 * `vite` dev the modules are not files the worker could cache.
 */
export function registerFieldWorker(onFirstControl: () => void): void {
  if (!import.meta.env.PROD || !('serviceWorker' in navigator)) return;
  // The page's first answers came before the worker, so it kept none of them: once it takes
  // control, they are asked again through it, and a reload offline finds them.
  if (!navigator.serviceWorker.controller)
    navigator.serviceWorker.addEventListener('controllerchange', onFirstControl, { once: true });
  const here = FIELD_SCOPES.filter((scope) => window.location.pathname.startsWith(scope));
  const scopes = [...here, ...FIELD_SCOPES.filter((scope) => !here.includes(scope))];
  window.addEventListener('load', () => {
    void (async () => {
      for (const scope of scopes) {
        try {
          await settled(await navigator.serviceWorker.register('/sw.js', { scope }));
        } catch (e) {
          // Without the worker the app still works online; only the offline copy is missing.
          console.warn(`service worker for ${scope} not registered`, e);
        }
      }
    })();
  });
}
