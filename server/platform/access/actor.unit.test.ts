import { describe, expect, it } from 'vitest';
import { ROLES, type Role } from '../../../common/enums.ts';
import { AppError } from '../errors.ts';
import { canGrant, requireAccess, requireScope, scopeFor, type Actor } from './actor.ts';
import { GRANTABLE_ROLES, PERMISSIONS, ROLE_PERMISSIONS } from '../../../common/permissions.ts';

const CITY = '/city/';
const COUNTY_A = '/city/a/';
const TOWN_A = '/city/a/t1/';
const COUNTY_B = '/city/b/';

function actor(...grants: [Role, string | null][]): Actor {
  return {
    accountId: 'acc',
    login: 'x',
    name: 'x',
    sessionId: 's',
    grants: grants.map(([role, regionPath], i) => ({ id: `g${i}`, role, regionId: regionPath, regionPath })),
  };
}

function thrown(fn: () => unknown): { status: number; code: string } | null {
  try {
    fn();
    return null;
  } catch (e) {
    if (!(e instanceof AppError)) throw e;
    return { status: e.status, code: e.code };
  }
}

describe('scopeFor', () => {
  it('is everything for an admin grant', () => {
    expect(scopeFor(actor(['admin', null]), 'audit.read')).toEqual({ all: true });
  });

  it('collects the paths of the grants whose role has the permission', () => {
    const a = actor(['volunteer', TOWN_A], ['region_manager', COUNTY_B]);
    expect(scopeFor(a, 'regions.read')).toEqual({ all: false, paths: [TOWN_A, COUNTY_B] });
    expect(scopeFor(a, 'accounts.write')).toEqual({ all: false, paths: [COUNTY_B] });
    expect(scopeFor(a, 'audit.read')).toEqual({ all: false, paths: [] });
  });

  it('drops paths inside other paths, and duplicates', () => {
    const a = actor(['volunteer', TOWN_A], ['team_leader', COUNTY_A], ['inspector', COUNTY_A]);
    expect(scopeFor(a, 'regions.read')).toEqual({ all: false, paths: [COUNTY_A] });
  });

  it('does not confuse a path with a sibling sharing its prefix', () => {
    const a = actor(['volunteer', '/city/a/']);
    expect(() => requireAccess(a, 'regions.read', '/city/ab/')).toThrow(AppError);
  });
});

describe('requireAccess', () => {
  it('answers 403 without the permission anywhere', () => {
    expect(thrown(() => requireAccess(actor(['volunteer', COUNTY_A]), 'units.write', TOWN_A))).toEqual({
      status: 403,
      code: 'FORBIDDEN',
    });
  });

  it('answers 404 with the permission but not over the record', () => {
    expect(thrown(() => requireAccess(actor(['region_manager', COUNTY_A]), 'units.write', COUNTY_B))).toEqual({
      status: 404,
      code: 'NOT_FOUND',
    });
    expect(thrown(() => requireAccess(actor(['region_manager', COUNTY_A]), 'units.write', CITY))).toEqual({
      status: 404,
      code: 'NOT_FOUND',
    });
  });

  it('passes inside the scope and returns it', () => {
    expect(requireAccess(actor(['region_manager', COUNTY_A]), 'units.write', TOWN_A)).toEqual({ all: false, paths: [COUNTY_A] });
    expect(requireAccess(actor(['region_manager', COUNTY_A]), 'units.write', COUNTY_A)).toEqual({
      all: false,
      paths: [COUNTY_A],
    });
    expect(requireAccess(actor(['admin', null]), 'audit.read', COUNTY_B)).toEqual({ all: true });
  });

  it('needs a platform-wide grant for platform-wide acts', () => {
    expect(thrown(() => requireAccess(actor(['commander', CITY]), 'regions.write', null))).toEqual({
      status: 403,
      code: 'FORBIDDEN',
    });
    expect(requireAccess(actor(['admin', null]), 'regions.write', null)).toEqual({ all: true });
  });

  it('requireScope needs the permission somewhere', () => {
    expect(thrown(() => requireScope(actor(['volunteer', COUNTY_A]), 'accounts.read'))).toEqual({
      status: 403,
      code: 'FORBIDDEN',
    });
    expect(requireScope(actor(['volunteer', COUNTY_A]), 'units.read')).toEqual({ all: false, paths: [COUNTY_A] });
  });
});

describe('canGrant', () => {
  it('lets an admin grant any role anywhere, platform-wide included', () => {
    for (const role of ROLES) {
      expect(canGrant(actor(['admin', null]), role, COUNTY_B)).toBe(true);
      expect(canGrant(actor(['admin', null]), role, null)).toBe(true);
    }
  });

  it('limits others to GRANTABLE_ROLES inside their own subtree', () => {
    for (const granter of ROLES.filter((r) => r !== 'admin')) {
      for (const role of ROLES) {
        const allowed = ROLE_PERMISSIONS[granter].includes('accounts.write') && GRANTABLE_ROLES[granter].includes(role);
        expect(canGrant(actor([granter, COUNTY_A]), role, TOWN_A), `${granter} → ${role}`).toBe(allowed);
        expect(canGrant(actor([granter, COUNTY_A]), role, COUNTY_A), `${granter} → ${role} at own root`).toBe(allowed);
        expect(canGrant(actor([granter, COUNTY_A]), role, COUNTY_B), `${granter} → ${role} elsewhere`).toBe(false);
        expect(canGrant(actor([granter, COUNTY_A]), role, CITY), `${granter} → ${role} above`).toBe(false);
        expect(canGrant(actor([granter, COUNTY_A]), role, null), `${granter} → ${role} everywhere`).toBe(false);
      }
    }
  });

  it('needs one grant that allows both the role and the region', () => {
    // Manager over B and volunteer over A: may not hand out a manager role over A.
    const a = actor(['region_manager', COUNTY_B], ['volunteer', COUNTY_A]);
    expect(canGrant(a, 'volunteer', TOWN_A)).toBe(false);
    expect(canGrant(a, 'volunteer', COUNTY_B)).toBe(true);
  });

  it('never lets a role hand out more permissions than it has', () => {
    for (const granter of ROLES) {
      for (const role of GRANTABLE_ROLES[granter]) {
        const extra = ROLE_PERMISSIONS[role].filter((p) => !ROLE_PERMISSIONS[granter].includes(p));
        expect(extra, `${granter} → ${role}`).toEqual([]);
      }
    }
    expect([...ROLE_PERMISSIONS.admin].sort()).toEqual([...PERMISSIONS].sort());
  });
});
