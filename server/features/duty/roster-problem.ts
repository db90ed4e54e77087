/**
 * Between the duty tables and the optimiser: shifts made from checkpoints' daily patterns, and
 * the optimiser's problem (minutes from the Monday 00:00 on or before the roster's first day,
 * local time) built from stored shifts, checkpoints and volunteers. Pure functions.
 */
import type { RiskLevel, TimeBand } from '../../../common/enums.ts';
import { addDays, dateRange, daysBetween, localDateTime, weekdayOf, zonedInstant } from '../../platform/dates.ts';
import type { ShiftSlot } from '../checkpoints/checkpoints.schemas.ts';
import type { Assignment, RosterProblem, RosterReport, RosterRules as OptimiserRules, RosterTimings } from './optimiser/index.ts';
import type { Generation, RosterRules } from './rosters.schemas.ts';

export interface ShiftTimes {
  checkpointId: string;
  startsAt: string;
  endsAt: string;
  required: number;
}

/**
 * One shift per slot per day from `startsOn` to `endsOn`: it starts on that day at the slot's
 * local start and ends the same day, or the next one when its end is not after its start
 * (equal: 24 hours).
 */
export function patternShifts(
  checkpoints: readonly { id: string; shiftPattern: readonly ShiftSlot[] }[],
  startsOn: string,
  endsOn: string,
  timeZone: string,
): ShiftTimes[] {
  const out: ShiftTimes[] = [];
  const days = dateRange(startsOn, endsOn);
  for (const c of checkpoints) {
    for (const date of days) {
      for (const slot of c.shiftPattern) {
        const endDate = slot.end <= slot.start ? addDays(date, 1) : date;
        out.push({
          checkpointId: c.id,
          startsAt: zonedInstant(timeZone, date, slot.start).toISOString(),
          endsAt: zonedInstant(timeZone, endDate, slot.end).toISOString(),
          required: slot.people,
        });
      }
    }
  }
  return out;
}

/** The Monday on or before a date: the optimiser's week starts there. */
export function horizonStart(startsOn: string): string {
  return addDays(startsOn, 1 - weekdayOf(startsOn));
}

/** Local wall-clock minutes from the horizon's Monday 00:00 to an instant. */
function minutesFrom(horizon: string, timeZone: string, iso: string): number {
  const { date, time } = localDateTime(timeZone, new Date(iso));
  const [h, m] = time.split(':').map(Number) as [number, number];
  return daysBetween(horizon, date) * 1440 + h * 60 + m;
}

export function optimiserRules(rules: RosterRules): OptimiserRules {
  return {
    minRestMinutes: Math.round(rules.minRestHours * 60),
    maxShiftsPerWeek: rules.maxShiftsPerWeek,
    ...(rules.maxShiftsPerDay !== null ? { maxShiftsPerDay: rules.maxShiftsPerDay } : {}),
  };
}

export interface ProblemInput {
  startsOn: string;
  timeZone: string;
  rules: RosterRules;
  shifts: readonly (ShiftTimes & { id: string })[];
  checkpoints: readonly {
    id: string;
    risk: RiskLevel;
    regionId: string;
    regionPath: string;
    lat: number | null;
    lng: number | null;
    teamId: string | null;
  }[];
  volunteers: readonly {
    id: string;
    regionPath: string;
    availability: readonly { weekday: number; band: TimeBand }[];
    status: string;
  }[];
  /** Team ids per volunteer, a team's parent included (teams.membershipsOf). */
  teamIds: ReadonlyMap<string, readonly string[]>;
  locked?: readonly Assignment[];
}

export function buildProblem(p: ProblemInput): RosterProblem {
  const horizon = horizonStart(p.startsOn);
  return {
    horizonStart: zonedInstant(p.timeZone, horizon, '00:00').toISOString(),
    shifts: p.shifts.map((s) => {
      const start = minutesFrom(horizon, p.timeZone, s.startsAt);
      let end = minutesFrom(horizon, p.timeZone, s.endsAt);
      // A daylight-saving change inside the shift can fold its wall-clock end back; keep its real length.
      if (end <= start) end = start + Math.max(1, Math.round((Date.parse(s.endsAt) - Date.parse(s.startsAt)) / 60_000));
      return { id: s.id, checkpointId: s.checkpointId, start, end, required: s.required };
    }),
    checkpoints: p.checkpoints.map((c) => ({
      id: c.id,
      risk: c.risk,
      regionId: c.regionId,
      regionPath: c.regionPath,
      location: c.lat !== null && c.lng !== null ? { lat: c.lat, lng: c.lng } : null,
      teamIds: c.teamId ? [c.teamId] : [],
    })),
    volunteers: p.volunteers.map((v) => ({
      id: v.id,
      regionPath: v.regionPath,
      home: null,
      availability: v.availability.map((a) => ({ weekday: a.weekday, band: a.band })),
      teamIds: [...(p.teamIds.get(v.id) ?? [])],
      eligible: v.status === 'active',
    })),
    locked: [...(p.locked ?? [])],
    rules: optimiserRules(p.rules),
  };
}

/** What a roster keeps of the optimiser's report. */
export function generationOf(report: RosterReport, timings: RosterTimings, generatedAt: string): Generation {
  return {
    eligibleVolunteers: report.load.eligible.count,
    usedVolunteers: report.load.used.count,
    distanceMeanKm: report.distance.meanKm,
    distanceMaxKm: report.distance.maxKm,
    loadMean: report.load.used.mean,
    loadMax: report.load.used.max,
    loadStdDev: report.load.used.stdDev,
    sameTeamShare: report.teamCohesion.share,
    solveMs: Math.round(timings.totalMs),
    stoppedBy: timings.stoppedBy,
    generatedAt,
  };
}
