import type { CaseTable, Where } from '../../../test/matrix.ts';
import { testIdNumber } from '../../../test/identity.ts';
import { API } from '../../../test/requests.ts';
import { newId, nowIso } from '../../platform/db/ids.ts';
import { XLSX_MIME } from '../../platform/http/xlsx.ts';
import { sealIdNumber } from '../../platform/pii/identity.ts';
import { streamedBuffer } from '../../platform/spreadsheet.ts';
import { writeHouseholds, type SheetLine } from './households.import.ts';

/**
 * 一户一档. Each case gets a fresh household (with one member) in the grid of its side, made
 * straight in the database, so deletes and member changes never collide between roles.
 */
export const householdsMatrix: CaseTable = (ctx) => {
  const db = () => ctx.t.deps.db.db;
  const idNumber = testIdNumber();

  async function household(where: Where): Promise<{ id: string; residentId: string }> {
    const id = newId();
    const residentId = newId();
    const now = nowIso();
    await db()
      .insertInto('households')
      .values({
        id,
        regionId: ctx.area(where).grid.id,
        building: '1号楼',
        unit: '1单元',
        room: '101',
        address: ctx.uniq('矩阵小区1号楼1单元101室-'),
        housing: 'owner',
        note: null,
        createdAt: now,
        updatedAt: now,
      })
      .execute();
    await db()
      .insertInto('residents')
      .values({
        id: residentId,
        householdId: id,
        name: '张三',
        ...sealIdNumber(ctx.t.deps.pii, idNumber),
        mobile: '13800138000',
        relation: 'head',
        createdAt: now,
        updatedAt: now,
      })
      .execute();
    return { id, residentId };
  }

  const workbook = (lines: SheetLine[]): Promise<Buffer> => streamedBuffer((out) => writeHouseholds(out, [lines]));

  return {
    'GET /api/v1/households': {
      scoped: true,
      build: async (where) => ({ url: `${API}/households?regionId=${ctx.area(where).county.id}` }),
    },
    // The search answers only what is in the caller's scope: no record to be foreign.
    'GET /api/v1/households/residents': {
      scoped: false,
      build: async () => ({ url: `${API}/households/residents?idNumber=${idNumber}` }),
    },
    'GET /api/v1/households/:id': {
      scoped: true,
      build: async (where) => ({ url: `${API}/households/${(await household(where)).id}` }),
    },
    'POST /api/v1/households': {
      scoped: true,
      status: 201,
      build: async (where) => ({
        url: `${API}/households`,
        body: {
          regionId: ctx.area(where).grid.id,
          address: ctx.uniq('矩阵新建-'),
          housing: 'rented',
          members: [{ name: '李四', relation: 'tenant', idNumber: testIdNumber() }],
        },
      }),
    },
    'PATCH /api/v1/households/:id': {
      scoped: true,
      build: async (where) => ({ url: `${API}/households/${(await household(where)).id}`, body: { housing: 'vacant' } }),
    },
    'DELETE /api/v1/households/:id': {
      scoped: true,
      build: async (where) => ({ url: `${API}/households/${(await household(where)).id}` }),
    },
    'POST /api/v1/households/:id/residents': {
      scoped: true,
      status: 201,
      build: async (where) => ({
        url: `${API}/households/${(await household(where)).id}/residents`,
        body: { name: '王五', relation: 'child' },
      }),
    },
    'PATCH /api/v1/households/:id/residents/:residentId': {
      scoped: true,
      build: async (where) => {
        const h = await household(where);
        return { url: `${API}/households/${h.id}/residents/${h.residentId}`, body: { mobile: '13900139000' } };
      },
    },
    'DELETE /api/v1/households/:id/residents/:residentId': {
      scoped: true,
      build: async (where) => {
        const h = await household(where);
        return { url: `${API}/households/${h.id}/residents/${h.residentId}` };
      },
    },
    // Revealing needs reading the household too.
    'POST /api/v1/households/:id/residents/:residentId/reveal': {
      scoped: true,
      alsoRequires: ['households.read'],
      build: async (where) => {
        const h = await household(where);
        return { url: `${API}/households/${h.id}/residents/${h.residentId}/reveal`, body: {} };
      },
    },
    'GET /api/v1/households/import-template': {
      scoped: false,
      build: async () => ({ url: `${API}/households/import-template` }),
    },
    'GET /api/v1/households/export': {
      scoped: true,
      build: async (where) => ({ url: `${API}/households/export?regionId=${ctx.area(where).county.id}` }),
    },
    // A row outside the caller's area is an invalid row (422), as a region code that does not exist would be.
    'POST /api/v1/households/import': {
      scoped: false,
      expectFor: (role, where) => (where === 'out' && role !== 'admin' ? 422 : undefined),
      build: async (where) => {
        const payload = await workbook([
          {
            regionCode: ctx.area(where).grid.code ?? '',
            building: '2号楼',
            unit: '1单元',
            room: '202',
            address: ctx.uniq('矩阵导入-'),
            housing: '自住',
            note: '',
            name: '赵六',
            relation: '户主',
            idNumber: testIdNumber(),
            mobile: '',
          },
        ]);
        return { url: `${API}/households/import?dryRun=true`, raw: { payload, contentType: XLSX_MIME } };
      },
    },
  };
};
