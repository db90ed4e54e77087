import { afterAll, beforeAll, describe, expect, it, vi } from 'vitest';
import { createTestApp, type TestApp } from '../../test/app.ts';
import { API } from '../../test/requests.ts';
import type { Conflict } from '../features/sync/sync.schemas.ts';
import { calendarDate, zonedInstant } from '../platform/dates.ts';
import { DEMO_PASSWORD, loadDemoCity } from './demo-city.ts';
import { loadDemoCases } from './demo-cases.ts';
import { loadDemoConflicts, type DemoConflictsSummary } from './demo-conflicts.ts';
import { loadDemoDuty } from './demo-duty.ts';
import { loadDemoVolunteers } from './demo-volunteers.ts';

let t: TestApp;
let summary: DemoConflictsSummary | null;
beforeAll(async () => {
  t = await createTestApp();
  // The reassigned check-in is on the shift in progress, on a roster that starts today: load at
  // 10:30 local, when the morning shifts have run a while.
  const { timeZone } = t.deps.config;
  vi.useFakeTimers({ toFake: ['Date'] });
  vi.setSystemTime(zonedInstant(timeZone, calendarDate(timeZone), '10:30'));
  await loadDemoCity(t.deps);
  await t.deps.db.withoutSync(() => loadDemoVolunteers(t.deps));
  await t.deps.db.withoutSync(() => loadDemoDuty(t.deps));
  await t.deps.db.withoutSync(() => loadDemoCases(t.deps));
  summary = await t.deps.db.withoutSync(() => loadDemoConflicts(t.deps));
}, 300_000);
afterAll(async () => {
  vi.useRealTimers();
  await t.close();
});

const openList = async (login: string) => {
  const desk = await t.signIn(login, DEMO_PASSWORD);
  const res = await desk.get(`${API}/sync/conflicts?status=open&limit=50`);
  expect(res.statusCode, res.body).toBe(200);
  return res.json<{ items: Conflict[]; total: number }>();
};

describe('demo offline conflicts', () => {
  it('loads once: reports that arrived after their case closed, and a check-in for a shift taken away', async () => {
    expect(summary).toMatchObject({ caseReleased: 4, shiftReassigned: 1 });
    // The older one of each pair was settled; the latest waits.
    expect(summary!.resolved).toBe(2);
    expect(await loadDemoConflicts(t.deps)).toBeNull();
  });

  it('雪松社区’s manager finds both kinds open, each made before it arrived', async () => {
    const { items } = await openList('xuesong');
    const kinds = items.map((c) => c.kind);
    expect(kinds).toContain('shift_reassigned');
    expect(kinds.filter((k) => k === 'case_released').length).toBeGreaterThanOrEqual(1);
    for (const c of items) expect(Date.parse(c.madeAt)).toBeLessThan(Date.parse(c.receivedAt));

    const shift = items.find((c) => c.kind === 'shift_reassigned')!;
    expect(shift.volunteer?.name).toBe('赵志刚');
    expect(shift.checkpoint?.name).toBeTruthy();
    expect(Date.parse(shift.madeAt)).toBeGreaterThanOrEqual(Date.parse(shift.shift!.startsAt));
    expect(Date.parse(shift.madeAt)).toBeLessThan(Date.parse(shift.shift!.endsAt));
    expect(shift.entry).toMatchObject({ action: 'checkIn' });
    expect(shift.reason).toContain(shift.checkpoint!.name);

    const report = items.find((c) => c.kind === 'case_released')!;
    expect(report.case?.personName).toMatch(/\*/);
    expect(report.entry).toHaveProperty('temperature');
  });

  it('the check-in stayed a conflict: 赵志刚 holds no duty on that shift', async () => {
    const { items } = await openList('xuesong');
    const shift = items.find((c) => c.kind === 'shift_reassigned')!;
    const held = await t.deps.db.db
      .selectFrom('rosterAssignments')
      .select('id')
      .where('shiftId', '=', shift.shift!.id)
      .where('volunteerId', '=', shift.volunteer!.id)
      .execute();
    expect(held).toEqual([]);
  });

  it('the people who settle them were told, and the entries are audited', async () => {
    const desk = await t.signIn('xuesong', DEMO_PASSWORD);
    const inbox = (await desk.get(`${API}/notifications?limit=50`)).json<{ items: { link: string | null }[] }>();
    expect(inbox.items.some((n) => n.link === '/sync/conflicts')).toBe(true);
    const doctor = await t.signIn('doctor', DEMO_PASSWORD);
    const told = (await doctor.get(`${API}/notifications?limit=50`)).json<{ items: { link: string | null }[] }>();
    expect(told.items.some((n) => n.link === '/sync/conflicts')).toBe(true);
    const audited = await t.deps.db.db
      .selectFrom('auditLog')
      .select('action')
      .where('entityType', '=', 'offline_conflict')
      .execute();
    expect(audited.filter((a) => a.action === 'conflict.record').length).toBe(5);
    expect(audited.filter((a) => a.action === 'conflict.resolve').length).toBe(summary!.resolved);
  });

  it('the county sees the conflicts of all its communities; the settled ones under 已处理, with the doctor’s note', async () => {
    const { total } = await openList('yicheng');
    expect(total).toBe(5 - summary!.resolved);
    const county = await t.signIn('yicheng', DEMO_PASSWORD);
    const { items } = (await county.get(`${API}/sync/conflicts?status=resolved`)).json<{ items: Conflict[] }>();
    expect(items).toHaveLength(summary!.resolved);
    for (const c of items) {
      expect(c.resolvedBy?.name).toBeTruthy();
      expect(c.resolutionNote).toBeTruthy();
      expect(Date.parse(c.resolvedAt!)).toBeGreaterThan(Date.parse(c.receivedAt));
      expect(Date.parse(c.resolvedAt!)).toBeLessThan(Date.now());
    }
  });
});
