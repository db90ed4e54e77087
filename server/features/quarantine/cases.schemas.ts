import { Type, type Static } from 'typebox';
import {
  CASE_STATUSES,
  CLOSE_KINDS,
  ISOLATION_KINDS,
  START_BASES,
  type CaseStatus,
  type CloseKind,
  type IsolationKind,
  type StartBasis,
} from '../../../common/enums.ts';
import { CalendarDate, Id, IdNumber, Mobile, Text } from '../../platform/http/schemas.ts';
import { Nullable } from '../teams/teams.schemas.ts';

const Named = () => Type.Object({ id: Type.String(), name: Type.String() });

const Counter = Type.Object({
  day: Type.Integer(),
  total: Type.Integer(),
  remaining: Type.Integer(),
  dueForRelease: Type.Boolean(),
});

/** A case as lists show it: the person masked (张*, 138****1234). */
export const CaseSummaryOut = Type.Object({
  id: Type.String(),
  ref: Type.String(),
  regionId: Type.String(),
  regionName: Type.String(),
  personName: Type.String(),
  mobile: Nullable(Type.String()),
  address: Nullable(Type.String()),
  kind: Type.Enum(ISOLATION_KINDS),
  plan: Type.String(),
  planDays: Type.Integer(),
  startBasis: Type.Enum(START_BASES),
  startsOn: Type.String(),
  endsOn: Type.String(),
  status: Type.Enum(CASE_STATUSES),
  counter: Counter,
  gridWorker: Nullable(Named()),
  medicalObserver: Nullable(Named()),
  volunteer: Nullable(Named()),
  closedOn: Nullable(Type.String()),
  closeKind: Nullable(Type.Enum(CLOSE_KINDS)),
  anonymised: Type.Boolean(),
});
export type CaseSummary = Static<typeof CaseSummaryOut>;

export const CaseEventOut = Type.Object({
  id: Type.String(),
  kind: Type.String(),
  detail: Type.Record(Type.String(), Type.Unknown()),
  reason: Nullable(Type.String()),
  byName: Nullable(Type.String()),
  at: Type.String(),
});
export type CaseEvent = Static<typeof CaseEventOut>;

const SlotCell = Nullable(
  Type.Object({
    temperature: Nullable(Type.Number()),
    fever: Type.Boolean(),
    symptoms: Type.Integer(),
    help: Type.Boolean(),
    late: Type.Boolean(),
  }),
);

export const CaseDetailOut = Type.Object({
  ...CaseSummaryOut.properties,
  /** First 6 + last 4, or null when none was given. */
  idNumber: Nullable(Type.String()),
  householdId: Nullable(Type.String()),
  returneeId: Nullable(Type.String()),
  contactId: Nullable(Type.String()),
  closeReason: Nullable(Type.String()),
  hospital: Nullable(Type.String()),
  createdAt: Type.String(),
  events: Type.Array(CaseEventOut),
  /** The last 14 days of report slots, oldest first; null: no report. */
  reports: Type.Array(Type.Object({ date: Type.String(), morning: SlotCell, evening: SlotCell })),
  /** When each report window closes (local HH:MM, as configured): which empty slots were owed. */
  windowCloses: Type.Object({ morning: Type.String(), evening: Type.String() }),
  openAlerts: Type.Integer(),
});
export type CaseDetail = Static<typeof CaseDetailOut>;

export const CaseList = Type.Object({ items: Type.Array(CaseSummaryOut), total: Type.Integer() });

export const CaseQuery = Type.Object(
  {
    regionId: Type.Optional(Id()),
    status: Type.Optional(Type.Enum(CASE_STATUSES)),
    kind: Type.Optional(Type.Enum(ISOLATION_KINDS)),
    /** Active cases on or past their last day. */
    due: Type.Optional(Type.Boolean()),
    limit: Type.Optional(Type.Integer({ minimum: 1, maximum: 200, default: 50 })),
    offset: Type.Optional(Type.Integer({ minimum: 0, maximum: 1_000_000, default: 0 })),
  },
  { additionalProperties: false },
);
export type CaseQueryInput = Static<typeof CaseQuery>;

export const OpenCaseBody = Type.Object(
  {
    /** Prefill from a returnee or a close contact (at most one); or give the person below. */
    returneeId: Type.Optional(Id()),
    contactId: Type.Optional(Id()),
    personName: Type.Optional(Text(40)),
    idNumber: Type.Optional(IdNumber()),
    mobile: Type.Optional(Mobile()),
    address: Type.Optional(Text(200)),
    /** A community or grid; the source's region when opened from one. */
    regionId: Type.Optional(Id()),
    householdId: Type.Optional(Id()),
    kind: Type.Enum(ISOLATION_KINDS),
    plan: Type.Optional(Type.String({ pattern: '^[a-z0-9_]{1,16}$' })),
    startBasis: Type.Optional(Type.Enum(START_BASES)),
    startsOn: Type.Optional(CalendarDate()),
    gridWorkerId: Type.Optional(Id()),
    medicalObserverId: Type.Optional(Id()),
    volunteerId: Type.Optional(Id()),
  },
  { additionalProperties: false },
);
export type OpenCaseInput = Static<typeof OpenCaseBody>;

export const AssignCaseBody = Type.Object(
  {
    gridWorkerId: Type.Optional(Nullable(Id())),
    medicalObserverId: Type.Optional(Nullable(Id())),
    volunteerId: Type.Optional(Nullable(Id())),
  },
  { additionalProperties: false, minProperties: 1 },
);
export type AssignCaseInput = Static<typeof AssignCaseBody>;

export const ExtendCaseBody = Type.Object({ endsOn: CalendarDate(), reason: Text(200) }, { additionalProperties: false });
export type ExtendCaseInput = Static<typeof ExtendCaseBody>;

export const ReleaseCaseBody = Type.Object(
  { early: Type.Optional(Type.Boolean()), reason: Type.Optional(Text(200)) },
  { additionalProperties: false },
);
export type ReleaseCaseInput = Static<typeof ReleaseCaseBody>;

export const TransferCaseBody = Type.Object({ hospital: Text(100), reason: Text(200) }, { additionalProperties: false });
export type TransferCaseInput = Static<typeof TransferCaseBody>;

export const CasePersonOut = Type.Object({
  personName: Type.String(),
  idNumber: Nullable(Type.String()),
  mobile: Nullable(Type.String()),
  address: Nullable(Type.String()),
});

export const ReleaseNoticeOut = Type.Object({
  ref: Type.String(),
  personName: Type.String(),
  idNumber: Nullable(Type.String()),
  address: Nullable(Type.String()),
  kind: Type.Enum(ISOLATION_KINDS),
  startsOn: Type.String(),
  endsOn: Type.String(),
  releasedOn: Type.String(),
  closeKind: Type.Enum(CLOSE_KINDS),
  communityName: Type.String(),
  regionName: Type.String(),
});

export const AssigneesQuery = Type.Object({ regionId: Id() }, { additionalProperties: false });
export const AssigneesOut = Type.Object({
  gridWorkers: Type.Array(Named()),
  medicalObservers: Type.Array(Named()),
  volunteers: Type.Array(Named()),
  plans: Type.Array(Type.Object({ code: Type.String(), days: Type.Integer() })),
});

export const SourcesQuery = Type.Object(
  {
    kind: Type.Union([Type.Literal('returnee'), Type.Literal('contact')]),
    regionId: Type.Optional(Id()),
    limit: Type.Optional(Type.Integer({ minimum: 1, maximum: 200, default: 50 })),
  },
  { additionalProperties: false },
);
export type SourcesQueryInput = Static<typeof SourcesQuery>;
export const SourcesOut = Type.Object({
  items: Type.Array(
    Type.Object({
      id: Type.String(),
      /** Where the case would be placed: the form starts from it, so the place's people load at once. */
      regionId: Type.String(),
      regionName: Type.String(),
      personName: Type.String(),
      mobile: Nullable(Type.String()),
      /** Return date or last exposure: where the isolation would start. */
      startsOn: Type.String(),
      detail: Type.String(),
    }),
  ),
});

export type { CaseStatus, CloseKind, IsolationKind, StartBasis };
