/** The roster optimiser: problem in, assignment and report out (README.md). */
export { solveRoster, defaultTimeLimitMs } from './solve.ts';
export { checkRoster, canAssign, createRosterState, RosterState } from './rules.ts';
export { rosterReport, compareFilled } from './report.ts';
export { distanceKm, haversineKm, regionDistanceKm, REGION_DISTANCE_KM } from './model.ts';
export {
  availabilityMask,
  shiftMask,
  validateProblem,
  resolveRules,
  RosterInputError,
  DEFAULT_RULES,
  DEFAULT_WEIGHTS,
  RISKS,
  MINUTES_PER_DAY,
  MINUTES_PER_WEEK,
} from './problem.ts';
export type {
  Assignment,
  Availability,
  LatLng,
  ResolvedRules,
  Risk,
  RosterCheckpoint,
  RosterProblem,
  RosterReport,
  RosterResult,
  RosterRules,
  RosterShift,
  RosterTimings,
  RosterVolunteer,
  SolveOptions,
  UncoveredPosition,
  Violation,
  ViolationCode,
  Weights,
} from './problem.ts';
