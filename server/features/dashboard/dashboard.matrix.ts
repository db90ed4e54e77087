import type { CaseTable } from '../../../test/matrix.ts';
import { API } from '../../../test/requests.ts';

/** The dashboard of a county (another county's looks missing); a refresh covers everything and answers only a time. */
export const dashboardMatrix: CaseTable = (ctx) => ({
  'GET /api/v1/dashboard': {
    scoped: true,
    build: async (where) => ({ url: `${API}/dashboard?regionId=${ctx.area(where).county.id}` }),
  },
  'POST /api/v1/dashboard/refresh': { scoped: false, build: async () => ({ url: `${API}/dashboard/refresh`, body: {} }) },
});
