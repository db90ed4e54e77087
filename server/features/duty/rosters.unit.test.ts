import { describe, expect, it } from 'vitest';
import { hasMessage, translate } from '../../platform/i18n.ts';
import { checkRoster, createRosterState, type ViolationCode } from './optimiser/index.ts';
import { buildProblem, horizonStart, optimiserRules, patternShifts } from './roster-problem.ts';
import { movesBreak } from './rosters.planning.ts';
import { DEFAULT_ROSTER_RULES } from './rosters.schemas.ts';
import { describeViolation, shiftText, whenText } from './rosters.wording.ts';

const TZ = 'Asia/Shanghai';
const ALL = [1, 2, 3, 4, 5, 6, 7].flatMap((weekday) =>
  (['night', 'morning', 'afternoon', 'evening'] as const).map((band) => ({ weekday, band })),
);

describe('shifts from patterns', () => {
  it('makes one shift per slot per day in local time, crossing midnight when the end is not after the start', () => {
    const shifts = patternShifts(
      [
        {
          id: 'c',
          shiftPattern: [
            { start: '08:00', end: '16:00', people: 2 },
            { start: '16:00', end: '00:00', people: 1 },
            { start: '22:00', end: '06:00', people: 1 },
            { start: '08:00', end: '08:00', people: 4 },
          ],
        },
      ],
      '2020-02-29',
      '2020-03-01',
      TZ,
    );
    expect(shifts).toHaveLength(8);
    expect(shifts.slice(0, 4)).toEqual([
      { checkpointId: 'c', startsAt: '2020-02-29T00:00:00.000Z', endsAt: '2020-02-29T08:00:00.000Z', required: 2 },
      { checkpointId: 'c', startsAt: '2020-02-29T08:00:00.000Z', endsAt: '2020-02-29T16:00:00.000Z', required: 1 },
      { checkpointId: 'c', startsAt: '2020-02-29T14:00:00.000Z', endsAt: '2020-02-29T22:00:00.000Z', required: 1 },
      { checkpointId: 'c', startsAt: '2020-02-29T00:00:00.000Z', endsAt: '2020-03-01T00:00:00.000Z', required: 4 },
    ]);
    expect(shifts[4]!.startsAt).toBe('2020-03-01T00:00:00.000Z');
    expect(
      patternShifts([{ id: 'c', shiftPattern: [{ start: '08:00', end: '16:00', people: 1 }] }], '2020-02-10', '2020-02-09', TZ),
    ).toEqual([]);
  });

  it('measures minutes from the Monday on or before the first day, local time', () => {
    expect(horizonStart('2020-02-10')).toBe('2020-02-10'); // a Monday
    expect(horizonStart('2020-02-16')).toBe('2020-02-10'); // the Sunday after it
    const problem = buildProblem({
      startsOn: '2020-02-12',
      timeZone: TZ,
      rules: { ...DEFAULT_ROSTER_RULES, minRestHours: 10, maxShiftsPerDay: 2 },
      shifts: [
        { id: 's', checkpointId: 'c', startsAt: '2020-02-12T14:00:00.000Z', endsAt: '2020-02-12T22:00:00.000Z', required: 1 },
      ],
      checkpoints: [{ id: 'c', risk: 4, regionId: 'r', regionPath: '/a/r/', lat: 32.9, lng: 114, teamId: 't' }],
      volunteers: [
        { id: 'v', regionPath: '/a/r/g/', availability: [{ weekday: 3, band: 'evening' }], status: 'active' },
        { id: 'p', regionPath: '/a/r/g/', availability: ALL, status: 'paused' },
      ],
      teamIds: new Map([['v', ['t']]]),
    });
    expect(problem.horizonStart).toBe('2020-02-09T16:00:00.000Z');
    // Wednesday 22:00 to Thursday 06:00, Beijing time.
    expect(problem.shifts).toEqual([
      { id: 's', checkpointId: 'c', start: 2 * 1440 + 22 * 60, end: 3 * 1440 + 6 * 60, required: 1 },
    ]);
    expect(problem.checkpoints[0]).toEqual({
      id: 'c',
      risk: 4,
      regionId: 'r',
      regionPath: '/a/r/',
      location: { lat: 32.9, lng: 114 },
      teamIds: ['t'],
    });
    expect(problem.volunteers.map((v) => [v.id, v.eligible, v.teamIds])).toEqual([
      ['v', true, ['t']],
      ['p', false, []],
    ]);
    expect(problem.rules).toEqual({ minRestMinutes: 600, maxShiftsPerWeek: 5, maxShiftsPerDay: 2 });
    // The shift needs Thursday night too, which 'v' has not offered.
    expect(checkRoster(problem, [{ shiftId: 's', volunteerId: 'v' }]).map((v) => v.code)).toEqual(['not_available']);
    expect(optimiserRules(DEFAULT_ROSTER_RULES)).toEqual({ minRestMinutes: 480, maxShiftsPerWeek: 5 });
  });
});

describe('violations in words', () => {
  const CODES: ViolationCode[] = [
    'unknown_shift',
    'unknown_volunteer',
    'duplicate',
    'not_eligible',
    'not_available',
    'team_restricted',
    'over_required',
    'overlap',
    'rest_too_short',
    'too_many_per_day',
    'too_many_per_week',
  ];
  const lookup = {
    timeZone: TZ,
    shift: (id: string) =>
      id === 'o'
        ? { checkpointName: '东门', startsAt: '2020-02-10T00:00:00.000Z', endsAt: '2020-02-10T08:00:00.000Z' }
        : undefined,
  };

  it('has a message for every rule in both languages', () => {
    for (const code of CODES) {
      expect(hasMessage(`field.roster.violation.${code}`), code).toBe(true);
      expect(translate('en', `field.roster.violation.${code}`)).not.toBe(translate('zh-CN', `field.roster.violation.${code}`));
    }
  });

  it('names the other shift, the limit and the slots', () => {
    expect(describeViolation({ code: 'rest_too_short', otherShiftIds: ['o'], limit: 480, actual: 270 }, lookup, 'zh-CN')).toEqual(
      {
        code: 'rest_too_short',
        message: '与该志愿者在东门的班次（2月10日 08:00–16:00）之间只休息 4.5 小时，至少需要 8 小时',
      },
    );
    expect(describeViolation({ code: 'overlap', otherShiftIds: ['o'] }, lookup, 'en').message).toBe(
      'Overlaps the volunteer’s shift at 东门 (Feb 10 08:00–16:00)',
    );
    expect(describeViolation({ code: 'too_many_per_week', limit: 5, actual: 6 }, lookup, 'zh-CN').message).toBe(
      '该志愿者在连续 7 天内将有 6 个班次，最多 5 个',
    );
    expect(
      describeViolation(
        {
          code: 'not_available',
          slots: [
            { weekday: 1, band: 'evening' },
            { weekday: 2, band: 'night' },
          ],
        },
        lookup,
        'zh-CN',
      ).message,
    ).toBe('该志愿者未登记这些时段可以服务：周一晚上（18–24 时）、周二夜间（0–6 时）');
  });

  it('writes shift times in local time, with the end day when it differs', () => {
    expect(whenText(TZ, '2020-02-09T16:00:00.000Z')).toBe('2月10日 00:00');
    expect(shiftText(TZ, '2020-02-10T12:00:00.000Z', '2020-02-10T22:00:00.000Z')).toBe('2月10日 20:00–2月11日 06:00');
    expect(shiftText(TZ, '2020-02-10T12:00:00.000Z', '2020-02-10T22:00:00.000Z', 'en')).toBe('Feb 10 20:00–Feb 11 06:00');
  });
});

describe('moves on a rules state', () => {
  it('checks a swap as a whole and leaves the state as it was', () => {
    const problem = {
      horizonStart: '',
      shifts: [
        { id: 'a', checkpointId: 'c', start: 480, end: 960, required: 1 },
        { id: 'b', checkpointId: 'c', start: 1440 + 480, end: 1440 + 960, required: 1 },
      ],
      checkpoints: [{ id: 'c', risk: 3 as const, regionId: 'r', regionPath: '/r/', location: null }],
      volunteers: ['x', 'y'].map((id) => ({ id, regionPath: '/r/', home: null, availability: ALL, teamIds: [], eligible: true })),
      rules: { maxShiftsPerWeek: 1 },
    };
    const state = createRosterState(problem, [
      { shiftId: 'a', volunteerId: 'x' },
      { shiftId: 'b', volunteerId: 'y' },
    ]);
    const before = state.assignments();
    // y may take a only by giving up b (one shift a week each).
    expect(
      movesBreak(state, [{ shiftId: 'a', volunteerId: 'x' }], [{ shiftId: 'a', volunteerId: 'y' }]).map((v) => v.code),
    ).toEqual(['too_many_per_week']);
    const exchange = movesBreak(
      state,
      [
        { shiftId: 'a', volunteerId: 'x' },
        { shiftId: 'b', volunteerId: 'y' },
      ],
      [
        { shiftId: 'a', volunteerId: 'y' },
        { shiftId: 'b', volunteerId: 'x' },
      ],
    );
    expect(exchange).toEqual([]);
    expect(state.assignments()).toEqual(before);
  });
});
