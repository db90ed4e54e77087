/**
 * The demo's health reports (健康上报) and alerts (预警), as the running system would have left them
 * by now: for every active isolation case, each slot owed since the case began (two weeks at most)
 * — mostly normal readings, a few fevers with their re-measure, about 3 % missed slots, a few help
 * requests. Their alerts were opened when the system would have opened them and almost all closed
 * by whoever owned them then; the few left open have climbed as the escalation job climbs them
 * (its own owner rule: `escalationTarget`). A handful opened minutes ago, at level 0,
 * give the demo doctor and the 雪松社区 grid worker work to see that the first escalation run
 * leaves alone. Personal links for a few cases (their tokens are never printed). Runs after the
 * cases demo; written in batches in one transaction.
 */
import { REPORT_SLOTS, type ReportSlot } from '../../common/enums.ts';
import { findAccountForLogin } from '../features/accounts/accounts.repository.ts';
import { accountsService } from '../features/accounts/accounts.service.ts';
import { escalationTarget } from '../features/quarantine/alerts.service.ts';
import {
  chooseSlot,
  endedSlots,
  linkExpiry,
  slotEnd,
  slotKey,
  slotRequired,
  type CaseDays,
} from '../features/quarantine/health-reports.rules.ts';
import { newResidentToken } from '../features/quarantine/resident-tokens.service.ts';
import { findRegionByCode } from '../features/regions/regions.repository.ts';
import { regionsService } from '../features/regions/regions.service.ts';
import { tokenHash } from '../platform/auth/tokens.ts';
import { addDays, calendarDate } from '../platform/dates.ts';
import { newId, nowIso } from '../platform/db/ids.ts';
import type { AlertTable, HealthReportTable, ResidentTokenTable } from '../platform/db/schema.ts';
import type { Deps } from '../platform/deps.ts';
import { notify, type NewNotification } from '../platform/notify/notify.ts';

export interface DemoHealthSummary {
  reports: number;
  fevers: number;
  missed: number;
  help: number;
  alerts: number;
  /** Alerts still open, and among them the ones opened in the last minutes (level 0). */
  open: number;
  fresh: number;
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
/** How each help request above was met, in the same order. */
const HELPED = ['已安排志愿者送药上门', '已安排志愿者代购送达', '已安排志愿者上门收取', '已联系社区医生电话疏导'];
const OUTCOMES: Record<'fever' | 'remeasure' | 'missed_slot', readonly string[]> = {
  fever: [
    '已电话联系，体温复测正常',
    '已联系社区医生上门查看',
    '已安排就医，排除后继续居家观察',
    '已电话随访，嘱多饮水、继续观察',
  ],
  remeasure: ['已电话联系，体温复测正常', '已联系社区医生上门查看'],
  missed_slot: ['已电话提醒按时上报', '已电话联系，居民已补报', '已上门查看，居民在家情况正常'],
};
/** 雪松社区, where the demo doctor and community manager work. */
const XUESONG = '411702008-001';
/** Cases given a personal link in the demo. */
const LINKS = 5;
/** Past alerts nobody closed. */
const LEFT_OPEN = 0.03;
/** The escalation job's slot (`alerts-escalate`, every 15 minutes). */
const TICK = 15 * 60_000;
const MINUTE = 60_000;
const CHUNK = 500;

export async function loadDemoHealthReports(deps: Deps): Promise<DemoHealthSummary | null> {
  const {
    db: { db },
    config: { timeZone, reportWindows: windows, alertEscalateMinutes },
  } = deps;
  if (await db.selectFrom('healthReports').select('id').limit(1).executeTakeFirst()) return null;
  const cases = await db
    .selectFrom('isolationCases as c')
    .innerJoin('regions as r', 'r.id', 'c.regionId')
    .select([
      'c.id',
      'c.ref',
      'c.regionId',
      'r.path as regionPath',
      'r.name as regionName',
      'c.startsOn',
      'c.endsOn',
      'c.createdAt as openedAt',
      'c.gridWorkerId',
      'c.medicalObserverId',
    ])
    .where('c.status', '=', 'active')
    .orderBy('c.id')
    .execute();
  if (!cases.length) return null;
  type Case = (typeof cases)[number];

  const accounts = accountsService(deps, regionsService(deps));
  const random = seeded(20200210);
  const now = Date.now();
  const today = calendarDate(timeZone, new Date(now));
  const reports: HealthReportTable[] = [];
  const alerts: AlertTable[] = [];
  const notes: NewNotification[] = [];
  const summary: DemoHealthSummary = { reports: 0, fevers: 0, missed: 0, help: 0, alerts: 0, open: 0, fresh: 0, links: 0 };
  const iso = (ms: number) => nowIso(new Date(ms));
  const pick = <T>(list: readonly T[]) => list[Math.floor(random() * list.length)]!;
  const tenth = (t: number) => Math.round(t * 10) / 10;

  // The escalation job's own rule, asked once per region path and level.
  const targets = new Map<string, ReturnType<typeof escalationTarget>>();
  const targetOf = (path: string, level: number) => {
    const key = `${path}|${level}`;
    if (!targets.has(key)) targets.set(key, escalationTarget(db, accounts, path, level));
    return targets.get(key)!;
  };

  /**
   * An alert as the jobs would have carried it to `until` (closed then, or still open now): every
   * job slot at which it had sat `alertEscalateMinutes` with its owner moved it one level up.
   */
  const alert = async (
    c: Case,
    kind: AlertTable['kind'],
    slotOn: string,
    slot: ReportSlot,
    createdAt: number,
    reportId: string | null,
    close: { at: number; outcome: string } | null,
  ) => {
    let owner = kind === 'fever' || kind === 'remeasure' ? c.medicalObserverId : c.gridWorkerId;
    let level = 0;
    let escalatedAt: number | null = null;
    const until = close ? close.at : now - 30_000;
    for (;;) {
      const target = await targetOf(c.regionPath, level);
      const since: number = escalatedAt ?? createdAt;
      // The first job slot strictly past the wait, and the seconds the run takes to get there.
      const at: number =
        (Math.floor((since + alertEscalateMinutes * MINUTE) / TICK) + 1) * TICK + (2 + Math.floor(random() * 15)) * 1000;
      if (!target || at >= until) break;
      owner = target.managers[0]!;
      level = target.level;
      escalatedAt = at;
    }
    const updatedAt = close?.at ?? escalatedAt ?? createdAt;
    alerts.push({
      id: newId(),
      caseId: c.id,
      regionId: c.regionId,
      kind,
      slotOn,
      slot,
      reportId,
      ownerAccountId: owner,
      level,
      escalatedAt: escalatedAt === null ? null : iso(escalatedAt),
      status: close ? 'closed' : 'open',
      outcome: close?.outcome ?? null,
      closedBy: close ? owner : null,
      closedAt: close ? iso(close.at) : null,
      createdAt: iso(createdAt),
      updatedAt: iso(updatedAt),
    });
    if (!close) summary.open++;
  };

  /** Dealt with some time after opening — mostly within the hour or two, some only hours later — unless left open or too recent. */
  const fate = (createdAt: number, outcome: string, mustClose = false) => {
    if (!mustClose && random() < LEFT_OPEN) return null;
    const delay = (random() < 0.7 ? 15 + random() * 95 : 120 + random() * 360) * MINUTE;
    const at = Math.min(createdAt + delay, now - MINUTE);
    return mustClose || createdAt + delay < now - MINUTE ? { at, outcome } : null;
  };

  /** A report row; `late` when made after its window. */
  function report(
    c: Case,
    slotOn: string,
    slot: ReportSlot,
    id: string,
    at: number,
    r: {
      temperature: number;
      remeasured: { temperature: number; at: number } | null;
      helpRequest: string | null;
      late: boolean;
    },
  ): HealthReportTable {
    const reading = r.remeasured?.temperature ?? r.temperature;
    const unwell = r.temperature >= 37.3;
    return {
      id,
      caseId: c.id,
      regionId: c.regionId,
      slotOn,
      slot,
      temperature: r.temperature,
      remeasuredTemperature: r.remeasured?.temperature ?? null,
      remeasuredAt: r.remeasured ? iso(r.remeasured.at) : null,
      fever: reading >= 37.3 ? 1 : 0,
      symptoms: JSON.stringify(unwell ? ['fever', 'fatigue'] : []),
      feeling: unwell ? 'unwell' : random() < 0.9 ? 'good' : 'fair',
      helpRequest: r.helpRequest,
      late: r.late ? 1 : 0,
      enteredBy: null,
      reportedAt: iso(at),
      createdAt: iso(at),
      updatedAt: iso(r.remeasured?.at ?? at),
      anonymisedAt: null,
    };
  }

  // Fresh work, planned first so the past below leaves its slots alone.
  const doctor = await findAccountForLogin(db, 'doctor');
  const xuesong = await findRegionByCode(db, XUESONG);
  const reserved = new Set<string>();
  const days = (c: Case): CaseDays => ({ startsOn: c.startsOn, endsOn: c.endsOn, openedAt: c.openedAt });
  const inXuesong = cases.filter((c) => xuesong && c.regionPath.startsWith(xuesong.path) && c.endsOn >= today);
  const taken = new Set<string>();
  /** Gives each of the times (minutes ago) to the next case not given one yet that `plan` accepts. */
  const spread = (list: Case[], minutesAgo: number[], plan: (c: Case, minutesAgo: number) => boolean) => {
    for (const m of minutesAgo) {
      const c = list.find((c) => !taken.has(c.id) && plan(c, m));
      if (c) taken.add(c.id);
    }
  };
  /** A report made at `at` with nothing of today or yesterday reported yet: the slot the report page would pick. */
  const freshSlot = (c: Case, at: number) => {
    const choice = chooseSlot(timeZone, windows, days(c), new Set(), new Date(at));
    return choice.kind === 'open' ? choice : null;
  };
  const fresh: (() => Promise<void>)[] = [];
  /** A report the person made minutes ago (a fever with its re-measure, or a help request) and its alert. */
  const freshReport = (c: Case, minutesAgo: number, kind: 'fever' | 'help') => {
    const reportedAt = now - (kind === 'fever' ? minutesAgo + 30 : minutesAgo) * MINUTE;
    const choice = freshSlot(c, reportedAt);
    if (!choice) return false;
    reserved.add(`${c.id}:${slotKey(choice.slotOn, choice.slot)}`);
    fresh.push(async () => {
      const id = newId();
      const first = tenth(37.6 + random() * 0.8);
      const second = kind === 'fever' ? tenth(37.4 + random() * 0.6) : null;
      const helpRequest = kind === 'help' ? pick(HELP) : null;
      reports.push(
        report(c, choice.slotOn, choice.slot, id, reportedAt, {
          temperature: kind === 'fever' ? first : tenth(36.3 + random() * 0.5),
          remeasured: second === null ? null : { temperature: second, at: now - minutesAgo * MINUTE },
          helpRequest,
          late: choice.late,
        }),
      );
      if (choice.late) {
        // Reported after its window: the missed-slot job had flagged it, and the grid worker had followed it up.
        const flagged = Math.ceil(slotEnd(timeZone, windows, choice.slotOn, choice.slot).getTime() / TICK) * TICK + 5000;
        if (flagged < reportedAt) {
          summary.missed++;
          await alert(
            c,
            'missed_slot',
            choice.slotOn,
            choice.slot,
            flagged,
            null,
            fate(flagged, pick(OUTCOMES.missed_slot), true),
          );
        }
      }
      await alert(c, kind, choice.slotOn, choice.slot, now - minutesAgo * MINUTE, id, null);
      summary.fresh++;
      if (kind === 'fever') summary.fevers++;
      else summary.help++;
      const owner = kind === 'fever' ? c.medicalObserverId : c.gridWorkerId;
      const params = {
        ref: c.ref,
        region: c.regionName,
        date: choice.slotOn,
        ...(second === null ? {} : { temperature: second }),
      };
      if (owner) notes.push({ accountId: owner, kind: `notify.alerts.${kind}`, params, link: '/quarantine/alerts' });
    });
    return true;
  };
  /** The latest slot owed and unreported: the missed-slot scan would flag it now. */
  const freshMissed = (c: Case, minutesAgo: number) => {
    const last = endedSlots(timeZone, windows, new Date(now))
      .filter((s) => slotRequired(timeZone, windows, days(c), s.slotOn, s.slot))
      .sort((a, b) => b.endedAt.getTime() - a.endedAt.getTime())[0];
    if (!last) return false;
    reserved.add(`${c.id}:${slotKey(last.slotOn, last.slot)}`);
    fresh.push(async () => {
      summary.missed++;
      summary.fresh++;
      await alert(c, 'missed_slot', last.slotOn, last.slot, now - minutesAgo * MINUTE, null, null);
    });
    return true;
  };
  const doctors = inXuesong.filter((c) => doctor && c.medicalObserverId === doctor.id);
  spread(doctors, [3, 7, 11], (c, m) => freshReport(c, m, 'fever'));
  const gridded = inXuesong.filter((c) => c.gridWorkerId);
  spread(gridded, [8], (c, m) => freshReport(c, m, 'help'));
  spread(gridded, [2, 5], freshMissed);
  // The past: every owed slot whose window has closed, reported or missed, with the alerts it raised.
  for (const c of cases) {
    const first = c.startsOn > addDays(today, -13) ? c.startsOn : addDays(today, -13);
    for (let day = first; day <= today && day <= c.endsOn; day = addDays(day, 1)) {
      for (const slot of REPORT_SLOTS) {
        const end = slotEnd(timeZone, windows, day, slot).getTime();
        if (end > now || !slotRequired(timeZone, windows, days(c), day, slot)) continue;
        if (reserved.has(`${c.id}:${slotKey(day, slot)}`)) continue;
        if (random() < 0.03) {
          // The missed-slot job flags it at its first run after the window closed.
          const flagged = Math.ceil(end / TICK) * TICK + 5000;
          if (flagged >= now) continue;
          summary.missed++;
          await alert(c, 'missed_slot', day, slot, flagged, null, fate(flagged, pick(OUTCOMES.missed_slot)));
          continue;
        }
        // Reported some time inside the window (an hour before it closes, give or take).
        const at = end - (20 + random() * 150) * MINUTE;
        const id = newId();
        const fever = random() < 0.01;
        const temperature = fever ? tenth(37.4 + random() * 1.2) : tenth(36.1 + random() * 0.8);
        const second = fever ? (random() < 0.5 ? tenth(37.3 + random() * 1.0) : 36.8) : null;
        const remeasured = second === null ? null : { temperature: second, at: at + (8 + random() * 12) * MINUTE };
        const h = !fever && random() < 0.01 ? Math.floor(random() * HELP.length) : null;
        reports.push(
          report(c, day, slot, id, at, { temperature, remeasured, helpRequest: h === null ? null : HELP[h]!, late: false }),
        );
        if (remeasured && remeasured.temperature >= 37.3) {
          // The fever alert opens with the re-measure that confirms it.
          await alert(c, 'fever', day, slot, remeasured.at, id, fate(remeasured.at, pick(OUTCOMES.fever)));
        }
        if (fever) summary.fevers++;
        if (h !== null) {
          summary.help++;
          await alert(c, 'help', day, slot, at, id, fate(at, HELPED[h]!));
        }
      }
    }
  }
  for (const make of fresh) await make();
  const missedOwners = new Map<string, number>();
  for (const a of alerts)
    if (a.kind === 'missed_slot' && a.status === 'open' && a.level === 0 && a.ownerAccountId)
      missedOwners.set(a.ownerAccountId, (missedOwners.get(a.ownerAccountId) ?? 0) + 1);
  for (const [accountId, count] of missedOwners)
    notes.push({ accountId, kind: 'notify.alerts.missedSlot', params: { count }, link: '/quarantine/alerts' });

  const tokens: ResidentTokenTable[] = cases.slice(0, LINKS).map((c) => ({
    id: newId(),
    purpose: 'health_report',
    caseId: c.id,
    householdId: null,
    tokenHash: tokenHash(newResidentToken()),
    expiresAt: nowIso(linkExpiry(timeZone, c.endsOn)),
    revokedAt: null,
    createdBy: null,
    createdAt: iso(now),
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
    await notify(trx, notes);
  });
  return { ...summary, reports: reports.length, alerts: alerts.length, links: tokens.length };
}
