import { afterAll, beforeAll, describe, expect, it, vi } from 'vitest';
import { createTestApp, type Client, type TestApp } from '../../../test/app.ts';
import { twoCounties, type TwoCounties } from '../../../test/fixtures.ts';
import { API } from '../../../test/requests.ts';
import { newId } from '../../platform/db/ids.ts';
import type { FigureRow, FigureSource, FigureWindow } from '../dashboard/figure-sources.ts';
import { accountsService } from '../accounts/accounts.service.ts';
import { regionsService } from '../regions/regions.service.ts';
import { riskAreasService } from '../risk-areas/risk-areas.service.ts';
import { alertsService } from './alerts.service.ts';
import { casesService } from './cases.service.ts';
import { contactsService } from './contacts.service.ts';
import { followUpsService } from './follow-ups.service.ts';
import { insertCase } from './health-reports.matrix.ts';
import { healthReportsService } from './health-reports.service.ts';
import { residentTokensService } from './resident-tokens.service.ts';
import { returneesService } from './returnees.service.ts';

let t: TestApp;
let w: TwoCounties;
let sources: Record<'returnees' | 'contacts' | 'cases' | 'reports' | 'alerts', FigureSource>;

const db = () => t.deps.db.db;
/** The day the dashboard shows live, and the day before it (backfilled). */
const DAY = '2026-03-10';
const PREV = '2026-03-09';
/** A local (Asia/Shanghai, UTC+8) time as ISO UTC. */
const at = (date: string, time: string) => new Date(`${date}T${time}:00+08:00`).toISOString();
/** Today at noon: the morning window (06:00–10:00) has closed, the evening one (17:00–21:00) not yet. */
const live: FigureWindow = { day: DAY, from: at(DAY, '00:00'), to: at(DAY, '12:00'), live: true };
const past: FigureWindow = { day: PREV, from: at(PREV, '00:00'), to: at(DAY, '00:00'), live: false };

/** The rows of a source keyed by region (a region's rows added up, as the dashboard does). */
async function figures(source: FigureSource, window: FigureWindow) {
  const out: Record<string, FigureRow['values']> = {};
  for (const row of await source(window)) {
    const into = (out[row.regionId] ??= {});
    for (const [k, v] of Object.entries(row.values) as [keyof FigureRow['values'], number][]) into[k] = (into[k] ?? 0) + v;
  }
  return out;
}

/** A client signed in as the city's manager at a local time of a day (the clock stays there). */
async function managerAt(date: string, time: string): Promise<Client> {
  vi.setSystemTime(new Date(at(date, time)));
  return t.signIn('qf-manager');
}

async function report(
  caseId: string,
  regionId: string,
  slotOn: string,
  slot: 'morning' | 'evening',
  reportedAt: string,
  fever = false,
) {
  await db()
    .insertInto('healthReports')
    .values({
      id: newId(),
      caseId,
      regionId,
      slotOn,
      slot,
      temperature: fever ? 38.1 : 36.5,
      remeasuredTemperature: null,
      remeasuredAt: null,
      fever: fever ? 1 : 0,
      symptoms: '[]',
      feeling: 'good',
      helpRequest: null,
      late: 0,
      enteredBy: null,
      reportedAt,
      createdAt: reportedAt,
      updatedAt: reportedAt,
      anonymisedAt: null,
    })
    .execute();
}

async function alert(caseId: string, regionId: string, kind: string, createdAt: string, closedAt: string | null) {
  await db()
    .insertInto('alerts')
    .values({
      id: newId(),
      caseId,
      regionId,
      kind,
      slotOn: null,
      slot: null,
      reportId: null,
      ownerAccountId: null,
      level: 0,
      escalatedAt: null,
      status: closedAt ? 'closed' : 'open',
      outcome: closedAt ? '已电话核实' : null,
      closedBy: null,
      closedAt,
      createdAt,
      updatedAt: closedAt ?? createdAt,
    })
    .execute();
}

/** A case straight into its table, opened at a local time on its first day unless told otherwise. */
const openCase = (regionId: string, startsOn: string, endsOn: string, more: Parameters<typeof insertCase>[1] = { regionId }) =>
  insertCase(db(), { createdAt: at(startsOn, '09:00'), ...more, regionId, startsOn, endsOn });

/** Grid A of county A and grid B of county B, with a community of A: records about `live` and `past`. */
async function seed() {
  const returnee = async (date: string, time: string, regionId: string, originCode: string) => {
    const res = await (
      await managerAt(date, time)
    ).post(`${API}/returnees`, {
      regionId,
      name: '刘德明',
      mobile: '13700001234',
      address: '雪松路 8 号',
      originCode,
      returnedOn: '2026-03-07',
      transport: 'car',
    });
    expect(res.statusCode, res.body).toBe(201);
    return res.json().id as string;
  };
  const contact = async (date: string, time: string, regionId: string) => {
    const res = await (
      await managerAt(date, time)
    ).post(`${API}/contacts`, {
      regionId,
      name: '孙丽华',
      mobile: '13500005678',
      sourceCase: '确诊病例的同事',
      lastExposureOn: '2026-03-08',
      exposureKind: 'work',
    });
    expect(res.statusCode, res.body).toBe(201);
  };
  const wuhan = await returnee(PREV, '10:00', w.a.grid.id, '420100');
  await returnee(DAY, '09:00', w.a.grid.id, '420600'); // 襄阳: the rest of Hubei
  await returnee(DAY, '11:00', w.b.grid.id, '410100'); // 郑州: elsewhere
  await returnee(DAY, '12:30', w.a.grid.id, '420100'); // after `to`
  await contact(PREV, '15:00', w.a.community.id);
  await contact(DAY, '10:00', w.b.grid.id);
  await contact(DAY, '12:30', w.b.grid.id); // after `to`
  // Grid A: active since 03-05; a late report of yesterday evening made this morning; a fever today.
  const c1 = await openCase(w.a.grid.id, '2026-03-05', '2026-03-18');
  await report(c1, w.a.grid.id, PREV, 'morning', at(PREV, '07:00'));
  await report(c1, w.a.grid.id, PREV, 'evening', at(DAY, '08:00'));
  await report(c1, w.a.grid.id, DAY, 'morning', at(DAY, '08:00'), true);
  await alert(c1, w.a.grid.id, 'fever', at(DAY, '08:30'), null);
  // Opened today at 11:00, after the morning window closed: nothing owed yet.
  await openCase(w.a.grid.id, DAY, '2026-03-23', { regionId: w.a.grid.id, createdAt: at(DAY, '11:00') });
  // Opened after `to`.
  await openCase(w.a.grid.id, DAY, '2026-03-23', { regionId: w.a.grid.id, createdAt: at(DAY, '12:30') });
  // Transferred yesterday at 15:00: owed yesterday's morning only.
  const c3 = await openCase(w.a.grid.id, '2026-03-04', '2026-03-17');
  await report(c3, w.a.grid.id, PREV, 'morning', at(PREV, '07:30'));
  let res = await (
    await managerAt(PREV, '15:00')
  ).post(`${API}/quarantine/cases/${c3}/transfer`, {
    hospital: '驻马店市中心医院',
    reason: '发热，转定点医院',
  });
  expect(res.statusCode, res.body).toBe(200);
  // The Wuhan returnee's case, released early today at 09:30 (before the morning window closed);
  // fully reported yesterday, a fever in the evening.
  const c4 = await openCase(w.a.grid.id, '2026-03-01', '2026-03-14', { regionId: w.a.grid.id, returneeId: wuhan });
  await report(c4, w.a.grid.id, PREV, 'morning', at(PREV, '07:00'));
  await report(c4, w.a.grid.id, PREV, 'evening', at(PREV, '18:00'), true);
  await alert(c4, w.a.grid.id, 'fever', at(PREV, '20:00'), at(DAY, '09:00'));
  res = await (
    await managerAt(DAY, '09:30')
  ).post(`${API}/quarantine/cases/${c4}/release`, { early: true, reason: '评估提前解除' });
  expect(res.statusCode, res.body).toBe(200);
  // Grid B: active and silent; and one released today with no closing event (a bulk load's row),
  // which owes the whole of its closing day.
  const c5 = await openCase(w.b.grid.id, '2026-03-08', '2026-03-21');
  await alert(c5, w.b.grid.id, 'missed_slot', at(PREV, '10:15'), null);
  const c6 = await openCase(w.b.grid.id, '2026-02-26', '2026-03-11', {
    regionId: w.b.grid.id,
    status: 'released',
    closedOn: DAY,
    closeKind: 'normal',
  });
  await report(c6, w.b.grid.id, DAY, 'morning', at(DAY, '07:00'));
}

beforeAll(async () => {
  vi.useFakeTimers({ toFake: ['Date'] });
  vi.setSystemTime(new Date(at(PREV, '08:00')));
  t = await createTestApp();
  w = await twoCounties(t.factory);
  await t.factory.account({ login: 'qf-manager', grants: [{ role: 'region_manager', regionId: w.city.id }] });
  const regions = regionsService(t.deps);
  const accounts = accountsService(t.deps, regions);
  const followUps = followUpsService(t.deps, { regions, accounts });
  const alerts = alertsService(t.deps, { regions, accounts });
  sources = {
    returnees: returneesService(t.deps, { regions, riskAreas: riskAreasService(t.deps), followUps }).figures,
    contacts: contactsService(t.deps, { regions }).figures,
    cases: casesService(t.deps, { regions, accounts }).figures,
    reports: healthReportsService(t.deps, { tokens: residentTokensService(t.deps), alerts }).figures,
    alerts: alerts.figures,
  };
  await seed();
});
afterAll(async () => {
  vi.useRealTimers();
  await t.close();
});

describe('returnee and contact figures', () => {
  it('counts returnees by origin, new ones and those released, as of `to`', async () => {
    expect(await figures(sources.returnees, live)).toEqual({
      [w.a.grid.id]: {
        returnees: 2,
        returneesNew: 1,
        returneesWuhan: 1,
        returneesHubei: 1,
        returneesOther: 0,
        returneesReleased: 1,
      },
      [w.b.grid.id]: {
        returnees: 1,
        returneesNew: 1,
        returneesWuhan: 0,
        returneesHubei: 0,
        returneesOther: 1,
        returneesReleased: 0,
      },
    });
    // The day before: only the Wuhan returnee, registered that day; the release came later.
    expect(await figures(sources.returnees, past)).toEqual({
      [w.a.grid.id]: {
        returnees: 1,
        returneesNew: 1,
        returneesWuhan: 1,
        returneesHubei: 0,
        returneesOther: 0,
        returneesReleased: 0,
      },
    });
  });

  it('counts close contacts registered so far and during the day', async () => {
    expect(await figures(sources.contacts, live)).toEqual({
      [w.a.community.id]: { contacts: 1, contactsNew: 0 },
      [w.b.grid.id]: { contacts: 1, contactsNew: 1 },
    });
    expect(await figures(sources.contacts, past)).toEqual({ [w.a.community.id]: { contacts: 1, contactsNew: 1 } });
  });
});

describe('case, report and alert figures', () => {
  it('counts active, opened, released and transferred cases as of `to`', async () => {
    expect(await figures(sources.cases, live)).toEqual({
      [w.a.grid.id]: { casesActive: 2, casesNew: 1, casesReleased: 1, casesTransferred: 0 },
      [w.b.grid.id]: { casesActive: 1, casesNew: 0, casesReleased: 1, casesTransferred: 0 },
    });
    expect(await figures(sources.cases, past)).toEqual({
      [w.a.grid.id]: { casesActive: 2, casesNew: 0, casesReleased: 0, casesTransferred: 1 },
      [w.b.grid.id]: { casesActive: 2, casesNew: 0, casesReleased: 0, casesTransferred: 0 },
    });
  });

  it('counts the slots owed by `to`, those reported before it, and fevers', async () => {
    expect(await figures(sources.reports, live)).toEqual({
      // Only the morning has closed: c1 owes it and reported it (with a fever); the case opened
      // at 11:00 and the one released at 09:30 owe nothing.
      [w.a.grid.id]: { reportsDue: 1, reportsReceived: 1, reportsMissed: 0, reportsFever: 1 },
      [w.b.grid.id]: { reportsDue: 2, reportsReceived: 1, reportsMissed: 1, reportsFever: 0 },
    });
    expect(await figures(sources.reports, past)).toEqual({
      // c1 two (its evening came after midnight: missed that day), c3 the morning, c4 two.
      [w.a.grid.id]: { reportsDue: 5, reportsReceived: 4, reportsMissed: 1, reportsFever: 1 },
      [w.b.grid.id]: { reportsDue: 4, reportsReceived: 0, reportsMissed: 4, reportsFever: 0 },
    });
  });

  it('counts fever alerts open at `to`', async () => {
    expect(await figures(sources.alerts, live)).toEqual({ [w.a.grid.id]: { alertsFeverOpen: 1 } });
    expect(await figures(sources.alerts, past)).toEqual({ [w.a.grid.id]: { alertsFeverOpen: 1 } });
  });
});
