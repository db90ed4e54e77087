import { describe, expect, it } from 'vitest';
import { attendanceOf } from './attendance-state.ts';

const rules = { checkInEarlyMinutes: 30, absentAfterMinutes: 15, checkOutGraceMinutes: 60 };
const shift = { startsAt: '2020-02-10T00:00:00.000Z' };
const none = { checkedInAt: null, checkedOutAt: null, absentAt: null };
const at = (iso: string) => new Date(iso);

describe('attendanceOf', () => {
  it('is upcoming before check-in opens and due from then until the grace after the start', () => {
    expect(attendanceOf(none, shift, rules, at('2020-02-09T23:29:59.999Z'))).toBe('upcoming');
    expect(attendanceOf(none, shift, rules, at('2020-02-09T23:30:00.000Z'))).toBe('due');
    expect(attendanceOf(none, shift, rules, at('2020-02-10T00:14:59.999Z'))).toBe('due');
  });

  it('is absent once the grace has passed without a check-in, marked or not', () => {
    expect(attendanceOf(none, shift, rules, at('2020-02-10T00:15:00.000Z'))).toBe('absent');
    const marked = { ...none, absentAt: '2020-02-10T00:15:30.000Z' };
    expect(attendanceOf(marked, shift, rules, at('2020-02-10T00:20:00.000Z'))).toBe('absent');
  });

  it('is on duty once checked in and done once checked out, even after an absence mark', () => {
    const inside = { ...none, checkedInAt: '2020-02-09T23:50:00.000Z' };
    expect(attendanceOf(inside, shift, rules, at('2020-02-10T04:00:00.000Z'))).toBe('on_duty');
    const late = { ...none, absentAt: '2020-02-10T00:16:00.000Z', checkedInAt: '2020-02-10T00:40:00.000Z' };
    expect(attendanceOf(late, shift, rules, at('2020-02-10T01:00:00.000Z'))).toBe('on_duty');
    expect(
      attendanceOf({ ...late, checkedOutAt: '2020-02-10T08:00:00.000Z' }, shift, rules, at('2020-02-10T09:00:00.000Z')),
    ).toBe('done');
  });

  it('is absent whenever an inspection found the person absent, whatever the check-in and check-out say', () => {
    const found = { ...none, absentInspectionId: 'inspection-1', absentAt: '2020-02-10T02:00:00.000Z' };
    expect(attendanceOf(found, shift, rules, at('2020-02-10T02:00:00.000Z'))).toBe('absent');
    const cameLater = { ...found, checkedInAt: '2020-02-10T02:30:00.000Z' };
    expect(attendanceOf(cameLater, shift, rules, at('2020-02-10T03:00:00.000Z'))).toBe('absent');
    const leftEarly = { ...cameLater, checkedInAt: '2020-02-09T23:50:00.000Z', checkedOutAt: '2020-02-10T01:00:00.000Z' };
    expect(attendanceOf(leftEarly, shift, rules, at('2020-02-10T09:00:00.000Z'))).toBe('absent');
    expect(attendanceOf({ ...leftEarly, absentInspectionId: null }, shift, rules, at('2020-02-10T09:00:00.000Z'))).toBe('done');
  });

  it('moves the windows with the rules', () => {
    const wide = { checkInEarlyMinutes: 120, absentAfterMinutes: 60, checkOutGraceMinutes: 0 };
    expect(attendanceOf(none, shift, wide, at('2020-02-09T22:00:00.000Z'))).toBe('due');
    expect(attendanceOf(none, shift, wide, at('2020-02-10T00:59:00.000Z'))).toBe('due');
    expect(attendanceOf(none, shift, wide, at('2020-02-10T01:00:00.000Z'))).toBe('absent');
  });
});
