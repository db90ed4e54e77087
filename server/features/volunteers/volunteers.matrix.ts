import type { CaseTable, Where } from '../../../test/matrix.ts';
import { testIdNumber } from '../../../test/identity.ts';
import { XLSX_MIME } from '../../platform/http/xlsx.ts';
import { rosterBuffer } from './volunteers.xlsx.ts';

const API = '/api/v1';

export const volunteersMatrix: CaseTable = (ctx) => {
  const fixed: Partial<Record<Where, Promise<string>>> = {};
  /** One volunteer per side, made on first use (the test app exists only once cases run). */
  const volunteer = (where: Where) =>
    (fixed[where] ??= ctx.t.factory.volunteer({ regionId: ctx.area(where).grid.id }).then((v) => v.id));
  const person = (where: Where) => ({
    name: ctx.uniq('矩阵'),
    gender: 'female',
    idNumber: testIdNumber(),
    mobile: '13700000002',
    partyMember: false,
    homeAddress: '矩阵路 1 号',
    regionId: ctx.area(where).grid.id,
    skills: ['logistics'],
    availability: [{ weekday: 2, band: 'afternoon' }],
  });

  return {
    'GET /api/v1/volunteers': {
      scoped: true,
      build: async (where) => ({ url: `${API}/volunteers?regionId=${ctx.area(where).county.id}&status=active` }),
    },
    'GET /api/v1/volunteers/:id': {
      scoped: true,
      build: async (where) => ({ url: `${API}/volunteers/${await volunteer(where)}` }),
    },
    'POST /api/v1/volunteers': {
      scoped: true,
      status: 201,
      build: async (where) => ({ url: `${API}/volunteers`, body: person(where) }),
    },
    'PATCH /api/v1/volunteers/:id': {
      scoped: true,
      build: async (where) => ({ url: `${API}/volunteers/${await volunteer(where)}`, body: { homeAddress: ctx.uniq('新住址') } }),
    },
    'POST /api/v1/volunteers/:id/status': {
      scoped: true,
      build: async (where) => ({
        url: `${API}/volunteers/${await volunteer(where)}/status`,
        body: { status: 'paused', reason: '居家隔离' },
      }),
    },
    // Revealing needs reading the volunteer too (a medical observer may reveal, but not read the registry).
    'POST /api/v1/volunteers/:id/reveal': {
      scoped: true,
      alsoRequires: ['volunteers.read'],
      build: async (where) => ({ url: `${API}/volunteers/${await volunteer(where)}/reveal`, body: {} }),
    },
    'GET /api/v1/volunteers/:id/service-record': {
      scoped: true,
      build: async (where) => ({ url: `${API}/volunteers/${await volunteer(where)}/service-record` }),
    },
    'POST /api/v1/volunteers/:id/commendations': {
      scoped: true,
      status: 201,
      build: async (where) => ({
        url: `${API}/volunteers/${await volunteer(where)}/commendations`,
        body: { title: '抗疫先锋', reason: '坚守卡点二十天', occurredOn: '2020-02-20' },
      }),
    },
    'GET /api/v1/volunteers/import-template': {
      scoped: false,
      build: async () => ({ url: `${API}/volunteers/import-template` }),
    },
    'GET /api/v1/volunteers/export': {
      scoped: true,
      build: async (where) => ({ url: `${API}/volunteers/export?regionId=${ctx.area(where).county.id}` }),
    },
    // Rows outside the caller's area are reported as invalid rows in a 200 answer, not refused as a whole.
    'POST /api/v1/volunteers/import': {
      scoped: false,
      status: 200,
      build: async (where) => {
        const p = person(where);
        const payload = await rosterBuffer(
          [
            [
              {
                name: p.name,
                gender: '女',
                idNumber: p.idNumber,
                mobile: p.mobile,
                partyMember: '否',
                partyBranch: '',
                unit: '',
                homeAddress: p.homeAddress,
                regionCode: ctx.area(where).grid.code ?? '',
                skills: '后勤保障',
                availability: '周二 下午',
                status: '',
                statusReason: '',
                statusSince: null,
              },
            ],
          ],
          false,
        );
        return { url: `${API}/volunteers/import`, raw: { payload, contentType: XLSX_MIME } };
      },
    },
  };
};
