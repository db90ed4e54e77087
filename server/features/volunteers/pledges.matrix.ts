import { API } from '../../../test/requests.ts';
import { newId, nowIso } from '../../platform/db/ids.ts';
import { testIdNumber } from '../../../test/identity.ts';
import type { CaseTable, MatrixContext, Where } from '../../../test/matrix.ts';
import { insertTestPledge } from './pledges.fixtures.ts';

/** A valid public submission with a fresh ID number (the matrix sends one per role, under the per-address limit). */
export function pledgeSubmission(regionId: string): Record<string, unknown> {
  return {
    name: '张请战',
    gender: 'female',
    idNumber: testIdNumber(),
    mobile: `135${String(Math.floor(Math.random() * 1e8)).padStart(8, '0')}`,
    partyMember: true,
    partyBranch: '第一党支部',
    homeAddress: '解放路 8 号',
    regionId,
    skills: ['medical'],
    availability: [{ weekday: 1, band: 'morning' }],
    healthFever: false,
    healthRiskContact: false,
    pledgeText: '我志愿参加疫情防控工作。',
  };
}

export const pledgesMatrix: CaseTable = (ctx: MatrixContext) => {
  // `ctx.t` is filled only once the test app exists: read it inside each build, never here.
  const pledge = (where: Where) => insertTestPledge(ctx.t.deps, { regionId: ctx.area(where).grid.id });
  return {
    'GET /api/v1/pledges/form': { scoped: false, build: async () => ({ url: `${API}/pledges/form` }) },
    'POST /api/v1/pledges': {
      scoped: false,
      status: 201,
      build: async (where) => ({ url: `${API}/pledges`, body: pledgeSubmission(ctx.area(where).grid.id) }),
    },
    'GET /api/v1/pledges/status/:token': {
      scoped: false,
      build: async (where) => ({ url: `${API}/pledges/status/${(await pledge(where)).token}` }),
    },
    'GET /api/v1/pledges': {
      scoped: true,
      build: async (where) => ({ url: `${API}/pledges?regionId=${ctx.area(where).county.id}` }),
    },
    'GET /api/v1/pledges/:id': {
      scoped: true,
      build: async (where) => ({ url: `${API}/pledges/${(await pledge(where)).id}` }),
    },
    // Waitlisting writes only the pledge itself; approval is covered in pledges.test.ts.
    'POST /api/v1/pledges/:id/decision': {
      scoped: true,
      build: async (where) => ({ url: `${API}/pledges/${(await pledge(where)).id}/decision`, body: { decision: 'waitlist' } }),
    },
    // Per-pledge outcomes: a foreign id is a NOT_FOUND result inside a 200, not a 404.
    'POST /api/v1/pledges/decisions': {
      scoped: false,
      build: async (where) => ({
        url: `${API}/pledges/decisions`,
        body: { ids: [(await pledge(where)).id], decision: 'waitlist' },
      }),
    },
    'POST /api/v1/pledges/:id/reveal': {
      scoped: true,
      alsoRequires: ['pledges.review'],
      build: async (where) => ({ url: `${API}/pledges/${(await pledge(where)).id}/reveal`, body: {} }),
    },
    'GET /api/v1/pledge-quotas': { scoped: false, build: async () => ({ url: `${API}/pledge-quotas` }) },
    'PUT /api/v1/pledge-quotas': {
      scoped: true,
      build: async (where) => ({ url: `${API}/pledge-quotas`, body: { regionId: ctx.area(where).community.id, quota: 100 } }),
    },
    'DELETE /api/v1/pledge-quotas/:id': {
      scoped: true,
      build: async (where) => {
        const region = await ctx.t.factory.region({ parent: ctx.area(where).community });
        const id = newId();
        await ctx.t.deps.db.db
          .insertInto('pledgeQuotas')
          .values({ id, unitId: null, regionId: region.id, quota: 10, updatedAt: nowIso() })
          .execute();
        return { url: `${API}/pledge-quotas/${id}` };
      },
    },
  };
};
