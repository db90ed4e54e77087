/**
 * The field app's addresses: the volunteer's and resident's phone pages. They are served
 * `field.html` (a small bundle with its own service worker) and every other address the staff
 * desk's `index.html`. The paths are printed on QR codes and sent in links, so they never change;
 * the server, both routers and the service worker all decide by this one list.
 */
const FIELD_PATHS: readonly RegExp[] = [
  /^\/h\/[^/]+$/,
  /^\/e\/[^/]+$/,
  /^\/e\/[^/]+\/orders\/[^/]+$/,
  /^\/pledge$/,
  /^\/pledge\/status\/[^/]+$/,
  /^\/c\/[^/]+$/,
  /^\/my-duty$/,
  /^\/duty\/check-in\/[^/]+$/,
  /^\/passage\/[^/]+$/,
  /^\/screening\/visit$/,
  /^\/screening\/visit\/[^/]+\/[^/]+$/,
  /^\/my-disinfection$/,
  /^\/my-errands$/,
  /^\/quarantine\/my-services$/,
  /^\/inspect$/,
  /^\/inspect\/[^/]+$/,
];

/** Whether `pathname` (no query or hash; one trailing slash tolerated) is a field app page. */
export function isFieldPath(pathname: string): boolean {
  const path = pathname.length > 1 && pathname.endsWith('/') ? pathname.slice(0, -1) : pathname;
  return FIELD_PATHS.some((pattern) => pattern.test(path));
}

/** The path part of an address as links carry it (`/inspect/1?x=2#y` → `/inspect/1`). */
export function pathOf(to: string): string {
  return to.split(/[?#]/, 1)[0]!;
}

/**
 * The service worker's scopes, one registration each. A scope is a plain prefix of the address,
 * and one scope of `/` would put every staff desk page under the field app's worker too; these
 * cover the field pages and no desk page. `/pledge` and `/inspect` themselves get none: as
 * prefixes they would also take `/pledges`, `/inspections` and `/inspection-groups` (desk pages),
 * and both pages need the network anyway (a new pledge, the inspector's live route).
 */
export const FIELD_SCOPES: readonly string[] = [
  '/h/',
  '/e/',
  '/pledge/',
  '/c/',
  '/my-duty',
  '/duty/check-in/',
  '/passage/',
  '/screening/visit',
  '/my-disinfection',
  '/my-errands',
  '/quarantine/my-services',
  '/inspect/',
];
