import { Type, type Static } from 'typebox';
import { DISINFECTION_METHODS, PLACE_KINDS, REGION_LEVELS } from '../../../common/enums.ts';
import { CalendarDate, Id, Text, Timestamp } from '../../platform/http/schemas.ts';
import { Nullable } from '../teams/teams.schemas.ts';
import { MAX_AREA_M2, MAX_PEOPLE, SCHEDULE_STATES } from './disinfection.rules.ts';

const Ref = () => Type.Object({ id: Type.String(), name: Type.String() });
const Area = () => Type.Number({ exclusiveMinimum: 0, maximum: MAX_AREA_M2 });
const Limit = () => Type.Optional(Type.Integer({ minimum: 1, maximum: 200, default: 50 }));
const Offset = () => Type.Optional(Type.Integer({ minimum: 0, maximum: 1_000_000, default: 0 }));

// ---------------------------------------------------------------- places

export const PlaceOut = Type.Object({
  id: Type.String(),
  regionId: Type.String(),
  regionName: Type.String(),
  kind: Type.Enum(PLACE_KINDS),
  name: Type.String(),
  address: Nullable(Type.String()),
  /** The usual area of one pass; the log form starts from it. */
  areaM2: Nullable(Type.Number()),
  checkpoint: Nullable(Ref()),
  active: Type.Boolean(),
  note: Nullable(Type.String()),
  /** Active schedules, and how many of them are overdue today. */
  schedules: Type.Integer(),
  overdue: Type.Integer(),
  lastDoneOn: Nullable(Type.String()),
});
export type Place = Static<typeof PlaceOut>;
export const PlaceList = Type.Object({ items: Type.Array(PlaceOut), total: Type.Integer() });

export const PlaceQuery = Type.Object(
  {
    regionId: Type.Optional(Id()),
    /** Part of the name. */
    q: Type.Optional(Text(40)),
    kind: Type.Optional(Type.Enum(PLACE_KINDS)),
    active: Type.Optional(Type.Boolean()),
    /** Only places with an overdue schedule. */
    overdue: Type.Optional(Type.Boolean()),
    limit: Limit(),
    offset: Offset(),
  },
  { additionalProperties: false },
);
export type PlaceQueryInput = Static<typeof PlaceQuery>;

export const CreatePlaceBody = Type.Object(
  {
    regionId: Id(),
    kind: Type.Enum(PLACE_KINDS),
    name: Text(60),
    address: Type.Optional(Text(120)),
    areaM2: Type.Optional(Area()),
    checkpointId: Type.Optional(Id()),
    note: Type.Optional(Text(200)),
  },
  { additionalProperties: false },
);
export type CreatePlaceInput = Static<typeof CreatePlaceBody>;

export const UpdatePlaceBody = Type.Object(
  {
    kind: Type.Optional(Type.Enum(PLACE_KINDS)),
    name: Type.Optional(Text(60)),
    address: Type.Optional(Nullable(Text(120))),
    areaM2: Type.Optional(Nullable(Area())),
    checkpointId: Type.Optional(Nullable(Id())),
    note: Type.Optional(Nullable(Text(200))),
    active: Type.Optional(Type.Boolean()),
  },
  { additionalProperties: false, minProperties: 1 },
);
export type UpdatePlaceInput = Static<typeof UpdatePlaceBody>;

/** A place as the phone's log form picks it. */
export const PlacePickOut = Type.Object({
  id: Type.String(),
  name: Type.String(),
  kind: Type.Enum(PLACE_KINDS),
  regionName: Type.String(),
  address: Nullable(Type.String()),
  areaM2: Nullable(Type.Number()),
});
export type PlacePick = Static<typeof PlacePickOut>;
export const PlacePickList = Type.Object({ items: Type.Array(PlacePickOut) });
export const PlacePickQuery = Type.Object({ q: Type.Optional(Text(40)) }, { additionalProperties: false });

// ---------------------------------------------------------------- schedules

export const ScheduleOut = Type.Object({
  id: Type.String(),
  place: PlacePickOut,
  regionId: Type.String(),
  regionName: Type.String(),
  everyDays: Type.Integer(),
  nextOn: Type.String(),
  team: Nullable(Ref()),
  volunteer: Nullable(Ref()),
  active: Type.Boolean(),
  note: Nullable(Type.String()),
  lastDoneOn: Nullable(Type.String()),
  /** overdue: next_on before today; due: today; upcoming; paused. */
  state: Type.Enum(SCHEDULE_STATES),
  overdueDays: Type.Integer(),
});
export type Schedule = Static<typeof ScheduleOut>;
export const ScheduleList = Type.Object({ items: Type.Array(ScheduleOut), total: Type.Integer() });
export const MyJobsOut = Type.Object({ items: Type.Array(ScheduleOut) });

export const ScheduleQuery = Type.Object(
  {
    regionId: Type.Optional(Id()),
    placeId: Type.Optional(Id()),
    /** overdue; due (today or before: what should be done now); upcoming; paused. */
    state: Type.Optional(Type.Enum(SCHEDULE_STATES)),
    limit: Limit(),
    offset: Offset(),
  },
  { additionalProperties: false },
);
export type ScheduleQueryInput = Static<typeof ScheduleQuery>;

export const CreateScheduleBody = Type.Object(
  {
    placeId: Id(),
    /** 1: daily. */
    everyDays: Type.Integer({ minimum: 1, maximum: 30 }),
    /** The first job's day. */
    startsOn: CalendarDate(),
    /** A team or a volunteer (exactly one). */
    teamId: Type.Optional(Id()),
    volunteerId: Type.Optional(Id()),
    note: Type.Optional(Text(200)),
  },
  { additionalProperties: false },
);
export type CreateScheduleInput = Static<typeof CreateScheduleBody>;

export const UpdateScheduleBody = Type.Object(
  {
    everyDays: Type.Optional(Type.Integer({ minimum: 1, maximum: 30 })),
    nextOn: Type.Optional(CalendarDate()),
    /** Giving one takes the other away. */
    teamId: Type.Optional(Id()),
    volunteerId: Type.Optional(Id()),
    note: Type.Optional(Nullable(Text(200))),
    /** false pauses, true resumes. */
    active: Type.Optional(Type.Boolean()),
  },
  { additionalProperties: false, minProperties: 1 },
);
export type UpdateScheduleInput = Static<typeof UpdateScheduleBody>;

// ---------------------------------------------------------------- logs

export const SignOffOut = Type.Object({
  by: Type.Object({ accountId: Type.String(), name: Type.String() }),
  at: Type.String(),
  note: Nullable(Type.String()),
});

export const LogOut = Type.Object({
  id: Type.String(),
  regionId: Type.String(),
  regionName: Type.String(),
  /** place: a disinfection place; home: an isolated household (the quarantine feature's visit). */
  site: Type.Enum(['place', 'home'] as const),
  place: Nullable(Type.Object({ id: Type.String(), name: Type.String(), kind: Type.Enum(PLACE_KINDS) })),
  /** For a home: the case's reference only, never the person's name or address. */
  caseRef: Nullable(Type.String()),
  /** What lists show as the place: its name, or "<ref> 隔离户". */
  placeLabel: Type.String(),
  scheduleId: Nullable(Type.String()),
  doneAt: Type.String(),
  doneOn: Type.String(),
  by: Type.Object({ accountId: Type.String(), name: Type.String() }),
  team: Nullable(Ref()),
  people: Type.Integer(),
  areaM2: Type.Number(),
  agent: Type.String(),
  concentration: Nullable(Type.String()),
  method: Type.Enum(DISINFECTION_METHODS),
  contactMinutes: Nullable(Type.Integer()),
  note: Nullable(Type.String()),
  signOff: Nullable(SignOffOut),
  createdAt: Type.String(),
});
export type Log = Static<typeof LogOut>;
export const LogList = Type.Object({ items: Type.Array(LogOut), total: Type.Integer() });
export const MyLogsOut = Type.Object({ items: Type.Array(LogOut) });

export const LogQuery = Type.Object(
  {
    regionId: Type.Optional(Id()),
    placeId: Type.Optional(Id()),
    /** Local dates, inclusive. */
    from: Type.Optional(CalendarDate()),
    to: Type.Optional(CalendarDate()),
    signed: Type.Optional(Type.Boolean()),
    site: Type.Optional(Type.Enum(['place', 'home'] as const)),
    limit: Limit(),
    offset: Offset(),
  },
  { additionalProperties: false },
);
export type LogQueryInput = Static<typeof LogQuery>;

/** What a disinfection job says, wherever it was done. */
export const jobFields = {
  areaM2: Area(),
  /** e.g. 含氯消毒剂, 84消毒液, 75% 酒精 */
  agent: Text(60),
  /** e.g. 500 mg/L */
  concentration: Type.Optional(Text(60)),
  method: Type.Enum(DISINFECTION_METHODS),
  contactMinutes: Type.Optional(Type.Integer({ minimum: 1, maximum: 1440 })),
  /** People who did it (default 1). */
  people: Type.Optional(Type.Integer({ minimum: 1, maximum: MAX_PEOPLE })),
  note: Type.Optional(Text(300)),
};

export const CreateLogBody = Type.Object(
  {
    placeId: Id(),
    /** The schedule this job was (its next job moves on). */
    scheduleId: Type.Optional(Id()),
    /** Default now; not in the future; at most a week back. */
    doneAt: Type.Optional(Timestamp()),
    /** The caller's team it was done with. */
    teamId: Type.Optional(Id()),
    ...jobFields,
  },
  { additionalProperties: false },
);
export type CreateLogInput = Static<typeof CreateLogBody>;

export const SignOffBody = Type.Object({ note: Type.Optional(Text(200)) }, { additionalProperties: false });
export type SignOffInput = Static<typeof SignOffBody>;

// ---------------------------------------------------------------- totals

const Counts = () => Type.Object({ operations: Type.Integer(), areaM2: Type.Number(), people: Type.Integer() });
export type Counts = Static<ReturnType<typeof Counts>>;

export const TotalsQuery = Type.Object(
  {
    /** Default: the caller's own area. */
    regionId: Type.Optional(Id()),
    /** Local dates, inclusive; default this month so far. */
    from: Type.Optional(CalendarDate()),
    to: Type.Optional(CalendarDate()),
    /** Every log ever, whatever the dates. */
    all: Type.Optional(Type.Boolean()),
  },
  { additionalProperties: false },
);
export type TotalsQueryInput = Static<typeof TotalsQuery>;

export const TotalsOut = Type.Object({
  region: Type.Object({ id: Type.String(), name: Type.String(), level: Type.Enum(REGION_LEVELS) }),
  /** null with `all`. */
  from: Nullable(Type.String()),
  to: Nullable(Type.String()),
  total: Counts(),
  /** Of the total: visits to isolated households. */
  homes: Counts(),
  /** Logged on the region itself rather than under one of its children. */
  direct: Counts(),
  children: Type.Array(
    Type.Object({
      regionId: Type.String(),
      name: Type.String(),
      level: Type.Enum(REGION_LEVELS),
      ...Counts().properties,
    }),
  ),
});
export type Totals = Static<typeof TotalsOut>;
