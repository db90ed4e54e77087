/**
 * The problem compiled to typed arrays indexed by integers (shift s, volunteer v, checkpoint c),
 * shared by the rule checker, the heuristic and the report. Internal to the optimiser.
 */
import {
  availabilityMask,
  MINUTES_PER_DAY,
  resolveRules,
  shiftMask,
  type LatLng,
  type ResolvedRules,
  type RosterCheckpoint,
  type RosterProblem,
  type RosterVolunteer,
} from './problem.ts';

export interface Model {
  problem: RosterProblem;
  rules: ResolvedRules;
  nS: number;
  nV: number;
  nC: number;
  shiftIndex: Map<string, number>;
  volunteerIndex: Map<string, number>;
  checkpointIndex: Map<string, number>;
  sStart: Int32Array;
  sEnd: Int32Array;
  sReq: Int32Array;
  sCp: Int32Array;
  /** Weekly (weekday, band) mask the shift touches. */
  sMask: Int32Array;
  /** Calendar day of the start, counted from the horizon start. */
  sDay: Int32Array;
  sRisk: Uint8Array;
  vMask: Int32Array;
  vEligible: Uint8Array;
  /** Sorted team indices. */
  vTeams: Int32Array[];
  vLat: Float64Array;
  vLng: Float64Array;
  vPath: Int32Array[];
  cRisk: Uint8Array;
  /** Sorted team indices, or null when anyone may serve. */
  cTeams: (Int32Array | null)[];
  /** 0: unrestricted; otherwise one id per distinct team restriction. */
  cTeamKey: Int32Array;
  cLat: Float64Array;
  cLng: Float64Array;
  cPath: Int32Array[];
}

const RAD = Math.PI / 180;
const EARTH_KM = 6371.0088;

/**
 * Estimated distance (km) when a side has no coordinates, by the depth of the deepest region both
 * paths share: same grid 0.5, same community 1.5, same township 5, same county 15, same city 40,
 * nothing shared 100. Paths are /city/county/township/community/grid/.
 */
export const REGION_DISTANCE_KM: readonly number[] = [100, 40, 15, 5, 1.5, 0.5];

export function haversineKm(a: LatLng, b: LatLng): number {
  return haversineRad(a.lat * RAD, a.lng * RAD, b.lat * RAD, b.lng * RAD);
}

function haversineRad(lat1: number, lng1: number, lat2: number, lng2: number): number {
  const dLat = lat2 - lat1;
  const dLng = lng2 - lng1;
  const h = Math.sin(dLat / 2) ** 2 + Math.cos(lat1) * Math.cos(lat2) * Math.sin(dLng / 2) ** 2;
  return 2 * EARTH_KM * Math.asin(Math.min(1, Math.sqrt(h)));
}

const segments = (path: string) => path.split('/').filter((s) => s !== '');

function commonDepth(a: ArrayLike<number>, b: ArrayLike<number>): number {
  const n = Math.min(a.length, b.length);
  let i = 0;
  while (i < n && a[i] === b[i]) i++;
  return i;
}

export function regionDistanceKm(volunteerPath: string, checkpointPath: string): number {
  const a = segments(volunteerPath);
  const b = segments(checkpointPath);
  let i = 0;
  while (i < Math.min(a.length, b.length) && a[i] === b[i]) i++;
  return REGION_DISTANCE_KM[Math.min(i, REGION_DISTANCE_KM.length - 1)]!;
}

/** Home → checkpoint distance: haversine when both have coordinates, else the region estimate. */
export function distanceKm(
  v: Pick<RosterVolunteer, 'home' | 'regionPath'>,
  c: Pick<RosterCheckpoint, 'location' | 'regionPath'>,
) {
  return v.home && c.location ? haversineKm(v.home, c.location) : regionDistanceKm(v.regionPath, c.regionPath);
}

function intern<T>(map: Map<T, number>, key: T): number {
  let id = map.get(key);
  if (id === undefined) {
    id = map.size;
    map.set(key, id);
  }
  return id;
}

export function compile(problem: RosterProblem): Model {
  const { shifts, volunteers, checkpoints } = problem;
  const nS = shifts.length;
  const nV = volunteers.length;
  const nC = checkpoints.length;
  const checkpointIndex = new Map(checkpoints.map((c, i) => [c.id, i]));
  const shiftIndex = new Map(shifts.map((s, i) => [s.id, i]));
  const volunteerIndex = new Map(volunteers.map((v, i) => [v.id, i]));
  const teams = new Map<string, number>();
  const pathSegments = new Map<string, number>();
  const pathOf = (path: string) => Int32Array.from(segments(path), (s) => intern(pathSegments, s));
  const teamSet = (ids: readonly string[]) => Int32Array.from(new Set(ids.map((t) => intern(teams, t)))).sort();

  const cRisk = new Uint8Array(nC);
  const cTeams: (Int32Array | null)[] = [];
  const cTeamKey = new Int32Array(nC);
  const restrictionKeys = new Map<string, number>();
  const cLat = new Float64Array(nC);
  const cLng = new Float64Array(nC);
  const cPath: Int32Array[] = [];
  checkpoints.forEach((c, i) => {
    cRisk[i] = c.risk;
    const restricted = c.teamIds && c.teamIds.length ? teamSet(c.teamIds) : null;
    cTeams.push(restricted);
    cTeamKey[i] = restricted ? 1 + intern(restrictionKeys, restricted.join(',')) : 0;
    cLat[i] = c.location ? c.location.lat * RAD : NaN;
    cLng[i] = c.location ? c.location.lng * RAD : NaN;
    cPath.push(pathOf(c.regionPath));
  });

  const sStart = new Int32Array(nS);
  const sEnd = new Int32Array(nS);
  const sReq = new Int32Array(nS);
  const sCp = new Int32Array(nS);
  const sMask = new Int32Array(nS);
  const sDay = new Int32Array(nS);
  const sRisk = new Uint8Array(nS);
  shifts.forEach((s, i) => {
    const c = checkpointIndex.get(s.checkpointId) ?? -1;
    sStart[i] = s.start;
    sEnd[i] = s.end;
    sReq[i] = s.required;
    sCp[i] = c;
    sMask[i] = shiftMask(s.start, s.end);
    sDay[i] = Math.floor(s.start / MINUTES_PER_DAY);
    sRisk[i] = c >= 0 ? cRisk[c]! : 1;
  });

  const vMask = new Int32Array(nV);
  const vEligible = new Uint8Array(nV);
  const vTeams: Int32Array[] = [];
  const vLat = new Float64Array(nV);
  const vLng = new Float64Array(nV);
  const vPath: Int32Array[] = [];
  volunteers.forEach((v, i) => {
    vMask[i] = availabilityMask(v.availability);
    vEligible[i] = v.eligible ? 1 : 0;
    vTeams.push(teamSet(v.teamIds));
    vLat[i] = v.home ? v.home.lat * RAD : NaN;
    vLng[i] = v.home ? v.home.lng * RAD : NaN;
    vPath.push(pathOf(v.regionPath));
  });

  return {
    problem,
    rules: resolveRules(problem.rules),
    nS,
    nV,
    nC,
    shiftIndex,
    volunteerIndex,
    checkpointIndex,
    sStart,
    sEnd,
    sReq,
    sCp,
    sMask,
    sDay,
    sRisk,
    vMask,
    vEligible,
    vTeams,
    vLat,
    vLng,
    vPath,
    cRisk,
    cTeams,
    cTeamKey,
    cLat,
    cLng,
    cPath,
  };
}

/** Do two sorted index arrays share an element? */
export function intersects(a: Int32Array, b: Int32Array): boolean {
  let i = 0;
  let j = 0;
  while (i < a.length && j < b.length) {
    const x = a[i]!;
    const y = b[j]!;
    if (x === y) return true;
    if (x < y) i++;
    else j++;
  }
  return false;
}

/** May volunteer v serve at checkpoint c at all (eligible, and a team member where restricted)? */
export function permitted(m: Model, v: number, c: number): boolean {
  if (!m.vEligible[v]) return false;
  const restricted = m.cTeams[c];
  return !restricted || intersects(m.vTeams[v]!, restricted);
}

/** Distance (km) from volunteer v's home to checkpoint c; `byCoordinates` tells which measure. */
export function dist(m: Model, v: number, c: number): number {
  const vLat = m.vLat[v]!;
  const cLat = m.cLat[c]!;
  if (vLat === vLat && cLat === cLat) return haversineRad(vLat, m.vLng[v]!, cLat, m.cLng[c]!);
  return REGION_DISTANCE_KM[Math.min(commonDepth(m.vPath[v]!, m.cPath[c]!), REGION_DISTANCE_KM.length - 1)]!;
}

export function byCoordinates(m: Model, v: number, c: number): boolean {
  return !Number.isNaN(m.vLat[v]!) && !Number.isNaN(m.cLat[c]!);
}
