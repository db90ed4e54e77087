import type { CaseTable, Where } from '../../../test/matrix.ts';
import { API } from '../../../test/requests.ts';
import { newId, nowIso } from '../../platform/db/ids.ts';

/**
 * A volunteer per side with one duty on the record (so a certificate can be issued), and
 * certificates written straight into the table: a fresh one for each revocation.
 */
export const certificatesMatrix: CaseTable = (ctx) => {
  const db = () => ctx.t.deps.db.db;
  const fixed: Partial<Record<Where, Promise<{ id: string; regionPath: string }>>> = {};

  const volunteer = (where: Where) =>
    (fixed[where] ??= (async () => {
      const grid = ctx.area(where).grid;
      const { id } = await ctx.t.factory.volunteer({ regionId: grid.id });
      await db()
        .insertInto('serviceRecords')
        .values({
          id: newId(),
          volunteerId: id,
          kind: 'duty',
          sourceId: newId(),
          title: '卡点值守',
          hours: 8,
          occurredOn: '2020-02-05',
          createdBy: null,
          createdAt: nowIso(),
        })
        .execute();
      return { id, regionPath: grid.path };
    })());

  async function certificate(where: Where): Promise<{ id: string; code: string }> {
    const v = await volunteer(where);
    const id = newId();
    // Sixteen of 0-9 A-Z from the id's random tail, unique as the id is.
    const code = id.replace(/-/g, '').slice(-16).toUpperCase();
    await db()
      .insertInto('serviceCertificates')
      .values({
        id,
        volunteerId: v.id,
        regionPath: v.regionPath,
        code,
        periodFrom: '2020-02-01',
        periodTo: '2020-02-29',
        issuer: '矩阵指挥部',
        content: JSON.stringify({
          name: '矩阵',
          unitName: null,
          regionName: '网格',
          partyMember: false,
          hours: 8,
          entries: 1,
          byKind: { duty: 1, errand: 0, inspection: 0, screening: 0, disinfection: 0, commendation: 0, other: 0 },
          commendations: [],
        }),
        issuedAt: nowIso(),
        issuedBy: null,
        revokedAt: null,
        revokedReason: null,
      })
      .execute();
    return { id, code };
  }

  return {
    'POST /api/v1/volunteers/:id/certificates': {
      scoped: true,
      status: 201,
      build: async (where) => ({
        url: `${API}/volunteers/${(await volunteer(where)).id}/certificates`,
        body: { issuer: '矩阵指挥部' },
      }),
    },
    'GET /api/v1/volunteers/:id/certificates': {
      scoped: true,
      build: async (where) => ({ url: `${API}/volunteers/${(await volunteer(where)).id}/certificates` }),
    },
    'GET /api/v1/certificates/:id': {
      scoped: true,
      build: async (where) => ({ url: `${API}/certificates/${(await certificate(where)).id}` }),
    },
    'POST /api/v1/certificates/:id/revoke': {
      scoped: true,
      build: async (where) => ({
        url: `${API}/certificates/${(await certificate(where)).id}/revoke`,
        body: { reason: '出具有误' },
      }),
    },
    // The code is the access: a certificate of either county answers anyone.
    'GET /api/v1/c/:code': {
      scoped: false,
      build: async (where) => ({ url: `${API}/c/${(await certificate(where)).code}` }),
    },
  };
};
