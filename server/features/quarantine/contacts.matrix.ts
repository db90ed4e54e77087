import type { CaseTable, Where } from '../../../test/matrix.ts';
import { API } from '../../../test/requests.ts';
import { calendarDate } from '../../platform/dates.ts';
import { personRow } from './returnees.matrix.ts';

/** Close contacts, made straight in the database in the community of the caller's county or the other one. */
export const contactsMatrix: CaseTable = (ctx) => {
  const today = () => calendarDate(ctx.t.deps.config.timeZone);
  async function contact(where: Where): Promise<string> {
    const row = { ...personRow(ctx, where), sourceCase: '确诊病例王某的同事', lastExposureOn: today(), exposureKind: 'work' };
    await ctx.t.deps.db.db.insertInto('contacts').values(row).execute();
    return row.id;
  }

  const contactBody = (where: Where) => ({
    regionId: ctx.area(where).grid.id,
    name: ctx.uniq('密接'),
    sourceCase: '确诊病例张某的家属',
    lastExposureOn: today(),
    exposureKind: 'household',
  });

  return {
    'GET /api/v1/contacts': {
      scoped: true,
      build: async (where) => ({ url: `${API}/contacts?regionId=${ctx.area(where).county.id}` }),
    },
    'POST /api/v1/contacts': {
      scoped: true,
      build: async (where) => ({ url: `${API}/contacts`, body: contactBody(where) }),
    },
    'GET /api/v1/contacts/:id': {
      scoped: true,
      build: async (where) => ({ url: `${API}/contacts/${await contact(where)}` }),
    },
    'PATCH /api/v1/contacts/:id': {
      scoped: true,
      build: async (where) => ({ url: `${API}/contacts/${await contact(where)}`, body: { exposureKind: 'gathering' } }),
    },
    'POST /api/v1/contacts/:id/reveal': {
      scoped: true,
      build: async (where) => ({ url: `${API}/contacts/${await contact(where)}/reveal`, body: {} }),
    },
  };
};
