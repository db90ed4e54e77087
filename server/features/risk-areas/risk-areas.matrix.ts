import type { CaseTable } from '../../../test/matrix.ts';
import { API } from '../../../test/requests.ts';
import { newId, nowIso } from '../../platform/db/ids.ts';

/**
 * Divisions and the risk-area list hold for the whole platform: no record has a region, so there
 * is no "out of scope". Each write gets its own period of one county, so no two cases overlap.
 */
export const riskAreasMatrix: CaseTable = (ctx) => {
  let year = 2100;

  async function riskArea(): Promise<string> {
    const id = newId();
    const now = nowIso();
    const y = ++year;
    await ctx.t.deps.db.db
      .insertInto('riskAreas')
      .values({
        id,
        code: '420102',
        name: '湖北省 武汉市 江岸区',
        level: 'high',
        startsOn: `${y}-01-01`,
        endsOn: `${y}-12-31`,
        note: null,
        createdAt: now,
        updatedAt: now,
      })
      .execute();
    return id;
  }

  return {
    'GET /api/v1/divisions': { scoped: false, build: async () => ({ url: `${API}/divisions?q=${encodeURIComponent('武汉')}` }) },
    'GET /api/v1/divisions/:code': { scoped: false, build: async () => ({ url: `${API}/divisions/420102` }) },
    'GET /api/v1/risk-areas': { scoped: false, build: async () => ({ url: `${API}/risk-areas?active=true` }) },
    'POST /api/v1/risk-areas': {
      scoped: false,
      status: 201,
      build: async () => {
        const y = ++year;
        return {
          url: `${API}/risk-areas`,
          body: { code: '420100', level: 'medium', startsOn: `${y}-02-01`, endsOn: `${y}-03-01`, note: ctx.uniq('说明') },
        };
      },
    },
    'PATCH /api/v1/risk-areas/:id': {
      scoped: false,
      build: async () => ({ url: `${API}/risk-areas/${await riskArea()}`, body: { level: 'medium' } }),
    },
    'DELETE /api/v1/risk-areas/:id': { scoped: false, build: async () => ({ url: `${API}/risk-areas/${await riskArea()}` }) },
  };
};
