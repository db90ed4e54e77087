/**
 * Offline conflicts for the demo city (issue 11): entries that phones kept while out of signal and
 * sent after the record they belonged to had changed, so 离线冲突 opens with the cases a desk
 * really meets.
 *
 * - Reports made by people in isolation shortly before their case closed (sent to hospital, or
 *   released at the end date) that arrived hours later.
 * - 赵志刚's check-in at a 雪松社区 checkpoint for the shift in progress, which he had been taken off
 *   before it began while his phone showed the old roster.
 *
 * What came before the entries (the links issued with the cases, the change to the roster) is
 * written as the services would have written it at the time; the entries themselves go through
 * the real health-report and check-in services, which keep them as conflicts, tell the people who
 * settle them and audit them. Runs after the duty and quarantine demos.
 */
import type { Feeling, Symptom } from '../../common/enums.ts';
import { findAccount, findAccountForLogin } from '../features/accounts/accounts.repository.ts';
import { accountsService } from '../features/accounts/accounts.service.ts';
import { checkpointsService } from '../features/checkpoints/checkpoints.service.ts';
import { attendanceService } from '../features/duty/attendance.service.ts';
import * as rosterRepo from '../features/duty/rosters.repository.ts';
import { alertsService } from '../features/quarantine/alerts.service.ts';
import { healthReportsService } from '../features/quarantine/health-reports.service.ts';
import { linkExpiry } from '../features/quarantine/health-reports.rules.ts';
import { insertToken } from '../features/quarantine/resident-tokens.repository.ts';
import { newResidentToken, residentTokensService } from '../features/quarantine/resident-tokens.service.ts';
import { regionsService } from '../features/regions/regions.service.ts';
import * as syncRepo from '../features/sync/sync.repository.ts';
import { syncService } from '../features/sync/sync.service.ts';
import { teamsService } from '../features/teams/teams.service.ts';
import { unitsService } from '../features/units/units.service.ts';
import { volunteerOfAccount } from '../features/volunteers/volunteers.repository.ts';
import { volunteersService } from '../features/volunteers/volunteers.service.ts';
import type { Actor } from '../platform/access/actor.ts';
import { auditWrite, type CallContext } from '../platform/audit/audit.ts';
import { tokenHash } from '../platform/auth/tokens.ts';
import { startsWith } from '../platform/db/dialect.ts';
import { newId, nowIso } from '../platform/db/ids.ts';
import { transact } from '../platform/db/transact.ts';
import type { Deps } from '../platform/deps.ts';
import { seededRandom } from './demo-people.ts';

export interface DemoConflictsSummary {
  caseReleased: number;
  /** Of those, settled by the case's doctor a few hours after they arrived. */
  resolved: number;
  shiftReassigned: number;
}

const MINUTE = 60_000;
const HOUR = 60 * MINUTE;
const DAY = 24 * HOUR;
/** 雪松社区: its manager (陈静) is the demo's desk for conflicts. */
const XUESONG = '411702008-001';
const CLOSED_CASES = 4;

/** What the phone kept: a transferred case's last report before the ambulance, a released one's routine one. */
const REPORTS: Record<
  'transferred' | 'released',
  { temperature: number; symptoms: Symptom[]; feeling: Feeling; helpRequest?: string }
> = {
  transferred: {
    temperature: 38.4,
    symptoms: ['fever', 'dry_cough', 'fatigue'],
    feeling: 'unwell',
    helpRequest: '发烧了，需要联系医生',
  },
  released: { temperature: 36.5, symptoms: [], feeling: 'good' },
};

/** What the doctor wrote when settling one. */
const RESOLUTIONS: Record<'transferred' | 'released', string> = {
  transferred: '已与市中心医院核实：本人已入院，报告中的体温和症状已转告接诊医生。',
  released: '解除前最后一次上报，体温正常，无需处理，已归档。',
};

export async function loadDemoConflicts(deps: Deps): Promise<DemoConflictsSummary | null> {
  const { db } = deps.db;
  if (await db.selectFrom('offlineConflicts').select('id').limit(1).executeTakeFirst()) return null;
  const rnd = seededRandom(20200216);
  const now = Date.now();

  const regions = regionsService(deps);
  const sync = syncService(deps);
  const healthReports = healthReportsService(deps, {
    tokens: residentTokensService(deps),
    alerts: alertsService(deps, { regions, accounts: accountsService(deps, regions) }),
    sync,
  });

  // 1. Reports that arrived after the case closed, the latest closes first: two in 雪松社区, two elsewhere.
  const closed = await db
    .selectFrom('isolationCases as c')
    .innerJoin('regions as r', 'r.id', 'c.regionId')
    .innerJoin('caseEvents as e', (j) => j.onRef('e.caseId', '=', 'c.id').on('e.kind', 'in', ['released', 'transferred']))
    .select([
      'c.id',
      'c.status',
      'c.endsOn',
      'c.createdAt',
      'c.medicalObserverId',
      'c.gridWorkerId',
      'e.at as closedAt',
      'r.path',
    ])
    .where('c.status', 'in', ['released', 'transferred'])
    // Received a few hours after the close, and still before now.
    .where('e.at', '<', nowIso(new Date(now - 6 * HOUR)))
    .where('e.at', '>', nowIso(new Date(now - 10 * DAY)))
    .orderBy('e.at', 'desc')
    .orderBy('c.id')
    .execute();
  const xuesong = await db.selectFrom('regions').select('path').where('code', '=', XUESONG).executeTakeFirst();
  const inXuesong = (c: { path: string }) => xuesong !== undefined && c.path.startsWith(xuesong.path);
  const chosen = [...closed.filter(inXuesong).slice(0, 2), ...closed.filter((c) => !inXuesong(c))].slice(0, CLOSED_CASES);
  let caseReleased = 0;
  let resolved = 0;
  for (const [i, c] of chosen.entries()) {
    const closedAt = Date.parse(c.closedAt);
    // The link issued with the case, revoked when it closed (as the release and transfer do).
    const token = newResidentToken();
    await insertToken(db, {
      id: newId(),
      purpose: 'health_report',
      caseId: c.id,
      householdId: null,
      tokenHash: tokenHash(token),
      expiresAt: nowIso(linkExpiry(deps.config.timeZone, c.endsOn)),
      revokedAt: c.closedAt,
      createdBy: null,
      createdAt: c.createdAt,
    });
    const kind = c.status === 'transferred' ? 'transferred' : 'released';
    const madeAt = nowIso(new Date(closedAt - (20 + Math.floor(rnd() * 70)) * MINUTE));
    const received = new Date(closedAt + (2 + rnd() * 3) * HOUR);
    const call: CallContext = { actorId: null, actorLogin: null, ip: null };
    const r = await healthReports.submit('demo', call, token, { ...REPORTS[kind], madeAt }, received);
    if (!('conflict' in r)) continue;
    caseReleased++;
    // The latest of each pair still waits; the older one was settled by the case's doctor within hours.
    const by = c.medicalObserverId ?? c.gridWorkerId;
    if (by && i % 2 === 1) {
      const at = nowIso(new Date(Math.min(received.getTime() + (1 + rnd() * 2) * HOUR, now - 5 * MINUTE)));
      const note = RESOLUTIONS[kind];
      const doctor: CallContext = { actorId: by, actorLogin: (await findAccount(db, by))?.login ?? null, ip: null };
      await transact(db, doctor, async (trx) => {
        await syncRepo.resolveConflict(trx, r.conflict.id, { by, at, note });
        await auditWrite(trx, doctor, 'conflict.resolve', 'offline_conflict', r.conflict.id, c.path, {
          kind: r.conflict.kind,
          note,
        });
      });
      resolved++;
    }
  }

  return { caseReleased, resolved, shiftReassigned: await reassignedCheckIn() };

  /**
   * 赵志刚 was on the shift in progress at a 雪松社区 checkpoint and was taken off it two hours
   * before it began (sent to support another post); his phone, offline since the evening, still
   * showed it, so he checked in there a few minutes after the start, and the entry arrived now.
   */
  async function reassignedCheckIn(): Promise<number> {
    const account = await findAccountForLogin(db, 'leader');
    const zhao = account && (await volunteerOfAccount(db, account.id));
    if (!account || !zhao || !xuesong) return 0;
    // Made a few minutes after the start and at least two minutes before now (it waited on the phone).
    const latest = now - 2 * MINUTE;
    const shift = await db
      .selectFrom('rosterShifts as s')
      .innerJoin('rosters as ro', 'ro.id', 's.rosterId')
      .innerJoin('checkpoints as cp', 'cp.id', 's.checkpointId')
      .innerJoin('regions as r', 'r.id', 'cp.regionId')
      .select(['s.id', 's.rosterId', 's.startsAt', 'cp.checkInCode'])
      .where('ro.status', '=', 'published')
      .where(startsWith('r.path', xuesong.path))
      .where('s.startsAt', '<=', nowIso(new Date(latest)))
      .where('s.endsAt', '>', nowIso(new Date(now)))
      // A checkpoint where he has no shift of his own: his check-in there can only be for the lost one.
      .where(({ not, exists, selectFrom }) =>
        not(
          exists(
            selectFrom('rosterAssignments as a')
              .innerJoin('rosterShifts as own', 'own.id', 'a.shiftId')
              .select('a.id')
              .whereRef('own.checkpointId', '=', 's.checkpointId')
              .where('a.volunteerId', '=', zhao.id),
          ),
        ),
      )
      .orderBy('s.startsAt', 'desc')
      .orderBy('cp.name')
      .executeTakeFirst();
    if (!shift) return 0;
    const startsAt = Date.parse(shift.startsAt);
    const changedAt = nowIso(new Date(startsAt - 2 * HOUR));
    await db.transaction().execute(async (trx) => {
      const version = await rosterRepo.bumpVersion(trx, shift.rosterId, nowIso(new Date(now)));
      await rosterRepo.insertChange(trx, {
        id: newId(),
        rosterId: shift.rosterId,
        version,
        at: changedAt,
        byAccountId: (await findAccountForLogin(trx, 'xuesong'))?.id ?? null,
        action: 'unassign',
        shiftId: shift.id,
        volunteerId: zhao.id,
        otherShiftId: null,
        otherVolunteerId: null,
        reason: '调往驻马店北站卡点支援',
      });
    });

    const units = unitsService(deps, regions);
    const volunteers = volunteersService(deps, { regions, units });
    const teams = teamsService(deps, { regions, volunteers });
    const checkpoints = checkpointsService(deps, { regions, teams });
    const attendance = attendanceService(deps, { regions, volunteers, teams, checkpoints, sync });
    const actor: Actor = {
      accountId: account.id,
      login: account.login,
      name: account.name,
      grants: account.grants.map(({ id, role, regionId, regionPath }) => ({ id, role, regionId, regionPath })),
      sessionId: 'demo',
    };
    const call: CallContext = { actorId: account.id, actorLogin: account.login, ip: null };
    const made = Math.min(startsAt + (2 + Math.floor(rnd() * 6)) * MINUTE, latest);
    const r = await attendance.checkIn(actor, call, { code: shift.checkInCode, at: nowIso(new Date(made)) });
    return 'conflict' in r ? 1 : 0;
  }
}
