import { describe, expect, it } from 'vitest';
import { slotOwed, slotStanding, type OwingCase } from './report-slots.ts';

// Asia/Shanghai is UTC+8 all year; windows 06:00–10:00 and 17:00–21:00 as the server's defaults.
const at = (date: string, time: string) => new Date(`${date}T${time}:00+08:00`);
const end = (date: string, slot: 'morning' | 'evening') => at(date, slot === 'morning' ? '10:00' : '21:00');

// Started on the return date, two days back, but opened on the 10th at 12:00 (the server's rules test).
const backdated: OwingCase = {
  startsOn: '2026-03-08',
  endsOn: '2026-03-21',
  openedAt: at('2026-03-10', '12:00').toISOString(),
  closedAt: null,
};

describe('slotOwed', () => {
  it('asks only windows closing after the opening, as the server does', () => {
    expect(slotOwed(backdated, '2026-03-08', end('2026-03-08', 'morning'))).toBe(false);
    expect(slotOwed(backdated, '2026-03-09', end('2026-03-09', 'evening'))).toBe(false);
    expect(slotOwed(backdated, '2026-03-10', end('2026-03-10', 'morning'))).toBe(false);
    expect(slotOwed(backdated, '2026-03-10', end('2026-03-10', 'evening'))).toBe(true);
    expect(slotOwed(backdated, '2026-03-11', end('2026-03-11', 'morning'))).toBe(true);
    // Opened inside a window: that window is still asked.
    const inside = { ...backdated, openedAt: at('2026-03-10', '09:59').toISOString() };
    expect(slotOwed(inside, '2026-03-10', end('2026-03-10', 'morning'))).toBe(true);
  });

  it('asks nothing outside the case days', () => {
    const early = { ...backdated, openedAt: at('2026-03-01', '08:00').toISOString() };
    expect(slotOwed(early, '2026-03-07', end('2026-03-07', 'evening'))).toBe(false);
    expect(slotOwed(early, '2026-03-22', end('2026-03-22', 'morning'))).toBe(false);
    expect(slotOwed(early, '2026-03-21', end('2026-03-21', 'evening'))).toBe(true);
  });

  it('asks nothing whose window closed after a release or transfer', () => {
    const released = { ...backdated, closedAt: at('2026-03-15', '14:30').toISOString() };
    expect(slotOwed(released, '2026-03-15', end('2026-03-15', 'morning'))).toBe(true);
    expect(slotOwed(released, '2026-03-15', end('2026-03-15', 'evening'))).toBe(false);
    expect(slotOwed(released, '2026-03-16', end('2026-03-16', 'morning'))).toBe(false);
    // Closed at the very end of a window: that window was still open to report.
    const atEnd = { ...backdated, closedAt: end('2026-03-15', 'evening').toISOString() };
    expect(slotOwed(atEnd, '2026-03-15', end('2026-03-15', 'evening'))).toBe(true);
  });
});

describe('slotStanding', () => {
  const now = at('2026-03-12', '12:00');
  it('tells reported, missed, not owed and not yet due apart', () => {
    expect(slotStanding(backdated, '2026-03-09', end('2026-03-09', 'morning'), true, now)).toBe('reported');
    expect(slotStanding(backdated, '2026-03-09', end('2026-03-09', 'morning'), false, now)).toBe('not_owed');
    expect(slotStanding(backdated, '2026-03-11', end('2026-03-11', 'evening'), false, now)).toBe('missed');
    expect(slotStanding(backdated, '2026-03-12', end('2026-03-12', 'morning'), false, now)).toBe('missed');
    expect(slotStanding(backdated, '2026-03-12', end('2026-03-12', 'evening'), false, now)).toBe('not_due');
  });
});
