/** Small builders for hand-made roster problems in the optimiser's tests. */
import { TIME_BANDS } from '../../../../common/enums.ts';
import type { Availability, RosterCheckpoint, RosterProblem, RosterShift, RosterVolunteer } from './problem.ts';

export const HOUR = 60;
/** Minute of hour h on day d of the horizon (day 0 is a Monday). */
export const at = (d: number, h: number) => d * 1440 + h * HOUR;

export const EVERY_SLOT: Availability[] = [1, 2, 3, 4, 5, 6, 7].flatMap((weekday) =>
  TIME_BANDS.map((band) => ({ weekday, band })),
);

/** A point `km` east of a fixed origin (1° of longitude ≈ 93.4 km at 32.75° N). */
export const east = (km: number) => ({ lat: 32.75, lng: 115 + km / 93.4 });

export function volunteer(id: string, o: Partial<RosterVolunteer> = {}): RosterVolunteer {
  return {
    id,
    regionPath: '/city/county/town/comm/g1/',
    home: east(0),
    availability: EVERY_SLOT,
    teamIds: [],
    eligible: true,
    ...o,
  };
}

export function checkpoint(id: string, o: Partial<RosterCheckpoint> = {}): RosterCheckpoint {
  return { id, risk: 2, regionId: 'comm', regionPath: '/city/county/town/comm/', location: east(0), ...o };
}

export function shift(id: string, checkpointId: string, start: number, end: number, required = 1): RosterShift {
  return { id, checkpointId, start, end, required };
}

export function problem(p: Partial<RosterProblem>): RosterProblem {
  return { horizonStart: '2020-02-03T00:00:00+08:00', shifts: [], checkpoints: [], volunteers: [], ...p };
}
