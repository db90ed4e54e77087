/**
 * URLs are logged without query strings (they may carry tokens) and without the secret of a
 * pledge status link, which sits in the path (the API's and the web page's).
 */
export function logSafeUrl(url: string): string {
  const q = url.indexOf('?');
  const path = q === -1 ? url : url.slice(0, q);
  return path.replace(/(\/pledges?\/status\/)[^/]+/, '$1…');
}
