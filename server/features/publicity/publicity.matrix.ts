import type { Kysely } from 'kysely';
import type { CaseTable, Where } from '../../../test/matrix.ts';
import { API } from '../../../test/requests.ts';
import { calendarDate } from '../../platform/dates.ts';
import { newId, nowIso } from '../../platform/db/ids.ts';
import type { Database } from '../../platform/db/schema.ts';
import { insertCase, insertToken } from '../quarantine/health-reports.matrix.ts';

const DAY_MS = 86_400_000;

/**
 * A live personal link of an active case in a region. No mobile: the case table allows one active
 * case per name and mobile, and every test case here is 张小明.
 */
export async function residentLink(db: Kysely<Database>, regionId: string): Promise<string> {
  return insertToken(db, await insertCase(db, { regionId, mobile: null }));
}

/** Publicity entries and announcements in county A or B, written straight into their tables. */
export const publicityMatrix: CaseTable = (ctx) => {
  const db = () => ctx.t.deps.db.db;
  let author: string | undefined;
  async function entry(where: Where): Promise<string> {
    author ??= (await ctx.t.factory.account({ grants: [{ role: 'volunteer', regionId: ctx.w.a.grid.id }] })).id;
    const id = newId();
    const now = nowIso();
    await db()
      .insertInto('publicityLogs')
      .values({
        id,
        regionId: ctx.area(where).community.id,
        checkpointId: null,
        material: 'poster',
        title: '《致居民的一封信》',
        quantity: 20,
        place: null,
        doneAt: now,
        doneOn: calendarDate(ctx.t.deps.config.timeZone),
        byAccountId: author,
        teamId: null,
        note: null,
        createdAt: now,
      })
      .execute();
    return id;
  }
  async function announcement(where: Where): Promise<string> {
    const id = newId();
    const now = Date.now();
    await db()
      .insertInto('announcements')
      .values({
        id,
        regionId: ctx.area(where).community.id,
        title: '出入管理通知',
        body: '小区实行封闭管理。',
        publishAt: nowIso(new Date(now - 60_000)),
        expiresAt: nowIso(new Date(now + 7 * DAY_MS)),
        withdrawnAt: null,
        withdrawnBy: null,
        createdBy: null,
        createdAt: nowIso(),
        updatedAt: nowIso(),
      })
      .execute();
    return id;
  }
  return {
    'GET /api/v1/publicity/logs': {
      scoped: true,
      build: async (where) => ({ url: `${API}/publicity/logs?regionId=${ctx.area(where).county.id}` }),
    },
    'POST /api/v1/publicity/logs': {
      scoped: true,
      status: 201,
      build: async (where) => ({
        url: `${API}/publicity/logs`,
        body: { material: 'leaflet', title: '防控知识宣传单', quantity: 200, regionId: ctx.area(where).community.id },
      }),
    },
    'DELETE /api/v1/publicity/logs/:id': {
      scoped: true,
      build: async (where) => ({ url: `${API}/publicity/logs/${await entry(where)}?reason=${encodeURIComponent('重复登记')}` }),
    },
    'GET /api/v1/publicity/totals': {
      scoped: true,
      build: async (where) => ({ url: `${API}/publicity/totals?regionId=${ctx.area(where).county.id}` }),
    },
    'GET /api/v1/publicity/checkpoints': {
      scoped: true,
      build: async (where) => ({ url: `${API}/publicity/checkpoints?regionId=${ctx.area(where).community.id}` }),
    },
    'GET /api/v1/publicity/teams': { scoped: false, build: async () => ({ url: `${API}/publicity/teams` }) },

    'GET /api/v1/announcements': {
      scoped: true,
      build: async (where) => ({ url: `${API}/announcements?regionId=${ctx.area(where).county.id}` }),
    },
    'POST /api/v1/announcements': {
      scoped: true,
      status: 201,
      build: async (where) => ({
        url: `${API}/announcements`,
        body: {
          regionId: ctx.area(where).community.id,
          title: ctx.uniq('生活物资配送通知'),
          body: '本周起每日上午集中配送。\n请居民在群内接龙。',
          expiresAt: nowIso(new Date(Date.now() + 7 * DAY_MS)),
        },
      }),
    },
    'POST /api/v1/announcements/:id/withdraw': {
      scoped: true,
      build: async (where) => ({
        url: `${API}/announcements/${await announcement(where)}/withdraw`,
        body: { reason: '内容有误' },
      }),
    },
    'GET /api/v1/announcements/reaching': {
      scoped: true,
      build: async (where) => ({ url: `${API}/announcements/reaching?regionId=${ctx.area(where).grid.id}` }),
    },
    // Anyone with a live link; the link's own region chain is all it answers (publicity.test.ts).
    'GET /api/v1/h/:token/announcements': {
      scoped: false,
      build: async (where) => ({
        url: `${API}/h/${await residentLink(db(), ctx.area(where).grid.id)}/announcements`,
      }),
    },
  };
};
