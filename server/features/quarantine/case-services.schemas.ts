import { Type, type Static } from 'typebox';
import { CASE_SERVICE_KINDS, DISINFECTION_METHODS, type CaseServiceKind } from '../../../common/enums.ts';
import { CalendarDate, Id, Text } from '../../platform/http/schemas.ts';
import { Nullable } from '../teams/teams.schemas.ts';

export const CaseServiceLogOut = Type.Object({
  id: Type.String(),
  kind: Type.Enum(CASE_SERVICE_KINDS),
  doneOn: Type.String(),
  doneAt: Type.String(),
  byName: Type.String(),
  areaM2: Nullable(Type.Number()),
  agent: Nullable(Type.String()),
  concentration: Nullable(Type.String()),
  items: Nullable(Type.String()),
  note: Nullable(Type.String()),
  /** Disinfection visits (records of the disinfection feature): how, by how many, how long; signed off when. */
  method: Nullable(Type.Enum(DISINFECTION_METHODS)),
  people: Nullable(Type.Integer()),
  contactMinutes: Nullable(Type.Integer()),
  signedOffAt: Nullable(Type.String()),
});
export type CaseServiceLog = Static<typeof CaseServiceLogOut>;

export const CaseServiceOut = Type.Object({
  id: Type.String(),
  caseId: Type.String(),
  caseRef: Type.String(),
  regionName: Type.String(),
  kind: Type.Enum(CASE_SERVICE_KINDS),
  everyDays: Type.Integer(),
  nextOn: Type.String(),
  due: Type.Boolean(),
  volunteer: Nullable(Type.Object({ id: Type.String(), name: Type.String() })),
  note: Nullable(Type.String()),
  active: Type.Boolean(),
  /** Where to go; the person's name in full, the mobile masked. */
  address: Nullable(Type.String()),
  personName: Type.String(),
  mobile: Nullable(Type.String()),
  lastDoneOn: Nullable(Type.String()),
});
export type CaseService = Static<typeof CaseServiceOut>;

export const CaseServiceList = Type.Object({ items: Type.Array(CaseServiceOut) });
export const CaseServicesOfCase = Type.Object({ items: Type.Array(CaseServiceOut), logs: Type.Array(CaseServiceLogOut) });

export const ScheduleServiceBody = Type.Object(
  {
    kind: Type.Enum(CASE_SERVICE_KINDS),
    everyDays: Type.Integer({ minimum: 1, maximum: 30 }),
    startsOn: CalendarDate(),
    volunteerId: Type.Optional(Id()),
    note: Type.Optional(Text(200)),
  },
  { additionalProperties: false },
);
export type ScheduleServiceInput = Static<typeof ScheduleServiceBody>;

export const UpdateServiceBody = Type.Object(
  {
    everyDays: Type.Optional(Type.Integer({ minimum: 1, maximum: 30 })),
    nextOn: Type.Optional(CalendarDate()),
    volunteerId: Type.Optional(Nullable(Id())),
    active: Type.Optional(Type.Boolean()),
  },
  { additionalProperties: false, minProperties: 1 },
);
export type UpdateServiceInput = Static<typeof UpdateServiceBody>;

export const LogServiceBody = Type.Object(
  {
    /** Today unless given (a visit logged the next morning). */
    doneOn: Type.Optional(CalendarDate()),
    areaM2: Type.Optional(Type.Number({ exclusiveMinimum: 0, maximum: 100_000 })),
    agent: Type.Optional(Text(60)),
    concentration: Type.Optional(Text(60)),
    /** Disinfection only; default spray, one person, contact time not noted. */
    method: Type.Optional(Type.Enum(DISINFECTION_METHODS)),
    people: Type.Optional(Type.Integer({ minimum: 1, maximum: 20 })),
    contactMinutes: Type.Optional(Type.Integer({ minimum: 1, maximum: 1440 })),
    items: Type.Optional(Text(300)),
    note: Type.Optional(Text(300)),
  },
  { additionalProperties: false },
);
export type LogServiceInput = Static<typeof LogServiceBody>;

export const DueQuery = Type.Object(
  { on: Type.Optional(CalendarDate()), regionId: Type.Optional(Id()) },
  { additionalProperties: false },
);
export type DueQueryInput = Static<typeof DueQuery>;

export const MineQuery = Type.Object({ on: Type.Optional(CalendarDate()) }, { additionalProperties: false });

export type { CaseServiceKind };
