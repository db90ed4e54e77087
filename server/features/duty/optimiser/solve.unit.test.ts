import { describe, expect, it } from 'vitest';
import { smallInstance } from '../../../../test/roster-exact.ts';
import { at, checkpoint, east, problem, shift, volunteer } from './fixtures.unit-helpers.ts';
import { checkRoster, RosterInputError, solveRoster, type Assignment, type RosterProblem, type SolveOptions } from './index.ts';

/** Tests pass a generous cap so that the search always runs to its end (deterministic, whatever the machine's load). */
const solve = (p: RosterProblem, o: SolveOptions = {}) => {
  const result = solveRoster(p, { timeLimitMs: 8000, ...o });
  expect(
    checkRoster(p, result.assignments).filter(
      (v) => !(p.locked ?? []).some((l) => l.shiftId === v.shiftId && l.volunteerId === v.volunteerId),
    ),
  ).toEqual([]);
  return result;
};
const who = (assignments: Assignment[], shiftId: string) =>
  assignments
    .filter((a) => a.shiftId === shiftId)
    .map((a) => a.volunteerId)
    .sort();

describe('solveRoster: hard rules', () => {
  it('gives no one a shift outside their availability', () => {
    const p = problem({
      checkpoints: [checkpoint('c1')],
      shifts: [shift('night', 'c1', at(0, 0), at(0, 6)), shift('morning', 'c1', at(0, 6), at(0, 12))],
      volunteers: [volunteer('early', { availability: [{ weekday: 1, band: 'morning' }] })],
    });
    const r = solve(p);
    expect(r.assignments).toEqual([{ shiftId: 'morning', volunteerId: 'early' }]);
    expect(r.uncovered.map((u) => u.shiftId)).toEqual(['night']);
  });

  it('never gives one person two overlapping shifts, and keeps the rest', () => {
    const p = problem({
      checkpoints: [checkpoint('low', { risk: 1 }), checkpoint('high', { risk: 4, location: east(5) })],
      shifts: [
        shift('low-day', 'low', at(0, 8), at(0, 16)),
        shift('high-day', 'high', at(0, 8), at(0, 16)),
        shift('high-eve', 'high', at(0, 18), at(0, 24)),
      ],
      volunteers: [volunteer('v')],
    });
    // Overlap: one of the two day shifts, the high-risk one; rest 2 h < 8 h: not the evening as well.
    const r = solve(p);
    expect(r.assignments).toHaveLength(1);
    expect(r.assignments[0]!.shiftId).toMatch(/^high-/);
    // With a 2-hour minimum rest the day and the evening shift both go to v.
    const relaxed = solve({ ...p, rules: { minRestMinutes: 120 } });
    expect(relaxed.assignments.map((a) => a.shiftId).sort()).toEqual(['high-day', 'high-eve']);
  });

  it('keeps to the weekly limit in every 7 consecutive days, and to the daily one', () => {
    const p = problem({
      checkpoints: [checkpoint('c1')],
      shifts: Array.from({ length: 14 }, (_, d) => shift(`d${d}`, 'c1', at(d, 8), at(d, 16))),
      volunteers: [volunteer('v')],
      rules: { maxShiftsPerWeek: 3 },
    });
    const r = solve(p);
    const days = r.assignments.map((a) => Number(a.shiftId.slice(1))).sort((x, y) => x - y);
    expect(days.length).toBe(6);
    for (const d of days) expect(days.filter((e) => e >= d && e < d + 7).length).toBeLessThanOrEqual(3);
    const daily = problem({
      checkpoints: [checkpoint('c1')],
      shifts: [shift('a', 'c1', at(0, 0), at(0, 4)), shift('b', 'c1', at(0, 12), at(0, 16))],
      volunteers: [volunteer('v')],
      rules: { maxShiftsPerDay: 1 },
    });
    expect(solve(daily).assignments).toHaveLength(1);
  });

  it('gives a team checkpoint only to its team, and nothing to ineligible people', () => {
    const p = problem({
      checkpoints: [checkpoint('team-gate', { teamIds: ['red'] })],
      shifts: [shift('s', 'team-gate', at(0, 8), at(0, 16), 2)],
      volunteers: [
        volunteer('near-no-team'),
        volunteer('far-red', { teamIds: ['red'], home: east(20) }),
        volunteer('sick-red', { teamIds: ['red'], eligible: false }),
      ],
    });
    const r = solve(p);
    expect(r.assignments).toEqual([{ shiftId: 's', volunteerId: 'far-red' }]);
    expect(r.uncovered).toEqual([expect.objectContaining({ shiftId: 's', missing: 1 })]);
  });

  it('throws RosterInputError on a malformed problem', () => {
    const p = problem({ checkpoints: [checkpoint('c1')], shifts: [shift('s', 'nowhere', at(0, 8), at(0, 4))], volunteers: [] });
    expect(() => solveRoster(p)).toThrow(RosterInputError);
    try {
      solveRoster(p);
    } catch (e) {
      expect((e as RosterInputError).issues).toEqual([
        { path: 'shifts[0].checkpointId', reason: 'unknown' },
        { path: 'shifts[0].end', reason: 'not after start' },
      ]);
    }
  });

  it('solves an empty problem', () => {
    const r = solve(problem({}));
    expect(r.assignments).toEqual([]);
    expect(r.report).toMatchObject({ positions: 0, filled: 0, coverage: 1 });
  });
});

describe('solveRoster: goals', () => {
  it('covers higher-risk positions first when people are short, even farther from home', () => {
    const p = problem({
      checkpoints: [
        checkpoint('near-low', { risk: 1, location: east(0.2) }),
        checkpoint('far-high', { risk: 4, location: east(15) }),
        checkpoint('mid', { risk: 3, location: east(5) }),
      ],
      shifts: [
        shift('low', 'near-low', at(0, 8), at(0, 16)),
        shift('high', 'far-high', at(0, 8), at(0, 16)),
        shift('mid', 'mid', at(0, 8), at(0, 16)),
      ],
      volunteers: [volunteer('a'), volunteer('b')],
    });
    const r = solve(p);
    expect(r.assignments.map((a) => a.shiftId).sort()).toEqual(['high', 'mid']);
    expect(r.uncovered).toEqual([expect.objectContaining({ shiftId: 'low', risk: 1, missing: 1 })]);
    expect(r.report.coverageByRisk.map((c) => c.coverage)).toEqual([1, 1, 1, 0]);
  });

  it('gives a scarce night to the one person who can take it', () => {
    const p = problem({
      checkpoints: [checkpoint('gate', { risk: 4 })],
      shifts: [shift('day', 'gate', at(0, 8), at(0, 16)), shift('night', 'gate', at(0, 22), at(1, 6))],
      volunteers: [
        volunteer('owl', { home: east(0) }),
        volunteer('dayonly', {
          home: east(3),
          availability: [
            { weekday: 1, band: 'morning' },
            { weekday: 1, band: 'afternoon' },
          ],
        }),
      ],
    });
    const r = solve(p);
    expect(who(r.assignments, 'night')).toEqual(['owl']);
    expect(who(r.assignments, 'day')).toEqual(['dayonly']);
  });

  it('moves people along a chain to cover a position the construction left empty', () => {
    // Risk first: the construction gives the nearby risk-4 day shift to the owl, who then cannot
    // take the risk-3 night (too little rest). The repair moves the owl to the night and the
    // day-only volunteer onto the day shift.
    const p = problem({
      checkpoints: [checkpoint('high', { risk: 4 }), checkpoint('mid', { risk: 3 })],
      shifts: [shift('day', 'high', at(0, 8), at(0, 16)), shift('night', 'mid', at(0, 22), at(1, 6))],
      volunteers: [
        volunteer('owl', { home: east(0) }),
        volunteer('dayonly', {
          home: east(3),
          availability: [
            { weekday: 1, band: 'morning' },
            { weekday: 1, band: 'afternoon' },
          ],
        }),
      ],
    });
    expect(solve(p, { improve: false }).uncovered.map((u) => u.shiftId)).toEqual(['night']);
    const r = solve(p);
    expect(who(r.assignments, 'night')).toEqual(['owl']);
    expect(who(r.assignments, 'day')).toEqual(['dayonly']);
    expect(r.report.coverage).toBe(1);
  });

  it('prefers people near home: by coordinates, else by region', () => {
    const p = problem({
      checkpoints: [
        checkpoint('c1', { location: east(0) }),
        checkpoint('c2', { location: null, regionPath: '/city/county/town/other/' }),
      ],
      shifts: [shift('s1', 'c1', at(0, 8), at(0, 16)), shift('s2', 'c2', at(0, 8), at(0, 16))],
      volunteers: [
        volunteer('far', { home: east(8), regionPath: '/city/county/town/comm/g1/' }),
        volunteer('near', { home: east(1), regionPath: '/city/county/town/comm/g2/' }),
        volunteer('other-comm', { home: null, regionPath: '/city/county/town/other/g1/' }),
      ],
    });
    const r = solve(p);
    expect(who(r.assignments, 's1')).toEqual(['near']);
    expect(who(r.assignments, 's2')).toEqual(['other-comm']);
    expect(r.report.distance).toMatchObject({ byCoordinates: 1, byRegion: 1 });
    expect(r.report.distance.meanKm).toBeCloseTo((1 + 1.5) / 2, 2);
  });

  it('spreads the load between equally near people', () => {
    const p = problem({
      checkpoints: [checkpoint('c1')],
      shifts: Array.from({ length: 4 }, (_, d) => shift(`d${d}`, 'c1', at(d, 8), at(d, 16))),
      volunteers: [volunteer('a'), volunteer('b')],
    });
    const r = solve(p);
    expect(r.report.load.used).toMatchObject({ count: 2, min: 2, max: 2, stdDev: 0 });
    expect(r.report.load.eligible).toMatchObject({ count: 2, mean: 2 });
  });

  it('keeps team members together on a shift when it costs nothing', () => {
    const p = problem({
      checkpoints: [checkpoint('c1'), checkpoint('c2')],
      shifts: [shift('s1', 'c1', at(0, 8), at(0, 16), 2), shift('s2', 'c2', at(0, 8), at(0, 16), 2)],
      volunteers: [
        volunteer('red1', { teamIds: ['red'] }),
        volunteer('blue1', { teamIds: ['blue'] }),
        volunteer('red2', { teamIds: ['red'] }),
        volunteer('blue2', { teamIds: ['blue'] }),
      ],
    });
    const r = solve(p);
    expect(r.report.teamCohesion).toEqual({ pairs: 2, sameTeamPairs: 2, share: 1 });
  });
});

describe('solveRoster: locked assignments and the report', () => {
  it('keeps locked pairs as they are, counts them in the rules, and adds no violation', () => {
    const p = problem({
      checkpoints: [checkpoint('c1'), checkpoint('c2', { location: east(9) })],
      shifts: [
        shift('s1', 'c1', at(0, 0), at(0, 8)),
        shift('s2', 'c1', at(0, 8), at(0, 16)),
        shift('s3', 'c2', at(0, 16), at(0, 24)),
      ],
      volunteers: [volunteer('near'), volunteer('far', { home: east(10) })],
      // A hand edit put `near` on s1 and, against the rest rule, on s2 as well; `far` on s3 is published.
      locked: [
        { shiftId: 's1', volunteerId: 'near' },
        { shiftId: 's2', volunteerId: 'near' },
        { shiftId: 's3', volunteerId: 'far' },
        { shiftId: 's3', volunteerId: 'far' },
      ],
    });
    const r = solve(p);
    expect(r.assignments.slice(0, 3)).toEqual(p.locked!.slice(0, 3));
    expect(r.lockedViolations.map((v) => v.code)).toEqual(['rest_too_short', 'duplicate']);
    expect(checkRoster(p, r.assignments).map((v) => v.code)).toEqual(['rest_too_short']);
  });

  it('reports uncovered positions by risk and the shortfall per region when people are too few', () => {
    const p = problem({
      checkpoints: [
        checkpoint('a1', { risk: 1, regionId: 'A', regionPath: '/city/county/A/' }),
        checkpoint('a2', { risk: 3, regionId: 'A', regionPath: '/city/county/A/' }),
        checkpoint('b1', { risk: 4, regionId: 'B', regionPath: '/city/county/B/', location: east(2) }),
      ],
      shifts: [
        shift('a1-day', 'a1', at(0, 8), at(0, 16), 2),
        shift('a2-day', 'a2', at(0, 8), at(0, 16), 2),
        shift('b1-day', 'b1', at(0, 8), at(0, 16), 1),
        shift('b1-night', 'b1', at(1, 0), at(1, 8), 1),
      ],
      volunteers: [
        volunteer('v1'),
        volunteer('v2', {
          availability: [
            { weekday: 2, band: 'night' },
            { weekday: 2, band: 'morning' },
          ],
        }),
      ],
    });
    const r = solve(p);
    expect(r.report.positions).toBe(6);
    expect(r.report.filled).toBe(2);
    expect(who(r.assignments, 'b1-day')).toEqual(['v1']);
    expect(who(r.assignments, 'b1-night')).toEqual(['v2']);
    expect(r.uncovered.map((u) => [u.shiftId, u.risk, u.missing])).toEqual([
      ['a2-day', 3, 2],
      ['a1-day', 1, 2],
    ]);
    expect(r.report.shortfallByRegion).toEqual([
      { regionId: 'A', regionPath: '/city/county/A/', missing: 4, missingByRisk: { 1: 2, 2: 0, 3: 2, 4: 0 } },
    ]);
    expect(r.report.unstaffedShifts).toBe(2);
    expect(r.report.coverageByRisk).toEqual([
      { risk: 4, positions: 2, filled: 2, coverage: 1 },
      { risk: 3, positions: 2, filled: 0, coverage: 0 },
      { risk: 2, positions: 0, filled: 0, coverage: 1 },
      { risk: 1, positions: 2, filled: 0, coverage: 0 },
    ]);
  });

  it('is deterministic for a given problem and seed', () => {
    const p = smallInstance(7);
    const first = solve(p);
    const second = solve(structuredClone(p));
    expect(second.assignments).toEqual(first.assignments);
    expect(second.report).toEqual(first.report);
    expect(first.timings.stoppedBy).toBe('completed');
    const other = solve(p, { seed: 99 });
    expect(other.report.objective.filledByRisk).toEqual(first.report.objective.filledByRisk);
  });

  it('the construction alone already keeps every rule', () => {
    const p = smallInstance(3);
    const r = solve(p, { improve: false });
    expect(r.timings.stoppedBy).toBe('construction-only');
  });
});
