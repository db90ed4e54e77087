import type { CaseTable, Where } from '../../../test/matrix.ts';
import { API } from '../../../test/requests.ts';
import { calendarDate } from '../../platform/dates.ts';
import { newId, nowIso } from '../../platform/db/ids.ts';

/** A county's daily report (another county's looks missing), written straight into the table. */
export const dailyReportMatrix: CaseTable = (ctx) => {
  let author: string | undefined;
  async function report(where: Where): Promise<string> {
    // By someone: the evening job writes only one report per region and day.
    author ??= (await ctx.t.factory.account({ grants: [{ role: 'commander', regionId: ctx.w.city.id }] })).id;
    const county = ctx.area(where).county;
    const day = calendarDate(ctx.t.deps.config.timeZone);
    const id = newId();
    const content = {
      region: { id: county.id, name: county.name, level: county.level },
      day,
      figuresAt: nowIso(),
      rows: [{ regionId: county.id, name: county.name, level: county.level, total: true }],
      sections: [{ key: 'volunteers', columns: ['volunteersActive'], cells: [[3]] }],
    };
    const last = await ctx.t.deps.db.db
      .selectFrom('dailyReports')
      .select((eb) => eb.fn.max('version').as('v'))
      .where('regionId', '=', county.id)
      .where('day', '=', day)
      .executeTakeFirst();
    await ctx.t.deps.db.db
      .insertInto('dailyReports')
      .values({
        id,
        regionId: county.id,
        day,
        version: Number(last?.v ?? 0) + 1,
        generatedAt: nowIso(),
        generatedBy: author,
        content: JSON.stringify(content),
      })
      .execute();
    return id;
  }
  return {
    'GET /api/v1/reports/daily': {
      scoped: true,
      build: async (where) => ({ url: `${API}/reports/daily?regionId=${ctx.area(where).county.id}` }),
    },
    'POST /api/v1/reports/daily': {
      scoped: true,
      status: 201,
      build: async (where) => ({
        url: `${API}/reports/daily`,
        body: { regionId: ctx.area(where).township.id, day: calendarDate(ctx.t.deps.config.timeZone) },
      }),
    },
    'GET /api/v1/reports/daily/:id': {
      scoped: true,
      build: async (where) => ({ url: `${API}/reports/daily/${await report(where)}` }),
    },
    'GET /api/v1/reports/daily/:id/xlsx': {
      scoped: true,
      build: async (where) => ({ url: `${API}/reports/daily/${await report(where)}/xlsx` }),
    },
  };
};
