/**
 * A report made offline that arrived after its case was released, as the desk meets it in real
 * Chromium against the demo city (issue 11): the resident's phone saved a report while the link
 * was live, the case was released meanwhile, and the report arrived afterwards. The server keeps it
 * as a conflict (202); 雪松社区's manager finds it under 离线冲突 with the time it was made and the
 * time it arrived, reads what was sent, resolves it with a note, and it moves to 已处理.
 */
import { mkdirSync } from 'node:fs';
import { resolve } from 'node:path';
import type { Browser, Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { CaseSummary } from '../../server/features/quarantine/cases.schemas.ts';
import type { Conflict } from '../../server/features/sync/sync.schemas.ts';
import type { ServerProcess } from '../server-process.ts';
import { apiGet, apiSend, launchBrowser, signInDemo, skipReason, startWebServer, watchPage } from './browser.ts';

if (skipReason) console.warn(skipReason);

const SHOTS = resolve(import.meta.dirname, '../.tmp/e2e-shots');
const TIME_ZONE = 'Asia/Shanghai';
/** A moment of this year as the desk lists it, to the minute, in the demo city's zone: 'MM-DD HH:mm'. */
const shown = (iso: string) => new Date(iso).toLocaleString('sv-SE', { timeZone: TIME_ZONE }).slice(5, 16);
const pause = (ms: number) => new Promise((r) => setTimeout(r, ms));

describe.skipIf(skipReason !== null)('offline conflicts on the desk', () => {
  let server: ServerProcess;
  let browser: Browser;
  let desk: Page;
  let problems: string[] = [];
  let conflictId = '';
  let madeAt = '';
  const note = '已电话联系本人，体温已复测正常，无需再处理';

  const shot = (name: string) => desk.screenshot({ path: resolve(SHOTS, `conflicts-${name}.png`), fullPage: true });

  beforeAll(async () => {
    mkdirSync(SHOTS, { recursive: true });
    server = await startWebServer('demo', { REDVEST_TIME_ZONE: TIME_ZONE });
    browser = await launchBrowser();
    const context = await browser.newContext({ locale: 'zh-CN', timezoneId: TIME_ZONE, viewport: { width: 1366, height: 900 } });
    desk = await context.newPage();
    problems = watchPage(desk, server.url);
    await signInDemo(desk, server.url, 'xuesong');
  }, 180_000);

  afterAll(async () => {
    await browser?.close();
    await server?.stop();
  });

  it('a report made before the release and received after it is kept as a conflict (202)', async () => {
    const cases = await apiGet<{ items: CaseSummary[] }>(desk, server.url, '/quarantine/cases?status=active&limit=20');
    const active = cases.items[0];
    expect(active, 'the demo has an active case in 雪松社区').toBeDefined();
    const card = await apiSend<{ path: string }>(desk, server.url, 'POST', `/quarantine/cases/${active!.id}/card`, {});
    const token = card.path.split('/').pop()!;
    // The phone saves the report while the link is live; it waits there while the case is released.
    await pause(1_100);
    madeAt = new Date().toISOString();
    await pause(1_100);
    await apiSend(desk, server.url, 'POST', `/quarantine/cases/${active!.id}/release`, {
      early: true,
      reason: '提前解除：核酸检测阴性，经评估',
    });

    const resident = await browser.newContext({ locale: 'zh-CN' });
    const res = await resident.request.post(`${server.url}/api/v1/h/${token}/reports`, {
      headers: { 'idempotency-key': crypto.randomUUID() },
      data: { temperature: 37.9, symptoms: ['dry_cough', 'fatigue'], feeling: 'unwell', helpRequest: '需要退烧药', madeAt },
    });
    expect(res.status(), await res.text()).toBe(202);
    const { conflict } = (await res.json()) as { conflict: { id: string; kind: string; reason: string } };
    expect(conflict.kind).toBe('case_released');
    conflictId = conflict.id;
    await resident.close();
  });

  it('the manager finds it under 离线冲突 with both times, and reads what was sent', async () => {
    await desk.goto(`${server.url}/`);
    await desk.getByTestId('nav-conflicts').click();
    await desk.waitForURL(/\/sync\/conflicts$/);
    const row = desk.getByTestId(`conflict-row-${conflictId}`);
    await row.waitFor();
    const listed = await apiGet<{ items: Conflict[] }>(desk, server.url, '/sync/conflicts?status=open');
    const mine = listed.items.find((c) => c.id === conflictId)!;
    expect(mine.case?.personName).toMatch(/\*/);
    expect(await desk.getByTestId(`conflict-made-${conflictId}`).innerText()).toBe(shown(madeAt));
    expect(await desk.getByTestId(`conflict-received-${conflictId}`).innerText()).toBe(shown(mine.receivedAt));
    // The list has room for every column at 1366 px, the actions included.
    expect(await desk.getByTestId(`conflict-resolve-${conflictId}`).isVisible()).toBe(true);
    const box = await desk.getByTestId(`conflict-resolve-${conflictId}`).boundingBox();
    expect(box!.x + box!.width).toBeLessThanOrEqual(1366);
    const text = await row.innerText();
    expect(text).toContain(mine.case!.ref);
    expect(text).toContain(mine.case!.personName);
    expect(text).toContain('待处理');
    await shot('open');

    await desk.getByTestId(`conflict-details-${conflictId}`).click();
    const entry = desk.getByTestId(`conflict-entry-${conflictId}`);
    await entry.waitFor();
    const sent = await entry.innerText();
    for (const words of ['37.9 °C', '发热', '干咳', '乏力', '不适', '需要退烧药']) expect(sent).toContain(words);
    expect(sent).not.toContain('{');
    await desk.waitForTimeout(400); // the drawer's slide-in
    await shot('details');
  });

  it('resolved with a note, it leaves the open list and shows under 已处理', async () => {
    await desk.getByTestId('conflict-drawer-resolve').click();
    await desk.getByTestId('conflict-note').fill(note);
    await desk.getByTestId('conflict-resolve-form-submit').click();
    // The drawer shows the resolution; the list no longer holds it among the open ones.
    const state = desk.getByTestId('conflict-drawer-status');
    await expect.poll(() => state.getAttribute('data-status')).toBe('resolved');
    expect(await desk.getByTestId(`conflict-detail-${conflictId}`).innerText()).toContain(note);
    await expect.poll(() => desk.getByTestId(`conflict-row-${conflictId}`).count()).toBe(0);
    await desk.keyboard.press('Escape');
    await expect.poll(() => desk.locator('.ant-drawer-open').count()).toBe(0);

    await desk.getByTestId('conflicts-status').getByText('已处理').click();
    await desk.waitForURL(/status=resolved/);
    const row = desk.getByTestId(`conflict-row-${conflictId}`);
    await row.waitFor();
    expect(await desk.getByTestId(`conflict-status-${conflictId}`).getAttribute('data-status')).toBe('resolved');
    expect(await row.innerText()).toContain(note);
    const resolved = await apiGet<{ items: Conflict[] }>(desk, server.url, '/sync/conflicts?status=resolved');
    expect(resolved.items.find((c) => c.id === conflictId)).toMatchObject({ status: 'resolved', resolutionNote: note });
    await shot('resolved');
    expect(problems).toEqual([]);
  });
});
