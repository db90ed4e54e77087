import type { CaseTable, Where } from '../../../test/matrix.ts';
import { API } from '../../../test/requests.ts';
import { newId, nowIso } from '../../platform/db/ids.ts';

/**
 * Conflicts written straight to the table, a fresh open one per call (a resolved one answers
 * 409). They are check-in conflicts, so settling one also needs `duty.read` over its region: a
 * medical observer holds `conflicts.review` for cases only.
 */
export const syncMatrix: CaseTable = (ctx) => {
  async function conflict(where: Where): Promise<string> {
    const id = newId();
    const now = nowIso();
    await ctx.t.deps.db.db
      .insertInto('offlineConflicts')
      .values({
        id,
        kind: 'shift_reassigned',
        reason: 'sync.reason.checkInReassigned',
        reasonParams: JSON.stringify({ made: '2月10日 07:55', checkpoint: '矩阵卡点', time: '2月10日 08:00–16:00' }),
        regionId: ctx.area(where).community.id,
        accountId: null,
        volunteerId: null,
        checkpointId: null,
        shiftId: null,
        caseId: null,
        entry: JSON.stringify({ action: 'checkIn', at: now, withPosition: false }),
        entrySealed: 0,
        madeAt: now,
        receivedAt: now,
        status: 'open',
        resolvedBy: null,
        resolvedAt: null,
        resolutionNote: null,
      })
      .execute();
    return id;
  }

  return {
    'GET /api/v1/sync/conflicts': { scoped: false, build: async () => ({ url: `${API}/sync/conflicts` }) },
    'POST /api/v1/sync/conflicts/:id/resolve': {
      scoped: true,
      alsoRequires: ['duty.read'],
      build: async (where) => ({
        url: `${API}/sync/conflicts/${await conflict(where)}/resolve`,
        body: { note: '已核实，补记工时' },
      }),
    },
  };
};
