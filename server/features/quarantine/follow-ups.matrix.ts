import type { CaseTable, Where } from '../../../test/matrix.ts';
import { API } from '../../../test/requests.ts';
import { newId, nowIso } from '../../platform/db/ids.ts';

/** Follow-up tasks, made straight in the database in the community of the caller's county or the other one. */
export const followUpsMatrix: CaseTable = (ctx) => {
  async function followUp(where: Where): Promise<string> {
    const id = newId();
    const now = nowIso();
    await ctx.t.deps.db.db
      .insertInto('followUps')
      .values({
        id,
        regionId: ctx.area(where).community.id,
        kind: 'fever',
        sourceKind: 'passage',
        sourceId: newId(),
        personName: '张三',
        personMobile: '13800138000',
        details: JSON.stringify({ occurredAt: now, temperature: 38.1, remeasured: 38.0 }),
        status: 'open',
        assignedTo: null,
        outcome: null,
        closedAt: null,
        closedBy: null,
        createdAt: now,
        updatedAt: now,
      })
      .execute();
    return id;
  }

  return {
    'GET /api/v1/follow-ups': {
      scoped: true,
      build: async (where) => ({ url: `${API}/follow-ups?regionId=${ctx.area(where).county.id}&status=open` }),
    },
    'GET /api/v1/follow-ups/:id': {
      scoped: true,
      build: async (where) => ({ url: `${API}/follow-ups/${await followUp(where)}` }),
    },
    'POST /api/v1/follow-ups/:id/reveal': {
      scoped: true,
      alsoRequires: ['followUps.read'],
      build: async (where) => ({ url: `${API}/follow-ups/${await followUp(where)}/reveal`, body: {} }),
    },
    'POST /api/v1/follow-ups/:id/take': {
      scoped: true,
      build: async (where) => ({ url: `${API}/follow-ups/${await followUp(where)}/take`, body: {} }),
    },
    'POST /api/v1/follow-ups/:id/close': {
      scoped: true,
      build: async (where) => ({
        url: `${API}/follow-ups/${await followUp(where)}/close`,
        body: { outcome: '已电话联系，居家观察' },
      }),
    },
  };
};
