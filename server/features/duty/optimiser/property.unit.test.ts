import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { TIME_BANDS } from '../../../../common/enums.ts';
import { checkRoster, createRosterState, solveRoster, type Assignment, type RosterProblem, type Risk } from './index.ts';

const point = fc.record({
  lat: fc.double({ min: 32.6, max: 32.9, noNaN: true }),
  lng: fc.double({ min: 114.9, max: 115.2, noNaN: true }),
});
const slot = fc.record({ weekday: fc.integer({ min: 1, max: 7 }), band: fc.constantFrom(...TIME_BANDS) });
const paths = ['/c/k/t1/a/', '/c/k/t1/b/', '/c/k/t2/a/', '/c/k/t2/'];
const teams = ['red', 'blue', 'green'];

/**
 * Arbitrary problems: shifts of any length starting anywhere in two weeks (overlapping,
 * back-to-back, across midnight, longer than a day), any availability, teams and team-only
 * checkpoints, ineligible people, missing coordinates, any rules, and valid locked pairs.
 */
const problems = fc
  .record({
    checkpoints: fc.array(
      fc.record({
        risk: fc.constantFrom<Risk>(1, 2, 3, 4),
        path: fc.constantFrom(...paths),
        location: fc.option(point, { nil: null }),
        teamIds: fc.option(fc.subarray(teams, { minLength: 1 }), { nil: undefined }),
      }),
      { minLength: 1, maxLength: 4 },
    ),
    shifts: fc.array(
      fc.record({
        cp: fc.nat(),
        start: fc.integer({ min: 0, max: 14 * 1440 }),
        length: fc.constantFrom(240, 360, 480, 480, 720, 1440, 1500),
        required: fc.integer({ min: 0, max: 3 }),
      }),
      { maxLength: 24 },
    ),
    volunteers: fc.array(
      fc.record({
        path: fc.constantFrom(...paths.map((p) => `${p}g/`)),
        home: fc.option(point, { nil: null }),
        availability: fc.oneof(fc.array(slot, { maxLength: 28 }), fc.constant('all' as const)),
        teamIds: fc.subarray(teams),
        eligible: fc.boolean(),
      }),
      { maxLength: 10 },
    ),
    rules: fc.record({
      minRestMinutes: fc.constantFrom(0, 240, 480, 600),
      maxShiftsPerWeek: fc.integer({ min: 0, max: 6 }),
      maxShiftsPerDay: fc.option(fc.integer({ min: 1, max: 3 }), { nil: undefined }),
    }),
    locks: fc.array(fc.record({ shift: fc.nat(), volunteer: fc.nat() }), { maxLength: 4 }),
  })
  .map((r): RosterProblem => {
    const checkpoints = r.checkpoints.map((c, i) => ({
      id: `cp${i}`,
      risk: c.risk,
      regionId: c.path,
      regionPath: c.path,
      location: c.location,
      ...(c.teamIds ? { teamIds: c.teamIds } : {}),
    }));
    const all = [1, 2, 3, 4, 5, 6, 7].flatMap((weekday) => TIME_BANDS.map((band) => ({ weekday, band })));
    const p: RosterProblem = {
      horizonStart: '2020-02-03T00:00:00+08:00',
      checkpoints,
      shifts: r.shifts.map((s, i) => ({
        id: `s${i}`,
        checkpointId: checkpoints[s.cp % checkpoints.length]!.id,
        start: s.start,
        end: s.start + s.length,
        required: s.required,
      })),
      volunteers: r.volunteers.map((v, i) => ({
        id: `v${i}`,
        regionPath: v.path,
        home: v.home,
        availability: v.availability === 'all' ? all : v.availability,
        teamIds: v.teamIds,
        eligible: v.eligible,
      })),
      rules: r.rules,
    };
    // Locked pairs, each valid given the ones before it.
    if (p.shifts.length && p.volunteers.length) {
      const state = createRosterState(p);
      const locked: Assignment[] = [];
      for (const l of r.locks) {
        const a = {
          shiftId: p.shifts[l.shift % p.shifts.length]!.id,
          volunteerId: p.volunteers[l.volunteer % p.volunteers.length]!.id,
        };
        if (!state.assign(a.shiftId, a.volunteerId).length) locked.push(a);
      }
      p.locked = locked;
    }
    return p;
  });

describe('solveRoster (properties)', () => {
  it('keeps every hard rule, never exceeds what a shift requires, and keeps the locked pairs', () => {
    fc.assert(
      fc.property(problems, fc.integer({ min: 1, max: 1000 }), (p, seed) => {
        const r = solveRoster(p, { seed, searchIterations: 40, timeLimitMs: 2000 });
        expect(checkRoster(p, r.assignments)).toEqual([]);
        for (const s of p.shifts) expect(r.assignments.filter((a) => a.shiftId === s.id).length).toBeLessThanOrEqual(s.required);
        expect(r.assignments.slice(0, p.locked?.length ?? 0)).toEqual(p.locked ?? []);
        expect(r.lockedViolations).toEqual([]);
        const missing = r.uncovered.reduce((a, u) => a + u.missing, 0);
        expect(r.report.filled + missing).toBe(r.report.positions);
        expect(r.report.shortfallByRegion.reduce((a, x) => a + x.missing, 0)).toBe(missing);
        // No one idle who could still take an uncovered shift as it stands.
        const state = createRosterState(p, r.assignments);
        for (const u of r.uncovered) for (const v of p.volunteers) expect(state.canAssign(u.shiftId, v.id)).not.toEqual([]);
      }),
      { numRuns: 300 },
    );
  });
});
