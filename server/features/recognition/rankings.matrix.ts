import type { CaseTable, Where } from '../../../test/matrix.ts';
import { API } from '../../../test/requests.ts';

/** A county's ranking (another county's looks missing); no records are needed, an empty ranking answers too. */
export const rankingsMatrix: CaseTable = (ctx) => {
  const query = (where: Where) => `regionId=${ctx.area(where).county.id}&from=2020-01-01&to=2020-12-31`;
  return {
    'GET /api/v1/recognition/rankings': {
      scoped: true,
      build: async (where) => ({ url: `${API}/recognition/rankings?${query(where)}&subject=team` }),
    },
    'GET /api/v1/recognition/rankings/xlsx': {
      scoped: true,
      build: async (where) => ({ url: `${API}/recognition/rankings/xlsx?${query(where)}` }),
    },
  };
};
