/**
 * The day on the ground, in real Chromium against the demo city: 孙丽 logs passers at her post on
 * a 375px phone, a fever among them becomes a follow-up task that the community's doctor takes
 * and closes; the district's inspector visits her checkpoint on his phone, finds her absent from
 * the post (absence wins over the roster), raises an issue from the visit; 雪松社区's manager
 * resolves it at her desk and the inspector verifies it on his phone.
 */
import { mkdirSync } from 'node:fs';
import { resolve } from 'node:path';
import type { Browser, BrowserContext, Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { MyDutyPage } from '../../server/features/duty/attendance.schemas.ts';
import type { FieldIssueDetail } from '../../server/features/field-issues/field-issues.schemas.ts';
import type { Inspection, InspectionCrew } from '../../server/features/inspections/inspections.schemas.ts';
import type { PassageDesk } from '../../server/features/passages/passages.schemas.ts';
import type { FollowUp } from '../../server/features/quarantine/follow-ups.schemas.ts';
import type { ServerProcess } from '../server-process.ts';
import { apiGet, launchBrowser, signInDemo, skipReason, startWebServer, watchPage } from './browser.ts';

if (skipReason) console.warn(skipReason);

const SHOTS = resolve(import.meta.dirname, '../.tmp/e2e-shots');

describe.skipIf(skipReason !== null)('inspections, the issue ledger and the passage log in a browser', () => {
  let server: ServerProcess;
  let browser: Browser;
  const contexts: BrowserContext[] = [];
  let volunteer: Page;
  let inspector: Page;
  let desk: Page;
  let manager: Page;
  let problems: string[][] = [];
  let checkpointId = '';
  let issueId = '';

  const shot = (p: Page, name: string) => p.screenshot({ path: resolve(SHOTS, `ground-${name}.png`), fullPage: true });
  const signIn = (p: Page, login: string) => signInDemo(p, server.url, login);
  const get = <T>(p: Page, path: string) => apiGet<T>(p, server.url, path);
  const phone = async () => {
    const context = await browser.newContext({
      locale: 'zh-CN',
      viewport: { width: 375, height: 780 },
      isMobile: true,
      hasTouch: true,
    });
    contexts.push(context);
    return context.newPage();
  };

  beforeAll(async () => {
    mkdirSync(SHOTS, { recursive: true });
    server = await startWebServer('demo');
    browser = await launchBrowser();
    volunteer = await phone();
    inspector = await phone();
    const deskContext = await browser.newContext({ locale: 'zh-CN', viewport: { width: 1366, height: 900 } });
    contexts.push(deskContext);
    desk = await deskContext.newPage();
    const managerContext = await browser.newContext({ locale: 'zh-CN', viewport: { width: 1366, height: 900 } });
    contexts.push(managerContext);
    manager = await managerContext.newPage();
    problems = [volunteer, inspector, desk, manager].map((p) => watchPage(p, server.url));
  }, 180_000);

  afterAll(async () => {
    await browser?.close();
    await server?.stop();
  });

  it('孙丽 logs passers at her post; a fever asks for a re-measure and becomes a follow-up task', async () => {
    await signIn(volunteer, 'volunteer');
    const me = await get<MyDutyPage>(volunteer, '/duty/me');
    const now = Date.now();
    const current = me.duties.find((d) => Date.parse(d.startsAt) <= now && Date.parse(d.endsAt) > now)!;
    checkpointId = current.checkpoint.id;
    await volunteer.goto(`${server.url}/my-duty`);
    await volunteer.getByTestId('my-duty-log-passages').click();
    await volunteer.getByTestId('passage-entry').waitFor();
    const before = await get<PassageDesk>(volunteer, `/passages/checkpoints/${checkpointId}/desk`);
    expect(before.canLog).toBe(true);
    // Her latest entries (the desk lists 20 at most): the ones this test adds are those not there before.
    const known = new Set(before.recent.map((p) => p.id));
    const added = async () =>
      (await get<PassageDesk>(volunteer, `/passages/checkpoints/${checkpointId}/desk`)).recent.filter((p) => !known.has(p.id));

    // A resident walking in at 36.4 °C.
    await volunteer.getByTestId('passage-direction-in').click();
    await volunteer.getByTestId('passage-subject-person').click();
    await volunteer.getByTestId('passage-temperature-quick-36.4').click();
    await volunteer.getByTestId('passage-name').fill('王建国');
    await volunteer.getByTestId('passage-mobile').fill('13912345678');
    await volunteer.getByTestId('passage-save').click();
    await expect.poll(async () => (await added()).length).toBe(1);

    // Then one at 37.2 + 0.3: the page asks for a re-measure, which stays at 37.6.
    await volunteer.getByTestId('passage-temperature-quick-37.2').click();
    for (let i = 0; i < 3; i++) await volunteer.getByTestId('passage-temperature-plus').click();
    await expect.poll(() => volunteer.getByTestId('passage-temperature').getAttribute('data-fever')).toBe('true');
    await volunteer.getByTestId('passage-remeasure-ask').waitFor();
    await volunteer.getByTestId('passage-name').fill('李秀英');
    await volunteer.getByTestId('passage-mobile').fill('13987654321');
    await volunteer.getByTestId('passage-save').click();
    // Not saved without the second reading.
    await volunteer.waitForTimeout(300);
    expect((await added()).length).toBe(1);
    for (let i = 0; i < 4; i++) await volunteer.getByTestId('passage-remeasured-plus').click();
    await shot(volunteer, 'passage-fever');
    await volunteer.getByTestId('passage-save').click();
    await expect.poll(async () => (await added()).length).toBe(2);
    const after = await get<PassageDesk>(volunteer, `/passages/checkpoints/${checkpointId}/desk`);
    const fever = after.recent[0]!;
    expect(fever).toMatchObject({ fever: true, temperature: 37.5, name: '李秀英' });
    expect(fever.followUps).toEqual([expect.objectContaining({ kind: 'fever' })]);
    expect(after.recent[1]).toMatchObject({ fever: false, temperature: 36.4 });
    expect(after.today.fevers).toBe(before.today.fevers + 1);
    await volunteer.getByTestId(`passage-recent-${fever.id}`).waitFor();
    await shot(volunteer, 'passage-recent');

    // The community's doctor finds the task, masked, takes it and closes it.
    await signIn(desk, 'doctor');
    await desk.goto(`${server.url}/follow-ups`);
    const taskId = fever.followUps[0]!.id;
    const task = await get<FollowUp>(desk, `/follow-ups/${taskId}`);
    expect(task).toMatchObject({ kind: 'fever', status: 'open', personName: '李**', source: { kind: 'passage', id: fever.id } });
    expect(task.personMobile).toBe('139****4321');
    await desk.getByTestId(`follow-up-take-${taskId}`).click();
    await desk.getByTestId('follow-up-take-confirm').click();
    await expect.poll(async () => (await get<FollowUp>(desk, `/follow-ups/${taskId}`)).status).toBe('in_progress');
    // Open tasks come first: the one taken is under 跟进中 now.
    await desk.getByTestId('follow-ups-status').getByText('跟进中').click();
    await desk.getByTestId(`follow-up-close-${taskId}`).click();
    await desk.getByTestId('follow-up-outcome').fill('已上门复测，转发热门诊排查');
    await desk.getByTestId('follow-up-close-form-submit').click();
    await expect.poll(async () => (await get<FollowUp>(desk, `/follow-ups/${taskId}`)).status).toBe('closed');
    await shot(desk, 'follow-ups');
  });

  it('the inspector visits 孙丽’s checkpoint on his phone and finds her absent; the absence wins', async () => {
    await signIn(inspector, 'inspector');
    await inspector.goto(`${server.url}/inspect`);
    await inspector.getByTestId('inspect-route').waitFor();
    await shot(inspector, 'round');
    await inspector.goto(`${server.url}/inspect/${checkpointId}`);
    await inspector.getByTestId('visit-crew').waitFor();
    const crew = await get<InspectionCrew>(inspector, `/inspections/checkpoints/${checkpointId}/crew`);
    const her = crew.crew.find((p) => p.name === '孙丽')!;
    expect(her).toBeDefined();
    for (const p of crew.crew) await inspector.getByTestId(`visit-mark-${p.name}-${p === her ? 'absent' : 'present'}`).click();
    for (const key of ['staffing', 'supplies', 'registration', 'attitude'])
      await inspector
        .getByTestId(`visit-rating-${key}`)
        .locator('li')
        .nth(key === 'staffing' ? 1 : 3)
        .click();
    await inspector.getByTestId('visit-findings').fill('排班人员孙丽不在岗，未请假。登记测温规范。');
    await shot(inspector, 'visit');
    await inspector.getByTestId('visit-submit').click();
    await inspector.getByTestId('visit-result').waitFor();
    const visits = await get<{ items: { id: string; absent: number }[] }>(
      inspector,
      `/inspections?mine=true&checkpointId=${checkpointId}`,
    );
    const visit = await get<Inspection>(inspector, `/inspections/${visits.items[0]!.id}`);
    expect(visit.absent).toBe(1);
    expect(visit.marks.find((m) => m.name === '孙丽')!.mark).toBe('absent');
    const hers = await get<MyDutyPage>(volunteer, '/duty/me');
    expect(hers.duties.find((d) => d.checkpoint.id === checkpointId && Date.parse(d.startsAt) <= Date.now())!.attendance).toBe(
      'absent',
    );

    // An issue raised from the visit, on the phone.
    await inspector.getByTestId('visit-raise-issue').click();
    await inspector.getByTestId('raise-issue-form').waitFor();
    await inspector.getByTestId('raise-issue-category-post_unmanned').click();
    await inspector.getByTestId('raise-issue-title').fill('排班人员不在岗，仅一人值守');
    await inspector.getByTestId('raise-issue-description').fill('请社区核实原因并补齐人员。');
    await shot(inspector, 'raise-issue');
    await inspector.getByTestId('raise-issue-submit').click();
    await inspector.waitForURL(/\/field-issues\/[0-9a-f-]{36}$/);
    issueId = inspector.url().split('/').pop()!;
    const issue = await get<FieldIssueDetail>(inspector, `/field-issues/${issueId}`);
    expect(issue).toMatchObject({
      status: 'open',
      category: 'post_unmanned',
      inspectionId: visit.id,
      checkpoint: { id: checkpointId },
    });
    expect(issue.ownerRegion.name).toContain('雪松社区');
  });

  it('雪松社区’s manager takes the issue on and resolves it; the inspector verifies it on his phone', async () => {
    await signIn(manager, 'xuesong');
    await manager.goto(`${server.url}/field-issues`);
    await manager.getByTestId('field-issues-table').waitFor();
    const { ref } = await get<FieldIssueDetail>(manager, `/field-issues/${issueId}`);
    await manager.getByTestId(`field-issue-open-${ref}`).click();
    await manager.getByTestId('field-issue-start').click();
    await expect.poll(async () => (await get<FieldIssueDetail>(manager, `/field-issues/${issueId}`)).status).toBe('in_progress');
    await manager.getByTestId('field-issue-resolve').click();
    await manager.getByTestId('field-issue-resolve-form-note').fill('已调整排班，增派一名志愿者，孙丽已到岗');
    await manager.getByTestId('field-issue-resolve-form-submit').click();
    await expect.poll(async () => (await get<FieldIssueDetail>(manager, `/field-issues/${issueId}`)).status).toBe('resolved');
    await shot(manager, 'issue-resolved');

    await inspector.goto(`${server.url}/field-issues/${issueId}`);
    await inspector.getByTestId('field-issue-verify').click();
    await inspector.getByTestId('field-issue-verify-confirm').click();
    await expect.poll(async () => (await get<FieldIssueDetail>(inspector, `/field-issues/${issueId}`)).status).toBe('verified');
    const done = await get<FieldIssueDetail>(inspector, `/field-issues/${issueId}`);
    expect(done.events.map((e) => e.kind)).toEqual(['created', 'status', 'status', 'status']);
    await shot(inspector, 'issue-verified');
    expect(problems.flat()).toEqual([]);
  });
});
