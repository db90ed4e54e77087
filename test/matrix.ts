/**
 * The shapes of the access-matrix test (server/platform/access/access-matrix.test.ts). Each
 * feature declares how to call its routes in a `<feature>.matrix.ts` beside them; the test merges
 * them and fails on any route without a case.
 */
import type { Role } from '../common/enums.ts';
import type { Permission } from '../common/permissions.ts';
import type { TestApp } from './app.ts';
import type { County, TwoCounties } from './fixtures.ts';

/** The record a call touches: in the caller's county (A) or in the other one (B). */
export type Where = 'in' | 'out';

export interface Built {
  url: string;
  body?: unknown;
  /** Raw payload with its content type (uploads). */
  raw?: { payload: Buffer; contentType: string };
  /** Sign in a new session for this call (logout would end the shared one). */
  freshSession?: boolean;
}

export interface Case {
  build(where: Where): Promise<Built>;
  /** The record has a region, so another county's record must answer 404. */
  scoped: boolean;
  /** Permissions the service needs besides the route's own. */
  alsoRequires?: Permission[];
  /** Expected answer when allowed and in scope (by default, some 2xx). */
  status?: number;
  /**
   * For a role that passes the permission gate: the status to expect instead of the default, or
   * undefined for the default (e.g. a team leader managing a team they do not lead: 403).
   */
  expectFor?(role: Role, where: Where): number | undefined;
  /** Routes another engineer is building: only the permission gate and "never 5xx" are checked. */
  lenient?: boolean;
}

/**
 * What a case builder may use. Every role's account holds its grant over county A (admin:
 * everywhere) with login `m-<role>`; the getters are filled before the first case runs.
 */
export interface MatrixContext {
  readonly t: TestApp;
  readonly w: TwoCounties;
  area(where: Where): County;
  /** A fresh string with this prefix (names that must be unique). */
  uniq(prefix: string): string;
}

export type CaseTable = (ctx: MatrixContext) => Record<string, Case>;
