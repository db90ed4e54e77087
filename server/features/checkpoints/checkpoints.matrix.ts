import type { CaseTable, Where } from '../../../test/matrix.ts';
import { API } from '../../../test/requests.ts';
import { newId, nowIso } from '../../platform/db/ids.ts';
import { XLSX_MIME } from '../../platform/http/xlsx.ts';
import { newCheckInCode } from './checkpoints.code.ts';
import { checkpointsWorkbook } from './checkpoints.xlsx.ts';

/**
 * The checkpoint registry. Records are made straight in the database, so a case depends on no
 * other route; the record of an "out" case lies in county B, which only the admin reaches.
 */
export const checkpointsMatrix: CaseTable = (ctx) => {
  const area = ctx.area;

  async function checkpoint(where: Where): Promise<string> {
    const id = newId();
    const now = nowIso();
    await ctx.t.deps.db.db
      .insertInto('checkpoints')
      .values({
        id,
        name: ctx.uniq('矩阵卡点'),
        kind: 'estate_gate',
        regionId: area(where).grid.id,
        address: null,
        lat: null,
        lng: null,
        risk: 3,
        hours24: 1,
        opensAt: null,
        closesAt: null,
        shiftPattern: JSON.stringify([{ start: '08:00', end: '20:00', people: 2 }]),
        teamId: null,
        status: 'active',
        checkInCode: newCheckInCode(),
        note: null,
        createdAt: now,
        updatedAt: now,
      })
      .execute();
    return id;
  }

  const body = (where: Where) => ({
    name: ctx.uniq('新卡点'),
    kind: 'village_entrance',
    regionId: area(where).community.id,
    risk: 2,
    hours24: false,
    opensAt: '06:00',
    closesAt: '22:00',
    shiftPattern: [
      { start: '06:00', end: '14:00', people: 2 },
      { start: '14:00', end: '22:00', people: 2 },
    ],
  });

  return {
    'GET /api/v1/checkpoints': {
      scoped: true,
      build: async (where) => ({ url: `${API}/checkpoints?regionId=${area(where).county.id}` }),
    },
    'GET /api/v1/checkpoints/:id': {
      scoped: true,
      build: async (where) => ({ url: `${API}/checkpoints/${await checkpoint(where)}` }),
    },
    'POST /api/v1/checkpoints': {
      scoped: true,
      status: 201,
      build: async (where) => ({ url: `${API}/checkpoints`, body: body(where) }),
    },
    'PATCH /api/v1/checkpoints/:id': {
      scoped: true,
      build: async (where) => ({
        url: `${API}/checkpoints/${await checkpoint(where)}`,
        body: { risk: 4, note: ctx.uniq('说明') },
      }),
    },
    'DELETE /api/v1/checkpoints/:id': {
      scoped: true,
      build: async (where) => ({ url: `${API}/checkpoints/${await checkpoint(where)}` }),
    },
    'GET /api/v1/checkpoints/:id/placard': {
      scoped: true,
      build: async (where) => ({ url: `${API}/checkpoints/${await checkpoint(where)}/placard` }),
    },
    'GET /api/v1/checkpoints/placards': {
      scoped: true,
      build: async (where) => {
        await checkpoint(where);
        return { url: `${API}/checkpoints/placards?regionId=${area(where).community.id}` };
      },
    },
    'GET /api/v1/checkpoints/import-template': {
      scoped: false,
      build: async () => ({ url: `${API}/checkpoints/import-template` }),
    },
    'GET /api/v1/checkpoints/export': {
      scoped: true,
      build: async (where) => ({ url: `${API}/checkpoints/export?regionId=${area(where).county.id}` }),
    },
    // A place outside the caller's area reads as one that does not exist: the row is reported, nothing written.
    'POST /api/v1/checkpoints/import': {
      scoped: false,
      status: 200,
      expectFor: (role, where) => (where === 'out' && role !== 'admin' ? 422 : undefined),
      build: async (where) => {
        const payload = await checkpointsWorkbook([
          {
            name: ctx.uniq('导入卡点'),
            kind: '小区门岗',
            region: area(where).grid.code ?? '',
            address: '',
            lat: null,
            lng: null,
            risk: '3',
            hours: '24小时',
            pattern: '08:00-20:00×2; 20:00-08:00×1',
            team: '',
            note: '',
          },
        ]);
        return { url: `${API}/checkpoints/import`, raw: { payload, contentType: XLSX_MIME } };
      },
    },
  };
};
