import { describe, expect, it } from 'vitest';
import { FIELD_SCOPES, isFieldPath, pathOf } from './field-paths.ts';

describe('field paths', () => {
  it('knows the phone pages printed on QR codes and sent in links', () => {
    for (const path of [
      '/h/abc123',
      '/e/abc123',
      '/e/abc123/orders/0190-id',
      '/pledge',
      '/pledge/status/tok',
      '/c/1234-5678-9ABC-DEF0',
      '/my-duty',
      '/my-duty/',
      '/duty/check-in/AB12CD34EF',
      '/passage/0190-cp',
      '/screening/visit',
      '/screening/visit/camp/grid',
      '/my-disinfection',
      '/my-errands',
      '/quarantine/my-services',
      '/inspect',
      '/inspect/0190-cp',
    ])
      expect(isFieldPath(path), path).toBe(true);
  });

  it('leaves the staff desk’s pages, look-alikes included, to the desk', () => {
    for (const path of [
      '/',
      '/login',
      '/dashboard',
      '/pledges',
      '/passages',
      '/inspections',
      '/inspection-groups',
      '/screening',
      '/screening/0190-campaign',
      '/screening/visit/camp',
      '/duty/now',
      '/duty/check-in',
      '/quarantine/cases',
      '/errands/ledger/code',
      '/h',
      '/h/a/b',
      '/my-duty/extra',
      '/api/v1/h/abc',
      '/field.html',
    ])
      expect(isFieldPath(path), path).toBe(false);
  });

  it('reads the path of a link with a query or a hash', () => {
    expect(pathOf('/inspect/1?x=2#y')).toBe('/inspect/1');
    expect(pathOf('/my-duty#top')).toBe('/my-duty');
    expect(isFieldPath(pathOf('/screening/visit?grid=1'))).toBe(true);
  });

  it('gives the service worker scopes that reach field pages and no desk page', () => {
    const desk = [
      '/pledges',
      '/passages',
      '/inspections',
      '/inspection-groups',
      '/screening/0190-c',
      '/duty/now',
      '/quarantine/cases',
      '/errands/orders',
      '/my',
    ];
    for (const scope of FIELD_SCOPES) {
      for (const path of desk) expect(path.startsWith(scope), `${scope} takes ${path}`).toBe(false);
    }
    for (const path of [
      '/h/t',
      '/e/t/orders/1',
      '/pledge/status/t',
      '/my-duty',
      '/passage/cp',
      '/screening/visit/c/g',
      '/inspect/cp',
    ])
      expect(
        FIELD_SCOPES.some((s) => path.startsWith(s)),
        path,
      ).toBe(true);
  });
});
