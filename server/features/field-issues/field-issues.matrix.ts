import type { Role } from '../../../common/enums.ts';
import type { CaseTable, Where } from '../../../test/matrix.ts';
import { API } from '../../../test/requests.ts';
import { nowIso } from '../../platform/db/ids.ts';
import { makeIssue } from './field-issues.test-helpers.ts';

/**
 * The issue ledger. Every record lies at a community of county A ("in") or B ("out"), raised and
 * resolved by strangers, so the matrix roles meet it only through their scope: volunteers and
 * team leaders may raise but read only the issues they raised, so another's issue is missing to
 * them (404) even in their own county.
 */
export const fieldIssuesMatrix: CaseTable = (ctx) => {
  const db = () => ctx.t.deps.db.db;
  let strangers: Promise<{ raiser: string; resolver: string }> | undefined;
  const people = () =>
    (strangers ??= (async () => ({
      raiser: (await ctx.t.factory.account({ grants: [{ role: 'inspector', regionId: ctx.w.a.county.id }] })).id,
      resolver: (await ctx.t.factory.account({ grants: [{ role: 'region_manager', regionId: ctx.w.a.county.id }] })).id,
    }))());

  async function issue(where: Where, status: 'open' | 'resolved' = 'open'): Promise<string> {
    const { raiser, resolver } = await people();
    return makeIssue(db(), { regionId: ctx.area(where).community.id, raisedBy: raiser, status, resolvedBy: resolver });
  }

  const raiseOnly = (role: Role) => (role === 'volunteer' || role === 'team_leader' ? 404 : undefined);
  const inTwoDays = () => nowIso(new Date(Date.now() + 48 * 3_600_000));

  return {
    'GET /api/v1/field-issues': {
      scoped: true,
      build: async (where) => ({ url: `${API}/field-issues?regionId=${ctx.area(where).county.id}` }),
    },
    'GET /api/v1/field-issues/summary': {
      scoped: true,
      build: async (where) => ({ url: `${API}/field-issues/summary?regionId=${ctx.area(where).county.id}` }),
    },
    'GET /api/v1/field-issues/:id': {
      scoped: true,
      expectFor: raiseOnly,
      build: async (where) => ({ url: `${API}/field-issues/${await issue(where)}` }),
    },
    'POST /api/v1/field-issues': {
      scoped: true,
      status: 201,
      build: async (where) => ({
        url: `${API}/field-issues`,
        body: { category: 'facility', title: ctx.uniq('路障损坏'), regionId: ctx.area(where).community.id },
      }),
    },
    'PATCH /api/v1/field-issues/:id': {
      scoped: true,
      build: async (where) => ({ url: `${API}/field-issues/${await issue(where)}`, body: { deadline: inTwoDays() } }),
    },
    'POST /api/v1/field-issues/:id/comments': {
      scoped: true,
      expectFor: raiseOnly,
      build: async (where) => ({ url: `${API}/field-issues/${await issue(where)}/comments`, body: { body: '已电话联系' } }),
    },
    'POST /api/v1/field-issues/:id/status': {
      scoped: true,
      build: async (where) => ({ url: `${API}/field-issues/${await issue(where)}/status`, body: { to: 'in_progress' } }),
    },
    'POST /api/v1/field-issues/:id/verify': {
      scoped: true,
      expectFor: raiseOnly,
      build: async (where) => ({
        url: `${API}/field-issues/${await issue(where, 'resolved')}/verify`,
        body: { accepted: true },
      }),
    },
  };
};
