import { Type, type Static } from 'typebox';
import {
  ASSIGNMENT_SOURCES,
  ATTENDANCE_STATES,
  CHECKPOINT_KINDS,
  ROSTER_CHANGE_ACTIONS,
  ROSTER_STATUSES,
  type AssignmentSource,
  type AttendanceState,
  type CheckpointKind,
  type RiskLevel,
  type RosterChangeAction,
  type RosterStatus,
} from '../../../common/enums.ts';
import { CalendarDate, Id, Text, Timestamp } from '../../platform/http/schemas.ts';
import { Nullable } from '../teams/teams.schemas.ts';
import type { ViolationCode } from './optimiser/index.ts';

/** The hard rules and attendance windows a roster is made and checked with (stored with defaults filled). */
export interface RosterRules {
  minRestHours: number;
  maxShiftsPerWeek: number;
  maxShiftsPerDay: number | null;
  checkInEarlyMinutes: number;
  absentAfterMinutes: number;
  checkOutGraceMinutes: number;
}

export const DEFAULT_ROSTER_RULES: RosterRules = {
  minRestHours: 8,
  maxShiftsPerWeek: 5,
  maxShiftsPerDay: null,
  checkInEarlyMinutes: 30,
  absentAfterMinutes: 15,
  checkOutGraceMinutes: 60,
};

export interface RosterSummary {
  id: string;
  name: string;
  regionId: string;
  regionName: string;
  startsOn: string;
  endsOn: string;
  status: RosterStatus;
  version: number;
  /** Σ required; Σ min(assigned, required); filled ÷ positions (1 without positions). */
  positions: number;
  filled: number;
  coverage: number;
  checkpointCount: number;
  /** Volunteers with at least one shift. */
  volunteerCount: number;
  pendingSwaps: number;
  createdAt: string;
  publishedAt: string | null;
  publishedByName: string | null;
}

export type RiskKey = '1' | '2' | '3' | '4';

export interface Shortage {
  /** Risk 4 first. */
  byRisk: { risk: RiskLevel; positions: number; filled: number; missing: number }[];
  /** Most missing first. */
  byRegion: { regionId: string; regionName: string; missing: number; missingByRisk: Record<RiskKey, number> }[];
  /** Highest risk, then start; at most 200. */
  uncovered: {
    shiftId: string;
    checkpointId: string;
    checkpointName: string;
    regionName: string;
    risk: RiskLevel;
    startsAt: string;
    endsAt: string;
    missing: number;
  }[];
  /** Shifts short of people. */
  uncoveredTotal: number;
}

/** The optimiser's report at the last generation. */
export interface Generation {
  eligibleVolunteers: number;
  usedVolunteers: number;
  distanceMeanKm: number | null;
  distanceMaxKm: number | null;
  loadMean: number;
  loadMax: number;
  loadStdDev: number;
  sameTeamShare: number | null;
  solveMs: number;
  stoppedBy: 'completed' | 'time' | 'construction-only';
  generatedAt: string;
}

export interface RosterDetail extends RosterSummary {
  rules: RosterRules;
  shortage: Shortage;
  generation: Generation | null;
}

export interface AssignmentOut {
  id: string;
  volunteerId: string;
  volunteerName: string;
  source: AssignmentSource;
  attendance: AttendanceState;
  checkedInAt: string | null;
  checkedOutAt: string | null;
  hours: number | null;
}

export interface BoardShift {
  id: string;
  startsAt: string;
  endsAt: string;
  required: number;
  started: boolean;
  /** Ended shifts take no more changes; started ones still take replacements. */
  ended: boolean;
  assignments: AssignmentOut[];
}

export interface BoardCheckpoint {
  id: string;
  name: string;
  kind: CheckpointKind;
  regionId: string;
  regionName: string;
  risk: RiskLevel;
  lat: number | null;
  lng: number | null;
}

export interface BoardRow {
  checkpoint: BoardCheckpoint;
  shifts: BoardShift[];
}

/** Checkpoints (paged), each with its shifts in time order. */
export interface Board {
  items: BoardRow[];
  total: number;
}

/** A broken hard rule, worded in the caller's language. */
export interface Violation {
  code: ViolationCode;
  message: string;
}

export interface Candidate {
  volunteerId: string;
  name: string;
  regionName: string;
  distanceKm: number;
  /** Shifts in this roster. */
  load: number;
  teamNames: string[];
  violations: Violation[];
}

export interface RosterChange {
  version: number;
  at: string;
  byName: string | null;
  action: RosterChangeAction;
  checkpointName: string;
  startsAt: string;
  endsAt: string;
  volunteerName: string;
  otherVolunteerName: string | null;
  reason: string | null;
}

export interface PublishResult {
  roster: RosterDetail;
  notified: number;
  /** Assigned volunteers without an account: tell them another way. */
  unreachable: { volunteerId: string; name: string }[];
}

// ---------------------------------------------------------------- schemas

const RiskSchema = Type.Unsafe<RiskLevel>(Type.Integer({ minimum: 1, maximum: 4 }));
const ViolationCodeSchema = Type.Unsafe<ViolationCode>(Type.String());

export const RosterRulesOut = Type.Object({
  minRestHours: Type.Number(),
  maxShiftsPerWeek: Type.Integer(),
  maxShiftsPerDay: Nullable(Type.Integer()),
  checkInEarlyMinutes: Type.Integer(),
  absentAfterMinutes: Type.Integer(),
  checkOutGraceMinutes: Type.Integer(),
});

export const RosterRulesIn = Type.Object(
  {
    minRestHours: Type.Optional(Type.Integer({ minimum: 0, maximum: 24 })),
    maxShiftsPerWeek: Type.Optional(Type.Integer({ minimum: 1, maximum: 21 })),
    maxShiftsPerDay: Type.Optional(Nullable(Type.Integer({ minimum: 1, maximum: 3 }))),
    checkInEarlyMinutes: Type.Optional(Type.Integer({ minimum: 0, maximum: 180 })),
    absentAfterMinutes: Type.Optional(Type.Integer({ minimum: 5, maximum: 240 })),
    checkOutGraceMinutes: Type.Optional(Type.Integer({ minimum: 0, maximum: 240 })),
  },
  { additionalProperties: false },
);

const summaryFields = {
  id: Type.String(),
  name: Type.String(),
  regionId: Type.String(),
  regionName: Type.String(),
  startsOn: Type.String(),
  endsOn: Type.String(),
  status: Type.Enum(ROSTER_STATUSES),
  version: Type.Integer(),
  positions: Type.Integer(),
  filled: Type.Integer(),
  coverage: Type.Number(),
  checkpointCount: Type.Integer(),
  volunteerCount: Type.Integer(),
  pendingSwaps: Type.Integer(),
  createdAt: Type.String(),
  publishedAt: Nullable(Type.String()),
  publishedByName: Nullable(Type.String()),
};

export const RosterSummaryOut = Type.Object(summaryFields);
export const RosterList = Type.Object({ items: Type.Array(RosterSummaryOut), total: Type.Integer() });

const ByRiskCount = Type.Object({ '1': Type.Integer(), '2': Type.Integer(), '3': Type.Integer(), '4': Type.Integer() });

export const ShortageOut = Type.Object({
  byRisk: Type.Array(
    Type.Object({ risk: RiskSchema, positions: Type.Integer(), filled: Type.Integer(), missing: Type.Integer() }),
  ),
  byRegion: Type.Array(
    Type.Object({ regionId: Type.String(), regionName: Type.String(), missing: Type.Integer(), missingByRisk: ByRiskCount }),
  ),
  uncovered: Type.Array(
    Type.Object({
      shiftId: Type.String(),
      checkpointId: Type.String(),
      checkpointName: Type.String(),
      regionName: Type.String(),
      risk: RiskSchema,
      startsAt: Type.String(),
      endsAt: Type.String(),
      missing: Type.Integer(),
    }),
  ),
  uncoveredTotal: Type.Integer(),
});

export const GenerationOut = Type.Object({
  eligibleVolunteers: Type.Integer(),
  usedVolunteers: Type.Integer(),
  distanceMeanKm: Nullable(Type.Number()),
  distanceMaxKm: Nullable(Type.Number()),
  loadMean: Type.Number(),
  loadMax: Type.Number(),
  loadStdDev: Type.Number(),
  sameTeamShare: Nullable(Type.Number()),
  solveMs: Type.Number(),
  stoppedBy: Type.Enum(['completed', 'time', 'construction-only'] as const),
  generatedAt: Type.String(),
});

export const RosterDetailOut = Type.Object({
  ...summaryFields,
  rules: RosterRulesOut,
  shortage: ShortageOut,
  generation: Nullable(GenerationOut),
});

export const AssignmentOutSchema = Type.Object({
  id: Type.String(),
  volunteerId: Type.String(),
  volunteerName: Type.String(),
  source: Type.Enum(ASSIGNMENT_SOURCES),
  attendance: Type.Enum(ATTENDANCE_STATES),
  checkedInAt: Nullable(Type.String()),
  checkedOutAt: Nullable(Type.String()),
  hours: Nullable(Type.Number()),
});

export const BoardOut = Type.Object({
  items: Type.Array(
    Type.Object({
      checkpoint: Type.Object({
        id: Type.String(),
        name: Type.String(),
        kind: Type.Enum(CHECKPOINT_KINDS),
        regionId: Type.String(),
        regionName: Type.String(),
        risk: RiskSchema,
        lat: Nullable(Type.Number()),
        lng: Nullable(Type.Number()),
      }),
      shifts: Type.Array(
        Type.Object({
          id: Type.String(),
          startsAt: Type.String(),
          endsAt: Type.String(),
          required: Type.Integer(),
          started: Type.Boolean(),
          ended: Type.Boolean(),
          assignments: Type.Array(AssignmentOutSchema),
        }),
      ),
    }),
  ),
  total: Type.Integer(),
});

export const ViolationOut = Type.Object({ code: ViolationCodeSchema, message: Type.String() });

export const CandidateList = Type.Object({
  items: Type.Array(
    Type.Object({
      volunteerId: Type.String(),
      name: Type.String(),
      regionName: Type.String(),
      distanceKm: Type.Number(),
      load: Type.Integer(),
      teamNames: Type.Array(Type.String()),
      violations: Type.Array(ViolationOut),
    }),
  ),
});

export const ChangeList = Type.Object({
  items: Type.Array(
    Type.Object({
      version: Type.Integer(),
      at: Type.String(),
      byName: Nullable(Type.String()),
      action: Type.Enum(ROSTER_CHANGE_ACTIONS),
      checkpointName: Type.String(),
      startsAt: Type.String(),
      endsAt: Type.String(),
      volunteerName: Type.String(),
      otherVolunteerName: Nullable(Type.String()),
      reason: Nullable(Type.String()),
    }),
  ),
});

export const PublishOut = Type.Object({
  roster: RosterDetailOut,
  notified: Type.Integer(),
  unreachable: Type.Array(Type.Object({ volunteerId: Type.String(), name: Type.String() })),
});

const Paging = (max: number, byDefault: number) => ({
  limit: Type.Optional(Type.Integer({ minimum: 1, maximum: max, default: byDefault })),
  offset: Type.Optional(Type.Integer({ minimum: 0, maximum: 1_000_000, default: 0 })),
});

export const RosterQuery = Type.Object(
  { regionId: Type.Optional(Id()), status: Type.Optional(Type.Enum(ROSTER_STATUSES)), ...Paging(200, 50) },
  { additionalProperties: false },
);
export type RosterQueryInput = Static<typeof RosterQuery>;

export const CreateRosterBody = Type.Object(
  {
    regionId: Id(),
    startsOn: CalendarDate(),
    endsOn: CalendarDate(),
    name: Type.Optional(Text(80)),
    rules: Type.Optional(RosterRulesIn),
  },
  { additionalProperties: false },
);
export type CreateRosterInput = Static<typeof CreateRosterBody>;

export const UpdateRosterBody = Type.Object({ name: Text(80) }, { additionalProperties: false });
export type UpdateRosterInput = Static<typeof UpdateRosterBody>;

export const BoardQuery = Type.Object(
  {
    regionId: Type.Optional(Id()),
    risk: Type.Optional(RiskSchema),
    q: Type.Optional(Text(60)),
    /** Only checkpoints with a shift short of people (within from/to when given). */
    short: Type.Optional(Type.Boolean()),
    from: Type.Optional(Timestamp()),
    to: Type.Optional(Timestamp()),
    ...Paging(100, 20),
  },
  { additionalProperties: false },
);
export type BoardQueryInput = Static<typeof BoardQuery>;

export const ShiftParams = Type.Object({ id: Id(), shiftId: Id() }, { additionalProperties: false });
export const AssignmentParams = Type.Object({ id: Id(), assignmentId: Id() }, { additionalProperties: false });

export const CandidateQuery = Type.Object(
  { q: Type.Optional(Text(40)), limit: Type.Optional(Type.Integer({ minimum: 1, maximum: 100, default: 30 })) },
  { additionalProperties: false },
);
export type CandidateQueryInput = Static<typeof CandidateQuery>;

export const AssignBody = Type.Object(
  { shiftId: Id(), volunteerId: Id(), reason: Type.Optional(Text(200)) },
  { additionalProperties: false },
);
export type AssignInput = Static<typeof AssignBody>;

export const UnassignQuery = Type.Object({ reason: Type.Optional(Text(200)) }, { additionalProperties: false });
