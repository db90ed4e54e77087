import { describe, expect, it } from 'vitest';
import { at, checkpoint, problem, shift, volunteer } from './fixtures.unit-helpers.ts';
import { availabilityMask, maskSlots, shiftMask } from './problem.ts';
import { checkRoster, createRosterState } from './rules.ts';

const a = (shiftId: string, volunteerId: string) => ({ shiftId, volunteerId });
const codes = (v: { code: string }[]) => v.map((x) => x.code);

describe('availability masks', () => {
  it('maps a shift to the (weekday, band) slots it touches', () => {
    // Monday 08:00–16:00 touches Monday morning and afternoon.
    expect(maskSlots(shiftMask(at(0, 8), at(0, 16)))).toEqual([
      { weekday: 1, band: 'morning' },
      { weekday: 1, band: 'afternoon' },
    ]);
    // Sunday 22:00 – Monday 06:00 (next week) touches Sunday evening and Monday night.
    expect(maskSlots(shiftMask(at(6, 22), at(7, 6)))).toEqual([
      { weekday: 1, band: 'night' },
      { weekday: 7, band: 'evening' },
    ]);
    // A shift ending exactly at 12:00 does not touch the afternoon.
    expect(maskSlots(shiftMask(at(2, 6), at(2, 12)))).toEqual([{ weekday: 3, band: 'morning' }]);
    expect(availabilityMask([{ weekday: 1, band: 'night' }])).toBe(1);
  });
});

describe('checkRoster', () => {
  const base = problem({
    checkpoints: [checkpoint('c1'), checkpoint('c2', { teamIds: ['red'] })],
    shifts: [
      shift('mon-day', 'c1', at(0, 8), at(0, 16)),
      shift('mon-day-2', 'c2', at(0, 8), at(0, 16)),
      shift('mon-eve', 'c1', at(0, 16), at(0, 24)),
      shift('tue-night', 'c1', at(1, 0), at(1, 8)),
      shift('tue-day', 'c1', at(1, 8), at(1, 16), 2),
    ],
    volunteers: [
      volunteer('ok'),
      volunteer('sick', { eligible: false }),
      volunteer('mornings', { availability: [{ weekday: 1, band: 'morning' }] }),
      volunteer('red', { teamIds: ['red'] }),
      volunteer('x'),
      volunteer('y'),
    ],
  });

  it('accepts a valid roster', () => {
    expect(checkRoster(base, [a('mon-day', 'ok'), a('tue-day', 'ok'), a('mon-day-2', 'red'), a('tue-day', 'x')])).toEqual([]);
  });

  it('names unknown ids and duplicates', () => {
    const v = checkRoster(base, [a('nope', 'ok'), a('mon-day', 'nobody'), a('mon-day', 'ok'), a('mon-day', 'ok')]);
    expect(codes(v)).toEqual(['unknown_shift', 'unknown_volunteer', 'duplicate']);
    expect(v[0]).toMatchObject({ shiftId: 'nope', volunteerId: 'ok' });
  });

  it('finds ineligible, unavailable and team-restricted people', () => {
    const v = checkRoster(base, [a('mon-day', 'sick'), a('mon-day', 'mornings'), a('mon-day-2', 'ok')]);
    expect(codes(v)).toEqual(['not_eligible', 'not_available', 'over_required', 'team_restricted']);
    expect(v.find((x) => x.code === 'not_available')).toMatchObject({
      volunteerId: 'mornings',
      slots: [{ weekday: 1, band: 'afternoon' }],
    });
  });

  it('finds overfull shifts', () => {
    const v = checkRoster(base, [a('mon-day', 'ok'), a('mon-day', 'x')]);
    expect(v).toEqual([{ code: 'over_required', shiftId: 'mon-day', volunteerId: 'x', limit: 1, actual: 2 }]);
  });

  it('finds overlaps and short rests, naming the other shift', () => {
    const v = checkRoster(base, [a('mon-day', 'ok'), a('mon-day-2', 'red'), a('mon-eve', 'red'), a('mon-day-2', 'ok')]);
    expect(v).toContainEqual({
      code: 'rest_too_short',
      shiftId: 'mon-eve',
      volunteerId: 'red',
      otherShiftIds: ['mon-day-2'],
      limit: 480,
      actual: 0,
    });
    expect(v).toContainEqual(
      expect.objectContaining({ code: 'overlap', shiftId: 'mon-day-2', volunteerId: 'ok', otherShiftIds: ['mon-day'] }),
    );
    // With no minimum rest, back-to-back shifts are fine; overlapping ones never are.
    const relaxed = { ...base, rules: { minRestMinutes: 0 } };
    expect(codes(checkRoster(relaxed, [a('mon-day', 'ok'), a('mon-eve', 'ok')]))).toEqual([]);
  });

  it('counts shifts per day and per any 7 consecutive days', () => {
    const days = Array.from({ length: 14 }, (_, d) => shift(`d${d}`, 'c1', at(d, 8), at(d, 16)));
    const p = problem({
      checkpoints: [checkpoint('c1')],
      shifts: days,
      volunteers: [volunteer('v')],
      rules: { maxShiftsPerWeek: 3 },
    });
    // Days 0, 1, 2 then 7, 8, 9: every 7-day window holds at most 3.
    expect(
      checkRoster(
        p,
        [0, 1, 2, 7, 8, 9].map((d) => a(`d${d}`, 'v')),
      ),
    ).toEqual([]);
    // Days 2, 3, 4 and 8: the window from day 2 to day 8 holds 4 (a calendar week would not see it).
    const v = checkRoster(
      p,
      [2, 3, 4, 8].map((d) => a(`d${d}`, 'v')),
    );
    expect(v).toEqual([
      { code: 'too_many_per_week', shiftId: 'd8', volunteerId: 'v', otherShiftIds: ['d2', 'd3', 'd4'], limit: 3, actual: 4 },
    ]);
    const twice = problem({
      checkpoints: [checkpoint('c1')],
      shifts: [shift('early', 'c1', at(0, 0), at(0, 4)), shift('late', 'c1', at(0, 16), at(0, 20))],
      volunteers: [volunteer('v')],
      rules: { maxShiftsPerDay: 1 },
    });
    expect(codes(checkRoster(twice, [a('early', 'v'), a('late', 'v')]))).toEqual(['too_many_per_day']);
  });
});

describe('RosterState (hand edits)', () => {
  const p = problem({
    checkpoints: [checkpoint('c1')],
    shifts: [
      shift('s1', 'c1', at(0, 0), at(0, 8)),
      shift('s2', 'c1', at(0, 8), at(0, 16)),
      shift('s3', 'c1', at(0, 16), at(0, 24)),
    ],
    volunteers: [volunteer('v'), volunteer('w')],
  });

  it('answers canAssign from the roster as it stands, and assign/unassign keep it current', () => {
    const state = createRosterState(p, [a('s1', 'v')]);
    expect(codes(state.canAssign('s2', 'v'))).toEqual(['rest_too_short']);
    expect(state.canAssign('s3', 'v')).toEqual([]);
    expect(codes(state.canAssign('s1', 'w'))).toEqual(['over_required']);
    expect(codes(state.canAssign('s9', 'v'))).toEqual(['unknown_shift']);
    // A refused assign changes nothing.
    expect(codes(state.assign('s2', 'v'))).toEqual(['rest_too_short']);
    expect(state.assignments()).toEqual([a('s1', 'v')]);
    // Moving v from s1 to s2 (a drag in the planner): unassign, then the check passes.
    expect(state.unassign('s1', 'v')).toBe(true);
    expect(state.assign('s2', 'v')).toEqual([]);
    expect(state.assign('s1', 'w')).toEqual([]);
    expect(state.assignments()).toEqual([a('s1', 'w'), a('s2', 'v')]);
    expect(checkRoster(p, state.assignments())).toEqual([]);
  });
});
