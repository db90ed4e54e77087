/**
 * Home quarantine as people meet it, in real Chromium against the demo city: 雪松社区's manager
 * registers a returnee from 武汉 and opens a home isolation case for him; he reports from the QR
 * link on a 375px phone; a second person's fever, confirmed by a re-measure, alerts the community's
 * doctor, who closes it; missed reports wait with the grid worker; 孙丽 logs a disinfection visit
 * on her phone; the first case is released early with a printed notice; and 东高社区's screening
 * campaign shows its coverage going up as 孙丽 records a visit.
 *
 * The report windows are set to cover the whole day (00:00–11:59, 12:00–23:59), so a report is
 * due whatever the time the test runs.
 */
import { mkdirSync } from 'node:fs';
import { resolve } from 'node:path';
import type { Browser, BrowserContext, Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { idCardCheckChar } from '../../common/idcard.ts';
import { maskIdCard, maskMobile, maskName } from '../../common/mask.ts';
import type { Alert } from '../../server/features/quarantine/alerts.schemas.ts';
import type { CaseService, CaseServiceLog } from '../../server/features/quarantine/case-services.schemas.ts';
import type { CaseDetail } from '../../server/features/quarantine/cases.schemas.ts';
import type { HealthStatus } from '../../server/features/quarantine/health-reports.schemas.ts';
import type { Returnee } from '../../server/features/quarantine/returnees.schemas.ts';
import type { Campaign, CoverageNode, FieldGrid } from '../../server/features/households/screening.schemas.ts';
import type { ServerProcess } from '../server-process.ts';
import { apiGet, launchBrowser, pickOption, pickRegion, signInDemo, skipReason, startWebServer, watchPage } from './browser.ts';

if (skipReason) console.warn(skipReason);

const SHOTS = resolve(import.meta.dirname, '../.tmp/e2e-shots');
const TIME_ZONE = 'Asia/Shanghai';

const random = (digits: number) => String(Math.floor(Math.random() * 10 ** digits)).padStart(digits, '0');
function idNumber(): string {
  const first17 = `42010219850${1 + Math.floor(Math.random() * 9)}1${random(1)}${random(3)}`;
  return first17 + idCardCheckChar(first17);
}
/** A local date in the demo city's time zone, `days` from today. */
const localDate = (days = 0) => new Date(Date.now() + days * 86_400_000).toLocaleDateString('sv-SE', { timeZone: TIME_ZONE });
/** Minutes since local midnight in the demo city. */
const localMinutes = () => {
  const [h, m] = new Date()
    .toLocaleTimeString('sv-SE', { timeZone: TIME_ZONE, hour: '2-digit', minute: '2-digit' })
    .split(':')
    .map(Number);
  return h! * 60 + m!;
};

/**
 * A window's end is not in it (11:59 and 23:59 belong to no window), and a run across midnight
 * would change "today" under the test: a run starting in the last minutes before 12:00 or 00:00
 * waits for them to pass (the whole file takes about two minutes).
 */
async function awayFromWindowEdges(): Promise<void> {
  const nearEdge = () => [12 * 60, 24 * 60].some((edge) => edge - localMinutes() <= 6 && edge - localMinutes() > 0);
  while (nearEdge()) await new Promise((r) => setTimeout(r, 5_000));
}

describe.skipIf(skipReason !== null)('returnees, home isolation, health reports and screening in a browser', () => {
  let server: ServerProcess;
  let browser: Browser;
  const contexts: BrowserContext[] = [];
  let desk: Page; // 陈静, 雪松社区's manager and its cases' grid worker
  let doctor: Page; // 吴敏, the community's medical observer
  let county: Page; // 刘晓燕, 驿城区's manager
  let resident: Page; // the isolated people's own phones, no account
  let volunteer: Page; // 孙丽
  let problems: string[][] = [];

  const person = { name: `欧阳返${random(2)}`, idNumber: idNumber(), mobile: `1397${random(7)}` };
  const feverish = { name: `司马热${random(2)}`, mobile: `1396${random(7)}` };
  let caseId = '';
  let feverCaseId = '';
  let link = '';

  /** The whole page; a phone's long lists only as far as the screen shows. */
  const shot = (p: Page, name: string, fullPage = true) =>
    p.screenshot({ path: resolve(SHOTS, `quarantine-${name}.png`), fullPage });
  const get = <T>(p: Page, path: string) => apiGet<T>(p, server.url, path);
  /** A write as the page's session, with its CSRF token, as the web app makes it. */
  const post = async <T>(p: Page, path: string, body: unknown): Promise<T> => {
    const me = await get<{ csrfToken: string }>(p, '/auth/me');
    const res = await p.request.post(`${server.url}/api/v1${path}`, {
      headers: { 'x-csrf-token': me.csrfToken, 'idempotency-key': random(16).padEnd(32, '0') },
      data: body,
    });
    expect(res.status(), `${path}: ${await res.text()}`).toBeLessThan(300);
    return (await res.json()) as T;
  };
  const newPage = async (phone: boolean) => {
    const context = await browser.newContext({
      locale: 'zh-CN',
      timezoneId: TIME_ZONE,
      ...(phone
        ? { viewport: { width: 375, height: 780 }, isMobile: true, hasTouch: true }
        : { viewport: { width: 1366, height: 900 } }),
    });
    contexts.push(context);
    return context.newPage();
  };
  /** Issues the case's health card on its card page, as the desk prints it, and reads the QR code's link. */
  const issueCard = async (id: string, name: string): Promise<string> => {
    await desk.goto(`${server.url}/quarantine/cases/${id}/card`);
    await desk.getByTestId('card-issue').click();
    const qr = desk.getByTestId('card-qr');
    await qr.waitFor();
    await expect.poll(() => qr.evaluate((img: HTMLImageElement) => img.complete && img.naturalWidth > 0)).toBe(true);
    const url = (await qr.getAttribute('data-qr-text'))!;
    expect(url).toMatch(new RegExp(`^${server.url}/h/[A-Za-z0-9_-]{22}$`));
    // The card is handed to the person: it carries the full name.
    await expect.poll(() => desk.getByTestId('health-card').innerText()).toContain(name);
    return url;
  };

  beforeAll(async () => {
    mkdirSync(SHOTS, { recursive: true });
    await awayFromWindowEdges();
    server = await startWebServer('demo', {
      REDVEST_REPORT_MORNING: '00:00-11:59',
      REDVEST_REPORT_EVENING: '12:00-23:59',
      REDVEST_TIME_ZONE: TIME_ZONE,
    });
    browser = await launchBrowser();
    desk = await newPage(false);
    doctor = await newPage(false);
    county = await newPage(false);
    resident = await newPage(true);
    volunteer = await newPage(true);
    problems = [desk, doctor, county, resident, volunteer].map((p) => watchPage(p, server.url));
  }, 600_000);

  afterAll(async () => {
    await browser?.close();
    await server?.stop();
  });

  it('陈静 registers a returnee from 武汉 by rail; the rules propose home isolation and she confirms it', async () => {
    await signInDemo(desk, server.url, 'xuesong');
    await desk.goto(`${server.url}/quarantine/returnees`);
    await desk.getByTestId('returnee-create').click();
    await pickRegion(desk, 'returnee-form-region', '雪松社区');
    await desk.getByTestId('returnee-form-name').fill(person.name);
    await desk.getByTestId('returnee-form-mobile').fill(person.mobile);
    await desk.getByTestId('returnee-form-id-number').fill(person.idNumber);
    await desk.getByTestId('returnee-form-address').fill('雪松社区9号楼1单元502室');
    await pickOption(desk, desk.getByTestId('returnee-form-origin'), /武汉市$/, '武汉');
    const returned = desk.getByTestId('returnee-form-returned-on');
    await returned.click();
    await returned.fill(localDate(-1));
    await returned.press('Enter');
    await desk.getByTestId('returnee-form-trip').fill('G72');
    await desk.getByTestId('returnee-form-exposures').getByText('接触过确诊或疑似病例').click();
    await expect.poll(() => desk.getByTestId('returnee-form-proposal').innerText()).toContain('居家隔离');
    await shot(desk, 'returnee-form');
    await desk.getByTestId('returnee-form-submit').click();

    const mine = async () =>
      (await get<{ items: Returnee[] }>(desk, '/returnees?limit=100')).items.find((r) => r.mobile === maskMobile(person.mobile));
    await expect.poll(async () => (await mine())?.id).toBeDefined();
    const registered = (await mine())!;
    expect(registered).toMatchObject({
      proposedMeasure: 'home_isolation',
      measure: null,
      originCode: '420100',
      returnedOn: localDate(-1),
      transport: 'rail',
      tripNumber: 'G72',
      exposures: ['case_contact'],
    });
    await desk.getByTestId(`returnee-confirm-${registered.id}`).click();
    await desk.getByTestId('returnee-measure-form-submit').click();
    await expect.poll(async () => (await mine())?.measure).toBe('home_isolation');
    await expect.poll(() => desk.getByTestId(`returnee-measure-${registered.id}`).innerText()).toContain('陈静');
    await shot(desk, 'returnees');
  });

  it('she opens a home isolation case for him from 隔离管理, with 孙丽 as his volunteer; the case counts its days', async () => {
    await desk.goto(`${server.url}/quarantine/cases`);
    await desk.getByTestId('case-open').click();
    // Picking him takes his place from his registration, and with it the people who may be named.
    const assignees = desk.waitForResponse((r) => r.url().includes('/quarantine/assignees') && r.ok());
    await pickOption(desk, desk.getByTestId('case-open-pick'), maskMobile(person.mobile), person.mobile.slice(-4));
    await assignees;
    await pickOption(desk, desk.getByLabel('包户志愿者'), '孙丽', '孙丽');
    await desk.getByTestId('case-open-form-submit').click();
    await desk.waitForURL(/\/quarantine\/cases\/[0-9a-f-]{36}$/);
    caseId = desk.url().split('/').pop()!;
    const opened = await get<CaseDetail>(desk, `/quarantine/cases/${caseId}`);
    expect(opened).toMatchObject({
      status: 'active',
      kind: 'home',
      planDays: 14,
      startBasis: 'return',
      startsOn: localDate(-1),
      endsOn: localDate(12),
      counter: { day: 2, total: 14 },
      personName: maskName(person.name),
      gridWorker: { name: '陈静' },
      medicalObserver: { name: '吴敏' },
      volunteer: { name: '孙丽' },
    });
    await expect.poll(() => desk.locator('main').innerText()).toContain('第 2 天 / 共 14 天');
    await shot(desk, 'case');
  });

  it('the case’s health card shows a QR code with his personal link', async () => {
    await desk.goto(`${server.url}/quarantine/cases/${caseId}`);
    await desk.getByText('健康上报卡').click();
    await desk.waitForURL(/\/card$/);
    link = await issueCard(caseId, person.name);
    await shot(desk, 'card');
  });

  it('he reports 36.6 °C from the link on his phone; a second person’s fever, re-measured, alerts the doctor', async () => {
    await resident.goto(link);
    await expect.poll(() => resident.getByTestId('health-name').innerText()).toContain(maskName(person.name));
    const status = await get<HealthStatus>(resident, `/h/${link.split('/').pop()}`);
    const due = status.slots.find((s) => s.state === 'due')!;
    expect(due).toBeDefined();
    expect(status.next).toMatchObject({ slotOn: localDate(), slot: due.slot, late: false });
    await expect.poll(() => resident.getByTestId(`slot-${due.slot}`).innerText()).toContain('待报');
    await resident.getByTestId('temp-select').selectOption('366');
    await shot(resident, 'report');
    await resident.getByTestId('report-submit').click();
    await resident.getByTestId('health-thanks').waitFor();
    await expect.poll(() => resident.getByTestId(`slot-${due.slot}`).innerText()).toContain('已报');
    await shot(resident, 'report-thanks');
    const [reported] = (
      await get<{ items: { temperature: number; slot: string; enteredBy: unknown }[] }>(
        desk,
        `/quarantine/cases/${caseId}/reports`,
      )
    ).items;
    expect(reported).toMatchObject({ temperature: 36.6, slot: due.slot, enteredBy: null });

    // One report per slot: the fever comes from a second person, opened here straight from the desk.
    const { regionId } = await get<CaseDetail>(desk, `/quarantine/cases/${caseId}`);
    feverCaseId = (
      await post<CaseDetail>(desk, '/quarantine/cases', {
        kind: 'home',
        regionId,
        personName: feverish.name,
        mobile: feverish.mobile,
      })
    ).id;
    const feverLink = await issueCard(feverCaseId, feverish.name);
    await resident.goto(feverLink);
    await resident.getByTestId('report-form').waitFor();
    await resident.getByTestId('temp-select').selectOption('382');
    await resident.getByTestId('report-submit').click();
    await resident.getByTestId('remeasure-form').waitFor();
    await shot(resident, 'remeasure');
    await resident.getByTestId('temp-select').selectOption('380');
    await resident.getByTestId('remeasure-submit').click();
    await expect.poll(() => resident.getByTestId('remeasure-result').innerText()).toContain('复测体温仍偏高');
    await shot(resident, 'remeasure-fever');

    await signInDemo(doctor, server.url, 'doctor');
    const feverCase = await get<CaseDetail>(doctor, `/quarantine/cases/${feverCaseId}`);
    const alerts = await get<{ items: Alert[] }>(doctor, `/quarantine/alerts?caseId=${feverCaseId}&status=open`);
    expect(alerts.items).toEqual([
      expect.objectContaining({
        kind: 'fever',
        temperature: 38,
        owner: { accountId: feverCase.medicalObserver!.id, name: '吴敏' },
      }),
    ]);
  });

  it('吴敏 finds the fever among her alerts and closes it with what she did', async () => {
    const [fever] = (await get<{ items: Alert[] }>(doctor, `/quarantine/alerts?caseId=${feverCaseId}&kind=fever`)).items;
    await doctor.goto(`${server.url}/quarantine/alerts`);
    await doctor.getByTestId('alerts-mine').click();
    await doctor.getByTestId(`alert-row-${fever!.id}`).waitFor();
    await shot(doctor, 'alerts-doctor');
    await doctor.getByTestId(`alert-close-${fever!.id}`).click();
    await doctor.getByTestId('alert-outcome').fill('已电话联系，安排就医');
    await doctor.getByTestId('alert-close-form-submit').click();
    await expect.poll(async () => (await get<Alert>(doctor, `/quarantine/alerts/${fever!.id}`)).status).toBe('closed');
    expect(await get<Alert>(doctor, `/quarantine/alerts/${fever!.id}`)).toMatchObject({ outcome: '已电话联系，安排就医' });
    await doctor.getByTestId('alerts-status').getByText('已处置').click();
    await expect.poll(() => doctor.getByTestId(`alert-row-${fever!.id}`).innerText()).toContain('已电话联系，安排就医');
    await shot(doctor, 'alerts-closed');
  });

  it('陈静 finds the missed reports of her cases under her own alerts', async () => {
    const me = await get<{ id: string }>(desk, '/auth/me');
    const missed = await get<{ items: Alert[]; total: number }>(
      desk,
      '/quarantine/alerts?mine=true&kind=missed_slot&status=open',
    );
    expect(missed.total).toBeGreaterThan(0);
    for (const a of missed.items) expect(a.owner?.accountId).toBe(me.id);
    // She is their grid worker: the alert went to her.
    expect((await get<CaseDetail>(desk, `/quarantine/cases/${missed.items[0]!.caseId}`)).gridWorker?.id).toBe(me.id);

    await desk.goto(`${server.url}/quarantine/alerts`);
    await desk.getByTestId('alerts-mine').click();
    await pickOption(desk, desk.getByTestId('alerts-kind'), '漏报');
    // Her missed report is listed among her own alerts, as a missed report.
    await expect.poll(() => desk.getByTestId(`alert-row-${missed.items[0]!.id}`).innerText()).toContain('漏报');
    await shot(desk, 'alerts-missed');
  });

  it('a disinfection visit is scheduled on the case; 孙丽 logs it at the door on her phone', async () => {
    const { ref } = await get<CaseDetail>(desk, `/quarantine/cases/${caseId}`);
    await desk.goto(`${server.url}/quarantine/cases/${caseId}`);
    await desk.getByTestId('case-service-schedule').click();
    await pickOption(desk, desk.getByLabel('服务内容'), '上门消杀');
    await expect.poll(() => desk.locator('.ant-modal:visible').innerText()).toContain('孙丽');
    await desk.getByTestId('case-service-form-submit').click();
    const services = () => get<{ items: CaseService[]; logs: CaseServiceLog[] }>(desk, `/quarantine/cases/${caseId}/services`);
    await expect.poll(async () => (await services()).items.map((s) => s.kind)).toEqual(['disinfection']);
    expect((await services()).items[0]).toMatchObject({ volunteer: { name: '孙丽' }, nextOn: localDate(), due: true });

    await signInDemo(volunteer, server.url, 'volunteer');
    await volunteer.goto(`${server.url}/quarantine/my-services`);
    const card = volunteer.getByTestId('my-service').filter({ hasText: ref }).filter({ hasText: '上门消杀' });
    await card.waitFor();
    await expect.poll(() => card.innerText()).toContain('雪松社区9号楼1单元502室');
    await card.getByTestId('my-service-log').click();
    await volunteer.getByTestId('service-log-area').fill('60');
    await expect.poll(() => volunteer.getByLabel('消毒剂').inputValue()).toBe('含氯消毒剂');
    await expect.poll(() => volunteer.getByLabel('浓度').inputValue()).toBe('500 mg/L');
    await shot(volunteer, 'service-log', false);
    await volunteer.getByTestId('service-log-form-submit').click();
    await expect.poll(async () => (await services()).logs.length).toBe(1);
    expect((await services()).logs[0]).toMatchObject({
      kind: 'disinfection',
      doneOn: localDate(),
      byName: '孙丽',
      areaM2: 60,
      agent: '含氯消毒剂',
      concentration: '500 mg/L',
    });
    expect((await services()).items[0]).toMatchObject({ lastDoneOn: localDate(), nextOn: localDate(2) });
    await shot(volunteer, 'my-services', false);
  });

  it('the case is released early with a reason; the release notice prints with the masked ID number', async () => {
    await desk.goto(`${server.url}/quarantine/cases/${caseId}`);
    await expect.poll(() => desk.getByTestId('case-release').isDisabled()).toBe(true);
    await desk.getByTestId('case-early').click();
    await desk.getByTestId('case-action-reason').fill('提前解除：核酸检测阴性，经评估');
    await desk.getByTestId('case-early-form-submit').click();
    await expect.poll(async () => (await get<CaseDetail>(desk, `/quarantine/cases/${caseId}`)).status).toBe('released');
    const released = await get<CaseDetail>(desk, `/quarantine/cases/${caseId}`);
    expect(released).toMatchObject({ closeKind: 'early', closedOn: localDate(), closeReason: '提前解除：核酸检测阴性，经评估' });
    await desk.getByTestId('case-notice').click();
    await desk.waitForURL(/\/release-notice$/);
    const notice = desk.getByTestId('release-notice');
    await notice.waitFor();
    const text = await notice.innerText();
    for (const part of [
      released.ref,
      person.name,
      maskIdCard(person.idNumber),
      localDate(-1),
      localDate(),
      '解除隔离告知书',
      '雪松社区',
    ])
      expect(text).toContain(part);
    expect(text).not.toContain(person.idNumber);
    await shot(desk, 'release-notice');

    // The personal link ends with the case.
    await resident.goto(link);
    await resident.getByTestId('health-invalid').waitFor();
  });

  it('东高社区’s screening campaign shows its coverage; a visit 孙丽 records on her phone adds to it', async () => {
    const { items: campaigns } = await get<{ items: (Campaign & { grids: FieldGrid[] })[] }>(
      volunteer,
      '/screening/field/campaigns',
    );
    const campaign = campaigns.find((c) => c.name === '东高社区第一轮入户排查')!;
    const grid = campaign.grids[0]!;
    const coverage = async () =>
      (await get<{ nodes: CoverageNode[] }>(county, `/screening/campaigns/${campaign.id}/coverage`)).nodes.find(
        (n) => n.regionId === grid.regionId,
      )!;

    await signInDemo(county, server.url, 'yicheng');
    await county.goto(`${server.url}/screening`);
    await county.getByRole('link', { name: '东高社区第一轮入户排查' }).click();
    await county.waitForURL(new RegExp(`/screening/${campaign.id}$`));
    const before = await coverage();
    const row = county.locator(`[data-testid="screening-coverage"] tr[data-row-key="${grid.regionId}"]`);
    await expect.poll(() => row.innerText()).toContain(`${before.percent}%`);
    await expect.poll(() => row.locator('td').nth(3).innerText()).toBe(before.reached.toLocaleString('zh-CN'));
    await shot(county, 'screening-coverage');

    await volunteer.goto(`${server.url}/screening/visit`);
    await volunteer.getByTestId(`screening-grid-${grid.regionId}`).click();
    await volunteer.waitForURL(new RegExp(`/screening/visit/${campaign.id}/${grid.regionId}$`));
    const household = volunteer.locator('[data-testid^="household-"]').first();
    const householdTestId = (await household.getAttribute('data-testid'))!;
    await household.click();
    await volunteer.getByTestId('visit-residents').fill('3');
    await shot(volunteer, 'screening-visit', false);
    await volunteer.getByTestId('visit-submit').click();
    await expect.poll(async () => (await coverage()).reached).toBe(before.reached + 1);
    // Done: off the list of households still to visit.
    await expect.poll(() => volunteer.getByTestId(householdTestId).count()).toBe(0);
    // The desk's table follows without a reload.
    await expect.poll(() => row.locator('td').nth(3).innerText()).toBe((before.reached + 1).toLocaleString('zh-CN'));
    await shot(county, 'screening-coverage-after');
    await shot(volunteer, 'screening-grid', false);
    expect(problems.flat()).toEqual([]);
  });
});
