/**
 * The demo's health reports (健康上报): for every active isolation case, each slot whose window
 * has closed since the case began (two weeks at most) — mostly normal readings, a few fevers with
 * their re-measure and alert (some already closed), about 3 % missed slots with their alert, a few
 * help requests — and personal links for a handful of cases (their tokens are never printed).
 * Runs after the cases demo; written in batches in one transaction.
 */
import { REPORT_SLOTS, type ReportSlot } from '../../common/enums.ts';
import { tokenHash } from '../platform/auth/tokens.ts';
import { addDays, calendarDate } from '../platform/dates.ts';
import { newId, nowIso } from '../platform/db/ids.ts';
import type { AlertTable, HealthReportTable, ResidentTokenTable } from '../platform/db/schema.ts';
import type { Deps } from '../platform/deps.ts';
import { linkExpiry, slotEnd } from '../features/quarantine/health-reports.rules.ts';
import { newResidentToken } from '../features/quarantine/resident-tokens.service.ts';

export interface DemoHealthSummary {
  reports: number;
  fevers: number;
  missed: number;
  help: number;
  alerts: number;
  links: number;
}

/** A fixed sequence, so every demo has the same story. */
function seeded(seed: number) {
  let s = seed >>> 0;
  return () => {
    s = (s * 1664525 + 1013904223) >>> 0;
    return s / 2 ** 32;
  };
}

const HELP = ['家里缺少降压药，请帮忙代购', '需要购买蔬菜和大米', '垃圾需要上门收取', '心里有些焦虑，想和医生聊聊'];
const OUTCOMES = ['已电话联系，体温复测正常', '已安排志愿者送药上门', '已电话提醒按时上报', '已联系社区医生上门查看'];
/** Cases given a personal link in the demo. */
const LINKS = 5;
const CHUNK = 500;

export async function loadDemoHealthReports(deps: Deps): Promise<DemoHealthSummary | null> {
  const {
    db: { db },
    config: { timeZone, reportWindows: windows },
  } = deps;
  if (await db.selectFrom('healthReports').select('id').limit(1).executeTakeFirst()) return null;
  const cases = await db
    .selectFrom('isolationCases')
    .select(['id', 'regionId', 'startsOn', 'endsOn', 'gridWorkerId', 'medicalObserverId'])
    .where('status', '=', 'active')
    .orderBy('id')
    .execute();
  if (!cases.length) return null;

  const random = seeded(20200210);
  const now = new Date();
  const today = calendarDate(timeZone, now);
  const reports: HealthReportTable[] = [];
  const alerts: AlertTable[] = [];
  const summary: DemoHealthSummary = { reports: 0, fevers: 0, missed: 0, help: 0, alerts: 0, links: 0 };
  const alert = (
    c: (typeof cases)[number],
    kind: AlertTable['kind'],
    slotOn: string,
    slot: ReportSlot,
    at: string,
    reportId: string | null,
  ) => {
    const owner = kind === 'fever' || kind === 'remeasure' ? c.medicalObserverId : c.gridWorkerId;
    // The older ones have been dealt with.
    const closed = slotOn < addDays(today, -1) && random() < 0.7;
    alerts.push({
      id: newId(),
      caseId: c.id,
      regionId: c.regionId,
      kind,
      slotOn,
      slot,
      reportId,
      ownerAccountId: owner,
      level: 0,
      escalatedAt: null,
      status: closed ? 'closed' : 'open',
      outcome: closed ? OUTCOMES[Math.floor(random() * OUTCOMES.length)]! : null,
      closedBy: closed ? owner : null,
      closedAt: closed ? at : null,
      createdAt: at,
      updatedAt: at,
    });
  };

  for (const c of cases) {
    const first = c.startsOn > addDays(today, -13) ? c.startsOn : addDays(today, -13);
    for (let day = first; day <= today && day <= c.endsOn; day = addDays(day, 1)) {
      for (const slot of REPORT_SLOTS) {
        const end = slotEnd(timeZone, windows, day, slot);
        if (end.getTime() > now.getTime()) continue;
        const endIso = nowIso(end);
        if (random() < 0.03) {
          summary.missed++;
          alert(c, 'missed_slot', day, slot, endIso, null);
          continue;
        }
        // Reported some time inside the window (an hour before it closes, give or take).
        const at = nowIso(new Date(end.getTime() - (20 + random() * 150) * 60_000));
        const id = newId();
        const fever = random() < 0.01;
        const first = fever ? Math.round((37.4 + random() * 1.2) * 10) / 10 : Math.round((36.1 + random() * 0.8) * 10) / 10;
        const second = fever ? (random() < 0.5 ? Math.round((37.3 + random() * 1.0) * 10) / 10 : 36.8) : null;
        const help = !fever && random() < 0.01 ? HELP[Math.floor(random() * HELP.length)]! : null;
        reports.push({
          id,
          caseId: c.id,
          regionId: c.regionId,
          slotOn: day,
          slot,
          temperature: first,
          remeasuredTemperature: second,
          remeasuredAt: second === null ? null : nowIso(new Date(Date.parse(at) + 30 * 60_000)),
          fever: (second ?? first) >= 37.3 ? 1 : 0,
          symptoms: JSON.stringify(fever ? ['fever', 'fatigue'] : []),
          feeling: fever ? 'unwell' : random() < 0.9 ? 'good' : 'fair',
          helpRequest: help,
          late: 0,
          enteredBy: null,
          reportedAt: at,
          createdAt: at,
          updatedAt: at,
          anonymisedAt: null,
        });
        if (fever) {
          summary.fevers++;
          if (second !== null && second >= 37.3) alert(c, 'fever', day, slot, at, id);
        }
        if (help) {
          summary.help++;
          alert(c, 'help', day, slot, at, id);
        }
      }
    }
  }

  const tokens: ResidentTokenTable[] = cases.slice(0, LINKS).map((c) => ({
    id: newId(),
    purpose: 'health_report',
    caseId: c.id,
    householdId: null,
    tokenHash: tokenHash(newResidentToken()),
    expiresAt: nowIso(linkExpiry(timeZone, c.endsOn)),
    revokedAt: null,
    createdBy: null,
    createdAt: nowIso(now),
  }));

  await db.transaction().execute(async (trx) => {
    for (let i = 0; i < reports.length; i += CHUNK)
      await trx
        .insertInto('healthReports')
        .values(reports.slice(i, i + CHUNK))
        .execute();
    for (let i = 0; i < alerts.length; i += CHUNK)
      await trx
        .insertInto('alerts')
        .values(alerts.slice(i, i + CHUNK))
        .execute();
    if (tokens.length) await trx.insertInto('residentTokens').values(tokens).execute();
  });
  return { ...summary, reports: reports.length, alerts: alerts.length, links: tokens.length };
}
