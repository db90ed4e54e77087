import { Type, type Static } from 'typebox';
import {
  ATTENDANCE_STATES,
  CHECKPOINT_KINDS,
  INSPECTION_MARKS,
  type AttendanceState,
  type CheckpointKind,
  type InspectionMark,
  type RiskLevel,
} from '../../../common/enums.ts';
import { CalendarDate, Id, Text, Timestamp } from '../../platform/http/schemas.ts';
import { RiskSchema } from '../checkpoints/checkpoints.schemas.ts';
import { Nullable } from '../teams/teams.schemas.ts';

export interface Ratings {
  staffing: number;
  supplies: number;
  registration: number;
  attitude: number;
}

/** Who the roster says is on post at a checkpoint at a moment. */
export interface CrewMember {
  assignmentId: string;
  volunteerId: string;
  name: string;
  teamNames: string[];
  startsAt: string;
  endsAt: string;
  attendance: AttendanceState;
  checkedInAt: string | null;
}

/** The inspector's visit page at one checkpoint. */
export interface InspectionCrew {
  checkpoint: {
    id: string;
    name: string;
    kind: CheckpointKind;
    regionName: string;
    risk: RiskLevel;
    address: string | null;
    lat: number | null;
    lng: number | null;
  };
  at: string;
  /** Published shifts here covering `at`, with their head counts. */
  shifts: { shiftId: string; startsAt: string; endsAt: string; required: number; assigned: number }[];
  crew: CrewMember[];
  lastVisit: { id: string; visitedAt: string; inspectorName: string } | null;
  /** The caller's groups whose area holds the checkpoint (to record the visit under). */
  groups: { id: string; name: string }[];
}

export interface InspectionSummary {
  id: string;
  checkpointId: string;
  checkpointName: string;
  regionName: string;
  groupId: string | null;
  groupName: string | null;
  inspector: { accountId: string; name: string };
  visitedAt: string;
  createdAt: string;
  ratings: Ratings;
  findings: string | null;
  expected: number;
  present: number;
  absent: number;
}

export interface Inspection extends InspectionSummary {
  marks: {
    assignmentId: string;
    volunteerId: string;
    name: string;
    mark: InspectionMark;
    note: string | null;
    startsAt: string;
    endsAt: string;
  }[];
}

/** Which checkpoints of an area were visited today and this week, and a route for today's round. */
export interface Coverage {
  date: string;
  /** Local Monday of this week. */
  weekStart: string;
  totals: { checkpoints: number; visitedToday: number; visitedThisWeek: number };
  checkpoints: {
    id: string;
    name: string;
    kind: CheckpointKind;
    regionName: string;
    risk: RiskLevel;
    lat: number | null;
    lng: number | null;
    lastVisitAt: string | null;
    visitsToday: number;
    visitsThisWeek: number;
    /** Published shifts going on now: people required and checked in. */
    staffedNow: { required: number; onDuty: number };
  }[];
  /**
   * Today's unvisited checkpoints in visiting order: higher risk first, then nearest-first from
   * the start (the caller's position when given); legKm null where a position is missing.
   */
  route: { checkpointId: string; legKm: number | null }[];
  routeKm: number;
}

export interface AbsenceTally {
  from: string;
  to: string;
  byVolunteer: { volunteerId: string; name: string; regionName: string; count: number; lastAt: string }[];
  byTeam: { teamId: string; name: string; count: number }[];
}

const Person = () => Type.Object({ accountId: Type.String(), name: Type.String() });
const Rating = () => Type.Integer({ minimum: 1, maximum: 5 });
const RatingsSchema = Type.Object(
  { staffing: Rating(), supplies: Rating(), registration: Rating(), attitude: Rating() },
  { additionalProperties: false },
);
const CheckpointKindSchema = Type.Enum(CHECKPOINT_KINDS);

export const CheckpointParams = Type.Object({ checkpointId: Id() }, { additionalProperties: false });

export const CrewQuery = Type.Object({ at: Type.Optional(Timestamp()) }, { additionalProperties: false });

export const InspectionCrewOut = Type.Object({
  checkpoint: Type.Object({
    id: Type.String(),
    name: Type.String(),
    kind: CheckpointKindSchema,
    regionName: Type.String(),
    risk: RiskSchema,
    address: Nullable(Type.String()),
    lat: Nullable(Type.Number()),
    lng: Nullable(Type.Number()),
  }),
  at: Type.String(),
  shifts: Type.Array(
    Type.Object({
      shiftId: Type.String(),
      startsAt: Type.String(),
      endsAt: Type.String(),
      required: Type.Integer(),
      assigned: Type.Integer(),
    }),
  ),
  crew: Type.Array(
    Type.Object({
      assignmentId: Type.String(),
      volunteerId: Type.String(),
      name: Type.String(),
      teamNames: Type.Array(Type.String()),
      startsAt: Type.String(),
      endsAt: Type.String(),
      attendance: Type.Enum(ATTENDANCE_STATES),
      checkedInAt: Nullable(Type.String()),
    }),
  ),
  lastVisit: Nullable(Type.Object({ id: Type.String(), visitedAt: Type.String(), inspectorName: Type.String() })),
  groups: Type.Array(Type.Object({ id: Type.String(), name: Type.String() })),
});

const summaryFields = {
  id: Type.String(),
  checkpointId: Type.String(),
  checkpointName: Type.String(),
  regionName: Type.String(),
  groupId: Nullable(Type.String()),
  groupName: Nullable(Type.String()),
  inspector: Person(),
  visitedAt: Type.String(),
  createdAt: Type.String(),
  ratings: Type.Object({
    staffing: Type.Integer(),
    supplies: Type.Integer(),
    registration: Type.Integer(),
    attitude: Type.Integer(),
  }),
  findings: Nullable(Type.String()),
  expected: Type.Integer(),
  present: Type.Integer(),
  absent: Type.Integer(),
};
export const InspectionSummaryOut = Type.Object(summaryFields);
export const InspectionList = Type.Object({ items: Type.Array(InspectionSummaryOut), total: Type.Integer() });
export const InspectionOut = Type.Object({
  ...summaryFields,
  marks: Type.Array(
    Type.Object({
      assignmentId: Type.String(),
      volunteerId: Type.String(),
      name: Type.String(),
      mark: Type.Enum(INSPECTION_MARKS),
      note: Nullable(Type.String()),
      startsAt: Type.String(),
      endsAt: Type.String(),
    }),
  ),
});

export const CreateInspectionBody = Type.Object(
  {
    checkpointId: Id(),
    /** When the inspector was there (kept offline); default now; not in the future, at most 24 h ago. */
    visitedAt: Type.Optional(Timestamp()),
    groupId: Type.Optional(Nullable(Id())),
    /** One per rostered person seen to (crew of the shifts covering visitedAt). */
    marks: Type.Array(
      Type.Object(
        { assignmentId: Id(), mark: Type.Enum(INSPECTION_MARKS), note: Type.Optional(Nullable(Text(200))) },
        { additionalProperties: false },
      ),
      { maxItems: 200 },
    ),
    ratings: RatingsSchema,
    findings: Type.Optional(Nullable(Text(2000))),
  },
  { additionalProperties: false },
);
export type CreateInspectionInput = Static<typeof CreateInspectionBody>;

export const InspectionQuery = Type.Object(
  {
    regionId: Type.Optional(Id()),
    checkpointId: Type.Optional(Id()),
    groupId: Type.Optional(Id()),
    /** Only the caller's own visits. */
    mine: Type.Optional(Type.Boolean()),
    /** Local dates, inclusive. */
    from: Type.Optional(CalendarDate()),
    to: Type.Optional(CalendarDate()),
    /** Only visits that found someone absent. */
    withAbsences: Type.Optional(Type.Boolean()),
    limit: Type.Optional(Type.Integer({ minimum: 1, maximum: 200, default: 50 })),
    offset: Type.Optional(Type.Integer({ minimum: 0, maximum: 1_000_000, default: 0 })),
  },
  { additionalProperties: false },
);
export type InspectionQueryInput = Static<typeof InspectionQuery>;

export const CoverageQuery = Type.Object(
  {
    /** Default: the caller's whole inspection area. */
    regionId: Type.Optional(Id()),
    /** Where the round starts (the phone's position). */
    lat: Type.Optional(Type.Number({ minimum: -90, maximum: 90 })),
    lng: Type.Optional(Type.Number({ minimum: -180, maximum: 180 })),
  },
  { additionalProperties: false },
);
export type CoverageQueryInput = Static<typeof CoverageQuery>;

export const CoverageOut = Type.Object({
  date: Type.String(),
  weekStart: Type.String(),
  totals: Type.Object({ checkpoints: Type.Integer(), visitedToday: Type.Integer(), visitedThisWeek: Type.Integer() }),
  checkpoints: Type.Array(
    Type.Object({
      id: Type.String(),
      name: Type.String(),
      kind: CheckpointKindSchema,
      regionName: Type.String(),
      risk: RiskSchema,
      lat: Nullable(Type.Number()),
      lng: Nullable(Type.Number()),
      lastVisitAt: Nullable(Type.String()),
      visitsToday: Type.Integer(),
      visitsThisWeek: Type.Integer(),
      staffedNow: Type.Object({ required: Type.Integer(), onDuty: Type.Integer() }),
    }),
  ),
  route: Type.Array(Type.Object({ checkpointId: Type.String(), legKm: Nullable(Type.Number()) })),
  routeKm: Type.Number(),
});

export const AbsenceTallyQuery = Type.Object(
  { regionId: Type.Optional(Id()), from: CalendarDate(), to: CalendarDate() },
  { additionalProperties: false },
);
export type AbsenceTallyQueryInput = Static<typeof AbsenceTallyQuery>;

export const AbsenceTallyOut = Type.Object({
  from: Type.String(),
  to: Type.String(),
  byVolunteer: Type.Array(
    Type.Object({
      volunteerId: Type.String(),
      name: Type.String(),
      regionName: Type.String(),
      count: Type.Integer(),
      lastAt: Type.String(),
    }),
  ),
  byTeam: Type.Array(Type.Object({ teamId: Type.String(), name: Type.String(), count: Type.Integer() })),
});
